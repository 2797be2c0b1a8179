#include "readers/figures.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "base/ascii.h"
#include "base/text_util.h"

namespace plenary::figures {

namespace {

std::size_t chars_of(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Two letters in a row somewhere: a label with a word in it, not a number, a bullet or "..".
bool has_word(std::string_view text) {
    int run = 0;
    for (std::size_t i = 0; i < text.size();) {
        run = u_isalpha(static_cast<UChar32>(next_code_point(text, i))) ? run + 1 : 0;
        if (run == 2) return true;
    }
    return false;
}

// "14 Official Development Aid.": a footnote the reading left as a paragraph. The PDF reader
// looks for such paragraphs to read the page geometry and attach them; they stay as they are.
bool is_note(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && i < 4 && is_ascii_digit(text[i])) ++i;
    return i > 0 && i < 4 && i + 1 < text.size() && text[i] == ' ' && !is_ascii_digit(text[i + 1]);
}

// A chart's source line ("Source: FAO.", "Note: ..."), which ends a figure though it is a
// sentence.
bool is_source_line(std::string_view text) {
    return starts_with_nocase(text, "source") || starts_with_nocase(text, "note");
}

// Words ending in a full stop, "!" or "?" ("The meeting rose.", "Yes!"); not a value ("44.2",
// "n.a.", "..").
bool is_sentence(std::string_view text) {
    text = trim(text);
    while (!text.empty() && (text.back() == '"' || text.back() == ')' || text.back() == '\''))
        text.remove_suffix(1);
    if (text.empty() || (text.back() != '.' && text.back() != '!' && text.back() != '?'))
        return false;
    return has_word(text);
}

// A label, a value or a cell: short, no note, and no sentence of its own ("The meeting rose.").
bool is_fragment(const Paragraph& p) {
    return p.kind == ParagraphKind::unnumbered && p.footnotes.empty() &&
           chars_of(p.text) < kFragmentChars && !is_note(p.text) &&
           (!is_sentence(p.text) || is_source_line(p.text));
}

// "FIGURE 6", "Figure 2.3", "Fig. 1", "TABLE A1", "Chart 4", "Map 2": the kind it opens, or
// unnumbered if text is no caption. A box is prose with a title, not a figure.
ParagraphKind caption_kind(std::string_view text) {
    static const std::pair<std::string_view, ParagraphKind> kWords[] = {
        {"figure", ParagraphKind::figure}, {"fig.", ParagraphKind::figure},
        {"chart", ParagraphKind::figure},  {"graph", ParagraphKind::figure},
        {"map", ParagraphKind::figure},    {"table", ParagraphKind::table}};
    for (const auto& [word, kind] : kWords) {
        if (text.size() <= word.size() || !starts_with_nocase(text, word)) continue;
        // All capitals or a capital first: "Figure", "FIGURE", never "figure" in running text.
        if (!is_ascii_upper(text[0])) continue;
        std::size_t i = word.size();
        while (i < text.size() && is_space_or_tab(text[i])) ++i;
        if (i < text.size() && (is_ascii_digit(text[i]) || is_ascii_upper(text[i]))) {
            // "Table A1" but not "Table Of" running on: a capital must be a label ("A1", "IV").
            if (is_ascii_digit(text[i]) || i + 1 == text.size() || !is_ascii_lower(text[i + 1]))
                return kind;
        }
    }
    return ParagraphKind::unnumbered;
}

// A dot leader and a page number: "Overview ........ 15", "Chapter 2 . . . . . . 31".
bool is_contents_entry(std::string_view text) {
    std::size_t dots = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '.' || text[i] == ' ') {
            if (text[i] == '.') ++dots;
            continue;
        }
        if (dots >= 5 && is_ascii_digit(text[i])) return true;
        dots = 0;
    }
    return false;
}

