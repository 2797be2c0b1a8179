// cited_by on real documents: Slovenia's second-cycle UPR report (A/HRC/28/15) indexed with the
// Council's decision on it and the third-cycle documents that cite it, and the General Assembly's
// resolution 73/3 as printed with a short note that cites it. The count of citing paragraphs is
// the count of a symbol: or resolution: search, and each listed paragraph holds the citation.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "integration/test_support.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kReal = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
const fs::path kUpr = kReal / "upr-slovenia";

/// A note citing resolution 73/3 twice (by number and by symbol) and 73/30 once, which is not it.
const char* kNote =
    "Follow-up to the high-level meeting on tuberculosis\n\n"
    "1. The Assembly, in its resolution 73/3 of 10 October 2018, approved the political "
    "declaration of the high-level meeting of the General Assembly on the fight against "
    "tuberculosis.\n\n"
    "2. The declaration (A/RES/73/3, annex) commits Member States to targets for 2022.\n\n"
    "3. See also General Assembly resolution 73/30 on another subject.\n";

class CitedByOnRealDocuments : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kUpr)) return;
        note = new fs::path(fs::temp_directory_path() /
                            ("plenary-citedby-note-" + std::to_string(::getpid())) /
                            "tb_follow_up.txt");
        fs::create_directories(note->parent_path());
        std::ofstream(*note) << kNote;
        db = new std::string(test::build_db(
            "plenary-citedby", "",
            {(kUpr / "2ndcycleunoriginal" / "g1423930.pdf").string(),  // A/HRC/28/15
             (kUpr / "2ndcycleunoriginal" / "g1504261.pdf").string(),  // A/HRC/28/15/Add.1
             (kUpr / "2ndcycleunoriginal" / "g1510722.pdf").string(),  // A/HRC/DEC/28/111
             (kUpr / "3rdcycleunoriginal" / "g1925890.pdf").string(),  // A/HRC/WG.6/34/SVN/2
             (kUpr / "3rdcycleunoriginal" / "g1924226.pdf").string(),  // A/HRC/WG.6/34/SVN/3
             (kReal / "ga-resolutions-pdf" / "sample-docs" / "A_RES_73_3-EN.pdf").string(),
             note->string()}));
    }
    static void TearDownTestSuite() {
        if (db) fs::remove_all(*db);
        if (note) fs::remove_all(note->parent_path());
        delete db;
        delete note;
        db = nullptr;
        note = nullptr;
    }
    void SetUp() override {
        if (!db)
            GTEST_SKIP() << "corpus-real not found at " << kReal
                         << " (the shared corpus is not beside the repository)";
    }
    /// Paragraphs a query or filter matches, counted exactly.
    static Xapian::doccount count(const std::string& q, std::vector<std::string> filters = {}) {
        Searcher s({*db});
        SearchRequest req;
        req.query = q;
        req.filters = std::move(filters);
        req.limit = 0;
        const SearchResult r = s.search(req);
        EXPECT_TRUE(r.total_exact) << q;
        return r.total;
    }
    /// The one version of a document, by symbol.
    static DocumentView document(const std::string& symbol) {
        Searcher s({*db});
        auto views = s.show_document(symbol);
        EXPECT_EQ(views.size(), 1u) << symbol;
        return views.empty() ? DocumentView{} : views.front();
    }
    /// Every listed paragraph is another document's and holds `cited` in its text or notes.
    static void expect_each_holds(const CitedBy& c, const std::string& own,
                                  const std::vector<std::string>& cited) {
        Searcher s({*db});
        for (const CitingParagraph& p : c.paragraphs) {
            SCOPED_TRACE(p.id);
            const ParagraphView v = s.show(p.id);
            std::string all = v.text;
            for (const auto& [marker, text] : v.footnotes) all += "\n" + text;
            EXPECT_TRUE(std::any_of(cited.begin(), cited.end(), [&](const std::string& x) {
                return all.find(x) != std::string::npos;
            })) << all;
            EXPECT_NE(v.document.symbol, own);
            EXPECT_EQ(p.symbol, v.document.symbol);
            EXPECT_EQ(p.citation.rfind(v.document.symbol.empty() ? "tb_follow_up" : p.symbol, 0),
                      0u)
                << p.citation;
        }
    }
    static std::string* db;
    static fs::path* note;
};

