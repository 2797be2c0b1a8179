// Shards: the bundled corpus and 60 General Debate speeches indexed whole, and again in 3
// shards (`--shard K/3`), searched through a stub file of local parts and through one of
// remote parts served by `plenary-search serve-shard` on loopback. Every
// total and every facet count must equal the whole database's; hits must be the same hits in
// the same order, equal scores included (their tie keys order them), except under a wildcard,
// which each shard expands against its own terms (so scores differ; the hits are the same), and
// where a sort by date or symbol meets equal values and equal scores (docid order then).
// A shard down gives a partial answer when asked; parts of other versions are refused.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "index/index_writer.h"
#include "index/indexer.h"
#include "integration/shard_server.h"
#include "integration/test_support.h"
#include "model/index_format.h"
#include "model/schema.h"
#include "search/render.h"
#include "search/search.h"
#include "search/shard_facets.h"
#include "search/stub.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const fs::path kSpeeches =
    fs::path(PLENARY_SHARED_DIR) / "corpus-real" / "ungdc" / "TXT" / "Session 74 - 2019";

using test::ShardServer;

class RemoteShards : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kSpeeches)) return;
        dir = new fs::path(fs::temp_directory_path() /
                           ("plenary-shards-" + std::to_string(::getpid())));
        fs::remove_all(*dir);
        fs::create_directories(*dir);
        std::vector<std::string> paths{PLENARY_SOURCE_DIR "/corpus"};
        std::vector<fs::path> speeches;
        for (const auto& e : fs::directory_iterator(kSpeeches)) speeches.push_back(e.path());
        std::sort(speeches.begin(), speeches.end());
        for (std::size_t i = 0; i < speeches.size() && i < 60; ++i)
            paths.push_back(speeches[i].string());
        IndexOptions whole;
        whole.db = (*dir / "whole").string();
        whole.paths = paths;
        run_index(whole, {});
        std::ofstream local(*dir / "local.stub");
        for (int k = 1; k <= 3; ++k) {
            IndexOptions part = whole;
            part.db = (*dir / ("shard" + std::to_string(k))).string();
            part.shard = ShardSpec{k, 3};
            part.jobs = k == 2 ? 2 : 1;  // a worker run too: its records go through the merge
            run_index(part, {});
            local << "auto shard" << k << "\n";
            servers[k - 1].db = part.db;
            servers[k - 1].start();
        }
        write_remote_stub();
    }
    static void write_remote_stub() {
        std::ofstream remote(*dir / "remote.stub");
        remote << "# three shards on loopback\n";
        for (const auto& s : servers) remote << "remote 127.0.0.1:" << s.port << "\n";
    }
    static void TearDownTestSuite() {
        for (auto& s : servers) s.stop();
        if (dir) fs::remove_all(*dir);
        delete dir;
        dir = nullptr;
    }
    void SetUp() override {
        if (!dir) GTEST_SKIP() << "corpus-real not found at " << kSpeeches;
    }

    static SearchResult search(const std::string& db, const std::vector<std::string>& words,
                               std::size_t limit = 2000, bool partial = false) {
        Searcher s({db}, partial);
        SearchRequest req;
        req.partial = partial;
        req.query = words[0];
        for (std::size_t i = 1; i + 1 < words.size(); i += 2) {
            if (words[i] == "filter") req.filters.push_back(words[i + 1]);
            if (words[i] == "sort") req.sort = words[i + 1];
            if (words[i] == "group") req.group_by_document = true;
        }
        req.facets = {"all"};
        req.facet_limit = 0;
        req.limit = limit;
        return s.search(req);
    }

    static fs::path* dir;
    static ShardServer servers[3];
};

fs::path* RemoteShards::dir = nullptr;
ShardServer RemoteShards::servers[3];

/// The hits' ids in order; under a wildcard, in id order (each shard expands a wildcard
/// against its own terms, so scores and their order differ; the hits are the same).
std::vector<std::string> ranked_ids(const SearchResult& r, bool wildcard) {
    std::vector<std::string> ids;
    for (const Hit& h : r.hits) ids.push_back(h.id);
    if (wildcard) std::sort(ids.begin(), ids.end());
    return ids;
}

