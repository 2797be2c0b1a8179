// Searcher: running a request. The query and its filters, then matching paragraphs (or
// documents with their best paragraphs), hits with snippets, totals and facets, all within the
// request's time limit.
#include "search/searcher.h"

#include <algorithm>
#include <chrono>

#include "analysis/analyzer.h"
#include "base/error.h"
#include "base/text_util.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "search/query.h"
#include "search/shard_facets.h"
#include "search/sort_keys.h"

namespace plenary {

namespace {

/// An empty language or one Plenary analyses; anything else is a QueryError naming option.
void check_language(const char* option, const std::string& lang) {
    const auto& known = analysed_languages();
    if (lang.empty() || std::find(known.begin(), known.end(), ascii_lower(lang)) != known.end())
        return;
    std::string list;
    for (const auto& l : known) list += (list.empty() ? "" : ", ") + l;
    throw QueryError("unknown language '" + lang + "' for " + option + " (" + list + ")");
}

/// Asks for every hit's document at once: over remote shards the requests are pipelined
/// instead of one round trip per hit. Xapian 1.4.22's MSet::fetch crashes (it indexes past its
/// items) when the set starts at an offset: later pages fetch one by one.
void fetch_all(const Xapian::MSet& mset) {
    if (mset.get_firstitem() == 0) mset.fetch();
}

/// The request's query; filters alone match every paragraph.
ParsedQuery parse_request(const SearchRequest& req, const QueryParser& parser) {
    ParsedQuery pq;
    pq.langs = {req.lang.empty() ? "en" : req.lang};
    if (trim(req.query).empty()) {
        if (req.filters.empty() && !req.match_all) throw QueryError("empty query");
        pq.query = Xapian::Query::MatchAll;
    } else {
        pq = parser.parse(req.query);
    }
    return pq;
}

/// query with the request's drill-down filters: OR within a field, AND across fields.
Xapian::Query with_filters(const SearchRequest& req, const QueryParser& parser,
                           Xapian::Query query) {
    std::vector<std::pair<std::string, std::vector<Xapian::Query>>> by_field;
    for (const std::string& f : req.filters) {
        auto [field, value] = parser.split_filter(f);
        Xapian::Query q = parser.field_query(field, value, true);
        // An init-capture: clang 14 cannot capture a structured binding.
        auto it = std::find_if(by_field.begin(), by_field.end(),
                               [&field = field](const auto& p) { return p.first == field; });
        if (it == by_field.end())
            by_field.push_back({field, {q}});
        else
            it->second.push_back(q);
    }
    if (by_field.empty()) return query;
    std::vector<Xapian::Query> ands;
    for (const auto& [field, qs] : by_field)
        ands.push_back(qs.size() == 1 ? qs.front()
                                      : Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end()));
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query(Xapian::Query::OP_AND, ands.begin(), ands.end()));
}

void check_orders(const SearchRequest& req) {
    if (req.sort != "relevance" && req.sort != "date" && req.sort != "-date" &&
        req.sort != "symbol")
        throw QueryError("unknown sort '" + req.sort + "' (relevance, date, -date, symbol)");
    if (req.facet_order != "count" && req.facet_order != "value")
        throw QueryError("unknown facet order '" + req.facet_order + "' (count, value)");
}

/// The snippet of the paragraph's text, or, where the match is in a footnote, of that footnote.
Snippet best_snippet(const Highlighter& highlighter, const ParagraphView& v) {
    Snippet snippet = highlighter.snippet(v.text, v.document.lang);
    if (!snippet.highlights.empty()) return snippet;
    for (const auto& [marker, text] : v.footnotes) {
        Snippet s = highlighter.snippet(text, v.document.lang);
        if (s.highlights.empty()) continue;
        const std::string prefix = "[" + marker + "] ";
        const std::size_t shift = code_point_count(prefix);
        for (auto& hl : s.highlights) {
            hl.start += shift;
            hl.end += shift;
        }
        s.text = prefix + s.text;
        return s;
    }
    return snippet;
}

}  // namespace

