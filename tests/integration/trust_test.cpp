// Answers a researcher can trust, on real documents read in place: totals are counts (or say
// they are lower bounds) whatever the page, and a document held in several files is one.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "index/indexer.h"
#include "integration/test_support.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kReal = fs::path(PLENARY_SHARED_DIR) / "corpus-real";

/// One database of the UDHR in every format and language, the third UPR cycle as PDF, DOC
/// and DOCX and as extracted text, and a session of General Debate speeches.
class Trust : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kReal)) return;
        db = new std::string(test::build_db(
            "plenary-trust", "",
            {(kReal / "udhr").string(), (kReal / "upr-slovenia/3rdcycleunoriginal").string(),
             (kReal / "upr-slovenia/cycle3").string(),
             (kReal / "ungdc/TXT/Session 70 - 2015").string()}));
    }
    static void TearDownTestSuite() {
        if (db) fs::remove_all(*db);
        delete db;
        db = nullptr;
    }
    void SetUp() override {
        if (!db) GTEST_SKIP() << "corpus-real not found at " << kReal;
    }
    static std::string* db;

    SearchResult search(const std::string& q, std::size_t offset, std::size_t limit, bool facets,
                        std::size_t exact_up_to = 10000) {
        Searcher s({*db});
        s.set_facet_column(Searcher::FacetColumnBuild::never);
        SearchRequest req;
        req.query = q;
        req.offset = offset;
        req.limit = limit;
        req.exact_up_to = exact_up_to;
        if (facets) req.facets = {"all"};
        return s.search(req);
    }
};
std::string* Trust::db = nullptr;

const std::vector<std::string> kQueries = {
    "rights",
    "\"human rights\"",
    "torture OR slavery",
    "education -school",
    "year:2015",
    "year:1990..2000",
    "year:2019..2021 women",
    "country:SVN",
    "lang:fr",
    "\"Security Council\"",
    "\"General Assembly\"",
    "Slovenia AND Roma",
    "discrimination",
    "\"right to life\"",
    "climate change",
    "speaker:FRA",
    "migrants refugees",
    "lang:zh OR lang:ar",
};

TEST_F(Trust, TotalsAreCountsWhateverThePageAndFacets) {
    int nonzero = 0;
    for (const auto& q : kQueries) {
        const SearchResult counted = search(q, 0, 0, true);
        ASSERT_TRUE(counted.total_exact) << q;
        ASSERT_LE(counted.total, 10000u) << q;
        if (counted.total > 0) ++nonzero;
        for (const auto& [offset, limit] :
             std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {0, 1}, {0, 10}, {20, 10}}) {
            const SearchResult r = search(q, offset, limit, false);
            EXPECT_TRUE(r.total_exact) << q << " offset " << offset << " limit " << limit;
            EXPECT_EQ(r.total, counted.total) << q << " offset " << offset << " limit " << limit;
        }
    }
    EXPECT_GE(nonzero, 15);
}

TEST_F(Trust, PastTheExactLimitTheTotalIsALowerBoundThatSaysSo) {
    const SearchResult all = search("rights", 0, 0, true);
    ASSERT_GT(all.total, 50u);
    const SearchResult r = search("rights", 0, 10, false, 20);
    EXPECT_FALSE(r.total_exact);
    EXPECT_GT(r.total, 20u);
    EXPECT_LE(r.total, all.total);
    EXPECT_EQ(to_text(r, TextStyle{}).substr(0, 35), "more than 20 paragraphs match; show");
    EXPECT_EQ(to_json(r)["total_exact"], false);
}

TEST_F(Trust, CountLinesSayWhatTheyCount) {
    const SearchResult one =
        search("\"right to life, liberty and security of person\"", 0, 10, false);
    ASSERT_EQ(one.total, 1u) << "the UPR report quotes Article 3 once";
    EXPECT_EQ(to_text(one, TextStyle{}).substr(0, 35), "1 paragraph matches; showing 1–1\n");
    const SearchResult none = search("rights", 0, 0, false);
    ASSERT_GE(none.total, 1000u);
    std::string digits = std::to_string(none.total);
    digits.insert(digits.size() - 3, ",");
    EXPECT_EQ(to_text(none, TextStyle{}), digits + " paragraphs match\n");
}

