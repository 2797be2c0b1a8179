#include "search/report_common.h"

#include <algorithm>

#include "refs/countries.h"

namespace plenary {

std::string report_csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string report_title(const Report& report) {
    if (report.kind == "citations") return "Citations: resolutions and documents cited";
    if (report.kind == "speeches")
        return report.by == "subject" ? "Index to speeches, by subject"
                                      : "Index to speeches, by country";
    if (report.kind == "documents") return "List of documents, by symbol";
    if (report.kind == "subjects") return "Subject index (UNBIS Thesaurus), by agenda item";
    return "Countries named";
}

std::string report_scope(const Report& report) {
    std::string out;
    if (!report.query.empty()) out += "query \"" + report.query + "\"";
    if (!report.filters.empty()) {
        out += out.empty() ? "filters " : ", filters ";
        for (std::size_t i = 0; i < report.filters.size(); ++i)
            out += (i ? " " : "") + report.filters[i];
    }
    if (out.empty()) out = "every paragraph";
    const std::size_t n = report.entries.size();
    return out + "; " + std::to_string(report.paragraphs) +
           (report.paragraphs == 1 ? " paragraph; " : " paragraphs; ") + std::to_string(n) +
           (n == 1 ? " entry" : " entries");
}

std::string report_entry_heading(const ReportEntry& entry) {
    if (entry.label.empty() || entry.label == entry.value) return entry.value;
    return entry.label + " (" + entry.value + ")";
}

std::string report_entry_counts(const Report& report, const ReportEntry& entry) {
    const std::string paragraphs =
        std::to_string(entry.count) + (entry.count == 1 ? " paragraph" : " paragraphs");
    if (report.kind == "speeches") {
        const std::size_t n = entry.items.size();
        return std::to_string(n) + (n == 1 ? " speech (" : " speeches (") + paragraphs + ")";
    }
    if (report.kind == "documents") {
        const std::size_t n = entry.items.size();
        return std::to_string(n) + (n == 1 ? " file (" : " files (") + paragraphs + ")";
    }
    return paragraphs;
}

int report_item_year(const ReportItem& item) {
    const std::string& d = item.document.date;
    if (d.size() < 4) return 0;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (d[i] < '0' || d[i] > '9') return 0;
        year = year * 10 + (d[i] - '0');
    }
    return year;
}

}  // namespace plenary

namespace plenary {

std::string report_item_speaker(const ReportItem& item) {
    const std::string& code = item.document.country;
    return code.empty() ? "" : Gazetteer::instance().display_name(code);
}

bool report_new_group(const ReportEntry& entry, std::size_t k) {
    const std::string& group = entry.items[k].group;
    if (k > 0) return group != entry.items[k - 1].group;
    // The first item opens a group if some item has one ("without an agenda item" then too).
    return std::any_of(entry.items.begin(), entry.items.end(),
                       [](const ReportItem& i) { return !i.group.empty(); });
}

std::string report_group_heading(const ReportItem& item) {
    return item.group.empty() ? "Without an agenda item" : item.group;
}

}  // namespace plenary
