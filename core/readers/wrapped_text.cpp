#include "readers/wrapped_text.h"

#include <algorithm>
#include <array>

#include "base/ascii.h"
#include "base/input_limits.h"
#include "base/text_util.h"
#include "readers/hyphenation.h"
#include "readers/layout.h"

namespace plenary::wrapped {

namespace {

/// Advance widths of Times-Roman (Adobe's metrics) for ' ' to '~', in thousandths of an em.
constexpr std::array<short, 95> kAsciiWidths = {
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,  // ' '-'/'
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,  // '0'-'?'
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,  // '@'-'O'
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,  // 'P'-'_'
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,  // '`'-'o'
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541};      // 'p'-'~'

int code_point_width(char32_t cp) {
    if (cp >= 0x20 && cp < 0x7F) return kAsciiWidths[cp - 0x20];
    switch (cp) {
        case 0x2014:
            return 1000;  // em dash
        case 0x2013:
            return 500;  // en dash
        case 0x2018:
        case 0x2019:
            return 333;
        case 0x201C:
        case 0x201D:
            return 444;
        case 0xA0:
            return 250;
        default:
            return 500;
    }
}

std::size_t indentation(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && is_space_or_tab(line[i])) ++i;
    return i;
}

std::string_view first_word(std::string_view line) {
    line = trim(line);
    const std::size_t space = line.find_first_of(" \t");
    return space == std::string_view::npos ? line : line.substr(0, space);
}

/// Abbreviations that end a line with a full stop mid-sentence: "... predecessor, Mr." / "Amara
/// Essy".
bool ends_with_title(std::string_view line) {
    static constexpr std::string_view titles[] = {"Mr.", "Mrs.", "Ms.",   "Dr.", "St.", "Messrs.",
                                                  "No.", "Nos.", "Prof.", "Sr.", "Jr.", "Mt."};
    const std::string_view word = first_word(line.substr(line.find_last_of(' ') + 1));
    return std::find(std::begin(titles), std::end(titles), word) != std::end(titles);
}

/// The file's column width: the 98th percentile of its lines' widths, leaving out the few
/// lines far wider than the rest (two lines run together in extraction).
int column_width(std::vector<int> widths) {
    if (widths.empty()) return 0;
    std::sort(widths.begin(), widths.end());
    const int median = widths[widths.size() / 2];
    const auto end = std::upper_bound(widths.begin(), widths.end(), median + median / 2);
    const std::size_t n = static_cast<std::size_t>(end - widths.begin());
    return widths[std::min(n - 1, n * 98 / 100)];
}

/// The content lines' widths (no blank lines, no furniture).
std::vector<int> content_widths(const std::vector<SourceLine>& lines) {
    std::vector<int> widths;
    for (const auto& line : lines) {
        const std::string_view t = trim(line.text);
        if (!t.empty() && !is_furniture(t)) widths.push_back(text_width(t));
    }
    return widths;
}

/// The indentation most content lines have (0 for flush-left text).
std::size_t usual_indentation(const std::vector<SourceLine>& lines) {
    std::array<std::size_t, 9> counts{};
    for (const auto& line : lines) {
        const std::string_view t = trim(line.text);
        if (t.empty() || is_furniture(t)) continue;
        ++counts[std::min<std::size_t>(indentation(line.text), counts.size() - 1)];
    }
    return static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) -
                                    counts.begin());
}

/// True if a paragraph starts at line, given the previous content line.
bool starts_paragraph(std::string_view previous, std::string_view line, int column,
                      std::size_t usual_indent) {
    const std::string_view t = trim(line);
    if (layout::starts_lower(t)) return false;
    if (indentation(line) > usual_indent) return true;
    if (!layout::ends_sentence(previous) || ends_with_title(previous)) return false;
    return text_width(previous) + code_point_width(' ') + text_width(first_word(t)) <= column;
}

}  // namespace

int text_width(std::string_view text) {
    int width = 0;
    std::size_t i = 0;
    while (i < text.size()) width += code_point_width(next_code_point(text, i));
    return width;
}

bool is_furniture(std::string_view line) {
    line = trim(line);
    if (layout::is_page_furniture(line)) return true;
    // "21 10-54959": the page number before the job number.
    std::size_t i = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    return i > 0 && i <= 4 && i < line.size() && line[i] == ' ' &&
           layout::is_page_furniture(line.substr(i + 1)) &&
           line.find('-') != std::string_view::npos;
}

int wrap_column(const std::vector<SourceLine>& lines) {
    std::size_t nonblank = 0, blocks = 0, gaps = 0;
    bool in_block = false;
    for (const auto& line : lines) {
        const std::string_view t = trim(line.text);
        if (t.empty() || is_furniture(t)) {
            in_block = false;
            continue;
        }
        ++nonblank;
        blocks += !in_block;
        in_block = true;
        if (t.find("   ") != std::string_view::npos || t.find('\t') != std::string_view::npos)
            ++gaps;
    }
    // A page or more of prose, with paragraphs not marked by blank lines.
    if (nonblank < 30 || nonblank < blocks * 10 || gaps * 20 > nonblank) return 0;
    const std::vector<int> widths = content_widths(lines);
    const int column = column_width(widths);
    // A narrow column (some 120 characters at most) that three lines in five fill.
    if (column > 60000) return 0;
    const auto full =
        std::count_if(widths.begin(), widths.end(), [&](int w) { return w * 4 >= column * 3; });
    return static_cast<std::size_t>(full) * 5 >= widths.size() * 3 ? column : 0;
}

bool is_hard_wrapped(const std::vector<SourceLine>& lines) {
    return wrap_column(lines) > 0;
}

std::vector<WrappedParagraph> paragraphs(const std::vector<SourceLine>& lines, int column) {
    std::vector<std::string_view> texts;
    texts.reserve(lines.size());
    for (const auto& line : lines) texts.push_back(line.text);
    const HyphenVocabulary vocabulary(texts);
    const std::size_t usual_indent = usual_indentation(lines);

    std::vector<WrappedParagraph> out;
    WrappedParagraph current;
    std::string_view previous;
    for (const auto& line : lines) {
        const std::string_view t = trim(line.text);
        if (t.empty() || is_furniture(t)) continue;
        if (!current.text.empty() && (starts_paragraph(previous, line.text, column, usual_indent) ||
                                      current.text.size() >= limits::max_paragraph_bytes)) {
            out.push_back(std::move(current));
            current = WrappedParagraph{};
        }
        if (current.text.empty()) current.line = line.number;
        vocabulary.append(current.text, t);
        previous = t;
    }
    if (!current.text.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace plenary::wrapped
