// report_html: a printable page that needs nothing else: styles inline, a table of contents, a
// bar chart of items by year (inline SVG), and each item linking to its paragraph on the
// search page of `plenary-search serve` (its "#para=ID" state, as the page's own links).
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "search/render_common.h"
#include "search/report.h"
#include "search/report_common.h"

namespace plenary {

namespace {

const char* kStyle = R"CSS(
body { font: 15px/1.45 Georgia, serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.15em; margin: 1.6em 0 .3em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; font-style: italic; margin: .8em 0 .2em; }
nav ol { columns: 2; font-size: .92em; } .counts, .scope { color: #555; }
ul.items { padding-left: 1.4em; } a { color: #0645ad; text-decoration: none; }
svg text { font: 11px sans-serif; fill: #333; } svg rect { fill: #4a78a8; }
@media print { a { color: #111; } nav { page-break-after: always; } h2 { page-break-after: avoid; } }
)CSS";

std::string x(const std::string& s) {
    return escape_html(s);
}

/// A value for the page's hash state, percent-encoded as URLSearchParams reads it.
std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

/// Items per year, every year from the first to the last (a timeline: a year without items is
/// a bar of 0); up to 200 years, since a stray date must not make the chart a mile wide.
/// Citations count once per cited reference; a paragraph or speech under several entries
/// (subjects, countries) counts once.
std::map<int, std::size_t> items_by_year(const Report& report) {
    std::map<int, std::size_t> years;
    std::set<std::string> seen;
    const bool once = report.kind != "citations";
    const bool documents = report.kind == "speeches" || report.kind == "documents";
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items) {
            const std::string& who = documents ? i.document.key : i.id;
            if (const int y = report_item_year(i); y && (!once || seen.insert(who).second))
                ++years[y];
        }
    if (years.size() < 2 || years.rbegin()->first - years.begin()->first > 200) return years;
    for (int y = years.begin()->first; y < years.rbegin()->first; ++y) years.emplace(y, 0);
    return years;
}

/// A bar chart of items by year; "" with fewer than two years.
std::string year_chart(const Report& report) {
    const auto years = items_by_year(report);
    if (years.size() < 2) return "";
    std::size_t most = 0;
    for (const auto& [year, n] : years) most = std::max(most, n);
    const int bar = 24, height = 120, width = static_cast<int>(years.size()) * bar;
    std::ostringstream out;
    const std::string what = report.kind == "speeches"    ? "Speeches"
                             : report.kind == "citations" ? "Citations"
                             : report.kind == "documents" ? "Files"
                                                          : "Paragraphs";
    out << "<figure><svg role=\"img\" aria-label=\"" << what << " by year\" width=\"" << width
        << "\" height=\"" << height + 30 << "\" viewBox=\"0 0 " << width << " " << height + 30
        << "\">\n";
    int at = 0;
    for (const auto& [year, n] : years) {
        const int h = static_cast<int>(static_cast<double>(n) * height / static_cast<double>(most));
        out << "<rect x=\"" << at + 3 << "\" y=\"" << height - h + 12 << "\" width=\"" << bar - 6
            << "\" height=\"" << h << "\"><title>" << year << ": " << n << "</title></rect>"
            << "<text x=\"" << at + bar / 2 << "\" y=\"" << height - h + 10
            << "\" text-anchor=\"middle\">" << n << "</text><text x=\"" << at + bar / 2 << "\" y=\""
            << height + 26 << "\" text-anchor=\"middle\">" << year % 100 << "</text>\n";
        at += bar;
    }
    out << "</svg><figcaption>" << what << " by year (" << years.begin()->first << "–"
        << years.rbegin()->first << ")</figcaption></figure>\n";
    return out.str();
}

/// The table of contents: each entry's heading and counts, linking to it.
std::string contents(const Report& report) {
    std::ostringstream out;
    out << "<nav aria-label=\"Contents\"><h2>Contents</h2><ol>\n";
    for (std::size_t k = 0; k < report.entries.size(); ++k) {
        const ReportEntry& e = report.entries[k];
        out << "<li><a href=\"#e" << k + 1 << "\">" << x(report_entry_heading(e)) << "</a> ("
            << x(report_entry_counts(report, e)) << ")</li>\n";
    }
    out << "</ol></nav>\n";
    return out.str();
}

/// One item: its citation linking to the paragraph, and what the kind adds.
std::string item(const Report& report, const ReportItem& i, const std::string& base_url) {
    const DocumentInfo& d = i.document;
    std::ostringstream out;
    out << "<li>";
    if (report.kind == "speeches" && report.by == "subject" && !d.country.empty())
        out << x(report_item_speaker(i)) << ": ";
    out << "<a href=\"" << x(base_url) << "/#para=" << x(url_encode(i.id)) << "\">" << x(i.citation)
        << "</a>";
    if (report.kind == "speeches") {
        if (d.session) out << " — session " << d.session;
        if (!d.date.empty()) out << ", " << x(d.date);
        out << " <span class=\"counts\">(" << i.paragraphs
            << (i.paragraphs == 1 ? " paragraph)" : " paragraphs)") << "</span>";
    } else if (report.kind == "documents") {
        if (!d.lang.empty()) out << " [" << x(d.lang) << "]";
        if (!d.title.empty()) out << " — " << x(d.title);
        if (!d.date.empty()) out << ", " << x(d.date);
        if (!d.agenda_item.empty()) out << "; agenda item " << x(d.agenda_item);
        out << " <span class=\"counts\">file " << x(d.source) << "</span>";
    } else if (!d.date.empty()) {
        out << " <span class=\"counts\">(" << x(d.date) << ")</span>";
    }
    return out.str() + "</li>\n";
}

std::string entry(const Report& report, const ReportEntry& e, std::size_t k,
                  const std::string& base_url) {
    std::ostringstream out;
    out << "<section><h2 id=\"e" << k << "\">" << x(report_entry_heading(e))
        << "</h2>\n<p class=\"counts\">" << x(report_entry_counts(report, e));
    if (report.kind == "citations") {
        out << "; " << x(e.kind) << "; ";
        if (e.indexed)
            out << "in the index: <a href=\"" << x(base_url)
                << "/#q=" << x(url_encode("doc:\"" + e.value + "\"")) << "\">" << x(e.cited.symbol)
                << "</a>" << (e.cited.date.empty() ? "" : ", ") << x(e.cited.date);
        else
            out << "not in the index";
    }
    if (!e.uri.empty())
        out << "; UNBIS Thesaurus <a href=\"" << x(e.uri) << "\">" << x(e.uri) << "</a>";
    out << "</p>\n";
    // Grouped items (subjects: by agenda item) have a heading and a list per group.
    if (e.items.empty() || !report_new_group(e, 0)) out << "<ul class=\"items\">\n";
    for (std::size_t j = 0; j < e.items.size(); ++j) {
        if (report_new_group(e, j))
            out << (j ? "</ul>\n" : "") << "<h3>" << x(report_group_heading(e.items[j]))
                << "</h3>\n<ul class=\"items\">\n";
        out << item(report, e.items[j], base_url);
    }
    out << "</ul></section>\n";
    return out.str();
}

}  // namespace

std::string report_html(const Report& report, const std::string& base_url) {
    std::string base = base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
        << x(report_title(report)) << "</title>\n<style>" << kStyle << "</style></head><body>\n"
        << "<h1>" << x(report_title(report)) << "</h1>\n<p class=\"scope\">"
        << x(report_scope(report)) << ".</p>\n"
        << year_chart(report) << contents(report);
    for (std::size_t k = 0; k < report.entries.size(); ++k)
        out << entry(report, report.entries[k], k + 1, base);
    out << "</body></html>\n";
    return out.str();
}

}  // namespace plenary
