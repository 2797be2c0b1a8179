// ASCII character predicates, one set for every module. Each name says which bytes it accepts;
// none accepts a byte >= 0x80 (part of a UTF-8 sequence), and unlike <cctype> none depends on
// the locale or misbehaves on a negative char.
#pragma once

#include <string_view>

namespace plenary {

/// '0' to '9'.
constexpr bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
/// 'A' to 'Z'.
constexpr bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
/// 'a' to 'z'.
constexpr bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
/// c lower-cased if it is an ASCII capital, else c.
constexpr char ascii_to_lower(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
/// 'A' to 'Z' and 'a' to 'z'.
constexpr bool is_ascii_alpha(char c) {
    return is_ascii_upper(c) || is_ascii_lower(c);
}
/// An ASCII letter or digit.
constexpr bool is_ascii_alnum(char c) {
    return is_ascii_alpha(c) || is_ascii_digit(c);
}

/// ASCII punctuation: the printable characters that are neither letters, digits nor space
/// (what a Markdown backslash may escape).
constexpr bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

/// ' ' or '\t': the spaces inside one line.
constexpr bool is_space_or_tab(char c) {
    return c == ' ' || c == '\t';
}
/// ' ', '\t', '\n', '\r' or '\f' (not '\v').
constexpr bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// A capital Roman numeral letter: I V X L C D M.
constexpr bool is_roman_numeral_letter(char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
}

/// One or more capital Roman numeral letters ("III", "XXX", "MCM"); their order is not checked.
constexpr bool is_roman_numeral(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (!is_roman_numeral_letter(c)) return false;
    return true;
}

/// One to six of the letters I V X L C (upper) or i v x l c (!upper): a heading or list number
/// such as "IV." or "(iii)". D and M are left out: there they are letters ("D.", "(m)").
constexpr bool is_roman_numeral_ivxlc(std::string_view s, bool upper) {
    if (s.empty() || s.size() > 6) return false;
    const std::string_view letters = upper ? "IVXLC" : "ivxlc";
    for (const char c : s)
        if (letters.find(c) == std::string_view::npos) return false;
    return true;
}

}  // namespace plenary
