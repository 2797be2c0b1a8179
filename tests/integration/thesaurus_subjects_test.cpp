// plenary-index --thesaurus: UNBIS subjects end to end, on the seed report (corpus/, its
// sidecar beside it) with the thesaurus list read in place from ../shared; and the errors for a
// thesaurus file that is missing or malformed, which need no shared folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "integration/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

using test::kIndex;
using test::kSearch;
using test::q;
using test::RunResult;

const fs::path kThesaurus = fs::path(PLENARY_SHARED_DIR) / "corpus-real" / "ga-resolutions-pdf" /
                            "unbis-thesaurus" / "thesaurus.lst";
const fs::path kSeed = fs::path(PLENARY_SOURCE_DIR) / "corpus" / "ctoc-cop-2020-2.md";
const char* kTrafficking = "TRAFFICKING IN PERSONS";

class ThesaurusTest : public test::ScratchFolderTest {
  protected:
    ThesaurusTest() : ScratchFolderTest("plenary-thesaurus") {}
    RunResult index(const std::string& args) {
        return test::run_captured(kIndex + " " + args, dir);
    }
    nlohmann::json search(const std::string& query, const std::string& options = "") {
        const RunResult r = test::run_captured(
            kSearch + " --db " + q(db) + " --format json " + options + " '" + query + "'", dir);
        EXPECT_EQ(r.status, 0) << r.err;
        return nlohmann::json::parse(r.out, nullptr, false);
    }
    /// The facet count of value in the facet name of a JSON answer (0 when absent).
    static int facet_count(const nlohmann::json& j, const std::string& name,
                           const std::string& value) {
        for (const auto& v : j["facets"][name])
            if (v["value"] == value) return v["count"].get<int>();
        return 0;
    }
};

bool has_subject(const nlohmann::json& paragraph, const std::string& label) {
    if (!paragraph.contains("subjects")) return false;
    for (const auto& s : paragraph["subjects"])
        if (s["label"] == label) return true;
    return false;
}

TEST_F(ThesaurusTest, SeedReportTraffickingParagraphsCarryTheSubject) {
    if (!fs::exists(kThesaurus))
        GTEST_SKIP() << "no " << kThesaurus << " (the shared corpus is absent)";
    // What the reader and the matcher make of the seed: every paragraph that speaks of
    // trafficking in persons in running text carries the descriptor.
    const RunResult dump = index("--thesaurus " + q(kThesaurus) + " --dump " + q(kSeed));
    ASSERT_EQ(dump.status, 0) << dump.err;
    const nlohmann::json doc = nlohmann::json::parse(dump.out);
    int speaking = 0, carrying = 0;
    for (const auto& p : doc["paragraphs"]) {
        const std::string text = p["text"];
        const bool speaks = text.find("trafficking in persons") != std::string::npos ||
                            text.find("human trafficking") != std::string::npos;
        if (speaks) {
            ++speaking;
            EXPECT_TRUE(has_subject(p, kTrafficking)) << text.substr(0, 200);
        }
        if (has_subject(p, kTrafficking)) ++carrying;
    }
    EXPECT_GT(speaking, 20);
    EXPECT_GE(carrying, speaking);

    // Indexed, the subject is a term and a facet value: the exact total of subject: is the
    // facet's count and the number of paragraphs the dump gave it.
    const RunResult r = index("--db " + q(db) + " --thesaurus " + q(kThesaurus) + " " + q(kSeed));
    ASSERT_EQ(r.status, 0) << r.err;
    const nlohmann::json found =
        search(std::string("subject:\"") + kTrafficking + "\"", "--facet subject --limit 100");
    ASSERT_TRUE(found.is_object());
    EXPECT_TRUE(found["total_exact"].get<bool>());
    EXPECT_EQ(found["total"].get<int>(), carrying);
    EXPECT_EQ(facet_count(found, "subject", kTrafficking), carrying);
    // Every hit shows the descriptor with its URI.
    ASSERT_FALSE(found["hits"].empty());
    for (const auto& hit : found["hits"]) {
        bool shown = false;
        for (const auto& s : hit["subjects"])
            shown |= s["label"] == kTrafficking &&
                     s["uri"] == "http://metadata.un.org/thesaurus#1006622";
        EXPECT_TRUE(shown) << hit["id"];
    }
    // The query takes the label in any case, and the whole database's facet agrees.
    EXPECT_EQ(search("subject:\"trafficking in persons\"")["total"].get<int>(), carrying);
    EXPECT_EQ(facet_count(search("", "--facet subject --filter lang:en"), "subject", kTrafficking),
              carrying);
}

TEST_F(ThesaurusTest, ThesaurusGivenLaterIndexesTheFilesAnew) {
    if (!fs::exists(kThesaurus))
        GTEST_SKIP() << "no " << kThesaurus << " (the shared corpus is absent)";
    write("speech.txt", "We must end human trafficking and protect every migrant.\n");
    RunResult r = index("--db " + q(db) + " " + q(docs));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(search("subject:\"TRAFFICKING IN PERSONS\"")["total"].get<int>(), 0);
    // The same unchanged file, now with a thesaurus: indexed again, with its subjects.
    r = index("--db " + q(db) + " --thesaurus " + q(kThesaurus) + " " + q(docs));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("1 documents indexed, 0 unchanged"), std::string::npos) << r.out;
    EXPECT_EQ(search("subject:\"TRAFFICKING IN PERSONS\"")["total"].get<int>(), 1);
    // Once more with the same thesaurus: unchanged.
    r = index("--db " + q(db) + " --thesaurus " + q(kThesaurus) + " " + q(docs));
    EXPECT_NE(r.out.find("0 documents indexed, 1 unchanged"), std::string::npos) << r.out;
}

TEST_F(ThesaurusTest, MissingThesaurusStopsBeforeIndexing) {
    write("a.txt", "A speech on human trafficking.\n");
    const fs::path missing = dir / "no-such-thesaurus.lst";
    const RunResult r = index("--db " + q(db) + " --thesaurus " + q(missing) + " " + q(docs));
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "plenary-index: " + missing.string() +
                         ": cannot read the thesaurus: no such file or not readable\n");
    EXPECT_FALSE(fs::exists(db)) << "no database is made";
}

TEST_F(ThesaurusTest, MalformedThesaurusNamesItsLine) {
    write("a.txt", "A speech on human trafficking.\n");
    const fs::path list = dir / "thesaurus.lst";
    std::ofstream(list) << "HUMAN TRAFFICKING\tpref_label=TRAFFICKING IN PERSONS\t"
                           "uri=http://metadata.un.org/thesaurus#1006622\tkind=alt\n"
                           "PEOPLE SMUGGLING\tTRAFFICKING IN PERSONS\n";
    RunResult r = index("--db " + q(db) + " --thesaurus " + q(list) + " " + q(docs));
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind("plenary-index: " + list.string() + ":2: malformed thesaurus line", 0),
              0u)
        << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line";
    EXPECT_FALSE(fs::exists(db));
    // --dump reads it first too.
    r = index("--thesaurus " + q(list) + " --dump " + q(docs / "a.txt"));
    EXPECT_EQ(r.status, 2);
}

}  // namespace
}  // namespace plenary