/// Sorted by date or symbol: hits as runs of equal date or symbol and equal score, the runs in
/// order, each run's ids as a set. Xapian sorts by a value, then relevance, and no third key
/// (a KeyMaker would, but remote shards cannot run one): equal both ways, hits come in docid
/// order, which differs between layouts.
std::vector<std::set<std::string>> sorted_runs(const SearchResult& r, const std::string& sort) {
    std::vector<std::set<std::string>> runs;
    std::string last;
    for (const Hit& h : r.hits) {
        char score[40];
        std::snprintf(score, sizeof score, "%a", h.score);
        const std::string rank =
            std::string(score) + "\t" + (sort == "symbol" ? h.document.symbol : h.document.date);
        if (runs.empty() || rank != last) runs.emplace_back();
        runs.back().insert(h.id);
        last = rank;
    }
    return runs;
}

std::map<std::string, std::map<std::string, Xapian::doccount>> facet_counts(const SearchResult& r) {
    std::map<std::string, std::map<std::string, Xapian::doccount>> out;
    for (const Facet& f : r.facets)
        for (const FacetValue& v : f.values) out[f.name][v.value] = v.count;
    return out;
}

// Words, phrases, references, prefixes, filters, sorts, group-by; "filter X" and "sort X" and
// "group document" follow the query.
const std::vector<std::vector<std::string>> kQueries = {
    {"peace"},
    {"migrant smuggling"},
    {"\"climate change\""},
    {"\"sustainable development goals\""},
    {"security council reform"},
    {"resolution 73/195"},
    {"Charter"},
    {"nuclear NEAR/5 weapons"},
    {"develop*"},
    {"terror*", "filter", "lang:en"},
    {"country:NER"},
    {"women", "filter", "speaker:AFG"},
    {"peace", "filter", "year:2019"},
    {"development", "filter", "body:CTOC/COP"},
    {"peace", "sort", "date"},
    {"peace", "sort", "-date"},
    {"peace", "sort", "symbol"},
    {"security", "group", "document"},
    {"paix"},
    {"human rights", "filter", "session:74"},
    {"trafficking OR smuggling"},
    {"ocean NOT plastic"},
    {"charter:art51 OR charter:ch7"},
};

void expect_same(const SearchResult& whole, const SearchResult& parts, const std::string& what,
                 const std::string& sort, bool wildcard) {
    EXPECT_EQ(parts.total, whole.total) << what;
    EXPECT_EQ(parts.total_exact, whole.total_exact) << what;
    EXPECT_EQ(facet_counts(parts), facet_counts(whole)) << what;
    if (sort == "relevance")
        EXPECT_EQ(ranked_ids(parts, wildcard), ranked_ids(whole, wildcard)) << what;
    else
        EXPECT_EQ(sorted_runs(parts, sort), sorted_runs(whole, sort)) << what;
    EXPECT_EQ(parts.groups.size(), whole.groups.size()) << what;
}

TEST_F(RemoteShards, ShardsHoldEveryDocumentOnce) {
    Searcher whole({(*dir / "whole").string()});
    Xapian::doccount sum = 0;
    for (int k = 1; k <= 3; ++k) {
        Searcher part({(*dir / ("shard" + std::to_string(k))).string()});
        EXPECT_GT(part.paragraph_count(), 0u) << "shard " << k;
        sum += part.paragraph_count();
    }
    EXPECT_EQ(sum, whole.paragraph_count());
}

TEST_F(RemoteShards, LocalAndRemoteStubsAnswerAsOneDatabase) {
    const std::string whole = (*dir / "whole").string();
    std::size_t nonempty = 0;
    for (const auto& q : kQueries) {
        const bool wildcard = q[0].find('*') != std::string::npos;
        const std::string sort = q.size() == 3 && q[1] == "sort" ? q[2] : "relevance";
        const SearchResult w = search(whole, q);
        nonempty += w.total > 0;
        expect_same(w, search((*dir / "local.stub").string(), q), "local stub: " + q[0], sort,
                    wildcard);
        expect_same(w, search((*dir / "remote.stub").string(), q), "remote stub: " + q[0], sort,
                    wildcard);
        // A page of the hits: the counts are still over every match (a sorted match over
        // remote shards once counted some twice).
        const SearchResult page = search((*dir / "remote.stub").string(), q, 10);
        EXPECT_EQ(page.total, w.total) << "remote stub, 10 hits: " << q[0];
        EXPECT_EQ(facet_counts(page), facet_counts(w)) << "remote stub, 10 hits: " << q[0];
    }
    EXPECT_GE(nonempty, 20u) << "the queries should find something";
}

