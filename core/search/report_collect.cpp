// Collecting a report's entries: one search over every paragraph the query and filters select,
// with the report's facets counted over the same matches (search/facets.h), and the matches
// grouped by the same values the facets count.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "base/error.h"
#include "model/index_format.h"
#include "refs/countries.h"
#include "search/report.h"
#include "search/searcher.h"
#include "search/sort_keys.h"

namespace plenary {

namespace {

/// The facets a kind groups by.
std::vector<std::string> kind_facets(const ReportRequest& r) {
    if (r.kind == "citations") return {"resolution", "symbol"};
    if (r.kind == "speeches") return {r.by == "subject" ? "subject" : "speaker"};
    if (r.kind == "documents") return {"document"};
    if (r.kind == "subjects") return {"subject"};
    return {"country"};
}

/// The file name of a document's source ("NOR_74_2019.txt").
std::string file_name(const DocumentInfo& d) {
    return std::filesystem::path(d.source).filename().string();
}

/// The document key the indexer gives a document: its symbol, else its file name's stem.
std::string document_key(const DocumentInfo& d) {
    return !d.symbol.empty() ? d.symbol : std::filesystem::path(d.source).stem().string();
}

/// The values of facet `facet` a hit has, each once, as the facet counts them.
std::vector<std::string> hit_values(const Hit& h, const std::string& facet) {
    std::vector<std::string> out;
    auto add = [&out](const std::string& v) {
        if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    };
    if (facet == "resolution")
        for (const auto& v : h.resolutions) add(v);
    if (facet == "symbol")
        for (const auto& v : h.symbols) add(v);
    if (facet == "country")
        for (const auto& v : h.countries) add(v);
    if (facet == "speaker") add(h.document.country);
    if (facet == "document") add(document_key(h.document));
    if (facet == "subject")
        for (const auto& v : h.subjects) add(v.label);
    return out;
}

/// The request a speeches report runs: by subject, only paragraphs of speeches (documents
/// whose speaker is set), so each subject's count is its facet count over the speeches the
/// query and filters select, that is over the same query with a speaker: filter for each
/// speaker. A request that filters by speaker already selects speeches alone. False when the
/// selection holds no speech.
bool restrict_to_speeches(Searcher& searcher, ReportRequest& r) {
    for (const std::string& f : r.filters)
        if (f.rfind("speaker:", 0) == 0) return true;
    SearchRequest req;
    req.query = r.query;
    req.filters = r.filters;
    req.match_all = true;
    req.facets = {"speaker"};
    req.facet_limit = 0;
    req.limit = 0;
    const SearchResult speakers = searcher.search(req);
    const std::size_t given = r.filters.size();
    for (const Facet& f : speakers.facets)
        for (const FacetValue& v : f.values) r.filters.push_back("speaker:" + v.value);
    return r.filters.size() > given;
}

/// Every paragraph the request selects, with the kind's facets counted over all of them.
SearchResult select_all(Searcher& searcher, const ReportRequest& r) {
    SearchRequest req;
    req.query = r.query;
    req.filters = r.filters;
    req.match_all = true;
    req.facets = kind_facets(r);
    req.facet_limit = 0;
    req.limit = searcher.paragraph_count();
    req.snippet_length = 1;  // snippets are not shown
    req.cited_documents = false;
    return searcher.search(req);
}

/// Citations of paragraphs: an unnumbered paragraph is placed in its document, whose
/// paragraphs are read once per file (search/report_citation.cpp).
class Citer {
  public:
    explicit Citer(Searcher& searcher) : m_searcher(searcher) {}
    std::string cite(const Hit& h) {
        if (!h.paragraph.empty()) return paragraph_citation(h.document, h.paragraph, {});
        const auto& places = places_of(h);
        const auto it = places.find(h.id);
        return paragraph_citation(h.document, "",
                                  it != places.end() ? it->second : ParagraphPlace{});
    }

