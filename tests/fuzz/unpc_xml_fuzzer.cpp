// UN Parallel Corpus TEI XML reader (parse_unpc_xml) on valid UTF-8 with "\n" line ends.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(unpc_xml) {
    const auto text = plenary::fuzz::reader_text(data, size);
    if (!text) return 0;
    plenary::fuzz::run_guarded([&] {
        plenary::Document doc = plenary::parse_unpc_xml(*text, "fuzz.xml");
        plenary::fuzz::finish_document(doc);
    });
    return 0;
}
