// Search: opens Plenary databases, runs a request, and returns results as structs and JSON.
//
// The same Searcher serves plenary-search and any other front end: a request in, a
// SearchResult out, and to_json() gives the document described by
// schemas/search-result.schema.json.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "search/facets.h"
#include "search/snippets.h"

namespace plenary {

/// What is asked.
struct SearchRequest {
    std::string query;                 ///< the query language; may be empty when filters are given
    std::vector<std::string> filters;  ///< "field:value" drill-downs: OR within a field, AND across
    std::vector<std::string> facets;   ///< facet fields to count, or "all"
    std::size_t facet_limit = 10;      ///< values per facet, 0 = all
    std::string facet_order = "count"; ///< "count": most frequent first; "value": the facet_limit most frequent in value order (a timeline of years)
    std::size_t offset = 0;            ///< hits (or documents, when grouped) to skip
    std::size_t limit = 10;            ///< hits (or documents) to return
    std::string sort = "relevance";    ///< relevance, date, -date, symbol
    bool group_by_document = false;    ///< documents with their best paragraphs
    std::size_t per_document = 3;      ///< paragraphs per document when grouped
    std::size_t snippet_length = 240;  ///< code points per snippet fragment
    std::string lang;                  ///< stemming language; empty: each paragraph's own
    std::string in_lang;               ///< also give each hit's aligned paragraph in this language
    double time_limit = 0;             ///< seconds the whole search may spend, 0 = no limit; past it
                                       ///< what was done by then, with time_limit_reached
    std::size_t exact_up_to = 10000;   ///< totals are counted exactly up to this many matches;
                                       ///< past it total is a lower bound (total_exact false)
};

/// A document as a hit shows it (from its metadata record).
struct DocumentInfo {
    std::string key;      ///< the file key (12 hex digits)
    std::string symbol;
    std::string title;
    std::string date;
    std::string lang;
    std::string body;
    std::string country;  ///< alpha-3 of the speaking or reporting country (speeches), if any
    int session = 0;
    std::string source;   ///< path of the file that was indexed
    std::string work;     ///< key its language versions share, when not the symbol
    std::vector<std::string> files;  ///< every file that holds this document (copies,
                                     ///< core/copies.h), the one searched first
};

/// One matching paragraph.
struct Hit {
    std::string id;                    ///< "<file key>-<ordinal>"
    double score = 0;                  ///< Xapian weight (0 for filter-only queries)
    DocumentInfo document;
    std::string paragraph;             ///< paragraph number as printed, may be empty
    std::vector<std::string> headings;
    Snippet snippet;
    std::vector<std::string> resolutions;
    std::vector<std::string> decisions;
    std::vector<std::string> symbols;
    std::vector<std::string> countries;
    std::string aligned_lang;          ///< with SearchRequest::in_lang: that language,
    std::string aligned_id;            ///< the aligned paragraph's id (empty: none aligns)
    std::string aligned_text;          ///< and its text
};

/// A document and its best paragraphs (--group-by document).
struct DocumentGroup {
    DocumentInfo document;
    double score = 0;                  ///< its best paragraph's
    std::vector<std::string> hit_ids;  ///< its paragraphs in SearchResult::hits, best first
};

/// The answer to a request.
struct SearchResult {
    std::string query;
    Xapian::doccount total = 0;        ///< matching paragraphs (documents when grouped)
    bool total_exact = false;          ///< true: total is the count; false: a lower bound
    std::size_t exact_up_to = 0;       ///< the request's exact_up_to
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<Hit> hits;
    bool grouped = false;
    std::vector<DocumentGroup> groups;
    std::vector<Facet> facets;
    bool time_limit_reached = false;   ///< the request's time_limit ran out: hits, totals and facets
                                       ///< hold what was done by then (total a lower bound)
};

/// A paragraph in full (--show): text, footnotes, references, position in its document.
struct ParagraphView {
    std::string id;
    std::size_t ordinal = 0;
    std::string number;
    std::string kind;
    std::vector<std::string> headings;
    std::string text;
    std::string anchor;  ///< alignment key across language versions ("art51"), may be empty
    std::vector<std::pair<std::string, std::string>> footnotes;  ///< marker, text
    std::vector<std::string> resolutions, decisions, symbols, countries, demonyms;
    std::vector<int> sessions;
    DocumentInfo document;
};

/// A document's paragraphs in reading order (--show-document).
struct DocumentView {
    DocumentInfo document;
    std::vector<ParagraphView> paragraphs;
};

/// Read-only access to one or more Plenary databases.
class Searcher {
public:
    /// Opens each path (merged as one); DatabaseError names a path that is missing or unusable.
    explicit Searcher(const std::vector<std::string>& db_paths);

