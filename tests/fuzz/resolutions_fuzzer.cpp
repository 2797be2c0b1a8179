// Resolution and decision citations (find_resolutions, in each language and with a citing
// organ) and query values (parse_resolution): each match must lie within the text.
#include "fuzz_common.h"
#include "reference_langs.h"
#include "refs/resolutions.h"

PLENARY_FUZZ_TARGET(resolutions) {
    const auto input = plenary::fuzz::reader_text(data, size);
    if (!input) return 0;
    const auto in = plenary::fuzz::lang_and_text(*input);
    const std::string& lang = in.lang;
    const std::string_view text = in.text;
    plenary::fuzz::run_guarded([&] {
        for (const char* organ : {"A", "S/RES", "A/HRC"}) {
            for (const auto& m : plenary::find_resolutions(text, {organ, lang}))
                plenary::fuzz::check_range(m.begin, m.end, text, "find_resolutions: match outside the text");
        }
        (void)plenary::parse_resolution(text);
    });
    return 0;
}
