#include "search/search.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "analysis/analyzer.h"
#include "refs/countries.h"
#include "base/error.h"
#include "index/db_folder.h"
#include "index/index_writer.h"
#include "search/query.h"
#include "model/schema.h"
#include "search/sort_keys.h"
#include "refs/symbols.h"
#include "base/text_util.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

/// An empty language or one Plenary analyses; anything else is a QueryError naming option.
void check_language(const char* option, const std::string& lang) {
    const auto& known = analysed_languages();
    if (lang.empty() || std::find(known.begin(), known.end(), ascii_lower(lang)) != known.end()) return;
    std::string list;
    for (const auto& l : known) list += (list.empty() ? "" : ", ") + l;
    throw QueryError("unknown language '" + lang + "' for " + option + " (" + list + ")");
}

constexpr const char* kDim = "\x1b[2m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

Xapian::Database open_one(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !fs::exists(path, ec)) {
        if (ec == std::errc::permission_denied)
            throw DatabaseError(path + ": permission denied: cannot reach the database folder");
        throw DatabaseError("no Plenary database at " + path + " (run plenary-index first)");
    }
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        if (std::string why = database_access_problem(path, false); !why.empty())
            throw DatabaseError(why);
        if (e.get_type() == std::string("DatabaseNotFoundError"))
            throw DatabaseError("no Plenary database at " + path + " (run plenary-index first)");
        throw DatabaseError(path + ": cannot open the database: " + e.get_description());
    }
}

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::string str(const nlohmann::json& j, const char* key) {
    if (auto it = j.find(key); it != j.end() && it->is_string()) return it->get<std::string>();
    return {};
}

