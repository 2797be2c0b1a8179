// Language identification for the six official UN languages.
//
// Script decides Arabic, Chinese and Russian (Arabic letters, Han ideographs, Cyrillic); for
// Latin-script text the frequencies of function words that belong to one of English, French
// or Spanish only decide, with letters only French or only Spanish use as a tie-breaker.
// A document mixing languages keeps the one most of its letters are in.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

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

namespace plenary {

/// The value of a Chinese numeral: "五十一" -> 51, "一百零一" -> 101, "十" -> 10; 0 when `s` is
/// not one.
int chinese_number(std::string_view s);

/// The article number a heading line names in any of the six languages ("Article 51",
/// "Article premier", "Artículo 51", "Статья 51", "المادة 51", "第五十一条"), or 0. The
/// whole line must be the heading: "第三十四条所指" inside a sentence is not one.
int article_heading_number(std::string_view line);

/// The structure of a text holding articles (the Charter, the UDHR) in any of the six
/// languages: chapter and article headings become headings (kind heading, and the heading path
/// "Chapter V: ..." > "Article 23" of the paragraphs under them, taken off the text where a
/// reader joined them to it, as in Chinese); each article's paragraphs get the anchor "art<N>"
/// and their number, printed ("1.", "一、") or by order, so the same paragraph aligns in every
/// version. Anchors come only from headings that are whole paragraphs (at least two in the
/// document), never from words in a sentence. Leaves documents that already have anchors alone.
void assign_article_anchors(Document& doc);

}  // namespace plenary
