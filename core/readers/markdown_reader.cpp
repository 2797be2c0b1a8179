// Markdown converted from PDF: blocks separated by blank lines, masthead first, footnote bodies
// and page breaks in the middle of paragraphs.
#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "base/error.h"
#include "base/text_util.h"
#include "readers/layout.h"
#include "readers/reader.h"

namespace plenary {

namespace {

using layout::NumberStyle;

bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (static_cast<unsigned char>(c) >= 0x80);
}

/// Finds the ']' closing the '[' at open, allowing nested brackets and escapes.
std::size_t closing_bracket(std::string_view s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == '[') {
            ++depth;
        } else if (s[i] == ']' && --depth == 0) {
            return i;
        } else if (s[i] == '\n') {
            break;
        }
    }
    return std::string_view::npos;
}

/// Finds the ')' closing a link destination starting after '(' at open.
std::size_t closing_paren(std::string_view s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == '(') {
            ++depth;
        } else if (s[i] == ')' && --depth == 0) {
            return i;
        } else if (s[i] == ' ' && depth == 1 && i + 1 < s.size() && s[i + 1] != '"') {
            return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

void strip_into(std::string_view s, std::string& out, std::vector<std::string>* markers);

/// A backslash escape at s[i] (with a character after it): a literal character, "\\_" or a
/// "\*" footnote marker after a word. Moves i past it.
void take_escape(std::string_view s, std::size_t& i, std::string& out,
                 std::vector<std::string>* markers) {
    const char n = s[i + 1];
    if (n == '\\' && i + 2 < s.size() && s[i + 2] == '_') {
        out += '_';  // converters write "\\_" for a literal underscore in links
        i += 3;
    } else if (n == '*' && !out.empty() && out.back() != ' ' && markers &&
               (i + 2 >= s.size() || !is_alnum(s[i + 2]))) {
        markers->push_back("*");
        i += 2;
    } else if (is_ascii_punct(n)) {
        out += n;
        i += 2;
    } else {
        out += s[i];
        ++i;
    }
}

/// The markers of "<sup>1, 2</sup>" (a footnote marker each), its inner text given.
void add_sup_markers(const std::string& inner, std::vector<std::string>& markers) {
    std::size_t start = 0;
    while (start <= inner.size()) {
        std::size_t comma = inner.find(',', start);
        if (comma == std::string::npos) comma = inner.size();
        const std::string m(trim(std::string_view(inner).substr(start, comma - start)));
        if (!m.empty()) markers.push_back(m);
        start = comma + 1;
    }
}

/// An HTML tag at s[i] ('<'): <sup> markers, an autolink's address, a tag dropped (<br> as a
/// space). False, with i unchanged, when it is not a tag.
bool take_tag(std::string_view s, std::size_t& i, std::string& out,
              std::vector<std::string>* markers) {
    if (s.substr(i, 5) == "<sup>") {
        const std::size_t close = s.find("</sup>", i + 5);
        if (close != std::string_view::npos) {
            std::string inner;
            strip_into(s.substr(i + 5, close - i - 5), inner, nullptr);
            inner = collapse_spaces(inner);
            if (markers) add_sup_markers(inner, *markers);
            i = close + 6;
            return true;
        }
    }
    const std::size_t close = s.find('>', i);
    if (close != std::string_view::npos && close - i < 2000) {
        const std::string_view inner = s.substr(i + 1, close - i - 1);
        if (starts_with_nocase(inner, "http") || starts_with_nocase(inner, "www.") ||
            starts_with_nocase(inner, "mailto:")) {
            out.append(inner);
            i = close + 1;
            return true;
        }
        if (!inner.empty() && (std::isalpha(static_cast<unsigned char>(inner[0])) ||
                               inner[0] == '/' || inner[0] == '!')) {
            if (starts_with_nocase(inner, "br")) out += ' ';
            i = close + 1;
            return true;
        }
    }
    return false;
}

/// A '[' at s[i]: a footnote reference "[^n]" (a marker) or a link (its label kept). False,
/// with i unchanged, when it is neither.
bool take_bracket(std::string_view s, std::size_t& i, std::string& out,
                  std::vector<std::string>* markers) {
    const std::size_t close = closing_bracket(s, i);
    if (close == std::string_view::npos) return false;
    const std::string_view label = s.substr(i + 1, close - i - 1);
    if (!label.empty() && label[0] == '^') {
        if (markers) markers->push_back(std::string(label.substr(1)));
        i = close + 1;
        return true;
    }
    if (close + 1 < s.size() && s[close + 1] == '(') {
        const std::size_t end = closing_paren(s, close + 1);
        if (end != std::string_view::npos) {
            strip_into(label, out, markers);
            i = end + 1;
            return true;
        }
    }
    return false;
}

/// One of the HTML entities converters write, at s[i] ('&'). False when there is none.
bool take_entity(std::string_view s, std::size_t& i, std::string& out) {
    static constexpr std::pair<std::string_view, std::string_view> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""},
        {"&#39;", "'"}, {"&nbsp;", " "}, {"&apos;", "'"}};
    for (const auto& [name, value] : entities) {
        if (s.substr(i, name.size()) == name) {
            out.append(value);
            i += name.size();
            return true;
        }
    }
    return false;
}

