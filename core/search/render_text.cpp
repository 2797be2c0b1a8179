// to_text: answers for people at a terminal, with ANSI bold and dim when asked.
#include <cstdio>
#include <map>
#include <sstream>

#include "search/render.h"
#include "search/render_common.h"

namespace plenary {

namespace {

constexpr const char* kDim = "\x1b[2m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

void references_text(
    std::ostringstream& out, const std::string& indent,
    const std::vector<std::pair<const char*, const std::vector<std::string>*>>& lists) {
    std::vector<std::string> parts;
    for (const auto& [name, list] : lists)
        if (!list->empty()) parts.push_back(std::string(name) + ": " + join_strings(*list, ", "));
    if (!parts.empty()) out << indent << join_strings(parts, " · ") << '\n';
}

/// The values cited, each that names a document of the index followed by that document's id:
/// "A/RES/73/3 → indexed: A/RES/73/3".
std::vector<std::string> marked(const char* field, const std::vector<std::string>& values,
                                const std::map<std::string, std::string>& cited) {
    std::vector<std::string> out;
    for (const std::string& v : values) {
        const auto it = cited.find(std::string(field) + ":" + v);
        out.push_back(it == cited.end() ? v : v + " → indexed: " + it->second);
    }
    return out;
}

}  // namespace

std::string to_text(const SearchResult& r, const TextStyle& style) {
    std::ostringstream out;
    const char* bold = style.color ? kBold : "";
    const char* dim = style.color ? kDim : "";
    const char* reset = style.color ? kReset : "";
    const std::string what = r.grouped ? "documents" : "paragraphs";
    if (r.hits.empty()) {
        if (r.total == 0)
            out << "no " << what << " match" << (r.query.empty() ? "" : " \"" + r.query + "\"")
                << '\n';
        else if (r.limit == 0)
            out << count_line(r) << '\n';
        else
            out << count_line(r) << "; none from " << r.offset + 1 << " on\n";
    } else {
        const std::size_t shown = r.grouped ? r.groups.size() : r.hits.size();
        out << count_line(r) << "; showing " << r.offset + 1 << "–" << r.offset + shown << '\n';
    }
    if (!r.failed_shards.empty()) out << bold << partial_line(r) << reset << '\n';
    auto hit_text = [&](const Hit& h, std::size_t rank, const std::string& indent, bool with_doc) {
        out << '\n' << indent << bold;
        if (rank > 0) out << rank << ". ";
        if (with_doc) out << document_line(h.document);
        if (!h.paragraph.empty()) out << (with_doc ? " ¶ " : "¶ ") << h.paragraph;
        out << reset << dim << "  " << h.id;
        if (h.score > 0) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "  score %.2f", h.score);
            out << buf;
        }
        out << reset << '\n';
        if (with_doc && !h.document.title.empty())
            out << indent << "   " << h.document.title << '\n';
        if (!h.headings.empty())
            out << indent << "   " << dim << join_strings(h.headings, " › ") << reset << '\n';
        out << indent << "   " << render_terminal(h.snippet, style.color) << '\n';
        if (!h.aligned_id.empty())
            out << indent << "   " << dim << h.aligned_lang << " " << h.aligned_id << reset << "  "
                << h.aligned_text << '\n';
        std::vector<std::string> subjects;
        for (const auto& s : h.subjects) subjects.push_back(s.label);
        const auto resolutions = marked("resolution", h.resolutions, h.cited_documents);
        const auto decisions = marked("decision", h.decisions, h.cited_documents);
        const auto symbols = marked("symbol", h.symbols, h.cited_documents);
        references_text(out, indent + "   ",
                        {{"resolutions", &resolutions},
                         {"decisions", &decisions},
                         {"symbols", &symbols},
                         {"countries", &h.countries},
                         {"charter", &h.charter},
                         {"subjects", &subjects}});
    };
    if (r.grouped) {
        std::size_t rank = r.offset;
        for (const DocumentGroup& g : r.groups) {
            out << '\n' << bold << ++rank << ". " << document_line(g.document) << reset << '\n';
            if (!g.document.title.empty()) out << "   " << g.document.title << '\n';
            for (const std::string& id : g.hit_ids)
                for (const Hit& h : r.hits)
                    if (h.id == id) hit_text(h, 0, "   ", false);
        }
    } else {
        std::size_t rank = r.offset;
        for (const Hit& h : r.hits) hit_text(h, ++rank, "", true);
    }
    for (const Facet& f : r.facets) {
        out << '\n' << bold << f.name << reset << ':';
        if (f.values.empty()) out << " (none)";
        for (const FacetValue& v : f.values) {
            out << "\n  " << v.value;
            if (v.label != v.value) out << "  " << v.label;
            out << "  (" << v.count << ')';
        }
        out << '\n';
    }
    return out.str();
}

