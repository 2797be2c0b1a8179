#include "readers/layout.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "base/ascii.h"
#include "base/text_util.h"
#include "refs/sessions.h"
#include "refs/symbols.h"
#include "refs/un_bodies.h"

namespace plenary::layout {

namespace {

/// Skips spaces, tabs and non-breaking spaces from i.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        if (is_space_or_tab(s[i])) {
            ++i;
        } else if (s.substr(i, 2) == "\xC2\xA0") {
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

/// First letter of text after opening quotes, brackets and emphasis, as a code point.
char32_t first_letter(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const char32_t cp = next_code_point(text, i);
        if (cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '*' || cp == '_' ||
            cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == ' ') {
            continue;
        }
        (void)at;
        return cp;
    }
    return 0;
}

bool is_lower_cp(char32_t cp) {
    if (cp < 0x80) return is_ascii_lower(static_cast<char>(cp));
    // Latin-1 and Latin Extended-A lower-case letters, Greek and Cyrillic lower case.
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return true;
    if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 1;
    if (cp >= 0x3B1 && cp <= 0x3C9) return true;
    if (cp >= 0x430 && cp <= 0x45F) return true;
    return false;
}

}  // namespace

HeadingNumber heading_number(std::string_view text, char previous_letter) {
    HeadingNumber out;
    text = trim(text);
    out.rest = text;
    if (starts_with_nocase(text, "annex") || starts_with_nocase(text, "appendix")) {
        const std::size_t word = text[1] == 'n' || text[1] == 'N' ? 5 : 8;
        if (text.size() == word || is_space_or_tab(text[word])) {
            out.style = NumberStyle::annex;
            out.number = std::string(trim(text.substr(word)));
            return out;
        }
    }
    if (starts_with_nocase(text, "chapter ")) {
        out.style = NumberStyle::roman;
        std::size_t i = 8;
        while (i < text.size() && !is_space_or_tab(text[i])) ++i;
        out.number = std::string(text.substr(8, i - 8));
        out.rest = trim(text.substr(i));
        return out;
    }
    if (!text.empty() && text[0] == '(') {
        const std::size_t close = text.find(')');
        if (close <= 6 && close > 1) {  // npos is > 6
            const std::string_view inner = text.substr(1, close - 1);
            if ((inner.size() == 1 && is_ascii_lower(inner[0])) ||
                is_roman_numeral_ivxlc(inner, false)) {
                out.style = NumberStyle::lower_letter;
                out.number = std::string(inner);
                out.rest = trim(text.substr(close + 1));
                return out;
            }
        }
        return out;
    }
    std::size_t dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 6) return out;
    if (dot + 1 < text.size() && !is_space_or_tab(text[dot + 1]) &&
        text.substr(dot + 1, 2) != "\xC2\xA0") {
        return out;  // "4.1" or "U.S." is not a heading number
    }
    const std::string_view num = text.substr(0, dot);
    const std::string_view rest = trim(text.substr(dot + 1));
    if (rest.empty()) return out;
    if (std::all_of(num.begin(), num.end(), is_ascii_digit) && num.size() <= 3) {
        out.style = NumberStyle::arabic;
    } else if (num.size() == 1 && is_ascii_upper(num[0])) {
        const char c = num[0];
        const bool roman_letter = c == 'I' || c == 'V' || c == 'X';
        const bool follows_letter = previous_letter != 0 && c == previous_letter + 1;
        out.style =
            roman_letter && !follows_letter ? NumberStyle::roman : NumberStyle::upper_letter;
    } else if (is_roman_numeral_ivxlc(num, true)) {
        out.style = NumberStyle::roman;
    } else if (num.size() == 1 && is_ascii_lower(num[0])) {
        out.style = NumberStyle::lower_letter;
    } else {
        return out;
    }
    out.number = std::string(num);
    out.rest = rest;
    return out;
}

int style_rank(NumberStyle style) {
    switch (style) {
        case NumberStyle::annex:
            return 0;
        case NumberStyle::roman:
            return 1;
        case NumberStyle::upper_letter:
            return 2;
        case NumberStyle::arabic:
            return 3;
        case NumberStyle::lower_letter:
            return 4;
        case NumberStyle::none:
            return 5;
    }
    return 5;
}

