// charter: on real documents: the Charter's own Articles in its six languages, and the General
// Debate speeches that invoke them; a count is the number of paragraphs whose --dump lists the
// reference, whatever the language.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "integration/test_support.h"
#include "readers/reader.h"
#include "refs/references.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kReal = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
const std::vector<std::string> kLangs{"ar", "en", "es", "fr", "ru", "zh"};

/// The Charter in six languages and the speeches of three sessions.
std::vector<std::string> inputs() {
    std::vector<std::string> paths;
    for (const auto& l : kLangs)
        paths.push_back((kReal / "un-charter" / "raw" / ("raw_un_charter_" + l + ".txt")).string());
    for (const char* session : {"Session 10 - 1955", "Session 45 - 1990", "Session 70 - 2015"})
        paths.push_back((kReal / "ungdc" / "TXT" / session).string());
    return paths;
}

class CharterRefsOnRealDocuments : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kReal)) return;
        db = new std::string(test::build_db("plenary-charter", "", inputs()));
    }
    static void TearDownTestSuite() {
        if (db) fs::remove_all(*db);
        delete db;
        db = nullptr;
    }
    void SetUp() override {
        if (!db) GTEST_SKIP() << "corpus-real not found at " << kReal;
    }
    static SearchResult search(const std::string& q, std::vector<std::string> facets = {},
                               std::vector<std::string> filters = {}) {
        Searcher s({*db});
        SearchRequest req;
        req.query = q;
        req.filters = std::move(filters);
        req.limit = 1000;
        req.facets = std::move(facets);
        return s.search(req);
    }
    static std::string* db;
};
std::string* CharterRefsOnRealDocuments::db = nullptr;

TEST_F(CharterRefsOnRealDocuments, ArticleFiftyOneIsFoundInEveryLanguageOfTheCharter) {
    for (const auto& lang : kLangs) {
        const SearchResult r = search("charter:art51 lang:" + lang);
        ASSERT_GE(r.total, 1u) << lang;
        bool charter_text = false;
        for (const auto& h : r.hits)
            charter_text = charter_text ||
                           h.document.source.find("raw_un_charter_" + lang) != std::string::npos;
        EXPECT_TRUE(charter_text) << lang << ": the Charter's own Article 51";
    }
}

TEST_F(CharterRefsOnRealDocuments, CountsEqualTheParagraphsWhoseDumpListsThem) {
    // Every file read as plenary-index reads it: the paragraphs citing each reference.
    std::map<std::string, std::size_t> expected;
    for (const auto& input : inputs()) {
        std::vector<fs::path> files;
        if (fs::is_directory(input)) {
            for (const auto& e : fs::recursive_directory_iterator(input))
                if (e.is_regular_file()) files.push_back(e.path());
        } else {
            files.push_back(input);
        }
        for (const auto& f : files) {
            Document doc = read_document(f.string());
            extract_references(doc);
            for (const auto& p : doc.paragraphs)
                for (const auto& c : p.refs.charter) ++expected[c];
        }
    }
    ASSERT_GE(expected["art51"], 7u);  // the Charter's Article 51 in six languages, and speeches
    ASSERT_GE(expected["ch7"], 10u);
    const SearchResult all =
        search("", {"charter"}, {"lang:ar OR lang:en OR lang:es OR lang:fr OR lang:ru OR lang:zh"});
    ASSERT_EQ(all.facets.size(), 1u);
    std::size_t checked = 0;
    for (const auto& entry : expected) {
        const std::string& id = entry.first;
        EXPECT_EQ(search("charter:" + id).total, entry.second) << id;
        const auto& values = all.facets[0].values;
        const auto v = std::find_if(values.begin(), values.end(),
                                    [&id](const FacetValue& fv) { return fv.value == id; });
        if (v != values.end()) {
            EXPECT_EQ(v->count, entry.second) << id;
        }
        ++checked;
    }
    EXPECT_GE(checked, 50u);
}

TEST_F(CharterRefsOnRealDocuments, SpeechesInvokeArticleFiftyOneAndChapterSeven) {
    // The Charter's own Article 51 and the speeches that invoke the right it recognises.
    const SearchResult r = search("charter:art51 self-defence");
    std::size_t speeches = 0, charter = 0;
    for (const auto& h : r.hits) {
        speeches += h.document.source.find("/ungdc/") != std::string::npos;
        charter += h.document.source.find("raw_un_charter_en") != std::string::npos;
    }
    EXPECT_GE(speeches, 1u);
    EXPECT_EQ(charter, 1u);
    const SearchResult ch7 = search("charter:ch7 sanctions");
    EXPECT_GE(ch7.total, 1u);
}

}  // namespace
}  // namespace plenary
