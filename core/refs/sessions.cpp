#include "refs/sessions.h"

#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "base/ascii.h"
#include "base/text_util.h"

namespace plenary {

namespace {

// Ordinals are looked up, not parsed: ICU formats reliably but its lenient parse is slow and
// accepts too much, so every ordinal rule set is formatted once per language into a table.
constexpr int max_ordinal = 200;

/// Folded ordinal spellings of one language.
struct OrdinalTable {
    std::unordered_map<std::string, int> words;  ///< normalised spelling -> number
    int max_tokens = 1;                          ///< longest spelling, in space-separated words
};

/// fold(), then hyphens as spaces and runs of spaces as one, so "seventy-third",
/// "Seventy-Third" and "seventy third" share one key.
std::string normalise_key(std::string_view text) {
    std::string folded = fold(text);
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (const char c : folded) {
        if (c == '-' || c == ' ' || c == '\t' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

void add_word(OrdinalTable& table, std::string_view spelling, int number) {
    std::string key = normalise_key(spelling);
    if (key.empty()) return;
    const int tokens = 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
    table.max_tokens = std::max(table.max_tokens, tokens);
    table.words.emplace(std::move(key), number);
}

/// Spellings ICU does not produce but UN texts use.
void add_variants(OrdinalTable& table, const std::string& lang, const std::string& key,
                  int number) {
    if (lang == "es" && key.rfind("decimo", 0) == 0 && key.size() > 6 && key[6] != ' ') {
        add_word(table, "decimo " + key.substr(6), number);  // "décimo primero"
    }
    if (lang == "ar") {
        // Genitive and accusative forms: "الدورة التاسعة والستين".
        std::string v = key;
        replace_all(v, "ون ", "ين ");
        if (v.size() >= 4 && v.compare(v.size() - 4, 4, "ون") == 0)
            v.replace(v.size() - 4, 4, "ين");
        if (v != key) add_word(table, v, number);
        std::string m = key;
        replace_all(m, "مائة", "مئة");
        if (m != key) add_word(table, m, number);
    }
    if (lang == "ru") {
        std::string v = key;
        replace_all(v, "третьом", "третьем");  // ICU 72 misspells the dative of "третий"
        if (v != key) add_word(table, v, number);
    }
    if (lang == "zh") {
        std::string v = key;
        replace_all(v, "〇", "零");
        if (v != key) add_word(table, v, number);
    }
}

std::unique_ptr<OrdinalTable> build_table(const std::string& lang) {
    auto table = std::make_unique<OrdinalTable>();
    UErrorCode status = U_ZERO_ERROR;
    icu::RuleBasedNumberFormat format(icu::URBNF_SPELLOUT, icu::Locale(lang.c_str()), status);
    if (U_SUCCESS(status)) {
        for (int32_t r = 0; r < format.getNumberOfRuleSetNames(); ++r) {
            const icu::UnicodeString name = format.getRuleSetName(r);
            std::string name_utf8;
            name.toUTF8String(name_utf8);
            if (name_utf8.find("ordinal") == std::string::npos) continue;
            UErrorCode st = U_ZERO_ERROR;
            format.setDefaultRuleSet(name, st);
            if (U_FAILURE(st)) continue;
            for (int n = 1; n <= max_ordinal; ++n) {
                icu::UnicodeString out;
                format.format(static_cast<int32_t>(n), out);
                std::string utf8;
                out.toUTF8String(utf8);
                add_word(*table, utf8, n);
                add_variants(*table, lang, normalise_key(utf8), n);
            }
        }
    }
    if (lang == "fr") {
        add_word(*table, "second", 2);
        add_word(*table, "seconde", 2);
        add_word(*table, "unième", 1);
    }
    if (lang == "es") {
        for (const char* w : {"undécimo", "undécima", "undécimos", "undécimas"})
            add_word(*table, w, 11);
        for (const char* w : {"duodécimo", "duodécima", "duodécimos", "duodécimas"})
            add_word(*table, w, 12);
        add_word(*table, "tercer", 3);
    }
    return table;
}

const OrdinalTable& ordinal_table(const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<OrdinalTable>> tables;
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = tables[lang];
    if (!slot) slot = build_table(lang);
    return *slot;
}

/// "73rd", "69e", "1er", "69º", "69-й": digits and a suffix the language writes after them.
std::optional<int> parse_numeric_ordinal(const std::string& key, const std::string& lang) {
    std::size_t i = 0;
    int n = 0;
    while (i < key.size() && is_ascii_digit(key[i]) && i < 4) n = n * 10 + (key[i++] - '0');
    if (i == 0 || i > 3 || n == 0) return std::nullopt;
    std::string_view suffix = std::string_view(key).substr(i);
    // normalise_key turned a hyphen into a space: "69-й" -> "69 и".
    if (!suffix.empty() && (suffix[0] == ' ' || suffix[0] == '.')) suffix.remove_prefix(1);
    if (suffix.empty()) return std::nullopt;
    static const std::map<std::string, std::vector<std::string_view>> suffixes = {
        {"en", {"st", "nd", "rd", "th", "d"}},
        {"fr", {"e", "eme", "er", "re", "ere", "ieme", "nd", "nde"}},
        {"es", {"o", "a", "os", "as", "er", "\u00b0"}},  // "12°" for "12º" is common
    };
    if (lang == "ru") {
        // Any short Cyrillic ending: "-й", "-я", "-ой", "-го".
        return code_point_count(suffix) <= 3 && static_cast<unsigned char>(suffix[0]) >= 0xD0
                   ? std::optional<int>(n)
                   : std::nullopt;
    }
    const auto it = suffixes.find(lang);
    const auto& list = it != suffixes.end() ? it->second : suffixes.at("en");
    if (std::find(list.begin(), list.end(), suffix) != list.end()) return n;
    return std::nullopt;
}

std::optional<int> lookup_ordinal(const std::string& key, const std::string& lang) {
    if (key.empty()) return std::nullopt;
    if (is_ascii_digit(key[0])) return parse_numeric_ordinal(key, lang);
    if (lang == "zh" && key.rfind("第", 0) == 0) {
        // "第73" as well as "第七十三".
        std::size_t i = std::string_view("第").size();
        int n = 0;
        std::size_t digits = 0;
        while (i < key.size() && is_ascii_digit(key[i]) && digits < 4) {
            n = n * 10 + (key[i++] - '0');
            ++digits;
        }
        if (digits > 0 && i == key.size() && n > 0) return n;
    }
    const OrdinalTable& table = ordinal_table(lang);
    const auto it = table.words.find(key);
    if (it != table.words.end()) return it->second;
    return std::nullopt;
}

std::string lang_or_en(const std::string& lang) {
    std::string l = ascii_lower(lang.substr(0, 2));
    static const std::array<std::string_view, 6> known = {"en", "fr", "es", "ru", "ar", "zh"};
    return std::find(known.begin(), known.end(), l) != known.end() ? l : std::string("en");
}

// ---- tokens for find_sessions ----

struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string key;  ///< normalise_key of the token
};

bool is_separator(char32_t cp) {
    if (cp < 0x80) {
        if (cp == '-') return false;
        return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
    }
    switch (cp) {
        case 0x00A0:
        case 0x2007:
        case 0x202F:
        case 0x3000:
        case 0x00AB:
        case 0x00BB:
        case 0x2018:
        case 0x2019:
        case 0x201C:
        case 0x201D:
        case 0x2026:
        case 0x3001:
        case 0x3002:
        case 0xFF0C:
        case 0x060C:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200B;
    }
}

/// Splits text[from, to) into words; hyphens stay inside words.
std::vector<Token> tokenize(std::string_view text, std::size_t from, std::size_t to) {
    std::vector<Token> tokens;
    std::size_t i = from;
    std::size_t start = std::string_view::npos;
    while (i < to) {
        const std::size_t at = i;
        const char32_t cp = next_code_point(text, i);
        if (is_separator(cp)) {
            if (start != std::string_view::npos) {
                tokens.push_back({start, at, normalise_key(text.substr(start, at - start))});
                start = std::string_view::npos;
            }
        } else if (start == std::string_view::npos) {
            start = at;
        }
    }
    if (start != std::string_view::npos)
        tokens.push_back({start, to, normalise_key(text.substr(start, to - start))});
    return tokens;
}

/// Backs up from pos to a code point boundary at most window bytes earlier.
std::size_t window_start(std::string_view text, std::size_t pos, std::size_t window) {
    std::size_t start = pos > window ? pos - window : 0;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    return start;
}

/// The longest ordinal whose last word is tokens[last]; returns its first token index.
std::optional<std::pair<int, std::size_t>> ordinal_ending_at(const std::vector<Token>& tokens,
                                                             std::size_t last,
                                                             const std::string& lang) {
    const int max_tokens = ordinal_table(lang).max_tokens;
    for (int n = std::min<int>(max_tokens, static_cast<int>(last) + 1); n >= 1; --n) {
        const std::size_t first = last + 1 - static_cast<std::size_t>(n);
        std::string key = tokens[first].key;
        for (std::size_t k = first + 1; k <= last; ++k) key += ' ' + tokens[k].key;
        if (auto number = lookup_ordinal(key, lang)) return std::make_pair(*number, first);
    }
    return std::nullopt;
}

/// The longest ordinal starting at tokens[first]; returns its last token index.
std::optional<std::pair<int, std::size_t>> ordinal_starting_at(const std::vector<Token>& tokens,
                                                               std::size_t first,
                                                               const std::string& lang) {
    const int max_tokens = ordinal_table(lang).max_tokens;
    const int available = static_cast<int>(tokens.size() - first);
    for (int n = std::min(max_tokens, available); n >= 1; --n) {
        std::string key = tokens[first].key;
        for (std::size_t k = first + 1; k < first + static_cast<std::size_t>(n); ++k)
            key += ' ' + tokens[k].key;
        if (auto number = lookup_ordinal(key, lang)) return std::make_pair(*number, first + n - 1);
    }
    return std::nullopt;
}

bool is_qualifier(const std::string& key, const std::string& lang) {
    static const std::map<std::string, std::vector<std::string_view>> words = {
        {"en",
         {"regular", "special", "emergency", "resumed", "ordinary", "annual", "substantive",
          "organizational", "extraordinary", "plenary"}},
        {"fr", {}},
        {"es", {"extraordinario", "ordinario", "de", "periodo", "urgencia", "emergencia"}},
    };
    if (lang == "ru") {
        for (std::string_view stem :
             {"специальн", "очередн", "чрезвычайн", "возобновленн", "ежегодн", "основн"}) {
            const std::string folded = fold(stem);
            if (key.rfind(folded, 0) == 0) return true;
        }
        return false;
    }
    const auto it = words.find(lang);
    if (it == words.end()) return false;
    return std::find(it->second.begin(), it->second.end(), key) != it->second.end();
}

bool is_conjunction(const std::string& key) {
    return key == "and" || key == "et" || key == "y" || key == "e" || key == "и";
}

/// Ordinals before tokens[keyword] ("seventy-third regular session", "69th and 70th sessions").
void match_before(const std::vector<Token>& tokens, std::size_t keyword, std::size_t end,
                  const std::string& lang, std::vector<SessionMatch>& out) {
    std::size_t last = keyword;
    while (last > 0 && is_qualifier(tokens[last - 1].key, lang)) --last;
    if (last == 0) return;
    std::size_t pos = last - 1;
    for (int chained = 0; chained < 4; ++chained) {
        const auto found = ordinal_ending_at(tokens, pos, lang);
        if (!found) return;
        out.push_back({found->first, tokens[found->second].begin, end});
        if (found->second < 2 || !is_conjunction(tokens[found->second - 1].key)) return;
        pos = found->second - 2;
    }
}

bool is_ascii_digits(std::string_view s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_digit(c); });
}

void find_sessions_latin(std::string_view text, const std::string& lang,
                         std::vector<SessionMatch>& out) {
    // Anchor on "ession"/"esion" (any case) so the scan is one substring search per mention.
    const std::string_view needle = lang == "es" ? "esion" : "ession";
    std::string upper(needle);
    for (char& c : upper) c = static_cast<char>(c - 32);
    for (const std::string_view n : {needle, std::string_view(upper)}) {
        for (std::size_t at = text.find(n); at != std::string_view::npos;
             at = text.find(n, at + 1)) {
            if (at == 0 || (text[at - 1] != 's' && text[at - 1] != 'S')) continue;
            const std::size_t kw_begin = at - 1;
            if (kw_begin > 0 && !is_separator(static_cast<unsigned char>(text[kw_begin - 1])) &&
                static_cast<unsigned char>(text[kw_begin - 1]) < 0x80)
                continue;
            std::size_t kw_end = at + n.size();
            while (kw_end < text.size() && std::isalpha(static_cast<unsigned char>(text[kw_end])))
                ++kw_end;
            const std::string word = ascii_lower(text.substr(kw_begin, kw_end - kw_begin));
            const bool es = lang == "es";
            if (es ? word != "sesiones" : (word != "session" && word != "sessions")) continue;
            const std::size_t from = window_start(text, kw_begin, 160);
            std::vector<Token> tokens = tokenize(text, from, kw_end);
            if (tokens.empty()) continue;
            const std::size_t keyword = tokens.size() - 1;
            const std::size_t before = out.size();
            match_before(tokens, keyword, kw_end, lang, out);
            if (out.size() > before || es) continue;
            // "session 73": a small number right after the word.
            std::size_t j = kw_end;
            while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
            std::size_t k = j;
            while (k < text.size() && is_ascii_digit(text[k])) ++k;
            if (k > j && is_ascii_digits(text.substr(j, k - j), 3) &&
                (k == text.size() || !std::isalnum(static_cast<unsigned char>(text[k])))) {
                int number = 0;
                for (std::size_t d = j; d < k; ++d) number = number * 10 + (text[d] - '0');
                if (number > 0) out.push_back({number, kw_begin, k});
            }
        }
    }
}

void find_sessions_ru(std::string_view text, std::vector<SessionMatch>& out) {
    // сессия, сессии, сессию, сессией, сессиях
    const std::string_view stem2 = "есси";
    for (std::size_t at = text.find(stem2); at != std::string_view::npos;
         at = text.find(stem2, at + 1)) {
        // The letter before must be "с" or "С".
        if (at < 2) continue;
        const std::string_view prev = text.substr(at - 2, 2);
        if (prev != "с" && prev != "С") continue;
        const std::size_t kw_begin = at - 2;
        const std::size_t from = window_start(text, kw_begin, 200);
        std::size_t kw_end = at;
        while (kw_end < text.size()) {
            std::size_t next = kw_end;
            const char32_t cp = next_code_point(text, next);
            if (is_separator(cp)) break;
            kw_end = next;
        }
        std::vector<Token> tokens = tokenize(text, from, kw_end);
        if (tokens.empty() || tokens.back().begin != kw_begin) continue;
        match_before(tokens, tokens.size() - 1, kw_end, "ru", out);
    }
}

void find_sessions_ar(std::string_view text, std::vector<SessionMatch>& out) {
    // "الدورة التاسعة والستون", "دورتها التاسعة والستين", "للدورة".
    for (const std::string_view stem : {std::string_view("دورة"), std::string_view("دورت")}) {
        for (std::size_t at = text.find(stem); at != std::string_view::npos;
             at = text.find(stem, at + 1)) {
            std::size_t kw_begin = at;
            while (kw_begin > 0) {
                std::size_t b = kw_begin - 1;
                while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
                std::size_t probe = b;
                if (is_separator(next_code_point(text, probe))) break;
                kw_begin = b;
            }
            const std::size_t to = std::min(text.size(), at + 240);
            std::size_t safe_to = to;
            while (safe_to < text.size() &&
                   (static_cast<unsigned char>(text[safe_to]) & 0xC0) == 0x80)
                ++safe_to;
            std::vector<Token> tokens = tokenize(text, kw_begin, safe_to);
            if (tokens.size() < 2) continue;
            std::size_t first = 1;
            // "الدورة العادية التاسعة والستون", "الدورة الاستثنائية".
            static const std::array<std::string, 3> qualifiers = {
                fold("العادية"), fold("الاستثنائية"), fold("الطارئة")};
            while (first < tokens.size() && std::find(qualifiers.begin(), qualifiers.end(),
                                                      tokens[first].key) != qualifiers.end())
                ++first;
            if (first >= tokens.size()) continue;
            if (auto found = ordinal_starting_at(tokens, first, "ar"))
                out.push_back({found->first, tokens[0].begin, tokens[found->second].end});
        }
    }
}

/// "会议", "常会", "特别会议": what may follow 届 for the ordinal to count a session
/// ("第三届首脑会议" is a summit, "第一届颁奖" a prize).
std::size_t zh_session_word(std::string_view rest) {
    for (const std::string_view w :
         {"会议", "常会", "特别会议", "紧急特别会议", "特别会", "续会", "会"}) {
        if (rest.substr(0, w.size()) == w) return w.size();
    }
    return 0;
}

void find_sessions_zh(std::string_view text, std::vector<SessionMatch>& out) {
    // "第六十九届会议", "第73届会议", and lists: "第八、第九和第十届会议", "第一届和第二届常会".
    const std::string_view di = "第";
    const std::string_view jie = "届";
    std::vector<SessionMatch> pending;
    std::size_t pending_end = std::string_view::npos;
    for (std::size_t at = text.find(di); at != std::string_view::npos; at = text.find(di, at + 1)) {
        if (at != pending_end) pending.clear();
        // The longest number after 第 that the table knows.
        std::size_t best_end = 0;
        int best = 0;
        std::size_t i = at + di.size();
        for (int chars = 0; chars < 8 && i < text.size(); ++chars) {
            const char32_t cp = next_code_point(text, i);
            if (cp == U'届' || cp == U'、' || cp == U'和' || cp == U'及' || cp == U'，' ||
                cp == ' ')
                break;
            if (auto number = lookup_ordinal(normalise_key(text.substr(at, i - at)), "zh")) {
                best = *number;
                best_end = i;
            }
        }
        if (best == 0) continue;
        std::string_view rest = text.substr(best_end);
        std::size_t item_end = best_end;
        if (rest.substr(0, jie.size()) == jie) {
            item_end += jie.size();
            rest.remove_prefix(jie.size());
        }
        if (item_end > best_end && zh_session_word(rest) > 0) {
            const std::size_t end = item_end;
            for (SessionMatch m : pending) {
                m.end = end;
                out.push_back(m);
            }
            pending.clear();
            out.push_back({best, at, end});
            continue;
        }
        // A list member: the next 第 must follow its separator directly.
        for (const std::string_view sep : {"、", "和", "及"}) {
            if (rest.substr(0, sep.size()) == sep) {
                pending.push_back({best, at, item_end});
                pending_end = item_end + sep.size();
                break;
            }
        }
    }
}

}  // namespace

std::optional<int> parse_ordinal(std::string_view word, const std::string& lang) {
    const std::string l = lang_or_en(lang);
    std::string key = normalise_key(trim(word));
    while (!key.empty() && (key.back() == '.' || key.back() == ',')) key.pop_back();
    return lookup_ordinal(key, l);
}

std::vector<SessionMatch> find_sessions(std::string_view text, const std::string& lang) {
    const std::string l = lang_or_en(lang);
    std::vector<SessionMatch> out;
    if (l == "ru")
        find_sessions_ru(text, out);
    else if (l == "ar")
        find_sessions_ar(text, out);
    else if (l == "zh")
        find_sessions_zh(text, out);
    else
        find_sessions_latin(text, l, out);
    std::sort(out.begin(), out.end(), [](const SessionMatch& a, const SessionMatch& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const SessionMatch& a, const SessionMatch& b) {
                              return a.begin == b.begin && a.number == b.number;
                          }),
              out.end());
    return out;
}

