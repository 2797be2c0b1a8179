// `plenary-search serve` under hostile clients, on loopback: slow request heads, many idle
// connections, a thousand byte ranges, malformed requests, searches past --time-limit. Normal
// requests come from 127.0.0.1; hostile ones from other loopback addresses (127.0.0.2, 127.0.1.x).
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "integration/test_support.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

using test::kIndex;
using test::slurp;
using Server = test::ServerProcess;

double since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

int run(const std::string& cmd) {
    return std::system((cmd + " >/dev/null 2>&1").c_str());
}

/// A TCP connection to the server from local address `from` (any 127.x.y.z), or -1.
int connect_from(const std::string& from, int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, from.c_str(), &a.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

/// What came back on a raw connection: the bytes, and whether the server closed it in time.
struct Reply {
    std::string raw;
    bool closed = false;
    double seconds = 0;  // until the server closed, or the wait ended

    int status() const { return raw.size() > 12 ? std::atoi(raw.substr(9, 3).c_str()) : 0; }
    std::string head() const { return raw.substr(0, raw.find("\r\n\r\n")); }
    std::string body() const {
        const std::size_t p = raw.find("\r\n\r\n");
        return p == std::string::npos ? "" : raw.substr(p + 4);
    }
    /// True when the head holds exactly this header line.
    bool has_header(const std::string& line) const {
        return (head() + "\r\n").find("\r\n" + line + "\r\n") != std::string::npos;
    }
};

/// True when `raw` holds a whole answer: its head and the Content-Length bytes after it.
bool complete(const std::string& raw) {
    const std::size_t end = raw.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const std::string head = raw.substr(0, end);
    const std::size_t at = head.find("\r\nContent-Length: ");
    const std::size_t length =
        at == std::string::npos ? 0 : std::strtoul(head.c_str() + at + 18, nullptr, 10);
    return raw.size() >= end + 4 + length;
}

/// Reads until the server closes the connection or `wait` seconds pass (with wait 0, takes
/// what has already arrived), or, unless `until_close`, until a whole answer is in.
Reply read_reply(int fd, double wait, bool until_close = true) {
    Reply r;
    const auto start = Clock::now();
    char buf[65536];
    for (;;) {
        const int left = std::max(0, static_cast<int>((wait - since(start)) * 1000));
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, left) <= 0) break;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            r.closed = true;
            break;
        }
        r.raw.append(buf, static_cast<std::size_t>(n));
        if (!until_close && complete(r.raw)) break;
    }
    r.seconds = since(start);
    return r;
}

/// Sends raw bytes from 127.0.0.1 and reads the answer (see read_reply).
Reply exchange(int port, const std::string& request, double wait = 5, bool until_close = true) {
    const int fd = connect_from("127.0.0.1", port);
    if (fd < 0) return {};
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    Reply r = read_reply(fd, wait, until_close);
    ::close(fd);
    return r;
}

/// Seconds a normal search from 127.0.0.1 takes (status in *status), at most a 10 s wait.
double timed_search(int port, int* status) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(10);
    c.set_read_timeout(10);
    const auto start = Clock::now();
    const auto r = c.Get("/api/search?q=trafficking&limit=5");
    *status = r ? r->status : -1;
    return since(start);
}

