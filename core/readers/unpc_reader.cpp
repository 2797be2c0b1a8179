// UN Parallel Corpus v1.0 TEI XML: header metadata and the <p>/<s> body.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <pugixml.hpp>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"
#include "refs/sessions.h"
#include "refs/symbols.h"
#include "refs/un_bodies.h"

namespace plenary {

namespace {

constexpr std::string_view title_prefix = "The United Nations Parallel Corpus v1.0 - ";

/// Counts lines forward only: pugixml offsets grow in document order, so the count never rescans.
class LineCounter {
  public:
    explicit LineCounter(std::string_view bytes) : m_bytes(bytes) {}

    int line_at(std::ptrdiff_t offset) {
        if (offset < 0) return 0;
        const std::size_t target = std::min(static_cast<std::size_t>(offset), m_bytes.size());
        if (target < m_pos) {  // out of order: count afresh
            m_pos = 0;
            m_line = 1;
        }
        m_line += static_cast<int>(std::count(m_bytes.begin() + static_cast<std::ptrdiff_t>(m_pos),
                                              m_bytes.begin() + static_cast<std::ptrdiff_t>(target),
                                              '\n'));
        m_pos = target;
        return m_line;
    }

  private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
    int m_line = 1;
};

/// A paragraph's text: that of its sentences (<s>; a nested <s> belongs to its outermost one)
/// or, when it has none, all its text; a <p> within it is a paragraph of its own and left out.
/// One iterative walk visits each node once, so nesting costs linear time and no stack (a
/// search for the sentences under every nested <s> was quadratic: 32,000 levels took 8.9 s).
std::string paragraph_text(const pugi::xml_node& p) {
    std::string all, sentences;
    bool has_sentences = false;
    pugi::xml_node sentence;  // the outermost <s> the walk is in
    pugi::xml_node n = p.first_child();
    while (n) {
        bool descend = false;
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            (all += n.value()) += ' ';
            if (sentence) (sentences += n.value()) += ' ';
        } else if (n.type() == pugi::node_element && std::strcmp(n.name(), "p") != 0) {
            if (!sentence && std::strcmp(n.name(), "s") == 0) {
                sentence = n;
                has_sentences = true;
            }
            descend = static_cast<bool>(n.first_child());
        }
        if (descend) {
            n = n.first_child();
            continue;
        }
        while (n != p && !n.next_sibling()) {
            n = n.parent();
            if (n == sentence) sentence = pugi::xml_node();
        }
        if (n == p) break;
        if (n == sentence) sentence = pugi::xml_node();
        n = n.next_sibling();
    }
    return collapse_spaces(has_sentences ? sentences : all);
}

/// The organ from a symbol's leading components: "A", "A/HRC", "NPT/CONF.2015", "CTOC/COP".
std::string organ_of(std::string_view symbol) {
    const std::size_t slash = symbol.find('/');
    if (slash == std::string_view::npos) return std::string(symbol);
    const std::string_view first = symbol.substr(0, slash);
    std::string_view rest = symbol.substr(slash + 1);
    const std::size_t slash2 = rest.find('/');
    const std::string_view second = rest.substr(0, slash2);
    if (UnBodies::instance().is_principal(first)) {
        if (first == "A" && second == "HRC") return "A/HRC";
        return std::string(first);
    }
    // Special series keep their second component unless it is a number, a year or a kind
    // of document (CTOC/COP/2020/3, UNEP/EA.4/..., NPT/CONF.2015/PC.III/WP.1).
    if (second.empty() || std::isdigit(static_cast<unsigned char>(second[0])))
        return std::string(first);
    for (std::string_view kind : {"RES", "DEC", "PV.", "SR.", "L.", "INF", "CRP.", "WP.", "PRST"}) {
        if (second.substr(0, kind.size()) == kind) return std::string(first);
    }
    return std::string(symbol.substr(0, slash + 1 + second.size()));
}

/// The organ as the symbol module parses it, falling back on organ_of for what it rejects.
std::string symbol_organ(const std::string& symbol) {
    if (const auto parsed = parse_symbol(symbol); parsed && !parsed->organ.empty())
        return parsed->organ;
    return organ_of(symbol);
}

/// "12. Text" -> "12"; empty when text does not start with a paragraph number.
std::string leading_number(std::string_view text, std::size_t* length) {
    std::size_t i = 0;
    // Paragraph numbers have at most three digits; "2014. " opens a sentence about a year.
    while (i < text.size() && i < 4 && text[i] >= '0' && text[i] <= '9') ++i;
    if (i > 3) return {};
    if (i == 0 || i >= text.size() || text[i] != '.') return {};
    if (i + 1 < text.size() && text[i + 1] != ' ') return {};
    *length = i + 1 < text.size() ? i + 2 : i + 1;
    return std::string(text.substr(0, i));
}

bool is_roman_heading(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && std::strchr("IVXL", text[i]) && i < 6) ++i;
    if (i == 0 || i + 1 >= text.size() || text[i] != '.' || text[i + 1] != ' ') return false;
    // A heading is short and does not read as a sentence.
    return text.size() < 160 && text.back() != '.' && text.back() != ';';
}