/// (symbol or work, language, heading path and paragraph number) of a hit: one paragraph as
/// printed (the UDHR numbers paragraphs within each article).
std::tuple<std::string, std::string, std::string> printed(const Hit& h) {
    std::string where;
    for (const auto& heading : h.headings) where += heading + " › ";
    return {h.document.symbol.empty() ? h.document.work : h.document.symbol, h.document.lang,
            where + h.paragraph};
}

TEST_F(Trust, EachDocumentIsOneCopyWhateverFilesHoldIt) {
    std::size_t multi_file = 0;  // hits that stand for a document held in several files
    for (const std::string q :
         {"rights", "\"human rights\"", "Slovenia", "torture", "recommendation", "equality",
          "article", "everyone", "freedom", "Roma", "education"}) {
        const SearchResult r = search(q, 0, 100, false);
        EXPECT_FALSE(r.hits.empty()) << q << " finds nothing: nothing checked";
        // The same paragraph as printed, from two files, is a copy shown twice.
        std::map<std::tuple<std::string, std::string, std::string>, std::string> seen;
        std::map<std::string, std::string> holder;  // a file, and the file whose hit lists it
        for (const Hit& h : r.hits) {
            if (!h.paragraph.empty()) {
                const auto [it, fresh] = seen.emplace(printed(h), h.document.source);
                EXPECT_TRUE(fresh || it->second == h.document.source)
                    << q << ": " << std::get<0>(printed(h)) << " ¶ " << std::get<2>(printed(h))
                    << " from " << it->second << " and " << h.document.source;
            }
            multi_file += h.document.files.size() > 1;
            for (const std::string& f : h.document.files) {
                const auto [it, fresh] = holder.emplace(f, h.document.source);
                EXPECT_TRUE(fresh || it->second == h.document.source)
                    << q << ": " << f << " is a copy shown by " << it->second << " and by "
                    << h.document.source;
            }
        }
    }
    EXPECT_GT(multi_file, 0u) << "no hit listed several files, so no copy was put to the test";
}

TEST_F(Trust, UdhrArticle3InEnglishIsOneHitThatListsItsFiles) {
    const SearchResult r = search("\"security of person\" lang:en", 0, 100, true);
    std::vector<const Hit*> udhr;
    for (const Hit& h : r.hits)
        if (h.document.source.find("/udhr/") != std::string::npos) udhr.push_back(&h);
    ASSERT_EQ(udhr.size(), 1u);
    EXPECT_EQ(udhr[0]->document.files.size(), 3u);
    std::set<std::string> kinds;
    for (const auto& f : udhr[0]->document.files) kinds.insert(fs::path(f).extension().string());
    EXPECT_EQ(kinds, (std::set<std::string>{".html", ".txt", ".xml"}));
    // Facets count it once too.
    std::size_t en = 0;
    for (const Facet& f : r.facets)
        if (f.name == "lang")
            for (const FacetValue& v : f.values)
                if (v.value == "en") en = v.count;
    EXPECT_EQ(en, r.total);
}

TEST_F(Trust, ShowDocumentGivesEachLanguageVersionOnce) {
    Searcher s({*db});
    const auto versions = s.show_document("udhr");
    std::map<std::string, int> per_lang;
    for (const auto& v : versions)
        ++per_lang[v.document.lang +
                   (v.document.source.find("hant") != std::string::npos ? "-Hant" : "")];
    for (const auto& [lang, n] : per_lang) EXPECT_EQ(n, 1) << lang;
    EXPECT_EQ(per_lang.size(), 7u) << "ar, en, es, fr, ru, zh and zh-Hant";
}

TEST_F(Trust, CliJsonGivesTheSameExactTotals) {
    for (const std::string& q : kQueries) {
        const SearchResult counted = search(q, 0, 0, true);
        for (const char* page : {"-n 0", "-n 1", "--offset 20 -n 10"}) {
            const std::string cmd = test::kSearch + " --db " + test::q(*db) + " --format json " +
                                    page + " -- '" + q + "'";
            const auto [status, out] = test::shell(cmd);
            ASSERT_EQ(status, 0) << cmd;
            const auto j = nlohmann::json::parse(out);
            EXPECT_EQ(j["total"], counted.total) << cmd;
            EXPECT_EQ(j["total_exact"], true) << cmd;
        }
    }
}

}  // namespace
}  // namespace plenary