nlohmann::json parse_data(const std::string& data) {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

/// The file key of a stored paragraph: its id is "<file key>-<ordinal>".
std::string file_of(const nlohmann::json& j) {
    const std::string id = str(j, "id");
    return id.substr(0, id.rfind('-'));
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

nlohmann::json document_json(const DocumentInfo& d) {
    // Codes for tools, names for people: the body's and the speaking country's ("" when none).
    const std::string country_name = d.country.empty() ? "" : Gazetteer::instance().display_name(d.country);
    return {{"symbol", d.symbol}, {"title", d.title},       {"date", d.date},
            {"lang", d.lang},     {"body", d.body},         {"body_name", body_name(d.body)},
            {"session", d.session}, {"country", d.country}, {"country_name", country_name},
            {"source", d.source},   {"files", d.files}};
}

/// "1 paragraph matches", "12,345 paragraphs match", "more than 10,000 paragraphs match".
std::string count_line(const SearchResult& r) {
    auto grouped_digits = [](std::size_t n) {
        std::string digits = std::to_string(n), out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
        return out;
    };
    const std::string unit = r.grouped ? "document" : "paragraph";
    if (!r.total_exact) {
        if (r.total > r.exact_up_to)
            return "more than " + grouped_digits(r.exact_up_to) + " " + unit + "s match";
        return "at least " + grouped_digits(r.total) + " " + unit + "s match (counting stopped at the time limit)";
    }
    if (r.total == 1) return "1 " + unit + " matches";
    return grouped_digits(r.total) + " " + unit + "s match";
}

nlohmann::json snippet_json(const Snippet& s) {
    nlohmann::json hl = nlohmann::json::array();
    for (const auto& h : s.highlights) hl.push_back({{"start", h.start}, {"end", h.end}});
    return {{"text", s.text}, {"highlights", hl}, {"html", render_html(s)}};
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
            {"countries", h.countries}};
}

nlohmann::json hit_json_with_alignment(const Hit& h) {
    nlohmann::json j = hit_json(h);
    if (!h.aligned_lang.empty())
        j["in_lang"] = h.aligned_id.empty()
                           ? nlohmann::json{{"lang", h.aligned_lang}, {"id", nullptr}, {"text", nullptr}}
                           : nlohmann::json{{"lang", h.aligned_lang}, {"id", h.aligned_id}, {"text", h.aligned_text}};
    return j;
}

std::string document_line(const DocumentInfo& d) {
    std::string out = d.symbol.empty() ? fs::path(d.source).filename().string() : d.symbol;
    for (const std::string& part : {d.date, d.lang, d.body})
        if (!part.empty()) out += " · " + part;
    return out;
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& db_paths)
    : m_paths(db_paths.empty() ? std::vector<std::string>{default_db_path()} : db_paths) {
    reopen();
}

void Searcher::reopen() {
    m_parts.clear();
    m_db = Xapian::Database();
    for (const auto& p : m_paths) {
        m_parts.push_back(open_one(p));
        m_db.add_database(m_parts.back());
    }
    try {
        m_has_copies = m_db.get_termfreq(Schema::instance().term("shadowed", "1")) > 0;
    } catch (const Xapian::Error& e) {
        std::string where;
        for (const auto& p : m_paths) where += (where.empty() ? "" : ", ") + p;
        throw DatabaseError(unreadable_database(where, e.get_description()));
    }
    m_info_cache.clear();
    m_column.reset();
    m_faceted_queries = 0;
}

namespace {

/// The facet columns of the process: the newest built for each database, by uuid, and which
/// revisions are being built. Never destroyed, so that a background build may outlive main's
/// statics.
struct ColumnCache {
    struct Latest {
        Xapian::rev revision = 0;
        std::shared_ptr<const FacetColumn> column;
    };
    std::mutex mutex;
    std::condition_variable idle;
    std::map<std::string, Latest> latest;     // by database uuid
    std::set<std::string> building;           // uuid + revision
    int running = 0;                          // background builds
};

ColumnCache& column_cache() {
    static ColumnCache* cache = new ColumnCache;
    return *cache;
}

}  // namespace

void Searcher::wait_for_background_work() {
    ColumnCache& cache = column_cache();
    std::unique_lock<std::mutex> lock(cache.mutex);
    cache.idle.wait(lock, [&] { return cache.running == 0; });
}

const FacetColumn* Searcher::facet_column() {
    // A match spy sees a document by its docid in its own database, not the merged one: over
    // several databases each match's value is read instead.
    if (m_column_build == FacetColumnBuild::never || m_parts.size() != 1) return nullptr;
    if (m_column) return m_column.get();
    const std::string uuid = m_parts.front().get_uuid();
    const Xapian::rev revision = m_parts.front().get_revision();
    const std::string key = uuid + '\n' + std::to_string(revision);
    const Xapian::valueno slot = *Schema::instance().field("facets").slot;
    ColumnCache& cache = column_cache();
    std::unique_lock<std::mutex> lock(cache.mutex);
    if (auto it = cache.latest.find(uuid); it != cache.latest.end() && it->second.revision == revision) {
        m_column = it->second.column;
        return m_column.get();
    }
    // A single query reads its matches' values, cheaper than reading every paragraph's.
    if (++m_faceted_queries < 2 || cache.building.count(key)) return nullptr;
    if (auto it = cache.latest.find(uuid); it != cache.latest.end() && it->second.revision > revision)
        return nullptr;  // this Searcher reads an older revision than the newest column
    cache.building.insert(key);
    auto store = [uuid, revision, key](std::shared_ptr<const FacetColumn> column) {
        ColumnCache& c = column_cache();
        std::lock_guard<std::mutex> guard(c.mutex);
        c.building.erase(key);
        auto& latest = c.latest[uuid];
        if (column && revision >= latest.revision) latest = {revision, std::move(column)};
    };
    if (m_column_build == FacetColumnBuild::in_query) {
        lock.unlock();
        std::shared_ptr<const FacetColumn> column;
        try {
            column = std::make_shared<const FacetColumn>(m_db, slot);
        } catch (...) {
            store(nullptr);
            throw;
        }
        store(column);
        m_column = column;
        return m_column.get();
    }
    // In the background, on a database of its own opened at the same revision (a Database is
    // not shared between threads); if the indexer has committed since, a newer Searcher will ask.
    ++cache.running;
    std::thread([path = m_paths.front(), uuid, revision, slot, store] {
        std::shared_ptr<const FacetColumn> column;
        try {
            const Xapian::Database db(path);
            if (db.get_uuid() == uuid && db.get_revision() == revision)
                column = std::make_shared<const FacetColumn>(db, slot);
        } catch (const std::exception&) {
        } catch (const Xapian::Error&) {
        }
        store(std::move(column));
        ColumnCache& c = column_cache();
        std::lock_guard<std::mutex> guard(c.mutex);
        --c.running;
        c.idle.notify_all();
    }).detach();
    return nullptr;
}

Xapian::Query Searcher::without_copies(const Xapian::Query& query) const {
    if (!m_has_copies) return query;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                         Xapian::Query(Schema::instance().term("shadowed", "1")));
}

