// plenary-search report: options here, the work in core/search/report*.
#include "report_main.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/exit_codes.h"
#include "search/report.h"
#include "search/searcher.h"

namespace po = boost::program_options;

namespace plenary {

namespace {

const char* kReportHelp = R"HELP(Reports (KIND):
  citations   each cited resolution and symbol, with every citing paragraph as
              "SYMBOL, para. N" and whether the cited document is in the index;
              --format csv is an edge list, --format graphml a network
  speeches    the index to speeches by country: each speaker country by name, each
              speech under it with its session, date and citation; with --by subject,
              each UNBIS subject with the speeches (documents with a speaker) that have
              paragraphs under it, by the speaker's country name
  documents   the documents by symbol in UN order (A/73/8 before A/73/10), with
              title, date, language versions and files
  countries   each country with the paragraphs that name it
  subjects    the subject index: each UNBIS Thesaurus descriptor (label and URI) with
              the paragraphs under it, grouped by agenda item where documents give one
              (needs a database indexed with plenary-index --thesaurus)
Every entry's count is the facet count of the same query (--facet resolution, symbol,
speaker, document, country, subject; speeches --by subject: --facet subject with a
speaker: filter for each speaker selected). No query and no filter: every paragraph.
A paragraph is cited "SYMBOL, para. N"; one without a number by its place:
"A/RES/73/8, preambular para. 6", "CTOC/COP/2020/2, unnumbered paragraph before
para. 1", "NER_73_2018.txt, paragraph 7 (unnumbered)".

Examples:
  plenary-search report citations --filter session:74 --format html > citations.html
  plenary-search report speeches --filter session:74 --format csv
  plenary-search report countries smuggling --format json
  plenary-search report subjects --filter lang:en --format html > subjects.html
  plenary-search report speeches --by subject --filter session:74 --format csv

Exit status: 0 the report was written; 2 bad report kind, format, query or usage;
3 missing, unreadable or locked database; 1 any other failure.
)HELP";

struct ReportOptions {
    std::vector<std::string> dbs, words;
    ReportRequest request;
    std::string format = "markdown", base_url = "http://localhost:8080";
};

int usage(const std::string& message) {
    std::cerr << "plenary-search report: " << message << " (see report --help)\n";
    return kExitUsage;
}

/// Builds and prints the report: the exit status.
int write_report(const ReportOptions& o) {
    try {
        Searcher searcher(o.dbs);
        const Report report = build_report(searcher, o.request);
        std::cout << render_report(report, o.format, o.base_url);
        return kExitOk;
    } catch (const Xapian::Error& e) {
        const std::string db = o.dbs.empty() ? std::string("the database") : o.dbs.front();
        std::cerr << "plenary-search report: " << unreadable_database(db, e.get_description())
                  << '\n';
        return kExitDatabase;
    } catch (const std::exception& e) {
        std::cerr << "plenary-search report: " << e.what() << '\n';
        return exit_status(e);
    }
}

}  // namespace

int report_main(int argc, char** argv) {
    ReportOptions o;
    po::options_description visible(
        "Usage: plenary-search report KIND [QUERY...] [options]\nOptions");
    visible.add_options()("help,h", "show this help")(
        "db,d", po::value(&o.dbs),
        "database directory, repeatable (default: $PLENARY_DB, else ~/.local/share/plenary/db)")(
        "filter,f", po::value(&o.request.filters),
        "FIELD:VALUE drill-down, repeatable: OR within a field, AND across fields")(
        "format", po::value(&o.format)->default_value("markdown"),
        "html, markdown, csv, json (schemas/report.schema.json), or graphml (citations)")(
        "by", po::value(&o.request.by)->default_value("country"),
        "speeches: by the speaker's 'country' or by 'subject'")(
        "base-url", po::value(&o.base_url)->default_value("http://localhost:8080"),
        "where `plenary-search serve` runs: the HTML report links each paragraph there");
    po::options_description all;
    all.add(visible).add_options()("words", po::value(&o.words), "kind and query");
    po::positional_options_description positional;
    positional.add("words", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::error& e) {
        return usage(e.what());
    }
    if (vm.count("help")) {
        std::cout << visible << '\n' << kReportHelp;
        return kExitOk;
    }
    if (o.words.empty())
        return usage("no report kind (citations, speeches, documents, countries, subjects)");
    o.request.kind = o.words.front();
    for (std::size_t i = 1; i < o.words.size(); ++i)
        o.request.query += (i > 1 ? " " : "") + o.words[i];
    const auto& kinds = report_kinds();
    if (std::find(kinds.begin(), kinds.end(), o.request.kind) == kinds.end())
        return usage("unknown report '" + o.request.kind +
                     "' (citations, speeches, documents, countries, subjects)");
    const auto& formats = report_formats();
    if (std::find(formats.begin(), formats.end(), o.format) == formats.end())
        return usage("unknown format '" + o.format + "' (html, markdown, csv, json, graphml)");
    if (o.format == "graphml" && o.request.kind != "citations")
        return usage(
            "--format graphml is for the citations report (a network of documents); "
            "use csv, json, markdown or html for " +
            o.request.kind);
    if (o.request.by != "country" && o.request.by != "subject")
        return usage("unknown --by '" + o.request.by + "' (country, subject)");
    if (o.request.by != "country" && o.request.kind != "speeches")
        return usage("--by is for the speeches report");
    return write_report(o);
}

}  // namespace plenary
