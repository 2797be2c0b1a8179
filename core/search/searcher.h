// Searcher: read-only access to Plenary databases; runs requests and shows paragraphs.
//
// Its members live by concern: opening the databases and reading records (databases.cpp),
// the shared facet column (facet_column_cache.cpp), searching (searcher.cpp), showing and
// aligning paragraphs (show.cpp).
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "search/facets.h"
#include "search/results.h"
#include "search/stub.h"

namespace plenary {

/// Read-only access to one or more Plenary databases.
class Searcher {
  public:
    /// Opens each path, a database folder or a stub file naming local and remote parts
    /// (search/stub.h), all merged as one; DatabaseError names a part that is missing,
    /// unusable or unreachable. With allow_failed_shards, a remote part that cannot be opened
    /// is left out and listed in failed_shards() instead: only a search that asks for a partial
    /// answer (SearchRequest::partial) runs without it, anything else fails naming it.
    explicit Searcher(const std::vector<std::string>& db_paths, bool allow_failed_shards = false);

    /// Runs a request. QueryError for a bad query, filter, facet or sort.
    SearchResult search(const SearchRequest& request);
    /// One paragraph by id; DatabaseError-free: QueryError("no paragraph with id ...").
    ParagraphView show(const std::string& id);
    /// Every language version of a document, by symbol, document key or a paragraph id, each
    /// with the paragraphs of other documents that cite it (DocumentView::cited_by) unless
    /// with_cited_by is false (reports read documents only for their paragraphs).
    std::vector<DocumentView> show_document(const std::string& symbol_or_id,
                                            bool with_cited_by = true);
    /// The paragraph of the lang version of id's document that aligns with it: the same anchor
    /// (article, SDG key, UNPC paragraph id) in a document of the same work, the same rank among
    /// the paragraphs sharing that anchor. QueryError when id has no anchor or no lang version.
    ParagraphView aligned(const std::string& id, const std::string& lang);
    /// Whether some part is a remote shard.
    bool remote() const { return m_remote; }
    /// The remote parts left out because they did not answer ("HOST:PORT (STUB:LINE)"); empty
    /// unless opened with allow_failed_shards or after a partial search.
    const std::vector<std::string>& failed_shards() const { return m_failed_names; }
    /// DatabaseError naming every failed shard, if any: what needs every part calls it.
    void require_every_part() const;
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
    std::vector<DatabasePart> m_sources;  // every part the paths name, in order
    std::vector<Xapian::Database>
        m_parts;  // one per source; metadata is read per part: a merged one shows the first only
    bool m_remote = false;  // some part is remote: only what Xapian's remote protocol carries
    bool m_xapian_spies_only = false;  // some shard server knows no Plenary spy (xapian-tcpsrv)
    bool m_allow_failed = false;       // remote parts that fail to open are left out
    std::vector<std::string> m_failed_names;  // those left out: "HOST:PORT (STUB:LINE)"
    std::vector<std::string> m_failed_why;    // and why, as open_part says it
    bool m_sort_slots = true;  // every paragraph has its sort keys (indexed since version 2)
    bool m_tie_slot = false;   // every paragraph has its tie key: equal scores in its order
    Xapian::Database m_db;
    bool m_has_copies = false;         // some paragraphs are shadowed copies
    std::vector<std::string> m_langs;  // the languages of its paragraphs, read once per revision
    std::map<std::string, DocumentInfo> m_info_cache;
    FacetColumnBuild m_column_build = FacetColumnBuild::background;
    int m_faceted_queries = 0;  // on this revision
    std::shared_ptr<const FacetColumn> m_column;

    const FacetColumn* facet_column();

    void reopen();
    /// The database paths as given, for messages: "a, b".
    std::string paths_named() const;
    /// Opens part into m_parts, or, when allowed, records it as failed.
    void open_source(const DatabasePart& part);
    /// A search over the parts that answer after one failed during it (a partial answer).
    SearchResult search_without_failed(const SearchRequest& request, const Xapian::Error& e);
    /// run(), once more over a newer revision if an indexer committed meanwhile.
    SearchResult run_current(const SearchRequest& request);
    /// run(), once more with Xapian's own spies if a shard server does not know Plenary's.
    SearchResult run_counted(const SearchRequest& request);
    /// Who counts facets over this Searcher's shards.
    ShardCounting shard_counting() const;
    /// The message for a search over remote shards that failed with e: the shards that do not
    /// answer now, each named, or e's own description when all do.
    std::string failed_shards(const Xapian::Error& e) const;
    /// DatabaseError when the parts are not one whole: shards of different counts, a shard
    /// named twice or one missing.
    void check_parts_agree() const;
    /// DatabaseError naming the first part indexed with another index format, extraction
    /// version or schema than the first part.
    void check_parts_same_format() const;
    /// query without the paragraphs of files that are copies of another (core/copies.h).
    Xapian::Query without_copies(const Xapian::Query& query) const;
    /// Whether a file is a copy that another file stands for.
    bool is_shadowed(const std::string& file_key) const;
    DocumentInfo document_info(const std::string& file_key);
    /// The paragraphs outside own_files that cite document (its resolution id or its symbol).
    CitedBy cited_by(const DocumentInfo& document, const std::vector<std::string>& own_files);
    ParagraphView paragraph_view(const Xapian::Document& doc);
    /// How many documents one look-up of cited documents reads at most.
    static constexpr Xapian::doccount kMaxCitedDocuments = 1000;
    /// Of references ("resolution:A/RES/73/3", "decision:...", "symbol:..."), those that name a
    /// document of the index, with its id: one query for all (search/cited_documents.cpp).
    std::map<std::string, std::string> indexed_documents(const std::set<std::string>& references);
    /// Fills each hit's cited_documents, with one look-up for all the hits.
    void link_cited_documents(std::vector<Hit>& hits);
    /// Fills a paragraph's cited_documents.
    void link_cited_documents(ParagraphView& paragraph);

    /// One request being run: the request, its clock, its query and highlighter.
    struct Run;
    SearchResult run(const SearchRequest& request);
    Hit make_hit(const Run& run, const Xapian::MSetIterator& match);
    /// Hits one per paragraph, the total counted up to exact_up_to.
    void match_paragraphs(const Run& run, FacetCounter& facets, SearchResult& result);
    /// Documents with their best paragraphs, documents counted over every match.
    void match_documents(const Run& run, FacetCounter& facets, SearchResult& result);
};

}  // namespace plenary
