// HTML and XHTML: a small tolerant tokenizer (tag soup is the norm on the web, so no XML parser),
// body text without navigation, scripts and page chrome, h1..h6 to the heading path, <p> and
// <li> as paragraphs, lang and <meta> as metadata, character references decoded.
#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/layout.h"
#include "readers/reader.h"
#include "refs/sessions.h"
#include "refs/symbols.h"

namespace plenary {

namespace {

/// Decodes character references; unknown names stay as written.
std::string decode_entities(std::string_view s) {
    static const std::map<std::string_view, unsigned long> named = {
        {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
        {"apos", '\''},     {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
        {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
        {"rdquo", 0x201D},  {"laquo", 0xAB},   {"raquo", 0xBB},   {"copy", 0xA9},
        {"reg", 0xAE},      {"deg", 0xB0},     {"sect", 0xA7},    {"para", 0xB6},
        {"middot", 0xB7},   {"bull", 0x2022},  {"eacute", 0xE9},  {"egrave", 0xE8},
        {"ecirc", 0xEA},    {"aacute", 0xE1},  {"agrave", 0xE0},  {"acirc", 0xE2},
        {"iacute", 0xED},   {"oacute", 0xF3},  {"ocirc", 0xF4},   {"uacute", 0xFA},
        {"ntilde", 0xF1},   {"ccedil", 0xE7},  {"uuml", 0xFC},    {"ouml", 0xF6},
        {"auml", 0xE4},     {"szlig", 0xDF},   {"Eacute", 0xC9},  {"euro", 0x20AC},
        {"shy", 0xAD},      {"zwnj", 0x200C},  {"zwj", 0x200D},   {"thinsp", 0x2009},
        {"ensp", 0x2002},   {"emsp", 0x2003},  {"times", 0xD7},   {"iquest", 0xBF},
        {"iexcl", 0xA1},
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += '&';
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        if (!name.empty() && name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const std::string digits(name.substr(hex ? 2 : 1));
            char* end = nullptr;
            const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (digits.empty() || *end != '\0') {
                out += '&';
                continue;
            }
            append_utf8(out, cp > 0x10FFFF ? char32_t{0xFFFD} : static_cast<char32_t>(cp));
        } else if (const auto it = named.find(name); it != named.end()) {
            append_utf8(out, it->second);
        } else {
            out += '&';
            continue;
        }
        i = semi;
    }
    return out;
}

/// Elements whose content is not the document's text.
bool skipped(std::string_view tag) {
    return tag == "nav" || tag == "script" || tag == "style" || tag == "header" ||
           tag == "footer" || tag == "noscript" || tag == "template" || tag == "svg" ||
           tag == "iframe" || tag == "object" || tag == "head" || tag == "select" ||
           tag == "button" || tag == "form";
}

bool void_element(std::string_view tag) {
    return tag == "br" || tag == "hr" || tag == "img" || tag == "meta" || tag == "link" ||
           tag == "input" || tag == "area" || tag == "base" || tag == "col" || tag == "wbr" ||
           tag == "source" || tag == "embed";
}

/// Elements that end the text before them: a new paragraph starts.
bool block(std::string_view tag) {
    static const std::string_view blocks[] = {
        "p",          "li",         "h1",      "h2",      "h3",     "h4",   "h5", "h6", "div",
        "td",         "th",         "tr",      "table",   "ul",     "ol",   "dl", "dd", "dt",
        "blockquote", "pre",        "section", "article", "main",   "body", "br", "hr", "aside",
        "figure",     "figcaption", "caption", "address", "center", "title"};
    for (const auto b : blocks)
        if (tag == b) return true;
    return false;
}

struct Tag {
    std::string name;  ///< lower-case, no prefix
    bool closing = false;
    bool self_closing = false;
    std::map<std::string, std::string> attrs;  ///< lower-case names, decoded values
};

/// Whether c is one of set's characters. Never for '\0', which std::strchr finds as the set's
/// terminator: a NUL in a tag (past the first 8 KiB, which the binary check reads) once made
/// parse_tag loop forever.
bool one_of(char c, const char* set) {
    return c != '\0' && std::strchr(set, c) != nullptr;
}

/// Parses "<...>" starting at s[i] == '<'; i is moved past it.
Tag parse_tag(std::string_view s, std::size_t& i) {
    Tag tag;
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '/') {
        tag.closing = true;
        ++j;
    }
    const std::size_t name_begin = j;
    while (j < s.size() && !one_of(s[j], " \t\r\n/>")) ++j;
    tag.name = ascii_lower(s.substr(name_begin, j - name_begin));
    if (const std::size_t colon = tag.name.find(':'); colon != std::string::npos)
        tag.name.erase(0, colon + 1);
    while (j < s.size() && s[j] != '>') {
        const char c = s[j];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++j;
            continue;
        }
        if (c == '/') {
            tag.self_closing = j + 1 < s.size() && s[j + 1] == '>';
            ++j;
            continue;
        }
        const std::size_t an = j;
        while (j < s.size() && !one_of(s[j], " \t\r\n=/>")) ++j;
        std::string name = ascii_lower(s.substr(an, j - an));
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
        std::string value;
        if (j < s.size() && s[j] == '=') {
            ++j;
            while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
                ++j;
            if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
                const char q = s[j];
                const std::size_t end = s.find(q, j + 1);
                const std::size_t stop = end == std::string_view::npos ? s.size() : end;
                value = decode_entities(s.substr(j + 1, stop - j - 1));
                j = end == std::string_view::npos ? s.size() : end + 1;
            } else {
                const std::size_t vb = j;
                while (j < s.size() && !one_of(s[j], " \t\r\n>")) ++j;
                value = decode_entities(s.substr(vb, j - vb));
            }
        }
        if (!name.empty()) tag.attrs.emplace(std::move(name), std::move(value));
    }
    i = j < s.size() ? j + 1 : s.size();
    return tag;
}

/// "zh-Hans" -> "zh", "EN" -> "en".
std::string lang_code(std::string_view value) {
    const std::string v = ascii_lower(trim(value));
    const std::size_t cut = v.find_first_of("-_");
    return v.substr(0, cut);
}

class HtmlBuilder {
  public:
    explicit HtmlBuilder(Document& doc) : m_doc(doc) {}