TEST_F(RemoteShards, AShardServedByXapianTcpsrvIsCountedWithXapiansOwnSpy) {
    // Debian's xapian-tcpsrv knows no Plenary spy: the client counts with Xapian's own, on
    // every shard, and the counts are the same.
    ShardServer stock;
    stock.db = servers[0].db;
    stock.stock = true;
    stock.start();
    const fs::path stub = *dir / "stock.stub";
    {
        std::ofstream out(stub);
        out << "remote 127.0.0.1:" << stock.port << "\n";
        for (int k = 1; k < 3; ++k) out << "remote 127.0.0.1:" << servers[k].port << "\n";
    }
    const std::string whole = (*dir / "whole").string();
    for (std::size_t i = 0; i < kQueries.size(); i += 3) {
        const auto& q = kQueries[i];
        const std::string sort = q.size() == 3 && q[1] == "sort" ? q[2] : "relevance";
        expect_same(search(whole, q), search(stub.string(), q), "xapian-tcpsrv: " + q[0], sort,
                    q[0].find('*') != std::string::npos);
    }
}

/// Each facet's counts from a Xapian Enquire over db with Plenary's shard spy, as Searcher asks.
std::vector<std::map<std::string, Xapian::doccount>> spy_counts(const Xapian::Database& db) {
    const Xapian::valueno slot = *Schema::instance().field("facets").slot;
    const std::size_t facets = facet_names(Schema::instance()).size();
    ShardFacetSpy spy(slot, std::vector<bool>(facets, true));
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query::MatchAll);
    e.add_matchspy(&spy);
    e.get_mset(0, 0, db.get_doccount());
    std::vector<std::map<std::string, Xapian::doccount>> out;
    for (const auto& c : spy.counts()) out.emplace_back(c.begin(), c.end());
    return out;
}

TEST_F(RemoteShards, AShardThatChangesWhileServedIsCountedAtItsNewRevision) {
    const fs::path copy = *dir / "changing";
    fs::copy(servers[2].db, copy, fs::copy_options::recursive);
    ShardServer server;
    server.db = copy.string();
    server.start();
    const fs::path stub = *dir / "changing.stub";
    std::ofstream(stub) << "remote 127.0.0.1:" << server.port << "\n";
    // One connection kept open across the change (as a service keeps it), and new ones.
    Xapian::Database kept(stub.string());
    const auto before = spy_counts(kept);
    EXPECT_EQ(before, spy_counts(Xapian::Database(copy.string())));
    ASSERT_FALSE(before[0].empty()) << "the shard should have documents";
    IndexOptions more;
    more.db = copy.string();
    more.shard = ShardSpec{3, 3};
    std::vector<fs::path> speeches;
    for (const auto& e : fs::directory_iterator(kSpeeches)) speeches.push_back(e.path());
    std::sort(speeches.begin(), speeches.end());
    for (std::size_t i = 60; i < speeches.size() && i < 120; ++i)
        more.paths.push_back(speeches[i].string());
    run_index(more, {});
    const auto after = spy_counts(Xapian::Database(copy.string()));
    ASSERT_NE(after, before) << "the new files should add documents";
    kept.reopen();
    EXPECT_EQ(spy_counts(kept), after) << "the kept connection, reopened";
    EXPECT_EQ(spy_counts(Xapian::Database(stub.string())), after) << "a new connection";
}