bool is_list_item(std::string_view text) {
    if (text.size() < 4 || text[0] != '(') return false;
    const std::size_t close = text.find(')');
    return close <= 5 && close + 1 < text.size() &&  // npos is > 5
           text[close + 1] == ' ';
}

}  // namespace

Document parse_unpc_xml(std::string_view bytes, const std::string& source) {
    pugi::xml_document xml;
    const pugi::xml_parse_result result =
        xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
        LineCounter lines(bytes);
        throw DocumentError(source, std::string("malformed XML: ") + result.description(),
                            lines.line_at(result.offset));
    }
    const pugi::xml_node root = xml.document_element();
    const std::string root_name = root.name();
    if (root_name != "TEI.2" && root_name != "TEI")
        throw DocumentError(source, "unknown XML root element <" + root_name + ">");

    Document doc;
    doc.source = source;
    doc.format = "unpc-xml";

    const pugi::xml_node header = root.child("teiHeader");
    const pugi::xml_node file_desc = header.child("fileDesc");
    const pugi::xml_node publication = file_desc.child("publicationStmt");
    for (const pugi::xml_node& idno : publication.children("idno")) {
        const std::string type = idno.attribute("type").value();
        const std::string value = std::string(trim(idno.text().get()));
        if (type == "symbol" && doc.symbol.empty()) doc.symbol = value;
        if (type == "jobno" && doc.job_number.empty()) doc.job_number = value;
    }
    if (const auto date = parse_date(trim(publication.child("date").text().get())))
        doc.date = *date;
    doc.lang = std::string(trim(header.child("profileDesc")
                                    .child("langUsage")
                                    .child("language")
                                    .attribute("ident")
                                    .value()));
    if (doc.lang.empty()) doc.lang = std::string(trim(root.attribute("lang").value()));

    std::string title = collapse_spaces(file_desc.child("titleStmt").child("title").text().get());
    if (title.compare(0, title_prefix.size(), title_prefix) == 0)
        title.erase(0, title_prefix.size());
    doc.title = title.empty() ? doc.symbol : title;
    if (!doc.symbol.empty()) doc.body = symbol_organ(doc.symbol);

    LineCounter lines(bytes);
    const pugi::xml_node body = root.child("text").child("body");
    std::string heading;
    // Only text/body: the header's <availability> holds <p> disclaimers that are not the document.
    for (const pugi::xpath_node& hit : body.select_nodes(".//p")) {
        const pugi::xml_node p = hit.node();
        const std::string text = paragraph_text(p);
        if (text.empty()) continue;

        Paragraph para;
        para.anchor = p.attribute("id").value();
        para.line = lines.line_at(p.offset_debug());
        std::size_t number_length = 0;
        std::string number = leading_number(text, &number_length);
        if (!number.empty()) {
            para.number = std::move(number);
            para.kind = ParagraphKind::numbered;
            para.text = text.substr(number_length);
        } else if (is_roman_heading(text)) {
            para.kind = ParagraphKind::heading;
            para.text = text;
        } else if (is_list_item(text)) {
            para.kind = ParagraphKind::list_item;
            para.text = text;
        } else {
            para.text = text;
        }
        if (!heading.empty()) para.headings.push_back(heading);
        if (para.kind == ParagraphKind::heading) heading = para.text;

        // The masthead states the session on a line of its own ("Third session").
        if (doc.session == 0 && doc.paragraphs.size() < 8 && para.text.size() < 60) {
            const auto sessions = find_sessions(para.text, doc.lang.empty() ? "en" : doc.lang);
            if (sessions.size() == 1 && sessions[0].begin == 0 &&
                sessions[0].end == para.text.size())
                doc.session = sessions[0].number;
        }
        doc.paragraphs.push_back(std::move(para));
    }
    return doc;
}

}  // namespace plenary
