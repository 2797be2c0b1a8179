// Countries and demonyms in running text (Gazetteer::find), name lookup and display names:
// each match must lie within the text and name a code.
#include "fuzz_common.h"
#include "reference_langs.h"
#include "refs/countries.h"

PLENARY_FUZZ_TARGET(countries) {
    return plenary::fuzz::run_on_lang_text(
        data, size, [](const std::string& lang, std::string_view text) {
            const plenary::Gazetteer& gazetteer = plenary::Gazetteer::instance();
            for (const auto& m : gazetteer.find(text)) {
                plenary::fuzz::check_range(m.begin, m.end, text,
                                           "Gazetteer::find: match outside the text");
                if (m.code.empty()) plenary::fuzz::finding("Gazetteer::find: empty code");
            }
            if (text.size() <= 200) {
                if (const auto code = gazetteer.lookup(text))
                    (void)gazetteer.display_name(*code, lang);
                (void)gazetteer.display_name(std::string(text), lang);
            }
        });
}
