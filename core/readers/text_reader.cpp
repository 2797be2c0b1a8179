// Plain text: General Debate speeches (a paragraph per line or per blank-separated block) and
// layout-preserving text extracted from PDF (masthead in columns, page headers and footers,
// footnotes at the page foot, paragraphs cut by page breaks).
#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "base/error.h"
#include "base/input_limits.h"
#include "base/text_util.h"
#include "readers/figures.h"
#include "readers/hyphenation.h"
#include "readers/layout.h"
#include "readers/publication.h"
#include "readers/reader.h"
#include "readers/wrapped_text.h"
#include "refs/symbols.h"

namespace plenary {

namespace {

using layout::NumberStyle;

/// Splits a layout line into column cells at runs of three or more spaces.
std::vector<std::string_view> cells_of(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i >= line.size()) break;
        std::size_t end = i;
        std::size_t gap = std::string_view::npos;
        while (end < line.size()) {
            if (line[end] == '\t' || line.substr(end, 3) == "   ") {
                gap = end;
                break;
            }
            ++end;
        }
        cells.push_back(trim(line.substr(i, end - i)));
        i = gap == std::string_view::npos ? line.size() : end;
    }
    return cells;
}

/// A footnote line's marker ("12 text", "* text"); 0-length when the line is not one.
std::string_view note_marker(std::string_view line) {
    line = trim(line);
    std::size_t i = 0;
    while (i < line.size() && is_ascii_digit(line[i])) ++i;
    if (i == 0) {
        while (i < line.size() && line[i] == '*') ++i;
    }
    if (i == 0 || i > 3 || i >= line.size() || (line[i] != ' ' && line[i] != '\t')) return {};
    if (line[0] == '0') return {};
    return line.substr(0, i);
}

