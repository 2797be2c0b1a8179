// plenary-search's promises on real documents: the demo sample (corpus/: the seed report and
// real documents of each kind) and a slice of ../shared/corpus-real, indexed with the real
// indexing run into temporary databases.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/text_util.h"
#include "index/indexer.h"
#include "integration/test_support.h"
#include "search/search.h"

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

/// corpus/ indexed whole; the seed's tests look at the seed report only (doc: filter), since
/// the other documents of the sample cite resolutions and countries too.
class SeedSearch : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        db = new std::string(build("seed", {PLENARY_SOURCE_DIR "/corpus"}));
    }
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
        req.filters = {"doc:CTOC/COP/2020/2"};
        req.facets = {"country"};  // exact totals
        return s.search(req);
    }
    /// `req` over the whole sample.
    SearchResult search_all(const SearchRequest& req) {
        Searcher s({*db});
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
    for (std::size_t i = s.highlights[0].start; i < s.highlights[0].end; ++i)
        append_utf8(marked, cps[i]);
    EXPECT_EQ(marked, "drafting of two reports of the Secretary-General");
}

TEST_F(SeedSearch, CountryNigeriaIsParagraph38AloneAndNigerIsSeven) {
    EXPECT_EQ(numbers(search("country:NGA")), std::vector<std::string>({"38"}));
    auto ner = numbers(search("country:NER"));
    std::sort(ner.begin(), ner.end(), [](const std::string& a, const std::string& b) {
        return std::stoi(a) < std::stoi(b);
    });
    EXPECT_EQ(ner, std::vector<std::string>({"38", "63", "64", "69", "70", "73", "76"}));
    // Any name form of the country, in any case, with or without the article.
    EXPECT_EQ(search("country:\"the Niger\"").total, 7u);
    EXPECT_EQ(search("country:niger").total, 7u);
}

/// The values of facet `name` in `r`.
std::map<std::string, Xapian::doccount> facet_values(const SearchResult& r,
                                                     const std::string& name) {
    std::map<std::string, Xapian::doccount> out;
    for (const Facet& f : r.facets)
        if (f.name == name)
            for (const FacetValue& v : f.values) out[v.value] = v.count;
    return out;
}

/// The file names (without folders) of the documents of `r`'s hits.
std::set<std::string> hit_files(const SearchResult& r) {
    std::set<std::string> out;
    for (const Hit& h : r.hits) out.insert(fs::path(h.document.source).filename().string());
    return out;
}

// The demo's query (scripts/setup.sh demo): the seed report cites the Niger beside trafficking,
// and so do two speeches of the General Debate of 2018 (the Niger's own, on human trafficking
// and smuggling of migrants, and Chad's, on traffickers in southern Libya and the Niger).
TEST_F(SeedSearch, DemoQueryFindsTheSeedAndSpeechesOfAnotherYear) {
    SearchRequest req;
    req.query = "trafficking country:Niger";
    req.limit = 100;
    req.facets = {"country", "year"};
    const SearchResult r = search_all(req);
    ASSERT_TRUE(r.total_exact);
    const std::set<std::string> files = hit_files(r);
    for (const char* f : {"ctoc-cop-2020-2.md", "NER_73_2018.txt", "TCD_73_2018.txt"})
        EXPECT_TRUE(files.count(f)) << f;
    const auto years = facet_values(r, "year");
    EXPECT_TRUE(years.count("2018"));
    EXPECT_TRUE(years.count("2020"));
    // Seven paragraphs of the seed (SeedSearch.CountryNigeriaIsParagraph38AloneAndNigerIsSeven)
    // do not all speak of trafficking; the speeches add to what the seed alone finds.
    EXPECT_GT(r.total, search("trafficking country:Niger").total);
}

// A sign glued to a group, phrase or field excludes (or requires) all of it, as NOT and AND
// do: the totals over the whole sample are equal, and an exclusion leaves fewer than the
// word alone.
TEST_F(SeedSearch, SignsBeforeGroupsPhrasesAndFieldsCountAsNotAndAnd) {
    auto total = [&](const std::string& q) {
        SearchRequest req;
        req.query = q;
        req.limit = 0;
        req.facets = {"year"};  // exact totals
        const SearchResult r = search_all(req);
        EXPECT_TRUE(r.total_exact) << q;
        return r.total;
    };
    const std::size_t all = total("trafficking");
    const std::pair<const char*, const char*> same[] = {
        {"trafficking -(migrants)", "trafficking NOT migrants"},
        {"trafficking -(migrants OR smuggling)", "trafficking NOT (migrants OR smuggling)"},
        {"trafficking -\"smuggling of migrants\"", "trafficking NOT \"smuggling of migrants\""},
        {"trafficking -country:NER", "trafficking NOT country:NER"},
        {"trafficking +(migrants OR smuggling)", "trafficking AND (migrants OR smuggling)"},
        {"trafficking -*migrants", "trafficking NOT migrants"},
    };
    for (const auto& [signed_query, spelled] : same) {
        const std::size_t n = total(signed_query);
        EXPECT_EQ(n, total(spelled)) << signed_query;
        EXPECT_LT(n, all) << signed_query;
        EXPECT_GT(n, 0u) << signed_query;
    }
}

TEST_F(SeedSearch, SampleHasEnglishAndFrenchAndSeveralSpeakingCountries) {
    SearchRequest req;
    req.query = "nations";  // "United Nations", "Nations Unies"
    req.limit = 0;
    req.facets = {"lang", "country"};
    req.facet_limit = 0;
    const SearchResult r = search_all(req);
    const auto langs = facet_values(r, "lang");
    EXPECT_GT(langs.count("en") ? langs.at("en") : 0, 0u);
    EXPECT_GT(langs.count("fr") ? langs.at("fr") : 0, 0u);
    // The French paragraphs are the French Charter's and only its.
    SearchRequest fr = req;
    fr.filters = {"lang:fr"};
    fr.limit = 1000;
    EXPECT_EQ(hit_files(search_all(fr)), std::set<std::string>({"raw_un_charter_fr.txt"}));
    // The speakers' countries, each named by its file (ISO3_SESSION_YEAR.txt).
    const auto countries = facet_values(r, "country");
    for (const char* c : {"NER", "TCD", "MLI", "MRT"}) EXPECT_TRUE(countries.count(c)) << c;
}

TEST(CorpusFacets, EachFacetCountEqualsTheTotalWithThatFilter) {
    const fs::path real = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
    if (!fs::exists(real)) GTEST_SKIP() << "corpus-real not found at " << real;
    const std::string db = build("real", {(real / "unpc-v1-tei-sample").string(),
                                          (real / "ungdc/TXT/Session 70 - 2015").string(),
                                          (real / "upr-slovenia/cycle3/extracted").string()});
    Searcher s({db});
    const std::vector<std::string> queries = {
        "nuclear disarmament",  "\"human rights\"", "resolution 2231 (2015)",
        "refugees OR migrants", "country:SVN",      "terrorism year:2014..2015"};
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