bool Searcher::is_shadowed(const std::string& file_key) const {
    if (!m_has_copies) return false;
    return std::any_of(m_parts.begin(), m_parts.end(), [&](const Xapian::Database& part) {
        return part.get_metadata(shadow_meta_key(file_key)) == "1";
    });
}

DocumentInfo Searcher::document_info(const std::string& key) {
    if (auto it = m_info_cache.find(key); it != m_info_cache.end()) return it->second;
    DocumentInfo d;
    d.key = key;
    for (const auto& part : m_parts) {
        const std::string meta = part.get_metadata(document_meta_key(key));
        if (meta.empty()) continue;
        const nlohmann::json j = parse_data(meta);
        d.symbol = str(j, "symbol");
        d.title = str(j, "title");
        d.date = str(j, "date");
        d.lang = str(j, "lang");
        d.body = str(j, "body");
        d.country = str(j, "country");
        d.source = str(j, "source");
        d.work = str(j, "work");
        if (auto s = j.find("session"); s != j.end() && s->is_number_integer()) d.session = s->get<int>();
        std::istringstream copies(part.get_metadata(copies_meta_key(key)));
        for (std::string line; std::getline(copies, line);)
            if (!line.empty()) d.files.push_back(line);
        break;
    }
    if (d.files.empty() && !d.source.empty()) d.files.push_back(d.source);
    m_info_cache.emplace(key, d);
    return d;
}

ParagraphView Searcher::paragraph_view(const Xapian::Document& doc) {
    const nlohmann::json j = parse_data(doc.get_data());
    ParagraphView v;
    v.id = str(j, "id");
    if (const auto dash = v.id.rfind('-'); dash != std::string::npos)
        v.ordinal = std::strtoul(v.id.c_str() + dash + 1, nullptr, 10);
    v.number = str(j, "number");
    v.kind = str(j, "kind");
    v.headings = strings(j, "headings");
    v.text = str(j, "text");
    v.anchor = str(j, "anchor");
    if (auto f = j.find("footnotes"); f != j.end() && f->is_array())
        for (const auto& n : *f) v.footnotes.emplace_back(str(n, "marker"), str(n, "text"));
    v.resolutions = strings(j, "resolutions");
    v.decisions = strings(j, "decisions");
    v.symbols = strings(j, "symbols");
    v.countries = strings(j, "countries");
    v.demonyms = strings(j, "demonyms");
    if (auto s = j.find("sessions"); s != j.end() && s->is_array())
        for (const auto& n : *s)
            if (n.is_number_integer()) v.sessions.push_back(n.get<int>());
    v.document = document_info(file_of(j));
    return v;
}

SearchResult Searcher::search(const SearchRequest& request) {
    try {
        try {
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            // An indexer committed while we read: read the new revision once.
            reopen();
            return run(request);
        }
    } catch (const Xapian::Error& e) {
        throw DatabaseError("search failed: " + e.get_description());
    }
}

