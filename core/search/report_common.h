// What the report renderers share (search/report.h): escaping for HTML, XML and CSV, the
// labels of kinds and the headings of entries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "search/report.h"

namespace plenary {

/// One CSV field, quoted where it holds a comma, quote or line break (RFC 4180).
std::string report_csv_field(std::string_view s);

/// A report's title: "Citations", "Index to speeches", ...
std::string report_title(const Report& report);

/// What was selected, in one line: "query \"smuggling\", filters session:74; 1234 paragraphs;
/// 12 entries".
std::string report_scope(const Report& report);

/// An entry's heading: the label, with the value in parentheses where they differ.
std::string report_entry_heading(const ReportEntry& entry);

/// An entry's counts in words: "3 paragraphs", "2 speeches (45 paragraphs)".
std::string report_entry_counts(const Report& report, const ReportEntry& entry);

/// The English name of an item's speaker country ("Niger"); "" when it has none.
std::string report_item_speaker(const ReportItem& item);

/// Whether item k of an entry opens a group (subjects: an agenda item) and so takes a heading.
bool report_new_group(const ReportEntry& entry, std::size_t k);

/// The heading of the group an item opens: its agenda item, or "Without an agenda item".
std::string report_group_heading(const ReportItem& item);

/// The year of an item's document (0 when undated).
int report_item_year(const ReportItem& item);

}  // namespace plenary
