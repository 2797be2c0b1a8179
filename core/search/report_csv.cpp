// report_csv: one row per item, a header line first. The citations report is an edge list:
// one row per citing paragraph and cited reference, with both ends' dates and bodies.
#include <sstream>

#include "search/report.h"
#include "search/report_common.h"

namespace plenary {

namespace {

/// One line of fields, comma-separated, CRLF-free.
void row(std::ostringstream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i ? "," : "") << report_csv_field(fields[i]);
    out << '\n';
}

std::string file_name(const DocumentInfo& d) {
    const auto slash = d.source.rfind('/');
    return slash == std::string::npos ? d.source : d.source.substr(slash + 1);
}

void citations(std::ostringstream& out, const Report& report) {
    row(out, {"citing_symbol", "citing_file", "citing_paragraph_id", "citing_paragraph_number",
              "citing_citation", "citing_date", "citing_body", "cited", "cited_kind",
              "cited_indexed", "cited_date", "cited_body"});
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items)
            row(out,
                {i.document.symbol, file_name(i.document), i.id, i.number, i.citation,
                 i.document.date, i.document.body, e.value, e.kind, e.indexed ? "true" : "false",
                 e.indexed ? e.cited.date : "", e.indexed ? e.cited.body : ""});
}

void speeches(std::ostringstream& out, const Report& report) {
    row(out, {"country", "country_name", "citation", "symbol", "file", "session", "date", "lang",
              "paragraphs", "first_paragraph_id"});
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items)
            row(out, {e.value, e.label, i.citation, i.document.symbol, file_name(i.document),
                      i.document.session ? std::to_string(i.document.session) : "", i.document.date,
                      i.document.lang, std::to_string(i.paragraphs), i.id});
}

void documents(std::ostringstream& out, const Report& report) {
    row(out, {"document", "symbol", "title", "date", "lang", "body", "session", "agenda_item",
              "file", "paragraphs", "first_paragraph_id"});
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items)
            row(out,
                {e.value, i.document.symbol, i.document.title, i.document.date, i.document.lang,
                 i.document.body, i.document.session ? std::to_string(i.document.session) : "",
                 i.document.agenda_item, i.document.source, std::to_string(i.paragraphs), i.id});
}

void countries(std::ostringstream& out, const Report& report) {
    row(out, {"country", "country_name", "citation", "paragraph_id", "paragraph_number", "symbol",
              "file", "date", "body"});
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items)
            row(out, {e.value, e.label, i.citation, i.id, i.number, i.document.symbol,
                      file_name(i.document), i.document.date, i.document.body});
}

/// The subject index: one row per paragraph under a descriptor, with its agenda item.
void subjects(std::ostringstream& out, const Report& report) {
    row(out, {"subject", "uri", "agenda_item_group", "citation", "paragraph_id", "paragraph_number",
              "symbol", "file", "date", "body", "session", "agenda_item"});
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items)
            row(out, {e.value, e.uri, i.group, i.citation, i.id, i.number, i.document.symbol,
                      file_name(i.document), i.document.date, i.document.body,
                      i.document.session ? std::to_string(i.document.session) : "",
                      i.document.agenda_item});
}

/// Speeches by subject: one row per subject and speech.
void speeches_by_subject(std::ostringstream& out, const Report& report) {
    row(out, {"subject", "uri", "country", "country_name", "citation", "symbol", "file", "session",
              "date", "lang", "paragraphs", "first_paragraph_id"});
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items)
            row(out, {e.value, e.uri, i.document.country, report_item_speaker(i), i.citation,
                      i.document.symbol, file_name(i.document),
                      i.document.session ? std::to_string(i.document.session) : "", i.document.date,
                      i.document.lang, std::to_string(i.paragraphs), i.id});
}

}  // namespace

std::string report_csv(const Report& report) {
    std::ostringstream out;
    if (report.kind == "citations")
        citations(out, report);
    else if (report.kind == "speeches" && report.by == "subject")
        speeches_by_subject(out, report);
    else if (report.kind == "speeches")
        speeches(out, report);
    else if (report.kind == "subjects")
        subjects(out, report);
    else if (report.kind == "documents")
        documents(out, report);
    else
        countries(out, report);
    return out.str();
}

}  // namespace plenary