// ---- dates ----

namespace {

const std::unordered_map<std::string, int>& month_names() {
    static const std::unordered_map<std::string, int> table = [] {
        std::unordered_map<std::string, int> t;
        const std::vector<std::vector<const char*>> months = {
            {"january", "jan", "janvier", "janv", "enero", "января", "январь", "يناير",
             "كانون الثاني"},
            {"february", "feb", "février", "févr", "fevr", "febrero", "февраля", "февраль",
             "فبراير"},
            {"march", "mar", "mars", "marzo", "марта", "март", "مارس"},
            {"april", "apr", "avril", "avr", "abril", "апреля", "апрель", "أبريل", "ابريل",
             "نيسان"},
            {"may", "mai", "mayo", "мая", "май", "مايو", "أيار"},
            {"june", "jun", "juin", "junio", "июня", "июнь", "يونيه", "يونيو", "حزيران"},
            {"july", "jul", "juillet", "juil", "julio", "июля", "июль", "يوليه", "يوليو", "تموز"},
            {"august", "aug", "août", "aout", "agosto", "августа", "август", "أغسطس", "آب"},
            {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "сентября",
             "сентябрь", "سبتمبر", "أيلول"},
            {"october", "oct", "octobre", "octubre", "октября", "октябрь", "أكتوبر", "تشرين الأول"},
            {"november", "nov", "novembre", "noviembre", "ноября", "ноябрь", "نوفمبر",
             "تشرين الثاني"},
            {"december", "dec", "décembre", "déc", "diciembre", "декабря", "декабрь", "ديسمبر",
             "كانون الأول"},
        };
        for (std::size_t m = 0; m < months.size(); ++m)
            for (const char* name : months[m]) t.emplace(fold(name), static_cast<int>(m + 1));
        return t;
    }();
    return table;
}

/// Words a printed date may carry besides day, month and year.
bool is_date_filler(const std::string& word) {
    static const std::array<std::string_view, 16> words = {"de", "del", "of", "the", "le", "el",
                                                           "st", "nd",  "rd", "th",  "er", "года",
                                                           "г",  "年",  "月", "日"};
    // Weekdays: "Monday, 28 April 2014", "lundi 28 avril 2014", "lunes 28 de abril de 2014".
    static const std::array<std::string_view, 21> weekdays = {
        "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
        "lundi",  "mardi",   "mercredi",  "jeudi",    "vendredi", "samedi",   "dimanche",
        "lunes",  "martes",  "miercoles", "jueves",   "viernes",  "sabado",   "domingo"};
    return std::find(words.begin(), words.end(), word) != words.end() ||
           std::find(weekdays.begin(), weekdays.end(), word) != weekdays.end() || word == "م";
}

int days_in_month(int year, int month) {
    static const std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return days[static_cast<std::size_t>(month - 1)];
}

std::optional<std::string> make_date(int year, int month, int day) {
    if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return std::string(buf);
}

struct DateToken {
    bool number = false;
    int value = 0;  ///< numbers
    std::size_t digits = 0;
    std::string word;  ///< words, folded
};

}  // namespace

