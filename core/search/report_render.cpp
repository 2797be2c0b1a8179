// render_report: a report in the format asked for.
#include <algorithm>

#include "base/error.h"
#include "search/report.h"

namespace plenary {

const std::vector<std::string>& report_formats() {
    static const std::vector<std::string> formats{"html", "markdown", "csv", "json", "graphml"};
    return formats;
}

std::string render_report(const Report& report, const std::string& format,
                          const std::string& base_url) {
    if (format == "json") return report_json(report).dump(2) + "\n";
    if (format == "csv") return report_csv(report);
    if (format == "markdown") return report_markdown(report);
    if (format == "html") return report_html(report, base_url);
    if (format == "graphml") {
        if (report.kind != "citations")
            throw QueryError(
                "--format graphml is for the citations report (a network of documents); use csv, "
                "json, markdown or html for " +
                report.kind);
        return report_graphml(report);
    }
    throw QueryError("unknown report format '" + format + "' (html, markdown, csv, json, graphml)");
}

}  // namespace plenary
