// The steps parse_document and the indexer take after a reader, so a reader's target runs what
// indexing runs on its output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/language.h"
#include "fuzz_common.h"
#include "model/document.h"
#include "refs/references.h"

namespace plenary::fuzz {

/// Language from the text when no metadata set it and article anchors (as parse_document
/// does), then the references of every paragraph (as the indexer does).
inline void finish_document(Document& doc) {
    if (doc.lang.empty()) doc.lang = detect_document_language(doc);
    assign_article_anchors(doc);
    extract_references(doc);
}

/// The whole target of a text reader: the input as the reader gets it from parse_document
/// (valid UTF-8, "\n" line ends; other inputs are skipped), read as file `source`, then
/// finished as the indexer finishes it.
inline int read_text(const std::uint8_t* data, std::size_t size,
                     Document (*parse)(std::string_view, const std::string&), const char* source) {
    const auto text = reader_text(data, size);
    if (!text) return 0;
    run_guarded([&] {
        Document doc = parse(*text, source);
        finish_document(doc);
    });
    return 0;
}

}  // namespace plenary::fuzz
