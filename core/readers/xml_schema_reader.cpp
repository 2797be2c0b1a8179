// XML formats described by schema files (schemas/xml/*.json): the root element and namespace
// that identify the format, XPath expressions for document fields, and "units" (articles,
// preamble, operative paragraphs) with their heading, number and paragraph elements. A new XML
// format is a new schema file. Element names are matched without their namespace prefix.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"
#include "readers/xml_depth.h"
#include "refs/sessions.h"
#include "refs/symbols.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

std::string schema_dir() {
    if (const char* env = std::getenv("PLENARY_SCHEMA_DIR"); env && *env)
        return std::string(env) + "/xml";
#ifdef PLENARY_SCHEMA_DIR
    return std::string(PLENARY_SCHEMA_DIR) + "/xml";
#else
    return "schemas/xml";
#endif
}

struct Schema {
    std::string path;
    nlohmann::json json;
};

/// The schema files, read once per process.
const std::vector<Schema>& schemas() {
    static std::vector<Schema> all;
    static std::once_flag once;
    std::call_once(once, [] {
        std::error_code ec;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(schema_dir(), ec))
            if (entry.path().extension() == ".json") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            try {
                all.push_back({file.string(), nlohmann::json::parse(read_file(file.string()))});
            } catch (const std::exception& e) {
                throw SchemaError(file.string() + ": " + e.what());
            }
        }
    });
    return all;
}

