// plenary-search's promises on real documents: the seed report (corpus/) and a slice of
// ../shared/corpus-real, indexed with the real indexing run into temporary databases.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "integration/test_support.h"
#include "search/search.h"
#include "base/text_util.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

/// A fresh database of `paths`, named after this suite and `name`.
std::string build(const std::string& name, const std::vector<std::string>& paths) {
    return test::build_db("plenary-search-corpus", name, paths);
}

std::vector<std::string> numbers(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.paragraph);
    return out;
}

class SeedSearch : public ::testing::Test {
protected:
    static void SetUpTestSuite() { db = new std::string(build("seed", {PLENARY_SOURCE_DIR "/corpus"})); }
    static void TearDownTestSuite() {
        fs::remove_all(*db);
        delete db;
    }
    static std::string* db;
    SearchResult search(const std::string& q, std::size_t limit = 100) {
        Searcher s({*db});
        SearchRequest req;
        req.query = q;
        req.limit = limit;
        req.facets = {"country"};  // exact totals
        return s.search(req);
    }
};
std::string* SeedSearch::db = nullptr;

TEST_F(SeedSearch, ResolutionFieldFindsExactlyParagraph15) {
    const auto r = search("resolution:A/RES/73/195");
    EXPECT_EQ(numbers(r), std::vector<std::string>({"15"}));
    EXPECT_TRUE(r.total_exact);
}

TEST_F(SeedSearch, SecurityCouncilCitationTypedAsTextFindsParagraph20) {
    EXPECT_EQ(numbers(search("resolution 2482 (2019)")), std::vector<std::string>({"20"}));
}

TEST_F(SeedSearch, PhraseFindsParagraph19FirstAndMarksItAsOneSpan) {
    const auto r = search("\"drafting of two reports of the Secretary-General\"");
    ASSERT_FALSE(r.hits.empty());
    EXPECT_EQ(r.hits.front().paragraph, "19");
    const Snippet& s = r.hits.front().snippet;
    ASSERT_EQ(s.highlights.size(), 1u);
    // Offsets are code points: cut the snippet by code points and compare the phrase.
    std::u32string cps;
    for (std::size_t i = 0; i < s.text.size();) cps.push_back(next_code_point(s.text, i));
    std::string marked;
    for (std::size_t i = s.highlights[0].start; i < s.highlights[0].end; ++i) append_utf8(marked, cps[i]);
    EXPECT_EQ(marked, "drafting of two reports of the Secretary-General");
}

TEST_F(SeedSearch, CountryNigeriaIsParagraph38AloneAndNigerIsSeven) {
    EXPECT_EQ(numbers(search("country:NGA")), std::vector<std::string>({"38"}));
    auto ner = numbers(search("country:NER"));
    std::sort(ner.begin(), ner.end(), [](const std::string& a, const std::string& b) { return std::stoi(a) < std::stoi(b); });
    EXPECT_EQ(ner, std::vector<std::string>({"38", "63", "64", "69", "70", "73", "76"}));
    // Any name form of the country, in any case, with or without the article.
    EXPECT_EQ(search("country:\"the Niger\"").total, 7u);
    EXPECT_EQ(search("country:niger").total, 7u);
}

TEST(CorpusFacets, EachFacetCountEqualsTheTotalWithThatFilter) {
    const fs::path real = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
    if (!fs::exists(real)) GTEST_SKIP() << "corpus-real not found at " << real;
    const std::string db = build("real", {(real / "unpc-v1-tei-sample").string(),
                                          (real / "ungdc/TXT/Session 70 - 2015").string(),
                                          (real / "upr-slovenia/cycle3/extracted").string()});
    Searcher s({db});
    const std::vector<std::string> queries = {"nuclear disarmament", "\"human rights\"",
                                              "resolution 2231 (2015)", "refugees OR migrants",
                                              "country:SVN", "terrorism year:2014..2015"};
    int checked = 0;
    for (const auto& q : queries) {
        SearchRequest req;
        req.query = q;
        req.limit = 1;
        req.facets = {"all"};
        req.facet_limit = 3;
        const SearchResult all = s.search(req);
        ASSERT_TRUE(all.total_exact) << q;
        ASSERT_GT(all.total, 0u) << q;
        for (const Facet& f : all.facets) {
            for (const FacetValue& v : f.values) {
                SearchRequest narrowed = req;
                narrowed.facets = {f.name};
                narrowed.filters = {f.name + ":\"" + v.value + "\""};
                const SearchResult n = s.search(narrowed);
                EXPECT_EQ(n.total, v.count) << q << " with " << f.name << ":" << v.value;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 50);
    fs::remove_all(db);
}

}  // namespace
}  // namespace plenary