  private:
    const std::map<std::string, ParagraphPlace>& places_of(const Hit& h) {
        auto [it, added] = m_places.try_emplace(h.document.key);
        if (!added) return it->second;
        try {
            for (const DocumentView& v : m_searcher.show_document(h.id, false)) {
                if (v.document.key != h.document.key) continue;
                const auto places = paragraph_places(v.paragraphs);
                for (std::size_t i = 0; i < places.size(); ++i)
                    it->second.emplace(v.paragraphs[i].id, places[i]);
            }
        } catch (const QueryError&) {
            // The paragraph's document cannot be shown: cited without its place.
        }
        return it->second;
    }
    Searcher& m_searcher;
    std::map<std::string, std::map<std::string, ParagraphPlace>> m_places;  // by file key
};

/// A paragraph as an item.
ReportItem paragraph_item(const Hit& h, Citer& citer) {
    ReportItem i;
    i.id = h.id;
    i.number = h.paragraph;
    i.citation = citer.cite(h);
    i.document = h.document;
    return i;
}

/// A document as an item: its first matching paragraph, how many of its paragraphs match.
/// at: where each document key's item is in items.
void add_document_item(std::vector<ReportItem>& items, std::map<std::string, std::size_t>& at,
                       const Hit& h) {
    const auto [found, added] = at.try_emplace(h.document.key, items.size());
    if (added) {
        const std::string who =
            !h.document.symbol.empty() ? h.document.symbol : file_name(h.document);
        items.push_back({h.id, h.paragraph, who, h.document, 1, ""});
        return;
    }
    ReportItem& it = items[found->second];
    ++it.paragraphs;
    if (paragraph_ordinal(h.id) < paragraph_ordinal(it.id)) {
        it.id = h.id;
        it.number = h.paragraph;
    }
}

/// The order of items under an entry.
enum class ItemOrder { citation, session, speaker };

/// The name of an item's speaker country, for ordering speeches by it.
std::string speaker_name(const ReportItem& i) {
    return i.document.country.empty() ? "" : Gazetteer::instance().display_name(i.document.country);
}

/// Items in citation order: by document (UN order of symbol, else file name), then reading order;
/// speeches by session and date first, or by their speaker's name, session and date.
void sort_items(std::vector<ReportItem>& items, ItemOrder order) {
    auto key = [](const ReportItem& i) {
        return symbol_sort_key(!i.document.symbol.empty() ? i.document.symbol
                                                          : file_name(i.document));
    };
    std::map<std::string, std::string> names;  // by country code
    if (order == ItemOrder::speaker)
        for (const ReportItem& i : items) names.try_emplace(i.document.country, speaker_name(i));
    const bool by_session = order != ItemOrder::citation;
    std::stable_sort(items.begin(), items.end(), [&](const ReportItem& a, const ReportItem& b) {
        if (order == ItemOrder::speaker && a.document.country != b.document.country)
            return names[a.document.country] != names[b.document.country]
                       ? names[a.document.country] < names[b.document.country]
                       : a.document.country < b.document.country;
        if (by_session && a.document.session != b.document.session)
            return a.document.session < b.document.session;
        if (by_session && a.document.date != b.document.date)
            return a.document.date < b.document.date;
        const std::string ka = key(a), kb = key(b);
        if (ka != kb) return ka < kb;
        if (a.document.lang != b.document.lang) return a.document.lang < b.document.lang;
        return paragraph_ordinal(a.id) < paragraph_ordinal(b.id);
    });
}

/// An entry of facet `facet` for value v.
ReportEntry make_entry(const std::string& facet, const std::string& value, const std::string& label,
                       Xapian::doccount count) {
    ReportEntry e;
    e.value = value;
    e.label = label;
    e.kind = facet;
    e.count = count;
    return e;
}

/// What the entries of a report are built from.
struct Grouping {
    const SearchResult& result;
    const Facet& facet;
    bool per_document;  ///< items are documents (speeches, documents), not paragraphs
    ItemOrder order;
};

/// The entries of one facet: its values with their facet counts, the matches under each.
std::vector<ReportEntry> group(const Grouping& g, Citer& citer) {
    std::map<std::string, ReportEntry> by_value;
    std::map<std::string, std::map<std::string, std::size_t>> documents;  // by value, key
    for (const FacetValue& v : g.facet.values)
        by_value[v.value] = make_entry(g.facet.name, v.value, v.label, v.count);
    for (const Hit& h : g.result.hits)
        for (const std::string& v : hit_values(h, g.facet.name)) {
            auto it = by_value.find(v);
            if (it == by_value.end())  // a value the facets did not count: shown with count 0
                it = by_value.emplace(v, make_entry(g.facet.name, v, v, 0)).first;
            if (g.facet.name == "subject" && it->second.uri.empty())
                for (const SubjectRef& s : h.subjects)
                    if (s.label == v) it->second.uri = s.uri;
            if (g.per_document)
                add_document_item(it->second.items, documents[v], h);
            else
                it->second.items.push_back(paragraph_item(h, citer));
        }
    std::vector<ReportEntry> out;
    for (auto& [value, entry] : by_value) {
        sort_items(entry.items, g.order);
        out.push_back(std::move(entry));
    }
    return out;
}

/// Whether each cited reference is itself an indexed document (its doc:), and which.
void find_cited(Searcher& searcher, std::vector<ReportEntry>& entries) {
    for (ReportEntry& e : entries) {
        if (e.value.find_first_of("*? \"") != std::string::npos) continue;
        SearchRequest req;
        req.filters = {"doc:" + e.value};
        req.limit = 1;
        req.exact_up_to = 1;
        req.snippet_length = 1;
        req.cited_documents = false;
        try {
            const SearchResult r = searcher.search(req);
            if (!r.hits.empty()) {
                e.indexed = true;
                e.cited = r.hits.front().document;
            }
        } catch (const QueryError&) {
            // Not a symbol doc: can look up: not in the index.
        }
    }
}

/// The agenda item an item's document comes under, with what tells one agenda's items from
/// another's: "A, session 74, agenda item 8", "CTOC/COP, agenda item 2 (b)"; "" without one.
std::string agenda_group(const DocumentInfo& d) {
    if (d.agenda_item.empty()) return "";
    std::string out = d.body;
    if (d.session) out += (out.empty() ? "session " : ", session ") + std::to_string(d.session);
    return out + (out.empty() ? "agenda item " : ", agenda item ") + d.agenda_item;
}

/// Subjects: each entry's items grouped by agenda item (by body, session and item in UN
/// order, items without one last), citation order kept within a group.
void group_by_agenda_item(std::vector<ReportEntry>& entries) {
    auto key = [](const ReportItem& i) {
        const DocumentInfo& d = i.document;
        return std::make_tuple(d.agenda_item.empty(), d.body, d.session,
                               symbol_sort_key(d.agenda_item));
    };
    for (ReportEntry& e : entries) {
        for (ReportItem& i : e.items) i.group = agenda_group(i.document);
        std::stable_sort(
            e.items.begin(), e.items.end(),
            [&key](const ReportItem& a, const ReportItem& b) { return key(a) < key(b); });
    }
}

/// Entries in the report's order: cited references and documents in UN order (resolutions
/// first), countries by name.
void order_entries(const std::string& kind, std::vector<ReportEntry>& entries) {
    const bool by_name = kind == "speeches" || kind == "countries" || kind == "subjects";
    std::stable_sort(
        entries.begin(), entries.end(), [by_name](const ReportEntry& a, const ReportEntry& b) {
            if (by_name) return a.label != b.label ? a.label < b.label : a.value < b.value;
            if (a.kind != b.kind) return a.kind == "resolution";
            const bool sa = !a.items.empty() && !a.items.front().document.symbol.empty();
            const bool sb = !b.items.empty() && !b.items.front().document.symbol.empty();
            if (a.kind == "document" && sa != sb) return sa;  // unsymbolled last
            return symbol_sort_key(a.value) < symbol_sort_key(b.value);
        });
}

}  // namespace

const std::vector<std::string>& report_kinds() {
    static const std::vector<std::string> kinds{"citations", "speeches", "documents", "countries",
                                                "subjects"};
    return kinds;
}

Report build_report(Searcher& searcher, const ReportRequest& request) {
    const auto& kinds = report_kinds();
    if (std::find(kinds.begin(), kinds.end(), request.kind) == kinds.end())
        throw QueryError("unknown report '" + request.kind +
                         "' (citations, speeches, documents, countries, subjects)");
    const bool speeches = request.kind == "speeches";
    if (speeches && request.by != "country" && request.by != "subject")
        throw QueryError("unknown --by '" + request.by + "' (country, subject)");
    Report report;
    report.kind = request.kind;
    report.by = speeches ? request.by : "";
    report.query = request.query;
    report.filters = request.filters;
    ReportRequest asked = request;
    if (speeches && request.by == "subject" && !restrict_to_speeches(searcher, asked))
        return report;  // no speech selected: no subject has any
    const SearchResult result = select_all(searcher, asked);
    report.paragraphs = result.total;
    const bool per_document = speeches || request.kind == "documents";
    const ItemOrder order = !speeches                 ? ItemOrder::citation
                            : request.by == "subject" ? ItemOrder::speaker
                                                      : ItemOrder::session;
    Citer citer(searcher);
    for (const Facet& f : result.facets) {
        std::vector<ReportEntry> entries = group({result, f, per_document, order}, citer);
        for (auto& e : entries) report.entries.push_back(std::move(e));
    }
    if (request.kind == "citations") find_cited(searcher, report.entries);
    if (request.kind == "subjects") group_by_agenda_item(report.entries);
    order_entries(request.kind, report.entries);
    return report;
}

}  // namespace plenary
