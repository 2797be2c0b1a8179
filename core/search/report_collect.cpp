// Collecting a report's entries: one search over every paragraph the query and filters select,
// with the report's facets counted over the same matches (search/facets.h), and the matches
// grouped by the same values the facets count.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "base/error.h"
#include "model/index_format.h"
#include "search/report.h"
#include "search/searcher.h"
#include "search/sort_keys.h"

namespace plenary {

namespace {

/// The facets a kind groups by.
std::vector<std::string> kind_facets(const std::string& kind) {
    if (kind == "citations") return {"resolution", "symbol"};
    if (kind == "speeches") return {"speaker"};
    if (kind == "documents") return {"document"};
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
    return out;
}

/// Every paragraph the request selects, with the kind's facets counted over all of them.
SearchResult select_all(Searcher& searcher, const ReportRequest& r) {
    SearchRequest req;
    req.query = r.query;
    req.filters = r.filters;
    req.match_all = true;
    req.facets = kind_facets(r.kind);
    req.facet_limit = 0;
    req.limit = searcher.paragraph_count();
    req.snippet_length = 1;  // snippets are not shown
    return searcher.search(req);
}

/// A paragraph as an item.
ReportItem paragraph_item(const Hit& h) {
    return {h.id, h.paragraph, paragraph_citation(h.document, h.paragraph, h.id), h.document, 1};
}

/// A document as an item: its first matching paragraph, how many of its paragraphs match.
void add_document_item(std::vector<ReportItem>& items, const Hit& h) {
    auto it = std::find_if(items.begin(), items.end(),
                           [&h](const ReportItem& i) { return i.document.key == h.document.key; });
    if (it == items.end()) {
        const std::string who =
            !h.document.symbol.empty() ? h.document.symbol : file_name(h.document);
        items.push_back({h.id, h.paragraph, who, h.document, 1});
        return;
    }
    ++it->paragraphs;
    if (paragraph_ordinal(h.id) < paragraph_ordinal(it->id)) {
        it->id = h.id;
        it->number = h.paragraph;
    }
}

/// Items in citation order: by document (UN order of symbol, else file name), then reading order.
void sort_items(std::vector<ReportItem>& items, bool by_session) {
    auto key = [](const ReportItem& i) {
        return symbol_sort_key(!i.document.symbol.empty() ? i.document.symbol
                                                          : file_name(i.document));
    };
    std::stable_sort(items.begin(), items.end(), [&](const ReportItem& a, const ReportItem& b) {
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

/// The entries of one facet: its values with their facet counts, the matches under each.
std::vector<ReportEntry> group(const SearchResult& result, const Facet& facet, bool per_document) {
    std::map<std::string, ReportEntry> by_value;
    for (const FacetValue& v : facet.values)
        by_value[v.value] = ReportEntry{v.value, v.label, facet.name, v.count, false, {}, {}};
    for (const Hit& h : result.hits)
        for (const std::string& v : hit_values(h, facet.name)) {
            auto it = by_value.find(v);
            if (it == by_value.end())  // a value the facets did not count: shown with count 0
                it = by_value.emplace(v, ReportEntry{v, v, facet.name, 0, false, {}, {}}).first;
            if (per_document)
                add_document_item(it->second.items, h);
            else
                it->second.items.push_back(paragraph_item(h));
        }
    std::vector<ReportEntry> out;
    for (auto& [value, entry] : by_value) {
        sort_items(entry.items, facet.name == "speaker");
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

/// Entries in the report's order: cited references and documents in UN order (resolutions
/// first), countries by name.
void order_entries(const std::string& kind, std::vector<ReportEntry>& entries) {
    const bool by_name = kind == "speeches" || kind == "countries";
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
    static const std::vector<std::string> kinds{"citations", "speeches", "documents", "countries"};
    return kinds;
}

std::string paragraph_citation(const DocumentInfo& document, const std::string& number,
                               const std::string& id) {
    std::string who = document.symbol;
    if (who.empty()) who = file_name(document);
    if (who.empty()) who = document.key;
    if (!number.empty()) return who + ", para. " + number;
    return who + ", unnumbered paragraph " + id;
}

Report build_report(Searcher& searcher, const ReportRequest& request) {
    const auto& kinds = report_kinds();
    if (std::find(kinds.begin(), kinds.end(), request.kind) == kinds.end())
        throw QueryError("unknown report '" + request.kind +
                         "' (citations, speeches, documents, countries)");
    const SearchResult result = select_all(searcher, request);
    Report report;
    report.kind = request.kind;
    report.query = request.query;
    report.filters = request.filters;
    report.paragraphs = result.total;
    const bool per_document = request.kind == "speeches" || request.kind == "documents";
    for (const Facet& f : result.facets) {
        std::vector<ReportEntry> entries = group(result, f, per_document);
        for (auto& e : entries) report.entries.push_back(std::move(e));
    }
    if (request.kind == "citations") find_cited(searcher, report.entries);
    order_entries(request.kind, report.entries);
    return report;
}

}  // namespace plenary
