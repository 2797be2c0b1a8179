// JSON forms of documents and paragraphs: --dump output and the stored paragraph record.
#pragma once

#include <nlohmann/json.hpp>

#include "model/document.h"

namespace plenary {

/// The document's metadata (no paragraphs).
nlohmann::json document_meta_json(const Document& doc);

/// One paragraph, with its references. Subjects are objects {"label", "uri"}; with
/// compact_subjects (the stored record, which the indexer writes for every paragraph) each is
/// one string "LABEL<TAB>URI", a third of the JSON values to build and write.
nlohmann::json paragraph_json(const Paragraph& para, bool compact_subjects = false);

/// {"document": {...}, "paragraphs": [...]} as printed by plenary-index --dump.
nlohmann::json dump_json(const Document& doc);

}  // namespace plenary
