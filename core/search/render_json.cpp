// to_json: the answers as schemas/search-result.schema.json describes them.
#include <map>

#include "refs/countries.h"
#include "search/render.h"

namespace plenary {

namespace {

nlohmann::json document_json(const DocumentInfo& d) {
    // Codes for tools, names for people: the body's and the speaking country's ("" when none).
    const std::string country_name =
        d.country.empty() ? "" : Gazetteer::instance().display_name(d.country);
    return {{"symbol", d.symbol},   {"title", d.title},     {"date", d.date},
            {"lang", d.lang},       {"body", d.body},       {"body_name", body_name(d.body)},
            {"session", d.session}, {"country", d.country}, {"country_name", country_name},
            {"source", d.source},   {"files", d.files}};
}

nlohmann::json snippet_json(const Snippet& s) {
    nlohmann::json hl = nlohmann::json::array();
    for (const auto& h : s.highlights) hl.push_back({{"start", h.start}, {"end", h.end}});
    return {{"text", s.text}, {"highlights", hl}, {"html", render_html(s)}};
}

nlohmann::json subjects_json(const std::vector<SubjectRef>& subjects) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : subjects) out.push_back({{"label", s.label}, {"uri", s.uri}});
    return out;
}

/// Each resolution, decision and symbol x (a Hit or a ParagraphView) cites, with the id of the
/// document of the index it names, null when none: {"resolutions": [{"id": "A/RES/73/3",
/// "document": "A/RES/73/3"}], "decisions": [], "symbols": [...]}.
template <class Cites>
nlohmann::json references_json(const Cites& x) {
    auto list = [&](const char* field, const std::vector<std::string>& values) {
        nlohmann::json out = nlohmann::json::array();
        for (const std::string& v : values) {
            const auto it = x.cited_documents.find(std::string(field) + ":" + v);
            out.push_back(
                {{"id", v},
                 {"document", it == x.cited_documents.end() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(it->second)}});
        }
        return out;
    };
    return {{"resolutions", list("resolution", x.resolutions)},
            {"decisions", list("decision", x.decisions)},
            {"symbols", list("symbol", x.symbols)}};
}

nlohmann::json hit_json(const Hit& h) {
    return {{"id", h.id},
            {"score", h.score},
            {"document", document_json(h.document)},
            {"paragraph", h.paragraph},
            {"headings", h.headings},
            {"snippet", snippet_json(h.snippet)},
            {"resolutions", h.resolutions},
            {"decisions", h.decisions},
            {"symbols", h.symbols},
            {"countries", h.countries},
            {"charter", h.charter},
            {"subjects", subjects_json(h.subjects)},
            {"references", references_json(h)}};
}

nlohmann::json hit_json_with_alignment(const Hit& h) {
    nlohmann::json j = hit_json(h);
    if (!h.aligned_lang.empty())
        j["in_lang"] =
            h.aligned_id.empty()
                ? nlohmann::json{{"lang", h.aligned_lang}, {"id", nullptr}, {"text", nullptr}}
                : nlohmann::json{
                      {"lang", h.aligned_lang}, {"id", h.aligned_id}, {"text", h.aligned_text}};
    return j;
}

}  // namespace

nlohmann::json to_json(const SearchResult& r) {
    nlohmann::json j;
    j["query"] = r.query;
    j["total"] = r.total;
    j["total_exact"] = r.total_exact;
    j["exact_up_to"] = r.exact_up_to;
    j["offset"] = r.offset;
    j["limit"] = r.limit;
    if (r.time_limit_reached) j["time_limit_reached"] = true;
    if (!r.failed_shards.empty()) {
        j["partial"] = true;
        j["failed_shards"] = r.failed_shards;
    }
    auto& hits = j["hits"] = nlohmann::json::array();
    for (const Hit& h : r.hits) hits.push_back(hit_json_with_alignment(h));
    auto& facets = j["facets"] = nlohmann::json::object();
    for (const Facet& f : r.facets) {
        auto& values = facets[f.name] = nlohmann::json::array();
        for (const FacetValue& v : f.values)
            values.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    }
    if (r.grouped) {
        auto& groups = j["groups"] = nlohmann::json::array();
        for (const DocumentGroup& g : r.groups)
            groups.push_back(
                {{"document", document_json(g.document)}, {"score", g.score}, {"hits", g.hit_ids}});
    }
    return j;
}

nlohmann::json to_json(const ParagraphView& p) {
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& [marker, text] : p.footnotes)
        notes.push_back({{"marker", marker}, {"text", text}});
    return {{"id", p.id},
            {"ordinal", p.ordinal},
            {"paragraph", p.number},
            {"kind", p.kind},
            {"headings", p.headings},
            {"text", p.text},
            {"anchor", p.anchor},
            {"footnotes", notes},
            {"resolutions", p.resolutions},
            {"decisions", p.decisions},
            {"symbols", p.symbols},
            {"countries", p.countries},
            {"demonyms", p.demonyms},
            {"sessions", p.sessions},
            {"charter", p.charter},
            {"subjects", subjects_json(p.subjects)},
            {"references", references_json(p)},
            {"document", document_json(p.document)}};
}

nlohmann::json to_json(const DocumentView& d) {
    nlohmann::json paras = nlohmann::json::array();
    for (const auto& p : d.paragraphs) {
        nlohmann::json pj = to_json(p);
        pj.erase("document");
        paras.push_back(std::move(pj));
    }
    nlohmann::json citing = nlohmann::json::array();
    for (const CitingParagraph& c : d.cited_by.paragraphs)
        citing.push_back({{"id", c.id},
                          {"symbol", c.symbol},
                          {"paragraph", c.paragraph},
                          {"citation", c.citation}});
    return {{"document", document_json(d.document)},
            {"paragraphs", paras},
            {"cited_by",
             {{"references", d.cited_by.references},
              {"total", d.cited_by.total},
              {"limit", CitedBy::kLimit},
              {"paragraphs", citing}}}};
}

}  // namespace plenary
