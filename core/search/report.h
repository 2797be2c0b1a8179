// Reports that librarians publish, built from what a query and its filters select:
// `citations` (each cited resolution and symbol with its citing paragraphs), `speeches` (the
// index to speeches by country, or by subject), `documents` (the documents by symbol in UN
// order), `countries` (each country with the paragraphs that name it) and `subjects` (the
// subject index: each UNBIS Thesaurus descriptor with its paragraphs, by agenda item).
//
// Collecting the entries is report_collect.cpp; each format is a file of its own
// (report_json.cpp, report_csv.cpp, report_markdown.cpp, report_html.cpp, report_graphml.cpp).
// Every entry's count is the facet count of the same query for its value (search/facets.h):
// the entries are grouped from the same matches the facets count.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "search/results.h"

namespace plenary {

class Searcher;

/// The kinds of report, in the order they are documented.
const std::vector<std::string>& report_kinds();

/// One paragraph (or, in speeches and documents, one document) under an entry.
struct ReportItem {
    std::string id;        ///< a paragraph id: the paragraph, or the document's first match
    std::string number;    ///< the paragraph number as printed, may be empty
    std::string citation;  ///< as a librarian writes it: "CTOC/COP/2020/2, para. 19"
    DocumentInfo document;
    Xapian::doccount paragraphs = 1;  ///< matching paragraphs it stands for
    std::string group;  ///< subjects: the agenda item it comes under ("A, session 74, agenda item
                        ///< 8"), empty when its document gives none; the items of a group are
                        ///< neighbours
};

/// One value of a report: a cited reference, a speaker country, a document, a country.
struct ReportEntry {
    std::string value;  ///< as indexed: "A/RES/73/195", "NOR", "CTOC/COP/2020/2"
    std::string label;  ///< for people: the country's English name; the value otherwise
    std::string kind;   ///< the facet it comes from: resolution, symbol, speaker, document,
                        ///< country, subject
    std::string uri;    ///< subjects: the descriptor's UNBIS Thesaurus URI
    Xapian::doccount count = 0;  ///< matching paragraphs with this value: its facet count
    bool indexed = false;        ///< citations: the cited document is itself in the index
    DocumentInfo cited;          ///< citations: that document, when indexed
    std::vector<ReportItem> items;
};

/// A report: what was asked and its entries, in the report's order.
struct Report {
    std::string kind;
    std::string by;  ///< speeches: "country" or "subject"; empty for the other kinds
    std::string query;
    std::vector<std::string> filters;
    Xapian::doccount paragraphs = 0;  ///< paragraphs the query and filters select
    std::vector<ReportEntry> entries;
};

/// What is asked: a kind, and a query and filters as for a search (both may be empty: every
/// paragraph).
struct ReportRequest {
    std::string kind;
    std::string query;
    std::vector<std::string> filters;
    std::string by = "country";  ///< speeches: "country" (the speaker's) or "subject" (the
                                 ///< descriptors of the speeches' paragraphs)
};

/// Builds a report. QueryError for an unknown kind or a bad query or filter.
Report build_report(Searcher& searcher, const ReportRequest& request);

/// Where a paragraph stands in its document: what its citation needs when it has no number.
struct ParagraphPlace {
    std::string kind;          ///< its kind (schemas/fields.json "kind"); empty: place unknown
    std::size_t preamble = 0;  ///< a preambular paragraph's rank, the opening formula left out
    bool formula = false;      ///< the opening formula ("The General Assembly,")
    std::string after;         ///< the number of the nearest numbered paragraph before it
    std::string before;        ///< the number of the nearest numbered paragraph after it
    bool numbered_document = false;  ///< some paragraph of the document has a number
    std::size_t rank = 0;            ///< its rank among the paragraphs of text (not headings,
                                     ///< tables, figures), 0 for those
    std::size_t rank_after = 0;      ///< the rank of the last paragraph of text up to it
};

/// The places of a document's paragraphs, given in reading order.
std::vector<ParagraphPlace> paragraph_places(const std::vector<ParagraphView>& paragraphs);

/// The citation a librarian writes for a paragraph: "SYMBOL, para. N" (without a symbol the
/// file name stands for the document). Without a number, by its place: "A/RES/73/8, preambular
/// para. 6", "A/RES/73/8, preamble" (the opening formula), "CTOC/COP/2020/2, unnumbered
/// paragraph before para. 1", "A/74/10, heading after para. 4", and in a document without
/// numbered paragraphs "NER_73_2018.txt, paragraph 7 (unnumbered)".
std::string paragraph_citation(const DocumentInfo& document, const std::string& number,
                               const ParagraphPlace& place);

/// The formats a report is written in.
const std::vector<std::string>& report_formats();

/// JSON (schemas/report.schema.json).
nlohmann::json report_json(const Report& report);
/// CSV with a header line; for citations one row per citing paragraph and cited reference
/// (an edge list), for the others one row per item.
std::string report_csv(const Report& report);
/// Markdown: a heading per entry, a list of its items.
std::string report_markdown(const Report& report);
/// A printable, self-contained HTML page with a table of contents; each item links to its
/// paragraph on the search page at base_url ("/#para=ID", as plenary-search serve shows it).
std::string report_html(const Report& report, const std::string& base_url = "");
/// GraphML (citations: documents as nodes, one edge per citing paragraph and reference).
std::string report_graphml(const Report& report);

/// The report in one of report_formats(); QueryError naming an unknown format.
std::string render_report(const Report& report, const std::string& format,
                          const std::string& base_url = "");

}  // namespace plenary
