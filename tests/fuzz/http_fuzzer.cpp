// HTTP request handling of `plenary-search serve`: raw request bytes parsed by cpp-httplib's
// own request reader (Server::process_request, as on a socket), then the service's
// search_request() (the query string to a SearchRequest: parameter names, UTF-8, numbers and
// their ranges, lengths), then a search of the database of corpus/ rendered as JSON.
//
// search_request() and the Worker live in searcher/server.cpp's anonymous namespace, not in a
// library, so this file compiles server.cpp itself in: the function fuzzed is the one the
// service runs. serve() sets its routing up inside one function; the part for /api/search is
// repeated below (method check, path UTF-8 check, answer() and its mapping of errors to
// statuses). A 500 ("internal error") is a finding: it means an exception no one expected.
// cpp-httplib is Debian's library, not instrumented: coverage guides through Plenary's part.
#include <cstdlib>

#include "../../searcher/server.cpp"  // NOLINT: see above
#include "fuzz_common.h"
#include "fuzz_db.h"

namespace plenary {
// The page and API description are not served here; searcher/embedded.cpp is generated.
const std::string& embedded_index_html() {
    static const std::string page;
    return page;
}
const std::string& embedded_openapi_json() {
    static const std::string api;
    return api;
}
}  // namespace plenary

namespace {

/// A connection whose bytes are the fuzz input; what the server writes is counted, not kept.
class FuzzedStream : public httplib::Stream {
  public:
    explicit FuzzedStream(std::string_view input) : m_input(input) {}
    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        const std::size_t n = std::min(size, m_input.size());
        std::memcpy(ptr, m_input.data(), n);
        m_input.remove_prefix(n);
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char*, size_t size) override { return static_cast<ssize_t>(size); }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1", port = 40000;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1", port = 8080;
    }
    socket_t socket() const override { return INVALID_SOCKET; }

  private:
    std::string_view m_input;
};

/// The service's server, routing /api/search as serve() does, one request per call.
class FuzzServer : public httplib::Server {
  public:
    FuzzServer() : m_worker({plenary::fuzz::corpus_database()}, 1, 5.0) {
        set_payload_max_length(64 * 1024);
        set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            return route(req, res);
        });
    }

    /// Handles the request in input; returns the status answered (0 when none was).
    int handle(std::string_view input) {
        FuzzedStream stream(input);
        bool closed = false;
        m_status = 0;
        process_request(stream, true, closed, nullptr);
        return m_status;
    }

  private:
    plenary::WorkerPool m_worker;  // one Worker, lent to each request
    int m_status = 0;

    httplib::Server::HandlerResponse route(const httplib::Request& req, httplib::Response& res) {
        using plenary::HttpError;
        res.set_header("X-Content-Type-Options", "nosniff");
        if (req.method != "GET" && req.method != "HEAD") {
            plenary::send_error(res, 405, "only GET is served (the service is read-only)");
        } else {
            try {
                if (!plenary::check_utf8(req.path))
                    throw HttpError{400, "the path is not valid UTF-8"};
                if (req.path != "/api/search") throw HttpError{404, "no such endpoint"};
                plenary::answer(res, m_worker, 400, [&](plenary::Worker& w) {
                    const plenary::SearchRequest r = plenary::search_request(req, 5.0);
                    return plenary::json_text(plenary::to_json(w.searcher().search(r)));
                });
            } catch (const HttpError& e) {
                plenary::send_error(res, e.status, e.message);
            }
        }
        m_status = res.status;
        return httplib::Server::HandlerResponse::Handled;
    }
};

}  // namespace

PLENARY_FUZZ_TARGET(http) {
    static FuzzServer* server = [] {
        auto* s = new FuzzServer;  // lives as long as the process: background work may use it
        std::atexit([] { plenary::Searcher::wait_for_background_work(); });
        return s;
    }();
    const int status = server->handle(plenary::fuzz::bytes_of(data, size));
    static const bool verbose = std::getenv("PLENARY_FUZZ_VERBOSE") != nullptr;
    if (verbose) std::fprintf(stderr, "http: status %d\n", status);
    if (status >= 500 && status != 503)
        plenary::fuzz::finding("the service answered an internal error");
    return 0;
}
