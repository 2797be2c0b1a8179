#include "server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <thread>

#include "base/error.h"
#include "base/exit_codes.h"
#include "base/text_util.h"
#include "connection_guard.h"
#include "embedded.h"
#include "model/index_format.h"
#include "model/schema.h"
#include "search/report.h"
#include "search/search.h"

namespace plenary {

namespace {

/// A request that cannot be answered: becomes {"error": {"status", "message"}}.
struct HttpError {
    int status;
    std::string message;
};

const char* const kSearchParams[] = {"q",           "facet",          "filter", "offset",
                                     "limit",       "sort",           "group",  "per_document",
                                     "facet_limit", "snippet_length", "lang",   "in_lang",
                                     "facet_order", "exact_up_to",    "partial"};

std::string param_list() {
    std::string out;
    for (const char* p : kSearchParams) out += (out.empty() ? "" : ", ") + std::string(p);
    return out;
}

constexpr const char* kJsonType = "application/json; charset=utf-8";

void send_json(httplib::Response& res, int status, const std::string& body,
               const char* content_type = kJsonType) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, content_type);
}

void send_error(httplib::Response& res, int status, const std::string& message) {
    const nlohmann::json j = {{"error", {{"status", status}, {"message", message}}}};
    send_json(res, status, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void require_utf8(const std::string& value, const std::string& what) {
    if (!check_utf8(value)) throw HttpError{400, what + " is not valid UTF-8"};
}

/// A whole number in [low, high], or 400 naming the parameter and the range.
std::size_t number_param(const std::string& name, const std::string& value, std::size_t low,
                         std::size_t high) {
    std::size_t n = 0;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, n);
    if (value.empty() || ec != std::errc() || ptr != end || n < low || n > high)
        throw HttpError{400, name + " must be a whole number from " + std::to_string(low) + " to " +
                                 std::to_string(high)};
    return n;
}

/// The CLI's options, from the query string; anything unknown or malformed is a 400.
SearchRequest search_request(const httplib::Request& req, double time_limit) {
    for (const auto& [key, value] : req.params) {
        require_utf8(key, "a parameter name");
        if (std::find(std::begin(kSearchParams), std::end(kSearchParams), key) ==
            std::end(kSearchParams))
            throw HttpError{400, "unknown parameter '" + key + "' (" + param_list() + ")"};
        require_utf8(value, "parameter '" + key + "'");
        if (key != "facet" && key != "filter" && req.get_param_value_count(key) > 1)
            throw HttpError{400, "parameter '" + key + "' given more than once"};
    }
    SearchRequest r;
    r.time_limit = time_limit;
    r.query = req.get_param_value("q");
    if (r.query.size() > kMaxQueryBytes)
        throw HttpError{400, "query is longer than " + std::to_string(kMaxQueryBytes) + " bytes"};
    for (std::size_t i = 0, n = req.get_param_value_count("filter"); i < n; ++i)
        r.filters.push_back(req.get_param_value("filter", i));
    for (std::size_t i = 0, n = req.get_param_value_count("facet"); i < n; ++i)
        r.facets.push_back(req.get_param_value("facet", i));
    if (r.filters.size() > 50 || r.facets.size() > 50)
        throw HttpError{400, "at most 50 filters and 50 facets"};
    for (const auto& f : r.filters)
        if (f.size() > kMaxQueryBytes)
            throw HttpError{400,
                            "filter is longer than " + std::to_string(kMaxQueryBytes) + " bytes"};
    if (req.has_param("offset"))
        r.offset = number_param("offset", req.get_param_value("offset"), 0, 100000);
    if (req.has_param("limit"))
        r.limit = number_param("limit", req.get_param_value("limit"), 0, kMaxLimit);
    if (req.has_param("exact_up_to"))
        r.exact_up_to = number_param("exact_up_to", req.get_param_value("exact_up_to"), 0, 1000000);
    if (req.has_param("facet_limit"))
        r.facet_limit = number_param("facet_limit", req.get_param_value("facet_limit"), 0, 1000);
    if (req.has_param("per_document"))
        r.per_document = number_param("per_document", req.get_param_value("per_document"), 1, 20);
    if (req.has_param("snippet_length"))
        r.snippet_length =
            number_param("snippet_length", req.get_param_value("snippet_length"), 1, 2000);
    if (req.has_param("sort")) r.sort = req.get_param_value("sort");
    if (req.has_param("lang")) r.lang = req.get_param_value("lang");
    if (req.has_param("partial")) {
        const std::string p = req.get_param_value("partial");
        if (p != "true" && p != "false")
            throw HttpError{400, "partial must be true or false, not '" + p.substr(0, 50) + "'"};
        r.partial = p == "true";
    }
    if (req.has_param("in_lang")) r.in_lang = req.get_param_value("in_lang");
    if (req.has_param("facet_order")) r.facet_order = req.get_param_value("facet_order");
    if (req.has_param("group")) {
        const std::string g = req.get_param_value("group");
        if (g != "document" && !g.empty())
            throw HttpError{400, "unknown grouping '" + g + "' (document)"};
        r.group_by_document = g == "document";
    }
    if (trim(r.query).empty() && r.filters.empty())
        throw HttpError{400, "no query (give q, or filter)"};
    return r;
}

/// One worker thread's view of the databases: a Searcher, rebuilt when an indexer commits.
class Worker {
  public:
    explicit Worker(std::vector<std::string> paths) : m_paths(std::move(paths)) {}

    /// The Searcher at the newest committed revision; DatabaseError when a database is unusable.
    Searcher& searcher() {
        if (m_searcher && !changed()) return *m_searcher;
        m_searcher.reset();
        m_watch.clear();
        m_revisions.clear();
        m_versions.clear();
        // Watchers first: the Searcher opened after them is never older than what they saw.
        try {
            for (const auto& p : m_paths) {
                m_versions.push_back(version_file_of(p));
                // A stub's parts (some remote) have a revision each: they are watched merged,
                // and reopen() says when any has changed.
                m_watch.push_back(is_stub_file(p) ? open_stub(p) : Xapian::Database(p));
                m_revisions.push_back(is_stub_file(p) ? 0 : m_watch.back().get_revision());
            }
        } catch (const Xapian::Error&) {
            m_watch.clear();
            m_revisions.clear();
            m_versions.clear();
        } catch (const DatabaseError&) {  // a shard down: the Searcher says which
            m_watch.clear();
            m_revisions.clear();
            m_versions.clear();
        }
        // Shards that are down are left out, for requests that ask for a partial answer; any
        // other request fails naming them (Searcher::require_every_part).
        m_searcher.emplace(m_paths, true);
        return *m_searcher;
    }

    /// Counts for /api/health, read from the same revision the Searcher uses.
    nlohmann::json health() {
        searcher().require_every_part();
        const Schema& schema = Schema::instance();
        const std::string file_prefix = schema.field("file").prefix;
        nlohmann::json parts = nlohmann::json::array();
        Xapian::rev revision = 0;
        std::size_t documents = 0, paragraphs = 0;
        try {
            for (std::size_t i = 0; i < m_watch.size(); ++i) {
                std::size_t docs = 0;
                for (auto t = m_watch[i].allterms_begin(file_prefix);
                     t != m_watch[i].allterms_end(file_prefix); ++t)
                    ++docs;
                const std::size_t paras = m_watch[i].get_doccount();
                nlohmann::json part = {
                    {"path", m_paths[i]}, {"documents", docs}, {"paragraphs", paras}};
                // A stub's parts (some remote) have a revision each, and none in all.
                if (!is_stub_file(m_paths[i])) part["revision"] = m_revisions[i];
                parts.push_back(std::move(part));
                revision += m_revisions[i];
                documents += docs;
                paragraphs += paras;
            }
        } catch (const Xapian::Error& e) {
            m_searcher.reset();
            throw DatabaseError("cannot read the database: " + e.get_description());
        }
        return {{"status", "ok"},
                {"revision", revision},
                {"documents", documents},
                {"paragraphs", paragraphs},
                {"databases", parts}};
    }

    /// Forgets the Searcher, so that the next request opens the databases afresh.
    void reset() { m_searcher.reset(); }

  private:
    std::vector<std::string> m_paths;
    std::optional<Searcher> m_searcher;
    std::vector<Xapian::Database> m_watch;  // one per path, reopened to notice commits
    std::vector<Xapian::rev> m_revisions;
    std::vector<std::pair<dev_t, ino_t>> m_versions;  // of each database's iamglass

    /// The identity of a glass database's version file, which every commit replaces (and so
    /// does a merge that puts a new database folder in place, whose revision may be the old
    /// one's); {0, 0} where there is none (a stub file).
    static std::pair<dev_t, ino_t> version_file_of(const std::string& path) {
        struct stat st {};
        if (::stat((path + "/iamglass").c_str(), &st) != 0) return {0, 0};
        return {st.st_dev, st.st_ino};
    }

    /// Every part of a stub file, merged.
    static Xapian::Database open_stub(const std::string& path) {
        Xapian::Database all;
        for (const DatabasePart& part : database_parts(path)) all.add_database(open_part(part));
        return all;
    }

    bool changed() {
        // A shard left out may be back: every request tries it again.
        if (m_watch.size() != m_paths.size() || !m_searcher->failed_shards().empty()) return true;
        try {
            bool any = false;
            for (std::size_t i = 0; i < m_watch.size(); ++i) {
                if (version_file_of(m_paths[i]) != m_versions[i]) return true;
                if (is_stub_file(m_paths[i])) {
                    if (m_watch[i].reopen()) return true;
                    continue;
                }
                m_watch[i].reopen();
                if (m_watch[i].get_revision() != m_revisions[i]) any = true;
            }
            return any;
        } catch (const Xapian::Error&) {
            return true;
        }
    }
};

std::string json_text(const nlohmann::json& j) {
    return j.dump(2) + "\n";
}

/// True when every '%' in a raw request target starts a %XX escape (httplib keeps bad ones
/// as they are, so "%zz" would silently become part of a query).
bool percent_encoding_ok(std::string_view target) {
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = target.find('%'); i != std::string_view::npos; i = target.find('%', i + 1))
        if (i + 2 >= target.size() || !hex(target[i + 1]) || !hex(target[i + 2])) return false;
    return true;
}

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", s);
    return buf;
}