void HeadingPath::push(int level, std::string text) {
    while (!m_levels.empty() && m_levels.back() >= level) {
        m_levels.pop_back();
        m_texts.pop_back();
    }
    m_levels.push_back(level);
    m_texts.push_back(std::move(text));
}

std::optional<ParagraphNumber> paragraph_number(std::string_view line) {
    std::size_t i = skip_spaces(line, 0);
    const std::size_t start = i;
    while (i < line.size() && is_ascii_digit(line[i])) ++i;
    if (i == start || i - start > 4 || i >= line.size() || line[i] != '.') return std::nullopt;
    if (line[start] == '0') return std::nullopt;
    std::size_t after = i + 1;
    const std::string first(line.substr(start, i - start));
    std::string last = first;
    // "5., 6., 7." or "43., 44. 45.": further numbers, each larger, after a comma or a space.
    while (true) {
        std::size_t j = after;
        if (j < line.size() && line[j] == ',') ++j;
        j = skip_spaces(line, j);
        if (j == after) break;
        std::size_t k = j;
        while (k < line.size() && is_ascii_digit(line[k])) ++k;
        if (k == j || k - j > 4 || k >= line.size() || line[k] != '.' || line[j] == '0') break;
        // "3. 4.5 per cent" is a number followed by a decimal, not a list.
        if (k + 1 < line.size() && !is_space_or_tab(line[k + 1]) && line[k + 1] != ',') break;
        const std::string next(line.substr(j, k - j));
        if (next.size() < last.size() || (next.size() == last.size() && next <= last)) break;
        last = next;
        after = k + 1;
    }
    // "40., 41., 42.,   text": a comma may close the list.
    if (last != first && after < line.size() && line[after] == ',') ++after;
    const std::size_t text = skip_spaces(line, after);
    if (text == after || text >= line.size()) return std::nullopt;
    return ParagraphNumber{first, text, last};
}

bool is_list_item(std::string_view line) {
    line = trim(line);
    if (line.size() < 2) return false;
    if (line[0] == '(') {
        const std::size_t close = line.find(')');
        if (close == std::string_view::npos || close < 2 || close > 6) return false;
        const std::string_view inner = line.substr(1, close - 1);
        const bool ok =
            (inner.size() == 1 && (is_ascii_lower(inner[0]) || is_ascii_digit(inner[0]))) ||
            is_roman_numeral_ivxlc(inner, false) ||
            (inner.size() <= 2 && std::all_of(inner.begin(), inner.end(), is_ascii_digit));
        return ok && close + 1 < line.size() && is_space_or_tab(line[close + 1]);
    }
    if (is_ascii_lower(line[0]) && line[1] == ')')
        return line.size() > 2 && is_space_or_tab(line[2]);
    if ((line[0] == '-' || line[0] == '*' || line[0] == '+') && is_space_or_tab(line[1]))
        return true;
    static constexpr std::array<std::string_view, 6> bullets = {
        "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x96\xAA", "\xEF\x82\xB7", "\xC2\xB7"};
    for (const auto b : bullets) {
        if (line.substr(0, b.size()) == b) {
            return line.size() > b.size() &&
                   (is_space_or_tab(line[b.size()]) || line.substr(b.size(), 2) == "\xC2\xA0");
        }
    }
    return false;
}

