// Resolution and decision citations: keyword-anchored scanners over the text.
//
// A citation is a keyword ("resolution", "decisions", "résolution", "резолюция", "第…号决议",
// "القرار") followed by a list of numbers, or an explicit symbol ("A/RES/73/195"). The number
// alone is ambiguous ("40/1" may be GA or HRC), so the body is taken, in order, from the words
// before the keyword, the words right after the number, the nearest body named in the same
// sentence, the citing document's organ, and lastly the shape of the number. A body is only
// accepted when the number has a shape that body uses (the Security Council never cites "40/1",
// the General Assembly numbers its sessions 1-30 in Roman numerals, and so on).
#include "refs/resolutions.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "base/ascii.h"
#include "base/text_util.h"
#include "refs/symbols.h"
#include "refs/un_bodies.h"

namespace plenary {

namespace {

bool is_word_byte(char c) {
    return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80;
}
char lower(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view w) {
    if (i + w.size() > s.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
        if (lower(s[i + k]) != lower(w[k])) return false;
    return true;
}

bool ends_with_ci(std::string_view s, std::string_view w) {
    return s.size() >= w.size() && starts_with_ci(s, s.size() - w.size(), w);
}

bool is_space_byte(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/// End of name matched at t[i], where a space in name matches any run of white space
/// ("Commission on Human\n Rights"); npos if it does not match.
std::size_t words_at(std::string_view t, std::size_t i, std::string_view name) {
    for (char c : name) {
        if (c == ' ') {
            if (i >= t.size() || !is_space_byte(t[i])) return std::string_view::npos;
            while (i < t.size() && is_space_byte(t[i])) ++i;
        } else {
            if (i >= t.size() || t[i] != c) return std::string_view::npos;
            ++i;
        }
    }
    return i;
}

/// Start of name matched so that it ends at t[i] (spaces as in words_at); npos if not.
std::size_t words_before(std::string_view t, std::size_t i, std::string_view name) {
    for (std::size_t k = name.size(); k > 0; --k) {
        char c = name[k - 1];
        if (c == ' ') {
            if (i == 0 || !is_space_byte(t[i - 1])) return std::string_view::npos;
            while (i > 0 && is_space_byte(t[i - 1])) --i;
        } else {
            if (i == 0 || t[i - 1] != c) return std::string_view::npos;
            --i;
        }
    }
    return i;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (!is_ascii_digit(c) || v > 100000) return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

// ---------------------------------------------------------------------------------------------
// Numbers: "73/195", "ES-10/2", "2482 (2019)", "3379 (XXX)", "217 A (III)", "31/16 A",
// "3411 A and B (XXX)", "31/406 A to E", with Markdown "[2437 \(2018\)](#)".

// cop: a decision of a Conference or Meeting of the Parties that carries its body and session in
// its number ("1/CP.21", "2/CMP.1", "1/CMA.3", "3/COP.13").
enum class Form { slash, year_paren, roman_paren, cop };

struct Number {
    Form form = Form::slash;
    std::string session;        // "73", "ES-10", "S-8", "2019" (ECOSOC year), "CP.21" (cop);
                                // empty for paren forms
    std::string serial;         // "195", "2482", "3379"
    std::string paren;          // "2019", "XXX", "S-VII"
    std::vector<char> letters;  // lettered parts "A", "B"
    std::size_t begin = 0;
    std::size_t end = 0;

    /// "73/195", "2482(2019)", "217A(III)", "1/CP.21" with one letter (or none).
    std::string text(char letter) const {
        if (form == Form::cop) return serial + "/" + session;
        std::string s = form == Form::slash ? session + "/" + serial : serial;
        if (letter != 0) s += letter;
        if (form != Form::slash) s += "(" + paren + ")";
        return s;
    }
};

std::size_t skip_spaces(std::string_view t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    // U+00A0 no-break space, common in UN documents between "resolution" and its number.
    while (i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC2 &&
           static_cast<unsigned char>(t[i + 1]) == 0xA0) {
        i += 2;
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    }
    return i;
}

std::size_t read_digits(std::string_view t, std::size_t i) {
    while (i < t.size() && is_ascii_digit(t[i])) ++i;
    return i;
}

// "(2019)", "(XXX)", "(S-VII)", "(ES-V)", escaped "\(2018\)"; sets end past ')'.
bool read_paren(std::string_view t, std::size_t i, std::string& inner, bool& year,
                std::size_t& end) {
    i = skip_spaces(t, i);
    if (i < t.size() && t[i] == '\\') ++i;
    // Scanned speeches print "{XXI}" and "(S-Vl)" for "(XXI)" and "(S-VI)"; Chinese text may
    // open with a full-width parenthesis ("第2164（2014)号决议").
    const bool wide = t.substr(i, 3) == "\xEF\xBC\x88";
    if (!wide && (i >= t.size() || (t[i] != '(' && t[i] != '{'))) return false;
    i += wide ? 3 : 1;
    // Arabic prints the session as "(د-35)": session 35, written (XXXV) elsewhere.
    if (t.substr(i, 3) == "\xD8\xAF-") {
        std::size_t d = read_digits(t, i + 3);
        int session = to_int(t.substr(i + 3, d - i - 3));
        if (d == i + 3 || d >= t.size() || t[d] != ')' || session < 1 || session > 89) return false;
        static const char* k_tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"};
        static const char* k_units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
        inner = std::string(k_tens[session / 10]) + k_units[session % 10];
        year = false;
        end = d + 1;
        return true;
    }
    std::size_t b = i;
    while (i < t.size() &&
           (is_ascii_alpha(t[i]) || is_ascii_digit(t[i]) || t[i] == '-' || t[i] == '!'))
        ++i;
    std::string in(t.substr(b, i - b));
    if (i < t.size() && t[i] == '\\') ++i;
    if (t.substr(i, 3) == "\xEF\xBC\x89")  // full-width ")"
        i += 2;
    else if (i >= t.size() || (t[i] != ')' && t[i] != '}'))
        return false;
    year = in.size() == 4 && std::all_of(in.begin(), in.end(), is_ascii_digit);
    int y = year ? to_int(in) : 0;
    if (year && (y < 1945 || y > 2100)) return false;
    if (!year) {
        std::string_view prefix = std::string_view(in).starts_with("ES-")  ? "ES-"
                                  : std::string_view(in).starts_with("S-") ? "S-"
                                                                           : "";
        std::string r = in.substr(prefix.size());
        bool genuine = std::any_of(r.begin(), r.end(),
                                   [](char c) { return std::strchr("IVXLC", c) != nullptr; });
        for (char& c : r)
            if (c == 'l' || c == '1' || c == '!') c = 'I';
        if (!genuine || !is_roman_numeral(r)) return false;
        in = std::string(prefix) + r;
    }
    inner = in;
    end = i + 1;
    return true;
}

/// The Latin capital a part letter at t[i] reads as, and its length in bytes (0 when none):
/// Russian text writes parts with the Cyrillic capitals that look the same ("217 А (III)").
std::size_t part_letter(std::string_view t, std::size_t i, char& letter) {
    if (i < t.size() && is_ascii_upper(t[i])) {
        letter = t[i];
        return 1;
    }
    // А, В, С, Е: D0 90, D0 92, D0 A1, D0 95.
    static constexpr std::pair<char, char> kCyrillic[] = {
        {'\x90', 'A'}, {'\x92', 'B'}, {'\xA1', 'C'}, {'\x95', 'E'}};
    if (i + 1 >= t.size() || t[i] != '\xD0') return 0;
    for (const auto& [second, latin] : kCyrillic)
        if (t[i + 1] == second) {
            letter = latin;
            return 2;
        }
    return 0;
}

// A lettered part at i ("A" in "217 A (III)", "31/16 A"): one capital standing alone. Returns
// its length in bytes (0 when there is none) and the letter.
std::size_t letter_at(std::string_view t, std::size_t i, char& letter) {
    const std::size_t len = part_letter(t, i, letter);
    if (len == 0) return 0;
    std::size_t n = i + len;
    if (n < t.size() &&
        (is_ascii_alpha(t[n]) || is_ascii_digit(t[n]) || static_cast<unsigned char>(t[n]) >= 0x80))
        return 0;
    // "31/16 A new approach": the article, not a part.
    std::size_t k = skip_spaces(t, n);
    // "65/1 В этой связи": the Russian preposition, not a part.
    if (len == 2 && k + 1 < t.size() && !starts_with_ci(t, k, "\xD0\xB8 ")) {
        std::size_t at = k;
        const char32_t next = next_code_point(t, at);
        if (next >= U'\u0430' && next <= U'\u044F') return 0;  // а to я
    }
    if (k < t.size() && is_ascii_lower(t[k])) {
        std::size_t e = k;
        while (e < t.size() && is_ascii_alpha(t[e])) ++e;
        std::string_view w = t.substr(k, e - k);
        if (w != "and" && w != "to" && w != "of" && w != "et" && w != "y" && w != "adopted" &&
            w != "on")
            return 0;
    }
    return len;
}

// Letters after a number: "A", "A and B", "A, B and C", "A to E". Returns the end.
std::size_t read_letters(std::string_view t, std::size_t i, std::vector<char>& letters) {
    std::size_t k = i;
    if (k < t.size() && t[k] == ' ') ++k;
    char letter = 0;
    std::size_t len = letter_at(t, k, letter);
    if (len == 0) return i;
    letters.push_back(letter);
    std::size_t end = k + len;
    while (true) {
        std::size_t p = end;
        bool range = false;
        if (p < t.size() && t[p] == ',') ++p;
        p = skip_spaces(t, p);
        if (starts_with_ci(t, p, "and "))
            p += 4;
        else if (starts_with_ci(t, p, "et "))
            p += 3;
        else if (starts_with_ci(t, p, "\xD0\xB8 "))  // и
            p += 3;
        else if (starts_with_ci(t, p, "to ")) {
            p += 3;
            range = true;
        } else if (p < t.size() && t[p] == '-') {
            ++p;
            range = true;
        } else if (p == end || t[end] != ',')
            break;
        p = skip_spaces(t, p);
        len = letter_at(t, p, letter);
        if (len == 0) break;
        if (range) {
            for (char c = static_cast<char>(letters.back() + 1); c <= letter; ++c)
                letters.push_back(c);
        } else {
            letters.push_back(letter);
        }
        end = p + len;
    }
    return end;
}

/// The bodies whose decisions carry them in their number ("1/CP.21"): the conferences of the
/// parties to the climate change convention (CP), its Kyoto Protocol (CMP) and Paris Agreement
/// (CMA), and to the convention to combat desertification (COP).
constexpr std::pair<std::string_view, std::string_view> k_cop_bodies[] = {
    {"CP.", "FCCC/CP"}, {"CMP.", "FCCC/KP/CMP"}, {"CMA.", "FCCC/PA/CMA"}, {"COP.", "ICCD/COP"}};

/// The body of a cop-form number's session ("CP.21" is FCCC/CP's), "" for other forms.
std::string_view cop_body(const Number& n) {
    if (n.form != Form::cop) return "";
    for (const auto& [tag, body] : k_cop_bodies)
        if (n.session.starts_with(tag)) return body;
    return "";
}

/// "/CP.21" at t[i] (one of k_cop_bodies, a session of one to three digits): reads "CP.21" into
/// session and returns its end; i if there is none.
std::size_t read_cop_session(std::string_view t, std::size_t i, std::string& session) {
    if (i >= t.size() || t[i] != '/') return i;
    for (const auto& [tag, body] : k_cop_bodies) {
        if (t.compare(i + 1, tag.size(), tag) != 0) continue;
        const std::size_t b = i + 1 + tag.size();
        const std::size_t e = read_digits(t, b);
        if (e == b || e - b > 3 || (e < t.size() && (is_ascii_alpha(t[e]) || t[e] == '/')))
            return i;
        session.assign(t.substr(i + 1, e - i - 1));
        return e;
    }
    return i;
}

std::optional<Number> read_number(std::string_view t, std::size_t i) {
    Number n;
    i = skip_spaces(t, i);
    if (i < t.size() && t[i] == '[') i = skip_spaces(t, i + 1);
    if (starts_with_ci(t, i, "No. ")) i = skip_spaces(t, i + 4);
    n.begin = i;
    std::string prefix;
    if (i + 2 < t.size() && t[i] == 'S' && t[i + 1] == '-' && is_ascii_digit(t[i + 2])) {
        prefix = "S-";
        i += 2;
    } else if (i + 3 < t.size() && t[i] == 'E' && t[i + 1] == 'S' && t[i + 2] == '-' &&
               is_ascii_digit(t[i + 3])) {
        prefix = "ES-";
        i += 3;
    }
    std::size_t d = read_digits(t, i);
    if (d == i || d - i > 4) return std::nullopt;
    std::string first(t.substr(i, d - i));
    i = d;
    if (std::size_t e = read_cop_session(t, i, n.session); e != i && prefix.empty()) {
        n.form = Form::cop;
        n.serial = first;
        i = e;
    } else if (i + 1 < t.size() && t[i] == '/' && is_ascii_digit(t[i + 1])) {
        std::size_t e = read_digits(t, i + 1);
        if (e - i - 1 > 4) return std::nullopt;
        // "12/10/2020" is a date; "73/195/Add.1" a document.
        if (e < t.size() && (t[e] == '/' || is_ascii_alpha(t[e]) ||
                             (t[e] == '.' && e + 1 < t.size() && is_ascii_digit(t[e + 1]))))
            return std::nullopt;
        n.form = Form::slash;
        n.session = prefix + first;
        n.serial.assign(t.substr(i + 1, e - i - 1));
        i = e;
        i = read_letters(t, i, n.letters);
    } else {
        if (!prefix.empty()) return std::nullopt;
        n.serial = first;
        // "217A (III)": a letter glued to the number.
        if (i < t.size() && is_ascii_upper(t[i]) && i + 1 < t.size() && !is_ascii_alpha(t[i + 1]) &&
            !is_ascii_digit(t[i + 1])) {
            n.letters.push_back(t[i]);
            ++i;
        } else {
            i = read_letters(t, i, n.letters);
        }
        bool year = false;
        std::size_t e = 0;
        if (!read_paren(t, i, n.paren, year, e)) return std::nullopt;
        n.form = year ? Form::year_paren : Form::roman_paren;
        i = e;
    }
    if (i < t.size() && is_ascii_digit(t[i])) return std::nullopt;
    // Markdown link tail "](#)" or "](http://...)".
    if (i < t.size() && t[i] == ']') {
        ++i;
        if (i < t.size() && t[i] == '(') {
            std::size_t close = t.find(')', i);
            if (close != std::string_view::npos && close - i < 200) i = close + 1;
        }
    }
    n.end = i;
    return n;
}

// " of 19 December 2018", ", adopted on 18 December 2019": part of the citation.
std::size_t skip_date_tail(std::string_view t, std::size_t i) {
    std::size_t k = i;
    if (k < t.size() && t[k] == ',') ++k;
    k = skip_spaces(t, k);
    if (starts_with_ci(t, k, "adopted on "))
        k += 11;
    else if (starts_with_ci(t, k, "of "))
        k += 3;
    else if (starts_with_ci(t, k, "du "))
        k += 3;
    else if (starts_with_ci(t, k, "de "))
        k += 3;
    else
        return i;
    k = skip_spaces(t, k);
    std::size_t d = read_digits(t, k);
    if (d == k || d - k > 2) return i;
    k = skip_spaces(t, d);
    std::size_t w = k;
    while (w < t.size() && is_word_byte(t[w])) ++w;
    if (w == k) return i;
    k = skip_spaces(t, w);
    if (starts_with_ci(t, k, "de ")) k = skip_spaces(t, k + 3);
    std::size_t y = read_digits(t, k);
    if (y - k != 4) return i;
    return y;
}

// List separators: ",", "and", ", and", "et", "y", "и", "و", "as well as".
std::size_t skip_separator(std::string_view t, std::size_t i) {
    std::size_t k = i;
    bool comma = false;
    if (k < t.size() && t[k] == ',') {
        comma = true;
        ++k;
    }
    k = skip_spaces(t, k);
    if (t.substr(k, 2) == "\xD8\x8C") {  // Arabic comma
        comma = true;
        k = skip_spaces(t, k + 2);
    }
    for (std::string_view w :
         {"and ", "et ", "y ", "as well as ", "\xD0\xB8 ", "\xD9\x88 ", "\xD9\x88"}) {
        if (starts_with_ci(t, k, w)) return skip_spaces(t, k + w.size());
    }
    if (comma) return k;
    return std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// Bodies.

/// Which body may have adopted a citation of this shape.
bool plausible(std::string_view body, const Number& n) {
    if (n.form == Form::cop) return body == cop_body(n);
    int s = to_int(n.session);
    bool special = n.session.starts_with("S-") || n.session.starts_with("ES-");
    if (body == "S") return n.form == Form::year_paren;
    if (n.form == Form::year_paren) return false;
    if (body == "A") return n.form == Form::roman_paren || special || (s >= 31 && s <= 99);
    if (body == "E") return n.form == Form::roman_paren || (s >= 1946 && s <= 2100);
    // The Commission on Human Rights numbered by session until 1978 ("8 (XXIII)") and is
    // named with such numbers ("Commission on Human Rights resolution 1503 (XLVIII)").
    if (body == "E/CN.4" && n.form == Form::roman_paren) return true;
    if (n.form == Form::roman_paren) return false;
    if (body == "A/HRC") return (s >= 1 && s <= 70) || n.session.starts_with("S-");
    // The Commission on Human Rights numbered its resolutions by year (1993/51) until 2006.
    if (body == "E/CN.4") return s >= 1946 && s <= 2006;
    if (body.starts_with("E/CN.")) return (s >= 1 && s <= 99) || (s >= 1946 && s <= 2100);
    // Conferences of parties and similar bodies have met a few dozen times at most.
    return s >= 1 && s <= 30;
}

/// Plausible for a body named away from the number: Roman-numbered sessions are the General
/// Assembly's unless the Economic and Social Council is named right before the number, and the
/// Human Rights Council has not yet reached its sixtieth session.
bool plausible_weak(std::string_view body, const Number& n) {
    if (!plausible(body, n)) return false;
    if ((body == "E" || body == "E/CN.4") && n.form == Form::roman_paren) return false;
    if (body == "A/HRC" && to_int(n.session) > 60) return false;
    return true;
}

/// Body from the number's shape alone: "(2019)" is the Security Council, "(XXX)" and
/// sessions 31-99 the General Assembly, a year the Economic and Social Council.
std::string body_from_form(const Number& n) {
    if (n.form == Form::cop) return std::string(cop_body(n));
    if (n.form == Form::year_paren) return "S";
    if (n.form == Form::roman_paren) return "A";
    if (n.session.starts_with("S-") || n.session.starts_with("ES-")) return "A";
    int s = to_int(n.session);
    if (s >= 31 && s <= 99) return "A";
    if (s >= 1946 && s <= 2100) return "E";
    return "";
}

bool is_conference_body(std::string_view organ) {
    return !organ.empty() && organ != "A" && organ != "S" && organ != "E" && organ != "A/HRC" &&
           organ != "T" && organ != "ST" && !organ.starts_with("E/CN.");
}

struct Mention {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string
        body;  // resolved body; empty when "Council"/"Conference"/"Commission" is unresolved
};

/// The body of schemas/un_bodies.json whose English name has its word head at t[i] ("Security
/// Council", "Commission on Narcotic Drugs"), or "". begin and end get the span of the name.
std::string body_named_at(std::string_view t, std::size_t i, std::string_view head,
                          std::size_t* begin, std::size_t* end) {
    for (const UnBody& body : UnBodies::instance().bodies()) {
        if (body.code_is_prefix) continue;
        for (const std::string_view name : body.names_in("en")) {
            const std::size_t at = name.find(head);
            if (at == std::string_view::npos) continue;
            const std::size_t b = at == 0 ? i : words_before(t, i, name.substr(0, at));
            if (b == std::string_view::npos) continue;
            const std::size_t e = words_at(t, i, name.substr(at));
            if (e == std::string_view::npos) continue;
            if (begin) *begin = b;
            if (end) *end = e;
            return body.code;
        }
    }
    return "";
}

/// The named commission whose head word "Commission" stands at t[i], or "".
std::string commission_at(std::string_view t, std::size_t i, std::size_t* begin, std::size_t* end) {
    return body_named_at(t, i, "Commission", begin, end);
}

/// The last council named before pos ("Security Council", ...), for a bare "the Council".
std::string last_named_council(std::string_view t, std::size_t pos) {
    // A window, not the whole text: paragraphs are short, but a caller may pass a whole file.
    std::size_t from = pos > 4000 ? pos - 4000 : 0;
    std::string_view before = t.substr(from, pos - from);
    std::size_t best = std::string_view::npos;
    std::string body;
    for (const UnBody& council : UnBodies::instance().bodies()) {
        for (const std::string_view name : council.names_in("en")) {
            if (!name.ends_with(" Council")) continue;
            std::size_t p = before.rfind(name);
            if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) {
                best = p;
                body = council.code;
            }
        }
    }
    return body;
}

/// Reads a body mention whose head word ("Assembly", "Council", "Conference", "Commission",
/// "ECOSOC", ...) starts at i. Returns false if the word there is none of them.
bool mention_at(std::string_view t, std::size_t i, const CitationContext& ctx, Mention& m) {
    auto before = [&](std::string_view w) {
        return words_before(t, i, w) != std::string_view::npos;
    };
    auto word_is = [&](std::string_view w) {
        return t.compare(i, w.size(), w) == 0 &&
               (i + w.size() >= t.size() || !is_word_byte(t[i + w.size()]));
    };
    m.begin = i;
    if (word_is("Assembly")) {
        if (before("Parliamentary ") || before("World Health ")) return false;
        m.end = i + 8;
        m.body = body_named_at(t, i, "Assembly", &m.begin, &m.end);
        if (m.body.empty()) m.body = "A";  // "the Assembly"
        return true;
    }
    if (word_is("Council")) {
        m.end = i + 7;
        if (words_at(t, m.end, " of Europe") != std::string_view::npos) return false;
        if (std::string code = body_named_at(t, i, "Council", &m.begin, &m.end); !code.empty()) {
            m.body = code;
        } else if (before("Governing ") || before("Executive ") || before("Legislative ") ||
                   before("National ") || before("Ministers ") || before("European ")) {
            return false;
        } else {
            m.body = last_named_council(t, i);
            if (m.body.empty() && (ctx.organ == "S" || ctx.organ == "A/HRC" || ctx.organ == "E"))
                m.body = ctx.organ;
        }
        return true;
    }
    if (word_is("Conference")) {
        m.end = i + 10;
        m.body = is_conference_body(ctx.organ) ? ctx.organ : "";
        if (std::string code = body_named_at(t, i, "Conference", nullptr, &m.end); !code.empty())
            m.body = code;
        return true;
    }
    if (word_is("Commission")) {
        m.end = i + 10;
        m.body.clear();
        if (std::string code = commission_at(t, i, &m.begin, &m.end); !code.empty()) {
            m.body = code;
            return true;
        }
        if (ctx.organ.starts_with("E/CN.")) {
            m.body = ctx.organ;
        } else {
            // "the Commission" after the paragraph has named it in full.
            std::size_t stop = std::min(t.size(), i + 4000);
            for (std::size_t p = i > 4000 ? i - 4000 : 0;
                 (p = t.find("Commission", p)) != std::string_view::npos && p < stop; p += 10) {
                if (std::string code = commission_at(t, p, nullptr, nullptr); !code.empty()) {
                    m.body = code;
                    break;
                }
            }
        }
        return true;
    }
    for (const UnBody& body : UnBodies::instance().bodies()) {
        for (const std::string& w : body.abbreviations) {
            if (word_is(w) && (i == 0 || !is_word_byte(t[i - 1]))) {
                m.end = i + w.size();
                m.body = body.code;
                return true;
            }
        }
    }
    return false;
}

/// Body mentions in t[from, to), in order.
std::vector<Mention> mentions_in(std::string_view t, std::size_t from, std::size_t to,
                                 const CitationContext& ctx) {
    std::vector<Mention> out;
    for (std::size_t i = from; i < to; ++i) {
        char c = t[i];
        if (!(c == 'A' || c == 'C' || c == 'E' || c == 'H' || c == 'U' || c == 'G' || c == 'S'))
            continue;
        if (i > 0 && is_word_byte(t[i - 1])) continue;
        Mention m;
        if (mention_at(t, i, ctx, m)) {
            out.push_back(m);
            i = m.end - 1;
        }
    }
    return out;
}

const char* k_abbreviations[] = {"para", "paras", "No",  "Nos", "Mr",   "Mrs", "Ms",  "Dr",
                                 "St",   "Art",   "art", "Add", "Corr", "Rev", "e.g", "i.e",
                                 "cf",   "vol",   "p",   "pp",  "sect", "Vol"};

bool sentence_break_at(std::string_view t, std::size_t i) {
    // t[i] is '.', '!' or '?' followed by space and a capital.
    std::size_t k = i + 1;
    if (k >= t.size() || (t[k] != ' ' && t[k] != '\n')) return false;
    k = skip_spaces(t, k);
    if (k >= t.size() || !(is_ascii_upper(t[k]) || t[k] == '(' || t[k] == '"')) return false;
    std::size_t w = i;
    while (w > 0 && (is_ascii_alpha(t[w - 1]) || t[w - 1] == '.')) --w;
    std::string_view word = t.substr(w, i - w);
    for (const char* a : k_abbreviations)
        if (word == a) return false;
    return true;
}

std::size_t sentence_start(std::string_view t, std::size_t pos) {
    std::size_t limit = pos > 600 ? pos - 600 : 0;
    for (std::size_t i = pos; i > limit; --i) {
        char c = t[i - 1];
        if ((c == '.' || c == '!' || c == '?') && sentence_break_at(t, i - 1)) return i;
        if (c == '\n' && i >= 2 && t[i - 2] == '\n') return i;
    }
    return limit;
}

std::size_t sentence_end(std::string_view t, std::size_t pos) {
    std::size_t limit = std::min(t.size(), pos + 600);
    for (std::size_t i = pos; i < limit; ++i) {
        char c = t[i];
        if ((c == '.' || c == '!' || c == '?') && (i + 1 >= t.size() || sentence_break_at(t, i)))
            return i;
        if (c == '\n' && i + 1 < t.size() && t[i + 1] == '\n') return i;
    }
    return limit;
}

/// Body words after a number in French, Spanish, Russian and English word order:
/// "résolution 40/1 du Conseil des droits de l'homme", "resolution 73/195 of the General Assembly".
std::string body_after(std::string_view t, std::size_t i, std::size_t* end = nullptr) {
    i = skip_spaces(t, i);
    std::size_t k = i;
    for (std::string_view w :
         {"of the ", "du ", "de l'", "de l\xE2\x80\x99", "de la ", "del ", "de "}) {
        if (starts_with_ci(t, k, w)) {
            k += w.size();
            break;
        }
    }
    std::string_view rest = t.substr(k, std::min<std::size_t>(120, t.size() - k));
    // Names as they follow a number: English, French, Spanish, Russian (genitive).
    static const std::vector<std::pair<std::string, std::string>> k_after = [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const UnBody& body : UnBodies::instance().bodies())
            for (const std::string_view lang : {"en", "fr", "es", "ru"})
                for (const std::string& name : body.names_in(lang))
                    out.emplace_back(name, body.code);
        return out;
    }();
    for (const auto& [name, code] : k_after)
        if (rest.starts_with(name)) {
            if (end) *end = k + name.size();
            return std::string(code);
        }
    if (rest.starts_with("Commission")) return commission_at(t, k, nullptr, end);
    return "";
}

/// Body words in other languages near the keyword or number: before it in Chinese, around it in
/// Arabic, before the keyword in French, Spanish and Russian ("le Conseil de sécurité a adopté la
/// résolution", "Экономическим и Социальным Советом в его резолюции"). The name nearest the end
/// wins.
std::string body_cjk_arabic(std::string_view window, std::size_t* name_end = nullptr) {
    // Every name form and stem but the English ones, which mention_at reads with their head word.
    static const std::vector<std::pair<std::string, std::string>> k_names = [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const UnBody& body : UnBodies::instance().bodies()) {
            for (const auto* forms : {&body.names, &body.stems})
                for (const auto& [lang, names] : *forms)
                    if (lang != "en")
                        for (const std::string& name : names) out.emplace_back(name, body.code);
        }
        return out;
    }();
    std::size_t best = std::string_view::npos;
    std::string body;
    std::size_t best_begin = 0;
    for (const auto& [name, code] : k_names) {
        std::size_t p = window.rfind(name);
        // Of two names ending at the same place the longer wins: "Комиссии по правам человека"
        // (the Commission) over the stem "по правам человека" (the Council's).
        if (p != std::string_view::npos &&
            (best == std::string_view::npos || p + name.size() > best ||
             (p + name.size() == best && p < best_begin))) {
            best = p + name.size();
            best_begin = p;
            body = code;
        }
    }
    if (name_end) *name_end = best;
    return body;
}

std::string make_id(std::string_view body, bool decision, const std::string& number) {
    return std::string(body) + (decision ? "/DEC/" : "/RES/") + number;
}

void emit(std::vector<ResolutionMatch>& out, const Number& n, const std::string& body,
          bool decision, std::size_t begin, std::size_t end) {
    std::vector<char> letters = n.letters;
    if (letters.empty()) letters.push_back(0);
    for (char l : letters) {
        ResolutionMatch m;
        m.number = n.text(l);
        m.ref.body = body;
        m.ref.decision = decision;
        m.ref.id = make_id(body, decision, m.number);
        m.begin = begin;
        m.end = end;
        out.push_back(std::move(m));
    }
}

// ---------------------------------------------------------------------------------------------
// Keywords.

struct Keyword {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool decision = false;
};

// Words that open a citation, lower-cased ASCII (other bytes as written).
bool keyword_word(std::string_view w, bool& decision) {
    std::string s;
    s.reserve(w.size());
    for (char c : w) s.push_back(lower(c));
    // "RÉSOLUTION", "DÉCISION": fold the upper-case é too.
    for (std::size_t p; (p = s.find("\xC3\x89")) != std::string::npos;) s.replace(p, 2, "\xC3\xA9");
    static const std::string_view k_res[] = {"resolution",
                                             "resolutions",
                                             "r\xC3\xA9solution",
                                             "r\xC3\xA9solutions",
                                             "resoluci\xC3\xB3n",
                                             "resoluciones",
                                             "res."};
    static const std::string_view k_dec[] = {"decision",
                                             "decisions",
                                             "d\xC3\xA9"
                                             "cision",
                                             "d\xC3\xA9"
                                             "cisions",
                                             "decisi\xC3\xB3n",
                                             "decisiones"};
    for (auto k : k_res)
        if (s == k) {
            decision = false;
            return true;
        }
    for (auto k : k_dec)
        if (s == k) {
            decision = true;
            return true;
        }
    // Russian: резолюция/резолюции/..., решение/решения/...
    if (s.starts_with("\xD1\x80\xD0\xB5\xD0\xB7\xD0\xBE\xD0\xBB\xD1\x8E\xD1\x86") ||
        s.starts_with("\xD0\xA0\xD0\xB5\xD0\xB7\xD0\xBE\xD0\xBB\xD1\x8E\xD1\x86")) {
        decision = false;
        return true;
    }
    if (s.starts_with("\xD1\x80\xD0\xB5\xD1\x88\xD0\xB5\xD0\xBD\xD0\xB8") ||
        s.starts_with("\xD0\xA0\xD0\xB5\xD1\x88\xD0\xB5\xD0\xBD\xD0\xB8")) {
        decision = true;
        return true;
    }
    return false;
}

bool is_draft(std::string_view t, std::size_t kw) {
    std::string_view before = t.substr(0, kw);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n'))
        before.remove_suffix(1);
    return ends_with_ci(before, "draft") || ends_with_ci(before, "projet de") ||
           ends_with_ci(before, "proyecto de") ||
           before.ends_with("\xD0\xBF\xD1\x80\xD0\xBE\xD0\xB5\xD0\xBA\xD1\x82");  // проект
}

std::vector<Keyword> find_keywords(std::string_view t) {
    std::vector<Keyword> out;
    // Anchors inside the keyword words; the whole word is then read and checked.
    static const std::string_view k_anchors[] = {
        "esolu",
        "ESOLU",
        "\xC3\xA9solu",
        "\xC3\x89SOLU",
        "ecisi",
        "ECISI",
        "\xC3\xA9"
        "cisi",
        "\xC3\x89"
        "CISI",
        "\xD0\xB5\xD0\xB7\xD0\xBE\xD0\xBB\xD1\x8E\xD1\x86",  // езолюц
        "\xD0\xB5\xD1\x88\xD0\xB5\xD0\xBD\xD0\xB8",          // ешени
        " res. ",
        " Res. "};
    for (auto a : k_anchors) {
        std::size_t p = 0;
        while ((p = t.find(a, p)) != std::string_view::npos) {
            std::size_t hit = p;
            p += a.size();
            std::size_t b = a.front() == ' ' ? hit + 1 : hit;
            while (b > 0 && is_word_byte(t[b - 1])) --b;
            // Step back over a UTF-8 lead byte we may have split ("é" in "résolution").
            std::size_t e = a.front() == ' ' ? hit + 5 : hit;
            while (e < t.size() && is_word_byte(t[e])) ++e;
            if (a.front() == ' ') e = hit + 5;
            bool decision = false;
            if (!keyword_word(t.substr(b, e - b), decision)) continue;
            out.push_back({b, e, decision});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const Keyword& x, const Keyword& y) { return x.begin < y.begin; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Keyword& x, const Keyword& y) { return x.begin == y.begin; }),
              out.end());
    return out;
}

/// True if the words between a body and the keyword bind them: "Security Council resolution",
/// "the Council, in its resolution", "the Council by its resolution", "the Assembly's resolution".
bool adjacent_gap(std::string_view gap) {
    std::size_t b = 0;
    std::size_t e = gap.size();
    while (b < e && (is_space_byte(gap[b]) || gap[b] == ',' || gap[b] == '[' || gap[b] == '*')) ++b;
    while (e > b && (is_space_byte(gap[e - 1]) || gap[e - 1] == '[' || gap[e - 1] == '*')) --e;
    std::string_view g = gap.substr(b, e - b);
    return g.empty() || g == "in its" || g == "by its" || g == "its" || g == "'s" ||
           g == "\xE2\x80\x99s" || g == "in their" || g == "by their";
}

struct Resolver {
    std::string_view t;
    const CitationContext& ctx;

