// Countries and demonyms in running text (Gazetteer::find), name lookup and display names:
// each match must lie within the text and name a code.
#include "refs/countries.h"
#include "fuzz_common.h"
#include "reference_langs.h"

PLENARY_FUZZ_TARGET(countries) {
    const auto input = plenary::fuzz::reader_text(data, size);
    if (!input) return 0;
    const auto in = plenary::fuzz::lang_and_text(*input);
    const std::string& lang = in.lang;
    const std::string_view text = in.text;
    plenary::fuzz::run_guarded([&] {
        const plenary::Gazetteer& gazetteer = plenary::Gazetteer::instance();
        for (const auto& m : gazetteer.find(text)) {
            plenary::fuzz::check_range(m.begin, m.end, text, "Gazetteer::find: match outside the text");
            if (m.code.empty()) plenary::fuzz::finding("Gazetteer::find: empty code");
        }
        if (text.size() <= 200) {
            if (const auto code = gazetteer.lookup(text)) (void)gazetteer.display_name(*code, lang);
            (void)gazetteer.display_name(std::string(text), lang);
        }
    });
    return 0;
}
