// UN document symbols: a hand-written scanner over the text, anchored on '/'.
//
// A symbol is a known series ("A", "CTOC", "NPT", ...) followed by '/'-separated components.
// Only known series start a match in running text, because the slash is everywhere
// ("HIV/AIDS", "and/or", "OSCE/ODIHR", dates, URLs) and precision matters more than
// catching an exotic series once.
#include "refs/symbols.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "base/ascii.h"
#include "base/text_util.h"
#include "refs/un_bodies.h"

namespace plenary {

namespace {

char to_upper(char c) {
    return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_upper(c);
    return out;
}

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Series that may start a symbol in running text (upper-case): schemas/un_bodies.json.
bool is_known_series(std::string_view s) {
    static const UnBodies& bodies = UnBodies::instance();
    return bodies.is_series(s);
}

// Suffixes that stack on a base symbol and are stripped for SymbolMatch::base.
bool is_stackable(std::string_view word_upper) {
    return in_list(word_upper, {"ADD", "CORR", "REV", "AMEND", "SUMMARY"});
}

// Components that say what kind of document it is, not which body issued it.
bool is_nature(std::string_view word_upper) {
    return in_list(word_upper, {"RES",     "DEC",  "PRST", "PV",  "SR",  "L",    "INF", "WP",
                                "CRP",     "R",    "NGO",  "PET", "ADD", "CORR", "REV", "AMEND",
                                "SUMMARY", "MISC", "CO",   "ES",  "S",   "OP"});
}

// Second components accepted after a one-letter series (A/, S/, E/, T/), where letters alone
// would otherwise let "A/C" or "S/ILI" through: the grammar's words for subsidiary bodies and
// kinds of document, and the bodies of the table's prefixes ("E/ESCAP", "A/HRC").
bool is_subsidiary_word(std::string_view series, std::string_view word_upper) {
    return in_list(word_upper, {"RES", "DEC", "C",  "AC",  "CN", "CONF", "PV", "SR",  "INF", "PRST",
                                "GC",  "PC",  "SC", "SUB", "WG", "L",    "WP", "CRP", "R",   "NGO",
                                "PET", "ES",  "S",  "BUR", "CB", "ST",   "OR", "SPC", "CT"}) ||
           UnBodies::instance().is_sub_series(series, word_upper);
}

// True if t[b, e) is an upper-case word ("HLPF"), as printed.
bool is_upper_word(std::string_view t, std::size_t b, std::size_t e) {
    if (e <= b + 1) return false;
    for (std::size_t i = b; i < e; ++i)
        if (!is_ascii_upper(t[i]) && t[i] != '.' && !is_ascii_digit(t[i])) return false;
    return true;
}

std::string canonical_word(std::string_view word) {
    std::string u = upper(word);
    if (u == "ADD") return "Add";
    if (u == "CORR") return "Corr";
    if (u == "REV") return "Rev";
    if (u == "AMEND") return "Amend";
    if (u == "SUMMARY") return "Summary";
    if (u == "SUB") return "Sub";
    if (u == "MISC") return "Misc";
    return u;
}

// One '/'-separated component as read: "WG.6", "Add. 1", "ES-10", "8-11", "3379".
struct Component {
    std::string canon;       // canonical spelling
    std::string word_upper;  // the part before '.', upper-cased
    bool has_digit = false;
    bool numeric = false;  // digits only (ranges "8-11" allowed)
    bool prose = false;    // a lower-case word such as "para" or "annex": the symbol ended
};

// Skips spaces and tabs and at most one line break; returns the new index.
std::size_t skip_inline_space(std::string_view t, std::size_t i) {
    bool newline = false;
    while (i < t.size()) {
        char c = t[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '\n' && !newline) {
            newline = true;
            ++i;
        } else {
            break;
        }
    }
    return i;
}

// Reads the letters, digits and hyphens of a component from i; sets j past them.
std::string read_component_word(std::string_view t, std::size_t i, std::size_t& j) {
    j = i;
    std::string word;
    while (j < t.size()) {
        char c = t[j];
        if (is_ascii_alnum(c)) {
            word.push_back(c);
            ++j;
        } else if (c == '-' && !word.empty() && j + 1 < t.size()) {
            // "ES-10", "8-11"; also "5-" broken over a line before "6". A joint symbol
            // "A/75/999-S/2021/740" is two symbols: stop before a series and its '/'.
            std::size_t k = j + 1;
            std::size_t w = k;
            while (w < t.size() && is_ascii_alpha(t[w])) ++w;
            bool next_symbol = w > k && w < t.size() && t[w] == '/';
            if (is_ascii_alnum(t[k]) && !next_symbol) {
                word.push_back('-');
                ++j;
            } else if (is_ascii_digit(word.back()) || word == "ES" || word == "S") {
                std::size_t m = skip_inline_space(t, k);
                if (m > k && m < t.size() && is_ascii_digit(t[m]) &&
                    t.substr(k, m - k).find('\n') != std::string_view::npos) {
                    word.push_back('-');
                    j = m;
                } else {
                    break;
                }
            } else {
                break;
            }
        } else {
            break;
        }
    }
    return word;
}

// OCR reads 1 as l or I and 0 as O: "A/600l", "A/RES/7l/1", "E/CN.4/2OO5". A number is
// mended only when it has a true digit (so no word becomes one: "OIL", "IOI" stay) or is a
// lone "l" ("A/50/l"); the raw form, letters mixed with digits, is no symbol.
bool is_ocr_digit(char c) {
    return c == 'l' || c == 'I' || c == 'O';
}

void mend_ocr_number(std::string& word) {
    bool digit = false;
    for (const char c : word) {
        if (is_ascii_digit(c))
            digit = true;
        else if (!is_ocr_digit(c))
            return;
    }
    if (!digit && word != "l") return;
    for (char& c : word)
        if (is_ocr_digit(c)) c = c == 'O' ? '0' : '1';
}

// Mends what extraction and OCR do to a word read at i (ending at j): "3para" run together
// keeps the number, "A/600l" reads 1 as l. Returns the number glued to a nature word
// ("PV8" -> "PV" and "8"), else "".
std::string mend_component_word(std::string& word, std::size_t i, std::size_t& j) {
    // "3para" (text run into the symbol by extraction): keep the number only.
    {
        std::size_t d = 0;
        while (d < word.size() && is_ascii_digit(word[d])) ++d;
        if (d > 0 && d + 1 < word.size() && is_ascii_lower(word[d]) &&
            is_ascii_lower(word[d + 1])) {
            j = i + d;
            word.resize(d);
        }
    }
    mend_ocr_number(word);
    // "PV8", "PV.8" run together: "A/77/PV8", "A/PV2128".
    std::string glued_number;
    std::size_t a = 0;
    while (a < word.size() && is_ascii_alpha(word[a])) ++a;
    if (a > 0 && a < word.size() &&
        std::all_of(word.begin() + static_cast<std::ptrdiff_t>(a), word.end(), is_ascii_digit) &&
        in_list(upper(word.substr(0, a)), {"PV", "SR", "L", "WP", "CRP", "ADD", "CORR", "REV"})) {
        glued_number = word.substr(a);
        word.resize(a);
    }
    return glued_number;
}

// Reads the ".n" part of a component after word, at j: "WG.6", "CONF.2015", "PC.III",
// "Misc. 6". Adds it to comp and moves j past it when it belongs to the symbol.
void read_dot_part(std::string_view t, const std::string& word, Component& comp, std::size_t& j) {
    if (!(j + 1 < t.size() && t[j] == '.')) return;
    std::size_t k = j + 1;
    bool letters_only = std::all_of(word.begin(), word.end(), is_ascii_alpha);
    if (t[k] == ' ' && letters_only && k + 1 < t.size() && is_ascii_digit(t[k + 1])) ++k;
    if (!(is_ascii_alnum(t[k]) && (letters_only || is_ascii_digit(t[k])))) return;
    std::string tail;
    while (k < t.size() && is_ascii_alnum(t[k])) tail.push_back(t[k++]);
    std::size_t d = 0;
    while (d < tail.size() && is_ascii_digit(tail[d])) ++d;
    if (d > 0 && d + 1 < tail.size() && is_ascii_lower(tail[d]) && is_ascii_lower(tail[d + 1])) {
        k -= tail.size() - d;  // "PV.7para." from PDF extraction
        tail.resize(d);
    }
    if (is_stackable(comp.word_upper) && std::all_of(tail.begin(), tail.end(), [](char c) {
            return is_ascii_digit(c) || c == 'l' || c == 'I';
        }))
        std::replace_if(
            tail.begin(), tail.end(), [](char c) { return c == 'l' || c == 'I'; }, '1');
    else if (word.size() <= 4)
        mend_ocr_number(tail);  // "L.1O", "C.l"; a Roman "PC.III" has no true digit
    // "A/HRC/43/2.pdf" is a file name, not a symbol: the caller rejects it.
    if (!(is_ascii_digit(word.back()) && std::all_of(tail.begin(), tail.end(), is_ascii_lower))) {
        comp.canon += '.';
        comp.canon += upper(tail);
        comp.has_digit = comp.has_digit || std::any_of(tail.begin(), tail.end(), is_ascii_digit);
        comp.numeric = false;
        j = k;
    }
}

// Reads one component at i. Returns false when there is none. Sets end past it.
bool read_component(std::string_view t, std::size_t i, Component& comp, std::size_t& end) {
    std::size_t j = i;
    std::string word = read_component_word(t, i, j);
    if (word.empty()) return false;
    const std::string glued_number = mend_component_word(word, i, j);
    comp.word_upper = upper(word);
    comp.canon = canonical_word(word);
    comp.prose =
        std::all_of(word.begin(), word.end(), is_ascii_lower) && word.size() >= 2 &&
        !in_list(comp.word_upper, {"ADD", "CORR", "REV", "AMEND", "SUMMARY", "SUB", "MISC"});
    if (!glued_number.empty()) {
        comp.canon += '.' + glued_number;
        comp.has_digit = true;
        end = j;
        return true;
    }
    comp.has_digit = std::any_of(word.begin(), word.end(), is_ascii_digit);
    comp.numeric =
        is_ascii_digit(word.front()) &&
        std::all_of(word.begin(), word.end(), [](char c) { return is_ascii_digit(c) || c == '-'; });
    read_dot_part(t, word, comp, j);
    end = j;
    return true;
}

// "(2002)", "(XXX)", "(S-VII)", "(ES-V)", with Markdown escapes "\(2018\)".
bool read_paren_year(std::string_view t, std::size_t i, std::string& out, std::size_t& end) {
    std::size_t j = i;
    if (j < t.size() && t[j] == '\\') ++j;
    if (j >= t.size() || t[j] != '(') return false;
    ++j;
    std::size_t b = j;
    while (j < t.size() && (is_ascii_alnum(t[j]) || t[j] == '-')) ++j;
    std::string inner = upper(t.substr(b, j - b));
    if (j < t.size() && t[j] == '\\') ++j;
    if (j >= t.size() || t[j] != ')') return false;
    ++j;
    bool year = inner.size() == 4 && std::all_of(inner.begin(), inner.end(), is_ascii_digit);
    std::string_view r = inner;
    if (r.starts_with("ES-"))
        r.remove_prefix(3);
    else if (r.starts_with("S-"))
        r.remove_prefix(2);
    if (!year && !is_roman_numeral(r)) return false;
    out = "(" + inner + ")";
    end = j;
    return true;
}

bool is_file_extension(std::string_view t, std::size_t i) {
    if (i >= t.size() || t[i] != '.') return false;
    std::size_t j = i + 1;
    while (j < t.size() && is_ascii_alpha(t[j])) ++j;
    std::string_view ext = t.substr(i + 1, j - i - 1);
    return in_list(ext, {"pdf", "doc", "docx", "htm", "html", "aspx", "xml", "txt", "rtf", "odt",
                         "PDF", "DOC", "DOCX"});
}

// The series a symbol starts with: "A", "CTOC", "TD(X)".
struct Series {
    std::string name;     // upper-cased, with a glued "(X)" session
    bool known = false;   // a series that may start a symbol in running text
    bool lower = false;   // written in lower case: "a/res/73/195"
    std::size_t end = 0;  // just past it
};

// Reads the series at start; nullopt when there is none (strict: in mixed case).
std::optional<Series> read_series(std::string_view t, std::size_t start, bool strict) {
    std::size_t i = start;
    while (i < t.size() && is_ascii_alpha(t[i])) ++i;
    if (i == start) return std::nullopt;
    std::string_view first = t.substr(start, i - start);
    bool all_upper = std::all_of(first.begin(), first.end(), is_ascii_upper);
    bool all_lower = std::all_of(first.begin(), first.end(), is_ascii_lower);
    if (strict && !all_upper && !all_lower) return std::nullopt;
    Series series;
    series.name = upper(first);
    series.known = is_known_series(series.name);
    series.lower = all_lower;
    // "TD(X)": a session in parentheses glued to the series.
    if (i < t.size() && t[i] == '(') {
        std::size_t k = i + 1;
        while (k < t.size() && is_ascii_alpha(t[k])) ++k;
        if (k < t.size() && t[k] == ')' && is_roman_numeral(upper(t.substr(i + 1, k - i - 1)))) {
            series.name += upper(t.substr(i, k - i + 1));
            i = k + 1;
        }
    }
    series.end = i;
    return series;
}

// Reads the '/'-separated components after the series; sets end past the last one taken.
std::vector<Component> read_components(std::string_view t, const Series& series, bool strict,
                                       std::size_t& end) {
    std::vector<Component> comps;
    end = series.end;
    while (end < t.size() && t[end] == '/') {
        std::size_t k = end + 1;
        std::size_t after_space = skip_inline_space(t, k);
        if (after_space > k && (after_space >= t.size() || !is_ascii_alnum(t[after_space]))) break;
        k = after_space;
        Component comp;
        std::size_t cend = 0;
        if (!read_component(t, k, comp, cend)) break;
        // "Add." with no number is a truncated suffix, not part of the symbol.
        if (strict && comp.prose && !series.lower) break;
        if ((comp.word_upper == "ADD" || comp.word_upper == "CORR" || comp.word_upper == "REV" ||
             comp.word_upper == "AMEND") &&
            comp.canon.find('.') == std::string::npos)
            break;
        if (strict && comps.empty() && series.name.size() == 1 && !comp.has_digit &&
            !is_subsidiary_word(series.name, comp.word_upper) &&
            (series.lower || !is_upper_word(t, k, cend)))
            break;
        // Lower-case series ("a/res/73/195") only with components that are not prose words.
        if (strict && series.lower && !comp.has_digit && !is_nature(comp.word_upper) &&
            !is_subsidiary_word(series.name, comp.word_upper))
            break;
        comps.push_back(std::move(comp));
        end = cend;
    }
    return comps;
}

// OCR and extraction garbage ("A/J0217", "A/4S/379", "A/HRC/WG.6/7L.14"): letters and digits
// mixed in one component, other than a lettered resolution number "217A" after RES.
bool has_garbled_component(const std::vector<Component>& comps) {
    bool after_res = false;
    for (const auto& c : comps) {
        std::string_view w = c.word_upper;
        bool letters = std::any_of(w.begin(), w.end(), is_ascii_alpha);
        bool digits = std::any_of(w.begin(), w.end(), is_ascii_digit);
        if (letters && digits && w.find('-') == std::string_view::npos) {
            bool lettered_number = after_res && w.size() >= 2 && is_ascii_alpha(w.back()) &&
                                   std::all_of(w.begin(), w.end() - 1, is_ascii_digit);
            if (!lettered_number) return true;
        }
        if (w == "RES" || w == "DEC") after_res = true;
    }
    return false;
}

// Resolution and decision numbers take a year or Roman session: "S/RES/1411 (2002)",
// "A/RES/217 A (III)". Returns it ("" when there is none); moves end past it.
std::string read_resolution_session(std::string_view t, std::vector<Component>& comps,
                                    std::size_t& end) {
    bool res = std::any_of(comps.begin(), comps.end(), [](const Component& c) {
        return c.word_upper == "RES" || c.word_upper == "DEC";
    });
    std::string paren;
    if (res && comps.back().numeric) {
        std::size_t k = end;
        while (k < t.size() && t[k] == ' ') ++k;
        std::string letter;
        if (k + 1 < t.size() && is_ascii_upper(t[k]) && (t[k + 1] == ' ' || t[k + 1] == '(')) {
            letter.assign(1, t[k]);
            ++k;
            while (k < t.size() && t[k] == ' ') ++k;
        }
        std::size_t pend = 0;
        if (read_paren_year(t, k, paren, pend)) {
            comps.back().canon += letter;
            end = pend;
        } else {
            paren.clear();
        }
    } else if (res && !comps.back().numeric && comps.back().canon.size() >= 2) {
        // "A/RES/217A (III)": number glued to its letter.
        const std::string& c = comps.back().canon;
        if (is_ascii_upper(c.back()) && std::all_of(c.begin(), c.end() - 1, is_ascii_digit)) {
            std::size_t k = end;
            while (k < t.size() && t[k] == ' ') ++k;
            std::size_t pend = 0;
            if (read_paren_year(t, k, paren, pend))
                end = pend;
            else
                paren.clear();
        }
    }
    return paren;
}

// Running text: what follows the symbol at end shows it is part of a word, file name, URL or
// path rather than a symbol.
bool bad_follower(std::string_view t, std::size_t end) {
    bool glued_prose = end > 0 && end + 1 < t.size() && is_ascii_digit(t[end - 1]) &&
                       is_ascii_lower(t[end]) &&
                       is_ascii_lower(t[end + 1]);  // "CAT/C/SVN/CO/3para." from PDF extraction
    if (end < t.size() && (is_ascii_alnum(t[end]) || t[end] == '_') && !glued_prose) return true;
    if (is_file_extension(t, end)) return true;
    if (end < t.size() && t[end] == '/') {
        // Followed by more path: a URL or file path, unless it is a truncated suffix.
        std::size_t k = end + 1;
        if (k < t.size() && is_ascii_alnum(t[k])) {
            Component c;
            std::size_t e = 0;
            if (!read_component(t, k, c, e) || !(is_stackable(c.word_upper) || c.prose))
                return true;
        }
    }
    return false;
}

// The canonical form, base and organ of a symbol read as series, components, the session of
// a resolution (paren) and reissue stars.
SymbolMatch make_match(const std::string& series, const std::vector<Component>& comps,
                       const std::string& paren, const std::string& stars) {
    SymbolMatch m;
    std::string prefix = series;
    std::size_t first_comp = 0;
    if (series == "PRST") {
        // Human Rights Council presidential statements are cited as "PRST/8/1".
        prefix = "A/HRC/PRST";
    }
    std::string canonical = prefix;
    for (const auto& c : comps) {
        canonical += '/';
        canonical += c.canon;
    }
    canonical += paren;
    // Base: strip trailing stackable suffixes and stars.
    std::size_t keep = comps.size();
    while (keep > 1 && is_stackable(comps[keep - 1].word_upper)) --keep;
    std::string base = prefix;
    for (std::size_t n = 0; n < keep; ++n) {
        base += '/';
        base += comps[n].canon;
    }
    if (keep == comps.size()) base += paren;
    m.canonical = canonical + stars;
    m.base = base;
    // Organ: the series plus a second component that names a body ("A/HRC", "E/CN.6",
    // "CTOC/COP", "NPT/CONF.2015", "CRC/C").
    if (series == "PRST") {
        m.organ = "A/HRC";
    } else {
        m.organ = series;
        if (series != "ST" && comps.size() > 1 + first_comp) {
            const Component& c = comps[first_comp];
            bool alpha_word = !c.word_upper.empty() && is_ascii_alpha(c.word_upper.front()) &&
                              std::all_of(c.word_upper.begin(), c.word_upper.end(), is_ascii_alpha);
            if (alpha_word && !is_nature(c.word_upper)) m.organ += "/" + c.canon;
        }
        // Old "TD(X)" keeps its session out of the organ.
        std::size_t paren_at = m.organ.find('(');
        if (paren_at != std::string::npos && m.organ.find('/') == std::string::npos)
            m.organ.resize(paren_at);
    }
    return m;
}

// Parses a symbol whose first component starts at start. strict: running text rules.
std::optional<SymbolMatch> parse_at(std::string_view t, std::size_t start, bool strict) {
    const std::optional<Series> series = read_series(t, start, strict);
    if (!series) return std::nullopt;
    if (strict && !series->known) return std::nullopt;
    if (series->end >= t.size() || t[series->end] != '/') return std::nullopt;

    std::size_t end = 0;  // end of the last accepted component
    std::vector<Component> comps = read_components(t, *series, strict, end);
    if (comps.empty()) return std::nullopt;
    if (strict && has_garbled_component(comps)) return std::nullopt;
    bool any_digit =
        std::any_of(comps.begin(), comps.end(), [](const Component& c) { return c.has_digit; });
    if (!any_digit) return std::nullopt;  // every real symbol has a number somewhere
    const std::string& name = series->name;
    if (strict && name == "SC" && !comps.front().numeric) return std::nullopt;
    if (strict && name == "PRST" && !comps.front().numeric) return std::nullopt;

    const std::string paren = read_resolution_session(t, comps, end);
    std::string stars;
    while (end < t.size() &&
           (t[end] == '*' || (t[end] == '\\' && end + 1 < t.size() && t[end + 1] == '*'))) {
        if (t[end] == '\\') ++end;
        stars += '*';
        ++end;
    }
    if (strict && bad_follower(t, end)) return std::nullopt;

    SymbolMatch m = make_match(name, comps, paren, stars);
    m.begin = start;
    m.end = end;
    return m;
}

// Characters that may stand right before a symbol: anything but parts of a word, path or URL.
bool ok_before(std::string_view t, std::size_t start) {
    if (start == 0) return true;
    char c = t[start - 1];
    if (is_ascii_alnum(c)) return false;
    // Second half of a joint symbol: "A/75/999-S/2021/740".
    if (c == '-' && start >= 2 && is_ascii_digit(t[start - 2])) return true;
    return std::strchr("/.-_\\@:%=&?#~+", c) == nullptr;
}

// Symbols in links: "undocs.org/A/RES/61/105", "view_doc.asp?symbol=A/RES/66/288&Lang=E",
// "Get?Open&DS=A/RES/70/1", "symbol=A%2FRES%2F70%2F1". The word before the symbol says so.
constexpr std::array<std::string_view, 5> kUrlMarkers = {"symbol=", "ds=", "undocs.org/",
                                                         "docs.un.org/", "symbol-explorer?s="};

// Where the symbol a URL names starts, from i (just past a marker): a language part
// "en/" of undocs.org is skipped.
std::size_t skip_url_language(std::string_view t, std::size_t i) {
    if (i + 3 <= t.size() && is_ascii_lower(t[i]) && is_ascii_lower(t[i + 1]) && t[i + 2] == '/')
        return i + 3;
    return i;
}

// True if the text before b ends with a URL marker (ASCII case ignored).
bool url_marker_before(std::string_view t, std::size_t b) {
    for (const std::string_view marker : kUrlMarkers) {
        for (const std::size_t at : {b, b >= 3 ? b - 3 : b}) {  // "undocs.org/en/A/..."
            if (at < marker.size()) continue;
            if (at != b && skip_url_language(t, at) != b) continue;
            if (starts_with_nocase(t.substr(at - marker.size()), marker)) return true;
        }
    }
    return false;
}

// The value of a URL's symbol from b, decoded ("%2F" -> "/", "%20" -> " "): it ends where the
// URL's next parameter, fragment or the text does; a value cut after a '/' at a line end goes on
// on the next line. Sets end past it in t.
std::string url_value(std::string_view t, std::size_t b, std::size_t& end) {
    std::string out;
    std::size_t i = b;
    while (i < t.size() && out.size() < 80) {
        const char c = t[i];
        if (c == '%' && i + 2 < t.size()) {
            const std::string code = upper(t.substr(i + 1, 2));
            const char decoded = code == "2F"   ? '/'
                                 : code == "20" ? ' '
                                 : code == "28" ? '('
                                 : code == "29" ? ')'
                                                : '\0';
            if (decoded == '\0') break;
            out.push_back(decoded);
            i += 3;
        } else if (is_ascii_alnum(c) || std::strchr("/.-()*", c) != nullptr) {
            out.push_back(c);
            ++i;
        } else if (!out.empty() && out.back() == '/' && (c == ' ' || c == '\n' || c == '\r')) {
            const std::size_t k = skip_inline_space(t, i);
            if (k == i || k >= t.size() || !is_ascii_alnum(t[k])) break;
            i = k;
        } else {
            break;
        }
    }
    // A full stop or a closing bracket after the link is the sentence's, not the symbol's.
    auto unbalanced = [&out] {
        return std::count(out.begin(), out.end(), ')') > std::count(out.begin(), out.end(), '(');
    };
    while (!out.empty() && i > b && t[i - 1] == out.back() &&
           (out.back() == '.' || (out.back() == ')' && unbalanced()))) {
        out.pop_back();
        --i;
    }
    end = i;
    return out;
}

// The symbol a URL names at b (just after its marker), if it is one of a known series.
std::optional<SymbolMatch> url_symbol(std::string_view t, std::size_t b) {
    std::size_t end = 0;
    const std::string value = url_value(t, b, end);
    const std::optional<Series> series = read_series(value, 0, false);
    if (!series || !series->known) return std::nullopt;
    std::optional<SymbolMatch> m = parse_at(value, 0, false);
    if (!m || m->end != value.size()) return std::nullopt;
    m->begin = b;
    m->end = end;
    return m;
}

// A link "scheme://..." whose '/' is at slash: adds the symbols it names after a marker
// ("symbol=A%2FRES%2F70%2F1") to out; returns the end of the link, where the scan goes on.
std::size_t scan_link(std::string_view t, std::size_t slash, std::vector<SymbolMatch>& out) {
    std::size_t end = slash;
    while (end < t.size() && !std::strchr(" \t\r\n<>\"'[]", t[end])) ++end;
    const std::string lower = ascii_lower(t.substr(slash, end - slash));
    for (const std::string_view marker : kUrlMarkers) {
        const std::size_t at = lower.find(marker);
        if (at == std::string::npos) continue;
        const std::size_t b = skip_url_language(t, slash + at + marker.size());
        if (auto m = url_symbol(t, b)) {
            end = std::max(end, m->end);
            out.push_back(std::move(*m));
            break;
        }
    }
    return end;
}

// "A/8001/Add.1 and Corr.1", "CD/1948 and Corr.1": the suffix names a second document.
std::optional<SymbolMatch> and_suffix(std::string_view t, const SymbolMatch& prev) {
    std::size_t k = prev.end;
    while (k < t.size() && t[k] == ' ') ++k;
    if (t.substr(k, 4) != "and ") return std::nullopt;
    k += 4;
    while (k < t.size() && t[k] == ' ') ++k;
    std::size_t b = k;
    Component c;
    std::size_t e = 0;
    if (!read_component(t, k, c, e) || !is_stackable(c.word_upper) ||
        c.canon.find('.') == std::string::npos)
        return std::nullopt;
    if (e < t.size() && (is_ascii_alnum(t[e]) || t[e] == '/')) return std::nullopt;
    SymbolMatch m;
    std::string stem = prev.canonical;
    while (!stem.empty() && stem.back() == '*') stem.pop_back();
    m.canonical = stem + "/" + c.canon;
    m.base = prev.base;
    m.organ = prev.organ;
    m.begin = b;
    m.end = e;
    return m;
}

}  // namespace

std::vector<SymbolMatch> find_symbols(std::string_view text) {
    std::vector<SymbolMatch> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const void* hit = std::memchr(text.data() + pos, '/', text.size() - pos);
        if (hit == nullptr) break;
        std::size_t slash = static_cast<const char*>(hit) - text.data();
        if (slash > 0 && text[slash - 1] == ':' && slash + 1 < text.size() &&
            text[slash + 1] == '/') {
            pos = scan_link(text, slash, out);
            continue;
        }
        std::size_t s = slash;
        if (s > 0 && text[s - 1] == ')') {
            // "TD(X)/..."
            std::size_t k = s - 1;
            while (k > 0 && is_ascii_alpha(text[k - 1])) --k;
            if (k > 0 && text[k - 1] == '(') s = k - 1;
        }
        while (s > 0 && is_ascii_alpha(text[s - 1])) --s;
        if (s == slash || !ok_before(text, s)) {
            std::optional<SymbolMatch> linked;
            if (s < slash && url_marker_before(text, s)) linked = url_symbol(text, s);
            pos = linked ? linked->end : slash + 1;
            if (linked) out.push_back(std::move(*linked));
            continue;
        }
        auto m = parse_at(text, s, true);
        if (m) {
            pos = m->end;
            out.push_back(std::move(*m));
            if (auto extra = and_suffix(text, out.back())) {
                pos = extra->end;
                out.push_back(std::move(*extra));
            }
        } else {
            pos = slash + 1;
        }
    }
    return out;
}

std::optional<SymbolMatch> parse_symbol(std::string_view text) {
    // Trim spaces, Markdown link syntax "[A/75/115](#)" and surrounding brackets.
    auto trim_ws = [](std::string_view s) {
        while (!s.empty() &&
               (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
            s.remove_prefix(1);
        while (!s.empty() &&
               (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
            s.remove_suffix(1);
        return s;
    };
    std::string_view s = trim_ws(text);
    if (s.starts_with("[")) {
        std::size_t close = s.find("](");
        if (close != std::string_view::npos && s.back() == ')')
            s = s.substr(1, close - 1);
        else if (s.back() == ']')
            s = s.substr(1, s.size() - 2);
        s = trim_ws(s);
    }
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';'))
        s.remove_suffix(1);
    if (s.empty() || !is_ascii_alpha(s.front())) return std::nullopt;
    auto m = parse_at(s, 0, false);
    if (!m || m->end != s.size()) return std::nullopt;
    if (m->canonical.find('/') == std::string::npos) return std::nullopt;
    return m;
}

}  // namespace plenary