bool ends_sentence(std::string_view text) {
    text = trim(text);
    // Closing quotes, brackets and footnote digits may follow the full stop.
    std::size_t end = text.size();
    while (end > 0) {
        const char c = text[end - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_' ||
            is_ascii_digit(c)) {
            --end;
        } else if (end >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" ||
                                text.substr(end - 3, 3) == "\xE2\x80\x99")) {
            end -= 3;
        } else if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xBB") {
            end -= 2;
        } else {
            break;
        }
    }
    if (end == 0) return false;
    const char c = text[end - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

bool starts_lower(std::string_view text) {
    return is_lower_cp(first_letter(text));
}

void append_line(std::string& text, std::string_view line) {
    line = trim(line);
    if (line.empty()) return;
    if (text.empty()) {
        text.assign(line);
        return;
    }
    const std::size_t n = text.size();
    if (n >= 2 && text[n - 1] == '-' && (is_ascii_lower(text[n - 2]) || (text[n - 2] & 0x80)) &&
        starts_lower(line) && !(line[0] == '(' || line[0] == '"')) {
        text.pop_back();
        text.append(line);
        return;
    }
    if (text.back() != ' ') text.push_back(' ');
    text.append(line);
}

bool is_page_furniture(std::string_view line) {
    line = trim(line);
    if (line.empty()) return false;
    // Private-use glyphs (bar-code fonts) and bar codes "*1914870*".
    {
        std::size_t i = 0;
        bool only_private = true;
        while (i < line.size()) {
            const char32_t cp = next_code_point(line, i);
            if (!(cp >= 0xE000 && cp <= 0xF8FF) && cp != ' ') {
                only_private = false;
                break;
            }
        }
        if (only_private) return true;
    }
    if (line.size() >= 3 && line.front() == '*' && line.back() == '*' &&
        std::all_of(line.begin() + 1, line.end() - 1, is_ascii_digit)) {
        return true;
    }
    // Bare page numbers, "- 3 -", "Page 4", "3/12", lower-case Roman page numbers.
    std::string_view core = line;
    if (starts_with_nocase(core, "page ")) core = trim(core.substr(5));
    if (core.size() >= 3 && (core.front() == '-' || core.front() == '\xE2')) {
        std::string_view inner = core;
        while (!inner.empty() && !is_ascii_digit(inner.front())) inner.remove_prefix(1);
        while (!inner.empty() && !is_ascii_digit(inner.back())) inner.remove_suffix(1);
        if (!inner.empty() && inner.size() <= 4 &&
            std::all_of(inner.begin(), inner.end(), is_ascii_digit) &&
            core.size() <= inner.size() + 8) {
            return true;
        }
    }
    if (core.size() <= 4 && std::all_of(core.begin(), core.end(), is_ascii_digit)) return true;
    if (is_roman_numeral_ivxlc(core, false) && core.size() <= 5) return true;
    // Job numbers: "GE.19-14870(E)", "GE.14-09727 (E)", "15-29425 31/34", "N1431343".
    if (starts_with_nocase(line, "GE.") && line.size() >= 9 && is_ascii_digit(line[3]) &&
        is_ascii_digit(line[4]) && line[5] == '-') {
        return line.size() <= 40;
    }
    if (line.size() >= 8 && is_ascii_digit(line[0]) && is_ascii_digit(line[1]) && line[2] == '-' &&
        std::all_of(line.begin() + 3, line.begin() + 8, is_ascii_digit)) {
        std::string_view tail = trim(line.substr(8));
        if (tail.empty()) return true;
        if (tail.front() == '(')
            return tail.size() <= 4 || tail.find(' ') == std::string_view::npos;
        return tail.size() <= 9 && std::all_of(tail.begin(), tail.end(), [](char c) {
                   return is_ascii_digit(c) || c == '/' || c == ' ';
               });
    }
    // "A/70/PV.15 28/09/2015": a symbol followed by a date, the verbatim records' page header.
    const std::size_t space = line.rfind(' ');
    if (space != std::string_view::npos && line.size() - space == 11 && line.size() < 40) {
        const std::string_view date = line.substr(space + 1);
        if (date[2] == '/' && date[5] == '/' && is_ascii_digit(date[0]) &&
            is_ascii_digit(date[9]) && line.find('/') < space) {
            return true;
        }
    }
    return false;
}

std::string furniture_key(std::string_view line) {
    std::string key;
    key.reserve(line.size());
    bool space = false;
    for (const char c : trim(line)) {
        if (is_ascii_digit(c)) continue;
        if (is_space_or_tab(c)) {
            space = true;
            continue;
        }
        if (space && !key.empty()) key.push_back(' ');
        space = false;
        key.push_back(c);
    }
    return key;
}

std::vector<std::vector<bool>> repeated_lines(
    const std::vector<std::vector<std::string_view>>& pages, int zone, int min_pages) {
    std::vector<std::vector<bool>> marks(pages.size());
    if (pages.size() < static_cast<std::size_t>(min_pages)) {
        for (std::size_t p = 0; p < pages.size(); ++p) marks[p].assign(pages[p].size(), false);
        return marks;
    }
    // Indices of the zone lines of each page, and how many pages each key appears on.
    std::vector<std::vector<std::size_t>> zones(pages.size());
    std::unordered_map<std::string, int> counts;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& lines = pages[p];
        marks[p].assign(lines.size(), false);
        std::vector<std::size_t> nonblank;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!trim(lines[i]).empty()) nonblank.push_back(i);
        }
        const std::size_t z = static_cast<std::size_t>(zone);
        for (std::size_t k = 0; k < nonblank.size(); ++k) {
            if (k < z || k + z >= nonblank.size()) zones[p].push_back(nonblank[k]);
        }
        std::vector<std::string> seen;
        for (const std::size_t i : zones[p]) {
            std::string key = furniture_key(lines[i]);
            if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
            seen.push_back(key);
            ++counts[key];
        }
    }
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const std::size_t i : zones[p]) {
            const std::string key = furniture_key(pages[p][i]);
            if (key.empty()) continue;
            const auto it = counts.find(key);
            if (it != counts.end() && it->second >= min_pages) marks[p][i] = true;
        }
    }
    return marks;
}

