// Reference extraction: fills each paragraph's References from its text and footnotes.
#pragma once

#include "model/document.h"

namespace plenary {

/// Finds symbols, resolutions, countries, demonyms and sessions in each paragraph of doc
/// (its text and its footnotes) and stores them, de-duplicated, in Paragraph::refs.
/// The document's own symbol is never counted as a cited symbol.
void extract_references(Document& doc);

}  // namespace plenary