SearchResult Searcher::run(const SearchRequest& req) {
    check_language("lang", req.lang);
    check_language("in_lang", req.in_lang);
    // time_limit bounds the whole search: parsing, matching with its facet counts, snippets.
    const auto started = std::chrono::steady_clock::now();
    auto seconds_left = [&] {
        return req.time_limit - std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    auto out_of_time = [&] { return req.time_limit > 0 && seconds_left() <= 0; };
    const Schema& schema = Schema::instance();
    const Gazetteer& gazetteer = Gazetteer::instance();
    QueryParser parser(schema, gazetteer, &m_db, req.lang);

    ParsedQuery pq;
    pq.langs = {req.lang.empty() ? "en" : req.lang};
    if (trim(req.query).empty()) {
        if (req.filters.empty()) throw QueryError("empty query");
        pq.query = Xapian::Query::MatchAll;
    } else {
        pq = parser.parse(req.query);
    }

    // Drill-down: OR within a field, AND across fields.
    std::vector<std::pair<std::string, std::vector<Xapian::Query>>> by_field;
    for (const std::string& f : req.filters) {
        auto [field, value] = parser.split_filter(f);
        Xapian::Query q = parser.field_query(field, value, true);
        // An init-capture: clang 14 cannot capture a structured binding.
        auto it = std::find_if(by_field.begin(), by_field.end(),
                               [&field = field](const auto& p) { return p.first == field; });
        if (it == by_field.end()) by_field.push_back({field, {q}});
        else it->second.push_back(q);
    }
    Xapian::Query query = without_copies(pq.query);
    if (!by_field.empty()) {
        std::vector<Xapian::Query> ands;
        for (const auto& [field, qs] : by_field)
            ands.push_back(qs.size() == 1 ? qs.front() : Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end()));
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_AND, ands.begin(), ands.end()));
    }

    if (req.sort != "relevance" && req.sort != "date" && req.sort != "-date" && req.sort != "symbol")
        throw QueryError("unknown sort '" + req.sort + "' (relevance, date, -date, symbol)");
    if (req.facet_order != "count" && req.facet_order != "value")
        throw QueryError("unknown facet order '" + req.facet_order + "' (count, value)");
    auto configure = [&](Xapian::Enquire& e) {
        e.set_query(query);
        if (req.time_limit > 0) e.set_time_limit(std::max(seconds_left(), 0.001));
        if (req.sort == "date" || req.sort == "-date")
            e.set_sort_by_key_then_relevance((new DateKey(*schema.field("date").slot, req.sort == "-date"))->release(),
                                             req.sort == "-date");
        else if (req.sort == "symbol")
            e.set_sort_by_key_then_relevance((new SymbolKey(*schema.field("doc").slot))->release(), false);
    };

    FacetCounter facets(schema, req.facets);
    const Xapian::doccount everything = std::max<Xapian::doccount>(m_db.get_doccount(), 1);
    Highlighter highlighter(pq, SnippetOptions{req.snippet_length, 3});

    SearchResult result;
    result.query = req.query;
    result.offset = req.offset;
    result.limit = req.limit;
    result.exact_up_to = req.exact_up_to;
    result.grouped = req.group_by_document;

    auto make_hit = [&](const Xapian::MSetIterator& it) {
        const ParagraphView v = paragraph_view(it.get_document());
        Hit h;
        h.id = v.id;
        h.score = it.get_weight();
        h.document = v.document;
        h.paragraph = v.number;
        h.headings = v.headings;
        h.snippet = highlighter.snippet(v.text, v.document.lang);
        if (h.snippet.highlights.empty()) {
            // The match may be in a footnote: show that footnote instead.
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
                h.snippet = std::move(s);
                break;
            }
        }
        h.resolutions = v.resolutions;
        h.decisions = v.decisions;
        h.symbols = v.symbols;
        h.countries = v.countries;
        if (!req.in_lang.empty()) {
            h.aligned_lang = req.in_lang;
            try {
                const ParagraphView a = aligned(h.id, req.in_lang);
                h.aligned_id = a.id;
                h.aligned_text = a.text;
            } catch (const QueryError&) {
                // No version in that language, or nothing to align by: the hit stands alone.
            }
        }
        return h;
    };

    Xapian::Enquire enquire(m_db);
    configure(enquire);
    if (!req.group_by_document) {
        facets.attach(enquire, facets.empty() ? nullptr : facet_column());
        // Count every match up to exact_up_to (facets count them all in any case): a total is a
        // count, or a lower bound that says so, never an estimate.
        const std::size_t wanted = std::max(req.offset + req.limit, req.exact_up_to) + 1;
        const Xapian::doccount check =
            facets.empty() ? static_cast<Xapian::doccount>(std::min<std::size_t>(wanted, everything)) : everything;
        const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset),
                                                   static_cast<Xapian::doccount>(req.limit), check);
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        result.total = mset.get_matches_lower_bound();
        for (auto it = mset.begin(); it != mset.end() && !out_of_time(); ++it) result.hits.push_back(make_hit(it));
    } else {
        // Documents: one row per document key, counted exactly; then each one's best paragraphs.
        const Xapian::valueno doc_slot = *schema.field("document").slot;
        enquire.set_collapse_key(doc_slot, 1);
        const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset),
                                                   static_cast<Xapian::doccount>(req.limit), everything);
        for (auto it = mset.begin(); it != mset.end() && !out_of_time(); ++it) {
            const std::string key = it.get_document().get_value(doc_slot);
            Xapian::Enquire sub(m_db);
            if (req.time_limit > 0) sub.set_time_limit(std::max(seconds_left(), 0.001));
            sub.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                        Xapian::Query(schema.term("document", key))));
            const Xapian::MSet best = sub.get_mset(0, static_cast<Xapian::doccount>(std::max<std::size_t>(req.per_document, 1)));
            DocumentGroup g;
            g.score = it.get_weight();
            for (auto b = best.begin(); b != best.end(); ++b) {
                Hit h = make_hit(b);
                if (g.hit_ids.empty()) g.document = h.document;
                g.hit_ids.push_back(h.id);
                result.hits.push_back(std::move(h));
            }
            result.groups.push_back(std::move(g));
        }
        // Collapsed estimates are not exact: count documents (and facets) over every match.
        SlotSpy documents(doc_slot);
        Xapian::Enquire counting(m_db);
        counting.set_query(query);
        if (req.time_limit > 0) counting.set_time_limit(std::max(seconds_left(), 0.001));
        counting.add_matchspy(&documents);
        facets.attach(counting, facets.empty() ? nullptr : facet_column());
        counting.get_mset(0, 0, everything);
        result.total = static_cast<Xapian::doccount>(documents.counts().size());
        result.total_exact = !out_of_time();
    }
    // Past the limit: matching stopped counting (and faceting) early, or hits were left out.
    result.time_limit_reached = out_of_time();
    result.facets = facets.results(req.facet_limit, gazetteer);
    if (req.facet_order == "value")
        for (Facet& f : result.facets)
            std::stable_sort(f.values.begin(), f.values.end(), [](const FacetValue& a, const FacetValue& b) {
                return symbol_sort_key(a.value) < symbol_sort_key(b.value);
            });
    return result;
}

