// Reading one file: checks, format detection, dispatch, metadata from the name and a sidecar.
#include "readers/reader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "analysis/language.h"
#include "base/ascii.h"
#include "base/error.h"
#include "base/text_util.h"
#include "refs/countries.h"
#include "refs/sessions.h"
#include "refs/symbols.h"
#include "refs/un_bodies.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t mebibyte = 1024 * 1024;
constexpr std::uintmax_t max_file_size = 256 * mebibyte;

bool has_prefix(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string lower_extension(const std::string& path) {
    return ascii_lower(fs::path(path).extension().string());
}

/// Whether text is the printable strings of a zipped Office file (what `strings` makes of a
/// .docx): it opens with the first member's name, [Content_Types].xml, and names _rels/.rels.
bool looks_like_zip_strings(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    const auto start = head.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos &&
           head.substr(start).starts_with("[Content_Types].xml") &&
           head.find("_rels/.rels") != std::string_view::npos;
}

/// Names the binary formats people are most likely to hand us, for a helpful message.
std::string binary_kind(std::string_view bytes) {
    if (has_prefix(bytes, "%PDF")) return "PDF";
    if (has_prefix(bytes, "PK\x03\x04") || has_prefix(bytes, "PK\x05\x06")) {
        const std::string_view head = bytes.substr(0, 8192);
        if (head.find("word/") != std::string_view::npos) return "DOCX";
        if (head.find("xl/") != std::string_view::npos) return "XLSX";
        return "ZIP";
    }
    if (has_prefix(bytes, "\xD0\xCF\x11\xE0")) return "OLE2, e.g. DOC or XLS";
    if (has_prefix(bytes, "\x1F\x8B")) return "gzip";
    if (has_prefix(bytes, "{\\rtf")) return "RTF";
    if (has_prefix(bytes, "\x89PNG")) return "PNG";
    if (has_prefix(bytes, "\xFF\xD8\xFF")) return "JPEG";
    return {};
}

/// The root element's name, skipping the XML declaration, comments, PIs and DOCTYPE.
std::string xml_root_name(std::string_view bytes) {
    std::size_t i = has_prefix(bytes, "\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size()) {
        const char c = bytes[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        if (c != '<') return {};
        const std::string_view rest = bytes.substr(i);
        std::string_view close;
        if (has_prefix(rest, "<?"))
            close = "?>";
        else if (has_prefix(rest, "<!--"))
            close = "-->";
        else if (has_prefix(rest, "<!"))
            close = ">";
        if (!close.empty()) {
            const std::size_t end = bytes.find(close, i + 2);
            if (end == std::string_view::npos) return {};
            i = end + close.size();
            continue;
        }
        std::size_t j = i + 1;
        while (j < bytes.size() && !std::strchr(" \t\r\n/>", bytes[j])) ++j;
        return std::string(bytes.substr(i + 1, j - i - 1));
    }
    return {};
}

bool looks_like_xml(std::string_view bytes, const std::string& path) {
    std::string_view b = bytes;
    if (has_prefix(b, "\xEF\xBB\xBF")) b.remove_prefix(3);
    while (!b.empty() && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n'))
        b.remove_prefix(1);
    if (has_prefix(b, "<?xml") || has_prefix(b, "<TEI")) return true;
    return lower_extension(path) == ".xml" && has_prefix(b, "<");
}

/// A zip that is a Word document: named so, or carrying Word's parts (file names stand
/// uncompressed in a zip's headers). parse_docx reports one without word/document.xml.
bool is_word_zip(std::string_view bytes, const std::string& path) {
    if (!has_prefix(bytes, "PK\x03\x04") && !has_prefix(bytes, "PK\x05\x06")) return false;
    const std::string ext = lower_extension(path);
    if (ext == ".docx" || ext == ".doc" || ext == ".docm" || ext == ".dotx") return true;
    return bytes.find("word/document.xml") != std::string_view::npos;
}

/// HTML by its first markup: a DOCTYPE html or an <html> element (case-insensitive), or the
/// file name when the start is markup.
bool looks_like_html(std::string_view bytes, const std::string& path) {
    std::string_view b = bytes.substr(0, 4096);
    if (has_prefix(b, "\xEF\xBB\xBF")) b.remove_prefix(3);
    const std::string head = ascii_lower(b);
    std::size_t i = head.find_first_not_of(" \t\r\n");
    if (i == std::string::npos) return false;
    if (head.compare(i, 5, "<?xml") == 0) {
        const std::size_t end = head.find("?>", i);
        if (end == std::string::npos) return false;
        i = head.find_first_not_of(" \t\r\n", end + 2);
        if (i == std::string::npos) return false;
    }
    while (head.compare(i, 4, "<!--") == 0) {
        const std::size_t end = head.find("-->", i);
        if (end == std::string::npos) return false;
        i = head.find_first_not_of(" \t\r\n", end + 3);
        if (i == std::string::npos) return false;
    }
    if (head.compare(i, 14, "<!doctype html") == 0 || head.compare(i, 5, "<html") == 0) return true;
    const std::string ext = lower_extension(path);
    return (ext == ".html" || ext == ".htm" || ext == ".xhtml") && head[i] == '<';
}

/// Markdown converted from PDF shows itself by headings, <sup> markers, links and bold runs.
bool looks_like_markdown(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 65536);
    int headings = 0, sups = 0, links = 0, bolds = 0;
    std::size_t start = 0;
    while (start < head.size()) {
        std::size_t end = head.find('\n', start);
        if (end == std::string_view::npos) end = head.size();
        const std::string_view line = head.substr(start, end - start);
        std::size_t hashes = 0;
        while (hashes < line.size() && line[hashes] == '#') ++hashes;
        if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') ++headings;
        start = end + 1;
    }
    for (std::size_t at = head.find("<sup>"); at != std::string_view::npos;
         at = head.find("<sup>", at + 1))
        ++sups;
    for (std::size_t at = head.find("]("); at != std::string_view::npos;
         at = head.find("](", at + 1)) {
        const std::size_t open = head.rfind('[', at);
        const std::size_t close = head.find(')', at);
        if (open != std::string_view::npos && at - open < 300 && close != std::string_view::npos &&
            head.substr(open, at - open).find('\n') == std::string_view::npos)
            ++links;
    }
    for (std::size_t at = head.find("**"); at != std::string_view::npos;) {
        const std::size_t close = head.find("**", at + 2);
        if (close == std::string_view::npos) break;
        const std::string_view inner = head.substr(at + 2, close - at - 2);
        if (!inner.empty() && inner.size() < 300 && inner.find('\n') == std::string_view::npos &&
            inner.front() != ' ' && inner.back() != ' ')
            ++bolds;
        at = head.find("**", close + 2);
    }
    const int kinds = (headings > 0) + (sups > 0) + (links > 0) + (bolds > 0);
    return kinds >= 2 || headings + sups + links + bolds >= 3;
}

/// Language codes found in file names: ISO 639-1, ISO 639-2/3 and the UDHR project's.
std::string language_code(std::string_view token) {
    const std::string t = ascii_lower(token);
    static const std::array<std::pair<std::string_view, std::string_view>, 18> codes = {{
        {"en", "en"},
        {"fr", "fr"},
        {"es", "es"},
        {"ru", "ru"},
        {"ar", "ar"},
        {"zh", "zh"},
        {"eng", "en"},
        {"fra", "fr"},
        {"fre", "fr"},
        {"spa", "es"},
        {"rus", "ru"},
        {"arb", "ar"},
        {"ara", "ar"},
        {"cmn", "zh"},
        {"zho", "zh"},
        {"chi", "zh"},
        {"hans", "zh"},
        {"hant", "zh"},
    }};
    for (const auto& [code, lang] : codes)
        if (t == code) return std::string(lang);
    return {};
}

std::vector<std::string_view> split_name(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '_' || s[i] == '-') {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

bool all_of_chars(std::string_view s, bool (*pred)(char)) {
    return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

std::string ordinal_suffix(int n) {
    const int tens = n % 100;
    if (tens >= 11 && tens <= 13) return "th";
    switch (n % 10) {
        case 1:
            return "st";
        case 2:
            return "nd";
        case 3:
            return "rd";
        default:
            return "th";
    }
}

/// The organ of a symbol: its first part, or the first two for the Human Rights Council and
/// for special series ("A/HRC", "CTOC/COP", "NPT/CONF.2015").
std::string organ_of(std::string_view symbol) {
    const std::size_t slash = symbol.find('/');
    if (slash == std::string_view::npos) return std::string(symbol);
    const std::string_view first = symbol.substr(0, slash);
    const std::string_view rest = symbol.substr(slash + 1);
    const std::string_view second = rest.substr(0, rest.find('/'));
    if (UnBodies::instance().is_principal(first))
        return first == "A" && second == "HRC" ? "A/HRC" : std::string(first);
    if (second.empty() || is_ascii_digit(second[0])) return std::string(first);
    for (const std::string_view kind :
         {"RES", "DEC", "PV.", "SR.", "L.", "INF", "CRP.", "WP.", "PRST"})
        if (has_prefix(second, kind)) return std::string(first);
    return std::string(symbol.substr(0, slash + 1 + second.size()));
}

/// The organ as the symbol module parses it, falling back on organ_of for what it rejects.
std::string symbol_organ(const std::string& symbol) {
    if (const auto parsed = parse_symbol(symbol); parsed && !parsed->organ.empty())
        return parsed->organ;
    return organ_of(symbol);
}

/// "USA_70_2015": a General Debate speech (UNGDC naming).
bool apply_general_debate_name(Document& doc, std::string_view stem) {
    const auto parts = split_name(stem);
    if (parts.size() != 3 || stem.find('-') != std::string_view::npos) return false;
    const std::string_view country = parts[0], session = parts[1], year = parts[2];
    if (country.size() < 2 || country.size() > 3 || !all_of_chars(country, is_ascii_upper))
        return false;
    if (session.empty() || session.size() > 3 || !all_of_chars(session, is_ascii_digit))
        return false;
    if (year.size() != 4 || !all_of_chars(year, is_ascii_digit)) return false;
    const int number = std::stoi(std::string(session));
    if (number == 0) return false;
    if (doc.country.empty()) doc.country = std::string(country);
    if (doc.session == 0) doc.session = number;
    if (doc.date.empty()) doc.date = std::string(year);
    if (doc.body.empty()) doc.body = "A";
    if (doc.lang.empty()) doc.lang = "en";
    // A speech has no title of its own, so whatever a reader took for one is a guess (often
    // the first sentence); the corpus's naming is the record.
    // The country by name, as people read it ("Barbados"); the code stays in doc.country.
    doc.title = "General Debate, " + std::to_string(number) + ordinal_suffix(number) +
                " session: " + Gazetteer::instance().display_name(std::string(country));
    return true;
}

/// "A_RES_73_3" -> "A/RES/73/3": a symbol spelled as a file name.
std::string symbol_from_name(std::string_view stem) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= stem.size(); ++i) {
        if (i == stem.size() || stem[i] == '_') {
            parts.push_back(stem.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() < 2 || !all_of_chars(parts[0], is_ascii_upper) || parts[0].size() > 6)
        return {};
    // Only series the UN really issues, so "USA_0_2015" or "WHO_2013_report" stay names.
    if (!UnBodies::instance().is_series(parts[0])) return {};
    bool digit = false;
    for (const auto part : parts) {
        if (part.empty()) return {};
        for (const char c : part) {
            if (!(is_ascii_upper(c) || is_ascii_digit(c) || c == '.' || c == '(' || c == ')' ||
                  c == '-'))
                return {};
            digit = digit || is_ascii_digit(c);
        }
    }
    if (!digit) return {};
    std::string symbol;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) symbol += '/';
        symbol += parts[i];
    }
    if (const auto parsed = parse_symbol(symbol); parsed && !parsed->canonical.empty())
        return parsed->canonical;
    return symbol;
}

std::string sidecar_base(const std::string& path) {
    const fs::path p(path);
    return (p.parent_path() / p.stem()).string();
}

/// Sets one sidecar field; the value's type is checked so a typo does not index silently.
void set_field(Document& doc, const std::string& key, const nlohmann::json& value,
               const std::string& sidecar, int line) {
    static const std::array<std::string_view, 10> text_keys = {
        "symbol",       "title",       "body",       "date",    "lang",
        "distribution", "agenda_item", "job_number", "country", "session"};
    if (std::find(text_keys.begin(), text_keys.end(), key) == text_keys.end()) return;  // not ours
    if (key == "session") {
        int n = -1;
        if (value.is_number_integer()) {
            n = value.get<int>();
        } else if (value.is_string()) {
            const std::string s = value.get<std::string>();
            if (!s.empty() && s.size() <= 4 && all_of_chars(s, is_ascii_digit))
                n = std::stoi(s);
            else if (const auto ordinal = parse_ordinal(s, doc.lang.empty() ? "en" : doc.lang))
                n = *ordinal;
        }
        if (n < 0) throw DocumentError(sidecar, "field \"session\" must be a number", line);
        doc.session = n;
        return;
    }
    if (!value.is_string())
        throw DocumentError(sidecar, "field \"" + key + "\" must be a string", line);
    std::string s = std::string(trim(value.get<std::string>()));
    if (key == "symbol") {
        doc.symbol = s;
    } else if (key == "title") {
        doc.title = s;
    } else if (key == "body") {
        doc.body = s;
    } else if (key == "date") {
        // A year alone stays a year; printed dates become ISO.
        if (s.size() == 4 && all_of_chars(s, is_ascii_digit)) {
            doc.date = s;
        } else if (s.empty()) {
            doc.date.clear();
        } else if (const auto iso = parse_date(s, doc.lang.empty() ? "en" : doc.lang)) {
            doc.date = *iso;
        } else {
            throw DocumentError(sidecar, "field \"date\" is not a date: \"" + s + "\"", line);
        }
    } else if (key == "lang") {
        doc.lang = ascii_lower(s);
    } else if (key == "distribution") {
        doc.distribution = s;
    } else if (key == "agenda_item") {
        doc.agenda_item = s;
    } else if (key == "job_number") {
        doc.job_number = s;
    } else if (key == "country") {
        doc.country = s;
    }
}

void apply_json_sidecar(Document& doc, const std::string& sidecar) {
    const std::string text = read_file(sidecar);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann's message repeats the position; keep only what went wrong.
        std::string what = e.what();
        const std::size_t column = what.find("column ");
        const std::size_t colon =
            column == std::string::npos ? what.find("] ") : what.find(": ", column);
        if (colon != std::string::npos) what = what.substr(colon + 2);
        const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
        throw DocumentError(sidecar, "malformed JSON: " + what,
                            line_of(text, static_cast<std::ptrdiff_t>(byte)));
    } catch (const nlohmann::json::exception& e) {
        // A number too large for a double ("1e999"): nlohmann gives no position.
        std::string what = e.what();
        if (const std::size_t close = what.find("] "); close != std::string::npos)
            what = what.substr(close + 2);
        if (what.size() > 80) what = what.substr(0, 80) + "...";
        throw DocumentError(sidecar, "malformed JSON: " + what);
    }
    if (!j.is_object()) throw DocumentError(sidecar, "sidecar must be a JSON object", 1);
    const bool had_body = j.contains("body");
    for (const auto& [key, value] : j.items()) {
        // Report the line of the key, so a bad value is easy to find.
        const std::size_t at = text.find("\"" + key + "\"");
        set_field(doc, key, value, sidecar,
                  at == std::string::npos ? 0 : line_of(text, static_cast<std::ptrdiff_t>(at)));
    }
    if (!had_body && j.contains("symbol") && !doc.symbol.empty())
        doc.body = symbol_organ(doc.symbol);
}

void apply_xml_sidecar(Document& doc, const std::string& sidecar) {
    const std::string text = read_file(sidecar);
    pugi::xml_document xml;
    const auto result =
        xml.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result)
        throw DocumentError(sidecar, std::string("malformed XML: ") + result.description(),
                            line_of(text, result.offset));
    for (const pugi::xml_node& child : xml.document_element().children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string key = child.name();
        set_field(doc, key, nlohmann::json(std::string(child.text().get())), sidecar,
                  line_of(text, child.offset_debug()));
    }
}

