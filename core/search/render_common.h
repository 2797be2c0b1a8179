// What the text and HTML renderers share (search/render.h): the count line and a document's
// one-line label.
#pragma once

#include <string>
#include <vector>

#include "search/results.h"

namespace plenary {

/// "1 paragraph matches", "12,345 paragraphs match", "more than 10,000 paragraphs match".
std::string count_line(const SearchResult& r);

/// The symbol (else the file name) with date, language and body: "A/73/100 · 2018-07-02 · en · A".
std::string document_line(const DocumentInfo& d);

/// The strings with sep between them.
std::string join_strings(const std::vector<std::string>& v, const char* sep);

}  // namespace plenary
