// Hard-wrapped prose: text whose lines were cut at a fixed width, as the General Debate
// verbatim records of 1995 to 2010 are (about 55 characters a line, a paragraph ending wherever
// a short line ends a sentence, blank lines only at page breaks).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plenary::wrapped {

/// A source line as read, indentation kept; blank lines and page breaks are empty lines.
struct SourceLine {
    std::string_view text;
    int number = 0;  ///< 1-based line in the source
};

/// A paragraph put together from hard-wrapped lines.
struct WrappedParagraph {
    std::string text;
    int line = 0;  ///< source line of its first line
};

/// Width of text set in Times (the UN's typeface), in thousandths of an em: a line's width says
/// better than its length in characters whether the next word would have fitted on it.
int text_width(std::string_view text);

/// True for lines that only a page carries in these records: "12", "05-51226 11",
/// "21 10-54959" (page number and job number, either way round).
bool is_furniture(std::string_view line);

/// The column width (text_width) of lines that read as hard-wrapped prose: most lines fill one
/// narrow column, without column gaps, and blank lines are too rare to be what separates
/// paragraphs. 0 when they do not read so.
int wrap_column(const std::vector<SourceLine>& lines);

/// True when lines read as hard-wrapped prose (wrap_column is not 0).
bool is_hard_wrapped(const std::vector<SourceLine>& lines);

/// The paragraphs of hard-wrapped lines set in column (their wrap_column). A paragraph ends
/// after a line that ends a sentence and leaves room in the column for the next line's first
/// word; or before
/// a line indented deeper than the file's lines usually are. Blank lines and page furniture
/// do not end one; line-end hyphenation is undone with the file's own vocabulary.
std::vector<WrappedParagraph> paragraphs(const std::vector<SourceLine>& lines, int column);

}  // namespace plenary::wrapped
