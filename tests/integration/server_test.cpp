// Runs the real `plenary-search serve` on a loopback port it picks over a database built from
// corpus/ with the real plenary-index, and talks to it over HTTP.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "integration/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::kIndex;
using test::kSearch;
using test::q;
using test::ServerProcess;
using test::shell;
using test::slurp;

/// The documents of corpus/, counted from the folder as plenary-index collects it: every
/// regular file but hidden ones and sidecars (none of the sample's files is a copy of another).
/// The files of corpus/ the indexer reads: no hidden file, sidecar or what its .plenaryignore
/// names (its README).
int corpus_documents() {
    const auto files = collect_files({PLENARY_SOURCE_DIR "/corpus"}, {}, nullptr);
    return static_cast<int>(files.size());
}

class ServerTest : public ::testing::Test {
  protected:
    static inline fs::path dir, db, docs;
    static inline ServerProcess* server = nullptr;

    static void SetUpTestSuite() {
        dir = fs::temp_directory_path() / ("plenary-server-" + std::to_string(::getpid()));
        db = dir / "db";
        docs = dir / "docs";
        fs::create_directories(docs);
        const auto [status, out] = shell(kIndex + " --db " + q(db) + " " +
                                         q(fs::path(PLENARY_SOURCE_DIR) / "corpus") + " 2>&1");
        ASSERT_EQ(status, 0) << out;
        server = new ServerProcess({"--db", db.string(), "--threads", "4"}, dir / "server.log");
        ASSERT_TRUE(server->wait_ready()) << slurp(dir / "server.log");
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
        fs::remove_all(dir);
    }

    httplib::Result get(const std::string& path) {
        httplib::Client c("127.0.0.1", server->port);
        return c.Get(path.c_str());
    }
    json get_json(const std::string& path, int expected_status = 200) {
        auto r = get(path);
        EXPECT_TRUE(r) << path;
        if (!r) return {};
        EXPECT_EQ(r->status, expected_status) << path << "\n" << r->body;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
        return json::parse(r->body);
    }
    json cli_json(const std::string& args) {
        const auto [status, out] = shell(kSearch + " --db " + q(db) + " --format json " + args);
        EXPECT_EQ(status, 0) << args;
        return json::parse(out);
    }
};

TEST_F(ServerTest, HealthGivesRevisionAndCounts) {
    const json h = get_json("/api/health");
    Xapian::Database x(db.string());
    EXPECT_EQ(h["status"], "ok");
    EXPECT_EQ(h["paragraphs"].get<Xapian::doccount>(), x.get_doccount());
    EXPECT_EQ(h["documents"], corpus_documents());
    EXPECT_GT(corpus_documents(), 5);
    EXPECT_EQ(h["revision"].get<Xapian::rev>(), x.get_revision());
    EXPECT_GT(h["paragraphs"].get<int>(), 50);
}

TEST_F(ServerTest, SearchAnswersExactlyWhatTheCliPrints) {
    struct Row {
        std::string url, cli;
    };
    const std::vector<Row> rows = {
        {"/api/search?q=trafficking", "trafficking"},
        {"/api/search?q=trafficking&facet=country&facet=year&limit=3",
         "trafficking --facet country --facet year --limit 3"},
        {"/api/search?q=%22migrant%20smuggling%22&offset=2&limit=5&snippet_length=80",
         "'\"migrant smuggling\"' --offset 2 --limit 5 --snippet-length 80"},
        {"/api/search?q=protocol&filter=country:NER&filter=country:MLI&facet=all&facet_limit=3",
         "protocol --filter country:NER --filter country:MLI --facet all --facet-limit 3"},
        {"/api/search?filter=country:NER&sort=symbol", "--filter country:NER --sort symbol"},
        {"/api/search?q=victims&group=document&per_document=2",
         "victims --group-by document --per-document 2"},
        {"/api/search?q=resolution%2073/195&lang=en", "'resolution 73/195' --lang en"},
    };
    for (const Row& row : rows) {
        const auto r = get(row.url);
        ASSERT_TRUE(r) << row.url;
        EXPECT_EQ(r->status, 200) << row.url << r->body;
        const auto [status, cli] = shell(kSearch + " --db " + q(db) + " --format json " + row.cli);
        ASSERT_EQ(status, 0) << row.cli;
        EXPECT_EQ(r->body, cli) << row.url;  // byte for byte: the same to_json, the same layout
        EXPECT_EQ(json::parse(r->body), json::parse(cli)) << row.url;
    }
    EXPECT_GT(get_json("/api/search?q=trafficking")["total"].get<int>(), 5);
}