std::string to_text(const ParagraphView& p, const TextStyle& style) {
    std::ostringstream out;
    const char* bold = style.color ? kBold : "";
    const char* reset = style.color ? kReset : "";
    out << bold << document_line(p.document);
    if (!p.number.empty()) out << " ¶ " << p.number;
    out << reset << "  " << p.id << '\n';
    if (!p.document.title.empty()) out << p.document.title << '\n';
    if (!p.document.source.empty()) out << p.document.source << '\n';
    if (!p.headings.empty()) out << join_strings(p.headings, " › ") << '\n';
    out << '\n' << p.text << '\n';
    if (!p.footnotes.empty()) {
        out << '\n';
        for (const auto& [marker, text] : p.footnotes)
            out << "  [" << marker << "] " << text << '\n';
    }
    std::vector<std::string> sessions;
    for (int s : p.sessions) sessions.push_back(std::to_string(s));
    std::vector<std::string> subjects;  // the preferred label and its URI
    for (const auto& s : p.subjects) subjects.push_back(s.label + " <" + s.uri + ">");
    const auto resolutions = marked("resolution", p.resolutions, p.cited_documents);
    const auto decisions = marked("decision", p.decisions, p.cited_documents);
    const auto symbols = marked("symbol", p.symbols, p.cited_documents);
    out << '\n';
    references_text(out, "",
                    {{"resolutions", &resolutions},
                     {"decisions", &decisions},
                     {"symbols", &symbols},
                     {"countries", &p.countries},
                     {"demonyms", &p.demonyms},
                     {"sessions", &sessions},
                     {"charter", &p.charter},
                     {"subjects", &subjects}});
    return out.str();
}

namespace {

/// "Cited by 3 paragraphs (resolution:A/RES/73/3, symbol:A/RES/73/3):" and the citing paragraphs.
void cited_by_text(std::ostream& out, const CitedBy& c, const TextStyle& style) {
    if (c.references.empty()) return;
    const char* bold = style.color ? kBold : "";
    const char* dim = style.color ? kDim : "";
    const char* reset = style.color ? kReset : "";
    out << '\n'
        << bold << "Cited by " << c.total << (c.total == 1 ? " paragraph" : " paragraphs") << reset
        << " (" << join_strings(c.references, ", ") << ")" << (c.total ? ":" : "") << '\n';
    for (const CitingParagraph& p : c.paragraphs)
        out << "  " << p.citation << "  " << dim << p.id << reset << '\n';
    if (c.total > c.paragraphs.size())
        out << "  ... the first " << c.paragraphs.size() << " shown\n";
}

}  // namespace

std::string to_text(const DocumentView& d, const TextStyle& style) {
    std::ostringstream out;
    const char* bold = style.color ? kBold : "";
    const char* dim = style.color ? kDim : "";
    const char* reset = style.color ? kReset : "";
    out << bold << document_line(d.document) << reset << '\n';
    if (!d.document.title.empty()) out << d.document.title << '\n';
    if (!d.document.source.empty()) out << d.document.source << '\n';
    out << d.paragraphs.size() << " paragraphs\n";
    std::vector<std::string> last_headings;
    for (const ParagraphView& p : d.paragraphs) {
        if (p.headings != last_headings && !p.headings.empty())
            out << '\n' << bold << join_strings(p.headings, " › ") << reset << '\n';
        last_headings = p.headings;
        out << '\n'
            << dim << p.id << reset << "  " << (p.number.empty() ? "" : p.number + ". ") << p.text
            << '\n';
        for (const auto& [marker, text] : p.footnotes)
            out << "    [" << marker << "] " << text << '\n';
    }
    cited_by_text(out, d.cited_by, style);
    return out.str();
}

}  // namespace plenary
