// PDF reader (parse_pdf): poppler's text in physical layout, then Plenary's layout and text
// logic. Poppler is not instrumented (Debian's library), so coverage guides through Plenary's
// part; a crash inside poppler still shows as one.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(pdf) {
    plenary::fuzz::run_guarded([&] {
        plenary::Document doc = plenary::parse_pdf(plenary::fuzz::bytes_of(data, size), "fuzz.pdf");
        plenary::fuzz::finish_document(doc);
    });
    return 0;
}
