// Cited documents in the index, from a hit: the General Assembly's resolution 73/3 as printed,
// Slovenia's UPR report A/HRC/28/15 with the Council's decision that cites it, a Security
// Council resolution whose own symbol is printed "S/RES/2482 (2019)", and a short note citing
// them (and 73/30, which is not indexed). Each hit's cited reference that is itself a document
// names that document's id, which --show-document takes: in the Searcher, over a stub of a
// local and a remote shard, in the command line's text and JSON, and in the HTTP service.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "index/indexer.h"
#include "integration/shard_server.h"
#include "integration/test_support.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kReal = fs::path(PLENARY_SHARED_DIR) / "corpus-real";

const char* kNote =
    "Follow-up to the high-level meeting on tuberculosis\n\n"
    "1. The Assembly, in its resolution 73/3 of 10 October 2018, approved the political "
    "declaration on the fight against tuberculosis.\n\n"
    "2. See also General Assembly resolution 73/30 on another subject.\n\n"
    "3. The Security Council, in its resolution 2482 (2019), addressed terrorism and organized "
    "crime; the review of Slovenia (A/HRC/28/15) is cited for its recommendations.\n";

const char* kCouncil =
    "Resolution 2482 (2019)\n\n"
    "Adopted by the Security Council at its 8582nd meeting, on 19 July 2019\n\n"
    "1. Urges Member States to address the links between international terrorism and "
    "organized crime.\n";

const char* kCouncilMeta =
    R"j({"symbol": "S/RES/2482 (2019)", "date": "2019-07-19", "lang": "en"})j";

using test::ShardServer;

class CitedDocuments : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kReal / "upr-slovenia")) return;
        dir = new fs::path(fs::temp_directory_path() /
                           ("plenary-citeddocs-" + std::to_string(::getpid())));
        fs::remove_all(*dir);
        fs::create_directories(*dir / "docs");
        std::ofstream(*dir / "docs" / "tb_follow_up.txt") << kNote;
        std::ofstream(*dir / "docs" / "sc_2482.txt") << kCouncil;
        // Its own symbol as printed, which is not the canonical S/RES/2482(2019).
        std::ofstream(*dir / "docs" / "sc_2482.meta.json") << kCouncilMeta;
        const fs::path upr = kReal / "upr-slovenia" / "2ndcycleunoriginal";
        IndexOptions whole;
        whole.db = (*dir / "whole").string();
        whole.paths = {
            (upr / "g1423930.pdf").string(),  // A/HRC/28/15
            (upr / "g1510722.pdf").string(),  // A/HRC/DEC/28/111
            (kReal / "ga-resolutions-pdf" / "sample-docs" / "A_RES_73_3-EN.pdf").string(),
            (*dir / "docs").string()};
        run_index(whole, {});
        // The same in two shards: the first read where it is, the second through serve-shard.
        for (int k = 1; k <= 2; ++k) {
            IndexOptions part = whole;
            part.db = (*dir / ("shard" + std::to_string(k))).string();
            part.shard = ShardSpec{k, 2};
            run_index(part, {});
        }
        server = new ShardServer;
        server->db = (*dir / "shard2").string();
        server->start();
        std::ofstream(*dir / "mixed.stub")
            << "auto shard1\nremote 127.0.0.1:" << server->port << "\n";
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
        if (dir) fs::remove_all(*dir);
        delete dir;
        dir = nullptr;
    }
    void SetUp() override {
        if (!dir)
            GTEST_SKIP() << "corpus-real not found at " << kReal
                         << " (the shared corpus is not beside the repository)";
    }
    static std::string db() { return (*dir / "whole").string(); }
    /// Every hit of a query: its id and the documents it cites.
    static std::map<std::string, std::map<std::string, std::string>> cited(const std::string& db,
                                                                           const std::string& q) {
        Searcher s({db});
        SearchRequest req;
        req.query = q;
        req.limit = 50;
        std::map<std::string, std::map<std::string, std::string>> out;
        for (const Hit& h : s.search(req).hits) out[h.id] = h.cited_documents;
        return out;
    }
    static fs::path* dir;
    static ShardServer* server;
};

fs::path* CitedDocuments::dir = nullptr;
ShardServer* CitedDocuments::server = nullptr;

TEST_F(CitedDocuments, AResolutionQueryShowsTheResolutionIsIndexed) {
    const auto hits = cited(db(), "resolution:A/RES/73/3");
    ASSERT_FALSE(hits.empty());
    for (const auto& [id, docs] : hits) {
        SCOPED_TRACE(id);
        ASSERT_EQ(docs.count("resolution:A/RES/73/3"), 1u);
        // The id names the document: --show-document finds it by that id.
        Searcher s({db()});
        const auto views = s.show_document(docs.at("resolution:A/RES/73/3"));
        ASSERT_EQ(views.size(), 1u);
        EXPECT_EQ(views.front().document.symbol, "A/RES/73/3");
    }
}

