// Readers: turn a file into a Document, choosing the reader by content as well as extension.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace plenary {

/// Formats Plenary reads.
enum class Format { markdown, text, unpc_xml, unknown, pdf, docx, doc, html, schema_xml, yaml };

const char* to_string(Format format);

/// Chooses the reader from the first bytes and the file name. Throws DocumentError for
/// content no reader accepts (binary, an XML root no reader knows).
Format detect_format(std::string_view bytes, const std::string& path);

/// Reads one file: checks it (exists, readable, not empty, not binary, valid UTF-8), picks the
/// reader, fills metadata from the file name and from a NAME.meta.json sidecar, and numbers
/// nothing else. Throws DocumentError naming the file (and line where known).
Document read_document(const std::string& path);

/// The first half of read_document: the file's checks (exists, regular, readable, not empty,
/// under the size limit) and its bytes. Throws DocumentError as read_document does.
std::string read_document_bytes(const std::string& path);

/// The second half of read_document: bytes read from path made into a Document.
Document parse_document(const std::string& path, const std::string& bytes);

/// Markdown converted from PDF (the seed report's form). source names the file in errors.
Document parse_markdown(std::string_view text, const std::string& source);

/// Plain text: speeches, PDF-extracted reports (masthead, page headers and footers).
Document parse_text(std::string_view text, const std::string& source);

/// A YAML mapping of translated texts (SDG goals, targets, indicators): one paragraph per key,
/// anchored by the key ("1-1-title"), the language from the folder name ("zh-Hans" -> zh), the
/// file name as the work key. Implemented in yaml_reader.cpp.
Document parse_yaml(std::string_view text, const std::string& source);

/// UN Parallel Corpus TEI XML.
Document parse_unpc_xml(std::string_view bytes, const std::string& source);

/// PDF (poppler): each page's text in physical layout, pages separated by form feeds. pages,
/// if given, receives the page count. Throws DocumentError for damaged, password-protected
/// and scanned PDFs ("no text layer (a scanned PDF?)").
std::string pdf_text(std::string_view bytes, const std::string& source, int* pages = nullptr);

/// PDF: pdf_text() read by the plain-text reader's structure logic.
Document parse_pdf(std::string_view bytes, const std::string& source);

/// Word 2007+ (OOXML zip): paragraphs, heading styles, list numbers, footnotes, core properties.
Document parse_docx(std::string_view bytes, const std::string& source);

/// Legacy Word (OLE2): converted by antiword (time-limited subprocess), then read as text.
Document parse_doc(const std::string& path);

/// HTML or XHTML: body text without navigation, headings, lang and <meta> as metadata.
Document parse_html(std::string_view bytes, const std::string& source);

/// XML described by a schema file in schemas/xml/ (UDHR, Akoma Ntoso...). schema_path names
/// the JSON schema; find_xml_schema() picks it from the root element.
Document parse_schema_xml(std::string_view bytes, const std::string& source,
                          const std::string& schema_path);

/// The schema file in schemas/xml/ whose root element (and namespace, if it names one) match
/// this XML's root; empty when none does.
std::string find_xml_schema(std::string_view bytes);

/// Fields from the file name: General Debate "USA_70_2015.txt" (country, session, year, body A),
/// language suffixes ("-EN", "_fr"), symbols spelled as file names ("A_RES_73_3-EN.pdf").
/// Only fills fields that are still empty, except a speech's title, which its name always sets.
void apply_file_name(Document& doc, const std::string& path);

/// Applies NAME.meta.json (or NAME.meta.xml) beside path, if present: its fields override.
/// Throws DocumentError naming the sidecar when it is malformed.
void apply_sidecar(Document& doc, const std::string& path);

}  // namespace plenary