/// The number a run of digits spells (0 for none); -1 when it is not one, or has more than
/// nine digits (no note or paragraph number does; a longer run would overflow an int).
int to_int(std::string_view s) {
    if (s.size() > 9) return -1;
    int n = 0;
    for (const char c : s) {
        if (!is_ascii_digit(c)) return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

/// Drops footnote markers glued to a heading's end: "framework9", "bodies1, 2".
std::string strip_heading_markers(std::string text) {
    while (true) {
        std::size_t end = text.size();
        while (end > 0 && is_ascii_digit(text[end - 1])) --end;
        if (end == text.size() || end == 0) break;
        const char before = text[end - 1];
        if (before == ' ' && end >= 2 && text[end - 2] == ',') {
            text.resize(end - 2);
            continue;
        }
        if ((before >= 'a' && before <= 'z') || before == ')' || before == ',') {
            text.resize(end);
            if (!text.empty() && text.back() == ',') text.pop_back();
            continue;
        }
        break;
    }
    return text;
}

/// True if the word ending at text[dot] (a full stop) is an abbreviation that numbers follow.
bool abbreviation_before(std::string_view text, std::size_t dot) {
    std::size_t begin = dot;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
    const std::string word = ascii_lower(text.substr(begin, dot - begin));
    static constexpr std::string_view words[] = {"para", "paras", "no",  "nos", "p",   "pp",
                                                 "art",  "arts",  "vol", "add", "rev", "corr",
                                                 "chap", "sect",  "fig", "op",  "s",   ""};
    for (const auto w : words) {
        if (word == w) return true;
    }
    return word.size() == 1;  // initials: "J. 3"
}

/// Where marker stands in text as a footnote mark: digits glued after a letter or a closing
/// punctuation mark and not followed by another digit; npos if nowhere.
std::size_t marker_position(std::string_view text, std::string_view marker) {
    std::size_t pos = 0;
    while ((pos = text.find(marker, pos)) != std::string_view::npos) {
        const std::size_t end = pos + marker.size();
        const bool after_ok = end == text.size() || !is_ascii_digit(text[end]);
        bool before_ok = false;
        if (pos > 0) {
            const char b = text[pos - 1];
            before_ok = (b >= 'a' && b <= 'z') || b == '.' || b == ',' || b == ')' || b == ';' ||
                        b == '"' || (static_cast<unsigned char>(b) >= 0x80);
            if (b == '.' && pos >= 2 && is_ascii_digit(text[pos - 2])) {
                // "2018.8" is a marker after a year, "0.7 per cent" a decimal.
                before_ok = end == text.size() || (end + 1 < text.size() && text[end] == ' ' &&
                                                   !(text[end + 1] >= 'a' && text[end + 1] <= 'z'));
            }
            if (b == ' ' && pos >= 3 && text[pos - 2] == '.' &&
                !abbreviation_before(text, pos - 2)) {
                // "of trafficking. 42 The Committee": extraction put a space before the marker.
                before_ok = end == text.size() || (end + 1 < text.size() && text[end] == ' ' &&
                                                   text[end + 1] >= 'A' && text[end + 1] <= 'Z');
            }
            if (b == ' ' && pos >= 2 && text[pos - 2] == ',') {
                // "Disappearance, 3 the Protocol": a spaced marker after a comma, before a word.
                before_ok = end + 1 < text.size() && text[end] == ' ' && text[end + 1] >= 'a' &&
                            text[end + 1] <= 'z';
            }
        }
        if (after_ok && before_ok) return pos;
        pos = end;
    }
    return std::string_view::npos;
}

bool carries_marker(std::string_view text, std::string_view marker) {
    return marker_position(text, marker) != std::string_view::npos;
}

/// Takes a footnote's mark out of its paragraph's text, so that words and numbers stand as
/// written: "workers.46 The" -> "workers. The", "racism. 15 The" -> "racism. The",
/// "in 2018.8" -> "in 2018.".
void strip_marker(std::string& text, std::string_view marker) {
    const std::size_t pos = marker_position(text, marker);
    if (pos == std::string_view::npos) return;
    std::size_t begin = pos;
    const std::size_t end = pos + marker.size();
    if (begin > 0 && text[begin - 1] == ' ' && (end == text.size() || text[end] == ' ')) --begin;
    text.erase(begin, end - begin);
}

struct SubNumber {
    std::string_view number;  ///< "121.1"
    std::string_view first;   ///< "121"
    std::size_t text_begin = 0;
};

/// "121.1  Ratify ...": a number of one to three digits, a full stop, one to three digits, a
/// space and a capital letter (or a quote or bracket) where the text begins.
std::optional<SubNumber> sub_number(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size() && i < 4 && is_ascii_digit(t[i])) ++i;
    if (i == 0 || i > 3 || i >= t.size() || t[i] != '.') return std::nullopt;
    const std::size_t dot = i++;
    const std::size_t second = i;
    while (i < t.size() && is_ascii_digit(t[i])) ++i;
    if (i == second || i - second > 3 || i >= t.size() || !is_space_or_tab(t[i]))
        return std::nullopt;
    const std::size_t end = i;
    while (i < t.size() && is_space_or_tab(t[i])) ++i;
    if (i >= t.size() || !(is_ascii_upper(t[i]) || t[i] == '"' || t[i] == '(' ||
                           static_cast<unsigned char>(t[i]) >= 0x80))
        return std::nullopt;
    return SubNumber{t.substr(0, end), t.substr(0, dot), i};
}

/// True if source names a file whose text was extracted from a page layout (PDF, Word).
bool from_layout(const std::string& source) {
    const std::size_t dot = source.rfind('.');
    if (dot == std::string::npos) return false;
    const std::string ext = ascii_lower(source.substr(dot + 1));
    return ext == "pdf" || ext == "doc" || ext == "docx";
}

struct Line {
    std::string_view text;    ///< as in the source, with indentation
    int number = 0;           ///< 1-based line number
    bool page_start = false;  ///< first kept line after a page break
    int blanks_before = 0;
};

class TextBuilder {
  public:
    explicit TextBuilder(Document& doc) : m_doc(doc) {}

    void run(std::string_view normal) {
        const auto all = split_lines(normal);
        // Pages, separated by form feeds.
        std::vector<std::vector<std::string_view>> pages(1);
        std::vector<std::vector<int>> numbers(1);
        // normalise_newlines writes a form feed as "\f\n": that line is no source line.
        int source_line = 0;
        for (std::size_t n = 0; n < all.size(); ++n) {
            std::string_view line = all[n];
            if (line == "\f") {
                pages.emplace_back();
                numbers.emplace_back();
                continue;
            }
            ++source_line;
            pages.back().push_back(line);
            numbers.back().push_back(source_line);
        }
        auto repeated = layout::repeated_lines(pages);
        const auto heads = layout::running_heads(pages);
        for (std::size_t p = 0; p < pages.size(); ++p)
            for (std::size_t i = 0; i < pages[p].size(); ++i)
                if (heads[p][i]) repeated[p][i] = true;
        std::size_t nonblank = 0;
        std::size_t long_lines = 0;
        std::size_t tabbed = 0;
        for (const auto line : all) {
            const std::string_view t = trim(line);
            if (t.empty()) continue;
            ++nonblank;
            if (line.size() > 150) ++long_lines;
            if (t.find('\t') != std::string_view::npos) ++tabbed;
        }
        // Long lines (speeches), or tab-separated records (a term list): a paragraph a line.
        m_line_mode = nonblank > 0 && (long_lines * 10 > nonblank * 3 || tabbed * 2 > nonblank);
        // Text extracted from a layout (PDF, Word; page marks) is read page by page, its line
        // ends perhaps page ends; plain text may be hard-wrapped and spells its own words.
        const bool plain = pages.size() == 1 && !from_layout(m_doc.source);
        // One page: no line repeats as a running head (layout::repeated_lines needs three).
        if (!m_line_mode && plain && read_if_wrapped(pages[0], numbers[0])) return;
        if (!m_line_mode && plain) m_vocabulary.emplace(pages[0]);

        std::size_t page_index = 0;
        std::size_t line_index = read_masthead(pages[0]);
        for (; page_index < pages.size(); ++page_index) {
            const auto& page = pages[page_index];
            // Footnote zone: trailing blocks of the page that start with a marker.
            const std::size_t notes_from = footnote_zone(page, repeated[page_index], line_index);
            m_page_first_paragraph = m_doc.paragraphs.size();
            if (page_index > 0) {
                m_page_break = true;
                close_paragraph();
            }
            for (std::size_t i = line_index; i < page.size(); ++i) {
                if (repeated[page_index][i]) continue;
                const std::string_view line = page[i];
                if (page_furniture(page, i)) continue;
                if (m_endnotes && i == first_content(page, line_index) && page_index > 0 &&
                    !continues_notes(line)) {
                    attach_endnotes();  // the notes ended with their page
                    m_endnotes = false;
                }
                if (!m_endnotes && is_notes_heading(line) && notes_follow(page, i)) {
                    close_paragraph();
                    finish_heading();
                    m_endnotes = true;
                    continue;
                }
                if (i >= notes_from || m_endnotes) {
                    note_line(line, numbers[page_index][i]);
                    continue;
                }
                body_line(line, numbers[page_index][i]);
            }
            if (!m_endnotes) flush_notes();
            line_index = 0;
        }
        close_paragraph();
        if (m_endnotes) attach_endnotes();
        flush_headings();
        // A paged report: its charts' labels and tables' cells come together (figures.h).
        if (pages.size() > 1 && !m_line_mode) figures::group(m_doc.paragraphs);
    }

  private:
    /// Reads the text as hard-wrapped prose (speeches cut at a fixed width) if it is that:
    /// the paragraphs found from the lines' lengths go through body_line a paragraph at a time,
    /// so numbering and lists read as in speeches with a paragraph a line. False if it is not.
    bool read_if_wrapped(const std::vector<std::string_view>& page,
                         const std::vector<int>& numbers) {
        std::vector<wrapped::SourceLine> lines;
        for (std::size_t i = 0; i < page.size(); ++i) lines.push_back({page[i], numbers[i]});
        const int column = wrapped::wrap_column(lines);
        if (column == 0) return false;
        m_line_mode = true;
        for (const auto& paragraph : wrapped::paragraphs(lines, column)) {
            m_target.reset();  // the paragraph ends are found already: none continues another
            body_line(paragraph.text, paragraph.line);
        }
        close_paragraph();
        flush_headings();
        return true;
    }

    /// Appends a line to a paragraph's text. Plain text (no page marks) undoes line-end
    /// hyphenation with its own vocabulary ("Secretary-" "General" -> "Secretary-General");
    /// text extracted from a layout keeps the layout's rule, as its line ends may be page ends.
    void append_text(std::string& text, std::string_view line) const {
        if (m_vocabulary)
            m_vocabulary->append(text, line);
        else
            layout::append_line(text, line);
    }

    /// Reads the first page's masthead if there is one; returns the first body line.
    std::size_t read_masthead(const std::vector<std::string_view>& page) {
        std::size_t end = 0;
        for (; end < page.size() && end < 60; ++end) {
            const std::string_view t = trim(page[end]);
            if (t.empty()) continue;
            if (layout::paragraph_number(t)) break;
            const auto style = layout::heading_number(t).style;
            if (style == NumberStyle::roman || style == NumberStyle::upper_letter) break;
            const auto cells = cells_of(page[end]);
            if (cells.size() == 1 && t.size() > 85) {
                // Prose: its paragraph started at the block's first line.
                while (end > 0 && !trim(page[end - 1]).empty()) --end;
                break;
            }
        }
        layout::Masthead probe;
        for (std::size_t i = 0; i < end; ++i) {
            for (const auto cell : cells_of(page[i])) probe.feed(cell);
        }
        if (probe.facts() < 2) return 0;
        layout::Masthead masthead;
        std::string title;
        const auto offer = [&] {
            if (!title.empty()) masthead.offer_title(title);
            title.clear();
        };
        for (std::size_t i = 0; i < end; ++i) {
            const auto cells = cells_of(page[i]);
            if (cells.empty()) {
                offer();
                continue;
            }
            if (!title.empty() && cells.size() == 1 && layout::starts_lower(cells[0])) {
                layout::append_line(title, cells[0]);  // "... on its" / "fourteenth session"
                while (!title.empty() && title.back() == '*') title.pop_back();
                continue;
            }
            bool any = false;
            for (const auto cell : cells) {
                // A title block ends before the line that follows it changes the masthead state.
                layout::Masthead before = masthead;
                if (masthead.feed(cell)) {
                    if (!any && !title.empty()) {
                        masthead = before;
                        offer();
                        masthead.feed(cell);
                    }
                    any = true;
                }
            }
            if (!any)
                if (!layout::is_page_furniture(page[i]) && trim(page[i]) != "*") {
                    std::string t = collapse_spaces(page[i]);
                    while (!t.empty() && t.back() == '*') t.pop_back();
                    layout::append_line(title, t);
                }
        }
        offer();
        masthead.apply(m_doc);
        return end;
    }

    /// Lines that only a page carries: the job number (recorded), and the document symbol
    /// standing alone as the page header or footer.
    bool page_furniture(const std::vector<std::string_view>& page, std::size_t i) {
        const std::string_view t = trim(page[i]);
        if (t.empty()) return false;
        if (starts_with_nocase(t, "GE.") && layout::is_page_furniture(t)) {
            if (m_doc.job_number.empty()) {
                std::string_view job = t.substr(0, t.find('('));
                m_doc.job_number = collapse_spaces(job);
            }
            return true;
        }
        if (m_line_mode || t.size() > 60 || t.find(' ') != std::string_view::npos ||
            t.find('/') == std::string_view::npos) {
            return false;
        }
        if (t == m_doc.symbol) return true;
        // Only in the first or last two non-blank lines of the page.
        std::size_t before = 0;
        for (std::size_t k = 0; k < i && before < 2; ++k) before += !trim(page[k]).empty();
        std::size_t after = 0;
        for (std::size_t k = i + 1; k < page.size() && after < 2; ++k) {
            after += !trim(page[k]).empty();
        }
        return (before < 2 || after < 2) && parse_symbol(t).has_value();
    }

    /// Index of the first line of the page's trailing footnote blocks (page.size() if none).
    std::size_t footnote_zone(const std::vector<std::string_view>& page,
                              const std::vector<bool>& repeated, std::size_t first) const {
        if (m_line_mode) return page.size();
        std::size_t zone = page.size();
        std::size_t i = page.size();
        // Walk back over blocks (blank-separated, furniture ignored).
        while (i > first) {
            std::size_t end = i;
            while (end > first && (trim(page[end - 1]).empty() || repeated[end - 1] ||
                                   layout::is_page_furniture(page[end - 1]))) {
                --end;
            }
            std::size_t begin = end;
            while (begin > first && !trim(page[begin - 1]).empty() && !repeated[begin - 1]) --begin;
            if (begin == end) break;
            if (note_marker(page[begin]).empty()) break;
            if (begin > first && trim(page[begin - 1]).empty() == false) break;
            zone = begin;
            i = begin;
        }
        // A zone covering the whole page body is a page of endnotes; still notes.
        return zone;
    }

    void note_line(std::string_view line, int number) {
        const std::string_view t = trim(line);
        if (t.empty()) return;
        std::string_view marker = note_marker(t);
        if (marker.empty() && m_last_note >= 0 && to_int(t) == m_last_note + 1) {
            marker = t;  // "43" alone, its text on the next line
        } else if (layout::is_page_furniture(t)) {
            return;
        }
        const int value = to_int(marker);
        const bool starts = !marker.empty() && (m_notes.empty() || marker[0] == '*' ||
                                                value == m_last_note + 1 || m_last_note < 0);
        if (starts) {
            Footnote note;
            note.marker = std::string(marker);
            note.text = std::string(trim(t.substr(marker.size())));
            m_notes.push_back({std::move(note), number});
            if (value >= 0) m_last_note = value;
        } else if (!m_notes.empty()) {
            layout::append_line(m_notes.back().first.text, t);
        } else {
            body_line(line, number);
        }
    }

    /// Attaches the page's notes to the page's paragraphs carrying their marker, or emits them.
    void flush_notes() {
        for (auto& [note, line] : m_notes) {
            bool attached = false;
            if (m_open && carries_marker(m_text, note.marker)) {
                m_pending_notes.push_back(note);
                continue;
            }
            for (std::size_t p = m_doc.paragraphs.size(); p-- > 0;) {
                if (p + 1 < m_page_first_paragraph) break;
                Paragraph& para = m_doc.paragraphs[p];
                if (para.kind == ParagraphKind::heading) continue;
                if (carries_marker(para.text, note.marker)) {
                    para.footnotes.push_back(note);
                    attached = true;
                    break;
                }
            }
            if (!attached) {
                Paragraph p;
                p.kind = ParagraphKind::unnumbered;
                p.line = line;
                p.text = note.marker + " " + note.text;
                p.headings = m_path.path();
                m_doc.paragraphs.push_back(std::move(p));
            }
        }
        m_notes.clear();
        m_last_note = -1;
    }

    static std::size_t first_content(const std::vector<std::string_view>& page, std::size_t from) {
        for (std::size_t k = from; k < page.size(); ++k) {
            if (!trim(page[k]).empty() && !layout::is_page_furniture(page[k])) return k;
        }
        return page.size();
    }

    /// True if the next content line after i starts note 1.
    static bool notes_follow(const std::vector<std::string_view>& page, std::size_t i) {
        const std::size_t k = first_content(page, i + 1);
        return k < page.size() && note_marker(page[k]) == "1";
    }

    bool continues_notes(std::string_view line) const {
        const std::string_view marker = note_marker(line);
        return !marker.empty() && to_int(marker) == m_last_note + 1;
    }

    static bool is_notes_heading(std::string_view line) {
        const std::string t = ascii_lower(trim(line));
        return t == "notes" || t == "endnotes" || t == "end notes";
    }

    /// Endnotes: note n goes to the first paragraph carrying marker n at or after the one that
    /// took note n-1 (markers rise through the text); unplaced notes become paragraphs.
    void attach_endnotes() {
        close_paragraph();
        std::size_t from = m_notes_base;
        const std::size_t body = m_doc.paragraphs.size();
        std::vector<Paragraph> leftovers;
        for (auto& [note, line] : m_notes) {
            std::optional<std::size_t> found;
            // Markers rise through the text; a match far ahead is more likely a stray number.
            for (std::size_t p = from; p < body && p < from + 40; ++p) {
                if (carries_marker(m_doc.paragraphs[p].text, note.marker)) {
                    found = p;
                    break;
                }
            }
            if (found) {
                m_doc.paragraphs[*found].footnotes.push_back(std::move(note));
                from = *found;
                continue;
            }
            Paragraph p;
            p.kind = ParagraphKind::unnumbered;
            p.line = line;
            p.text = note.marker + " " + note.text;
            p.headings = m_path.path();
            leftovers.push_back(std::move(p));
        }
        for (auto& p : leftovers) m_doc.paragraphs.push_back(std::move(p));
        m_notes.clear();
        m_last_note = -1;
        m_notes_base = m_doc.paragraphs.size();
        m_target.reset();
    }

    bool heading_like(std::string_view text) const {
        return text.size() <= 150 && !layout::ends_sentence(text) && !layout::starts_lower(text);
    }

    /// "121.1  Ratify the Convention ...": the recommendations listed in paragraph 121, each
    /// a paragraph numbered as printed; the outer numbering goes on at 122. True if t is one.
    bool sub_numbered(std::string_view t, int number) {
        const auto sub = sub_number(t);
        if (!sub || m_last_number <= 0 || to_int(sub->first) != m_last_number) return false;
        start_paragraph(ParagraphKind::numbered, std::string(sub->number),
                        t.substr(sub->text_begin), number);
        return true;
    }

    void body_line(std::string_view line, int number) {
        const std::string_view t = trim(line);
        if (t.empty()) {
            if (m_line_mode) {
                ++m_blanks;
                return;
            }
            close_paragraph();
            ++m_blanks;
            return;
        }
        if (layout::is_page_furniture(t)) return;
        if (sub_numbered(t, number)) return;
        // Numbered paragraph or numbered heading.
        if (const auto num = layout::paragraph_number(t)) {
            const int n = to_int(num->number);
            const std::string_view rest = t.substr(num->text_begin);
            // A nested list (recommendations 1 to 97 inside paragraph 111) ends where the outer
            // numbering resumes.
            const bool resumes =
                m_outer_number > 0 && n == m_outer_number + 1 && n != m_last_number + 1;
            const bool in_sequence = n == m_last_number + 1 || resumes;
            const bool plausible = in_sequence || (n > m_last_number && n <= m_last_number + 3) ||
                                   (n == 1 && !heading_like(rest));
            const bool open_sentence = m_open && !m_line_mode && !layout::ends_sentence(m_text);
            if (num->last != num->number && layout::starts_lower(rest) &&
                (open_sentence || (m_in_heading && !m_open))) {
                // "83., 85., 86.   decision by the Court": the list of numbers ran onto a
                // second line beside the text it answers.
                if (open_sentence) {
                    append_text(m_text, rest);
                } else {
                    layout::append_line(m_heading, rest);
                    if (!heading_like(m_heading)) heading_to_paragraph();
                }
                m_last_number = std::max(m_last_number, to_int(num->last));
                return;
            }
            if (plausible && !(heading_like(rest) && !in_sequence && rest.size() < 60)) {
                start_paragraph(ParagraphKind::numbered, num->number, rest, number);
                follow_number(n, to_int(num->last));
                return;
            }
            if (!in_sequence && open_sentence) {
                // "...from 8 to 19 February\n2010. The review": a number inside a sentence.
                append_text(m_text, t);
                return;
            }
            if (heading_like(rest)) {
                start_heading(t, number);
                return;
            }
        }
        if (!m_line_mode && (!m_open || layout::ends_sentence(m_text))) {
            const auto hn = layout::heading_number(t, m_last_letter);
            if ((hn.style == NumberStyle::roman || hn.style == NumberStyle::upper_letter ||
                 hn.style == NumberStyle::annex) &&
                heading_like(hn.rest)) {
                start_heading(t, number);
                return;
            }
        }
        if (m_in_heading) {
            if (layout::starts_lower(t) && !m_open) {
                layout::append_line(m_heading, t);
                // A heading does not run on into a sentence: "17. Slovenia accepts the
                // recommendation in the sense that it has" and its lines are a paragraph.
                if (!heading_like(m_heading)) heading_to_paragraph();
                return;
            }
            finish_heading();
        }
        if (layout::is_list_item(t)) {
            start_paragraph(ParagraphKind::list_item, "", t, number);
            return;
        }
        if (m_open && !m_line_mode) {
            if (m_text.size() < limits::max_paragraph_bytes)
                append_text(m_text, t);
            else
                start_paragraph(ParagraphKind::unnumbered, "", t, number);
            return;
        }
        // A new block: a continuation of the last paragraph, or a paragraph of its own.
        if (m_target && !m_heading_since) {
            const bool prev_open = !layout::ends_sentence(last_text());
            const bool lower = layout::starts_lower(t);
            // After a page break an unnumbered block continues a numbered paragraph: numbered
            // reports start every paragraph with its number.
            const bool numbered = m_doc.paragraphs[*m_target].kind == ParagraphKind::numbered ||
                                  (m_open && m_current.kind == ParagraphKind::numbered);
            if ((m_page_break && (lower || prev_open || numbered)) || (lower && prev_open)) {
                reopen(t);
                return;
            }
        }
        start_paragraph(ParagraphKind::unnumbered, "", t, number);
    }

    std::string_view last_text() const {
        if (m_open) return m_text;
        return m_doc.paragraphs[*m_target].text;
    }

    void reopen(std::string_view t) {
        if (m_open) {
            append_text(m_text, t);
        } else {
            // Take the last paragraph back to append to it.
            Paragraph& p = m_doc.paragraphs[*m_target];
            append_text(p.text, t);
            if (!m_line_mode && *m_target + 1 == m_doc.paragraphs.size()) {
                m_text = std::move(p.text);
                m_current = std::move(p);
                m_doc.paragraphs.pop_back();
                m_open = true;
            }
        }
        m_page_break = false;
        m_blanks = 0;
    }

    void start_heading(std::string_view t, int number) {
        close_paragraph();
        finish_heading();
        m_in_heading = true;
        m_heading = collapse_spaces(t);
        m_heading_line = number;
    }

    /// Moves the sequence of paragraph numbers on to a paragraph numbered first to last; a
    /// number below the current one opens a nested list, remembering where the outer one was.
    void follow_number(int first, int last) {
        if (m_outer_number > 0 && first == m_outer_number + 1 && first != m_last_number + 1) {
            m_outer_number = 0;
        } else if (first < m_last_number && m_outer_number == 0) {
            m_outer_number = m_last_number;
        }
        m_last_number = std::max(first, last);
    }

    /// The heading being read turned out to be a paragraph's first lines: it opens that
    /// paragraph, numbered if it starts with a paragraph number.
    void heading_to_paragraph() {
        m_in_heading = false;
        const std::string text = std::move(m_heading);
        m_heading.clear();
        if (const auto num = layout::paragraph_number(text)) {
            start_paragraph(ParagraphKind::numbered, num->number,
                            std::string_view(text).substr(num->text_begin), m_heading_line);
            follow_number(to_int(num->number), to_int(num->last));
            return;
        }
        start_paragraph(ParagraphKind::unnumbered, "", text, m_heading_line);
    }

    void finish_heading() {
        if (!m_in_heading) return;
        m_in_heading = false;
        std::string text = strip_heading_markers(m_heading);
        const auto hn = layout::heading_number(text, m_last_letter);
        if (hn.style == NumberStyle::upper_letter) m_last_letter = hn.number[0];
        if (hn.style == NumberStyle::roman) m_last_letter = 0;
        // Headings the new one displaces without any paragraph having been read under them
        // (an empty section, a heading followed by a heading of its rank) become paragraphs of
        // their own, so that no text is lost.
        const std::vector<std::string> before = m_path.path();
        m_path.push(layout::style_rank(hn.style), std::move(text));
        const std::size_t kept = m_path.path().size() - 1;
        for (std::size_t i = kept; i < before.size(); ++i) {
            if (i < m_heading_used.size() && !m_heading_used[i]) {
                emit_heading(before[i],
                             std::vector<std::string>(before.begin(), before.begin() + i));
            }
        }
        m_heading_used.resize(kept);
        m_heading_used.push_back(false);
        m_heading_since = true;
        m_heading.clear();
    }

    /// Emits the headings still unused at the end of the document.
    void flush_headings() {
        finish_heading();
        const auto& path = m_path.path();
        for (std::size_t i = 0; i < path.size() && i < m_heading_used.size(); ++i) {
            if (!m_heading_used[i]) {
                emit_heading(path[i], std::vector<std::string>(path.begin(), path.begin() + i));
                m_heading_used[i] = true;
            }
        }
    }

    void emit_heading(const std::string& text, std::vector<std::string> outer) {
        Paragraph p;
        p.kind = ParagraphKind::heading;
        p.text = text;
        p.headings = std::move(outer);
        m_doc.paragraphs.push_back(std::move(p));
    }

    void start_paragraph(ParagraphKind kind, std::string number, std::string_view text, int line) {
        close_paragraph();
        finish_heading();
        m_current = Paragraph{};
        m_current.kind = kind;
        m_current.number = std::move(number);
        m_current.line = line;
        m_current.headings = m_path.path();
        m_heading_used.assign(m_current.headings.size(), true);
        m_text.clear();
        layout::append_line(m_text, text);
        m_open = true;
        m_heading_since = false;
        m_page_break = false;
        m_blanks = 0;
        if (m_line_mode) close_paragraph();
    }

    void close_paragraph() {
        if (!m_open) return;
        m_open = false;
        m_current.text = std::move(m_text);
        m_text.clear();
        for (auto& note : m_pending_notes) m_current.footnotes.push_back(std::move(note));
        m_pending_notes.clear();
        if (m_current.text.empty()) return;
        m_doc.paragraphs.push_back(std::move(m_current));
        m_target = m_doc.paragraphs.size() - 1;
    }

    Document& m_doc;
    layout::HeadingPath m_path;
    bool m_line_mode = false;  ///< one paragraph per line (speeches with long lines)
    std::optional<HyphenVocabulary> m_vocabulary;  ///< plain text's words, to undo hyphenation
    bool m_open = false;                           ///< m_current is being filled
    Paragraph m_current;
    std::string m_text;                   ///< text of m_current while open
    std::optional<std::size_t> m_target;  ///< last emitted paragraph a continuation would join
    bool m_page_break = false;            ///< a page break since the last paragraph line
    bool m_heading_since = false;         ///< a heading since the last paragraph
    bool m_in_heading = false;            ///< m_heading is being filled (headings wrap onto lines)
    std::string m_heading;
    int m_heading_line = 0;            ///< source line of m_heading
    std::vector<bool> m_heading_used;  ///< per heading of m_path: a paragraph was read under it
    int m_blanks = 0;
    int m_last_number = 0;   ///< last numbered paragraph's number
    int m_outer_number = 0;  ///< the outer list's last number while in a nested list
    char m_last_letter = 0;  ///< last "A."-style heading letter
    std::size_t m_page_first_paragraph = 0;
    std::vector<std::pair<Footnote, int>> m_notes;  ///< this page's footnotes and their lines
    std::vector<Footnote> m_pending_notes;          ///< notes for the open paragraph
    int m_last_note = -1;
    bool m_endnotes = false;       ///< past a "Notes" heading, in its list of notes
    std::size_t m_notes_base = 0;  ///< first paragraph after the last list of endnotes
};

}  // namespace

Document parse_text(std::string_view text, const std::string& source) {
    Document doc;
    doc.source = source;
    doc.format = "text";
    const std::string normal = normalise_newlines(text);
    TextBuilder builder(doc);
    builder.run(normal);
    // A UN publication has no masthead: its symbol stands on the copyright page.
    if (doc.symbol.empty()) {
        doc.symbol = publication::front_matter_symbol(normal);
        if (const auto parsed = parse_symbol(doc.symbol); parsed && doc.body.empty())
            doc.body = parsed->organ;
    }
    // Each paragraph's footnotes are attached: their marks leave the text (the notes keep them).
    for (Paragraph& p : doc.paragraphs)
        for (const Footnote& note : p.footnotes)
            if (!note.marker.empty() && note.marker[0] != '*') strip_marker(p.text, note.marker);
    return doc;
}

}  // namespace plenary