/// The search workers: --threads Workers, each lent to one request at a time in the order the
/// requests asked, so that the many connection threads never open more Searchers than that and
/// a request waits its turn behind at most --threads others.
class WorkerPool {
  public:
    WorkerPool(const std::vector<std::string>& paths, std::size_t n, double wait_seconds)
        : m_wait(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(wait_seconds))) {
        for (std::size_t i = 0; i < n; ++i) m_all.push_back(std::make_unique<Worker>(paths));
        for (auto& w : m_all) m_free.push_back(w.get());
    }

    /// A Worker for one request; empty when none came free within the wait.
    class Lease {
      public:
        explicit Lease(WorkerPool& pool) : m_pool(pool), m_worker(pool.take()) {}
        ~Lease() {
            if (m_worker) m_pool.give_back(m_worker);
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        explicit operator bool() const { return m_worker != nullptr; }
        Worker& operator*() const { return *m_worker; }

      private:
        WorkerPool& m_pool;
        Worker* m_worker;
    };

    std::size_t size() const { return m_all.size(); }
    double wait_seconds() const { return std::chrono::duration<double>(m_wait).count(); }

  private:
    Worker* take() {
        std::unique_lock<std::mutex> lock(m_mutex);
        const std::uint64_t ticket = m_next_ticket++;
        m_queue.push_back(ticket);
        const bool got = m_cv.wait_for(
            lock, m_wait, [&] { return !m_free.empty() && m_queue.front() == ticket; });
        m_queue.erase(std::find(m_queue.begin(), m_queue.end(), ticket));
        Worker* w = nullptr;
        if (got) {
            w = m_free.back();
            m_free.pop_back();
        }
        lock.unlock();
        m_cv.notify_all();  // the next in line may now be at the front
        return w;
    }

    void give_back(Worker* w) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_free.push_back(w);
        }
        m_cv.notify_all();
    }

    std::chrono::steady_clock::duration m_wait;
    std::vector<std::unique_ptr<Worker>> m_all;
    std::vector<Worker*> m_free;
    std::deque<std::uint64_t> m_queue;  // tickets of waiting requests, first come first served
    std::uint64_t m_next_ticket = 0;
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