namespace {

// A caption or label word that starts a line: such lines belong to a figure or a table.
bool starts_caption(std::string_view key) {
    static const char* const kWords[] = {"figure", "fig.",   "table",   "box",  "chart", "map",
                                         "graph",  "source", "sources", "note", "notes", "panel"};
    const std::string first = ascii_lower(key.substr(0, key.find(' ')));
    const std::string_view bare = std::string_view(first).substr(
        0, first.size() - (!first.empty() && (first.back() == ':' || first.back() == '.')));
    for (const std::string_view w : kWords)
        if (first == w || bare == w) return true;  // "Source", "Source:", "Fig.", "Fig.:"
    return false;
}

// The key of the block starting at line i if it may be a running head: one or two lines
// standing alone ("HUMAN DEVELOPMENT REPORT 2009" / "Overcoming barriers: ..."), two words or
// more, not a caption; empty otherwise. lines_in is the block's size.
std::string head_key(const std::vector<std::string_view>& lines, std::size_t i,
                     std::size_t& lines_in) {
    lines_in = 0;
    if (trim(lines[i]).empty() || (i > 0 && !trim(lines[i - 1]).empty())) return {};
    std::size_t end = i;
    while (end < lines.size() && !trim(lines[end]).empty()) ++end;
    lines_in = end - i;
    if (lines_in > 2) return {};
    std::string key;
    for (std::size_t k = i; k < end; ++k) {
        if (trim(lines[k]).size() > 100) return {};
        if (!key.empty()) key += ' ';
        key += furniture_key(lines[k]);
    }
    const auto letters = std::count_if(key.begin(), key.end(), is_ascii_alpha);
    if (key.size() < 10 || letters < 6 || key.find(' ') == std::string::npos) return {};
    if (starts_caption(key)) return {};
    return ascii_lower(key);
}

}  // namespace

std::vector<std::vector<bool>> running_heads(
    const std::vector<std::vector<std::string_view>>& pages) {
    // Each page's candidate blocks (first line, lines, key), and how many pages hold each key.
    struct Block {
        std::size_t first;
        std::size_t lines;
        std::string key;
    };
    std::vector<std::vector<Block>> blocks(pages.size());
    std::unordered_map<std::string, std::size_t> pages_of;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::size_t lines_in = 0;
        for (std::size_t i = 0; i < pages[p].size(); ++i) {
            std::string key = head_key(pages[p], i, lines_in);
            if (key.empty()) continue;
            const bool again = std::any_of(blocks[p].begin(), blocks[p].end(),
                                           [&](const Block& b) { return b.key == key; });
            if (!again) ++pages_of[key];
            blocks[p].push_back({i, lines_in, std::move(key)});
        }
    }
    const std::size_t needed = std::max<std::size_t>(4, pages.size() / 8);
    std::vector<std::vector<bool>> marks(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) {
        marks[p].assign(pages[p].size(), false);
        for (const Block& b : blocks[p]) {
            if (pages_of[b.key] < needed) continue;
            for (std::size_t k = b.first; k < b.first + b.lines; ++k) marks[p][k] = true;
        }
    }
    return marks;
}

