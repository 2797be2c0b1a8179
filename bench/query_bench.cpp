// Query latency of Plenary beside three baselines on the same paragraphs:
//  (a) a minimal Xapian program: QueryParser + Enquire + MSet::snippet on a database that
//      baseline-index built from the same paragraphs;
//  (b) SQLite FTS5 with snippet() over the same paragraphs;
//  (c) ripgrep over the raw files (run by bench/query_bench.sh, not here).
// Usage: query-bench PLENARY_DB BASELINE_DB FTS5_DB QUERIES.tsv [REPEATS]
// Prints one line per engine and kind: p50 and p95 in milliseconds over all queries × repeats.
#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "baseline_parser.h"
#include "model/schema.h"
#include "search/search.h"

namespace {

struct Query {
    std::string kind, plenary, fts5;
};

std::vector<Query> load(const std::string& path) {
    std::vector<Query> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(col);
        if (cols.size() >= 3) out.push_back({cols[0], cols[1], cols[2]});
    }
    return out;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = static_cast<std::size_t>(p * (v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

template <typename F>
double time_ms(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

/// query-bench load-fts5 DUMP.jsonl FTS5_DB: one FTS5 row per paragraph of the dump.
int load_fts5(const char* dump, const char* path) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path, &db) != SQLITE_OK) return 1;
    sqlite3_exec(db,
                 "CREATE VIRTUAL TABLE p USING fts5(text, tokenize='porter unicode61 "
                 "remove_diacritics 2'); BEGIN;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO p(text) VALUES (?1)", -1, &ins, nullptr);
    std::ifstream in(dump);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) continue;
        for (const auto& para : j["paragraphs"]) {
            const std::string text = para["text"].get<std::string>();
            sqlite3_reset(ins);
            sqlite3_bind_text(ins, 1, text.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_step(ins);
            ++n;
        }
    }
    sqlite3_finalize(ins);
    sqlite3_exec(db, "COMMIT; INSERT INTO p(p) VALUES('optimize');", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    std::printf("sqlite-fts5: %zu paragraphs loaded\n", n);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "load-fts5") return load_fts5(argv[2], argv[3]);
    if (argc < 5) {
        std::fprintf(stderr,
                     "usage: query-bench PLENARY_DB BASELINE_DB FTS5_DB QUERIES.tsv [REPEATS]\n");
        return 2;
    }
    const int repeats = argc > 5 ? std::atoi(argv[5]) : 5;
    const auto queries = load(argv[4]);
    std::map<std::string, std::vector<double>> times;  // engine -> ms
    // QUERY_BENCH_DETAIL=1: each query's median per engine too, on stderr.
    const bool detail = std::getenv("QUERY_BENCH_DETAIL") != nullptr;
    // QUERY_BENCH_ENGINES=plenary+facets,xapian: only those engines (for a profiler).
    const std::string only =
        std::getenv("QUERY_BENCH_ENGINES") ? std::getenv("QUERY_BENCH_ENGINES") : "";
    auto runs = [&](const std::string& engine) {
        if (only.empty()) return true;
        const std::string list = "," + only + ",";
        return list.find("," + engine + ",") != std::string::npos;
    };
    std::map<std::string, std::map<std::string, std::vector<double>>>
        per_query;  // query -> engine -> ms
    std::size_t plenary_hits = 0, xapian_hits = 0, fts_hits = 0;

    {
        // What a long-lived searcher pays once per database revision for its facet counts.
        const Xapian::Database db(argv[1]);
        std::size_t bytes = 0, values = 0;
        const double ms = time_ms([&] {
            const plenary::FacetColumn column(db,
                                              *plenary::Schema::instance().field("facets").slot);
            bytes = column.memory();
            values = column.size();
        });
        std::printf(
            "facet column: %u paragraphs, %zu distinct facet values, %.1f MB, built in %.0f ms\n",
            db.get_doccount(), values, bytes / 1e6, ms);
    }
    plenary::Searcher searcher({argv[1]});
    // The same, counting facets from each match's stored value, never from the in-memory
    // column: what a one-shot plenary-search does.
    plenary::Searcher per_match({argv[1]});
    per_match.set_facet_column(plenary::Searcher::FacetColumnBuild::never);
    Xapian::Database base(argv[2]);
    Xapian::QueryParser qp = baseline_parser(base);
    sqlite3* fts = nullptr;
    if (sqlite3_open_v2(argv[3], &fts, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "query-bench: cannot open %s\n", argv[3]);
        return 1;
    }
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(fts,
                       "SELECT snippet(p, 0, '<b>', '</b>', '…', 24) FROM p WHERE p MATCH ?1 "
                       "ORDER BY rank LIMIT 10",
                       -1, &stmt, nullptr);