/// Runs body against a Worker lent by the pool, mapping errors to statuses (always JSON); what
/// body returns is sent as content_type.
template <class F>
void answer(httplib::Response& res, WorkerPool& pool, int not_found_status, F&& body,
            const char* content_type = kJsonType) {
    const WorkerPool::Lease lease(pool);
    if (!lease) {
        res.set_header("Retry-After", "1");
        send_error(res, 503,
                   "all " + std::to_string(pool.size()) + " search threads stayed busy for " +
                       seconds_text(pool.wait_seconds()) + " s; retry shortly");
        return;
    }
    Worker& worker = *lease;
    try {
        send_json(res, 200, body(worker), content_type);
    } catch (const HttpError& e) {
        send_error(res, e.status, e.message);
    } catch (const QueryError& e) {
        send_error(res, not_found_status, e.what());
    } catch (const DatabaseError& e) {
        worker.reset();
        send_error(res, 503, e.what());
    } catch (const Xapian::Error& e) {
        worker.reset();
        send_error(res, 503, "cannot read the database: " + e.get_description());
    } catch (const std::exception& e) {
        send_error(res, 500, std::string("internal error: ") + e.what());
    }
}

/// The path as the access log shows it: control bytes replaced, long ones cut.
std::string loggable(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 300))
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    if (s.size() > 300) out += "...";
    return out;
}

