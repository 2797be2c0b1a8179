// What a search is asked and what it answers: SearchRequest in, SearchResult out.
//
// The documents and paragraphs in an answer are the stored records decoded
// (model/stored_record.h); schemas/search-result.schema.json describes their JSON.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "model/stored_record.h"
#include "search/facets.h"
#include "search/snippets.h"

namespace plenary {

/// What is asked.
struct SearchRequest {
    std::string query;                 ///< the query language; may be empty when filters are given
    std::vector<std::string> filters;  ///< "field:value" drill-downs: OR within a field, AND across
    std::vector<std::string> facets;   ///< facet fields to count, or "all"
    std::size_t facet_limit = 10;      ///< values per facet, 0 = all
    std::string facet_order = "count";  ///< "count": most frequent first; "value": the facet_limit
                                        ///< most frequent in value order (a timeline of years)
    std::size_t offset = 0;             ///< hits (or documents, when grouped) to skip
    std::size_t limit = 10;             ///< hits (or documents) to return
    std::string sort = "relevance";     ///< relevance, date, -date, symbol
    bool group_by_document = false;     ///< documents with their best paragraphs
    std::size_t per_document = 3;       ///< paragraphs per document when grouped
    std::size_t snippet_length = 240;   ///< code points per snippet fragment
    std::string lang;                   ///< stemming language; empty: each paragraph's own
    std::string in_lang;                ///< also give each hit's aligned paragraph in this language
    double time_limit = 0;            ///< seconds the whole search may spend, 0 = no limit; past it
                                      ///< what was done by then, with time_limit_reached
    std::size_t exact_up_to = 10000;  ///< totals are counted exactly up to this many matches;
                                      ///< past it total is a lower bound (total_exact false)
    bool match_all = false;           ///< an empty query without filters selects every paragraph (a
                                      ///< report over the whole index) instead of being an error
    bool cited_documents = true;      ///< look up which cited resolutions, decisions and symbols
                                      ///< of the hits are documents of the index (one query for
                                      ///< the page: Hit::cited_documents); reports need not
    bool partial = false;  ///< over remote shards: answer from the shards that answer, leaving
                           ///< out (and naming) those that are down or too slow, instead of failing
};

/// One matching paragraph.
struct Hit {
    std::string id;    ///< "<file key>-<ordinal>"
    double score = 0;  ///< Xapian weight (0 for filter-only queries)
    DocumentInfo document;
    std::string paragraph;  ///< paragraph number as printed, may be empty
    std::vector<std::string> headings;
    Snippet snippet;
    std::vector<std::string> resolutions;
    std::vector<std::string> decisions;
    std::vector<std::string> symbols;
    std::vector<std::string> countries;
    std::vector<std::string> charter;  ///< Charter Articles and Chapters ("art51", "ch7")
    std::vector<SubjectRef> subjects;
    /// The resolutions, decisions and symbols above that name a document of the index:
    /// "resolution:A/RES/73/3" to that document's id (ParagraphView::cited_documents).
    std::map<std::string, std::string> cited_documents;
    std::string aligned_lang;  ///< with SearchRequest::in_lang: that language,
    std::string aligned_id;    ///< the aligned paragraph's id (empty: none aligns)
    std::string aligned_text;  ///< and its text
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
    Xapian::doccount total = 0;   ///< matching paragraphs (documents when grouped)
    bool total_exact = false;     ///< true: total is the count; false: a lower bound
    std::size_t exact_up_to = 0;  ///< the request's exact_up_to
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<Hit> hits;
    bool grouped = false;
    std::vector<DocumentGroup> groups;
    std::vector<Facet> facets;
    bool time_limit_reached = false;  ///< the request's time_limit ran out: hits, totals and facets
                                      ///< hold what was done by then (total a lower bound)
    /// Non-empty: a partial answer (SearchRequest::partial) without these shards, "HOST:PORT
    /// (STUB:LINE)": hits, totals and facet counts are exact over the other shards only.
    std::vector<std::string> failed_shards;
};

/// A paragraph that cites a document (DocumentView::cited_by).
struct CitingParagraph {
    std::string id;         ///< the citing paragraph's id
    std::string symbol;     ///< the citing document's symbol (empty when it has none)
    std::string paragraph;  ///< its number as printed, may be empty
    std::string citation;   ///< as a librarian writes it: "A/HRC/14/37, para. 12"
};

/// The paragraphs of other documents that cite a document: by its resolution id (resolution:
/// or decision:, for a resolution or decision) or by its symbol (symbol:).
struct CitedBy {
    /// How many paragraphs are listed at most (the total is always counted exactly).
    static constexpr std::size_t kLimit = 100;
    std::vector<std::string> references;      ///< what is looked for: "resolution:A/RES/73/3", ...
    Xapian::doccount total = 0;               ///< citing paragraphs, exact
    std::vector<CitingParagraph> paragraphs;  ///< the first kLimit in index order, listed in
                                              ///< UN order of symbol, then reading order
};

/// A document's paragraphs in reading order (--show-document).
struct DocumentView {
    DocumentInfo document;
    std::vector<ParagraphView> paragraphs;
    CitedBy cited_by;  ///< the paragraphs of other documents that cite it
};

}  // namespace plenary
