// Searcher: a paragraph by id, a document's paragraphs in every language, and the paragraph of
// another language version that aligns with a paragraph.
#include <algorithm>
#include <map>

#include "base/error.h"
#include "base/text_util.h"
#include "model/index_format.h"
#include "model/schema.h"
#include "refs/symbols.h"
#include "search/cited_documents.h"
#include "search/report.h"
#include "search/searcher.h"
#include "search/sort_keys.h"

namespace plenary {

namespace {

/// The file key of a stored paragraph: its id is "<file key>-<ordinal>".
std::string file_of(const Xapian::Document& doc) {
    return paragraph_file_key(decode_paragraph_record(doc.get_data()).id);
}

}  // namespace

CitedBy Searcher::cited_by(const DocumentInfo& document, const std::vector<std::string>& own) {
    const Schema& schema = Schema::instance();
    CitedBy out;
    std::vector<Xapian::Query> cites;
    for (const auto& [field, value] : citing_terms(document.symbol)) {
        out.references.push_back(field + ":" + value);
        cites.emplace_back(schema.term(field, value));
    }
    if (cites.empty()) return out;
    // The document's own paragraphs (every language version) do not cite it.
    std::vector<Xapian::Query> self;
    for (const std::string& key : own) self.emplace_back(schema.term("file", key));
    self.emplace_back(schema.term("doc", document.symbol));
    const Xapian::Query query = without_copies(Xapian::Query(
        Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, cites.begin(), cites.end()),
        Xapian::Query(Xapian::Query::OP_OR, self.begin(), self.end())));
    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    // Every match is checked, so the estimate is the exact count.
    const Xapian::MSet mset = enquire.get_mset(0, CitedBy::kLimit, m_db.get_doccount());
    out.total = mset.get_matches_estimated();
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        const ParagraphView p = paragraph_view(m.get_document());
        // An unnumbered paragraph is cited without its place: placing it reads its whole
        // document (search/report.h), too much for each of a hundred citing paragraphs.
        out.paragraphs.push_back({p.id, p.document.symbol, p.number,
                                  paragraph_citation(p.document, p.number, ParagraphPlace{})});
    }
    auto key = [](const CitingParagraph& c) {
        return symbol_sort_key(!c.symbol.empty() ? c.symbol : c.citation);
    };
    std::stable_sort(out.paragraphs.begin(), out.paragraphs.end(),
                     [&](const CitingParagraph& a, const CitingParagraph& b) {
                         const std::string ka = key(a), kb = key(b);
                         if (ka != kb) return ka < kb;
                         return paragraph_ordinal(a.id) < paragraph_ordinal(b.id);
                     });
    return out;
}

ParagraphView Searcher::show(const std::string& id) {
    require_every_part();
    try {
        const std::string term = Schema::instance().term("id", ascii_lower(trim(id)));
        auto it = m_db.postlist_begin(term);
        if (it == m_db.postlist_end(term)) throw QueryError("no paragraph with id '" + id + "'");
        ParagraphView view = paragraph_view(m_db.get_document(*it));
        link_cited_documents(view);
        return view;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read the database: " + e.get_description());
    }
}

