// The tokenizer against Xapian's TermGenerator as the indexer runs it (Analyzer): the same
// words, in the same order, on real text of the six languages and on hand-written cases.
#include "analysis/tokenizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "analysis/analyzer.h"
#include "base/text_util.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(PLENARY_SHARED_DIR) / "corpus-real";

// The positional terms the indexer writes for text, in position order.
std::vector<std::string> indexed_terms(std::string_view text, const std::string& lang) {
    Xapian::Document doc;
    Analyzer analyzer(lang);
    analyzer.start(doc);
    analyzer.index_text(text);
    std::map<Xapian::termpos, std::string> by_position;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_position[*p] = *t;
    std::vector<std::string> out;
    for (const auto& [pos, term] : by_position) out.push_back(term);
    return out;
}

// The tokenizer's terms, without those TermGenerator leaves out for their length.
std::vector<std::string> tokenized_terms(std::string_view text) {
    std::vector<std::string> out;
    for (Word& w : words_of(text))
        if (w.term.size() <= kMaxTermBytes) out.push_back(std::move(w.term));
    return out;
}

std::vector<std::string> spelled(std::string_view text, Infixes infixes = Infixes::join) {
    std::vector<std::string> out;
    for (const Word& w : words_of(text, infixes))
        out.emplace_back(text.substr(w.span.begin, w.span.end - w.span.begin));
    return out;
}

std::vector<std::string> terms(std::string_view text, Infixes infixes = Infixes::join) {
    std::vector<std::string> out;
    for (Word& w : words_of(text, infixes)) out.push_back(std::move(w.term));
    return out;
}

// Spans in order, inside the text, each holding something.
void expect_well_formed(std::string_view text, const std::string& where) {
    std::size_t last = 0;
    for (const Word& w : words_of(text)) {
        ASSERT_LT(w.span.begin, w.span.end) << where;
        ASSERT_LE(w.span.end, text.size()) << where;
        ASSERT_LE(last, w.span.begin) << where;
        last = w.span.begin;
    }
}

TEST(TokenizerTest, SameWordsAsTermGeneratorOnTheCharterAndTheUdhrInSixLanguages) {
    if (!fs::exists(kCorpus)) GTEST_SKIP() << "no " << kCorpus << " (the shared corpus is absent)";
    const std::pair<const char*, const char*> files[] = {
        {"un-charter/raw/raw_un_charter_en.txt", "en"},
        {"un-charter/raw/raw_un_charter_fr.txt", "fr"},
        {"un-charter/raw/raw_un_charter_es.txt", "es"},
        {"un-charter/raw/raw_un_charter_ru.txt", "ru"},
        {"un-charter/raw/raw_un_charter_ar.txt", "ar"},
        {"un-charter/raw/raw_un_charter_zh.txt", "zh"},
        {"udhr/txt/udhr_eng.txt", "en"},
        {"udhr/txt/udhr_fra.txt", "fr"},
        {"udhr/txt/udhr_spa.txt", "es"},
        {"udhr/txt/udhr_rus.txt", "ru"},
        {"udhr/txt/udhr_arb.txt", "ar"},
        {"udhr/txt/udhr_cmn_hans.txt", "zh"},
    };
    for (const auto& [name, lang] : files) {
        const fs::path path = kCorpus / name;
        ASSERT_TRUE(fs::exists(path)) << path;
        std::ifstream in(path);
        std::string line;
        std::size_t lines = 0, words = 0;
        while (std::getline(in, line)) {
            const std::vector<std::string> indexed = indexed_terms(line, lang);
            ASSERT_EQ(tokenized_terms(line), indexed) << path << ": " << line;
            expect_well_formed(line, path.string());
            words += indexed.size();
            ++lines;
        }
        EXPECT_GT(lines, 20U) << path;
        EXPECT_GT(words, 1000U) << path;  // the file was read, not an empty stand-in
    }
}

TEST(TokenizerTest, SameWordsAsTermGeneratorOnHandWrittenCases) {
    const char* texts[] = {
        "Côte d’Ivoire, l’homme; the States’ and the Council’s agenda, it's the 1990’s, O'Neill",
        "Secretary-General, non-self-governing, co-operation — 2015–2030",
        "1,000.5 dollars, 73/195, A/RES/73/195, 3.5%, 12;30, G77, H1N1, COVID19, Ecuador4, "
        "Treaty¹²",
        "AT&T, C++ and C#, fish+chips, a++++, snake_case, U.N., U.S.A. and e.g.",
        "偷运移民问题，联合国大会第73/195号决议；中华人民共和国",
        "الْجَمْعِيَّةُ العامة والنيجر إلى ٱلقرار مصر",
        "Генеральная Ассамблея Организации Объединённых Наций; Кот-д’Ивуар",
        "zero\u200Bwidth\u200Djoin, ﬁnance, Straße, ½ and ①, Ⅻ, x²",
        "",
        "   ...   ",
    };
    for (const char* text : texts) {
        EXPECT_EQ(tokenized_terms(text), indexed_terms(text, "en")) << text;
        expect_well_formed(text, text);
    }
}

