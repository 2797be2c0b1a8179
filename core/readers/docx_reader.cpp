// Word 2007+ (OOXML): a zip (libzip) of XML parts (pugixml). Paragraphs from word/document.xml,
// heading levels from the paragraph styles, list numbers from word/numbering.xml, footnotes from
// word/footnotes.xml attached where their reference stands, core properties as metadata.
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/input_limits.h"
#include "base/text_util.h"
#include "readers/layout.h"
#include "readers/reader.h"
#include "readers/xml_depth.h"
#include "refs/sessions.h"

namespace plenary {

namespace {

/// The most one zip entry may inflate to: a zip bomb stops here, not at the machine's memory.
constexpr zip_uint64_t max_entry_size = 64ull * 1024 * 1024;

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

/// A zip archive in memory; entries are read with a cap on their inflated size.
class ZipArchive {
  public:
    ZipArchive(std::string_view bytes, const std::string& source) : m_source(source) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (!src) throw DocumentError(source, "damaged zip archive");
        zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
        if (!archive) {
            zip_source_free(src);
            const std::string why = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw DocumentError(source, "damaged zip archive: " + ascii_lower(why));
        }
        zip_error_fini(&error);
        m_zip.reset(archive);
    }

    bool has(const char* name) const { return zip_name_locate(m_zip.get(), name, 0) >= 0; }

    /// The entry's bytes; nullopt when absent. Throws for entries past the cap or unreadable.
    std::optional<std::string> read(const char* name) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(m_zip.get(), name, 0, &st) != 0) return std::nullopt;
        if ((st.valid & ZIP_STAT_SIZE) && st.size > max_entry_size)
            throw DocumentError(m_source, std::string("zip entry ") + name + " is too large (" +
                                              std::to_string(st.size / (1024 * 1024)) +
                                              " MiB uncompressed; limit 64 MiB)");
        std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen(m_zip.get(), name, 0));
        if (!file) throw DocumentError(m_source, std::string("cannot read zip entry ") + name);
        std::string out;
        char buffer[65536];
        while (true) {
            const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
            if (n < 0) throw DocumentError(m_source, std::string("damaged zip entry ") + name);
            if (n == 0) break;
            out.append(buffer, static_cast<std::size_t>(n));
            // The declared size may lie; what is inflated is what counts.
            if (out.size() > max_entry_size)
                throw DocumentError(m_source, std::string("zip entry ") + name +
                                                  " is too large (more than 64 MiB uncompressed)");
        }
        return out;
    }

  private:
    std::unique_ptr<zip_t, ZipCloser> m_zip;
    std::string m_source;
};

pugi::xml_document load_part(const std::string& bytes, const std::string& source,
                             const char* name) {
    pugi::xml_document xml;
    // No parse_doctype: an internal subset is skipped, never expanded.
    const auto result =
        xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result)
        throw DocumentError(source,
                            std::string("malformed XML in ") + name + ": " + result.description());
    // The builder walks runs recursively: a hostile depth stops here, not in the stack.
    check_xml_depth(xml, bytes, source, name);
    return xml;
}

