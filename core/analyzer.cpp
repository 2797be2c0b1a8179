#include "analyzer.h"

#include "text_util.h"

namespace plenary {

Xapian::Stem stemmer_for(const std::string& lang) {
    if (lang == "en") return Xapian::Stem("english");
    if (lang == "fr") return Xapian::Stem("french");
    if (lang == "es") return Xapian::Stem("spanish");
    if (lang == "ru") return Xapian::Stem("russian");
    if (lang == "ar") return Xapian::Stem("arabic");
    if (lang == "de") return Xapian::Stem("german");
    return Xapian::Stem();
}

std::string analyzer_name(const std::string& lang) { return "text_" + (lang.empty() ? "en" : lang); }

Analyzer::Analyzer(const std::string& lang) {
    m_generator.set_stemmer(stemmer_for(lang.empty() ? "en" : lang));
    m_generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    if (lang == "zh" || lang == "ja" || lang == "ko")
        m_generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

void Analyzer::start(Xapian::Document& doc) { m_generator.set_document(doc); }

void Analyzer::index_text(std::string_view text, const std::string& prefix) {
    m_generator.index_text(fold(text), 1, prefix);
}

void Analyzer::index_words(std::string_view text, const std::string& prefix) {
    m_generator.index_text_without_positions(fold(text), 1, prefix);
}

void Analyzer::gap() { m_generator.increase_termpos(100); }

}  // namespace plenary
