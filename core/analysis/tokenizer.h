// The one tokenizer: the words of a text as the index holds them. The indexer feeds
// prepare_terms(text) to Xapian::TermGenerator; this follows TermGenerator's word rules over the
// same prepared text and gives each word's place in the text as written, so the highlighter,
// the query parser and the gazetteer cut words exactly where the index does.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

/// A word in a text: byte offsets [begin, end).
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A word of a text and the term the indexer makes of it.
struct Word {
    WordSpan span;     ///< where the word is written, in bytes of the text given
    std::string term;  ///< as TermGenerator indexes it, before stemming and prefixes
};

/// What to do with a character between two word characters that TermGenerator keeps inside a
/// word: an apostrophe or "&" ("d'ivoire", "at&t"), "," "." ";" between digits ("1,000.5"),
/// a zero-width joiner or space (dropped).
enum class Infixes {
    join,  ///< one word, as TermGenerator indexes it
    /// A word on each side ("d", "ivoire"), so a name is found after an elided article
    /// ("l'Afghanistan"); "_" cuts too, "+" is no suffix. A possessive and a glued footnote
    /// mark stay as written ("people", "s"; "malta1"). The gazetteer's words: it matches names
    /// word by word, and a name with a footnote mark glued to it is not read as the name.
    split,
};

/// TermGenerator leaves out words longer than this many bytes (its max_word_length); they are
/// words here all the same, as they are words in the text.
constexpr std::size_t kMaxTermBytes = 64;

/// The words of text in order, as Xapian::TermGenerator indexes prepare_terms(text) (analyzer.h):
/// runs of letters, digits, marks and connectors ("_") with infixes joined, a "+" or "#" suffix
/// kept ("c++"); a possessive "'s" left out ("Council's" is "council"), a glued footnote mark a
/// word of its own ("Ecuador4": "ecuador", "4"), superscript digits no word; Chinese words as ICU
/// cuts a run of Han ideographs. Each term is what TermGenerator writes at the word's position.
std::vector<Word> words_of(std::string_view text, Infixes infixes = Infixes::join);

/// Calls emit(span, term) for each word of words_of(text, infixes) in order, without building
/// the vector: term is valid during the call only. For passes over every paragraph.
void for_each_word(std::string_view text, Infixes infixes,
                   const std::function<void(WordSpan, std::string_view)>& emit);

/// Only the spans of words_of(text).
std::vector<WordSpan> word_spans(std::string_view text);

/// True if TermGenerator, with STEM_SOME, adds a stemmed form ("Z" + stem) of a term: one that
/// starts with a letter ("2030" and "1,000" are indexed as they are).
bool is_stemmed_term(std::string_view term);

}  // namespace plenary