/// Local name of an element: "w:p" -> "p".
std::string_view local(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// An attribute by local name ("w:val" found as "val"), whatever the prefix.
const char* attr(const pugi::xml_node& node, std::string_view name) {
    for (const auto& a : node.attributes()) {
        std::string_view n = a.name();
        const std::size_t colon = n.find(':');
        if (colon != std::string_view::npos) n = n.substr(colon + 1);
        if (n == name) return a.value();
    }
    return "";
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (const auto& c : node.children())
        if (c.type() == pugi::node_element && local(c) == name) return c;
    return {};
}

/// An integer attribute value, clamped to long long; nullopt when it is not a number. (std::atoi
/// is undefined past int, and Word files are not always written by Word.)
std::optional<long long> integer(const char* text) {
    const std::string_view s = trim(text);
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (end != s.data() + s.size() || s.empty()) return std::nullopt;
    if (ec == std::errc::result_out_of_range)
        return s[0] == '-' ? std::numeric_limits<long long>::min()
                           : std::numeric_limits<long long>::max();
    if (ec != std::errc()) return std::nullopt;
    return v;
}

/// Word's outline level (0 to 9) as a heading depth (1 to 10); -1 for anything else.
int outline_depth(const pugi::xml_node& outline) {
    const auto v = integer(attr(outline, "val"));
    return v && *v >= 0 && *v <= 9 ? static_cast<int>(*v) + 1 : -1;
}

/// One numbering level: format ("decimal", "bullet", ...), start value and text ("%1.").
struct Level {
    std::string format = "decimal";
    int start = 1;
    std::string text;
};

std::string upper_case(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string roman(int n, bool upper) {
    static const std::pair<int, const char*> table[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string out;
    for (const auto& [value, digits] : table)
        while (n >= value) {
            out += digits;
            n -= value;
        }
    return upper ? upper_case(out) : out;
}

std::string format_number(const Level& level, int n) {
    if ((level.format == "lowerLetter" || level.format == "upperLetter") && n > 0) {
        std::string s(static_cast<std::size_t>((n - 1) / 26 + 1),
                      static_cast<char>('a' + (n - 1) % 26));
        return level.format == "upperLetter" ? upper_case(s) : s;
    }
    if (level.format == "lowerRoman") return roman(n, false);
    if (level.format == "upperRoman") return roman(n, true);
    return std::to_string(n);
}

class DocxBuilder {
  public:
    DocxBuilder(Document& doc, const std::string& source) : m_doc(doc), m_source(source) {}

    void styles(const pugi::xml_document& xml) {
        for (const auto& style : xml.document_element().children()) {
            if (local(style) != "style") continue;
            const std::string id = attr(style, "styleId");
            const std::string name = ascii_lower(attr(child(style, "name"), "val"));
            int level = -1;
            if (name == "title")
                level = 0;
            else if (name.rfind("heading ", 0) == 0 && name.size() == 9 && name[8] >= '1' &&
                     name[8] <= '9')
                level = name[8] - '0';
            else if (const auto p = child(style, "pPr"); p)
                if (const auto o = child(p, "outlineLvl"); o) level = outline_depth(o);
            if (level >= 0 && level < 10) m_heading_styles[id] = level;
        }
    }

    void numbering(const pugi::xml_document& xml) {
        std::map<std::string, std::vector<Level>> abstracts;
        for (const auto& node : xml.document_element().children()) {
            if (local(node) == "abstractNum") {
                auto& levels = abstracts[attr(node, "abstractNumId")];
                for (const auto& lvl : node.children()) {
                    if (local(lvl) != "lvl") continue;
                    const long long ilvl = integer(attr(lvl, "ilvl")).value_or(0);
                    if (ilvl < 0 || ilvl > 9) continue;
                    if (levels.size() <= static_cast<std::size_t>(ilvl))
                        levels.resize(static_cast<std::size_t>(ilvl) + 1);
                    Level& l = levels[static_cast<std::size_t>(ilvl)];
                    if (const auto f = child(lvl, "numFmt")) l.format = attr(f, "val");
                    if (const auto s = child(lvl, "start")) l.start = list_start(attr(s, "val"));
                    if (const auto t = child(lvl, "lvlText")) l.text = attr(t, "val");
                }
            }
        }
        for (const auto& node : xml.document_element().children()) {
            if (local(node) != "num") continue;
            const auto it = abstracts.find(attr(child(node, "abstractNumId"), "val"));
            if (it != abstracts.end()) m_lists[attr(node, "numId")] = it->second;
        }
    }

    void footnotes(const pugi::xml_document& xml) {
        for (const auto& note : xml.document_element().children()) {
            if (local(note) != "footnote" && local(note) != "endnote") continue;
            const std::string type = attr(note, "type");
            if (!type.empty() && type != "normal") continue;  // separators
            std::string text;
            for (const auto& p : note.children()) {
                if (local(p) != "p") continue;
                std::vector<std::string> ignored;
                const std::string t = paragraph_text(p, ignored);
                if (!t.empty()) text += (text.empty() ? "" : " ") + t;
            }
            m_notes[std::string(local(note)) + attr(note, "id")] = std::string(trim(text));
        }
    }

    void body(const pugi::xml_node& body) {
        for (const auto& node : body.children()) {
            if (local(node) == "p")
                paragraph(node);
            else if (local(node) == "tbl")
                table(node);
            else if (local(node) == "sdt") {
                if (const auto content = child(node, "sdtContent")) this->body(content);
            }
        }
    }

    /// A paragraph's text: runs, tabs and breaks; footnote references collected as markers.
    std::string paragraph_text(const pugi::xml_node& p, std::vector<std::string>& notes) {
        std::string text;
        walk(p, text, notes);
        std::string collapsed;
        bool space = false;
        for (const char c : text) {
            if (c == ' ' || c == '\t' || c == '\n') {
                space = !collapsed.empty();
                continue;
            }
            if (space) collapsed += ' ';
            space = false;
            collapsed += c;
        }
        return collapsed;
    }

    void masthead() {
        // Documents issued as Word carry the masthead as their first paragraphs.
        layout::Masthead head;
        const std::size_t n = std::min<std::size_t>(m_doc.paragraphs.size(), 12);
        for (std::size_t i = 0; i < n; ++i) head.feed(m_doc.paragraphs[i].text);
        head.apply(m_doc);
    }

  private:
    /// A list's start value; 0 to limits::max_list_number, or a DocumentError. The letters and
    /// numerals of a list grow with its numbers: 2,000,000,000 took 1.26 GB.
    int list_start(const char* text) const {
        if (!*text) return 0;  // as Word reads a missing value
        const auto v = integer(text);
        if (!v || *v < 0 || *v > limits::max_list_number) {
            const std::string shown(std::string_view(text).substr(0, 24));
            throw DocumentError(m_source, "list numbering starts at " + shown + " (limit 0 to " +
                                              std::to_string(limits::max_list_number) + ")");
        }
        return static_cast<int>(*v);
    }

    void walk(const pugi::xml_node& node, std::string& text, std::vector<std::string>& notes) {
        for (const auto& c : node.children()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = local(c);
            if (name == "t")
                text += c.text().get();
            else if (name == "tab" || name == "br" || name == "cr")
                text += ' ';
            else if (name == "noBreakHyphen")
                text += '-';
            else if (name == "footnoteReference" || name == "endnoteReference") {
                notes.push_back(std::string(name == "footnoteReference" ? "footnote" : "endnote") +
                                attr(c, "id"));
            } else if (name == "pPr" || name == "rPr" || name == "instrText" || name == "delText") {
                continue;
            } else {
                walk(c, text, notes);
            }
        }
    }

    void paragraph(const pugi::xml_node& p) {
        std::vector<std::string> notes;
        std::string text = paragraph_text(p, notes);
        if (text.empty()) return;
        const auto ppr = child(p, "pPr");
        int heading = -1;
        std::string style;
        if (ppr) {
            style = attr(child(ppr, "pStyle"), "val");
            if (const auto it = m_heading_styles.find(style); it != m_heading_styles.end())
                heading = it->second;
            if (const auto o = child(ppr, "outlineLvl"); o && heading < 0)
                heading = outline_depth(o);
        }
        Paragraph para;
        std::string number = list_number(ppr);
        if (heading >= 0) {
            m_path.push(heading, number.empty() ? text : number + ". " + text);
            para.kind = ParagraphKind::heading;
            para.headings = m_path.path();
            para.text = std::move(text);
            m_doc.paragraphs.push_back(std::move(para));
            return;
        }
        para.headings = m_path.path();
        if (number == "\x01") {
            para.kind = ParagraphKind::list_item;
        } else if (!number.empty()) {
            para.kind = ParagraphKind::numbered;
            para.number = number;
        } else if (const auto printed = layout::paragraph_number(text)) {
            para.kind = ParagraphKind::numbered;
            para.number = printed->number;
            text = std::string(trim(std::string_view(text).substr(printed->text_begin)));
        } else if (layout::is_list_item(text)) {
            para.kind = ParagraphKind::list_item;
        }
        para.text = std::move(text);
        for (const auto& id : notes) {
            const auto it = m_notes.find(id);
            if (it == m_notes.end() || it->second.empty()) continue;
            ++m_note_count;
            para.footnotes.push_back(Footnote{std::to_string(m_note_count), it->second});
        }
        m_doc.paragraphs.push_back(std::move(para));
    }

    /// The number Word prints before a list paragraph: "7" for a top-level decimal list, "b"
    /// for a lettered one; "\x01" for a bullet; empty when not in a list.
    std::string list_number(const pugi::xml_node& ppr) {
        const auto numpr = ppr ? child(ppr, "numPr") : pugi::xml_node();
        if (!numpr) return {};
        const std::string id = attr(child(numpr, "numId"), "val");
        // Past the ten levels Word has: no number (clamped first, so no overflow).
        const int ilvl = static_cast<int>(
            std::clamp<long long>(integer(attr(child(numpr, "ilvl"), "val")).value_or(0), 0, 10));
        const auto it = m_lists.find(id);
        if (id.empty() || id == "0" || it == m_lists.end() ||
            static_cast<std::size_t>(ilvl) >= it->second.size())
            return {};
        const Level& level = it->second[static_cast<std::size_t>(ilvl)];
        auto& counters = m_counters[id];
        if (counters.size() <= static_cast<std::size_t>(ilvl))
            counters.resize(static_cast<std::size_t>(ilvl) + 1, 0);
        counters.resize(static_cast<std::size_t>(ilvl) + 1);  // deeper levels restart
        int& n = counters[static_cast<std::size_t>(ilvl)];
        const bool printed = level.format != "bullet" && level.format != "none";
        if (printed && n >= limits::max_list_number)
            throw DocumentError(m_source,
                                "list numbering passes " + std::to_string(limits::max_list_number));
        n = n == 0 ? level.start : std::min(n, limits::max_list_number) + 1;
        if (!printed) return "\x01";
        return format_number(level, n);
    }

    void table(const pugi::xml_node& tbl) {
        for (const auto& tr : tbl.children()) {
            if (local(tr) != "tr") continue;
            std::string row;
            std::vector<std::string> notes;
            for (const auto& tc : tr.children()) {
                if (local(tc) != "tc") continue;
                std::string cell;
                for (const auto& p : tc.children()) {
                    if (local(p) != "p") continue;
                    const std::string t = paragraph_text(p, notes);
                    if (!t.empty()) cell += (cell.empty() ? "" : " ") + t;
                }
                if (cell.empty()) continue;
                row += (row.empty() ? "" : " | ") + cell;
            }
            if (row.empty()) continue;
            Paragraph para;
            para.kind = ParagraphKind::table;
            para.headings = m_path.path();
            para.text = std::move(row);
            m_doc.paragraphs.push_back(std::move(para));
        }
    }

    Document& m_doc;
    std::string m_source;
    layout::HeadingPath m_path;
    std::map<std::string, int> m_heading_styles;         ///< style id -> heading depth
    std::map<std::string, std::vector<Level>> m_lists;   ///< numId -> its levels
    std::map<std::string, std::vector<int>> m_counters;  ///< numId -> count per level
    std::map<std::string, std::string> m_notes;          ///< "footnote3" -> text
    int m_note_count = 0;                                ///< Word numbers notes in order
};

void core_properties(Document& doc, const pugi::xml_document& xml) {
    for (const auto& node : xml.document_element().children()) {
        const std::string_view name = local(node);
        const std::string value(trim(node.text().get()));
        if (value.empty()) continue;
        if (name == "title" && doc.title.empty())
            doc.title = value;
        else if (name == "created" && doc.date.empty() && value.size() >= 10)
            doc.date = value.substr(0, 10);
        else if (name == "language" && doc.lang.empty())
            doc.lang = ascii_lower(value.substr(0, 2));
    }
}

}  // namespace

Document parse_docx(std::string_view bytes, const std::string& source) {
    const ZipArchive zip(bytes, source);
    const auto main = zip.read("word/document.xml");
    if (!main) throw DocumentError(source, "not a Word document (no word/document.xml)");
    Document doc;
    doc.source = source;
    doc.format = "docx";
    DocxBuilder builder(doc, source);
    if (const auto s = zip.read("word/styles.xml"))
        builder.styles(load_part(*s, source, "word/styles.xml"));
    if (const auto n = zip.read("word/numbering.xml"))
        builder.numbering(load_part(*n, source, "word/numbering.xml"));
    if (const auto f = zip.read("word/footnotes.xml"))
        builder.footnotes(load_part(*f, source, "word/footnotes.xml"));
    if (const auto e = zip.read("word/endnotes.xml"))
        builder.footnotes(load_part(*e, source, "word/endnotes.xml"));
    const auto xml = load_part(*main, source, "word/document.xml");
    const auto body = child(xml.document_element(), "body");
    if (!body) throw DocumentError(source, "not a Word document (no body in word/document.xml)");
    builder.body(body);
    builder.masthead();
    if (const auto c = zip.read("docProps/core.xml"))
        core_properties(doc, load_part(*c, source, "docProps/core.xml"));
    return doc;
}

}  // namespace plenary
