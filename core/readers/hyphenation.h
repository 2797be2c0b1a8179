// Line-end hyphenation in hard-wrapped text, undone the way a reader would, with the
// document's own vocabulary as the judge.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plenary {

/// How often one document writes each word, hyphenated compounds kept whole, so that a word cut
/// at a line end ("inter-" / "national", "peace-" / "keeping") is put back together the way the
/// document itself spells it. Verbatim records break lines at the hyphens of compounds far more
/// often than inside words, so a cut word keeps its hyphen unless the document writes it joined.
class HyphenVocabulary {
  public:
    /// Counts the words of the document's lines.
    explicit HyphenVocabulary(const std::vector<std::string_view>& lines);

    /// Appends line to text as the next line of one paragraph, with a space between, except
    /// after a word cut by a hyphen at the line end: joined without the hyphen when the document
    /// writes the joined word more often than the hyphenated one ("inter-" "national" ->
    /// "international"); else with the hyphen and no space ("Secretary-General", "self-serving",
    /// "1990-1995");
    /// a capitalised second half always keeps the hyphen, and a suspended hyphen before "and" or
    /// "or" keeps its space ("economic- and social").
    void append(std::string& text, std::string_view line) const;

    /// Times the document writes word (ASCII letters lower-cased, "a-b" for a compound).
    int count(std::string_view word) const;

  private:
    /// True if head and tail, cut at a line-end hyphen, make one word without the hyphen: the
    /// document writes it joined more often than hyphenated.
    bool joins(std::string_view head, std::string_view tail) const;

    std::unordered_map<std::string, int> m_counts;  ///< lower-cased word -> occurrences
};

}  // namespace plenary