std::string body_code(std::string_view name) {
    const UnBody* body = UnBodies::instance().named(collapse_spaces(name));
    return body ? body->code : std::string();
}

bool Masthead::take_distribution(const std::string& line) {
    if (!starts_with_nocase(line, "distr.") && !starts_with_nocase(line, "distr:")) return false;
    const std::size_t colon = line.find(':');
    std::string value = colon == std::string::npos ? std::string(trim(line.substr(6)))
                                                   : std::string(trim(line.substr(colon + 1)));
    if (!value.empty()) {
        value[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(value[0])));
        for (std::size_t i = 1; i < value.size(); ++i) {
            value[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(value[i])));
        }
        if (m_distribution.empty()) m_distribution = value;
    }
    return true;
}

bool Masthead::take_original(const std::string& line, const std::string& lower) {
    if (!starts_with_nocase(line, "original:")) return false;
    const std::string_view value = trim(std::string_view(lower).substr(9));
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> langs = {
        {{"english", "en"},
         {"french", "fr"},
         {"spanish", "es"},
         {"russian", "ru"},
         {"arabic", "ar"},
         {"chinese", "zh"},
         {"german", "de"}}};
    for (const auto& [name, code] : langs) {
        if (value.substr(0, name.size()) == name && m_lang.empty()) m_lang = code;
    }
    return true;
}

bool Masthead::take_session(const std::string& line, const std::string& lower) {
    if (lower.size() > 8 && lower.size() < 60 && lower.substr(lower.size() - 8) == " session") {
        const std::string_view ordinal = std::string_view(line).substr(0, line.size() - 8);
        if (const auto n = parse_ordinal(ordinal, "en")) {
            if (m_session == 0) m_session = *n;
            m_after_session = true;
            return true;
        }
    }
    return false;
}

bool Masthead::take_session_or_agenda(const std::string& line, const std::string& lower) {
    if (lower.find("of the provisional agenda") != std::string::npos ||
        lower.find("of the agenda") != std::string::npos) {
        if (starts_with_nocase(line, "item ") || starts_with_nocase(line, "items ")) {
            std::string_view rest = std::string_view(line).substr(line.find(' ') + 1);
            const std::size_t of = ascii_lower(rest).find(" of the");
            if (m_agenda_item.empty()) m_agenda_item = std::string(trim(rest.substr(0, of)));
        }
        m_skip_agenda_title = true;
        return true;
    }
    if (take_session(line, lower)) return true;
    // "Agenda item 6" (Human Rights Council style); the agenda item's title follows.
    if (starts_with_nocase(line, "agenda item ") || starts_with_nocase(line, "agenda items ")) {
        // "item 6" and "items 2 and 3" both leave the value after position find("item") + 5.
        const std::string_view value = trim(std::string_view(line).substr(line.find("item") + 5));
        if (m_agenda_item.empty() && !value.empty() && value.size() < 30) {
            m_agenda_item = std::string(value);
        }
        m_skip_agenda_title = true;
        return true;
    }
    return false;
}