    void run(std::string_view s) {
        std::size_t i = 0;
        while (i < s.size()) {
            if (s[i] != '<') {
                const std::size_t next = s.find('<', i);
                const std::size_t end = next == std::string_view::npos ? s.size() : next;
                text(s.substr(i, end - i));
                i = end;
                continue;
            }
            if (s.compare(i, 4, "<!--") == 0) {
                const std::size_t end = s.find("-->", i + 4);
                i = end == std::string_view::npos ? s.size() : end + 3;
                continue;
            }
            if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {
                // DOCTYPE and processing instructions: skipped; nothing is ever fetched.
                const std::size_t end = s.find('>', i);
                i = end == std::string_view::npos ? s.size() : end + 1;
                continue;
            }
            if (i + 1 >= s.size() ||
                !(std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/')) {
                text(s.substr(i, 1));  // a lone "<" in text
                ++i;
                continue;
            }
            Tag tag = parse_tag(s, i);
            if (!tag.closing && (tag.name == "script" || tag.name == "style")) {
                // Raw text: runs to its own end tag, whatever it contains.
                const std::string close = "</" + tag.name;
                std::size_t end = i;
                while (true) {
                    end = s.find("</", end);
                    if (end == std::string_view::npos ||
                        ascii_lower(s.substr(end, close.size())) == close)
                        break;
                    end += 2;
                }
                if (end == std::string_view::npos) {
                    i = s.size();
                } else {
                    const std::size_t gt = s.find('>', end);
                    i = gt == std::string_view::npos ? s.size() : gt + 1;
                }
                continue;
            }
            element(tag);
        }
        flush();
        choose_lang();
    }

  private:
    void element(const Tag& tag) {
        if (tag.name == "html" && !tag.closing) {
            if (const auto it = tag.attrs.find("lang"); it != tag.attrs.end())
                m_html_lang = lang_code(it->second);
            else if (const auto x = tag.attrs.find("xml:lang"); x != tag.attrs.end())
                m_html_lang = lang_code(x->second);
        }
        if (tag.name == "meta") {
            meta(tag);
            return;
        }
        if (tag.name == "title") {
            if (!tag.closing) {
                flush();
                m_in_title = true;
            } else if (m_in_title) {
                m_in_title = false;
                if (m_doc.title.empty()) m_doc.title = collapse(m_buffer);
                m_buffer.clear();
            }
            return;
        }
        if (block(tag.name)) flush();
        const bool is_void = tag.self_closing || void_element(tag.name);
        if (!tag.closing && !is_void) {
            std::string lang = m_langs.empty() ? m_html_lang : m_langs.back().second;
            if (const auto it = tag.attrs.find("lang"); it != tag.attrs.end())
                lang = lang_code(it->second);
            m_langs.emplace_back(tag.name, lang);
            if (skipped(tag.name)) ++m_skip;
            if (tag.name.size() == 2 && tag.name[0] == 'h' && tag.name[1] >= '1' &&
                tag.name[1] <= '6')
                m_heading = tag.name[1] - '0';
        } else if (tag.closing) {
            // Tag soup: close up to the matching open element, if there is one.
            for (std::size_t k = m_langs.size(); k-- > 0;) {
                if (m_langs[k].first != tag.name) continue;
                for (std::size_t d = k; d < m_langs.size(); ++d)
                    if (skipped(m_langs[d].first) && m_skip > 0) --m_skip;
                m_langs.resize(k);
                break;
            }
            if (tag.name.size() == 2 && tag.name[0] == 'h') m_heading = 0;
        }
    }

    void meta(const Tag& tag) {
        const auto name_it = tag.attrs.find("name");
        const auto prop_it = tag.attrs.find("property");
        const auto content_it = tag.attrs.find("content");
        if (content_it == tag.attrs.end()) return;
        std::string name = ascii_lower(name_it != tag.attrs.end()   ? name_it->second
                                       : prop_it != tag.attrs.end() ? prop_it->second
                                                                    : "");
        const std::string value(trim(content_it->second));
        if (value.empty()) return;
        if ((name == "dc.title" || name == "og:title") && m_doc.title.empty())
            m_doc.title = value;
        else if (name == "dc.title")
            m_doc.title = value;
        else if (name == "dc.language" || name == "language")
            m_meta_lang = lang_code(value);
        else if (name == "dc.date" || name == "dc.date.issued" || name == "dc.date.created" ||
                 name == "date") {
            if (value.size() >= 10 && value[4] == '-' && value[7] == '-')
                m_doc.date = value.substr(0, 10);
            else if (const auto iso = parse_date(value, "en"))
                m_doc.date = *iso;
        } else if (name == "dc.identifier" || name == "symbol") {
            if (const auto parsed = parse_symbol(value); parsed && !parsed->canonical.empty())
                m_doc.symbol = parsed->canonical;
        } else if (name == "description" || name == "dc.description") {
            m_description = value;
        }
    }

    void text(std::string_view raw) {
        if (m_skip > 0 && !m_in_title) return;
        const std::string decoded = decode_entities(raw);
        m_buffer += decoded;
        if (!m_langs.empty()) {
            std::size_t letters = 0;
            for (const char c : decoded)
                if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++letters;
            m_lang_weight[m_langs.back().second] += letters;
        }
    }

    static std::string collapse(std::string_view s) {
        std::string out;
        bool space = false;
        for (const char c : s) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += c;
        }
        // A no-break space alone is no text.
        if (out == "\xC2\xA0") out.clear();
        return out;
    }