ParagraphView Searcher::show(const std::string& id) {
    try {
        const std::string term = Schema::instance().term("id", ascii_lower(trim(id)));
        auto it = m_db.postlist_begin(term);
        if (it == m_db.postlist_end(term)) throw QueryError("no paragraph with id '" + id + "'");
        return paragraph_view(m_db.get_document(*it));
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot read the database: " + e.get_description());
    }
}

std::vector<DocumentView> Searcher::show_document(const std::string& what) {
    const Schema& schema = Schema::instance();
    const std::string value(trim(what));
    try {
        // Files to show, in the order found.
        std::vector<std::string> keys;
        auto add_files_of = [&](const std::string& term) {
            for (auto p = m_db.postlist_begin(term); p != m_db.postlist_end(term); ++p) {
                const std::string key = file_of(parse_data(m_db.get_document(*p).get_data()));
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
                      [](const ParagraphView& a, const ParagraphView& b) { return a.ordinal < b.ordinal; });
            out.push_back(std::move(view));
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
        const nlohmann::json stored = parse_data(source.get_data());
        const std::string anchor = str(stored, "anchor");
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
        const std::string file = file_of(stored);
        auto mine = group(Xapian::Query(schema.term("file", file)));
        auto theirs = group(without_copies(
            Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(schema.term("work", work)),
                          Xapian::Query(schema.term("lang", ascii_lower(lang))))));
        if (theirs.empty())
            throw QueryError("no '" + lang + "' version of paragraph '" + id + "' (" + anchor + ")");
        // Within an article, the paragraph with the same number where both versions number it.
        const std::string number = str(stored, "number");
        auto same_number = [&](std::vector<Xapian::Document> g) {
            std::erase_if(g, [&](const Xapian::Document& d) { return str(parse_data(d.get_data()), "number") != number; });
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

nlohmann::json to_json(const SearchResult& r) {
    nlohmann::json j;
    j["query"] = r.query;
    j["total"] = r.total;
    j["total_exact"] = r.total_exact;
    j["exact_up_to"] = r.exact_up_to;
    j["offset"] = r.offset;
    j["limit"] = r.limit;
    if (r.time_limit_reached) j["time_limit_reached"] = true;
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
            groups.push_back({{"document", document_json(g.document)}, {"score", g.score}, {"hits", g.hit_ids}});
    }
    return j;
}

nlohmann::json to_json(const ParagraphView& p) {
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& [marker, text] : p.footnotes) notes.push_back({{"marker", marker}, {"text", text}});
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
            {"document", document_json(p.document)}};
}

