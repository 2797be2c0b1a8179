// Plain-text reader (parse_text) on what parse_document gives it: valid UTF-8, "\n" line ends.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(text) {
    return plenary::fuzz::read_text(data, size, plenary::parse_text, "fuzz.txt");
}