/// What came back on each of `fds` (which stay open) once at least `want` of them were closed by
/// the server, or after 3 s. Reads only what has arrived: connections left open cost nothing.
std::vector<Reply> await_closed(const std::vector<int>& fds, std::size_t want) {
    std::vector<Reply> replies(fds.size());
    const auto start = Clock::now();
    for (;;) {
        std::size_t closed = 0;
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (!replies[i].closed) {
                const Reply more = read_reply(fds[i], 0);
                replies[i].raw += more.raw;
                replies[i].closed = more.closed;
            }
            closed += replies[i].closed;
        }
        if (closed >= want || since(start) >= 3) return replies;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

class ServerHostileTest : public ::testing::Test {
  protected:
    static inline fs::path dir, db;
    static inline Server* server = nullptr;

    static void SetUpTestSuite() {
        dir = fs::temp_directory_path() / ("plenary-hostile-" + std::to_string(::getpid()));
        db = dir / "db";
        fs::create_directories(dir);
        ASSERT_EQ(run(kIndex + " --db '" + db.string() + "' '" + PLENARY_SOURCE_DIR + "/corpus'"),
                  0);
        // Small limits, so that each test sees them within seconds; the timeouts are twice the
        // 2.5 s a test allows a request that must not wait for them, so that a slow machine
        // does not pass for a request that waited.
        server = new Server(
            {"--db", db.string(), "--threads", "2", "--max-connections", "64", "--max-per-client",
             "16", "--header-timeout", "5", "--keep-alive-timeout", "5"},
            dir / "server.log");
        ASSERT_TRUE(server->wait_ready()) << slurp(dir / "server.log");
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
        fs::remove_all(dir);
    }
    void TearDown() override { EXPECT_TRUE(server->alive()) << slurp(dir / "server.log"); }
};

TEST_F(ServerHostileTest, SlowRequestHeadsDoNotHoldBackOthersAndEndIn408) {
    // Twelve clients (more than --threads and than httplib's old pool) send a header line every
    // 0.4 s, for longer than --header-timeout, and never finish their request.
    std::vector<int> slow;
    for (int i = 0; i < 12; ++i) {
        const int fd = connect_from("127.0.0.2", server->port);
        ASSERT_GE(fd, 0);
        ::send(fd, "GET /api/health HTTP/1.1\r\n", 26, MSG_NOSIGNAL);
        slow.push_back(fd);
    }
    std::atomic<bool> done{false};
    std::thread drip([&] {
        for (int round = 0; round < 25 && !done; ++round) {
            for (int fd : slow) ::send(fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL);
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    for (int i = 0; i < 5; ++i) {
        int status = 0;
        const double seconds = timed_search(server->port, &status);
        EXPECT_EQ(status, 200);
        EXPECT_LT(seconds, 2.5) << "a normal request waited behind slow clients";
    }
    // Each slow head is cut at --header-timeout (5 s) with a 408 in JSON, and closed.
    for (int fd : slow) {
        const Reply r = read_reply(fd, 8);
        EXPECT_TRUE(r.closed);
        EXPECT_EQ(r.status(), 408) << r.raw;
        EXPECT_EQ(json::parse(r.body(), nullptr, false)["error"]["message"],
                  "the request head did not arrive within 5 s");
        ::close(fd);
    }
    done = true;
    drip.join();
}

TEST_F(ServerHostileTest, IdleConnectionsFromOneClientAreCappedAt429) {
    std::vector<int> idle;
    for (int i = 0; i < 300; ++i) {
        const int fd = connect_from("127.0.0.2", server->port);
        if (fd >= 0) idle.push_back(fd);
    }
    ASSERT_EQ(idle.size(), 300u);
    int status = 0;
    const double seconds = timed_search(server->port, &status);
    EXPECT_EQ(status, 200);
    EXPECT_LT(seconds, 2.5) << "a normal request waited behind idle connections";
    // At most --max-per-client (16) stay open; the rest are counted as they are accepted, before
    // any thread serves them, and turned away at once with 429, however busy the machine.
    const std::vector<Reply> replies = await_closed(idle, 300u - 16u);
    std::size_t closed = 0, per_client = 0;
    for (const Reply& r : replies) {
        if (!r.closed) continue;
        ++closed;
        EXPECT_EQ(r.status(), 429) << r.head();
        per_client += r.status() == 429;
        const json j = json::parse(r.body(), nullptr, false);
        EXPECT_EQ(j["error"]["status"], 429);
        EXPECT_EQ(j["error"]["message"],
                  "too many connections from 127.0.0.2 (at most 16 at once)");
        EXPECT_TRUE(r.has_header("X-Content-Type-Options: nosniff")) << r.head();
    }
    EXPECT_EQ(closed, 300u - 16u);
    EXPECT_EQ(per_client, 300u - 16u);
    for (int fd : idle) ::close(fd);
}

TEST_F(ServerHostileTest, IdleConnectionsFromManyClientsMakeRoomForNewOnes) {
    // 100 addresses, one idle connection each, over --max-connections (64): the longest idle are
    // closed to make room, and a normal request is served at once.
    std::vector<int> idle;
    for (int i = 1; i <= 100; ++i) {
        const int fd = connect_from("127.0.1." + std::to_string(i), server->port);
        if (fd >= 0) idle.push_back(fd);
    }
    ASSERT_EQ(idle.size(), 100u);
    // The server accepts them all and closes the longest idle (3 s at most, under
    // --header-timeout).
    await_closed(idle, 100u - 64u);
    for (int i = 0; i < 3; ++i) {
        int status = 0;
        const double seconds = timed_search(server->port, &status);
        EXPECT_EQ(status, 200);
        EXPECT_LT(seconds, 2.5) << "a normal request waited behind idle connections";
    }
    std::size_t closed_early = 0;
    for (const Reply& r : await_closed(idle, 100u - 64u)) closed_early += r.closed;
    EXPECT_GE(closed_early, 100u - 64u);
    for (int fd : idle) ::close(fd);
}

TEST_F(ServerHostileTest, ByteRangesAreIgnored) {
    const std::string path = "/api/search?q=trafficking&limit=100";
    httplib::Client c("127.0.0.1", server->port);
    const auto whole = c.Get(path.c_str());
    ASSERT_TRUE(whole);
    ASSERT_EQ(whole->status, 200);
    std::string many = "bytes=0-";
    for (int i = 0; i < 999; ++i) many += ",0-";
    for (const std::string& range : {many, std::string("bytes=0-10"), std::string("bytes=5-")}) {
        const auto r = c.Get(path.c_str(), {{"Range", range}});
        ASSERT_TRUE(r) << range.substr(0, 20);
        EXPECT_EQ(r->status, 200) << range.substr(0, 20);
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
        EXPECT_EQ(r->get_header_value("Accept-Ranges"), "none");
        EXPECT_EQ(r->body, whole->body) << "the whole answer, once";
    }
}

TEST_F(ServerHostileTest, MalformedRequestsGetJsonWithNosniffAndAClosedConnection) {
    struct Row {
        std::string name;
        std::string request;
        int status;
        std::string message;
    };
    std::string many_headers = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 10000; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
    const std::vector<Row> rows = {
        {"8 KB request line",
         "GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 400,
         "request line too long (queries are limited to 2000 bytes)"},
        {"bad method", "FROB /api/health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad request"},
        {"no version", "GET /api/health\r\n\r\n", 400, "bad request"},
        {"20 KB header",
         "GET /api/health HTTP/1.1\r\nX-Big: " + std::string(20000, 'b') + "\r\n\r\n", 431,
         "the request line and headers are longer than 16384 bytes"},
        {"10,000 headers", many_headers + "\r\n", 431,
         "the request line and headers are longer than 16384 bytes"},
        {"bad percent-encoding in the query", "GET /api/search?q=a%zzb HTTP/1.1\r\nHost: x\r\n\r\n",
         400, "the request target has a '%' not followed by two hexadecimal digits"},
        {"truncated percent-encoding", "GET /api/search?q=ab%4 HTTP/1.1\r\nHost: x\r\n\r\n", 400,
         "the request target has a '%' not followed by two hexadecimal digits"},
        {"bad percent-encoding in the path", "GET /api/paragraph/%g1 HTTP/1.1\r\nHost: x\r\n\r\n",
         400, "the request target has a '%' not followed by two hexadecimal digits"},
        {"encoded invalid UTF-8", "GET /api/search?q=a%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n", 400,
         "parameter 'q' is not valid UTF-8"},
        {"raw invalid UTF-8", "GET /api/search?q=a\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n", 400,
         "parameter 'q' is not valid UTF-8"},
        {"overlong UTF-8 in the path", "GET /api/document/%C0%AF HTTP/1.1\r\nHost: x\r\n\r\n", 400,
         "the path is not valid UTF-8"},
    };
    for (const Row& row : rows) {
        // Errors httplib finds itself close the connection at once (they used to wait for
        // --header-timeout); the others answer and keep it, so read just the answer.
        const bool closes = row.status == 431 || row.message == "bad request" ||
                            row.message.rfind("request line", 0) == 0;
        const Reply r = exchange(server->port, row.request, 4, closes);
        EXPECT_EQ(r.status(), row.status) << row.name << "\n" << r.raw.substr(0, 400);
        EXPECT_TRUE(r.has_header("X-Content-Type-Options: nosniff")) << row.name << "\n"
                                                                     << r.head();
        EXPECT_TRUE(r.has_header("Content-Type: application/json; charset=utf-8")) << row.name;
        const json j = json::parse(r.body(), nullptr, false);
        EXPECT_EQ(j["error"]["status"], row.status) << row.name;
        EXPECT_EQ(j["error"]["message"], row.message) << row.name;
        if (closes) {
            EXPECT_TRUE(r.closed) << row.name;
            EXPECT_LT(r.seconds, 2.5) << row.name;
            EXPECT_TRUE(r.has_header("Connection: close")) << row.name << "\n" << r.head();
        }
    }
    EXPECT_EQ(
        json::parse(exchange(server->port,
                             "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .body(),
                    nullptr, false)["status"],
        "ok")
        << "still serving";
}

TEST_F(ServerHostileTest, ConnectionCloseIsHonouredAtOnce) {
    for (const std::string target :
         {"/api/health", "/api/search?q=trafficking", "/nothing", "/api/search?q=%22"}) {
        const Reply r = exchange(
            server->port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 4);
        EXPECT_GT(r.status(), 0) << target;
        EXPECT_TRUE(r.closed) << target;
        EXPECT_LT(r.seconds, 2.5) << target << " waited for --keep-alive-timeout";
        EXPECT_TRUE(r.has_header("X-Content-Type-Options: nosniff")) << target;
    }
}

/// A folder of `files` Markdown files of `paragraphs` paragraphs, each of 200 words, half of
/// them "peace", "security" or "development" (the other half differ, so no two are copies).
void write_long_paragraphs(const fs::path& folder, int files, int paragraphs) {
    fs::create_directories(folder);
    const char* const words[] = {"peace", "security", "development"};
    unsigned seed = 1;
    for (int f = 0; f < files; ++f) {
        std::ofstream out(folder / ("long-" + std::to_string(f) + ".md"));
        for (int p = 0; p < paragraphs; ++p) {
            out << "The";
            for (int w = 0; w < 200; ++w) {
                seed = seed * 1103515245u + 12345u;
                out << ' '
                    << (w % 2 == 0 ? std::string(words[w / 2 % 3])
                                   : "w" + std::to_string(seed >> 8));
            }
            out << ".\n\n";
        }
    }
}

TEST(ServerTimeLimit, TheTimeLimitBoundsHitsSnippetsAndFacetsAndSaysSo) {
    const fs::path dir =
        fs::temp_directory_path() / ("plenary-timelimit-" + std::to_string(::getpid()));
    write_long_paragraphs(dir / "docs", 10, 12);
    ASSERT_EQ(
        run(kIndex + " --db '" + (dir / "db").string() + "' '" + (dir / "docs").string() + "'"), 0);
    const std::vector<std::string> paths = {
        "/api/search?q=peace+OR+security+OR+development&limit=100&facet=all",
        "/api/search?q=peace+OR+security&group=document&limit=10&facet=all"};
    // No limit, then a limit every search overruns: the second stops where it is and says so.
    for (const char* limit : {"0", "0.000001"}) {
        const bool bounded = std::string(limit) != "0";
        Server s({"--db", (dir / "db").string(), "--threads", "1", "--time-limit", limit},
                 dir / "server.log");
        ASSERT_TRUE(s.wait_ready()) << slurp(dir / "server.log");
        httplib::Client c("127.0.0.1", s.port);
        c.set_read_timeout(60);
        for (const std::string& path : paths) {
            const auto r = c.Get(path.c_str());
            ASSERT_TRUE(r);
            ASSERT_EQ(r->status, 200) << r->body;
            const json j = json::parse(r->body);
            EXPECT_EQ(j.contains("time_limit_reached"), bounded) << path;
            if (bounded) {
                EXPECT_EQ(j["time_limit_reached"], true);
                EXPECT_TRUE(j["hits"].empty()) << "no hit is built past the deadline: " << path;
                EXPECT_TRUE(j["facets"].is_object());
            } else {
                EXPECT_EQ(j["hits"].size(), path.find("group") == std::string::npos ? 100u : 30u)
                    << path;
            }
        }
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace plenary
