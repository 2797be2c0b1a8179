// Markdown reader (parse_markdown) on what parse_document gives it: valid UTF-8, "\n" line ends.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(markdown) {
    const auto text = plenary::fuzz::reader_text(data, size);
    if (!text) return 0;
    plenary::fuzz::run_guarded([&] {
        plenary::Document doc = plenary::parse_markdown(*text, "fuzz.md");
        plenary::fuzz::finish_document(doc);
    });
    return 0;
}