    void flush() {
        std::string t = collapse(m_buffer);
        m_buffer.clear();
        if (t.empty()) return;
        Paragraph para;
        if (m_heading > 0) {
            m_path.push(m_heading, t);
            para.kind = ParagraphKind::heading;
            para.headings = m_path.path();
            para.text = std::move(t);
            m_doc.paragraphs.push_back(std::move(para));
            return;
        }
        para.headings = m_path.path();
        if (const auto number = layout::paragraph_number(t)) {
            para.kind = ParagraphKind::numbered;
            para.number = number->number;
            t = std::string(trim(std::string_view(t).substr(number->text_begin)));
        } else if (std::any_of(m_langs.begin(), m_langs.end(),
                               [](const auto& e) { return e.first == "li"; })) {
            para.kind = ParagraphKind::list_item;
        }
        para.text = std::move(t);
        m_doc.paragraphs.push_back(std::move(para));
    }

    void choose_lang() {
        // The language most of the text is written in: a page in Arabic can sit in an English
        // frame.
        std::string best = m_meta_lang.empty() ? m_html_lang : m_meta_lang;
        std::size_t weight = 0;
        for (const auto& [lang, w] : m_lang_weight)
            if (!lang.empty() && w > weight) {
                best = lang;
                weight = w;
            }
        if (!best.empty() && m_doc.lang.empty()) m_doc.lang = best;
        if (m_doc.title.empty() && !m_description.empty()) m_doc.title = m_description;
    }

    Document& m_doc;
    layout::HeadingPath m_path;
    std::string m_buffer;
    std::vector<std::pair<std::string, std::string>> m_langs;  ///< open elements and their lang
    std::map<std::string, std::size_t> m_lang_weight;          ///< text bytes per language
    std::string m_html_lang, m_meta_lang, m_description;
    int m_skip = 0;     ///< depth inside skipped elements
    int m_heading = 0;  ///< level of the open h1..h6, 0 outside
    bool m_in_title = false;
};

}  // namespace

Document parse_html(std::string_view bytes, const std::string& source) {
    Document doc;
    doc.source = source;
    doc.format = "html";
    HtmlBuilder builder(doc);
    builder.run(bytes);
    return doc;
}

}  // namespace plenary