// The demo sample spans languages and speakers: the Charter in English and French, and
// General Debate speeches named by their countries.
TEST_F(ServerTest, FacetsSpanLanguagesCountriesAndDocuments) {
    const json r = get_json("/api/search?q=nations&facet=lang&facet=country&facet_limit=0&limit=0");
    std::map<std::string, int> langs, countries;
    for (const auto& v : r["facets"]["lang"])
        langs[v["value"].get<std::string>()] = v["count"].get<int>();
    for (const auto& v : r["facets"]["country"])
        countries[v["value"].get<std::string>()] = v["count"].get<int>();
    EXPECT_GT(langs["en"], 0);
    EXPECT_GT(langs["fr"], 0);
    for (const char* c : {"NER", "TCD", "MLI", "MRT"}) EXPECT_GT(countries[c], 0) << c;
    const json grouped =
        get_json("/api/search?q=trafficking+country:Niger&group=document&limit=20");
    EXPECT_GE(grouped["total"].get<int>(), 3) << "the seed and two speeches of 2018";
}

TEST_F(ServerTest, TotalsAreExactOnEveryPage) {
    for (const char* q :
         {"trafficking", "%22organized+crime%22", "country:NER", "migrants+OR+refugees"}) {
        const json counted = get_json(std::string("/api/search?limit=0&facet=all&q=") + q);
        ASSERT_TRUE(counted["total_exact"].get<bool>()) << q;
        ASSERT_GT(counted["total"].get<int>(), 0) << q;
        for (const char* page : {"&limit=0", "&limit=1", "&limit=10", "&offset=20&limit=10"}) {
            const json r = get_json(std::string("/api/search?q=") + q + page);
            EXPECT_EQ(r["total"], counted["total"]) << q << page;
            EXPECT_TRUE(r["total_exact"].get<bool>()) << q << page;
        }
    }
    const json bounded = get_json("/api/search?q=trafficking+OR+migrants&exact_up_to=2&limit=1");
    EXPECT_FALSE(bounded["total_exact"].get<bool>());
    EXPECT_GT(bounded["total"].get<int>(), 2);
}

TEST_F(ServerTest, ParagraphAndDocumentEqualTheCli) {
    const json hits =
        get_json("/api/search?q=trafficking&filter=doc:CTOC%2FCOP%2F2020%2F2&limit=1")["hits"];
    ASSERT_EQ(hits.size(), 1u);
    const std::string id = hits[0]["id"];
    EXPECT_EQ(get_json("/api/paragraph/" + id), cli_json("--show " + id));

    const json encoded = get_json("/api/document/CTOC%2FCOP%2F2020%2F2");
    const json raw = get_json("/api/document/CTOC/COP/2020/2");
    EXPECT_EQ(encoded, raw);
    EXPECT_EQ(encoded, cli_json("--show-document CTOC/COP/2020/2"));
    ASSERT_EQ(encoded.size(), 1u);
    EXPECT_EQ(encoded[0]["document"]["symbol"], "CTOC/COP/2020/2");
    // What cites it: as many paragraphs as a symbol: filter finds (a document's own symbol is
    // not one of its citations).
    EXPECT_EQ(encoded[0]["cited_by"]["references"], json::array({"symbol:CTOC/COP/2020/2"}));
    EXPECT_EQ(encoded[0]["cited_by"]["total"],
              cli_json("-n 0 --filter symbol:CTOC/COP/2020/2")["total"]);
    EXPECT_EQ(get_json("/api/document/" + id), encoded) << "a paragraph id names its document";
}

