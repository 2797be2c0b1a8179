// The stored records of a Plenary database, decoded: a document's metadata record and a
// paragraph's record (the Xapian document data). Their encoders are in model/document_json.h
// (document_meta_json; paragraph_json with the id, as index/index_writer stores it).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/document.h"

namespace plenary {

/// A document as a hit shows it (from its metadata record).
struct DocumentInfo {
    std::string key;  ///< the file key (12 hex digits)
    std::string symbol;
    std::string title;
    std::string date;
    std::string lang;
    std::string body;
    std::string country;  ///< alpha-3 of the speaking or reporting country (speeches), if any
    int session = 0;
    std::string source;              ///< path of the file that was indexed
    std::string work;                ///< key its language versions share, when not the symbol
    std::string agenda_item;         ///< "2 (b)", where the document says
    std::vector<std::string> files;  ///< every file that holds this document (copies,
                                     ///< core/copies.h), the one searched first
};

/// A paragraph in full (--show): text, footnotes, references, position in its document.
struct ParagraphView {
    std::string id;
    std::size_t ordinal = 0;
    std::string number;
    std::string kind;
    std::vector<std::string> headings;
    std::string text;
    std::string anchor;  ///< alignment key across language versions ("art51"), may be empty
    std::vector<std::pair<std::string, std::string>> footnotes;  ///< marker, text
    std::vector<std::string> resolutions, decisions, symbols, countries, demonyms;
    std::vector<int> sessions;
    std::vector<std::string> charter;  ///< Charter Articles and Chapters ("art51", "ch7")
    std::vector<SubjectRef> subjects;  ///< thesaurus descriptors, preferred label and URI
    DocumentInfo document;
    /// The references above that name a document of the index: "resolution:A/RES/73/3" (field
    /// and value as listed) to that document's id, which --show-document accepts. Not stored:
    /// the Searcher looks them up (search/cited_documents.cpp).
    std::map<std::string, std::string> cited_documents;
};

/// The fields of a document metadata record (document_meta_json) into d: symbol, title, date,
/// lang, body, country, source, work, agenda item and session. A field missing or of another
/// type (every field, when the record is not a JSON object) comes out empty, the session as it
/// was; key and files are not touched.
void decode_document_record(std::string_view json, DocumentInfo& d);

/// A paragraph's stored record, decoded (the ordinal from its id); missing or mistyped fields
/// stay empty. The document is left empty: its record is kept once per file, apart.
ParagraphView decode_paragraph_record(std::string_view json);

}  // namespace plenary