thread_local std::chrono::steady_clock::time_point t_request_start;

/// Byte ranges are not served: a Range header is ignored (RFC 9110 allows that), so that one
/// request cannot ask for its answer a thousand times over in one multipart body.
void no_ranges(const httplib::Request& req, httplib::Response& res) {
    // httplib parsed the ranges into a request it owns and passes on as const; emptying them is
    // the only way to keep it from applying them.
    const_cast<httplib::Request&>(req).ranges.clear();
    if (!res.has_header("Accept-Ranges")) res.set_header("Accept-Ranges", "none");
}

const char* kPageSecurityPolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src "
    "'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Why binding failed, asked of the system with a socket of our own.
std::string bind_problem(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
        return gai_strerror(rc);
    std::string why = "cannot bind";
    for (addrinfo* a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0) continue;
        const int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1) != 0)
            why = std::strerror(errno);
        ::close(fd);
    }
    freeaddrinfo(found);
    if (why == std::strerror(EADDRINUSE))
        why = "address already in use (is another plenary-search serve running?)";
    return why;
}

/// One request as a route's handler sees it.
struct Exchange {
    const httplib::Request& req;
    httplib::Response& res;
    WorkerPool& workers;
    double time_limit;
};

void page(Exchange& x, const std::string&) {
    x.res.set_header("Content-Security-Policy", kPageSecurityPolicy);
    x.res.set_header("Cache-Control", "no-cache");
    x.res.set_content(embedded_index_html(), "text/html; charset=utf-8");
}

void openapi(Exchange& x, const std::string&) {
    x.res.set_content(embedded_openapi_json(), "application/json; charset=utf-8");
}

void health(Exchange& x, const std::string&) {
    answer(x.res, x.workers, 404, [](Worker& w) { return json_text(w.health()); });
}

void search(Exchange& x, const std::string&) {
    // A bad request is answered at once, not after waiting for a free Worker.
    const SearchRequest r = search_request(x.req, x.time_limit);
    answer(x.res, x.workers, 400,
           [&](Worker& w) { return json_text(to_json(w.searcher().search(r))); });
}

void paragraph(Exchange& x, const std::string& id) {
    if (id.size() > 200)
        throw HttpError{404, "no paragraph with id '" + id.substr(0, 200) + "...'"};
    answer(x.res, x.workers, 404,
           [&](Worker& w) { return json_text(to_json(w.searcher().show(id))); });
}

