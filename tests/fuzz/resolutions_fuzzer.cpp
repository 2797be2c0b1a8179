// Resolution and decision citations (find_resolutions, in each language and with a citing
// organ) and query values (parse_resolution): each match must lie within the text.
#include "fuzz_common.h"
#include "reference_langs.h"
#include "refs/resolutions.h"

PLENARY_FUZZ_TARGET(resolutions) {
    return plenary::fuzz::run_on_lang_text(
        data, size, [](const std::string& lang, std::string_view text) {
            for (const char* organ : {"A", "S/RES", "A/HRC"}) {
                for (const auto& m : plenary::find_resolutions(text, {organ, lang}))
                    plenary::fuzz::check_range(m.begin, m.end, text,
                                               "find_resolutions: match outside the text");
            }
            (void)plenary::parse_resolution(text);
        });
}
