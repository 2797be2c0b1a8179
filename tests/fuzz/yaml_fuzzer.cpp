// SDG YAML reader (parse_yaml) on valid UTF-8 with "\n" line ends; the folder names the language.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(yaml) {
    const auto text = plenary::fuzz::reader_text(data, size);
    if (!text) return 0;
    plenary::fuzz::run_guarded([&] {
        plenary::Document doc = plenary::parse_yaml(*text, "fuzz/en/global_goals.yml");
        plenary::fuzz::finish_document(doc);
    });
    return 0;
}