void document(Exchange& x, const std::string& what) {
    if (what.size() > 200)
        throw HttpError{404, "no document '" + what.substr(0, 200) + "...' in the database"};
    answer(x.res, x.workers, 404, [&](Worker& w) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& d : w.searcher().show_document(what)) j.push_back(to_json(d));
        return json_text(j);
    });
}

/// A report's page: its own styles and inline chart, nothing fetched, nothing run.
const char* kReportSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

/// The content type each report format is served as.
const char* report_content_type(const std::string& format) {
    if (format == "html") return "text/html; charset=utf-8";
    if (format == "markdown") return "text/markdown; charset=utf-8";
    if (format == "csv") return "text/csv; charset=utf-8";
    if (format == "graphml") return "application/graphml+xml; charset=utf-8";
    return kJsonType;
}

/// A report's kind, query, filters and format from the path and query string; 404 for an
/// unknown kind, 400 for anything else malformed.
ReportRequest report_request(const httplib::Request& req, const std::string& kind,
                             std::string& format) {
    const auto& kinds = report_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
        throw HttpError{404, "no report '" + kind.substr(0, 200) +
                                 "' (citations, speeches, documents, countries, subjects)"};
    for (const auto& [key, value] : req.params) {
        require_utf8(key, "a parameter name");
        if (key != "q" && key != "filter" && key != "format" && key != "by")
            throw HttpError{400, "unknown parameter '" + key + "' (q, filter, format, by)"};
        require_utf8(value, "parameter '" + key + "'");
        if (key != "filter" && req.get_param_value_count(key) > 1)
            throw HttpError{400, "parameter '" + key + "' given more than once"};
    }
    format = req.has_param("format") ? req.get_param_value("format") : "json";
    const auto& formats = report_formats();
    if (std::find(formats.begin(), formats.end(), format) == formats.end())
        throw HttpError{400, "unknown report format '" + format.substr(0, 200) +
                                 "' (html, markdown, csv, json, graphml)"};
    if (format == "graphml" && kind != "citations")
        throw HttpError{400, "format graphml is for the citations report"};
    ReportRequest r;
    r.kind = kind;
    if (req.has_param("by")) {
        r.by = req.get_param_value("by");
        if (kind != "speeches" || (r.by != "country" && r.by != "subject"))
            throw HttpError{400, "by is for the speeches report: country or subject"};
    }
    r.query = req.get_param_value("q");
    for (std::size_t i = 0, n = req.get_param_value_count("filter"); i < n; ++i)
        r.filters.push_back(req.get_param_value("filter", i));
    if (r.query.size() > kMaxQueryBytes)
        throw HttpError{400, "query is longer than " + std::to_string(kMaxQueryBytes) + " bytes"};
    if (r.filters.size() > 50) throw HttpError{400, "at most 50 filters"};
    // As for a search: the whole index is a report for the command line, not for the service.
    if (trim(r.query).empty() && r.filters.empty())
        throw HttpError{400, "no query (give q, or filter)"};
    return r;
}

/// The CLI's `plenary-search report KIND`, over the same query and filters as a search; the
/// HTML links each paragraph to this service's page.
void report(Exchange& x, const std::string& kind) {
    std::string format;
    const ReportRequest r = report_request(x.req, kind, format);
    if (format == "html") x.res.set_header("Content-Security-Policy", kReportSecurityPolicy);
    if (format != "html" && format != "json")
        x.res.set_header("Content-Disposition", "inline; filename=\"plenary-" + kind + "." +
                                                    (format == "markdown" ? "md" : format) + "\"");
    answer(
        x.res, x.workers, 400,
        [&](Worker& w) { return render_report(build_report(w.searcher(), r), format, ""); },
        report_content_type(format));
}

/// An endpoint: a path matched whole, or (with_argument) a path followed by an argument of at
/// least one byte that the handler is given.
struct Route {
    std::string_view path;
    bool with_argument;
    void (*handle)(Exchange&, const std::string& argument);
};

/// The endpoints (plain string tests, no regular expressions per request).
constexpr Route kRoutes[] = {
    {"/", false, page},
    {"/index.html", false, page},
    {"/api/openapi.json", false, openapi},
    {"/api/health", false, health},
    {"/api/search", false, search},
    {"/api/paragraph/", true, paragraph},
    {"/api/document/", true, document},
    {"/api/report/", true, report},
};