TEST_F(ServerTest, ReportsEqualTheCliForTheSameQueryAndFilters) {
    struct Row {
        std::string kind, url_query, cli_args, format, type;
    };
    const std::vector<Row> rows = {
        {"countries", "q=trafficking&filter=year:2018..2020",
         "trafficking --filter year:2018..2020", "json", "application/json; charset=utf-8"},
        {"speeches", "filter=session:73&format=markdown", "--filter session:73", "markdown",
         "text/markdown; charset=utf-8"},
        {"speeches", "filter=session:73&by=country&format=csv", "--filter session:73 --by country",
         "csv", "text/csv; charset=utf-8"},
        {"citations", "q=smuggling&format=csv", "smuggling", "csv", "text/csv; charset=utf-8"},
        {"citations", "q=smuggling&format=graphml", "smuggling", "graphml",
         "application/graphml+xml; charset=utf-8"},
        {"documents", "q=nations&filter=lang:fr&filter=lang:en&format=html",
         "nations --filter lang:fr --filter lang:en", "html", "text/html; charset=utf-8"},
    };
    for (const Row& row : rows) {
        const std::string url = "/api/report/" + row.kind + "?" + row.url_query;
        const auto r = get(url);
        ASSERT_TRUE(r) << url;
        EXPECT_EQ(r->status, 200) << url << "\n" << r->body;
        EXPECT_EQ(r->get_header_value("Content-Type"), row.type) << url;
        const auto [status, out] =
            shell(kSearch + " report " + row.kind + " " + row.cli_args + " --db " + q(db) +
                  " --format " + row.format + " --base-url ''");
        EXPECT_EQ(status, 0) << row.cli_args;
        EXPECT_EQ(r->body, out) << url;
        EXPECT_GT(r->body.size(), 100u) << url << ": the report has entries";
    }
    // The HTML runs nothing and fetches nothing; its links open paragraphs on this page.
    const auto html = get("/api/report/countries?q=trafficking&format=html");
    ASSERT_TRUE(html);
    EXPECT_NE(html->get_header_value("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos);
    EXPECT_EQ(html->get_header_value("Content-Security-Policy").find("script-src"),
              std::string::npos);
    EXPECT_NE(html->body.find("href=\"/#para="), std::string::npos);
    // Each entry's count is the facet count of the same search.
    const json report = get_json("/api/report/countries?q=trafficking&filter=year:2018..2020");
    const json facets = get_json(
        "/api/search?q=trafficking&filter=year:2018..2020&facet=country&facet_limit=0&limit=0");
    ASSERT_FALSE(report["entries"].empty());
    EXPECT_EQ(report["entries"].size(), facets["facets"]["country"].size());
    for (const auto& v : facets["facets"]["country"]) {
        const auto e = std::find_if(report["entries"].begin(), report["entries"].end(),
                                    [&](const json& x) { return x["value"] == v["value"]; });
        ASSERT_NE(e, report["entries"].end()) << v["value"];
        EXPECT_EQ((*e)["count"], v["count"]) << v["value"];
    }
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"/api/report/people?q=a",
         "no report 'people' (citations, speeches, documents, countries, subjects)"},
        {"/api/report/countries?q=a&by=subject",
         "by is for the speeches report: country or subject"},
        {"/api/report/speeches?q=a&by=year", "by is for the speeches report: country or subject"},
        {"/api/report/countries?q=a&format=pdf",
         "unknown report format 'pdf' (html, markdown, csv, json, graphml)"},
        {"/api/report/speeches?q=a&format=graphml", "format graphml is for the citations report"},
        {"/api/report/countries", "no query (give q, or filter)"},
        {"/api/report/countries?q=a&limit=3", "unknown parameter 'limit' (q, filter, format, by)"},
        {"/api/report/countries?q=%22open", "unbalanced quote at column 1"},
    };
    for (const auto& [path, message] : bad) {
        const auto r = get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, path.find("people") != std::string::npos ? 404 : 400) << path;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
        EXPECT_EQ(json::parse(r->body)["error"]["message"], message) << path;
    }
}

