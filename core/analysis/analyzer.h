// Text analysis: how paragraph text and query text become Xapian terms.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace plenary {

/// The Snowball stemmer for an ISO 639-1 language, or a no-op stemmer where Xapian has none.
Xapian::Stem stemmer_for(const std::string& lang);

/// The languages Plenary analyses, ISO 639-1: the six official ones (Chinese by ICU's words,
/// the others by Snowball) and German, which Xapian also stems.
const std::vector<std::string>& analysed_languages();

/// Name of the analyzer used for a language ("text_en", "text_zh", ...): the schema's "text"
/// analyzer means text_<lang> for a document in lang (text_en when the language is unknown).
std::string analyzer_name(const std::string& lang);

/// True for the code points fold() makes an ASCII apostrophe (' ’ ‘ ‛ ʼ ′ ´ `).
bool is_apostrophe(char32_t cp);

/// True for superscript digits (¹ ² ³ ⁰ ⁴-⁹): footnote marks, never part of a word.
bool is_superscript_digit(char32_t cp);

/// True if cps[i] is the apostrophe of a possessive "'s" / "’s" that ends a word ("Council’s"):
/// a letter or digit before it, "s" or "S" after it, and no letter or digit after that. The
/// word is indexed, queried and highlighted without it, so "Security Council’s" holds the
/// phrase "Security Council".
bool is_possessive_at(std::u32string_view cps, std::size_t i);

/// True if cps[i] starts a footnote mark glued to a word: one to three ASCII digits that end
/// the word right after three letters or more ("Ecuador4", "Council12,"). The digits become a
/// word of their own, so the word before them is found; "G77", "H1N1" and "2030" stay whole.
bool is_glued_mark_at(std::u32string_view cps, std::size_t i);

/// What split_word_endings() does at a code point of a text.
enum class WordEnding {
    none,         ///< the code point is kept
    superscript,  ///< a superscript digit, made a space
    possessive,   ///< the apostrophe of a possessive "'s": it and the "s" are dropped
    glued_mark,   ///< the first digit of a glued footnote mark: "-" goes before it
};

/// What split_word_endings() does at cps[i] (the tokenizer follows it code point by code point).
WordEnding word_ending_at(std::u32string_view cps, std::size_t i);

/// The word endings above made plain, on text as written: a possessive "'s" dropped, a glued
/// footnote mark set apart by "-" (a separator for the indexer, a phrase for the query
/// parser), superscript digits made spaces. fold_terms() does this first.
std::string split_word_endings(std::string_view text);

/// split_word_endings(), fold(), then the Arabic letters that spell one sound several ways made one
/// (alef wasla
/// -> alef, alef maqsura -> yeh, ta marbuta -> heh); hamza forms of alef, harakat and tatweel
/// are already gone in fold(). Index and queries both use it, so "القرار" with or without
/// diacritics is one term.
std::string fold_terms(std::string_view text);

/// The Arabic step of fold_terms() on folded text, in place: each letter changed is two bytes
/// and becomes two bytes, so byte offsets stay.
void unify_arabic_letters(std::string& folded);

/// True for the code points segmented into Chinese words (Han ideographs).
bool is_han(char32_t cp);

/// Splits a run of Han ideographs into words with ICU's dictionary-based word break iterator
/// (locale zh); returns each word's length in code points (they add up to the run's).
std::vector<std::size_t> han_word_lengths(std::string_view han_run);

/// Puts spaces between the words of each run of Han ideographs (and around the run), so that
/// Xapian sees Chinese words as it sees space-separated words: terms with positions, phrases.
std::string segment_cjk(std::string_view text);

/// What the indexer and the query parser feed to Xapian: segment_cjk(fold_terms(text)).
/// The tokenizer (analysis/tokenizer.h) cuts words from it as TermGenerator does.
std::string prepare_terms(std::string_view text);

/// Indexes free text with positions (and stemmed forms, STEM_SOME) into a document.
/// One Analyzer per thread: it holds a TermGenerator, which is not thread-safe.
class Analyzer {
  public:
    explicit Analyzer(const std::string& lang);
    /// Starts a new document: later calls index into doc, positions from 0.
    void start(Xapian::Document& doc);
    /// Indexes text into the current document under prefix, continuing the positions; folds case
    /// and diacritics.
    void index_text(std::string_view text, const std::string& prefix = "");
    /// Indexes text without positions (titles, headings).
    void index_words(std::string_view text, const std::string& prefix);
    /// Leaves a gap in positions so phrases do not match across two texts.
    void gap();

  private:
    Xapian::TermGenerator m_generator;
};

}  // namespace plenary