/// Answers a request from the route table: GET and HEAD only, well-formed targets only.
void route(Exchange& x) {
    const std::string& path = x.req.path;
    if (x.req.method != "GET" && x.req.method != "HEAD") {
        x.res.set_header("Allow", "GET, HEAD");
        send_error(x.res, 405, "only GET is served (the service is read-only)");
        return;
    }
    try {
        if (!percent_encoding_ok(x.req.target))
            throw HttpError{400,
                            "the request target has a '%' not followed by two hexadecimal digits"};
        if (!check_utf8(path)) throw HttpError{400, "the path is not valid UTF-8"};
        for (const Route& r : kRoutes) {
            if (!r.with_argument && path == r.path) return r.handle(x, {});
            if (r.with_argument && path.size() > r.path.size() &&
                std::string_view(path).substr(0, r.path.size()) == r.path)
                return r.handle(x, path.substr(r.path.size()));
        }
        const bool api = std::string_view(path).substr(0, 5) == "/api/";
        send_error(x.res, 404, api ? "no such endpoint (see /api/openapi.json)" : "no such path");
    } catch (const HttpError& e) {
        send_error(x.res, e.status, e.message);
    }
}

/// Signals go to one thread that stops the server; the workers never see them.
sigset_t block_stop_signals() {
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    return stop_signals;
}

/// Socket options and sizes.
void configure_sockets(GuardedServer& server) {
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second
    // instance share a busy port instead of failing.
    server.set_socket_options([](int sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // No Nagle delay: headers and body go out as separate writes, and the delayed ACK would
    // add ~40 ms to every keep-alive response.
    server.set_tcp_nodelay(true);
    server.set_payload_max_length(64 * 1024);
}

/// The access log on stderr, one line a request, and the connections refused.
void install_logging(GuardedServer& server, std::mutex& log_mutex) {
    server.set_logger([&log_mutex](const httplib::Request& req, const httplib::Response& res) {
        // Requests httplib refused before routing never set a start time.
        const bool timed = t_request_start != std::chrono::steady_clock::time_point{};
        const double ms = timed ? std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - t_request_start)
                                      .count()
                                : 0;
        t_request_start = {};
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", ms);
        std::string target = req.path;
        if (!req.params.empty()) {
            const std::size_t q = req.target.find('?');
            if (q != std::string::npos) target += req.target.substr(q);
        }
        const std::string line = (req.method.empty() ? std::string("-") : loggable(req.method)) +
                                 ' ' + (target.empty() ? std::string("-") : loggable(target)) +
                                 ' ' + std::to_string(res.status) + ' ' + buf + " ms\n";
        std::lock_guard<std::mutex> lock(log_mutex);
        std::cerr << line << std::flush;
    });
    server.set_refusal_logger([&log_mutex](const std::string& line) {
        std::lock_guard<std::mutex> lock(log_mutex);
        std::cerr << line << '\n' << std::flush;
    });
}

/// Errors httplib produces itself (request line too long, malformed request, a head too slow
/// or too large) answer in JSON too, and close the connection: what follows is not trusted.
/// Every response, httplib's own included: no sniffing, and Connection: close when closing.
void install_error_handlers(GuardedServer& server, const ConnectionLimits& limits) {
    const double header_timeout = limits.header_timeout;
    const std::size_t max_head_bytes = limits.max_head_bytes;
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [header_timeout, max_head_bytes](const httplib::Request& req, httplib::Response& res) {
            no_ranges(req, res);
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            GuardedServer::close_after_response();
            res.set_header("X-Content-Type-Options", "nosniff");
            if (const int failure = GuardedServer::head_failure(); failure == 408)
                send_error(res, 408,
                           "the request head did not arrive within " +
                               seconds_text(header_timeout) + " s");
            else if (failure == 431)
                send_error(res, 431,
                           "the request line and headers are longer than " +
                               std::to_string(max_head_bytes) + " bytes");
            else if (failure == 503)
                send_error(res, 503, "closed to make room for other connections");
            else if (res.status == 414)
                send_error(res, 400,
                           "request line too long (queries are limited to " +
                               std::to_string(kMaxQueryBytes) + " bytes)");
            else if (res.status == 404)
                send_error(res, 404, "no such path");
            else if (res.status == 416)
                send_error(res, 416, "malformed Range header (byte ranges are not served)");
            else
                send_error(res, res.status, res.status < 500 ? "bad request" : "internal error");
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            send_error(res, 500, "internal error");
        });
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.has_header("X-Content-Type-Options"))
            res.set_header("X-Content-Type-Options", "nosniff");
        if (GuardedServer::closing()) {
            res.headers.erase("Keep-Alive");
            if (res.get_header_value("Connection") != "close")
                res.set_header("Connection", "close");
        }
    });
}

