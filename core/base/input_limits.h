// Limits on the work one file or one query may cause. Real documents and queries stay far
// below each; a hostile one meets a clear error naming the limit instead of exhausting the
// stack, the memory or the time of the whole run. README.md ("Limits") lists them.
#pragma once

#include <cstddef>

namespace plenary::limits {

/// Deepest element nesting of an XML file or DOCX part (libxml2 stops at 256 as well). The
/// readers walk elements recursively; real UN documents nest fewer than 30 levels.
constexpr int max_xml_depth = 256;

/// Largest list number a DOCX list may start at or reach, and the smallest is 0: Word's own
/// "Start at" goes to 32,767. Letters and roman numerals grow with the number, so a bound on
/// the number bounds the text.
constexpr int max_list_number = 32767;

/// Most values a number range (session:N..M) may stand for; each value is one term.
constexpr long max_number_range = 1000;

/// Most index terms one wildcard (traffick*) may expand to.
constexpr std::size_t max_wildcard_terms = 1000;

/// Most terms one query may hold in all: its words with their stems, the values of its ranges
/// and the expansions of its wildcards. The cost of matching grows with it.
constexpr std::size_t max_query_terms = 5000;

/// Most references one reference prefix (resolution:A/HRC/RES/*) may stand for. They are
/// boolean terms, so a prefix counts as one term toward max_query_terms.
constexpr std::size_t max_prefix_references = 10000;

/// Largest paragraph the text reader builds, in bytes: past it a paragraph is cut, so one
/// unbroken line or one unending list cannot make a paragraph of megabytes.
constexpr std::size_t max_paragraph_bytes = 64 * 1024;

/// Deepest nesting of parentheses in a query.
constexpr int max_query_depth = 32;

}  // namespace plenary::limits