    /// Runs a request. QueryError for a bad query, filter, facet or sort.
    SearchResult search(const SearchRequest& request);
    /// One paragraph by id; DatabaseError-free: QueryError("no paragraph with id ...").
    ParagraphView show(const std::string& id);
    /// Every language version of a document, by symbol, document key or a paragraph id.
    std::vector<DocumentView> show_document(const std::string& symbol_or_id);
    /// The paragraph of the lang version of id's document that aligns with it: the same anchor
    /// (article, SDG key, UNPC paragraph id) in a document of the same work, the same rank among
    /// the paragraphs sharing that anchor. QueryError when id has no anchor or no lang version.
    ParagraphView aligned(const std::string& id, const std::string& lang);
    /// Paragraphs in all databases.
    Xapian::doccount paragraph_count() const { return m_db.get_doccount(); }
    /// How faceted queries may count from an in-memory FacetColumn of the database's revision,
    /// shared by every Searcher of the process: the column is built when a second faceted query
    /// on that revision asks for it (a one-shot query never builds it), in a thread of its own
    /// while queries go on reading each match's stored values (background, the default), or
    /// within that query (in_query); never: always read the stored values. Over several
    /// databases the stored values are read in any case.
    enum class FacetColumnBuild { never, in_query, background };
    void set_facet_column(FacetColumnBuild build) { m_column_build = build; }
    /// Waits until no facet column is being built in the background (before the process ends).
    static void wait_for_background_work();
    /// Whether this Searcher has the FacetColumn of its revision and counts facets from it.
    bool counted_from_column() const { return m_column != nullptr; }

private:
    std::vector<std::string> m_paths;
    std::vector<Xapian::Database> m_parts;  // metadata is read per part: a merged one shows the first only
    Xapian::Database m_db;
    bool m_has_copies = false;              // some paragraphs are shadowed copies
    std::map<std::string, DocumentInfo> m_info_cache;
    FacetColumnBuild m_column_build = FacetColumnBuild::background;
    int m_faceted_queries = 0;                   // on this revision
    std::shared_ptr<const FacetColumn> m_column;

    const FacetColumn* facet_column();

    void reopen();
    /// query without the paragraphs of files that are copies of another (core/copies.h).
    Xapian::Query without_copies(const Xapian::Query& query) const;
    /// Whether a file is a copy that another file stands for.
    bool is_shadowed(const std::string& file_key) const;
    DocumentInfo document_info(const std::string& file_key);
    ParagraphView paragraph_view(const Xapian::Document& doc);
    SearchResult run(const SearchRequest& request);
};

/// The JSON answer (schemas/search-result.schema.json).
nlohmann::json to_json(const SearchResult& result);
nlohmann::json to_json(const ParagraphView& paragraph);
nlohmann::json to_json(const DocumentView& document);

/// An HTML fragment: an ordered list of hits with <mark>ed snippets, all text escaped.
std::string to_html(const SearchResult& result);

/// How text output looks.
struct TextStyle {
    bool color = false;  ///< ANSI bold/colour for highlights
};

/// Human-readable results; "no paragraphs match" when there are none.
std::string to_text(const SearchResult& result, const TextStyle& style);
std::string to_text(const ParagraphView& paragraph, const TextStyle& style);
std::string to_text(const DocumentView& document, const TextStyle& style);

}  // namespace plenary