struct Searcher::Run {
    const SearchRequest& req;
    std::chrono::steady_clock::time_point started;
    Xapian::Query query;
    const Highlighter* highlighter = nullptr;
    bool sort_slots = true;  // the databases store the sort keys (model/sort_order.h)
    bool tie_slot = false;   // and the tie keys (model/index_format.h)

    double seconds_left() const {
        return req.time_limit -
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
    bool out_of_time() const { return req.time_limit > 0 && seconds_left() <= 0; }
    /// What is left of the time limit, as the Enquire's own.
    void limit_time(Xapian::Enquire& e) const {
        if (req.time_limit > 0) e.set_time_limit(std::max(seconds_left(), 0.001));
    }
    /// An Enquire for the query, in the request's order.
    /// Equal scores in the order of the paragraphs' tie keys, which is the same in one database
    /// and in shards (docids are not), so that a page holds the same hits either way.
    void break_ties(Xapian::Enquire& e, const Schema& schema) const {
        if (tie_slot) e.set_sort_by_relevance_then_value(*schema.field("tie").slot, false);
    }
    void configure(Xapian::Enquire& e, const Schema& schema) const {
        e.set_query(query);
        limit_time(e);
        break_ties(e, schema);
        if (sort_slots) {
            // By stored keys: a sort by value, which remote shards carry as well.
            if (req.sort == "date")
                e.set_sort_by_value_then_relevance(*schema.field("date_order").slot, false);
            else if (req.sort == "-date")  // undated paragraphs have no value: last
                e.set_sort_by_value_then_relevance(*schema.field("date").slot, true);
            else if (req.sort == "symbol")
                e.set_sort_by_value_then_relevance(*schema.field("symbol_order").slot, false);
        } else if (req.sort == "date" || req.sort == "-date")
            e.set_sort_by_key_then_relevance(
                (new DateKey(*schema.field("date").slot, req.sort == "-date"))->release(),
                req.sort == "-date");
        else if (req.sort == "symbol")
            e.set_sort_by_key_then_relevance((new SymbolKey(*schema.field("doc").slot))->release(),
                                             false);
    }
};

SearchResult Searcher::run_current(const SearchRequest& request) {
    try {
        return run_counted(request);
    } catch (const Xapian::DatabaseModifiedError&) {
        // An indexer committed while we read: read the new revision once.
        reopen();
        return run_counted(request);
    }
}

SearchResult Searcher::run_counted(const SearchRequest& request) {
    try {
        return run(request);
    } catch (const Xapian::InvalidArgumentError& e) {
        // A shard served by Debian's xapian-tcpsrv knows only Xapian's own spies: from now on
        // every shard counts with those (Plenary's servers know them too).
        if (!m_remote || m_xapian_spies_only ||
            e.get_msg().find(ShardFacetSpy::kName) == std::string::npos)
            throw;
        m_xapian_spies_only = true;
        // The failed match leaves the other shards' connections mid-exchange: open them anew.
        reopen();
        return run(request);
    }
}

ShardCounting Searcher::shard_counting() const {
    if (!m_remote) return ShardCounting::none;
    return m_xapian_spies_only ? ShardCounting::xapian : ShardCounting::plenary;
}

SearchResult Searcher::search(const SearchRequest& request) {
    if (!request.partial) require_every_part();
    try {
        SearchResult result = run_current(request);
        result.failed_shards = m_failed_names;
        return result;
    } catch (const Xapian::Error& e) {
        if (m_remote && request.partial) return search_without_failed(request, e);
        if (m_remote) throw DatabaseError(failed_shards(e));
        // A damaged table met mid-match (the tie keys read more of it than before): named.
        const std::string type = e.get_type();
        if (type != "DatabaseError" && type != "DatabaseCorruptError")
            throw DatabaseError("search failed: " + e.get_description());
        throw DatabaseError(unreadable_database(paths_named(), e.get_description()));
    }
}

SearchResult Searcher::search_without_failed(const SearchRequest& request, const Xapian::Error& e) {
    // Xapian cannot leave a remote sub-database out of a match under way: the parts are opened
    // afresh, those that do not answer now left out, and the query run again over the rest.
    m_allow_failed = true;
    reopen();
    if (m_failed_names.empty())
        throw DatabaseError(failed_shards(e));  // every shard answers: not a shard's failure
    try {
        SearchResult result = run_current(request);
        result.failed_shards = m_failed_names;
        return result;
    } catch (const Xapian::Error& again) {
        throw DatabaseError(failed_shards(again));
    }
}

std::string Searcher::failed_shards(const Xapian::Error& e) const {
    // Xapian's message does not say which shard failed: each remote one is tried afresh.
    std::string failed;
    for (const auto& source : m_sources) {
        if (!source.remote()) continue;
        try {
            open_part(source);
        } catch (const DatabaseError& f) {
            failed += (failed.empty() ? "" : "; ") + std::string(f.what());
        }
    }
    return failed.empty() ? "search failed: " + e.get_description() : failed;
}

SearchResult Searcher::run(const SearchRequest& req) {
    check_language("lang", req.lang);
    check_language("in_lang", req.in_lang);
    // time_limit bounds the whole search: parsing, matching with its facet counts, snippets.
    if (m_remote && !m_sort_slots && req.sort != "relevance")
        throw QueryError("--sort " + req.sort +
                         " over remote shards needs the sort keys that plenary-index stores since "
                         "extraction version 2: run plenary-index on each shard again");
    Run run{req, std::chrono::steady_clock::now(), {}, nullptr, m_sort_slots, m_tie_slot};
    const Schema& schema = Schema::instance();
    const Gazetteer& gazetteer = Gazetteer::instance();
    QueryParser parser(schema, gazetteer, &m_db, req.lang, m_langs);
    const ParsedQuery pq = parse_request(req, parser);
    run.query = with_filters(req, parser, without_copies(pq.query));
    check_orders(req);

    FacetCounter facets(schema, req.facets);
    const Highlighter highlighter(pq, SnippetOptions{req.snippet_length, 3});
    run.highlighter = &highlighter;

    SearchResult result;
    result.query = req.query;
    result.offset = req.offset;
    result.limit = req.limit;
    result.exact_up_to = req.exact_up_to;
    result.grouped = req.group_by_document;
    if (!req.group_by_document)
        match_paragraphs(run, facets, result);
    else
        match_documents(run, facets, result);
    // The references of the page's hits that are documents of the index, in one look-up.
    if (req.cited_documents) link_cited_documents(result.hits);
    // Past the limit: matching stopped counting (and faceting) early, or hits were left out.
    result.time_limit_reached = run.out_of_time();
    result.facets = facets.results(req.facet_limit, gazetteer);
    if (req.facet_order == "value")
        for (Facet& f : result.facets)
            std::stable_sort(f.values.begin(), f.values.end(),
                             [](const FacetValue& a, const FacetValue& b) {
                                 return symbol_sort_key(a.value) < symbol_sort_key(b.value);
                             });
    return result;
}

Hit Searcher::make_hit(const Run& run, const Xapian::MSetIterator& match) {
    const ParagraphView v = paragraph_view(match.get_document());
    Hit h;
    h.id = v.id;
    h.score = match.get_weight();
    h.document = v.document;
    h.paragraph = v.number;
    h.headings = v.headings;
    h.snippet = best_snippet(*run.highlighter, v);
    h.resolutions = v.resolutions;
    h.decisions = v.decisions;
    h.symbols = v.symbols;
    h.countries = v.countries;
    h.charter = v.charter;
    h.subjects = v.subjects;
    if (!run.req.in_lang.empty()) {
        h.aligned_lang = run.req.in_lang;
        try {
            const ParagraphView a = aligned(h.id, run.req.in_lang);
            h.aligned_id = a.id;
            h.aligned_text = a.text;
        } catch (const QueryError&) {
            // No version in that language, or nothing to align by: the hit stands alone.
        }
    }
    return h;
}

void Searcher::match_paragraphs(const Run& run, FacetCounter& facets, SearchResult& result) {
    const SearchRequest& req = run.req;
    const Xapian::doccount everything = std::max<Xapian::doccount>(m_db.get_doccount(), 1);
    Xapian::Enquire enquire(m_db);
    run.configure(enquire, Schema::instance());
    // Over remote shards, Xapian 1.4 counts some matches twice in a match spy when the match is
    // sorted by value (measured: 92 of 88 matches, 1 to 6 more per query): the facets are
    // counted by a pass of their own, in relevance order, which counts each match once.
    // So is a match sorted by relevance then tie key (counted 340 of 336 for "peace").
    // That pass counts every match, so it gives the total, and the sorted match need only
    // find the page.
    const bool counted_apart =
        m_remote && (req.sort != "relevance" || run.tie_slot) && !facets.empty();
    Xapian::MSet counted;
    if (counted_apart) {
        Xapian::Enquire counting(m_db);
        counting.set_query(run.query);
        run.limit_time(counting);
        facets.attach(counting, nullptr, shard_counting());
        counted = counting.get_mset(0, 0, everything);
    } else {
        facets.attach(enquire, facets.empty() ? nullptr : facet_column(), shard_counting());
    }
    // Count every match up to exact_up_to (facets count them all in any case): a total is a
    // count, or a lower bound that says so, never an estimate.
    const std::size_t wanted = std::max(req.offset + req.limit, req.exact_up_to) + 1;
    const Xapian::doccount check =
        facets.empty() || counted_apart
            ? static_cast<Xapian::doccount>(std::min<std::size_t>(wanted, everything))
            : everything;
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset),
                                               static_cast<Xapian::doccount>(req.limit), check);
    const Xapian::MSet& totals = counted_apart ? counted : mset;
    result.total_exact = totals.get_matches_lower_bound() == totals.get_matches_upper_bound();
    result.total = totals.get_matches_lower_bound();
    fetch_all(mset);
    for (auto it = mset.begin(); it != mset.end() && !run.out_of_time(); ++it)
        result.hits.push_back(make_hit(run, it));
}

