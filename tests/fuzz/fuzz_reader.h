// The steps parse_document and the indexer take after a reader, so a reader's target runs what
// indexing runs on its output.
#pragma once

#include "model/document.h"
#include "analysis/language.h"
#include "refs/references.h"

namespace plenary::fuzz {

/// Language from the text when no metadata set it and article anchors (as parse_document
/// does), then the references of every paragraph (as the indexer does).
inline void finish_document(Document& doc) {
    if (doc.lang.empty()) doc.lang = detect_document_language(doc);
    assign_article_anchors(doc);
    extract_references(doc);
}

}  // namespace plenary::fuzz