/// Binds to options.host and port (any free port for 0): the port, or 0 with the reason on stderr.
int bind_server(GuardedServer& server, const ServerOptions& options) {
    int port = options.port;
    bool bound = false;
    if (port == 0) {
        port = server.bind_to_any_port(options.host);
        bound = port > 0;
    } else {
        bound = server.bind_to_port(options.host, port);
    }
    if (bound) return port;
    std::cerr << "plenary-search: cannot listen on " << options.host << ':' << options.port << ": "
              << bind_problem(options.host, options.port) << '\n';
    return 0;
}

}  // namespace

int serve(const ServerOptions& options) {
    const std::vector<std::string> paths =
        options.dbs.empty() ? std::vector<std::string>{default_db_path()} : options.dbs;
    try {
        Schema::instance();
    } catch (const std::exception& e) {
        std::cerr << "plenary-search: " << e.what() << '\n';
        return kExitFailure;
    }
    sigset_t stop_signals = block_stop_signals();
    const auto shard_ms = static_cast<unsigned>(options.shard_timeout * 1000);
    set_remote_timeouts({shard_ms, shard_ms});

    // Connections are GuardedServer's: caps in all and per client, whole-head deadlines.
    GuardedServer server(options.limits);
    const unsigned threads = std::max(1u, options.threads);
    // A request waits for a search thread at most as long as one search may take, and a second.
    WorkerPool workers(paths, threads, options.time_limit > 0 ? options.time_limit + 1 : 30);
    configure_sockets(server);
    std::mutex log_mutex;
    install_logging(server, log_mutex);
    install_error_handlers(server, options.limits);
    const double time_limit = options.time_limit;
    server.set_pre_routing_handler(
        [&workers, time_limit](const httplib::Request& req, httplib::Response& res) {
            t_request_start = std::chrono::steady_clock::now();
            GuardedServer::mark_working();
            no_ranges(req, res);
            // This service reads no bodies: bytes after the head would be taken for the next
            // request.
            if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding"))
                GuardedServer::close_after_response();
            Exchange x{req, res, workers, time_limit};
            route(x);
            return httplib::Server::HandlerResponse::Handled;
        });

    const int port = bind_server(server, options);
    if (port == 0) return kExitDatabase;
    // Connections wait in the kernel's queue only while the accepting thread hands them on.
    server.set_listen_backlog(1024);

    std::atomic<bool> stopping{false};
    std::thread signal_thread([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        stopping = true;
        server.stop();
    });
    std::string dbs;
    for (const auto& p : paths) dbs += (dbs.empty() ? "" : ", ") + p;
    std::cerr << "plenary-search: serving " << dbs << " on http://" << options.host << ':' << port
              << "/ with " << threads << " threads\n"
              << std::flush;
    const bool ok = server.listen_after_bind();
    if (!stopping) pthread_kill(signal_thread.native_handle(), SIGUSR1);
    signal_thread.join();
    Searcher::wait_for_background_work();
    std::cerr << "plenary-search: stopped\n";
    return ok || stopping ? kExitOk : kExitFailure;
}