TEST(TokenizerTest, SpansAreTheWordsAsWritten) {
    EXPECT_EQ(spelled("Côte d’Ivoire, 73/195; 偷运"),
              (std::vector<std::string>{"Côte", "d’Ivoire", "73", "195", "偷", "运"}));
    EXPECT_EQ(terms("Côte d’Ivoire, 73/195"),
              (std::vector<std::string>{"cote", "d'ivoire", "73", "195"}));
    // A possessive is left out, a glued footnote mark is a word, a superscript is none.
    EXPECT_EQ(spelled("the Council’s agenda, Ecuador4 and Treaty¹ G77"),
              (std::vector<std::string>{"the", "Council", "agenda", "Ecuador", "4", "and", "Treaty",
                                        "G77"}));
    // Infixes and suffixes as TermGenerator keeps them.
    EXPECT_EQ(spelled("1,000.5 AT&T C++ fish+chips"),
              (std::vector<std::string>{"1,000.5", "AT&T", "C++", "fish", "chips"}));
    EXPECT_EQ(terms("1,000.5 AT&T C++ fish+chips"),
              (std::vector<std::string>{"1,000.5", "at&t", "c++", "fish", "chips"}));
    // Hyphens and slashes cut words.
    EXPECT_EQ(terms("Secretary-General A/RES/73"),
              (std::vector<std::string>{"secretary", "general", "a", "res", "73"}));
    // Arabic: harakat dropped, ta marbuta and alef wasla unified, the span keeps them.
    EXPECT_EQ(terms("الْجَمْعِيَّةُ ٱلقرار"), (std::vector<std::string>{"الجمعيه", "القرار"}));
    EXPECT_EQ(spelled("الْجَمْعِيَّةُ ٱلقرار"), (std::vector<std::string>{"الْجَمْعِيَّةُ", "ٱلقرار"}));
    // Chinese: ICU's words, as the indexer cuts them.
    const std::string run = "偷运移民问题中华人民共和国";
    std::vector<std::string> han;
    std::size_t at = 0;
    for (const std::size_t len : han_word_lengths(run)) {
        std::size_t stop = at;
        for (std::size_t k = 0; k < len; ++k) next_code_point(run, stop);
        han.push_back(run.substr(at, stop - at));
        at = stop;
    }
    EXPECT_GT(han.size(), 2U);
    EXPECT_EQ(spelled("“" + run + "”，"), han);
    EXPECT_EQ(terms(run), han);
}

TEST(TokenizerTest, SplitInfixesCutsAtApostrophesAndNumberSeparators) {
    EXPECT_EQ(spelled("l'Afghanistan, Côte d’Ivoire, 1,000 AT&T C++", Infixes::split),
              (std::vector<std::string>{"l", "Afghanistan", "Côte", "d", "Ivoire", "1", "000", "AT",
                                        "T", "C"}));
    EXPECT_EQ(terms("l’Inde", Infixes::split), (std::vector<std::string>{"l", "inde"}));
    // A possessive and a glued mark stay as written, "_" cuts, a superscript is no word.
    EXPECT_EQ(terms("the People's Republic, snake_case, Malta1, Treaty¹", Infixes::split),
              (std::vector<std::string>{"the", "people", "s", "republic", "snake", "case", "malta1",
                                        "treaty"}));
    EXPECT_EQ(spelled("People’s Malta12", Infixes::split),
              (std::vector<std::string>{"People", "s", "Malta12"}));
}

// for_each_word is words_of without the vector: the same spans and terms, also when its
// caller tokenises another text from inside (each call keeps its own buffers) and after a text
// larger than the buffers it keeps.
TEST(TokenizerTest, ForEachWordGivesTheWordsOfWordsOf) {
    const std::string text =
        "L'Assemblée générale, Côte d’Ivoire¹ and Malta1: 1,000 C++ «الجمعيةُ» 联合国大会";
    for (const Infixes infixes : {Infixes::join, Infixes::split}) {
        std::vector<Word> seen;
        std::size_t inner = 0;
        for_each_word(text, infixes, [&](WordSpan span, std::string_view term) {
            inner += words_of("an inner text", infixes).size();
            seen.push_back({span, std::string(term)});
        });
        const std::vector<Word> want = words_of(text, infixes);
        ASSERT_EQ(seen.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            EXPECT_EQ(seen[i].term, want[i].term);
            EXPECT_EQ(seen[i].span.begin, want[i].span.begin);
            EXPECT_EQ(seen[i].span.end, want[i].span.end);
        }
        EXPECT_EQ(inner, 3 * want.size());
    }
    std::string huge;
    while (huge.size() < (std::size_t{3} << 20)) huge += "Resolution 73/195 of ";
    EXPECT_EQ(words_of(huge).size(), 4 * (huge.size() / 21));
    EXPECT_EQ(spelled("after a huge text, Côte d’Ivoire"),
              (std::vector<std::string>{"after", "a", "huge", "text", "Côte", "d’Ivoire"}));
}

TEST(TokenizerTest, StemmedTermsStartWithALetter) {
    EXPECT_TRUE(is_stemmed_term("migrants"));
    EXPECT_TRUE(is_stemmed_term("القرار"));
    EXPECT_TRUE(is_stemmed_term("偷运"));
    EXPECT_FALSE(is_stemmed_term("2030"));
    EXPECT_FALSE(is_stemmed_term("1,000"));
    EXPECT_FALSE(is_stemmed_term("_x"));
    EXPECT_FALSE(is_stemmed_term(""));
}

}  // namespace
}  // namespace plenary