std::string_view local_name(std::string_view name) {
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// The root element's local name and namespace (its default or prefixed xmlns).
std::pair<std::string, std::string> root_of(std::string_view bytes) {
    std::size_t i = 0;
    while (true) {
        i = bytes.find('<', i);
        if (i == std::string_view::npos || i + 1 >= bytes.size()) return {};
        const char c = bytes[i + 1];
        if (c == '?' || c == '!') {
            const std::string_view close = bytes.compare(i, 4, "<!--") == 0 ? "-->" : ">";
            const std::size_t end = bytes.find(close, i);
            if (end == std::string_view::npos) return {};
            i = end + close.size();
            continue;
        }
        break;
    }
    const std::size_t end = bytes.find('>', i);
    const std::string_view tag =
        bytes.substr(i + 1, end == std::string_view::npos ? 4096 : end - i - 1);
    std::size_t j = 0;
    while (j < tag.size() && !std::strchr(" \t\r\n/>", tag[j])) ++j;
    const std::string_view qname = tag.substr(0, j);
    const std::size_t colon = qname.find(':');
    const std::string prefix =
        colon == std::string_view::npos ? "" : std::string(qname.substr(0, colon));
    const std::string attr = prefix.empty() ? "xmlns=" : "xmlns:" + prefix + "=";
    std::string ns;
    if (const std::size_t at = tag.find(attr);
        at != std::string_view::npos && at + attr.size() < tag.size()) {
        const char q = tag[at + attr.size()];
        const std::size_t close = tag.find(q, at + attr.size() + 1);
        if (close != std::string_view::npos)
            ns = std::string(tag.substr(at + attr.size() + 1, close - at - attr.size() - 1));
    }
    return {std::string(local_name(qname)), ns};
}

/// Drops namespace prefixes from element names so schema paths are written without them.
void strip_prefixes(pugi::xml_node node) {
    for (pugi::xml_node n = node; n; n = n.next_sibling()) {
        if (n.type() == pugi::node_element) {
            const std::string_view name = n.name();
            if (name.find(':') != std::string_view::npos)
                n.set_name(std::string(local_name(name)).c_str());
            strip_prefixes(n.first_child());
        }
    }
}

std::string collapse(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

/// All text under node, in document order, spaces collapsed; elements named in skip left out.
void gather(const pugi::xml_node& node, std::string& out, const std::vector<std::string>& skip) {
    for (const auto& c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += c.value();
        } else if (c.type() == pugi::node_element) {
            if (std::find(skip.begin(), skip.end(), c.name()) != skip.end()) continue;
            out += ' ';
            gather(c, out, skip);
            out += ' ';
        }
    }
}

std::string text_of(const pugi::xml_node& node, const std::vector<std::string>& skip = {}) {
    std::string out;
    gather(node, out, skip);
    return collapse(out);
}

/// An XPath evaluated to a string relative to node; empty for no match or a bad expression.
std::string eval(const pugi::xml_node& node, const std::string& xpath, const std::string& schema) {
    if (xpath.empty()) return {};
    try {
        const pugi::xpath_query query(xpath.c_str());
        const pugi::xpath_node_set set = query.evaluate_node_set(node);
        if (set.empty()) return {};
        const auto& first = set.first();
        return first.attribute() ? collapse(first.attribute().value()) : text_of(first.node());
    } catch (const pugi::xpath_exception& e) {
        throw SchemaError(schema + ": bad XPath \"" + xpath + "\": " + e.what());
    }
}

pugi::xpath_node_set select(const pugi::xml_node& node, const std::string& xpath,
                            const std::string& schema) {
    try {
        return pugi::xpath_query(xpath.c_str()).evaluate_node_set(node);
    } catch (const pugi::xpath_exception& e) {
        throw SchemaError(schema + ": bad XPath \"" + xpath + "\": " + e.what());
    }
}

std::string lang_code(const std::string& value, const nlohmann::json& map) {
    std::string v = ascii_lower(trim(value));
    if (map.is_object() && map.contains(v)) return map[v].get<std::string>();
    const std::size_t cut = v.find_first_of("-_");
    v = v.substr(0, cut);
    if (map.is_object() && map.contains(v)) return map[v].get<std::string>();
    return v;
}

/// A symbol in a reference's href: "/akn/un/document/A/RES/70/1/eng@2015" -> "A/RES/70/1".
std::string symbol_of_href(std::string_view href) {
    const std::size_t stop = href.find_first_of("@!#?");
    if (stop != std::string_view::npos) href = href.substr(0, stop);
    while (!href.empty() && href.back() == '/') href.remove_suffix(1);
    for (std::size_t start = 0; start < href.size(); ++start) {
        if (start > 0 && href[start - 1] != '/') continue;
        std::string_view rest = href.substr(start);
        // A trailing language segment ("/eng", "/en") is no part of the symbol.
        const std::size_t last = rest.rfind('/');
        if (last != std::string_view::npos) {
            const std::string_view tail = rest.substr(last + 1);
            if ((tail.size() == 2 || tail.size() == 3) &&
                std::all_of(tail.begin(), tail.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                rest = rest.substr(0, last);
        }
        if (rest.empty() || !(rest[0] >= 'A' && rest[0] <= 'Z')) continue;
        if (const auto parsed = parse_symbol(rest); parsed && !parsed->canonical.empty())
            return parsed->canonical;
    }
    // AKN names spell the symbol as one segment: ".../A_RES_73_3/!main".
    std::size_t seg_end = href.size();
    while (seg_end > 0) {
        const std::size_t seg_begin = href.rfind('/', seg_end - 1);
        const std::size_t b = seg_begin == std::string_view::npos ? 0 : seg_begin + 1;
        std::string seg(href.substr(b, seg_end - b));
        if (seg.find('_') != std::string::npos && !seg.empty() && seg[0] >= 'A' && seg[0] <= 'Z') {
            std::replace(seg.begin(), seg.end(), '_', '/');
            if (const auto parsed = parse_symbol(seg); parsed && !parsed->canonical.empty())
                return parsed->canonical;
        }
        if (seg_begin == std::string_view::npos) break;
        seg_end = seg_begin;
    }
    return {};
}

std::string get(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

void set_field(Document& doc, const std::string& key, const std::string& value,
               const nlohmann::json& schema) {
    if (value.empty()) return;
    if (key == "title")
        doc.title = value;
    else if (key == "symbol") {
        const auto parsed = parse_symbol(value);
        doc.symbol =
            parsed && !parsed->canonical.empty() ? parsed->canonical : symbol_of_href(value);
        if (doc.symbol.empty()) doc.symbol = value;
        if (doc.body.empty() && parsed) doc.body = parsed->organ;
    } else if (key == "lang")
        doc.lang = lang_code(value, schema.value("lang_map", nlohmann::json::object()));
    else if (key == "date") {
        if (value.size() >= 10 && value[4] == '-' && value[7] == '-')
            doc.date = value.substr(0, 10);
        else if (value.size() == 8 && std::all_of(value.begin(), value.end(), ::isdigit))
            doc.date = value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
        else if (const auto iso = parse_date(value, doc.lang.empty() ? "en" : doc.lang))
            doc.date = *iso;
    } else if (key == "body")
        doc.body = value;
    else if (key == "session") {
        int n = 0;
        for (const char c : value) {
            if (c < '0' || c > '9') break;
            n = n * 10 + (c - '0');
        }
        if (n > 0)
            doc.session = n;
        else if (const auto ordinal = parse_ordinal(value, doc.lang.empty() ? "en" : doc.lang))
            doc.session = *ordinal;
    } else if (key == "distribution")
        doc.distribution = value;
    else if (key == "agenda_item")
        doc.agenda_item = value;
}

/// "1." -> "1", "(a)" -> "a": a number as the schema's element prints it.
std::string clean_number(std::string n) {
    n = std::string(trim(n));
    while (!n.empty() && (n.back() == '.' || n.back() == ')')) n.pop_back();
    while (!n.empty() && n.front() == '(') n.erase(0, 1);
    return n;
}

}  // namespace

std::string find_xml_schema(std::string_view bytes) {
    const auto [root, ns] = root_of(bytes.substr(0, 65536));
    if (root.empty()) return {};
    for (const auto& schema : schemas()) {
        if (get(schema.json, "root") != root) continue;
        const std::string want = get(schema.json, "namespace");
        if (!want.empty() && want != ns) continue;
        return schema.path;
    }
    return {};
}

namespace {

/// The schema at schema_path: one already loaded, else read now.
nlohmann::json load_schema(const std::string& schema_path) {
    nlohmann::json schema;
    for (const auto& s : schemas())
        if (s.path == schema_path) schema = s.json;
    if (schema.is_null()) {
        try {
            schema = nlohmann::json::parse(read_file(schema_path));
        } catch (const std::exception& e) {
            throw SchemaError(schema_path + ": " + e.what());
        }
    }
    return schema;
}

/// The document's fields by the schema's XPaths, then its defaults for fields still empty.
void read_fields(Document& doc, const pugi::xml_node& root, const nlohmann::json& schema,
                 const std::string& schema_path) {
    if (schema.contains("fields")) {
        // lang first: dates and ordinals are read in the document's language.
        if (schema["fields"].contains("lang"))
            set_field(doc, "lang",
                      eval(root, schema["fields"]["lang"].get<std::string>(), schema_path), schema);
        for (const auto& [key, xpath] : schema["fields"].items())
            if (key != "lang")
                set_field(doc, key, eval(root, xpath.get<std::string>(), schema_path), schema);
    }
    if (schema.contains("defaults"))
        for (const auto& [key, value] : schema["defaults"].items()) {
            const bool empty = (key == "session") ? doc.session == 0
                               : key == "symbol"  ? doc.symbol.empty()
                               : key == "title"   ? doc.title.empty()
                               : key == "date"    ? doc.date.empty()
                               : key == "body"    ? doc.body.empty()
                               : key == "lang"    ? doc.lang.empty()
                                                  : false;
            if (empty)
                set_field(doc, key, value.is_string() ? value.get<std::string>() : value.dump(),
                          schema);
        }
}

/// One entry of the schema's "units": where a unit's heading, number and paragraphs are.
struct UnitSpec {
    std::string heading_xpath, number_xpath, para_xpath, para_number_xpath, anchor, heading_text;
    bool join = false;
};

UnitSpec unit_spec(const nlohmann::json& unit) {
    UnitSpec u;
    u.heading_xpath = get(unit, "heading");
    u.number_xpath = get(unit, "number");
    u.para_xpath = get(unit, "paragraphs");
    u.para_number_xpath = get(unit, "paragraph_number");
    u.anchor = get(unit, "anchor");
    u.heading_text = get(unit, "heading_text");
    u.join = unit.value("join", false);
    return u;
}

/// What every unit of one document is read with.
struct UnitContext {
    std::string_view bytes;
    const std::string& schema_path;
    const std::string& refs_xpath;
    const std::vector<std::string>& skip;
};

/// The symbols that part's references (the schema's "references" XPath) point to, in order.
void add_href_symbols(Paragraph& para, const pugi::xml_node& part, const UnitContext& ctx) {
    if (ctx.refs_xpath.empty()) return;
    for (const auto& ref : select(part, ctx.refs_xpath, ctx.schema_path)) {
        const std::string symbol =
            symbol_of_href(ref.attribute() ? ref.attribute().value() : ref.node().text().get());
        if (!symbol.empty() && std::find(para.refs.symbols.begin(), para.refs.symbols.end(),
                                         symbol) == para.refs.symbols.end())
            para.refs.symbols.push_back(symbol);
    }
}

/// The paragraphs of one unit node, joined into one when the unit says so.
std::vector<Paragraph> unit_paragraphs(const pugi::xml_node& node, const UnitSpec& u,
                                       const UnitContext& ctx) {
    std::vector<std::string> headings;
    std::string heading =
        u.heading_xpath.empty() ? u.heading_text : eval(node, u.heading_xpath, ctx.schema_path);
    if (heading.empty()) heading = u.heading_text;
    if (!heading.empty()) headings.push_back(heading);
    const std::string number = clean_number(eval(node, u.number_xpath, ctx.schema_path));
    std::vector<pugi::xml_node> parts;
    if (u.para_xpath.empty())
        parts.push_back(node);
    else
        for (const auto& p : select(node, u.para_xpath, ctx.schema_path)) parts.push_back(p.node());
    std::vector<Paragraph> out;
    for (const auto& part : parts) {
        Paragraph para;
        para.headings = headings;
        para.text = text_of(part, ctx.skip);
        para.line = line_of(ctx.bytes, part.offset_debug());
        para.number = u.para_number_xpath.empty()
                          ? number
                          : clean_number(eval(part, u.para_number_xpath, ctx.schema_path));
        add_href_symbols(para, part, ctx);
        if (para.text.empty()) continue;
        out.push_back(std::move(para));
    }
    if (u.join && out.size() > 1) {
        for (std::size_t i = 1; i < out.size(); ++i) {
            out[0].text += " " + out[i].text;
            for (auto& s : out[i].refs.symbols) out[0].refs.symbols.push_back(std::move(s));
        }
        out.resize(1);
    }
    return out;
}

/// Sets a unit paragraph's kind and anchor, and notes the documents it cites only in an href.
void finish_paragraph(Paragraph& para, const std::string& anchor) {
    para.kind = para.number.empty() ? ParagraphKind::unnumbered : ParagraphKind::numbered;
    if (!anchor.empty() && !para.number.empty()) {
        para.anchor = anchor;
        const std::size_t at = para.anchor.find("{number}");
        if (at != std::string::npos) para.anchor.replace(at, 8, para.number);
    }
    // Cited documents named only in an href would be lost when references are
    // extracted from the text again; a note carries them.
    std::string cited;
    for (const auto& s : para.refs.symbols)
        if (para.text.find(s) == std::string::npos) cited += (cited.empty() ? "" : "; ") + s;
    if (!cited.empty()) para.footnotes.push_back(Footnote{"ref", cited});
}

}  // namespace

Document parse_schema_xml(std::string_view bytes, const std::string& source,
                          const std::string& schema_path) {
    const nlohmann::json schema = load_schema(schema_path);
    pugi::xml_document xml;
    // pugixml never fetches external entities; without parse_doctype a DOCTYPE is skipped, and
    // an entity it declares stays unexpanded.
    const auto result =
        xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
        throw DocumentError(source, std::string("malformed XML: ") + result.description(),
                            line_of(bytes, result.offset));
    }
    // The walks below recurse once per level: a hostile depth stops here, not in the stack.
    check_xml_depth(xml, bytes, source);
    strip_prefixes(xml.first_child());
    const pugi::xml_node root = xml.document_element();

    Document doc;
    doc.source = source;
    doc.format = schema.value("format", "xml");
    read_fields(doc, root, schema, schema_path);

    const std::string refs_xpath = get(schema, "references");
    std::vector<std::string> skip;
    for (const auto& s : schema.value("skip", nlohmann::json::array()))
        skip.push_back(s.get<std::string>());
    const UnitContext ctx{bytes, schema_path, refs_xpath, skip};
    for (const auto& unit : schema.value("units", nlohmann::json::array())) {
        const UnitSpec u = unit_spec(unit);
        for (const auto& hit : select(root, get(unit, "select"), schema_path)) {
            for (auto& para : unit_paragraphs(hit.node(), u, ctx)) {
                finish_paragraph(para, u.anchor);
                doc.paragraphs.push_back(std::move(para));
            }
        }
    }
    return doc;
}

}  // namespace plenary