namespace {

/// What is wrong with the numeric options, or "".
std::string limits_problem(const ServerOptions& o) {
    const ConnectionLimits& l = o.limits;
    // Sockets past 1,023 would be answered 500 by httplib (it polls with select()).
    if (l.max_connections == 0 || l.max_connections > 900)
        return "max-connections must be from 1 to 900";
    if (l.max_per_client == 0 || l.max_per_client > l.max_connections)
        return "max-per-client must be from 1 to max-connections";
    auto seconds_ok = [](double s) { return s > 0 && s <= 3600; };
    if (!seconds_ok(l.header_timeout))
        return "header-timeout must be more than 0 and at most 3600 seconds";
    if (!seconds_ok(l.keep_alive_timeout))
        return "keep-alive-timeout must be more than 0 and at most 3600 seconds";
    if (!seconds_ok(l.write_timeout))
        return "write-timeout must be more than 0 and at most 3600 seconds";
    if (l.max_head_bytes < 1024 || l.max_head_bytes > 1048576)
        return "max-header-bytes must be from 1024 to 1048576";
    if (!(o.time_limit >= 0 && o.time_limit <= 3600))
        return "time-limit must be from 0 to 3600 seconds";
    if (!(o.shard_timeout > 0 && o.shard_timeout <= 3600))
        return "shard-timeout must be more than 0 and at most 3600 seconds";
    return "";
}

}  // namespace

int serve_main(int argc, char** argv) {
    namespace po = boost::program_options;
    ServerOptions options;
    po::options_description visible("Usage: plenary-search serve [options]\nOptions");
    visible.add_options()("help,h", "show this help")(
        "db,d", po::value(&options.dbs),
        "database directory, repeatable (default: $PLENARY_DB, else "
        "~/.local/share/plenary/db)")("host", po::value(&options.host)->default_value(options.host),
                                      "address to listen on")(
        "port,p", po::value(&options.port)->default_value(options.port), "port (0: any free port)")(
        "threads", po::value(&options.threads)->default_value(options.threads),
        "searches at once, each with its own Searcher")(
        "time-limit", po::value(&options.time_limit)->default_value(options.time_limit),
        "seconds a search may spend in all (0: no limit)")(
        "shard-timeout", po::value(&options.shard_timeout)->default_value(options.shard_timeout),
        "seconds a remote shard of a stub file may take to connect or to answer")(
        "max-connections",
        po::value(&options.limits.max_connections)->default_value(options.limits.max_connections),
        "open connections in all")(
        "max-per-client",
        po::value(&options.limits.max_per_client)->default_value(options.limits.max_per_client),
        "open connections from one address")(
        "header-timeout",
        po::value(&options.limits.header_timeout)->default_value(options.limits.header_timeout),
        "seconds for a request line and headers to arrive")(
        "keep-alive-timeout",
        po::value(&options.limits.keep_alive_timeout)
            ->default_value(options.limits.keep_alive_timeout),
        "seconds an idle connection is kept")(
        "write-timeout",
        po::value(&options.limits.write_timeout)->default_value(options.limits.write_timeout),
        "seconds to send one response")(
        "max-header-bytes",
        po::value(&options.limits.max_head_bytes)->default_value(options.limits.max_head_bytes),
        "bytes of request line and headers together");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(visible).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "plenary-search serve: " << e.what() << " (see --help)\n";
        return kExitUsage;
    }
    if (vm.count("help")) {
        std::cout << visible
                  << "\nEndpoints: / (the search page), /api/search?q=..., /api/paragraph/ID,\n"
                     "/api/document/SYMBOL-OR-ID, /api/report/KIND?q=...&format=html,\n"
                     "/api/health, /api/openapi.json\n";
        return kExitOk;
    }
    if (options.port < 0 || options.port > 65535) {
        std::cerr << "plenary-search serve: port must be from 0 to 65535 (see --help)\n";
        return kExitUsage;
    }
    if (options.threads == 0 || options.threads > 256) {
        std::cerr << "plenary-search serve: threads must be from 1 to 256 (see --help)\n";
        return kExitUsage;
    }
    if (const std::string bad = limits_problem(options); !bad.empty()) {
        std::cerr << "plenary-search serve: " << bad << " (see --help)\n";
        return kExitUsage;
    }
    return serve(options);
}

}  // namespace plenary