/// Removes Markdown and HTML markup; footnote markers (<sup>n</sup>, [^n], a "\*" after a word)
/// go to markers instead of the text.
void strip_into(std::string_view s, std::string& out, std::vector<std::string>* markers) {
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            take_escape(s, i, out, markers);
            continue;
        }
        if (c == '<' && take_tag(s, i, out, markers)) continue;
        if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
            ++i;  // an image: keep its alt text like a link's
            continue;
        }
        if (c == '[' && take_bracket(s, i, out, markers)) continue;
        if (c == '*' || c == '`') {
            ++i;
            continue;
        }
        if (c == '_') {
            const bool inner_word =
                !out.empty() && is_alnum(out.back()) && i + 1 < s.size() && is_alnum(s[i + 1]);
            if (inner_word) out += c;
            ++i;
            continue;
        }
        if (c == '&' && take_entity(s, i, out)) continue;
        out += c;
        ++i;
    }
}

std::string strip_inline(std::string_view s, std::vector<std::string>* markers) {
    std::string out;
    out.reserve(s.size());
    strip_into(s, out, markers);
    return collapse_spaces(out);
}

enum class BlockKind { text, heading, emphasis_heading, table, footnote, page_break };

struct Block {
    BlockKind kind = BlockKind::text;
    std::vector<std::string_view> lines;
    int line = 0;          ///< 1-based line of the first line
    int blank_before = 0;  ///< blank lines before it (runs of several mark page breaks)
    int hashes = 0;        ///< heading level as written
};

bool is_table_line(std::string_view line) {
    line = trim(line);
    return line.size() >= 2 && line.front() == '|';
}

bool is_rule(std::string_view line) {
    line = trim(line);
    if (line.size() < 3) return false;
    const char c = line[0];
    if (c != '-' && c != '*' && c != '_') return false;
    return std::all_of(line.begin(), line.end(), [c](char x) { return x == c || x == ' '; });
}

int heading_hashes(std::string_view line) {
    int n = 0;
    while (n < static_cast<int>(line.size()) && line[n] == '#') ++n;
    if (n == 0 || n > 6) return 0;
    if (n < static_cast<int>(line.size()) && line[n] != ' ' && line[n] != '\t') return 0;
    return n;
}

/// A line that is only emphasised text ("*Security Council*", "**B. Promoting ...**").
bool is_emphasis_line(std::string_view line) {
    line = trim(line);
    if (line.size() < 3) return false;
    const char c = line[0];
    if (c != '*' && c != '_') return false;
    std::size_t open = 0;
    while (open < line.size() && line[open] == c) ++open;
    if (open > 3 || open * 2 >= line.size()) return false;
    std::size_t close = 0;
    while (close < line.size() && line[line.size() - 1 - close] == c) ++close;
    if (close != open) return false;
    const std::string_view inner = line.substr(open, line.size() - 2 * open);
    if (inner.empty() || inner.front() == ' ' || inner.back() == ' ') return false;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == c && (i == 0 || inner[i - 1] != '\\')) return false;
    }
    return inner.size() < 400;
}

