// Sessions ("seventy-third session", in each language), ordinals and dates: each match must
// lie within the text, and a date parsed must be ISO 8601 (YYYY-MM-DD).
#include "fuzz_common.h"
#include "reference_langs.h"
#include "refs/sessions.h"

namespace {

bool is_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

}  // namespace

PLENARY_FUZZ_TARGET(sessions) {
    return plenary::fuzz::run_on_lang_text(
        data, size, [](const std::string& lang, std::string_view text) {
            for (const auto& m : plenary::find_sessions(text, lang))
                plenary::fuzz::check_range(m.begin, m.end, text,
                                           "find_sessions: match outside the text");
            if (text.size() <= 200) {
                (void)plenary::parse_ordinal(text, lang);
                if (const auto date = plenary::parse_date(text, lang); date && !is_iso_date(*date))
                    plenary::fuzz::finding("parse_date: not YYYY-MM-DD");
            }
        });
}
