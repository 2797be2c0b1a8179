// Language identification for the six official UN languages.
//
// Script decides Arabic, Chinese and Russian (Arabic letters, Han ideographs, Cyrillic); for
// Latin-script text the frequencies of function words that belong to one of English, French
// or Spanish only decide, with letters only French or only Spanish use as a tie-breaker.
// A document mixing languages keeps the one most of its letters are in.
#pragma once

#include <string>
#include <string_view>

#include "document.h"

namespace plenary {

/// The language of text as an ISO 639-1 code (ar, en, es, fr, ru, zh), or empty when the
/// text has too few letters to tell.
std::string detect_language(std::string_view text);

/// The language of a document from its paragraphs (the first 64 KiB of text), or empty.
std::string detect_document_language(const Document& doc);

/// The language a short text's script alone implies: "ar", "zh" or "ru"; empty for Latin
/// script or no letters. Queries use it to pick their analyzer.
std::string script_language(std::string_view text);

}  // namespace plenary
