// Searcher: the references of hits and paragraphs that name a document of the index, looked up
// in one query for a page of hits.
#include "search/cited_documents.h"

#include <map>
#include <set>

#include "model/schema.h"
#include "refs/resolutions.h"
#include "refs/symbols.h"
#include "search/searcher.h"

namespace plenary {

std::vector<std::pair<std::string, std::string>> citing_terms(const std::string& symbol) {
    std::vector<std::pair<std::string, std::string>> out;
    if (symbol.empty()) return out;
    const auto s = parse_symbol(symbol);
    if (const auto r = parse_resolution(symbol); r && !r->ref.id.empty())
        out.emplace_back(r->ref.decision ? "decision" : "resolution", r->ref.id);
    out.emplace_back("symbol", s ? s->canonical : symbol);
    return out;
}

namespace {

/// "resolution:A/RES/73/3" for each resolution, decision and symbol that x (a Hit or a
/// ParagraphView) cites.
template <class Cites>
void add_references(const Cites& x, std::set<std::string>& out) {
    for (const auto& v : x.resolutions) out.insert("resolution:" + v);
    for (const auto& v : x.decisions) out.insert("decision:" + v);
    for (const auto& v : x.symbols) out.insert("symbol:" + v);
}

/// The references of x that found names, with the document each names.
template <class Cites>
void assign_found(Cites& x, const std::map<std::string, std::string>& found) {
    std::set<std::string> mine;
    add_references(x, mine);
    for (const std::string& ref : mine)
        if (auto it = found.find(ref); it != found.end()) x.cited_documents[it->first] = it->second;
}

}  // namespace

std::map<std::string, std::string> Searcher::indexed_documents(
    const std::set<std::string>& references) {
    const Schema& schema = Schema::instance();
    // A document's own base symbol is indexed canonical (doc_base), whatever the spelling of
    // its own symbol; the documents of that base are then matched exactly, as cited_by does.
    std::set<std::string> bases;
    for (const std::string& ref : references) {
        const std::string value = ref.substr(ref.find(':') + 1);
        const auto parsed = parse_symbol(value);
        bases.insert(schema.term("doc_base", parsed ? parsed->base : value));
    }
    std::map<std::string, std::string> found;
    if (bases.empty()) return found;
    Xapian::Enquire enquire(m_db);
    enquire.set_query(
        without_copies(Xapian::Query(Xapian::Query::OP_OR, bases.begin(), bases.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    // One row per document key: a document with a symbol has its symbol as its key.
    enquire.set_collapse_key(*schema.field("document").slot, 1);
    const Xapian::MSet mset = enquire.get_mset(0, kMaxCitedDocuments);
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        const std::string key = m.get_collapse_key();
        for (const auto& [field, value] : citing_terms(key))
            if (const std::string ref = field + ":" + value; references.count(ref))
                found.emplace(ref, key);
    }
    return found;
}

void Searcher::link_cited_documents(std::vector<Hit>& hits) {
    std::set<std::string> references;
    for (const Hit& h : hits) add_references(h, references);
    if (references.empty()) return;
    const auto found = indexed_documents(references);
    for (Hit& h : hits) assign_found(h, found);
}

void Searcher::link_cited_documents(ParagraphView& paragraph) {
    std::set<std::string> references;
    add_references(paragraph, references);
    if (references.empty()) return;
    assign_found(paragraph, indexed_documents(references));
}

}  // namespace plenary