std::vector<DocumentView> Searcher::show_document(const std::string& what, bool with_cited_by) {
    require_every_part();
    const Schema& schema = Schema::instance();
    const std::string value(trim(what));
    try {
        // Files to show, in the order found.
        std::vector<std::string> keys;
        auto add_files_of = [&](const std::string& term) {
            for (auto p = m_db.postlist_begin(term); p != m_db.postlist_end(term); ++p) {
                const std::string key = file_of(m_db.get_document(*p));
                if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end())
                    keys.push_back(key);
            }
        };
        add_files_of(schema.term("id", ascii_lower(value)));
        if (keys.empty()) {
            add_files_of(schema.term("doc", value));
            add_files_of(schema.term("document", value));
            if (auto s = parse_symbol(value); s && keys.empty()) {
                add_files_of(schema.term("doc", s->canonical));
                add_files_of(schema.term("document", s->canonical));
            }
        }
        if (keys.empty()) add_files_of(schema.term("work", value));
        if (keys.empty()) throw QueryError("no document '" + value + "' in the database");
        // Every language version: the files sharing a work key with those found (versions
        // sharing a symbol are found by it already).
        for (std::size_t i = 0, found = keys.size(); i < found; ++i)
            if (const std::string work = document_info(keys[i]).work; !work.empty())
                add_files_of(schema.term("work", work));
        // A document held in several files is shown once, from the file that stands for it.
        auto shadowed = [&](const std::string& key) { return is_shadowed(key); };
        if (!std::all_of(keys.begin(), keys.end(), shadowed)) std::erase_if(keys, shadowed);
        std::vector<DocumentView> out;
        for (const std::string& key : keys) {
            DocumentView view;
            view.document = document_info(key);
            const std::string term = schema.term("file", key);
            for (auto p = m_db.postlist_begin(term); p != m_db.postlist_end(term); ++p)
                view.paragraphs.push_back(paragraph_view(m_db.get_document(*p)));
            std::sort(view.paragraphs.begin(), view.paragraphs.end(),
                      [](const ParagraphView& a, const ParagraphView& b) {
                          return a.ordinal < b.ordinal;
                      });
            out.push_back(std::move(view));
        }
        // Versions sharing a symbol share their citations: counted once per symbol.
        std::map<std::string, CitedBy> cited;
        for (DocumentView& view : out) {
            if (!with_cited_by) break;
            const std::string& symbol = view.document.symbol;
            auto it = cited.find(symbol);
            if (it == cited.end()) it = cited.emplace(symbol, cited_by(view.document, keys)).first;
            view.cited_by = it->second;
        }
        return out;
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read the database: " + e.get_description());
    }
}

ParagraphView Searcher::aligned(const std::string& id, const std::string& lang) {
    const Schema& schema = Schema::instance();
    try {
        const std::string id_term = schema.term("id", ascii_lower(trim(id)));
        auto it = m_db.postlist_begin(id_term);
        if (it == m_db.postlist_end(id_term)) throw QueryError("no paragraph with id '" + id + "'");
        const Xapian::Document source = m_db.get_document(*it);
        const ParagraphView stored = decode_paragraph_record(source.get_data());
        const std::string& anchor = stored.anchor;
        std::string work = source.get_value(*schema.field("work").slot);
        if (anchor.empty() || work.empty())
            throw QueryError("paragraph '" + id + "' has no alignment key (article, paragraph id)");
        const Xapian::valueno order = *schema.field("order").slot;
        // The paragraphs carrying the anchor in one version, in reading order.
        auto group = [&](const Xapian::Query& version) {
            Xapian::Enquire e(m_db);
            e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, version,
                                      Xapian::Query(schema.term("anchor", anchor))));
            e.set_sort_by_value(order, false);
            std::vector<Xapian::Document> out;
            const Xapian::MSet mset = e.get_mset(0, 10000);
            for (auto m = mset.begin(); m != mset.end(); ++m) out.push_back(m.get_document());
            return out;
        };
        const std::string file = paragraph_file_key(stored.id);
        auto mine = group(Xapian::Query(schema.term("file", file)));
        auto theirs = group(without_copies(
            Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(schema.term("work", work)),
                          Xapian::Query(schema.term("lang", ascii_lower(lang))))));
        if (theirs.empty())
            throw QueryError("no '" + lang + "' version of paragraph '" + id + "' (" + anchor +
                             ")");
        // Within an article, the paragraph with the same number where both versions number it.
        const std::string& number = stored.number;
        auto same_number = [&](std::vector<Xapian::Document> g) {
            std::erase_if(g, [&](const Xapian::Document& d) {
                return decode_paragraph_record(d.get_data()).number != number;
            });
            return g;
        };
        if (auto t = same_number(theirs); !t.empty()) {
            mine = same_number(std::move(mine));
            theirs = std::move(t);
        }
        std::size_t rank = 0;
        for (std::size_t i = 0; i < mine.size(); ++i)
            if (mine[i].get_docid() == source.get_docid()) rank = i;
        return paragraph_view(theirs[std::min(rank, theirs.size() - 1)]);
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read the database: " + e.get_description());
    }
}

}  // namespace plenary
