// UN Parallel Corpus TEI XML reader (parse_unpc_xml) on valid UTF-8 with "\n" line ends.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(unpc_xml) {
    return plenary::fuzz::read_text(data, size, plenary::parse_unpc_xml, "fuzz.xml");
}