TEST_F(ServerTest, BadRequestsGetJsonErrorsAndTheServerKeepsServing) {
    struct Row {
        std::string path;
        int status;
        std::string message;  // empty: any message
    };
    const std::string limit_msg = "limit must be a whole number from 0 to 100";
    const std::vector<Row> rows = {
        {"/api/search?q=%22unclosed", 400, "unbalanced quote at column 1"},
        {"/api/search?q=a&limit=-1", 400, limit_msg},
        {"/api/search?q=a&limit=100000", 400, limit_msg},
        {"/api/search?q=a&limit=ten", 400, limit_msg},
        {"/api/search?q=a&offset=-5", 400, "offset must be a whole number from 0 to 100000"},
        {"/api/search?q=a%FFb", 400, "parameter 'q' is not valid UTF-8"},
        {"/api/search?q=" + std::string(3000, 'a'), 400, "query is longer than 2000 bytes"},
        {"/api/search?q=" + std::string(10000, 'a'), 400,
         "request line too long (queries are limited to 2000 bytes)"},
        {"/api/search?q=a&bogus=1", 400,
         "unknown parameter 'bogus' (q, facet, filter, offset, limit, sort, group, per_document, "
         "facet_limit, "
         "snippet_length, lang, in_lang, facet_order, exact_up_to, partial)"},
        {"/api/search?q=a&q=b", 400, "parameter 'q' given more than once"},
        {"/api/search?q=a&lang=xx", 400,
         "unknown language 'xx' for lang (en, fr, es, ru, ar, zh, de)"},
        {"/api/search?q=a&in_lang=xx", 400,
         "unknown language 'xx' for in_lang (en, fr, es, ru, ar, zh, de)"},
        {"/api/search?q=a&facet_order=size", 400, "unknown facet order 'size' (count, value)"},
        {"/api/search?q=a&sort=size", 400, "unknown sort 'size' (relevance, date, -date, symbol)"},
        {"/api/search?q=a&group=page", 400, "unknown grouping 'page' (document)"},
        {"/api/search", 400, "no query (give q, or filter)"},
        {"/api/paragraph/000000000000-9999", 404, "no paragraph with id '000000000000-9999'"},
        {"/api/paragraph/..%2F..%2Fetc%2Fpasswd", 404, "no paragraph with id '../../etc/passwd'"},
        {"/api/document/..%2F..%2Fetc%2Fpasswd", 404,
         "no document '../../etc/passwd' in the database"},
        {"/api/document/A/RES/99/999", 404, "no document 'A/RES/99/999' in the database"},
        {"/api/document/%FF", 400, "the path is not valid UTF-8"},
        {"/api/nothing", 404, "no such endpoint (see /api/openapi.json)"},
        {"/etc/passwd", 404, "no such path"},
        {"/../../etc/passwd", 0, ""},  // httplib may refuse it before routing: any 4xx
    };
    for (const Row& row : rows) {
        const auto r = get(row.path);
        ASSERT_TRUE(r) << row.path.substr(0, 80);
        if (row.status == 0) {
            EXPECT_GE(r->status, 400) << row.path;
            EXPECT_LT(r->status, 500) << row.path;
        } else {
            EXPECT_EQ(r->status, row.status) << row.path.substr(0, 80) << "\n" << r->body;
        }
        const json j = json::parse(r->body, nullptr, false);
        ASSERT_TRUE(j.is_object()) << r->body;
        EXPECT_EQ(j["error"]["status"], r->status) << row.path.substr(0, 80);
        if (!row.message.empty()) {
            EXPECT_EQ(j["error"]["message"], row.message) << row.path.substr(0, 80);
        }
        EXPECT_EQ(r->body.find("terminate"), std::string::npos);
    }
    // The CLI gives the same message for the same bad query.
    const auto [status, out] = shell(kSearch + " --db " + q(db) + " '\"unclosed' 2>&1");
    EXPECT_EQ(status, 2);
    EXPECT_EQ(out, "plenary-search: unbalanced quote at column 1\n");
    const auto [lang_status, lang_out] =
        shell(kSearch + " --db " + q(db) + " --lang xx trafficking 2>&1");
    EXPECT_EQ(lang_status, 2);
    EXPECT_EQ(lang_out,
              "plenary-search: unknown language 'xx' for lang (en, fr, es, ru, ar, zh, de)\n");

    httplib::Client c("127.0.0.1", server->port);
    const auto post = c.Post("/api/search", "q=a", "application/x-www-form-urlencoded");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(get_json("/api/health")["status"], "ok") << "still serving";
}

TEST_F(ServerTest, MarkupInAQueryComesBackAsJsonText) {
    const std::string hostile = "<script>alert(1)</script> trafficking";
    const auto r = get("/api/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20trafficking");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    const json j = json::parse(r->body);
    EXPECT_EQ(j["query"], hostile);
    for (const auto& hit : j["hits"])
        EXPECT_EQ(hit["snippet"]["html"].get<std::string>().find("<script"), std::string::npos);

    const auto bad = get("/api/search?q=%22%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(json::parse(bad->body)["error"]["message"], "unbalanced quote at column 1");
}

TEST_F(ServerTest, PageAndOpenApiAreServedFromTheBinary) {
    const auto page = get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos);
    EXPECT_EQ(page->body, slurp(fs::path(PLENARY_SOURCE_DIR) / "searcher/web/index.html"));
    for (const char* external :
         {"src=\"http", "href=\"http", "src=\"//", "url(http", "import(", "innerHTML"})
        EXPECT_EQ(page->body.find(external), std::string::npos) << external;

    const json api = get_json("/api/openapi.json");
    EXPECT_EQ(api, json::parse(slurp(fs::path(PLENARY_SOURCE_DIR) / "schemas/openapi.json")));
    for (const char* path : {"/api/search", "/api/paragraph/{id}", "/api/document/{symbol_or_id}",
                             "/api/report/{kind}", "/api/health", "/api/openapi.json", "/"})
        EXPECT_TRUE(api["paths"].contains(path)) << path;
    std::vector<std::string> params;
    for (const auto& p : api["paths"]["/api/search"]["get"]["parameters"])
        params.push_back(p["name"]);
    EXPECT_EQ(params,
              (std::vector<std::string>{"q", "filter", "facet", "offset", "limit", "exact_up_to",
                                        "partial", "sort", "group", "per_document", "facet_limit",
                                        "snippet_length", "facet_order", "lang", "in_lang"}));
}