TEST_F(RemoteShards, TheShardServerSaysWhyItCannotServe) {
    const std::string serve = test::q(test::kSearch) + " serve-shard ";
    // The port is another server's.
    int status = 0;
    std::string out;
    std::tie(status, out) = test::shell(serve + "--db " + test::q(servers[0].db) + " --port " +
                                        std::to_string(servers[1].port) + " 2>&1");
    EXPECT_EQ(status, 1) << out;
    EXPECT_NE(out.find("cannot listen on 127.0.0.1:" + std::to_string(servers[1].port)),
              std::string::npos)
        << out;
    // Not a Plenary database.
    const fs::path empty = *dir / "not-a-database";
    fs::create_directories(empty);
    std::tie(status, out) = test::shell(serve + "--db " + test::q(empty) + " --port 1 2>&1");
    EXPECT_EQ(status, 3) << out;
    EXPECT_NE(out.find(empty.string()), std::string::npos) << out;
    std::tie(status, out) = test::shell(serve + "--db " + test::q(empty) + " --port 0 2>&1");
    EXPECT_EQ(status, 2) << out;
}

TEST_F(RemoteShards, EqualScoresComeInTheSameOrderFromShards) {
    // A filter alone scores every match 0: the order is the tie keys' alone.
    const std::vector<std::string> q = {"country:NER"};
    const SearchResult w = search((*dir / "whole").string(), q);
    ASSERT_GT(w.hits.size(), 10u);
    std::size_t ties = 0;
    for (std::size_t i = 1; i < w.hits.size(); ++i) ties += w.hits[i].score == w.hits[i - 1].score;
    EXPECT_GT(ties, 10u) << "the query should have hits of equal score";
    for (const char* stub : {"local.stub", "remote.stub"}) {
        EXPECT_EQ(ranked_ids(search((*dir / stub).string(), q), false), ranked_ids(w, false))
            << stub;
        // A page of 10 from the middle holds the same hits as the whole database's.
        Searcher s({(*dir / stub).string()}), one({(*dir / "whole").string()});
        SearchRequest page;
        page.query = "peace";
        page.offset = 20;
        EXPECT_EQ(ranked_ids(s.search(page), false), ranked_ids(one.search(page), false)) << stub;
    }
}

/// The sum of each shard's answer alone: what one database of their files would answer.
SearchResult sum_of_shards(const fs::path& dir, const std::vector<int>& shards,
                           const std::vector<std::string>& q) {
    SearchResult sum;
    for (int k : shards) {
        Searcher s({(dir / ("shard" + std::to_string(k))).string()});
        SearchRequest req;
        req.query = q[0];
        req.facets = {"all"};
        req.facet_limit = 0;
        const SearchResult r = s.search(req);
        sum.total += r.total;
        for (const Facet& f : r.facets) {
            auto it = std::find_if(sum.facets.begin(), sum.facets.end(),
                                   [&](const Facet& g) { return g.name == f.name; });
            if (it == sum.facets.end()) it = sum.facets.insert(sum.facets.end(), Facet{f.name, {}});
            for (const FacetValue& v : f.values) it->values.push_back(v);
        }
    }
    return sum;
}

/// Facet counts summed over values named more than once (one per shard).
std::map<std::string, std::map<std::string, Xapian::doccount>> summed_counts(
    const SearchResult& r) {
    std::map<std::string, std::map<std::string, Xapian::doccount>> out;
    for (const Facet& f : r.facets)
        for (const FacetValue& v : f.values) out[f.name][v.value] += v.count;
    return out;
}

TEST_F(RemoteShards, APartialAnswerLeavesOutADownShardAndSaysSo) {
    const std::string stub = (*dir / "remote.stub").string();
    const std::string named = "127.0.0.1:" + std::to_string(servers[1].port) + " (" + stub + ":3)";
    const SearchResult others = sum_of_shards(*dir, {1, 3}, {"peace"});
    ASSERT_GT(others.total, 0u);
    Searcher opened_before({stub});  // its shard fails during the search, not when opened
    set_remote_timeouts({2000, 2000});
    servers[1].stop();
    EXPECT_THROW(search(stub, {"peace"}), DatabaseError) << "without partial: an error";
    SearchRequest req;
    req.query = "peace";
    req.facets = {"all"};
    req.facet_limit = 0;
    req.partial = true;
    const SearchResult during = opened_before.search(req);
    const SearchResult at_open = search(stub, {"peace"}, 10, true);
    servers[1].start();
    set_remote_timeouts({});
    for (const SearchResult* r : {&during, &at_open}) {
        EXPECT_EQ(r->failed_shards, std::vector<std::string>{named});
        EXPECT_EQ(r->total, others.total);
        EXPECT_TRUE(r->total_exact);
        EXPECT_EQ(facet_counts(*r), summed_counts(others));
    }
    const nlohmann::json j = to_json(during);
    EXPECT_EQ(j["partial"], true);
    EXPECT_EQ(j["failed_shards"], nlohmann::json::array({named}));
    EXPECT_NE(to_text(during, {}).find("cover only the shards that answered"), std::string::npos);
    EXPECT_NE(to_html(during).find("plenary-partial"), std::string::npos);
    // Whole again: not partial, and the JSON says nothing of it.
    const SearchResult back = search(stub, {"peace"}, 10, true);
    EXPECT_TRUE(back.failed_shards.empty());
    EXPECT_FALSE(to_json(back).contains("partial"));
}

