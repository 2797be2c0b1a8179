// Layout: the document structure shared by the Markdown and plain-text readers: mastheads,
// numbered paragraphs, heading paths, footnotes, page furniture and page-break rejoining.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace plenary::layout {

/// How a heading is numbered; decides its depth when the source's own levels are unreliable.
enum class NumberStyle { none, annex, roman, upper_letter, arabic, lower_letter };

/// The numbering in front of a heading ("II.", "A.", "1.", "(a)") and the text after it.
struct HeadingNumber {
    NumberStyle style = NumberStyle::none;
    std::string number;     ///< "II", "A", "1", "a"; empty when unnumbered
    std::string_view rest;  ///< the heading text after the numbering
};

/// Reads the numbering of a heading. previous_letter is the last upper-case letter heading seen
/// (0 if none), so "I." after "H." reads as a letter rather than a Roman one.
HeadingNumber heading_number(std::string_view text, char previous_letter = 0);

/// Depth of a numbered style: annex 0, Roman 1, A. 2, 1. 3, (a) 4; unnumbered returns 5.
int style_rank(NumberStyle style);

/// The heading path: headings pushed with their depth, deeper ones dropped by a shallower one.
class HeadingPath {
  public:
    /// Adds a heading at depth level, dropping every heading at that depth or deeper.
    void push(int level, std::string text);
    /// The current path, outermost first.
    const std::vector<std::string>& path() const { return m_texts; }

  private:
    std::vector<int> m_levels;         ///< depth of each heading in m_texts
    std::vector<std::string> m_texts;  ///< heading texts, outermost first
};

/// A numbered paragraph's number ("19. text" -> "19") and where its text begins; nullopt when
/// the line does not start like one. Accepts "19.", "19.\t", and sub-numbers "4.1." are refused.
/// A list of numbers ("5., 6., 7.   text", a reply to several recommendations at once) reads as
/// one paragraph with the first number; last holds the list's last number ("7").
struct ParagraphNumber {
    std::string number;
    std::size_t text_begin = 0;
    std::string last;  ///< the last number of a list; equal to number for a single one
};
std::optional<ParagraphNumber> paragraph_number(std::string_view line);

/// True for a list item: "(a) ...", "(iv) ...", "a) ...", "• ...", "- ...", "– ...", "* ...".
bool is_list_item(std::string_view line);

/// True when text ends a sentence (".", "!", "?", ":", ";" possibly followed by quotes/brackets).
bool ends_sentence(std::string_view text);

/// True when text starts with a lower-case letter (after opening quotes or brackets).
bool starts_lower(std::string_view text);

/// Appends line to text as the next line of one paragraph: a space between, or, when text ends
/// "imple-" and line starts lower-case, the hyphen dropped and the halves joined.
void append_line(std::string& text, std::string_view line);

/// True for lines that are page furniture wherever they stand: bare page numbers ("12", "xiv",
/// "- 3 -", "Page 4", "31/34"), job numbers ("GE.19-14870(E)", "15-29425 31/34"), bar codes
/// ("*1914870*"), private-use glyph runs.
bool is_page_furniture(std::string_view line);

/// Key that makes running headers comparable across pages: trimmed, spaces collapsed, digits
/// dropped (page numbers differ page to page).
std::string furniture_key(std::string_view line);

/// For each page (a list of its lines), marks the lines that repeat as headers or footers:
/// a non-blank line among the first or last `zone` non-blank lines of its page whose key is found
/// in such a zone on at least min_pages pages. Returned per page, per line.
std::vector<std::vector<bool>> repeated_lines(
    const std::vector<std::vector<std::string_view>>& pages, int zone = 3, int min_pages = 3);

/// For each page, marks the running heads that the text extraction put anywhere on the page
/// (two-column reports give the head mid-page): a block of one or two lines standing alone, of
/// two words or more, whose key (furniture_key) stands so on at least one page in eight (and four
/// at least). Captions and labels ("FIGURE 6", "Table 2.1", "Source: FAO.") repeat too but open a
/// figure; they are never running heads. Returned per page, per line.
std::vector<std::vector<bool>> running_heads(
    const std::vector<std::vector<std::string_view>>& pages);

/// Metadata gathered from a masthead, piece by piece.
class Masthead {
  public:
    /// Looks at one masthead line (or column cell) and records what it recognises. Returns true
    /// if the line was recognised as masthead furniture (distribution, date, language, session,
    /// agenda item, symbol, job number, place and dates, body name, "Report of ...").
    bool feed(std::string_view line);
    /// Offers a line that was not recognised as a title candidate (in order).
    void offer_title(std::string_view line);
    /// Number of masthead facts recognised so far.
    int facts() const { return m_facts; }
    /// True once an agenda item line was seen (the block after it is the agenda title).
    bool seen_agenda() const { return !m_agenda_item.empty(); }
    /// Copies what was recognised into doc, leaving fields already set alone.
    void apply(Document& doc) const;

  private:
    // Each takes what it recognises in a line (lower: the line in lower case); true if it did.
    bool take_distribution(const std::string& line);
    bool take_original(const std::string& line, const std::string& lower);
    bool take_session(const std::string& line, const std::string& lower);
    bool take_session_or_agenda(const std::string& line, const std::string& lower);
    bool take_body_or_date(const std::string& line, const std::string& lower);
    bool take_job_or_symbol(const std::string& line);

    int m_facts = 0;                    ///< recognised lines, to tell a masthead from prose
    std::string m_symbol;               ///< own symbol, from a line that is only a symbol
    std::string m_body;                 ///< organ code from the body's name or the symbol
    std::string m_date;                 ///< ISO date
    std::string m_lang;                 ///< from "Original: English"
    std::string m_distribution;         ///< General, Limited, Restricted
    std::string m_agenda_item;          ///< "2 (b)"
    std::string m_job_number;           ///< "GE.19-14870"
    std::string m_title;                ///< report title
    int m_session = 0;                  ///< from "Tenth session"
    bool m_skip_agenda_title = false;   ///< next title candidate is the agenda item's title
    bool m_after_session = false;       ///< a session line was seen; titles come after it
    std::vector<std::string> m_titles;  ///< candidates offered before the session line
};

/// Organ code for a body's name as printed in a masthead ("General Assembly" -> "A",
/// "Conference of the Parties to the United Nations Convention against Transnational Organized
/// Crime" -> "CTOC/COP"); empty when not known.
std::string body_code(std::string_view name);

/// A footnote body waiting for the paragraph that carries its marker.
struct PendingFootnote {
    Footnote note;
    std::size_t after = 0;  ///< number of paragraphs emitted before the body was met
};

/// Attaches each footnote to the nearest paragraph before its body whose markers include it
/// (markers[i] lists paragraph i's markers), else the nearest one after; footnotes whose marker
/// stands in no paragraph (a masthead asterisk) are dropped.
void attach_footnotes(std::vector<Paragraph>& paragraphs,
                      const std::vector<std::vector<std::string>>& markers,
                      std::vector<PendingFootnote> footnotes);

}  // namespace plenary::layout