std::string* CitedByOnRealDocuments::db = nullptr;
fs::path* CitedByOnRealDocuments::note = nullptr;

TEST_F(CitedByOnRealDocuments, AReportIsCitedAsOftenAsASymbolSearchFindsIt) {
    const DocumentView d = document("A/HRC/28/15");
    const CitedBy& c = d.cited_by;
    EXPECT_EQ(c.references, std::vector<std::string>{"symbol:A/HRC/28/15"});
    // The addendum, the Council's decision and the third cycle's compilations cite it.
    EXPECT_GE(c.total, 4u);
    EXPECT_EQ(c.total, count("", {"symbol:A/HRC/28/15"}));
    EXPECT_EQ(c.paragraphs.size(), std::min<std::size_t>(c.total, CitedBy::kLimit));
    expect_each_holds(c, "A/HRC/28/15", {"A/HRC/28/15"});
    std::set<std::string> citing;
    for (const auto& p : c.paragraphs) citing.insert(p.symbol);
    for (const char* s : {"A/HRC/28/15/Add.1", "A/HRC/DEC/28/111", "A/HRC/WG.6/34/SVN/3"})
        EXPECT_EQ(citing.count(s), 1u) << s;
}

TEST_F(CitedByOnRealDocuments, AResolutionIsCitedByItsNumberAndItsSymbol) {
    const DocumentView d = document("A/RES/73/3");
    const CitedBy& c = d.cited_by;
    EXPECT_EQ(c.references,
              (std::vector<std::string>{"resolution:A/RES/73/3", "symbol:A/RES/73/3"}));
    EXPECT_EQ(c.total, 2u) << "paragraphs 1 and 2 of the note, not 73/30";
    EXPECT_EQ(c.total, count("resolution:A/RES/73/3"));
    EXPECT_EQ(c.total, count("", {"resolution:A/RES/73/3"}));
    ASSERT_EQ(c.paragraphs.size(), 2u);
    EXPECT_EQ(c.paragraphs[0].paragraph, "1");
    EXPECT_EQ(c.paragraphs[1].paragraph, "2");
    EXPECT_EQ(c.paragraphs[0].citation, "tb_follow_up.txt, para. 1");
    expect_each_holds(c, "A/RES/73/3", {"resolution 73/3 ", "A/RES/73/3"});
}

TEST_F(CitedByOnRealDocuments, ADocumentNobodyCitesSaysSo) {
    const DocumentView d = document("A/HRC/WG.6/34/SVN/3");
    EXPECT_EQ(d.cited_by.total, count("", {"symbol:A/HRC/WG.6/34/SVN/3"}));
    EXPECT_EQ(d.cited_by.total, 0u);
    EXPECT_TRUE(d.cited_by.paragraphs.empty());
}

TEST_F(CitedByOnRealDocuments, CommandLinePrintsTheCountInTextAndJson) {
    const std::string base =
        test::kSearch + " --db " + test::q(*db) + " --show-document A/RES/73/3";
    const auto [status, out] = test::shell(base + " --format json");
    ASSERT_EQ(status, 0);
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["cited_by"]["total"], count("resolution:A/RES/73/3"));
    EXPECT_EQ(j[0]["cited_by"]["limit"], CitedBy::kLimit);
    EXPECT_EQ(j[0]["cited_by"]["paragraphs"][1]["citation"], "tb_follow_up.txt, para. 2");
    const auto [tstatus, text] = test::shell(base);
    ASSERT_EQ(tstatus, 0);
    EXPECT_NE(text.find("Cited by 2 paragraphs (resolution:A/RES/73/3, symbol:A/RES/73/3):\n"
                        "  tb_follow_up.txt, para. 1"),
              std::string::npos)
        << text;
}

}  // namespace
}  // namespace plenary