    std::string resolve(const Number& n, std::size_t kw_begin, std::size_t list_end,
                        const std::string& after) const {
        std::size_t s0 = sentence_start(t, kw_begin);
        auto before = mentions_in(t, s0, kw_begin, ctx);
        // Words right before the keyword ("Security Council resolution") bind hardest, then the
        // nearest body named earlier in the sentence (its subject, usually).
        bool adjacent_unknown = false;
        for (auto it = before.rbegin(); it != before.rend(); ++it) {
            bool adjacent =
                it == before.rbegin() && adjacent_gap(t.substr(it->end, kw_begin - it->end));
            if (!it->body.empty() &&
                (adjacent ? plausible(it->body, n) : plausible_weak(it->body, n)))
                return it->body;
            if (adjacent) {
                // "Commission resolution 28/1" with no way to tell which commission: the citing
                // document's organ would be a guess, so only the number's shape may decide.
                adjacent_unknown = it->body.empty();
                break;
            }
        }
        if (!after.empty() && plausible(after, n)) return after;
        std::size_t named_end = 0;
        std::string named = body_cjk_arabic(t.substr(s0, kw_begin - s0), &named_end);
        // "Экономическим и Социальным Советом в его резолюции": near the keyword binds like English
        // "by its resolution".
        bool near = kw_begin - (s0 + named_end) <= 30;
        if (!named.empty() && (near ? plausible(named, n) : plausible_weak(named, n))) return named;
        // "In its resolution 74/176, ..., the General Assembly welcomed": the subject comes later.
        if (ends_with_ci(t.substr(0, kw_begin), "its ") ||
            ends_with_ci(t.substr(0, kw_begin), "their ")) {
            std::size_t s1 = sentence_end(t, list_end);
            for (const auto& m : mentions_in(t, list_end, s1, ctx)) {
                // "... and other resolutions of the Commission on Human Rights" is not the subject.
                std::string_view lead = t.substr(0, m.begin);
                if (ends_with_ci(lead, "of the ") || ends_with_ci(lead, "by the ") ||
                    ends_with_ci(lead, "to the ") || ends_with_ci(lead, "with the ") ||
                    ends_with_ci(lead, "of "))
                    continue;
                if (!m.body.empty() && plausible_weak(m.body, n)) return m.body;
            }
        }
        if (!adjacent_unknown && !ctx.organ.empty() && plausible_weak(ctx.organ, n))
            return ctx.organ;
        return body_from_form(n);
    }
};

// First Security Council resolution of each year (approximate, within a few numbers): checks
// that a year found near a bare number can be that resolution's year.
constexpr std::pair<int, int> k_sc_first_of_year[] = {
    {1946, 1},    {1947, 15},   {1948, 42},   {1949, 66},   {1950, 79},   {1951, 90},
    {1952, 97},   {1953, 98},   {1954, 101},  {1955, 107},  {1956, 109},  {1957, 123},
    {1958, 127},  {1959, 132},  {1960, 133},  {1961, 161},  {1962, 171},  {1963, 174},
    {1964, 187},  {1965, 199},  {1966, 217},  {1967, 228},  {1968, 245},  {1969, 263},
    {1970, 277},  {1971, 293},  {1972, 307},  {1973, 326},  {1974, 345},  {1975, 365},
    {1976, 384},  {1977, 400},  {1978, 423},  {1979, 444},  {1980, 460},  {1981, 483},
    {1982, 500},  {1983, 527},  {1984, 544},  {1985, 558},  {1986, 580},  {1987, 593},
    {1988, 603},  {1989, 625},  {1990, 646},  {1991, 683},  {1992, 726},  {1993, 795},
    {1994, 896},  {1995, 975},  {1996, 1038}, {1997, 1093}, {1998, 1151}, {1999, 1223},
    {2000, 1284}, {2001, 1333}, {2002, 1390}, {2003, 1457}, {2004, 1521}, {2005, 1580},
    {2006, 1649}, {2007, 1739}, {2008, 1792}, {2009, 1860}, {2010, 1903}, {2011, 1961},
    {2012, 2032}, {2013, 2088}, {2014, 2130}, {2015, 2196}, {2016, 2264}, {2017, 2336},
    {2018, 2397}, {2019, 2451}, {2020, 2505}, {2021, 2563}, {2022, 2617}, {2023, 2673},
    {2024, 2720}, {2025, 2768},
};

bool sc_number_fits_year(int number, int year) {
    constexpr std::size_t count = sizeof(k_sc_first_of_year) / sizeof(k_sc_first_of_year[0]);
    for (std::size_t k = 0; k < count; ++k) {
        if (k_sc_first_of_year[k].first != year) continue;
        int lo = k_sc_first_of_year[k].second - 15;
        int hi = k + 1 < count ? k_sc_first_of_year[k + 1].second + 15 : 100000;
        return number >= lo && number < hi;
    }
    return false;
}

/// The year of a Security Council resolution number, 0 when too near a year's first number.
int sc_year_of(int number) {
    constexpr std::size_t count = sizeof(k_sc_first_of_year) / sizeof(k_sc_first_of_year[0]);
    for (std::size_t k = 0; k + 1 < count; ++k) {
        int lo = k_sc_first_of_year[k].second;
        int hi = k_sc_first_of_year[k + 1].second;
        if (number >= lo && number < hi) {
            if (number - lo < 3 || hi - number <= 3) return 0;
            return k_sc_first_of_year[k].first;
        }
    }
    return 0;
}

/// "Security Council resolution 984 in 1995", "resolution 1540, co-sponsored ... in 2004": a
/// Security Council number printed without its year, the year standing later in the sentence.
std::optional<Number> security_council_bare(std::string_view t, const Keyword& kw,
                                            const CitationContext& ctx) {
    std::size_t i = skip_spaces(t, kw.end);
    std::size_t d = read_digits(t, i);
    if (d == i || d - i > 4) return std::nullopt;
    if (d < t.size() && (t[d] == '/' || is_ascii_alpha(t[d]) || t[d] == '(')) return std::nullopt;
    auto before = mentions_in(t, sentence_start(t, kw.begin), kw.begin, ctx);
    // The Council named right before or right after ("résolution 1325 du Conseil de sécurité"),
    // or as the subject earlier in the sentence when the year is printed too.
    bool adjacent = body_after(t, d) == "S";
    if (!adjacent) {
        if (before.empty() || before.back().body != "S") return std::nullopt;
        adjacent = kw.begin - before.back().end <= 5;
    }
    int number = to_int(t.substr(i, d - i));
    Number n;
    n.form = Form::year_paren;
    n.serial.assign(t.substr(i, d - i));
    n.begin = i;
    n.end = d;
    std::size_t end = std::min(sentence_end(t, d), d + 120);
    for (std::size_t k = d; k + 4 <= end; ++k) {
        if (!is_ascii_digit(t[k]) || (k > 0 && is_ascii_digit(t[k - 1]))) continue;
        std::size_t e = read_digits(t, k);
        if (e - k == 4) {
            int year = to_int(t.substr(k, 4));
            if (sc_number_fits_year(number, year)) {
                n.paren.assign(t.substr(k, 4));
                return n;
            }
            break;
        }
        k = e;
    }
    // No year printed: the Council numbers its resolutions in one sequence, so the number
    // tells the year, except within a few numbers of a new year.
    if (int year = sc_year_of(number); year != 0 && adjacent) {
        n.paren = std::to_string(year);
        return n;
    }
    return std::nullopt;
}

/// True if the number ending at i is followed by the name of a body outside this scheme:
/// "résolution 689 (XXXV) de la Commission économique pour l'Amérique latine", "resolución
/// WHA58.3 de la Asamblea Mundial de la Salud", "резолюцию 683 (XXXV) Экономической комиссии".
bool foreign_body_after(std::string_view t, std::size_t i) {
    i = skip_spaces(t, i);
    for (std::string_view w :
         {"of the ", "du ", "de l'", "de l\xE2\x80\x99", "de la ", "del ", "de "})
        if (starts_with_ci(t, i, w)) {
            i += w.size();
            break;
        }
    // The Russian one is "Экономической комиссии".
    static const std::string_view k_foreign_names[] = {
        "Economic Commission for",
        "Commission \xC3\xA9"
        "conomique pour",
        "Comisi\xC3\xB3n Econ\xC3\xB3mica para",
        "\xD0\xAD\xD0\xBA\xD0\xBE\xD0\xBD\xD0\xBE\xD0\xBC\xD0\xB8\xD1\x87\xD0\xB5\xD1\x81\xD0\xBA"
        "\xD0\xBE"
        "\xD0\xB9 \xD0\xBA\xD0\xBE\xD0\xBC\xD0\xB8\xD1\x81\xD1\x81\xD0\xB8\xD0\xB8",
        "World Health Assembly",
        "Assembl\xC3\xA9"
        "e mondiale de la sant\xC3\xA9",
        "Asamblea Mundial de la Salud",
        "Executive Board",
        "Conseil ex\xC3\xA9"
        "cutif",
        "Consejo Ejecutivo",
        "Governing Council",
        "Conseil d'administration",
        "Consejo de Administraci\xC3\xB3n",
        "Organisation de l'unit\xC3\xA9 africaine",
        "Union africaine",
        "Uni\xC3\xB3n Africana",
        "Organizaci\xC3\xB3n de los Estados Americanos",
        "Organisation des \xC3\x89tats am\xC3\xA9ricains"};
    for (std::string_view name : k_foreign_names)
        if (t.compare(i, name.size(), name) == 0) return true;
    return false;
}

/// True if the keyword follows the name of a body outside this scheme: "Economic Commission for
/// Latin America and the Caribbean resolution 683 (XXXV)", "OAU resolution 1585", "WHO resolution".
bool foreign_body_before(std::string_view t, std::size_t kw) {
    std::size_t e = kw;
    while (e > 0 && is_space_byte(t[e - 1])) --e;
    std::size_t b = e;
    while (b > 0 && is_ascii_alpha(t[b - 1])) --b;
    if (e - b < 2 || !is_ascii_upper(t[b])) return false;
    std::string_view w = t.substr(b, e - b);
    static const std::string_view k_foreign_acronyms[] = {
        "OAU",   "AU",    "EU",   "ILO",   "WHO",     "WHA",  "IAEA", "UNESCO", "OAS",
        "ECLAC", "ESCAP", "ECA",  "ECE",   "ESCWA",   "FAO",  "ICAO", "IMO",    "ITU",
        "UPU",   "WMO",   "IFAD", "UNIDO", "CARICOM", "NATO", "OSCE", "ASEAN",  "IPU"};
    if (std::all_of(w.begin(), w.end(), [](char c) { return is_ascii_upper(c) || c == '-'; }))
        return std::find(std::begin(k_foreign_acronyms), std::end(k_foreign_acronyms), w) !=
               std::end(k_foreign_acronyms);
    // Last words of the names of bodies outside the United Nations resolution series.
    static const std::string_view k_foreign_heads[] = {
        "Caribbean",    "Africa", "Asia", "Pacific", "Europe", "Union",
        "Organization", "Agency", "Bank", "Fund",    "Board"};
    return std::find(std::begin(k_foreign_heads), std::end(k_foreign_heads), w) !=
           std::end(k_foreign_heads);
}

/// Reads a list of numbers from p ("2331 (2016) and 2388 (2017)") into items.
void read_list(std::string_view t, std::size_t p, std::vector<Number>& items) {
    while (true) {
        auto n = read_number(t, p);
        if (!n) break;
        items.push_back(*n);
        std::size_t q = skip_date_tail(t, n->end);
        std::size_t s = skip_separator(t, q);
        if (s == std::string_view::npos) break;
        p = s;
    }
}

/// The numbers of a bracket later in the keyword's clause, as the records of the General
/// Assembly print them: "the resolutions on general and complete disarmament [1884 (XVIII) and
/// 1908 (XVIII)]". Only numbers with a session or year in parentheses, which nothing else has.
std::vector<Number> bracketed_list(std::string_view t, std::size_t from) {
    constexpr std::size_t k_reach = 120;
    const std::size_t stop = std::min(t.size(), from + k_reach);
    std::size_t open = from;
    while (open < stop && t[open] != '[') {
        if (t[open] == '.' || t[open] == ';' || t[open] == ']' || t[open] == '(') return {};
        ++open;
    }
    if (open >= stop) return {};
    std::vector<Number> items;
    read_list(t, open, items);
    const bool dated = std::all_of(items.begin(), items.end(), [](const Number& n) {
        return n.form == Form::roman_paren || n.form == Form::year_paren;
    });
    if (!dated) items.clear();
    return items;
}

void find_keyword_citations(std::string_view t, const CitationContext& ctx,
                            std::vector<ResolutionMatch>& out) {
    Resolver r{t, ctx};
    for (const Keyword& kw : find_keywords(t)) {
        if (is_draft(t, kw.begin) || foreign_body_before(t, kw.begin)) continue;
        std::vector<Number> items;
        std::size_t p = kw.end;
        std::size_t named_end = 0;
        std::string named_between = body_after(t, p, &named_end);
        if (!named_between.empty()) p = named_end;
        read_list(t, p, items);
        if (items.empty()) items = bracketed_list(t, kw.end);
        if (items.empty()) {
            if (auto n = security_council_bare(t, kw, ctx)) {
                emit(out, *n, "S", kw.decision, kw.begin, n->end);
            }
            continue;
        }
        std::size_t list_end = skip_date_tail(t, items.back().end);
        if (named_between.empty() && foreign_body_after(t, items.back().end)) continue;
        std::string after = named_between;
        if (after.empty()) after = body_after(t, items.back().end);
        if (after.empty() && list_end != items.back().end) after = body_after(t, list_end);
        for (std::size_t k = 0; k < items.size(); ++k) {
            // The Security Council does not number decisions "267 (2009)".
            if (kw.decision && items[k].form == Form::year_paren) continue;
            std::string body = r.resolve(items[k], kw.begin, list_end, after);
            if (body.empty()) continue;
            emit(out, items[k], body, kw.decision, k == 0 ? kw.begin : items[k].begin,
                 k + 1 == items.size() ? list_end : items[k].end);
        }
    }
}

/// True if a Chinese window names a body outside this scheme: a regional economic commission
/// (经济委员会), the World Health Assembly (世界卫生大会), an executive board (执行局).
bool foreign_body_cjk(std::string_view window) {
    for (std::string_view name :
         {"\xE7\xBB\x8F\xE6\xB5\x8E\xE5\xA7\x94\xE5\x91\x98\xE4\xBC\x9A",
          "\xE4\xB8\x96\xE7\x95\x8C\xE5\x8D\xAB\xE7\x94\x9F\xE5\xA4\xA7\xE4\xBC\x9A",
          "\xE6\x89\xA7\xE8\xA1\x8C\xE5\xB1\x80"})
        if (window.find(name) != std::string_view::npos) return true;
    return false;
}

// Chinese: "第73/195号决议", "大会第73/195号决议", "第2482(2019)号决议", "第73/546号决定".
void find_chinese(std::string_view t, const CitationContext& ctx,
                  std::vector<ResolutionMatch>& out) {
    static const std::string_view k_hao = "\xE5\x8F\xB7\xE5\x86\xB3";  // 号决
    static const std::string_view k_di = "\xE7\xAC\xAC";               // 第
    // Reads "第N1、第N2和N3" forward from a 第 at di; succeeds only if the chain ends at hao.
    auto chain = [&](std::size_t di, std::size_t hao, std::vector<Number>& items) {
        items.clear();
        std::size_t i = di + k_di.size();
        while (true) {
            auto n = read_number(t, i);
            if (!n) {
                // "第1325号决议": a bare Security Council number, dated later from the number.
                std::size_t d = read_digits(t, i);
                if (d == i || d - i > 4) return false;
                n = Number{};
                n->form = Form::year_paren;
                n->serial.assign(t.substr(i, d - i));
                n->begin = i;
                n->end = d;
            }
            items.push_back(*n);
            i = skip_spaces(t, n->end);
            if (i == hao) return true;
            if (t.substr(i, 3) == "\xE5\x8F\xB7" && i + 3 != hao)
                i += 3;  // 号 in "第822(1993)号、"
            bool sep = false;
            for (std::string_view w :
                 {"\xE3\x80\x81", "\xE5\x92\x8C", "\xE5\x8F\x8A", "\xEF\xBC\x8C", ","}) {
                if (t.substr(i, w.size()) == w) {  // 、 和 及 ，
                    i = skip_spaces(t, i + w.size());
                    sep = true;
                    break;
                }
            }
            if (!sep) return false;
            if (t.substr(i, k_di.size()) == k_di) i += k_di.size();
        }
    };
    std::size_t p = 0;
    while ((p = t.find(k_hao, p)) != std::string_view::npos) {
        std::size_t hao = p;
        p += k_hao.size();
        if (p + 3 > t.size()) break;
        bool decision;
        if (t.compare(p, 3, "\xE8\xAE\xAE") == 0)
            decision = false;  // 议
        else if (t.compare(p, 3, "\xE5\xAE\x9A") == 0)
            decision = true;  // 定
        else
            continue;
        // The farthest 第 from which an unbroken list reaches 号决议.
        std::vector<Number> best;
        std::size_t best_di = 0;
        std::size_t lo = hao > 400 ? hao - 400 : 0;
        std::size_t search_end = hao;
        std::vector<Number> items;
        while (search_end > lo) {
            std::size_t di = t.substr(lo, search_end - lo).rfind(k_di);
            if (di == std::string_view::npos) break;
            di += lo;
            if (!chain(di, hao, items)) {
                if (!best.empty()) break;
                search_end = di;
                if (hao - di > 60) break;
                continue;
            }
            best = items;
            best_di = di;
            search_end = di;
        }
        if (best.empty()) continue;
        std::size_t wlo = best_di > 60 ? best_di - 60 : 0;
        std::string named = body_cjk_arabic(t.substr(wlo, best_di - wlo));
        // "拉丁美洲和加勒比经济委员会2014年5月9日第689(XXXV)号决议": a regional commission's.
        if (named.empty() && foreign_body_cjk(t.substr(wlo, best_di - wlo))) continue;
        for (auto& n : best) {
            // The Security Council does not number decisions "267 (2009)".
            if (decision && n.form == Form::year_paren) continue;
            if (n.form == Form::year_paren && n.paren.empty()) {
                int year = named == "S" ? sc_year_of(to_int(n.serial)) : 0;
                if (year == 0) continue;
                n.paren = std::to_string(year);
            }
            std::string body = named;
            if (body.empty() || !plausible(body, n))
                body =
                    (!ctx.organ.empty() && plausible(ctx.organ, n)) ? ctx.organ : body_from_form(n);
            if (body.empty()) continue;
            emit(out, n, body, decision, best_di, p + 3);
        }
    }
}

/// Where the number after an Arabic keyword ending at p starts: up to four words between them
/// (the body, a suffix pronoun), seven when they name a body ("قرار مجلس الأمن التابع للأمم المتحدة
/// رقم 1325"); npos if no number follows.
std::size_t arabic_number_at(std::string_view t, std::size_t p) {
    std::size_t k = p;
    int words = 0;
    while (k < t.size() && words <= 7) {
        if (is_ascii_digit(t[k])) break;
        unsigned char c = static_cast<unsigned char>(t[k]);
        if (c == ' ') {
            ++words;
            ++k;
        } else if (c >= 0xD8 && c <= 0xDB && k + 1 < t.size()) {
            k += 2;
        } else {
            break;
        }
    }
    if (k >= t.size() || !is_ascii_digit(t[k])) return std::string_view::npos;
    if (words > 5 && body_cjk_arabic(t.substr(p, k - p)).empty()) return std::string_view::npos;
    return k;
}

/// "قرار مجلس الأمن ... 1325" without its year: the Security Council numbers its resolutions in
/// one sequence, so the number tells the year (not within a few numbers of a new year).
std::optional<Number> arabic_bare_security_council(std::string_view t, std::size_t k) {
    const std::size_t d = read_digits(t, k);
    if (d == k || d - k > 4) return std::nullopt;
    // Not "1325/2", "1325 (2000)" (read as a number already) or a decimal "13.5".
    const std::size_t after = skip_spaces(t, d);
    if (after < t.size() && (t[after] == '/' || t[after] == '(')) return std::nullopt;
    if (d + 1 < t.size() && (t[d] == '.' || t[d] == ',') && is_ascii_digit(t[d + 1]))
        return std::nullopt;
    const int year = sc_year_of(to_int(t.substr(k, d - k)));
    if (year == 0) return std::nullopt;
    Number n;
    n.form = Form::year_paren;
    n.serial.assign(t.substr(k, d - k));
    n.paren = std::to_string(year);
    n.begin = k;
    n.end = d;
    return n;
}

// Arabic: "القرار 73/195", "قرار مجلس الأمن 1990 (2011)", "قراره 2133 (2014)".
void find_arabic(std::string_view t, const CitationContext& ctx,
                 std::vector<ResolutionMatch>& out) {
    static const std::string_view k_qarar = "\xD9\x82\xD8\xB1\xD8\xA7\xD8\xB1";  // قرار
    std::size_t p = 0;
    while ((p = t.find(k_qarar, p)) != std::string_view::npos) {
        std::size_t kw = p;
        p += k_qarar.size();
        const std::size_t k = arabic_number_at(t, p);
        if (k == std::string_view::npos) continue;
        std::vector<Number> items;
        std::size_t q = k;
        while (true) {
            auto n = read_number(t, q);
            if (!n) break;
            items.push_back(*n);
            std::size_t s = skip_separator(t, n->end);
            if (s == std::string_view::npos) break;
            q = s;
        }
        std::size_t wlo = kw > 40 ? kw - 40 : 0;
        std::string named = body_cjk_arabic(t.substr(wlo, k - wlo));
        // "قراره", "قرارها" ("its resolution"): the body is the sentence's subject, named before
        // ("وافق المجلس الاقتصادي والاجتماعي ... في قراره 1576 (د-50)").
        if (named.empty() && (t.compare(p, 2, "\xD9\x87") == 0)) {
            std::size_t lo = kw > 400 ? kw - 400 : 0;
            if (std::size_t dot = t.substr(lo, kw - lo).rfind('.'); dot != std::string_view::npos)
                lo += dot + 1;
            named = body_cjk_arabic(t.substr(lo, kw - lo));
        }
        if (items.empty() && named == "S") {
            if (auto n = arabic_bare_security_council(t, k)) emit(out, *n, "S", false, kw, n->end);
        }
        for (const auto& n : items) {
            std::string body = named;
            if (body.empty() || !plausible(body, n))
                body =
                    (!ctx.organ.empty() && plausible(ctx.organ, n)) ? ctx.organ : body_from_form(n);
            if (body.empty()) continue;
            emit(out, n, body, false, kw, n.end);
        }
        if (!items.empty()) p = items.back().end;
    }
}

bool has_resolution_symbol_hint(std::string_view t) {
    for (std::string_view a : {"RES/", "res/", "Res/", "DEC/", "dec/", "Dec/"})
        if (t.find(a) != std::string_view::npos) return true;
    return false;
}

void find_explicit_symbols(std::string_view t, std::vector<ResolutionMatch>& out) {
    for (const auto& s : find_symbols(t)) {
        const std::string& id = s.base;
        std::size_t r = id.find("/RES/");
        bool decision = false;
        if (r == std::string::npos) {
            r = id.find("/DEC/");
            decision = true;
        }
        if (r == std::string::npos || r + 5 >= id.size()) continue;
        ResolutionMatch m;
        m.ref.id = id;
        m.ref.body = id.substr(0, r);
        m.ref.decision = decision;
        m.number = id.substr(r + 5);
        m.begin = s.begin;
        m.end = s.end;
        out.push_back(std::move(m));
    }
}

}  // namespace

std::vector<ResolutionMatch> find_resolutions(std::string_view text, const CitationContext& ctx) {
    std::vector<ResolutionMatch> out;
    if (text.size() < 4) return out;
    find_keyword_citations(text, ctx, out);
    find_chinese(text, ctx, out);
    find_arabic(text, ctx, out);
    if (has_resolution_symbol_hint(text)) {
        std::vector<ResolutionMatch> symbols;
        find_explicit_symbols(text, symbols);
        for (auto& s : symbols) {
            bool covered = std::any_of(out.begin(), out.end(), [&](const ResolutionMatch& m) {
                return m.begin < s.end && s.begin < m.end && m.ref.id == s.ref.id;
            });
            if (!covered) out.push_back(std::move(s));
        }
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const ResolutionMatch& a, const ResolutionMatch& b) { return a.begin < b.begin; });
    return out;
}