TEST_F(RemoteShards, TheCommandLineGivesAPartialAnswerWhenAsked) {
    const std::string stub = (*dir / "remote.stub").string();
    const std::string named = "127.0.0.1:" + std::to_string(servers[0].port);
    const SearchResult others = sum_of_shards(*dir, {2, 3}, {"peace"});
    servers[0].stop();
    const std::string cmd = test::kSearch + " --db " + test::q(stub) + " --shard-timeout 2 peace";
    const test::RunResult refused = test::run_captured(cmd + " --format json", *dir);
    const test::RunResult json = test::run_captured(cmd + " --partial --format json", *dir);
    const test::RunResult text = test::run_captured(cmd + " --partial --color never", *dir);
    servers[0].start();
    EXPECT_EQ(refused.status, 3) << refused.err;
    EXPECT_NE(refused.err.find(named), std::string::npos) << refused.err;
    EXPECT_EQ(json.status, 0) << json.err;
    const nlohmann::json j = nlohmann::json::parse(json.out, nullptr, false);
    EXPECT_EQ(j["partial"], true) << json.out.substr(0, 300);
    ASSERT_TRUE(j["failed_shards"].is_array());
    EXPECT_EQ(j["failed_shards"][0].get<std::string>().rfind(named + " (", 0), 0u);
    EXPECT_EQ(j["total"], others.total);
    EXPECT_NE(json.err.find("partial answer: shard " + named), std::string::npos) << json.err;
    EXPECT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find("Partial answer"), std::string::npos) << text.out.substr(0, 300);
}

/// A copy of shard k whose metadata key is set to value, served or opened in place of it.
fs::path altered_copy(const fs::path& dir, int k, const char* key, const std::string& value) {
    const fs::path copy = dir / ("altered" + std::to_string(k));
    fs::remove_all(copy);
    fs::copy(dir / ("shard" + std::to_string(k)), copy, fs::copy_options::recursive);
    Xapian::WritableDatabase db(copy.string());
    db.set_metadata(key, value);
    db.commit();
    return copy;
}

TEST_F(RemoteShards, PartsOfAnotherVersionOrSchemaAreRefused) {
    const fs::path stub = *dir / "mixed.stub";
    auto refusal = [&](const std::string& stub_text) {
        std::ofstream(stub) << stub_text;
        try {
            Searcher s({stub.string()});
        } catch (const DatabaseError& e) {
            return std::string(e.what());
        }
        return std::string("opened");
    };
    const std::string first = stub.string() + ":1";
    altered_copy(*dir, 2, kExtractionVersionKey, "2");
    std::string why = refusal("auto shard1\nauto altered2\nauto shard3\n");
    EXPECT_EQ(why, stub.string() + ":2: indexed with another extraction version than " + first +
                       ": 2 against " + std::to_string(kExtractionVersion) +
                       " (index every part with the same plenary-index and schema)");
    std::string schema = Xapian::Database((*dir / "shard3").string()).get_metadata(kSchemaKey);
    const auto year = schema.find("year XY 11 ");
    ASSERT_NE(year, std::string::npos) << schema;
    schema.replace(year, 11, "year XY 12 ");
    altered_copy(*dir, 3, kSchemaKey, schema);
    why = refusal("auto shard1\nauto shard2\nauto altered3\n");
    EXPECT_NE(why.find(stub.string() + ":3: indexed with another schema than " + first +
                       ": 'year XY 12 number sf-' against 'year XY 11 number sf-'"),
              std::string::npos)
        << why;
    // Over the remote protocol: the served copy's metadata is read the same way.
    ShardServer served;
    served.db = altered_copy(*dir, 1, kFormatVersionKey, "0").string();
    served.start();
    why = refusal("auto shard2\nremote 127.0.0.1:" + std::to_string(served.port) + "\n");
    EXPECT_EQ(why.rfind(stub.string() + ":2: indexed with another index format version than " +
                            stub.string() + ":1: 0 against " + std::to_string(kIndexFormatVersion),
                        0),
              0u)
        << why;
    EXPECT_EQ(refusal("auto shard1\nauto shard2\nauto shard3\n"), "opened");
}

