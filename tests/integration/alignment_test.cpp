// Aligned language versions from the documents' structure (../shared/corpus-real, read in
// place): the Charter's and the UDHR's articles and paragraphs, and the UNPC dev set line by
// line, indexed with the real indexing run into a temporary database.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "analysis/language.h"
#include "base/error.h"
#include "index/index_writer.h"
#include "index/indexer.h"
#include "integration/test_support.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
const char* const kLangs[] = {"en", "fr", "es", "ru", "ar", "zh"};
const fs::path kDevset = kCorpus / "unpc-v1-devset";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class Alignment : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kCorpus)) return;
        std::vector<std::string> paths = {(kCorpus / "un-charter" / "raw").string(),
                                          (kCorpus / "udhr" / "html").string(),
                                          (kCorpus / "udhr" / "txt").string()};
        // The XML versions, not the folder's index.xml (a list of translations, not one).
        for (const char* f : {"arb", "cmn_hans", "cmn_hant", "eng", "fra", "rus", "spa"})
            paths.push_back(
                (kCorpus / "udhr" / "xml" / ("udhr_" + std::string(f) + ".xml")).string());
        for (const char* lang : kLangs)
            paths.push_back((kDevset / ("UNv1.0.devset." + std::string(lang))).string());
        IndexListener listener;
        listener.on_error = [](const std::string& e) { ADD_FAILURE() << e; };
        db = new fs::path(test::build_db("plenary-alignment", "", paths, listener));
        searcher = new Searcher(std::vector<std::string>{db->string()});
    }
    static void TearDownTestSuite() {
        delete searcher;
        searcher = nullptr;
        if (db) fs::remove_all(*db);
        delete db;
        db = nullptr;
    }
    void SetUp() override {
        if (!fs::exists(kCorpus))
            GTEST_SKIP() << "no " << kCorpus << " (the shared corpus is absent)";
    }
    // The one English paragraph the filters select.
    static std::string english(std::vector<std::string> filters) {
        SearchRequest r;
        r.filters = std::move(filters);
        r.filters.push_back("lang:en");
        r.limit = 2;
        const SearchResult res = searcher->search(r);
        EXPECT_EQ(res.hits.size(), 1u);
        return res.hits.empty() ? "" : res.hits[0].id;
    }
    static fs::path* db;
    static Searcher* searcher;
};
fs::path* Alignment::db = nullptr;
Searcher* Alignment::searcher = nullptr;

TEST_F(Alignment, CharterArticle23Paragraph1InSixLanguages) {
    const std::string id = english({"work:raw_un_charter", "anchor:art23", "para:1"});
    ASSERT_FALSE(id.empty());
    const ParagraphView en = searcher->show(id);
    EXPECT_EQ(en.headings,
              (std::vector<std::string>{"Chapter V: The Security Council", "Article 23"}));
    // Words only paragraph 1 holds: the permanent members, "Republic of China" first.
    const std::pair<const char*, const char*> rows[] = {
        {"en", "Republic of China"},    {"fr", "République de Chine"}, {"es", "República de China"},
        {"ru", "Китайская Республика"}, {"ar", "جمهورية الصين"},       {"zh", "中华民国"}};
    for (const auto& [lang, words] : rows) {
        const ParagraphView v = searcher->aligned(id, lang);
        EXPECT_EQ(v.document.lang, lang);
        EXPECT_EQ(v.anchor, "art23") << lang;
        EXPECT_EQ(v.number, "1") << lang;
        EXPECT_EQ(v.headings.size(), 2u) << lang;
        EXPECT_TRUE(contains(v.text, words)) << lang << ": " << v.text;
    }
}

TEST_F(Alignment, CharterArticle51InSixLanguages) {
    const std::string id = english({"work:raw_un_charter", "anchor:art51"});
    ASSERT_FALSE(id.empty());
    const std::pair<const char*, const char*> rows[] = {
        {"en", "self-defence"}, {"fr", "légitime défense"}, {"es", "legítima defensa"},
        {"ru", "самооборон"},   {"ar", "الدفاع"},           {"zh", "自卫"}};
    for (const auto& [lang, words] : rows) {
        const ParagraphView v = searcher->aligned(id, lang);
        EXPECT_EQ(v.anchor, "art51") << lang;
        EXPECT_EQ(v.kind, "unnumbered") << lang;  // one paragraph: no number, as printed
        EXPECT_TRUE(contains(v.text, words)) << lang << ": " << v.text;
    }
}