std::optional<ResolutionMatch> parse_resolution(std::string_view text) {
    std::size_t b = 0;
    std::size_t e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n')) ++b;
    while (e > b &&
           (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n' || text[e - 1] == '.'))
        --e;
    std::string_view s = text.substr(b, e - b);
    if (s.empty()) return std::nullopt;
    // An explicit symbol: "A/RES/73/195", "s/res/2482 (2019)".
    if (auto sym = parse_symbol(s)) {
        std::vector<ResolutionMatch> v;
        find_explicit_symbols(s, v);
        if (v.size() == 1 && v[0].begin == 0 && v[0].end == s.size()) {
            v[0].begin = b;
            v[0].end = e;
            return v[0];
        }
        return std::nullopt;
    }
    // "resolution 2482 (2019)", "General Assembly resolution 73/195", "decision 73/546".
    CitationContext ctx;
    auto found = find_resolutions(s, ctx);
    if (found.size() == 1) {
        found[0].begin += b;
        found[0].end += b;
        return found[0];
    }
    if (found.size() > 1) return std::nullopt;
    // A bare number: "73/195", "2482 (2019)". The body stays open for the caller.
    auto n = read_number(s, 0);
    if (!n || n->begin != 0 || n->end != s.size() || n->letters.size() > 1) return std::nullopt;
    ResolutionMatch m;
    m.number = n->text(n->letters.empty() ? 0 : n->letters.front());
    m.begin = b;
    m.end = e;
    return m;
}

}  // namespace plenary