namespace {

/// Who reports is a subtitle; "Report of the Working Group on ..." is a title.
bool is_report_subtitle(const std::string& lower) {
    static constexpr std::array<std::string_view, 7> subtitles = {
        "report of the secretar",
        "report of the director",
        "report of the office of the",
        "report of the united nations high commissioner",
        "note by the",
        "report of the executive",
        "report of the special rapporteur"};
    for (const auto prefix : subtitles) {
        if (lower.size() < 120 && lower.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
}

/// Place and dates of the meeting: "Vienna, 12–16 October 2020", "4–15 November 2019".
bool is_place_and_dates(const std::string& line) {
    if (line.size() > 70) return false;
    const std::size_t n = line.size();
    return n >= 4 && std::all_of(line.end() - 4, line.end(), is_ascii_digit) &&
           (line[0] == '1' || line[0] == '2' || is_ascii_digit(line[0]) ||
            line.find(',') != std::string::npos);
}

}  // namespace

bool Masthead::take_body_or_date(const std::string& line, const std::string& lower) {
    if (is_report_subtitle(lower)) return true;
    if (const std::string code = body_code(line); !code.empty()) {
        if (m_body.empty()) m_body = code;
        return true;
    }
    if (lower == "united nations" || lower == "nations unies") return true;
    if (line.size() <= 30) {
        if (const auto date = parse_date(line, "en")) {
            if (m_date.empty()) m_date = *date;
            return true;
        }
    }
    return false;
}

bool Masthead::take_job_or_symbol(const std::string& line) {
    if (starts_with_nocase(line, "GE.") && is_page_furniture(line)) {
        if (m_job_number.empty()) {
            std::string job = line;
            const std::size_t paren = job.find('(');
            if (paren != std::string::npos) job.resize(paren);
            m_job_number = collapse_spaces(job);
        }
        return true;
    }
    if (line.size() <= 60 && line.find('/') != std::string::npos &&
        line.find(' ') == std::string::npos) {
        if (const auto sym = parse_symbol(line)) {
            if (m_symbol.empty()) {
                m_symbol = sym->canonical;
                if (!sym->organ.empty()) m_body = sym->organ;
            }
            return true;
        }
    }
    return false;
}

bool Masthead::feed(std::string_view raw) {
    const std::string line = collapse_spaces(raw);
    if (line.empty()) return false;
    const std::string lower = ascii_lower(line);
    // In this order: a line is what the first test that takes it says.
    const bool recognised = take_distribution(line) || take_original(line, lower) ||
                            take_session_or_agenda(line, lower) || take_body_or_date(line, lower) ||
                            take_job_or_symbol(line) || is_place_and_dates(line);
    if (recognised) ++m_facts;
    return recognised;
}

void Masthead::offer_title(std::string_view raw) {
    std::string line = collapse_spaces(raw);
    if (line.empty() || !m_title.empty()) return;
    if (m_skip_agenda_title) {
        m_skip_agenda_title = false;
        return;
    }
    if (m_after_session || !m_agenda_item.empty()) {
        m_title = std::move(line);
    } else {
        m_titles.push_back(std::move(line));
    }
}

void Masthead::apply(Document& doc) const {
    if (doc.symbol.empty()) doc.symbol = m_symbol;
    if (doc.body.empty()) doc.body = m_body;
    if (doc.date.empty()) doc.date = m_date;
    if (doc.lang.empty()) doc.lang = m_lang;
    if (doc.distribution.empty()) doc.distribution = m_distribution;
    if (doc.agenda_item.empty()) doc.agenda_item = m_agenda_item;
    if (doc.job_number.empty()) doc.job_number = m_job_number;
    if (doc.session == 0) doc.session = m_session;
    if (doc.title.empty()) {
        if (!m_title.empty()) {
            doc.title = m_title;
        } else if (!m_titles.empty()) {
            doc.title = m_titles.back();
        }
    }
}

void attach_footnotes(std::vector<Paragraph>& paragraphs,
                      const std::vector<std::vector<std::string>>& markers,
                      std::vector<PendingFootnote> footnotes) {
    const auto carries = [&](std::size_t i, const std::string& marker) {
        return i < markers.size() &&
               std::find(markers[i].begin(), markers[i].end(), marker) != markers[i].end();
    };
    for (auto& pending : footnotes) {
        const std::size_t n = std::min(pending.after, paragraphs.size());
        std::optional<std::size_t> target;
        for (std::size_t i = n; i-- > 0;) {
            if (carries(i, pending.note.marker)) {
                target = i;
                break;
            }
        }
        if (!target) {
            for (std::size_t i = n; i < paragraphs.size(); ++i) {
                if (carries(i, pending.note.marker)) {
                    target = i;
                    break;
                }
            }
        }
        if (target) paragraphs[*target].footnotes.push_back(std::move(pending.note));
    }
}

}  // namespace plenary::layout