/// An emphasised line that is a paragraph of its own, not a heading: a salutation, which ends
/// with a comma ("**Mr President,**", "**Excellencies, Ladies and Gentlemen,**"), or a sentence
/// of five words or more that introduces what follows ("**We must always have the right to
/// choose for ourselves:**"). A heading never ends with a comma; "**First:**" stays one.
bool is_emphasised_sentence(std::string_view line) {
    line = trim(line);
    while (!line.empty() && (line.back() == '*' || line.back() == '_')) line.remove_suffix(1);
    if (line.empty()) return false;
    if (line.back() == ',') return true;
    if (line.back() != ':') return false;
    return std::count(line.begin(), line.end(), ' ') >= 4;
}

/// A footnote body's marker: "<sup>1</sup> text", "\* text", "[^1]: text". Sets text_begin.
std::optional<std::string> footnote_marker(std::string_view line, std::size_t& text_begin) {
    line = trim(line);
    if (line.substr(0, 5) == "<sup>") {
        const std::size_t close = line.find("</sup>");
        if (close > 20) return std::nullopt;  // also npos
        text_begin = close + 6;
        return collapse_spaces(line.substr(5, close - 5));
    }
    if (line.substr(0, 2) == "\\*") {
        std::size_t i = 0;
        std::string marker;
        while (line.substr(i, 2) == "\\*") {
            marker += '*';
            i += 2;
        }
        if (i < line.size() && line[i] != ' ') return std::nullopt;
        text_begin = i;
        return marker;
    }
    if (line.substr(0, 2) == "[^") {
        const std::size_t close = line.find("]:");
        if (close == std::string_view::npos) return std::nullopt;
        text_begin = close + 2;
        return std::string(line.substr(2, close - 2));
    }
    return std::nullopt;
}

std::vector<Block> split_blocks(const std::vector<std::string_view>& lines) {
    std::vector<Block> blocks;
    int blanks = 0;
    Block current;
    const auto flush = [&] {
        if (!current.lines.empty()) blocks.push_back(std::move(current));
        current = Block{};
    };
    int source_line = 0;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string_view line = lines[n];
        if (line == "\f") {
            // A form feed, written "\f\n" by normalise_newlines: a page break, no source line.
            flush();
            blanks += 2;
            continue;
        }
        const int number = ++source_line;
        if (trim(line).empty()) {
            flush();
            ++blanks;
            continue;
        }
        const auto start = [&](BlockKind kind) {
            flush();
            current.kind = kind;
            current.line = number;
            current.blank_before = blanks;
            blanks = 0;
        };
        const std::string_view t = trim(line);
        if (const int h = heading_hashes(t); h > 0) {
            start(BlockKind::heading);
            current.hashes = h;
            current.lines.push_back(trim(t.substr(static_cast<std::size_t>(h))));
            flush();
            continue;
        }
        if (is_rule(t)) {
            start(BlockKind::page_break);
            current.lines.push_back(t);
            flush();
            continue;
        }
        if (is_table_line(t)) {
            if (current.kind != BlockKind::table || current.lines.empty()) start(BlockKind::table);
            current.lines.push_back(t);
            continue;
        }
        std::size_t begin = 0;
        if (footnote_marker(t, begin)) {
            start(BlockKind::footnote);
            current.lines.push_back(t);
            continue;
        }
        if (current.lines.empty() || current.kind == BlockKind::table) {
            start(BlockKind::text);
        } else if (current.kind == BlockKind::text &&
                   (layout::paragraph_number(t) || layout::is_list_item(t))) {
            // A new numbered paragraph or item starts a block even without a blank line.
            start(BlockKind::text);
        }
        current.lines.push_back(t);
    }
    flush();
    for (auto& b : blocks) {
        if (b.kind == BlockKind::text && b.lines.size() == 1 && is_emphasis_line(b.lines[0]) &&
            !is_emphasised_sentence(b.lines[0])) {
            b.kind = BlockKind::emphasis_heading;
        }
    }
    return blocks;
}