std::optional<std::string> parse_date(std::string_view text, const std::string& lang) {
    (void)lang;  // month names of all six languages are recognised whatever the document's language
    text = trim(text);
    while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.remove_suffix(1);
    if (text.empty() || text.size() > 80) return std::nullopt;
    if (text.size() == 8 && is_ascii_digits(text, 8)) {
        const auto num = [&](std::size_t pos, std::size_t len) {
            int v = 0;
            for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
            return v;
        };
        return make_date(num(0, 4), num(4, 2), num(6, 2));
    }
    const std::string folded = fold(text);
    std::vector<DateToken> tokens;
    std::size_t i = 0;
    while (i < folded.size()) {
        const std::size_t at = i;
        const char32_t cp = next_code_point(folded, i);
        if (cp >= '0' && cp <= '9') {
            DateToken t;
            t.number = true;
            std::size_t j = at;
            while (j < folded.size() && is_ascii_digit(folded[j])) {
                if (t.digits < 6) t.value = t.value * 10 + (folded[j] - '0');
                ++t.digits;
                ++j;
            }
            i = j;
            tokens.push_back(t);
            continue;
        }
        const bool letter =
            (cp >= 'a' && cp <= 'z') || (cp >= 0x80 && !is_separator(cp) && cp != 0xFFFD);
        if (!letter) continue;
        // CJK date marks are words of their own even without spaces around them.
        if (cp == U'年' || cp == U'月' || cp == U'日') {
            tokens.push_back({false, 0, 0, std::string(folded.substr(at, i - at))});
            continue;
        }
        std::size_t j = i;
        while (j < folded.size()) {
            std::size_t k = j;
            const char32_t c = next_code_point(folded, k);
            const bool more = (c >= 'a' && c <= 'z') || (c >= 0x80 && !is_separator(c) &&
                                                         c != U'年' && c != U'月' && c != U'日');
            if (!more) break;
            j = k;
        }
        tokens.push_back({false, 0, 0, std::string(folded.substr(at, j - at))});
        i = j;
    }
    // Two-word Arabic month names ("كانون الثاني") are looked up as pairs first.
    std::vector<int> numbers;
    std::vector<std::size_t> digit_counts;
    int month = 0;
    int month_position = -1;  // index in numbers before which the month word stood
    const auto& months = month_names();
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (tokens[t].number) {
            numbers.push_back(tokens[t].value);
            digit_counts.push_back(tokens[t].digits);
            continue;
        }
        if (t + 1 < tokens.size() && !tokens[t + 1].number) {
            const auto pair = months.find(tokens[t].word + " " + tokens[t + 1].word);
            if (pair != months.end()) {
                if (month != 0 && month != pair->second) return std::nullopt;
                month = pair->second;
                month_position = static_cast<int>(numbers.size());
                ++t;
                continue;
            }
        }
        const auto it = months.find(tokens[t].word);
        if (it != months.end()) {
            // "آب/أغسطس" names one month twice.
            if (month != 0 && month != it->second) return std::nullopt;
            month = it->second;
            month_position = static_cast<int>(numbers.size());
            continue;
        }
        if (!is_date_filler(tokens[t].word)) return std::nullopt;
    }
    if (month != 0) {
        if (numbers.size() != 2) return std::nullopt;
        // "20 July 2020" / "July 20, 2020": the year is the four-digit number.
        if (digit_counts[1] == 4 && digit_counts[0] <= 2)
            return make_date(numbers[1], month, numbers[0]);
        if (digit_counts[0] == 4 && digit_counts[1] <= 2 && month_position >= 1)
            return make_date(numbers[0], month, numbers[1]);
        return std::nullopt;
    }
    // All numbers: year first ("2019-08-30", "2019年8月30日", "2019/08/30").
    if (numbers.size() == 3 && digit_counts[0] == 4 && digit_counts[1] <= 2 && digit_counts[2] <= 2)
        return make_date(numbers[0], numbers[1], numbers[2]);
    return std::nullopt;
}

}  // namespace plenary