TEST_F(CitedDocuments, OnlyIndexedDocumentsAreNamed) {
    const auto hits = cited(db(), "resolution:A/RES/73/30");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_TRUE(hits.begin()->second.empty()) << "73/30 is not in the index";
    // The decision and the note cite the report, which is indexed.
    const auto report = cited(db(), "symbol:A/HRC/28/15");
    ASSERT_FALSE(report.empty());
    for (const auto& [id, docs] : report) {
        ASSERT_EQ(docs.count("symbol:A/HRC/28/15"), 1u) << id;
        EXPECT_EQ(docs.at("symbol:A/HRC/28/15"), "A/HRC/28/15");
    }
}

TEST_F(CitedDocuments, AResolutionIdNamesTheDocumentWhoseOwnSymbolIsSpelledApart) {
    // Cited as S/RES/2482(2019), printed on its own masthead as S/RES/2482 (2019).
    bool found = false;
    for (const auto& [id, docs] : cited(db(), "resolution:\"S/RES/2482 (2019)\"")) {
        if (!docs.count("resolution:S/RES/2482(2019)")) continue;
        found = true;
        const std::string doc = docs.at("resolution:S/RES/2482(2019)");
        EXPECT_EQ(doc, "S/RES/2482 (2019)");
        Searcher s({db()});
        ASSERT_EQ(s.show_document(doc).size(), 1u);
        EXPECT_EQ(s.show_document(doc).front().document.source,
                  (*dir / "docs" / "sc_2482.txt").string());
    }
    EXPECT_TRUE(found);
}

TEST_F(CitedDocuments, AStubOfALocalAndARemoteShardNamesTheSameDocuments) {
    const std::string stub = (*dir / "mixed.stub").string();
    for (const char* q : {"resolution:A/RES/73/3", "symbol:A/HRC/28/15", "tuberculosis",
                          "resolution:\"S/RES/2482 (2019)\""}) {
        const auto whole = cited(db(), q);
        EXPECT_FALSE(whole.empty()) << q;
        EXPECT_EQ(cited(stub, q), whole) << q;
    }
}

TEST_F(CitedDocuments, CommandLineNamesTheDocumentInTextAndJson) {
    const std::string base =
        test::kSearch + " --db " + test::q(db()) + " 'resolution:A/RES/73/3' --limit 50";
    const auto [status, text] = test::shell(base);
    ASSERT_EQ(status, 0);
    EXPECT_NE(text.find("resolutions: A/RES/73/3 → indexed: A/RES/73/3"), std::string::npos)
        << text;
    const auto [jstatus, out] = test::shell(base + " --format json");
    ASSERT_EQ(jstatus, 0);
    const auto j = nlohmann::json::parse(out);
    ASSERT_FALSE(j["hits"].empty());
    std::string note_hit;
    for (const auto& h : j["hits"]) {
        const nlohmann::json want = {{"id", "A/RES/73/3"}, {"document", "A/RES/73/3"}};
        const auto& list = h["references"]["resolutions"];
        EXPECT_NE(std::find(list.begin(), list.end(), want), list.end()) << h.dump();
        ASSERT_EQ(list.size(), h["resolutions"].size());
        if (h["document"]["symbol"] == "") note_hit = h["id"];
    }
    ASSERT_FALSE(note_hit.empty());
    // --show of the note's paragraph says so too; the document id opens the document.
    const auto [sstatus, shown] =
        test::shell(test::kSearch + " --db " + test::q(db()) + " --show " + note_hit);
    ASSERT_EQ(sstatus, 0);
    EXPECT_NE(shown.find("A/RES/73/3 → indexed: A/RES/73/3"), std::string::npos) << shown;
    const auto [dstatus, doc] = test::shell(test::kSearch + " --db " + test::q(db()) +
                                            " --show-document A/RES/73/3 --format json");
    ASSERT_EQ(dstatus, 0);
    EXPECT_EQ(nlohmann::json::parse(doc)[0]["document"]["symbol"], "A/RES/73/3");
}

TEST_F(CitedDocuments, TheServiceNamesTheDocumentInSearchAndParagraph) {
    test::ServerProcess server({"--db", db(), "--threads", "1"}, *dir / "serve.log");
    ASSERT_TRUE(server.wait_ready()) << test::slurp(server.log);
    httplib::Client c("127.0.0.1", server.port);
    c.set_read_timeout(20, 0);
    const auto res = c.Get("/api/search?q=resolution%3AA%2FRES%2F73%2F3&limit=50");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    const auto j = nlohmann::json::parse(res->body);
    ASSERT_FALSE(j["hits"].empty());
    for (const auto& h : j["hits"]) {
        const auto& list = h["references"]["resolutions"];
        const nlohmann::json want = {{"id", "A/RES/73/3"}, {"document", "A/RES/73/3"}};
        EXPECT_NE(std::find(list.begin(), list.end(), want), list.end()) << h.dump();
        const auto p = c.Get(("/api/paragraph/" + h["id"].get<std::string>()).c_str());
        ASSERT_TRUE(p);
        EXPECT_EQ(nlohmann::json::parse(p->body)["references"]["resolutions"], list);
    }
    const auto d = c.Get("/api/document/A%2FRES%2F73%2F3");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->status, 200);
}

}  // namespace
}  // namespace plenary