// A parallel corpus's file named by its language as the extension ("UNv1.0.devset.fr") holds
// one sentence a line, line n of every language the same sentence: each line is a paragraph,
// anchored by its line number so the versions align line by line.
bool is_line_aligned(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    return ext.size() == 3 && fs::path(path).stem().has_extension() &&
           !language_code(ext.substr(1)).empty();
}

Document parse_line_aligned(std::string_view text) {
    Document doc;
    const std::vector<std::string_view> lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = trim(lines[i]);
        if (t.empty()) continue;
        Paragraph p;
        p.text = std::string(t);
        p.line = static_cast<int>(i + 1);
        p.anchor = "line" + std::to_string(i + 1);
        doc.paragraphs.push_back(std::move(p));
    }
    return doc;
}

}  // namespace

const char* to_string(Format format) {
    switch (format) {
        case Format::markdown:
            return "markdown";
        case Format::text:
            return "text";
        case Format::unpc_xml:
            return "unpc-xml";
        case Format::pdf:
            return "pdf";
        case Format::docx:
            return "docx";
        case Format::doc:
            return "doc";
        case Format::html:
            return "html";
        case Format::schema_xml:
            return "xml";
        case Format::yaml:
            return "yaml";
        case Format::unknown:
            return "unknown";
    }
    return "unknown";
}

