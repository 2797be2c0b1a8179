// Snippets: the part of a paragraph worth showing, with the words that matched marked.
//
// Matching is done on the words as written: the stored text is cut into words by the
// indexer's tokenizer (analysis/tokenizer.h), each word's term compared with the query's terms
// and with the stem of the word, so "migrants" is marked for a query on "migrant" and a quoted
// phrase is marked as one span.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/tokenizer.h"

namespace plenary {

struct ParsedQuery;

/// A highlighted range in a snippet, in code points (not bytes) from its start.
struct Highlight {
    std::size_t start = 0;
    std::size_t end = 0;
    bool operator==(const Highlight&) const = default;
};

/// Text to show, with the ranges to mark.
struct Snippet {
    std::string text;                   ///< UTF-8; fragments of a long paragraph joined by " … "
    std::vector<Highlight> highlights;  ///< sorted, not overlapping, code-point offsets
};

/// How to cut snippets.
struct SnippetOptions {
    std::size_t length = 240;       ///< code points per fragment, at most (about)
    std::size_t max_fragments = 3;  ///< fragments of a long paragraph, when each adds a new match
};

/// Makes snippets for one query; reusable across hits, not thread-safe (holds a stemmer).
class Highlighter {
  public:
    explicit Highlighter(const ParsedQuery& query, SnippetOptions options = {});

    /// The marked ranges of the whole text, in code points; lang (ISO 639-1) is the text's,
    /// for stemming its words, empty for the query's first language.
    std::vector<Highlight> highlight(std::string_view text, const std::string& lang = "") const;
    /// A snippet of text: the best window(s) around matches; the start of text when none match.
    Snippet snippet(std::string_view text, const std::string& lang = "") const;
    /// The whole text with its highlights (for --show).
    Snippet whole(std::string_view text, const std::string& lang = "") const;

  private:
    const ParsedQuery& m_query;
    SnippetOptions m_options;
};

/// Plain text; with color, highlights in bold yellow (ANSI escapes) for a terminal.
std::string render_terminal(const Snippet& snippet, bool color);
/// HTML-escaped text with each highlight wrapped in <mark>...</mark>.
std::string render_html(const Snippet& snippet);

}  // namespace plenary