std::string block_source(const Block& b) {
    std::string s;
    for (const auto line : b.lines) {
        if (!s.empty()) s += ' ';
        s.append(line);
    }
    return s;
}

std::string table_text(const Block& b) {
    std::string out;
    for (const auto line : b.lines) {
        std::string_view row = trim(line);
        if (std::all_of(row.begin(), row.end(),
                        [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; })) {
            continue;  // the header separator row
        }
        if (!row.empty() && row.front() == '|') row.remove_prefix(1);
        if (!row.empty() && row.back() == '|') row.remove_suffix(1);
        std::string cells;
        std::size_t start = 0;
        while (start <= row.size()) {
            std::size_t bar = start;
            while (bar < row.size() && !(row[bar] == '|' && (bar == 0 || row[bar - 1] != '\\')))
                ++bar;
            const std::string cell = strip_inline(row.substr(start, bar - start), nullptr);
            if (!cells.empty()) cells += " | ";
            cells += cell;
            start = bar + 1;
        }
        if (!out.empty()) out += '\n';
        out += cells;
    }
    return out;
}

/// Builds the document from blocks; kept in one class so the reading state is in one place.
class MarkdownBuilder {
  public:
    MarkdownBuilder(std::vector<Block> blocks, Document& doc)
        : m_blocks(std::move(blocks)), m_doc(doc) {}

    void run() {
        m_numbered_headings = std::any_of(m_blocks.begin(), m_blocks.end(), [](const Block& b) {
            if (b.kind != BlockKind::heading && b.kind != BlockKind::emphasis_heading) return false;
            const std::string t = strip_inline(b.lines[0], nullptr);
            const auto style = layout::heading_number(t).style;
            return style == NumberStyle::roman || style == NumberStyle::upper_letter;
        });
        std::size_t first = read_masthead();
        for (std::size_t i = first; i < m_blocks.size(); ++i) body_block(m_blocks[i]);
        layout::attach_footnotes(m_doc.paragraphs, m_markers, std::move(m_footnotes));
    }

  private:
    /// Reads the masthead, if the first blocks are one; returns the first body block.
    std::size_t read_masthead() {
        std::size_t end = 0;
        for (; end < m_blocks.size() && end < 40; ++end) {
            const Block& b = m_blocks[end];
            if (b.kind == BlockKind::text && layout::paragraph_number(b.lines[0])) break;
            if (b.kind == BlockKind::heading || b.kind == BlockKind::emphasis_heading) {
                const std::string t = strip_inline(b.lines[0], nullptr);
                const auto style = layout::heading_number(t).style;
                if (style != NumberStyle::none) break;
            }
            if (b.kind == BlockKind::text && block_source(b).size() > 600) break;
        }
        layout::Masthead probe;
        for (std::size_t i = 0; i < end; ++i) {
            for (const auto line : m_blocks[i].lines) probe.feed(strip_inline(line, nullptr));
        }
        if (probe.facts() < 2) return 0;
        layout::Masthead masthead;
        for (std::size_t i = 0; i < end; ++i) {
            const Block& b = m_blocks[i];
            if (b.kind == BlockKind::footnote) {
                add_footnote(b);
                continue;
            }
            if (b.kind == BlockKind::page_break) continue;
            bool any = false;
            for (const auto line : b.lines) {
                std::string t = strip_inline(line, nullptr);
                while (!t.empty() && t.back() == '*') t.pop_back();
                if (masthead.feed(t)) any = true;
            }
            if (!any) masthead.offer_title(strip_inline(block_source(b), nullptr));
        }
        masthead.apply(m_doc);
        return end;
    }

    void add_footnote(const Block& b) {
        std::size_t begin = 0;
        const auto marker = footnote_marker(b.lines[0], begin);
        std::string source(trim(b.lines[0]).substr(begin));
        for (std::size_t k = 1; k < b.lines.size(); ++k) {
            source += ' ';
            source.append(b.lines[k]);
        }
        layout::PendingFootnote note;
        note.note.marker = marker.value_or("");
        note.note.text = strip_inline(source, nullptr);
        note.after = m_doc.paragraphs.size();
        m_footnotes.push_back(std::move(note));
        m_page_material = true;
    }