TEST_F(ServerTest, DocumentsIndexedWhileServingAppearWithoutRestart) {
    const std::string word = "quokkaquest";
    EXPECT_EQ(get_json("/api/search?q=" + word)["total"], 0);
    const auto before = get_json("/api/health")["revision"].get<long>();
    std::ofstream(docs / "new.txt") << "The delegation of Tuvalu raised the " << word
                                    << " in the Sixth Committee.\n\nA second paragraph.\n";
    const auto [status, out] =
        shell(kIndex + " --db " + q(db) + " " + q(docs / "new.txt") + " 2>&1");
    ASSERT_EQ(status, 0) << out;
    const json r = get_json("/api/search?q=" + word);
    EXPECT_EQ(r["total"], 1);
    ASSERT_EQ(r["hits"].size(), 1u);
    EXPECT_EQ(r["hits"][0]["countries"], json::array({"TUV"}));
    const json h = get_json("/api/health");
    EXPECT_GT(h["revision"].get<long>(), before);
    EXPECT_EQ(h["documents"], corpus_documents() + 1);
}

TEST_F(ServerTest, ConcurrentRequestsAllSucceed) {
    const std::vector<std::string> paths = {"/api/search?q=trafficking&facet=country",
                                            "/api/search?q=%22migrant%20smuggling%22&limit=20",
                                            "/api/document/CTOC%2FCOP%2F2020%2F2", "/api/health"};
    std::vector<std::string> expected;
    for (const auto& p : paths) expected.push_back(get(p)->body);
    std::atomic<int> ok{0}, bad{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            httplib::Client c("127.0.0.1", server->port);
            for (int i = 0; i < 12; ++i) {
                const std::size_t k = static_cast<std::size_t>(t + i) % paths.size();
                const auto r = c.Get(paths[k].c_str());
                (r && r->status == 200 && r->body == expected[k] ? ok : bad)++;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok, 96);
    EXPECT_EQ(bad, 0);
}

TEST_F(ServerTest, SecondInstanceOnTheSamePortFailsWithOneClearLine) {
    const auto [status, out] = shell(kSearch + " serve --db " + q(db) + " --port " +
                                     std::to_string(server->port) + " 2>&1 </dev/null");
    EXPECT_EQ(status, 3);
    EXPECT_EQ(out, "plenary-search: cannot listen on 127.0.0.1:" + std::to_string(server->port) +
                       ": address already in use (is another plenary-search serve running?)\n");
    EXPECT_EQ(get_json("/api/health")["status"], "ok");
}

TEST_F(ServerTest, AccessLogHasOneLinePerRequest) {
    get("/api/search?q=logline");
    // The line may follow the answer by a moment: wait for it, 3 s at most.
    std::string log = slurp(server->log);
    for (int i = 0; i < 150 && log.find("GET /api/search?q=logline 200 ") == std::string::npos;
         ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        log = slurp(server->log);
    }
    const std::size_t at = log.find("GET /api/search?q=logline 200 ");
    ASSERT_NE(at, std::string::npos) << log;
    const std::string line = log.substr(at, log.find('\n', at) - at);
    EXPECT_EQ(line.substr(line.size() - 3), " ms") << line;
}

TEST(ServerLifecycle, MissingDatabaseIs503AndSigtermStopsWithStatusZero) {
    const fs::path dir =
        fs::temp_directory_path() / ("plenary-server-life-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    ServerProcess s({"--db", (dir / "missing").string(), "--threads", "4"}, dir / "log");
    ASSERT_TRUE(s.wait_ready()) << slurp(dir / "log");
    httplib::Client c("127.0.0.1", s.port);
    for (const char* path : {"/api/search?q=trafficking", "/api/health", "/api/paragraph/abc-1"}) {
        const auto r = c.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 503) << path;
        EXPECT_EQ(
            json::parse(r->body)["error"]["message"],
            "no Plenary database at " + (dir / "missing").string() + " (run plenary-index first)");
    }
    EXPECT_EQ(c.Get("/")->status, 200) << "the page does not need the database";
    EXPECT_EQ(s.stop(SIGTERM), 0);
    EXPECT_NE(slurp(dir / "log").find("plenary-search: stopped"), std::string::npos);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace plenary
