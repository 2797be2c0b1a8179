// Text analysis: how paragraph text and query text become Xapian terms.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace plenary {

/// The Snowball stemmer for an ISO 639-1 language, or a no-op stemmer where Xapian has none.
Xapian::Stem stemmer_for(const std::string& lang);

/// Name of the analyzer used for a language ("text_en", "text_zh", ...), as the schema names it.
std::string analyzer_name(const std::string& lang);

/// Indexes free text with positions (and stemmed forms, STEM_SOME) into a document.
/// One Analyzer per thread: it holds a TermGenerator, which is not thread-safe.
class Analyzer {
public:
    explicit Analyzer(const std::string& lang);
    /// Starts a new document: later calls index into doc, positions from 0.
    void start(Xapian::Document& doc);
    /// Indexes text into the current document under prefix, continuing the positions; folds case and diacritics.
    void index_text(std::string_view text, const std::string& prefix = "");
    /// Indexes text without positions (titles, headings).
    void index_words(std::string_view text, const std::string& prefix);
    /// Leaves a gap in positions so phrases do not match across two texts.
    void gap();

private:
    Xapian::TermGenerator m_generator;
};

}  // namespace plenary
