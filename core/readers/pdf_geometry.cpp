#include "readers/pdf_geometry.h"

#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "base/text_util.h"
#include "readers/layout.h"
#include "refs/sessions.h"
#include "refs/symbols.h"

namespace plenary {

namespace {

/// A word as poppler places it on the page (points, y growing downwards).
struct Word {
    std::string text;
    double x0 = 0, x1 = 0, top = 0, bottom = 0, size = 0;
    bool bold = false;
};

/// A printed line: its words left to right, footnote marks (small raised type) kept apart.
struct Line {
    std::string text;                 ///< the words, marks left out
    std::vector<std::string> marks;   ///< footnote marks standing in the line
    std::vector<std::string> before;  ///< per mark, the line's text before it
    bool mark_first = false;          ///< the line opens with a mark: a footnote body's number
    std::vector<std::string> cells;   ///< the text cut at wide gaps (the masthead's columns)
    double x0 = 0, top = 0, bottom = 0;
    double size = 0;   ///< the largest type of its words, marks aside
    bool bold = true;  ///< every word, marks aside, is bold
};

/// A mark poppler glued to the word before it ("UNISPACE+50,1"): trailing digits in smaller
/// type are taken off word and returned as a word of their own (empty text when there are none).
Word split_mark(const poppler::text_box& box, Word& word) {
    const poppler::ustring u = box.text();
    const std::size_t n = u.size();
    std::size_t k = n;
    while (k > 0 && n - k < 3 && u[k - 1] >= '0' && u[k - 1] <= '9') --k;
    if (k == 0 || k == n || word.text.size() < n) return {};
    const double full = box.char_bbox(0).height();
    const double tail = box.char_bbox(n - 1).height();
    if (full <= 0 || tail >= 0.8 * full) return {};
    Word mark = word;
    mark.text = word.text.substr(word.text.size() - (n - k));
    mark.size = word.size * tail / full;
    mark.x0 = box.char_bbox(k).left();
    mark.top = box.char_bbox(n - 1).top();
    mark.bottom = box.char_bbox(n - 1).bottom();
    word.text.resize(word.text.size() - (n - k));
    word.x1 = box.char_bbox(k - 1).right();
    return mark;
}

std::vector<Word> page_words(const poppler::page& page) {
    std::vector<Word> words;
    for (const auto& box : page.text_list(poppler::page::text_list_include_font)) {
        const poppler::byte_array utf8 = box.text().to_utf8();
        Word w;
        w.text.assign(utf8.begin(), utf8.end());
        if (trim(w.text).empty()) continue;
        const poppler::rectf r = box.bbox();
        w.x0 = r.left();
        w.x1 = r.right();
        w.top = r.top();
        w.bottom = r.bottom();
        w.size = box.get_font_size();
        if (box.has_font_info())
            w.bold = ascii_lower(box.get_font_name()).find("bold") != std::string::npos;
        Word mark = split_mark(box, w);
        words.push_back(std::move(w));
        if (!mark.text.empty()) words.push_back(std::move(mark));
    }
    return words;
}

/// The type size most of the document's characters are set in.
double body_size(const std::vector<std::vector<Word>>& pages) {
    std::map<int, std::size_t> chars;
    for (const auto& page : pages)
        for (const auto& w : page) chars[static_cast<int>(w.size * 10 + 0.5)] += w.text.size();
    const auto most =
        std::max_element(chars.begin(), chars.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == chars.end() ? 10.0 : most->first / 10.0;
}

/// Footnote marks: digits or asterisks, several separated by commas ("2,3").
bool mark_like(std::string_view t) {
    if (t.empty() || t.size() > 7 || t[0] == ',') return false;
    return std::all_of(t.begin(), t.end(),
                       [](char c) { return is_ascii_digit(c) || c == '*' || c == ','; });
}

void add_marks(std::vector<std::string>& marks, std::string_view t) {
    while (!t.empty()) {
        const std::size_t comma = t.find(',');
        if (comma != 0) marks.emplace_back(t.substr(0, comma));
        if (comma == std::string_view::npos) break;
        t.remove_prefix(comma + 1);
    }
}

/// Sets the line's text, marks and cells from its words. Words closer than a sixth of their
/// size are one word the extraction split ("Confere nce"); gaps over two and a half sizes part
/// columns.
void compose(Line& line, std::vector<Word> words, double small) {
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    line.x0 = words.front().x0;
    const Word* last = nullptr;
    std::string cell;
    for (const Word& w : words) {
        if (w.size < small && mark_like(w.text)) {
            if (!last) line.mark_first = true;
            add_marks(line.marks, w.text);
            std::string so_far = line.text;
            for (const auto& c : line.cells) so_far += (so_far.empty() ? "" : " ") + c;
            so_far += (so_far.empty() ? "" : " ") + cell;
            line.before.resize(line.marks.size(), collapse_spaces(so_far));
            continue;
        }
        line.size = std::max(line.size, w.size);
        line.bold = line.bold && w.bold;
        if (last) {
            const double gap = w.x0 - last->x1;
            if (gap > 2.5 * w.size) {
                line.cells.push_back(std::move(cell));
                cell.clear();
            } else if (gap >= w.size / 6) {
                cell += ' ';
            }
        }
        cell += w.text;
        last = &w;
    }
    if (!cell.empty()) line.cells.push_back(std::move(cell));
    for (const auto& c : line.cells) line.text += (line.text.empty() ? "" : " ") + c;
    if (!last) {
        line.size = words.front().size;
        line.bold = false;
    }
}

/// The page's lines, top to bottom: full-size words set the lines; small ones (marks) join the
/// line their middle falls in.
std::vector<Line> page_lines(std::vector<Word> words, double body) {
    const double small = 0.75 * body;
    std::stable_sort(words.begin(), words.end(),
                     [](const Word& a, const Word& b) { return a.top < b.top; });
    struct Group {
        double top, bottom;
        std::vector<Word> words;
    };
    std::vector<Group> groups;
    const auto place = [&](const Word& w) {
        const double middle = (w.top + w.bottom) / 2;
        for (auto& g : groups) {
            if (middle >= g.top - 1 && middle <= g.bottom + 1) {
                g.words.push_back(w);
                return;
            }
        }
        groups.push_back({w.top, w.bottom, {w}});
    };
    for (const Word& w : words)
        if (w.size >= small) place(w);
    for (const Word& w : words)
        if (w.size < small) place(w);
    std::sort(groups.begin(), groups.end(),
              [](const Group& a, const Group& b) { return a.top < b.top; });
    std::vector<Line> lines;
    for (auto& g : groups) {
        Line line;
        line.top = g.top;
        line.bottom = g.bottom;
        compose(line, std::move(g.words), small);
        lines.push_back(std::move(line));
    }
    return lines;
}

/// Page furniture in any cell: job numbers with their date code ("18-18142 (E) 021118"), bar
/// codes, page numbers ("2/5"), the document's own symbol as a running head.
bool furniture(const Line& line, const std::string& symbol) {
    if (line.cells.empty()) return line.marks.empty();
    for (const std::string& cell : line.cells) {
        const std::string_view c = trim(cell);
        if (c == symbol || layout::is_page_furniture(c)) continue;
        if (c.size() <= 7 && c.find('/') != std::string_view::npos &&
            std::all_of(c.begin(), c.end(),
                        [](char ch) { return is_ascii_digit(ch) || ch == '/'; })) {
            continue;
        }
        // "18-18142 (E) 021118": the text rules expect no spaces inside the stamp.
        std::string squeezed;
        for (const char ch : c)
            if (ch != ' ') squeezed += ch;
        if (squeezed.size() >= 11 && layout::is_page_furniture(squeezed.substr(0, 11))) continue;
        return false;
    }
    return true;
}

bool separator(std::string_view t) {
    t = trim(t);
    return t.size() >= 5 && std::all_of(t.begin(), t.end(), [](char c) { return c == '_'; });
}

/// "28th plenary meeting"
bool meeting_line(std::string_view t) {
    t = trim(t);
    return t.size() < 30 && !t.empty() && is_ascii_digit(t[0]) && t.size() > 15 &&
           t.substr(t.size() - 15) == "plenary meeting";
}

/// Drops the resolution's number from its title: "73/6. Fiftieth anniversary" -> "Fiftieth...".
std::string title_without_number(std::string title) {
    std::size_t i = 0;
    while (i < title.size() && (is_ascii_digit(title[i]) || title[i] == '/')) ++i;
    if (i > 2 && i < title.size() && title[i] == '.' && title.find('/') < i)
        title = std::string(trim(title.substr(i + 1)));
    return title;
}

struct PendingNote {
    Footnote note;
    std::size_t after = 0;  ///< paragraphs begun before the note's body was met
};

/// Reads a resolution's lines page by page into paragraphs and footnotes.
class ResolutionBuilder {
  public:
    ResolutionBuilder(Document& doc, double body) : m_doc(doc), m_body(body) {}

    void page(const std::vector<Line>& lines, bool first) {
        const double margin = left_margin(lines);
        bool notes = false;
        bool head = !first;  // a running head in smaller type opens every later page
        m_previous = nullptr;
        for (const Line& line : lines) {
            if (furniture(line, m_doc.symbol)) continue;
            if (head && line.size < 0.95 * m_body) continue;
            head = false;
            if (separator(line.text)) {
                notes = true;
                continue;
            }
            if (notes) {
                note_line(line);
            } else if (first && m_stage != Stage::body) {
                masthead_line(line);
            } else {
                body_line(line, margin);
            }
            ++m_line_number;
        }
    }

    /// Closes the last paragraph and attaches the footnotes; false if no title was found.
    bool finish() {
        close();
        attach();
        mark_preamble();
        if (m_title.empty() || m_paragraphs.empty()) return false;
        m_doc.title = title_without_number(m_title);
        m_doc.adopted = adopted;
        m_doc.meeting = meeting;
        m_doc.draft = draft;
        m_doc.paragraphs = std::move(m_paragraphs);
        return true;
    }

    std::string adopted, meeting,
        draft;  ///< adoption date (ISO), "30th plenary meeting", "A/73/L.6"

  private:
    enum class Stage { before, adoption, draft, title, body };

    /// The x most full-size lines of the page start at (first lines of paragraphs are indented).
    double left_margin(const std::vector<Line>& lines) const {
        std::map<int, int> count;
        for (const Line& l : lines)
            if (std::abs(l.size - m_body) < 0.5 && l.text.size() > 30)
                ++count[static_cast<int>(l.x0)];
        const auto most =
            std::max_element(count.begin(), count.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        return most == count.end() ? 0 : most->first;
    }

    void masthead_line(const Line& line) {
        const std::string_view t = trim(line.text);
        if (m_stage == Stage::before && starts_with_nocase(t, "Resolution adopted by"))
            m_stage = Stage::adoption;
        if (m_stage == Stage::adoption) {
            if (t.front() != '[') {
                layout::append_line(m_adoption, t);
                const std::size_t on = m_adoption.rfind(" on ");
                if (on != std::string::npos)
                    if (const auto date =
                            parse_date(std::string_view(m_adoption).substr(on + 4), "en"))
                        adopted = *date;
                return;
            }
            m_stage = Stage::draft;
        }
        if (m_stage == Stage::draft) {
            if (draft.empty())
                if (const auto found = find_symbols(t); !found.empty())
                    draft = found.front().canonical;
            if (t.back() == ']') m_stage = Stage::title;
            return;
        }
        if (m_stage == Stage::title) {
            const bool enacting = starts_with_nocase(t, "The General Assembly");
            if (!enacting && (m_title.empty() || (line.bold && m_title_bold))) {
                m_title_bold = line.bold;
                layout::append_line(m_title, t);
                return;
            }
            m_stage = Stage::body;
            body_line(line, line.x0);
        }
    }

    void body_line(const Line& line, double margin) {
        const std::string_view t = trim(line.text);
        if (meeting_line(t)) {
            close();
            meeting = std::string(t);
            m_after_meeting = true;
            return;
        }
        if (m_after_meeting && parse_date(t, "en")) return;  // the meeting's date under it
        m_after_meeting = false;
        const bool heading = line.bold && line.size >= 0.95 * m_body;
        const double gap = m_previous ? line.top - m_previous->bottom : 0;
        const bool starts = !m_open || line.x0 > margin + 0.8 * m_body || gap > 0.5 * m_body ||
                            heading != m_open_heading || (heading && line.size != m_heading_size);
        if (starts) {
            close();
            m_open = true;
            m_open_heading = heading;
            m_heading_size = line.size;
            m_current = Paragraph{};
            m_current.line = m_line_number + 1;
            m_marks.clear();
        }
        layout::append_line(m_current.text, t);
        m_marks.insert(m_marks.end(), line.marks.begin(), line.marks.end());
        m_previous = &line;
    }

    void close() {
        if (!m_open) return;
        m_open = false;
        Paragraph p = std::move(m_current);
        p.text = collapse_spaces(p.text);
        if (p.text.empty()) return;
        if (m_open_heading) {
            // Larger type is an outer heading.
            m_path.push(static_cast<int>(1000 - m_heading_size * 10), p.text);
            p.kind = ParagraphKind::heading;
            p.headings = m_path.path();
            p.headings.pop_back();
        } else {
            classify(p);
            p.headings = m_path.path();
        }
        m_paragraphs.push_back(std::move(p));
        m_paragraph_marks.push_back(std::move(m_marks));
        m_marks.clear();
    }

    /// Numbered operative paragraphs and their sub-paragraphs; before the first, the
    /// enacting formula and the preambular paragraphs (ending in a comma).
    void classify(Paragraph& p) {
        if (const auto num = layout::paragraph_number(p.text)) {
            p.kind = ParagraphKind::numbered;
            p.number = num->number;
            p.text = p.text.substr(num->text_begin);
            m_operative = p.number;
            return;
        }
        if (!m_operative.empty() && layout::is_list_item(p.text) && p.text[0] == '(') {
            const std::size_t close = p.text.find(')');
            p.kind = ParagraphKind::list_item;
            p.number = m_operative + " " + p.text.substr(0, close + 1);
            p.text = std::string(trim(std::string_view(p.text).substr(close + 1)));
            return;
        }
    }

    /// Before the first operative paragraph and the first heading: the enacting formula and
    /// the paragraphs ending in a comma are the preamble. Run once the marks are out.
    void mark_preamble() {
        for (Paragraph& p : m_paragraphs) {
            if (p.kind != ParagraphKind::unnumbered) break;
            if (starts_with_nocase(p.text, "The General Assembly") || p.text.back() == ',')
                p.kind = ParagraphKind::preambular;
        }
    }

    void note_line(const Line& line) {
        const std::string_view t = trim(line.text);
        if (line.mark_first) {
            m_notes.push_back(
                {Footnote{line.marks.front(), std::string(t)}, m_paragraphs.size() + m_open});
        } else if (mark_like(t)) {
            m_notes.push_back({Footnote{std::string(t), ""}, m_paragraphs.size() + m_open});
        } else if (!m_notes.empty()) {
            layout::append_line(m_notes.back().note.text, t);
        }
    }

    /// Marks poppler set in full-size type, glued after a comma, semicolon or bracket that
    /// ends a word with letters in it ("UNISPACE+50,1", not "paragraphs 3,4"): every paragraph
    /// holding one takes it out of its text and carries it.
    void find_glued_marks(const std::string& mark) {
        if (!is_ascii_digit(mark[0])) return;
        for (std::size_t i = 0; i < m_paragraphs.size(); ++i) {
            std::string& text = m_paragraphs[i].text;
            for (std::size_t at = text.find(mark); at != std::string::npos;
                 at = text.find(mark, at + 1)) {
                const std::size_t end = at + mark.size();
                if (at < 2 || (end < text.size() && text[end] != ' ')) continue;
                if (text[at - 1] != ',' && text[at - 1] != ';' && text[at - 1] != ')') continue;
                const std::size_t word =
                    text.rfind(' ', at) == std::string::npos ? 0 : text.rfind(' ', at) + 1;
                const std::string_view before(text.data() + word, at - word);
                if (std::none_of(before.begin(), before.end(), [](char c) {
                        return std::isalpha(static_cast<unsigned char>(c));
                    }))
                    continue;
                text.erase(at, end - at);
                m_paragraph_marks[i].push_back(mark);
                break;
            }
        }
    }

    /// A mark numbered once in the document takes its note wherever it stands (a note cited
    /// again pages later); marks printed more than once go to the nearest paragraph.
    void attach() {
        std::map<std::string, int> count;
        for (const auto& n : m_notes) ++count[n.note.marker];
        for (const auto& [mark, n] : count)
            if (n == 1) find_glued_marks(mark);
        std::vector<layout::PendingFootnote> repeated;
        for (auto& n : m_notes) {
            if (count[n.note.marker] > 1) {
                repeated.push_back({std::move(n.note), n.after});
                continue;
            }
            for (std::size_t i = 0; i < m_paragraphs.size(); ++i) {
                const auto& marks = m_paragraph_marks[i];
                if (std::find(marks.begin(), marks.end(), n.note.marker) != marks.end())
                    m_paragraphs[i].footnotes.push_back(n.note);
            }
        }
        layout::attach_footnotes(m_paragraphs, m_paragraph_marks, std::move(repeated));
    }

    Document& m_doc;
    double m_body;  ///< the body text's type size
    Stage m_stage = Stage::before;
    std::string m_adoption;  ///< "Resolution adopted by the General Assembly on 1 November 2018"
    std::string m_title;
    bool m_title_bold = false;
    std::vector<Paragraph> m_paragraphs;
    std::vector<std::vector<std::string>> m_paragraph_marks;  ///< per paragraph, its marks
    Paragraph m_current;
    std::vector<std::string> m_marks;  ///< marks of m_current
    bool m_open = false;               ///< m_current is being filled
    bool m_open_heading = false;       ///< m_current is a heading
    double m_heading_size = 0;
    const Line* m_previous = nullptr;  ///< the last body line of this page
    layout::HeadingPath m_path;
    std::string m_operative;  ///< the last operative paragraph's number
    bool m_after_meeting = false;
    std::vector<PendingNote> m_notes;
    int m_line_number = 0;
};

/// True when the first page says "Resolution adopted by".
bool is_resolution(const std::vector<Line>& first_page) {
    return std::any_of(first_page.begin(), first_page.end(), [](const Line& l) {
        return starts_with_nocase(trim(l.text), "Resolution adopted by");
    });
}

/// A PDF's lines, page by page, and the type size of its body text.
struct PdfLines {
    std::vector<std::vector<Line>> pages;
    double body = 10;
};

PdfLines pdf_lines(const poppler::document& pdf) {
    std::vector<std::vector<Word>> words;
    for (int i = 0; i < pdf.pages(); ++i) {
        const std::unique_ptr<poppler::page> page(pdf.create_page(i));
        words.push_back(page ? page_words(*page) : std::vector<Word>{});
    }
    PdfLines out;
    out.body = body_size(words);
    for (auto& w : words) out.pages.push_back(page_lines(std::move(w), out.body));
    return out;
}

/// The last words of text, up to about 30 bytes, whole words: what a paragraph holds before a mark.
std::string tail_words(std::string_view text) {
    text = trim(text);
    if (text.size() <= 30) return std::string(text);
    const std::size_t space = text.find(' ', text.size() - 30);
    return std::string(space == std::string_view::npos ? text : text.substr(space + 1));
}

/// Takes mark out of text where it stands spaced after words ("Rights 4 and" -> "Rights and").
void take_out_mark(std::string& text, std::size_t words_end, const std::string& mark) {
    std::size_t at = words_end;
    while (at < text.size() && text[at] == ' ') ++at;
    const std::size_t end = at + mark.size();
    if (text.compare(at, mark.size(), mark) == 0 &&
        (end == text.size() || !is_ascii_digit(text[end])))
        text.erase(words_end, end - words_end);
}

/// Places one stray note by its mark's preceding words; false when they are found nowhere.
bool place_note(Document& doc, const Footnote& note, const std::vector<std::string>& befores) {
    for (const std::string& before : befores) {
        const std::string key = tail_words(before);
        if (key.size() < 8) continue;
        for (Paragraph& p : doc.paragraphs) {
            if (p.kind == ParagraphKind::heading) continue;
            if (const std::size_t at = p.text.find(key); at != std::string::npos) {
                take_out_mark(p.text, at + key.size(), note.marker);
                p.footnotes.push_back(note);
                return true;
            }
            const bool under =
                std::any_of(p.headings.begin(), p.headings.end(), [&](const std::string& h) {
                    return h.size() >= key.size() &&
                           h.compare(h.size() - key.size(), key.size(), key) == 0;
                });
            if (under) {
                p.footnotes.push_back(note);
                return true;
            }
        }
    }
    return false;
}

/// See read_pdf_geometry: stray notes to their paragraphs.
void attach_stray_notes(const PdfLines& lines, Document& doc) {
    std::map<std::string, std::vector<std::string>> befores;  // mark -> words before it
    for (const auto& page : lines.pages) {
        const Line* previous = nullptr;
        for (const Line& line : page) {
            for (std::size_t i = 0; i < line.marks.size() && i < line.before.size(); ++i) {
                std::string before = line.before[i];
                while (!before.empty() && (before.back() == ',' || before.back() == ' '))
                    before.pop_back();
                if (before.empty()) continue;
                // A heading's mark is looked for at the heading's end; a paragraph's with the
                // line before, since the mark may stand after a line's first word.
                befores[line.marks[i]].push_back(before);
                if (previous) befores[line.marks[i]].push_back(previous->text + " " + before);
            }
            previous = &line;
        }
    }
    std::set<std::string> attached;
    for (const Paragraph& p : doc.paragraphs)
        for (const Footnote& f : p.footnotes) attached.insert(f.marker);
    std::vector<bool> placed(doc.paragraphs.size(), false);
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        const Paragraph& p = doc.paragraphs[i];
        const std::size_t space = p.text.find(' ');
        const std::string mark = p.text.substr(0, space);
        const auto it = befores.find(mark);
        if (p.kind != ParagraphKind::unnumbered || space == std::string::npos ||
            it == befores.end() || attached.count(mark) ||
            !std::all_of(mark.begin(), mark.end(), is_ascii_digit)) {
            continue;
        }
        const Footnote note{mark, p.text.substr(space + 1)};
        placed[i] = place_note(doc, note, it->second);
        if (placed[i]) attached.insert(mark);
    }
    std::vector<Paragraph> kept;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i)
        if (!placed[i]) kept.push_back(std::move(doc.paragraphs[i]));
    // Placed notes joined the end of their paragraph's list: back into the order of their numbers.
    const auto number = [](const Footnote& f) {
        return !f.marker.empty() && std::all_of(f.marker.begin(), f.marker.end(), is_ascii_digit)
                   ? std::stoi(f.marker)
                   : 0;
    };
    for (Paragraph& p : kept)
        std::stable_sort(
            p.footnotes.begin(), p.footnotes.end(),
            [&](const Footnote& a, const Footnote& b) { return number(a) < number(b); });
    doc.paragraphs = std::move(kept);
}

/// The resolution, in doc; false, doc untouched, when the PDF is not one.
bool read_resolution(const PdfLines& lines, Document& doc) {
    if (lines.pages.empty() || !is_resolution(lines.pages.front())) return false;
    ResolutionBuilder builder(doc, lines.body);  // writes doc only when finish() succeeds
    for (std::size_t i = 0; i < lines.pages.size(); ++i) builder.page(lines.pages[i], i == 0);
    return builder.finish();
}

}  // namespace

void read_pdf_geometry(const poppler::document& pdf, Document& doc, bool maybe_resolution,
                       bool stray_notes) {
    if (!maybe_resolution && !stray_notes) return;
    const PdfLines lines = pdf_lines(pdf);
    if (maybe_resolution && read_resolution(lines, doc)) return;
    if (stray_notes) attach_stray_notes(lines, doc);
}

}  // namespace plenary
