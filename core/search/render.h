// Renderers of answers: JSON (schemas/search-result.schema.json), text for people, an HTML
// fragment. One file each: render_json.cpp, render_text.cpp, render_html.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "search/results.h"

namespace plenary {

/// The JSON answer (schemas/search-result.schema.json).
nlohmann::json to_json(const SearchResult& result);
nlohmann::json to_json(const ParagraphView& paragraph);
nlohmann::json to_json(const DocumentView& document);

/// An HTML fragment: an ordered list of hits with <mark>ed snippets, all text escaped.
std::string to_html(const SearchResult& result);

/// How text output looks.
struct TextStyle {
    bool color = false;  ///< ANSI bold/colour for highlights
};

/// Human-readable results; "no paragraphs match" when there are none.
std::string to_text(const SearchResult& result, const TextStyle& style);
std::string to_text(const ParagraphView& paragraph, const TextStyle& style);
std::string to_text(const DocumentView& document, const TextStyle& style);

}  // namespace plenary
