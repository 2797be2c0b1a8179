// report_json: a report as schemas/report.schema.json describes it.
#include "refs/countries.h"
#include "search/facets.h"
#include "search/report.h"

namespace plenary {

namespace {

nlohmann::json document_json(const DocumentInfo& d) {
    const std::string country_name =
        d.country.empty() ? "" : Gazetteer::instance().display_name(d.country);
    return {{"key", d.key},         {"symbol", d.symbol},   {"title", d.title},
            {"date", d.date},       {"lang", d.lang},       {"body", d.body},
            {"session", d.session}, {"country", d.country}, {"country_name", country_name},
            {"source", d.source},   {"files", d.files},     {"agenda_item", d.agenda_item}};
}

nlohmann::json item_json(const Report& report, const ReportItem& i) {
    nlohmann::json j{{"id", i.id},
                     {"number", i.number},
                     {"citation", i.citation},
                     {"paragraphs", i.paragraphs},
                     {"document", document_json(i.document)}};
    if (report.kind == "subjects") j["group"] = i.group;
    return j;
}

nlohmann::json entry_json(const Report& report, const ReportEntry& e) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : e.items) items.push_back(item_json(report, i));
    nlohmann::json j{{"value", e.value},
                     {"label", e.label},
                     {"kind", e.kind},
                     {"count", e.count},
                     {"items", std::move(items)}};
    if (e.kind == "subject") j["uri"] = e.uri;
    if (report.kind == "citations") {
        j["indexed"] = e.indexed;
        j["cited"] = e.indexed ? document_json(e.cited) : nlohmann::json(nullptr);
    }
    return j;
}

}  // namespace

nlohmann::json report_json(const Report& report) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : report.entries) entries.push_back(entry_json(report, e));
    nlohmann::json j{{"report", report.kind},
                     {"query", report.query},
                     {"filters", report.filters},
                     {"paragraphs", report.paragraphs},
                     {"entries", std::move(entries)}};
    if (!report.by.empty()) j["by"] = report.by;
    return j;
}

}  // namespace plenary