    void heading(const Block& b) {
        const std::string text = strip_inline(b.lines[0], nullptr);
        if (text.empty()) return;
        const auto number = layout::heading_number(text, m_last_letter);
        if (number.style == NumberStyle::upper_letter) m_last_letter = number.number[0];
        if (number.style == NumberStyle::roman) m_last_letter = 0;
        int level = layout::style_rank(number.style);
        if (number.style == NumberStyle::none && !m_numbered_headings) {
            level = b.kind == BlockKind::heading ? b.hashes : 7;
        }
        m_path.push(level, text);
        m_target.reset();
    }

    void emit(Paragraph p, std::vector<std::string> markers) {
        p.headings = m_path.path();
        m_doc.paragraphs.push_back(std::move(p));
        m_markers.push_back(std::move(markers));
        m_target = m_doc.paragraphs.size() - 1;
        m_page_material = false;
    }

    void body_block(const Block& b) {
        switch (b.kind) {
            case BlockKind::page_break:
                m_page_material = true;
                return;
            case BlockKind::footnote:
                add_footnote(b);
                return;
            case BlockKind::heading:
            case BlockKind::emphasis_heading:
                heading(b);
                return;
            case BlockKind::table: {
                Paragraph p;
                p.kind = ParagraphKind::table;
                p.line = b.line;
                p.text = table_text(b);
                if (!p.text.empty()) emit(std::move(p), {});
                return;
            }
            case BlockKind::text:
                break;
        }
        if (b.blank_before >= 2) m_page_material = true;
        const std::string source = block_source(b);
        std::vector<std::string> markers;
        if (const auto number = layout::paragraph_number(source)) {
            Paragraph p;
            p.kind = ParagraphKind::numbered;
            p.number = number->number;
            p.line = b.line;
            p.text = strip_inline(std::string_view(source).substr(number->text_begin), &markers);
            emit(std::move(p), std::move(markers));
            return;
        }
        std::string text = strip_inline(source, &markers);
        if (text.empty()) return;
        const bool list = layout::is_list_item(source);
        if (!list && m_target) {
            Paragraph& last = m_doc.paragraphs[*m_target];
            // A sentence going on in lower case continues; across a page break (or the
            // footnotes before it) so does any block after one that ended mid-sentence, and a
            // numbered paragraph takes the page's next block. Without a page between them, a
            // block after a salutation ("Heads of State and Government,") is a paragraph.
            const bool continues =
                starts_lower(text) || (m_page_material && (!layout::ends_sentence(last.text) ||
                                                           last.kind == ParagraphKind::numbered));
            if (continues && last.kind != ParagraphKind::table) {
                layout::append_line(last.text, text);
                auto& into = m_markers[*m_target];
                into.insert(into.end(), markers.begin(), markers.end());
                m_page_material = false;
                return;
            }
        }
        Paragraph p;
        p.kind = list ? ParagraphKind::list_item : ParagraphKind::unnumbered;
        p.line = b.line;
        p.text = std::move(text);
        emit(std::move(p), std::move(markers));
    }

    static bool starts_lower(std::string_view text) { return layout::starts_lower(text); }

    std::vector<Block> m_blocks;
    Document& m_doc;
    layout::HeadingPath m_path;
    std::vector<std::vector<std::string>> m_markers;  ///< footnote markers of each paragraph
    std::vector<layout::PendingFootnote> m_footnotes;
    std::optional<std::size_t> m_target;  ///< paragraph a continuation would join
    bool m_page_material = false;         ///< footnotes or a page break since m_target
    bool m_numbered_headings = false;     ///< the document numbers its headings (I., A.)
    char m_last_letter = 0;               ///< last "A."-style heading letter
};

}  // namespace

Document parse_markdown(std::string_view text, const std::string& source) {
    Document doc;
    doc.source = source;
    doc.format = "markdown";
    const std::string normal = normalise_newlines(text);
    const auto lines = split_lines(normal);
    MarkdownBuilder builder(split_blocks(lines), doc);
    builder.run();
    return doc;
}

}  // namespace plenary
