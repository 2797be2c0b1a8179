// HTML and XHTML reader (parse_html) on valid UTF-8 with "\n" line ends.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(html) {
    return plenary::fuzz::read_text(data, size, plenary::parse_html, "fuzz.html");
}