    for (int r = 0; r < repeats; ++r) {
        for (const auto& q : queries) {
            plenary::SearchRequest req;
            req.query = q.plenary;
            req.limit = 10;
            if (runs("plenary"))
                times["plenary"].push_back(time_ms([&] {
                    try {
                        plenary_hits += searcher.search(req).hits.size();
                    } catch (const std::exception& e) {
                        std::fprintf(stderr, "plenary: %s: %s\n", q.plenary.c_str(), e.what());
                    }
                }));
            req.facets = {"all"};
            if (runs("plenary+facets"))
                times["plenary+facets"].push_back(time_ms([&] {
                    try {
                        searcher.search(req);
                    } catch (const std::exception&) {
                    }
                }));
            if (runs("plenary+facets/per-match"))
                times["plenary+facets/per-match"].push_back(time_ms([&] {
                    try {
                        per_match.search(req);
                    } catch (const std::exception&) {
                    }
                }));
            if (runs("xapian"))
                times["xapian"].push_back(time_ms([&] {
                    try {
                        Xapian::Enquire enquire(base);
                        const unsigned flags =
                            Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
                        Xapian::Query query = qp.parse_query(q.plenary, flags);
                        enquire.set_query(query);
                        Xapian::MSet mset = enquire.get_mset(0, 10);
                        for (auto it = mset.begin(); it != mset.end(); ++it) {
                            const std::string s = mset.snippet(it.get_document().get_data(), 240);
                            xapian_hits += !s.empty();
                        }
                    } catch (const Xapian::Error& e) {
                        std::fprintf(stderr, "xapian: %s: %s\n", q.plenary.c_str(),
                                     e.get_msg().c_str());
                    }
                }));
            if (runs("sqlite-fts5"))
                times["sqlite-fts5"].push_back(time_ms([&] {
                    sqlite3_reset(stmt);
                    sqlite3_bind_text(stmt, 1, q.fts5.c_str(), -1, SQLITE_TRANSIENT);
                    while (sqlite3_step(stmt) == SQLITE_ROW) ++fts_hits;
                }));
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(fts);
    plenary::Searcher::wait_for_background_work();
    if (detail) {
        // Each engine appends one time per query per repeat, in the order of the queries.
        for (const auto& [engine, v] : times)
            for (std::size_t i = 0; i < v.size(); ++i)
                per_query[queries[i % queries.size()].plenary][engine].push_back(v[i]);
        std::fprintf(stderr, "%-48s %9s %9s %9s %9s %9s\n", "query", "plenary", "+facets",
                     "per-match", "xapian", "fts5");
        for (const auto& q : queries) {
            auto& e = per_query[q.plenary];
            std::fprintf(stderr, "%-48s %9.2f %9.2f %9.2f %9.2f %9.2f\n", q.plenary.c_str(),
                         percentile(e["plenary"], 0.5), percentile(e["plenary+facets"], 0.5),
                         percentile(e["plenary+facets/per-match"], 0.5),
                         percentile(e["xapian"], 0.5), percentile(e["sqlite-fts5"], 0.5));
        }
    }
    std::printf("| engine | queries | p50 ms | p95 ms |\n|---|---|---|---|\n");
    for (const char* e :
         {"plenary", "plenary+facets", "plenary+facets/per-match", "xapian", "sqlite-fts5"}) {
        const auto& v = times[e];
        std::printf("| %s | %zu | %.2f | %.2f |\n", e, v.size(), percentile(v, 0.5),
                    percentile(v, 0.95));
    }
    std::printf("hits returned: plenary %zu, xapian %zu, sqlite %zu\n", plenary_hits, xapian_hits,
                fts_hits);
    return 0;
}
