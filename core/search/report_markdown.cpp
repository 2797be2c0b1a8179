// report_markdown: a title, what was selected, then a heading per entry and a list of its items.
#include <sstream>

#include "search/report.h"
#include "search/report_common.h"

namespace plenary {

namespace {

/// Text with Markdown's inline markup characters escaped.
std::string md(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
            c == '>' || c == '#' || c == '|')
            out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out;
}

/// One item's line.
std::string item_line(const Report& report, const ReportItem& i) {
    const DocumentInfo& d = i.document;
    std::string line = "- ";
    if (report.kind == "speeches" && report.by == "subject" && !d.country.empty())
        line += md(report_item_speaker(i)) + ": ";
    line += md(i.citation);
    if (report.kind == "speeches") {
        if (d.session) line += " — session " + std::to_string(d.session);
        if (!d.date.empty()) line += ", " + md(d.date);
        line += " (" + std::to_string(i.paragraphs) +
                (i.paragraphs == 1 ? " paragraph)" : " paragraphs)");
    } else if (report.kind == "documents") {
        if (!d.lang.empty()) line += " [" + md(d.lang) + "]";
        if (!d.title.empty()) line += " — " + md(d.title);
        if (!d.date.empty()) line += ", " + md(d.date);
        if (!d.agenda_item.empty()) line += "; agenda item " + md(d.agenda_item);
        line += "; file " + md(d.source);
    } else if (!d.date.empty()) {
        line += " (" + md(d.date) + ")";
    }
    return line + "\n";
}

}  // namespace

std::string report_markdown(const Report& report) {
    std::ostringstream out;
    out << "# " << md(report_title(report)) << "\n\n" << md(report_scope(report)) << ".\n";
    for (const ReportEntry& e : report.entries) {
        out << "\n## " << md(report_entry_heading(e)) << "\n\n"
            << md(report_entry_counts(report, e));
        if (report.kind == "citations") {
            out << "; " << e.kind;
            if (e.indexed)
                out << "; in the index" << (e.cited.date.empty() ? "" : ", dated " + e.cited.date);
            else
                out << "; not in the index";
        }
        if (!e.uri.empty()) out << "; " << e.uri;
        out << ".\n\n";
        for (std::size_t k = 0; k < e.items.size(); ++k) {
            if (report_new_group(e, k))
                out << (k ? "\n" : "") << "### " << md(report_group_heading(e.items[k])) << "\n\n";
            out << item_line(report, e.items[k]);
        }
    }
    return out.str();
}

}  // namespace plenary
