// plenary-search: searches a Plenary database. Thin: options here, the work in core/search/.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/exit_codes.h"
#include "report_main.h"
#include "search/search.h"
#include "serve_shard_main.h"

namespace po = boost::program_options;

namespace {

using plenary::kExitDatabase;
using plenary::kExitFailure;
using plenary::kExitOk;
using plenary::kExitUsage;

const char* kQueryHelp = R"HELP(Query language:
  migrant smuggling             both words (stemmed: migrants, smuggled); default operator AND
  "migrant smuggling"           the exact phrase (also before ’s or a footnote mark; - = space)
  trafficking OR smuggling      also AND, NOT, XOR, parentheses, traffick*
  migrants -smuggling           - excludes a word, -(a OR b) a group, -"a b" a phrase,
                                -country:NER a field; + requires one
  smuggling NEAR/3 migrants     both within 3 words (NEAR: 10), in any order; ADJ/3: in order
  resolution 73/195             the resolution as cited (every body's 73/195)
  A/RES/73/195  S/RES/2482 (2019)  CTOC/COP/WG.4/2019/2   references match exactly
  country:NER  country:Niger  country:"Côte d'Ivoire"  (a code or any name, six languages)
  symbol:A/HRC/WG.6/34/SVN/2    cited symbol (also its Corr./Add./Rev.); doc: the own symbol
  resolution:A/HRC/RES/*  symbol:A/HRC/WG.6/*  doc:A/HRC/43/*   every reference under the
                                prefix (resolution:, decision:, symbol:, doc:, document:; at most
                                10,000 distinct references, else a longer prefix is asked for)
  year:2015..2019  date:2019-01-01..2020-06-30  session:73  lang:fr  body:A/HRC
                                a year-only date meets a date range that its year overlaps
  organ:A/HRC                   paragraphs citing a symbol or resolution of that organ
  title:smuggling  heading:recommendations  para:19  kind:numbered  speaker:NGA  speaker:EU
  charter:art51  charter:art2-4  charter:ch7   Articles and Chapters of the Charter invoked
)HELP";

const char* kExamples = R"HELP(Examples:
  plenary-search migrant smuggling
  plenary-search '"Security Council resolution 2482 (2019)"' --facet country --facet year
  plenary-search trafficking --filter country:NER --filter country:NGA --filter year:2019
  plenary-search 'smuggling AND country:"Côte d'"'"'Ivoire"' --format json
  plenary-search --show 3fa2c41b09de-19
  plenary-search --show-document CTOC/COP/2020/3
  plenary-search serve --port 8080     the search page and JSON API (serve --help)
  plenary-search report citations --filter session:74 --format html
                                       reports librarians publish (report --help)

Exit status: 0 results (also when nothing matches, and a partial answer with
--partial); 2 bad query or usage; 3 missing, unreadable or locked database, or a
shard down; 1 any other failure.
)HELP";

bool color_wanted(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
           !(term && std::string(term) == "dumb");
}

/// `plenary-search serve ARGS...` runs plenary-serve, installed beside this binary, with ARGS
/// (same process: signals and the exit status are the service's).
int exec_serve(char** argv) {
    char self[4096];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string dir = n > 0 ? std::string(self, static_cast<std::size_t>(n)) : std::string(argv[0]);
    dir = dir.find('/') == std::string::npos ? "." : dir.substr(0, dir.rfind('/'));
    const std::string path = dir + "/plenary-serve";
    argv[1] = const_cast<char*>(path.c_str());
    execv(path.c_str(), argv + 1);
    std::cerr << "plenary-search: cannot run " << path << ": " << std::strerror(errno) << '\n';
    return kExitFailure;
}

/// What the command line asks.
struct Options {
    std::vector<std::string> dbs, filters, facets;
    plenary::SearchRequest req;
    std::string format = "text", color = "auto", group_by, show, show_document, in_lang;
    double shard_timeout = 5;
};

void describe_options(po::options_description& visible, Options& o) {
    plenary::SearchRequest& req = o.req;
    visible.add_options()("help,h", "show this help and the query language")(
        "db,d", po::value(&o.dbs),
        "database directory, repeatable to search several "
        "(default: $PLENARY_DB, else ~/.local/share/plenary/db)")(
        "filter,f", po::value(&o.filters),
        "FIELD:VALUE drill-down, repeatable: OR within a field, "
        "AND across fields")("facet", po::value(&o.facets),
                             "count values of a facet field, repeatable, or 'all'")(
        "facet-limit", po::value(&req.facet_limit)->default_value(10),
        "values per facet (0 = all)")(
        "facet-order", po::value(&req.facet_order)->default_value("count"),
        "'count' (most frequent first) or 'value' (those values in value order: a timeline of "
        "years)")("offset", po::value(&req.offset)->default_value(0), "hits to skip")(
        "limit,n", po::value(&req.limit)->default_value(10), "hits to show")(
        "exact-up-to", po::value(&req.exact_up_to)->default_value(10000),
        "count matches exactly up to N; past it the total is a lower bound (\"more than N\")")(
        "sort", po::value(&req.sort)->default_value("relevance"),
        "relevance, date, -date or symbol")("group-by", po::value(&o.group_by),
                                            "'document': documents with their best paragraphs")(
        "per-document", po::value(&req.per_document)->default_value(3),
        "paragraphs per document with --group-by")(
        "snippet-length", po::value(&req.snippet_length)->default_value(240),
        "characters per snippet")(
        "lang", po::value(&req.lang),
        "analyse the query as LANG (en, fr, es, ru, ar, zh); default: "
        "from its script (Arabic, Chinese, Cyrillic), else each paragraph's own")(
        "shard-timeout", po::value(&o.shard_timeout)->default_value(5),
        "seconds a remote shard of a stub file may take to connect or to answer")(
        "partial", po::bool_switch(&req.partial),
        "answer from the shards that answer when some are down or too slow, marked partial "
        "with those left out named (default: exit 3 naming them)")(
        "format", po::value(&o.format)->default_value("text"),
        "text, json, jsonl (one hit per line) or html")(
        "color", po::value(&o.color)->default_value("auto"),
        "highlight with colour: auto, always, never")(
        "show", po::value(&o.show), "print paragraph ID whole, with footnotes and references")(
        "in-lang", po::value(&o.in_lang),
        "with --show: the aligned paragraph of the LANG version instead; "
        "with a query: each hit's aligned paragraph too (en, fr, es, ru, ar, zh)")(
        "show-document", po::value(&o.show_document),
        "print the paragraphs of a document (SYMBOL or paragraph ID)");
}

int usage(const std::string& message) {
    std::cerr << "plenary-search: " << message << " (see --help)\n";
    return kExitUsage;
}

/// Checks the options and completes the request from them: an exit status when they are bad.
std::optional<int> check_options(Options& o, const po::variables_map& vm) {
    if (o.format != "text" && o.format != "json" && o.format != "jsonl" && o.format != "html")
        return usage("unknown format '" + o.format + "' (text, json, jsonl, html)");
    if (o.color != "auto" && o.color != "always" && o.color != "never")
        return usage("unknown colour mode '" + o.color + "' (auto, always, never)");
    if (!o.group_by.empty() && o.group_by != "document")
        return usage("unknown grouping '" + o.group_by + "' (document)");
    plenary::SearchRequest& req = o.req;
    if (vm.count("query")) {
        for (const auto& word : vm["query"].as<std::vector<std::string>>())
            req.query += (req.query.empty() ? "" : " ") + word;
    }
    req.filters = o.filters;
    req.facets = o.facets;
    req.group_by_document = o.group_by == "document";
    req.in_lang = o.in_lang;
    return std::nullopt;
}

/// --show and --show-document.
void show(plenary::Searcher& searcher, const Options& o, const plenary::TextStyle& style) {
    const int indent = o.format == "json" ? 2 : -1;
    if (!o.show.empty()) {
        const auto p =
            o.in_lang.empty() ? searcher.show(o.show) : searcher.aligned(o.show, o.in_lang);
        if (o.format == "text")
            std::cout << plenary::to_text(p, style);
        else
            std::cout << plenary::to_json(p).dump(indent) << '\n';
        return;
    }
    const auto docs = searcher.show_document(o.show_document);
    if (o.format == "text") {
        for (std::size_t i = 0; i < docs.size(); ++i)
            std::cout << (i ? "\n" : "") << plenary::to_text(docs[i], style);
    } else {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& d : docs) j.push_back(plenary::to_json(d));
        std::cout << j.dump(indent) << '\n';
    }
}

void print_result(const plenary::SearchResult& result, const Options& o,
                  const plenary::TextStyle& style) {
    if (o.format == "json") {
        std::cout << plenary::to_json(result).dump(2) << '\n';
    } else if (o.format == "jsonl") {
        const nlohmann::json j = plenary::to_json(result);
        for (const auto& hit : j["hits"]) std::cout << hit.dump() << '\n';
    } else if (o.format == "html") {
        std::cout << plenary::to_html(result);
    } else {
        std::cout << plenary::to_text(result, style);
    }
}

/// Opens the databases and answers: a paragraph, a document or a query.
int run(const Options& o) {
    const plenary::TextStyle style{o.format == "text" && color_wanted(o.color)};
    try {
        if (!(o.shard_timeout > 0 && o.shard_timeout <= 3600)) {
            std::cerr << "plenary-search: --shard-timeout must be more than 0 and at most 3600\n";
            return kExitUsage;
        }
        const auto shard_ms = static_cast<unsigned>(o.shard_timeout * 1000);
        plenary::set_remote_timeouts({shard_ms, shard_ms});
        plenary::Searcher searcher(o.dbs, o.req.partial);
        if (!o.show.empty() || !o.show_document.empty()) {
            searcher.require_every_part();  // --partial is for searches
            show(searcher, o, style);
            return kExitOk;
        }
        if (o.req.query.empty() && o.req.filters.empty())
            return usage(
                "no query (give words to search for, or --filter, --show, --show-document)");
        const plenary::SearchResult result = searcher.search(o.req);
        print_result(result, o, style);
        // A partial answer is what --partial asked for: exit 0, the shards left out named.
        for (const auto& shard : result.failed_shards)
            std::cerr << "plenary-search: partial answer: shard " << shard << " left out\n";
        return kExitOk;
    } catch (const plenary::QueryError& e) {
        std::cerr << "plenary-search: " << e.what() << '\n';
        return kExitUsage;
    } catch (const plenary::DatabaseError& e) {
        std::cerr << "plenary-search: " << e.what() << '\n';
        return kExitDatabase;
    } catch (const Xapian::Error& e) {
        // Xapian's errors are not std::exceptions: one that escapes core (a damaged table read
        // mid-run) still ends in one line and exit 3, never in std::terminate.
        const std::string db = o.dbs.empty() ? std::string("the database") : o.dbs.front();
        std::cerr << "plenary-search: " << plenary::unreadable_database(db, e.get_description())
                  << '\n';
        return kExitDatabase;
    } catch (const std::exception& e) {
        std::cerr << "plenary-search: " << e.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "serve") return exec_serve(argv);
    if (argc > 1 && std::string(argv[1]) == "serve-shard")
        return plenary::serve_shard_main(argc - 1, argv + 1);
    if (argc > 1 && std::string(argv[1]) == "report")
        return plenary::report_main(argc - 1, argv + 1);
    Options options;
    po::options_description visible("Usage: plenary-search [options] QUERY...\nOptions");
    describe_options(visible, options);
    po::options_description hidden;
    hidden.add_options()("query", po::value<std::vector<std::string>>(), "query words");
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "plenary-search: " << e.what() << " (see --help)\n";
        return kExitUsage;
    }
    if (vm.count("help")) {
        std::cout << visible << "\n" << kQueryHelp << "\n" << kExamples;
        return kExitOk;
    }
    if (const auto bad = check_options(options, vm)) return *bad;
    return run(options);
}
