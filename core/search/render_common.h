// What the renderers share (search/render.h, search/report.h, snippets): the count line, a
// document's one-line label and HTML escaping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "search/results.h"

namespace plenary {

/// "1 paragraph matches", "12,345 paragraphs match", "more than 10,000 paragraphs match".
std::string count_line(const SearchResult& r);
/// For a partial answer, the line that says its numbers cover only some shards and names the
/// others; "" for a whole one.
std::string partial_line(const SearchResult& r);

/// The symbol (else the file name) with date, language and body: "A/73/100 · 2018-07-02 · en · A".
std::string document_line(const DocumentInfo& d);

/// Appends s escaped for HTML and XML, in content and in quoted attribute values: & < > " '.
void append_escaped_html(std::string& out, std::string_view s);

/// s escaped as append_escaped_html() does.
std::string escape_html(std::string_view s);

/// The strings with sep between them.
std::string join_strings(const std::vector<std::string>& v, const char* sep);

}  // namespace plenary
