// JSON forms of documents and paragraphs: --dump output and the stored paragraph record.
#pragma once

#include <nlohmann/json.hpp>

#include "model/document.h"

namespace plenary {

/// The document's metadata (no paragraphs).
nlohmann::json document_meta_json(const Document& doc);

/// One paragraph, with its references.
nlohmann::json paragraph_json(const Paragraph& para);

/// {"document": {...}, "paragraphs": [...]} as printed by plenary-index --dump.
nlohmann::json dump_json(const Document& doc);

}  // namespace plenary