TEST_F(RemoteShards, ADownShardIsNamedWithinTheTimeoutAndUsedAgainWhenBack) {
    const std::string stub = (*dir / "remote.stub").string();
    const SearchResult before = search(stub, {"peace"});
    servers[1].stop();
    set_remote_timeouts({2000, 2000});
    const auto start = std::chrono::steady_clock::now();
    try {
        search(stub, {"peace"});
        ADD_FAILURE() << "a search with a shard down succeeded";
    } catch (const DatabaseError& e) {
        const std::string want = "shard 127.0.0.1:" + std::to_string(servers[1].port) + " (" +
                                 stub + ":3) is unreachable";
        EXPECT_NE(std::string(e.what()).find(want), std::string::npos) << e.what();
    }
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 3.0);
    servers[1].start();  // the same port
    const SearchResult after = search(stub, {"peace"});
    EXPECT_EQ(after.total, before.total);
    EXPECT_EQ(facet_counts(after), facet_counts(before));
    set_remote_timeouts({});
}

TEST_F(RemoteShards, PartsThatAreNotOneWholeAreRefused) {
    const fs::path stub = *dir / "two.stub";
    std::ofstream(stub) << "auto shard1\nauto shard3\n";
    try {
        Searcher s({stub.string()});
        ADD_FAILURE() << "a stub missing shard 2 of 3 was opened";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("shard 2/3 is missing"), std::string::npos)
            << e.what();
    }
    std::ofstream(stub) << "auto shard1\nauto shard2\nauto shard3\nauto shard2\n";
    EXPECT_THROW(Searcher({stub.string()}), DatabaseError);
    std::ofstream(stub) << "remote nowhere\n";
    try {
        Searcher s({stub.string()});
        ADD_FAILURE() << "a bad stub line was accepted";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find(stub.string() + ":1: not a stub line"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(RemoteShards, ADatabaseKeepsItsShard) {
    IndexOptions o;
    o.db = (*dir / "shard1").string();
    o.paths = {PLENARY_SOURCE_DIR "/corpus"};
    o.shard = ShardSpec{2, 3};
    EXPECT_THROW(run_index(o, {}), DatabaseError);
    o.shard = ShardSpec{};
    EXPECT_THROW(run_index(o, {}), DatabaseError);
    o.shard = ShardSpec{1, 3};
    const IndexReport again = run_index(o, {});
    EXPECT_EQ(again.indexed, 0u) << "an unchanged shard reads nothing again";
}

TEST_F(RemoteShards, TheServiceAnswersOverAStubAsOverOneDatabase) {
    test::ServerProcess whole({"--db", (*dir / "whole").string(), "--threads", "1"},
                              *dir / "whole-serve.log");
    test::ServerProcess shards(
        {"--db", (*dir / "remote.stub").string(), "--threads", "1", "--shard-timeout", "2"},
        *dir / "stub-serve.log");
    ASSERT_TRUE(whole.wait_ready()) << test::slurp(whole.log);
    ASSERT_TRUE(shards.wait_ready()) << test::slurp(shards.log);
    auto get = [](int port, const std::string& target) {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(20, 0);
        const auto res = c.Get(target.c_str());
        return std::make_pair(
            res ? res->status : 0,
            res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json());
    };
    for (const std::string target :
         {"/api/search?q=peace&facet=country&facet=year&facet_limit=0&limit=50",
          "/api/search?q=%22climate+change%22&facet=speaker&filter=lang:en&limit=50",
          "/api/search?q=women&sort=-date&facet=body&limit=50",
          "/api/search?q=security&group=document&facet=document&limit=20"}) {
        const auto [ws, w] = get(whole.port, target);
        const auto [ss, sh] = get(shards.port, target);
        ASSERT_EQ(ws, 200) << target;
        EXPECT_EQ(ss, 200) << target << " " << sh.dump().substr(0, 300);
        EXPECT_EQ(sh["total"], w["total"]) << target;
        EXPECT_EQ(sh["facets"], w["facets"]) << target;
        std::set<std::string> wi, si;
        for (const auto& h : w["hits"]) wi.insert(h["id"].get<std::string>());
        for (const auto& h : sh["hits"]) si.insert(h["id"].get<std::string>());
        if (w["total"].get<std::size_t>() <= 50) {
            EXPECT_EQ(si, wi) << target;
        }
    }
    // A shard down: 503 naming it; back: answers again without a restart.
    servers[2].stop();
    const auto [down, why] = get(shards.port, "/api/search?q=peace");
    EXPECT_EQ(down, 503);
    EXPECT_NE(why.dump().find("127.0.0.1:" + std::to_string(servers[2].port)), std::string::npos)
        << why.dump();
    const auto [partial, some] = get(shards.port, "/api/search?q=peace&facet=country&partial=true");
    EXPECT_EQ(partial, 200) << some.dump().substr(0, 300);
    EXPECT_EQ(some["partial"], true);
    EXPECT_EQ(some["failed_shards"],
              nlohmann::json::array({"127.0.0.1:" + std::to_string(servers[2].port) + " (" +
                                     (*dir / "remote.stub").string() + ":4)"}));
    EXPECT_EQ(some["total"], sum_of_shards(*dir, {1, 2}, {"peace"}).total);
    EXPECT_EQ(get(shards.port, "/api/search?q=peace&partial=maybe").first, 400);
    EXPECT_EQ(get(shards.port, "/api/report/countries?q=peace").first, 503);
    servers[2].start();
    const auto [back, again] = get(shards.port, "/api/search?q=peace&facet=country");
    const auto [ws, w] = get(whole.port, "/api/search?q=peace&facet=country");
    EXPECT_EQ(back, 200) << again.dump().substr(0, 300);
    EXPECT_EQ(again["total"], w["total"]);
    EXPECT_EQ(again["facets"], w["facets"]);
    // A shard that commits while served: the next request sees it, as on one database.
    fs::create_directories(*dir / "extra");
    std::ofstream(*dir / "extra" / "late.txt")
        << "A late statement on peace in the Sahel, read for the delegation of Niger.\n\n"
           "It speaks of peace again, and of the peace process in Mali.\n";
    IndexOptions late;
    late.paths = {(*dir / "extra").string()};
    late.db = (*dir / "whole").string();
    run_index(late, {});
    for (int k = 1; k <= 3; ++k) {
        late.db = (*dir / ("shard" + std::to_string(k))).string();
        late.shard = ShardSpec{k, 3};
        run_index(late, {});
    }
    const auto [ls, later] = get(shards.port, "/api/search?q=peace&facet=country");
    const auto [lw, whole_later] = get(whole.port, "/api/search?q=peace&facet=country");
    EXPECT_EQ(whole_later["total"].get<int>(), w["total"].get<int>() + 2);
    EXPECT_EQ(later["total"], whole_later["total"]);
    EXPECT_EQ(later["facets"], whole_later["facets"]);
}

TEST(ShardSpecParse, KOfN) {
    ASSERT_TRUE(ShardSpec::parse("2/3"));
    EXPECT_EQ(ShardSpec::parse("2/3")->str(), "2/3");
    for (const char* bad : {"0/3", "4/3", "3", "/3", "2/", "a/3", "2/3/4", "1/2000", ""})
        EXPECT_FALSE(ShardSpec::parse(bad)) << bad;
}

}  // namespace
}  // namespace plenary