void Searcher::match_documents(const Run& run, FacetCounter& facets, SearchResult& result) {
    const SearchRequest& req = run.req;
    const Schema& schema = Schema::instance();
    const Xapian::doccount everything = std::max<Xapian::doccount>(m_db.get_doccount(), 1);
    Xapian::Enquire enquire(m_db);
    run.configure(enquire, schema);
    // Documents: one row per document key, counted exactly; then each one's best paragraphs.
    const Xapian::valueno doc_slot = *schema.field("document").slot;
    enquire.set_collapse_key(doc_slot, 1);
    const Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(req.offset),
                         static_cast<Xapian::doccount>(req.limit), everything);
    fetch_all(mset);
    for (auto it = mset.begin(); it != mset.end() && !run.out_of_time(); ++it) {
        const std::string key = it.get_document().get_value(doc_slot);
        Xapian::Enquire sub(m_db);
        run.limit_time(sub);
        run.break_ties(sub, schema);
        sub.set_query(Xapian::Query(Xapian::Query::OP_FILTER, run.query,
                                    Xapian::Query(schema.term("document", key))));
        const Xapian::MSet best = sub.get_mset(
            0, static_cast<Xapian::doccount>(std::max<std::size_t>(req.per_document, 1)));
        fetch_all(best);
        DocumentGroup g;
        g.score = it.get_weight();
        for (auto b = best.begin(); b != best.end(); ++b) {
            Hit h = make_hit(run, b);
            if (g.hit_ids.empty()) g.document = h.document;
            g.hit_ids.push_back(h.id);
            result.hits.push_back(std::move(h));
        }
        result.groups.push_back(std::move(g));
    }
    // Collapsed estimates are not exact: count documents (and facets) over every match.
    // Over remote shards with Xapian's own spy, which the shard servers know.
    SlotSpy documents(doc_slot);
    Xapian::ValueCountMatchSpy remote_documents(doc_slot);
    Xapian::Enquire counting(m_db);
    counting.set_query(run.query);
    run.limit_time(counting);
    if (m_remote)
        counting.add_matchspy(&remote_documents);
    else
        counting.add_matchspy(&documents);
    facets.attach(counting, facets.empty() ? nullptr : facet_column(), shard_counting());
    counting.get_mset(0, 0, everything);
    result.total = static_cast<Xapian::doccount>(
        m_remote ? std::distance(remote_documents.values_begin(), remote_documents.values_end())
                 : static_cast<std::ptrdiff_t>(documents.counts().size()));
    result.total_exact = !run.out_of_time();
}

}  // namespace plenary