Format detect_format(std::string_view bytes, const std::string& path) {
    if (has_prefix(bytes, "%PDF")) return Format::pdf;
    if (has_prefix(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Format::doc;
    if (is_word_zip(bytes, path)) return Format::docx;
    if (const std::string kind = binary_kind(bytes); !kind.empty())
        throw DocumentError(path, "binary file (" + kind + ") is not supported");
    if (has_prefix(bytes, "\xFF\xFE") || has_prefix(bytes, "\xFE\xFF"))
        throw DocumentError(path, "UTF-16 text is not supported yet; convert it to UTF-8");
    if (looks_binary(bytes)) throw DocumentError(path, "binary file is not supported");
    if (looks_like_zip_strings(bytes))
        throw DocumentError(path,
                            "not text: the printable strings of a zipped Office file "
                            "([Content_Types].xml, _rels/.rels); index the .docx itself");
    if (looks_like_html(bytes, path)) return Format::html;
    if (looks_like_xml(bytes, path)) {
        const std::string root = xml_root_name(bytes);
        if (root == "TEI.2" || root == "TEI") return Format::unpc_xml;
        if (root.empty()) throw DocumentError(path, "no XML root element");
        if (root == "html" || root.find(":html") != std::string::npos) return Format::html;
        if (!find_xml_schema(bytes).empty()) return Format::schema_xml;
        throw DocumentError(path, "unknown XML root element <" + root + ">");
    }
    const std::string ext = lower_extension(path);
    if (ext == ".md" || ext == ".markdown") return Format::markdown;
    if (ext == ".yml" || ext == ".yaml") return Format::yaml;
    if (looks_like_markdown(bytes)) return Format::markdown;
    return Format::text;
}

std::string read_document_bytes(const std::string& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw DocumentError(path, "no such file");
    if (fs::is_directory(status)) throw DocumentError(path, "is a directory");
    if (!fs::is_regular_file(status)) throw DocumentError(path, "not a regular file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) throw DocumentError(path, "cannot read: " + ec.message());
    if (size > max_file_size)
        throw DocumentError(path, "file too large (" +
                                      std::to_string((size + mebibyte - 1) / mebibyte) +
                                      " MiB; limit 256 MiB)");
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw DocumentError(path, std::string("cannot read: ") + std::strerror(errno));
    probe.close();
    if (size == 0) throw DocumentError(path, "empty file");
    std::string bytes = read_file(path);
    if (bytes.empty()) throw DocumentError(path, "empty file");
    return bytes;
}

Document read_document(const std::string& path) {
    return parse_document(path, read_document_bytes(path));
}

Document parse_document(const std::string& path, const std::string& bytes) {
    const Format format = detect_format(bytes, path);
    Document doc;
    if (format == Format::pdf || format == Format::docx || format == Format::doc) {
        // Binary containers: their readers check what they extract.
        if (format == Format::pdf)
            doc = parse_pdf(bytes, path);
        else if (format == Format::docx)
            doc = parse_docx(bytes, path);
        else
            doc = parse_doc(path);
        doc.source = path;
        apply_file_name(doc, path);
        apply_sidecar(doc, path);
        // Word files often carry no language of their own (and antiword's text none at all).
        if (doc.lang.empty()) doc.lang = detect_document_language(doc);
        return doc;
    }
    Utf8Problem problem;
    if (!check_utf8(bytes, &problem))
        throw DocumentError(path,
                            "invalid UTF-8 at line " + std::to_string(problem.line) + " (byte " +
                                std::to_string(problem.offset) + ")",
                            problem.line);

    const std::string text = normalise_newlines(bytes);
    switch (format) {
        case Format::markdown:
            doc = parse_markdown(text, path);
            break;
        case Format::unpc_xml:
            doc = parse_unpc_xml(text, path);
            break;
        case Format::yaml:
            doc = parse_yaml(text, path);
            break;
        case Format::html:
            doc = parse_html(text, path);
            break;
        case Format::schema_xml:
            doc = parse_schema_xml(text, path, find_xml_schema(text));
            break;
        case Format::text:
        case Format::unknown:
        default:
            doc = is_line_aligned(path) ? parse_line_aligned(text) : parse_text(text, path);
            break;
    }
    doc.source = path;
    if (format != Format::schema_xml) doc.format = to_string(format);
    apply_file_name(doc, path);
    apply_sidecar(doc, path);
    if (doc.lang.empty()) doc.lang = detect_document_language(doc);
    assign_article_anchors(doc);
    return doc;
}

void apply_file_name(Document& doc, const std::string& path) {
    std::string stem = fs::path(path).filename().string();
    // Drop every extension-like tail: "A_RES_73_3-EN.pdf", "x.meta.json" never reach here.
    const std::size_t dot = stem.rfind('.');
    if (dot != std::string::npos && dot > 0) stem.erase(dot);
    if (stem.empty()) return;
    if (apply_general_debate_name(doc, stem)) return;

    // A language code as the last part: "-EN", "_fr", "udhr_fra", "udhr_cmn_hans".
    const auto parts = split_name(stem);
    std::string lang;
    std::size_t cut = stem.size();
    if (parts.size() >= 2) {
        const std::string_view last = parts.back();
        lang = language_code(last);
        // Two-letter codes stand alone; "hans"/"hant" only count after a Chinese code.
        if (!lang.empty() && (ascii_lower(last) == "hans" || ascii_lower(last) == "hant")) {
            lang = language_code(parts[parts.size() - 2]) == "zh" ? "zh" : "";
            if (!lang.empty())
                cut = static_cast<std::size_t>(parts[parts.size() - 2].data() - stem.data()) - 1;
        } else if (!lang.empty()) {
            cut = static_cast<std::size_t>(last.data() - stem.data()) - 1;
        }
    }
    if (!lang.empty() && doc.lang.empty()) doc.lang = lang;
    if (!lang.empty() && doc.work.empty()) doc.work = stem.substr(0, cut);
    // A language code as the extension: "UNv1.0.devset.fr".
    if (lang.empty() && dot != std::string::npos && dot > 0) {
        const std::string ext = fs::path(path).extension().string();
        if (ext.size() == 3 && !language_code(ext.substr(1)).empty()) {
            if (doc.lang.empty()) doc.lang = language_code(ext.substr(1));
            if (doc.work.empty()) doc.work = stem;
        }
    }

    if (doc.symbol.empty()) {
        const std::string symbol =
            symbol_from_name(std::string_view(stem).substr(0, lang.empty() ? stem.size() : cut));
        if (!symbol.empty()) {
            doc.symbol = symbol;
            if (doc.body.empty()) doc.body = symbol_organ(symbol);
        }
    }
}

void apply_sidecar(Document& doc, const std::string& path) {
    const std::string base = sidecar_base(path);
    std::error_code ec;
    if (fs::is_regular_file(base + ".meta.json", ec)) {
        apply_json_sidecar(doc, base + ".meta.json");
    } else if (fs::is_regular_file(base + ".meta.xml", ec)) {
        apply_xml_sidecar(doc, base + ".meta.xml");
    }
}

}  // namespace plenary