// A lone short line that names what follows: a capital first, no sentence end.
bool is_title(std::string_view text) {
    const std::string_view t = trim(text);
    if (t.empty() || !has_word(t)) return false;
    std::size_t i = 0;
    const auto first = static_cast<UChar32>(next_code_point(t, i));
    if (!u_isupper(first) && !is_ascii_digit(t[0])) return false;
    return t.back() != '.' && t.back() != ',' && t.back() != ';';
}

Paragraph merged(std::vector<Paragraph>& ps, std::size_t from, std::size_t to, ParagraphKind kind) {
    Paragraph out = std::move(ps[from]);
    out.kind = kind;
    for (std::size_t k = from + 1; k < to; ++k) {
        out.text += " | ";
        out.text += ps[k].text;
        for (auto& note : ps[k].footnotes) out.footnotes.push_back(std::move(note));
    }
    return out;
}

// "W orld": a capital, a space and lower-case letters open the text.
bool may_open_with_drop_cap(const std::string& t) {
    return t.size() >= 4 && is_ascii_upper(t[0]) && t[1] == ' ' && is_ascii_lower(t[2]);
}

}  // namespace

void join_drop_caps(std::vector<Paragraph>& paragraphs) {
    // Most documents have no candidate at all: their words are not counted.
    if (std::none_of(paragraphs.begin(), paragraphs.end(),
                     [](const Paragraph& p) { return may_open_with_drop_cap(p.text); }))
        return;
    std::unordered_map<std::string, std::size_t> count;  // lower-case ASCII words
    for (const Paragraph& p : paragraphs) {
        std::string word;
        for (std::size_t i = 0; i <= p.text.size(); ++i) {
            if (i < p.text.size() && is_ascii_alpha(p.text[i])) {
                word += ascii_to_lower(p.text[i]);
            } else if (!word.empty()) {
                ++count[word];
                word.clear();
            }
        }
    }
    const auto times = [&](const std::string& w) {
        const auto it = count.find(w);
        return it == count.end() ? std::size_t{0} : it->second;
    };
    for (Paragraph& p : paragraphs) {
        const std::string& t = p.text;
        if (!may_open_with_drop_cap(t)) continue;
        std::size_t end = 2;
        while (end < t.size() && is_ascii_lower(t[end])) ++end;
        const std::string rest = t.substr(2, end - 2);
        const std::string joined = std::string(1, ascii_to_lower(t[0])) + rest;
        if (times(joined) >= 2 && times(joined) > 4 * times(rest)) p.text.erase(1, 1);
    }
}

void group(std::vector<Paragraph>& ps) {
    join_drop_caps(ps);
    std::vector<Paragraph> out;
    out.reserve(ps.size());
    std::size_t k = 0;
    while (k < ps.size()) {
        Paragraph& p = ps[k];
        if (p.kind == ParagraphKind::unnumbered && is_contents_entry(p.text)) {
            p.kind = ParagraphKind::contents;
            out.push_back(std::move(p));
            ++k;
            continue;
        }
        const ParagraphKind caption = p.kind == ParagraphKind::numbered
                                          ? ParagraphKind::unnumbered
                                          : caption_kind(trim(p.text));
        std::size_t j = k + 1;
        if (caption != ParagraphKind::unnumbered) {
            // "FIGURE 6" alone is followed by its title, then by the labels.
            if (chars_of(p.text) < kFragmentChars && j < ps.size() &&
                ps[j].kind != ParagraphKind::numbered && chars_of(ps[j].text) < 300) {
                ++j;
            }
            while (j < ps.size() && is_fragment(ps[j])) ++j;
            out.push_back(merged(ps, k, j, caption));
            k = j;
            continue;
        }
        if (is_fragment(p)) {
            while (j < ps.size() && is_fragment(ps[j])) ++j;
            if (j - k >= 2 || !has_word(p.text)) {
                out.push_back(merged(ps, k, j, ParagraphKind::figure));
                k = j;
                continue;
            }
            if (is_title(p.text)) p.kind = ParagraphKind::heading;
        }
        out.push_back(std::move(p));
        ++k;
    }
    ps = std::move(out);
}

}  // namespace plenary::figures