TEST_F(Alignment, UdhrArticle1IsTheArticleNotItsHeading) {
    SearchRequest r;
    r.filters = {"work:udhr", "lang:en", "anchor:art1"};
    r.limit = 1;
    const SearchResult en = searcher->search(r);
    ASSERT_EQ(en.hits.size(), 1u);
    const std::pair<const char*, const char*> rows[] = {
        {"en", "born free"},    {"fr", "naissent libres"},
        {"es", "nacen libres"}, {"ru", "рождаются свободными"},
        {"ar", "الكرامة"},      {"zh", "生而自由"}};
    for (const auto& [lang, words] : rows) {
        const ParagraphView v = searcher->aligned(en.hits[0].id, lang);
        EXPECT_EQ(v.anchor, "art1") << lang;
        EXPECT_NE(v.kind, "heading") << lang;
        EXPECT_EQ(article_heading_number(v.text), 0) << lang << ": " << v.text;
        EXPECT_TRUE(contains(v.text, words)) << lang << ": " << v.text;
    }
}

// The English UDHR is held in three files (XML, HTML, text), one of them standing for the
// others: Article 1 of each aligns with the article, not its heading, in every language.
TEST_F(Alignment, UdhrArticle1FromEachEnglishFile) {
    for (const char* file : {"xml/udhr_eng.xml", "html/udhr_eng.html", "txt/udhr_eng.txt"}) {
        const std::string key =
            file_key(fs::absolute(kCorpus / "udhr" / file).lexically_normal().string());
        std::string id;
        for (int i = 1; i < 200 && id.empty(); ++i) {
            try {
                const ParagraphView p = searcher->show(key + "-" + std::to_string(i));
                if (p.anchor == "art1" && p.kind != "heading") id = p.id;
            } catch (const QueryError&) {
            }
        }
        ASSERT_FALSE(id.empty()) << file << ": no paragraph of article 1";
        for (const auto& [lang, words] :
             {std::pair{"fr", "naissent libres"}, {"ru", "рождаются свободными"}}) {
            const ParagraphView v = searcher->aligned(id, lang);
            EXPECT_TRUE(contains(v.text, words)) << file << " -> " << lang << ": " << v.text;
        }
    }
}

std::vector<std::string> lines_of(const fs::path& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

TEST_F(Alignment, DevsetLinesAlignToTheSameLineInEachLanguage) {
    std::vector<std::vector<std::string>> files;
    for (const char* lang : kLangs)
        files.push_back(lines_of(kDevset / ("UNv1.0.devset." + std::string(lang))));
    ASSERT_EQ(files[0].size(), 4000u);
    std::mt19937 rng(12);
    std::uniform_int_distribution<std::size_t> pick(1, files[0].size());
    int checked = 0, aligned = 0;
    for (int k = 0; k < 200; ++k) {
        const std::size_t n = pick(rng);
        SearchRequest r;
        r.filters = {"lang:en", "anchor:line" + std::to_string(n)};
        r.limit = 1;
        const SearchResult en = searcher->search(r);
        // Every dev set line is a paragraph; one not found is a failure, not a line skipped.
        EXPECT_FALSE(en.hits.empty()) << "English line " << n << " not indexed";
        if (en.hits.empty()) continue;
        for (std::size_t l = 1; l < std::size(kLangs); ++l) {
            ++checked;
            try {
                const ParagraphView v = searcher->aligned(en.hits[0].id, kLangs[l]);
                // The line as written, spaces at its ends aside.
                const std::string& want = files[l][n - 1];
                if (v.anchor == "line" + std::to_string(n) && !v.text.empty() &&
                    contains(want, v.text))
                    ++aligned;
            } catch (const QueryError&) {
            }
        }
    }
    EXPECT_EQ(checked, 1000);
    EXPECT_GE(aligned * 100, checked * 95) << aligned << " of " << checked << " aligned";
    std::cout << "dev set: " << aligned << " of " << checked << " sampled line pairs aligned\n";
}

}  // namespace
}  // namespace plenary