nlohmann::json to_json(const DocumentView& d) {
    nlohmann::json paras = nlohmann::json::array();
    for (const auto& p : d.paragraphs) {
        nlohmann::json pj = to_json(p);
        pj.erase("document");
        paras.push_back(std::move(pj));
    }
    return {{"document", document_json(d.document)}, {"paragraphs", paras}};
}

namespace {

void references_text(std::ostringstream& out, const std::string& indent,
                     const std::vector<std::pair<const char*, const std::vector<std::string>*>>& lists) {
    std::vector<std::string> parts;
    for (const auto& [name, list] : lists)
        if (!list->empty()) parts.push_back(std::string(name) + ": " + join(*list, ", "));
    if (!parts.empty()) out << indent << join(parts, " · ") << '\n';
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
            out << "no " << what << " match" << (r.query.empty() ? "" : " \"" + r.query + "\"") << '\n';
        else if (r.limit == 0)
            out << count_line(r) << '\n';
        else
            out << count_line(r) << "; none from " << r.offset + 1 << " on\n";
    } else {
        const std::size_t shown = r.grouped ? r.groups.size() : r.hits.size();
        out << count_line(r) << "; showing " << r.offset + 1 << "–" << r.offset + shown << '\n';
    }
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
        if (with_doc && !h.document.title.empty()) out << indent << "   " << h.document.title << '\n';
        if (!h.headings.empty()) out << indent << "   " << dim << join(h.headings, " › ") << reset << '\n';
        out << indent << "   " << render_terminal(h.snippet, style.color) << '\n';
        if (!h.aligned_id.empty())
            out << indent << "   " << dim << h.aligned_lang << " " << h.aligned_id << reset << "  " << h.aligned_text << '\n';
        references_text(out, indent + "   ",
                        {{"resolutions", &h.resolutions}, {"decisions", &h.decisions},
                         {"symbols", &h.symbols}, {"countries", &h.countries}});
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
    if (!p.headings.empty()) out << join(p.headings, " › ") << '\n';
    out << '\n' << p.text << '\n';
    if (!p.footnotes.empty()) {
        out << '\n';
        for (const auto& [marker, text] : p.footnotes) out << "  [" << marker << "] " << text << '\n';
    }
    std::vector<std::string> sessions;
    for (int s : p.sessions) sessions.push_back(std::to_string(s));
    out << '\n';
    references_text(out, "", {{"resolutions", &p.resolutions}, {"decisions", &p.decisions},
                              {"symbols", &p.symbols}, {"countries", &p.countries},
                              {"demonyms", &p.demonyms}, {"sessions", &sessions}});
    return out.str();
}

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
            out << '\n' << bold << join(p.headings, " › ") << reset << '\n';
        last_headings = p.headings;
        out << '\n' << dim << p.id << reset << "  " << (p.number.empty() ? "" : p.number + ". ") << p.text << '\n';
        for (const auto& [marker, text] : p.footnotes) out << "    [" << marker << "] " << text << '\n';
    }
    return out.str();
}

namespace {
std::string escape_html(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}
}  // namespace

std::string to_html(const SearchResult& r) {
    std::ostringstream out;
    out << "<p class=\"plenary-total\">" << escape_html(count_line(r)) << "</p>\n<ol class=\"plenary-hits\" start=\""
        << r.offset + 1 << "\">\n";
    for (const Hit& h : r.hits) {
        out << "<li id=\"" << escape_html(h.id) << "\"><p class=\"plenary-doc\">"
            << escape_html(document_line(h.document));
        if (!h.paragraph.empty()) out << " ¶ " << escape_html(h.paragraph);
        out << "</p>";
        if (!h.headings.empty()) out << "<p class=\"plenary-headings\">" << escape_html(join(h.headings, " › ")) << "</p>";
        out << "<p class=\"plenary-snippet\">" << render_html(h.snippet) << "</p></li>\n";
    }
    out << "</ol>\n";
    return out.str();
}

}  // namespace plenary
