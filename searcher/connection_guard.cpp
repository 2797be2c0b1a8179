#include "connection_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace plenary {

namespace {

using Clock = std::chrono::steady_clock;

Clock::duration seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

/// Milliseconds from now to a deadline, never negative.
int ms_until(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

/// poll() for one event on one socket; true when it came before the deadline.
bool wait_for(socket_t fd, short events, Clock::time_point deadline) {
    for (;;) {
        pollfd p{fd, events, 0};
        const int rc = ::poll(&p, 1, ms_until(deadline));
        if (rc > 0) return true;
        if (rc == 0 || errno != EINTR) return false;
    }
}

std::string address_of(const sockaddr_storage& a) {
    char buf[INET6_ADDRSTRLEN] = "";
    if (a.ss_family == AF_INET)
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, buf, sizeof buf);
    else if (a.ss_family == AF_INET6)
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(a).sin6_addr, buf, sizeof buf);
    return buf;
}

int port_of(const sockaddr_storage& a) {
    if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(a).sin_port);
    if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
    return 0;
}

void endpoint(socket_t fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len)
                        : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ip = rc == 0 ? address_of(a) : std::string();
    port = rc == 0 ? port_of(a) : 0;
}

}  // namespace

/// One open connection, as its thread and the registry see it.
struct OpenConnection {
    socket_t fd = INVALID_SOCKET;
    std::string peer;  // the client's address, for the cap per client
    Clock::time_point opened = Clock::now();
    Clock::time_point idle_since = opened;
    bool idle = true;  // waiting for a request or reading its head: may be closed
    std::atomic<bool> evicted{
        false};  // closed to make room for another connection (set under the registry's lock)
    bool close_after = false;  // close once the response is written
    int head_failure = 0;      // 408 or 431 when the head could not be read
};

namespace {
thread_local OpenConnection* t_connection = nullptr;
thread_local ConnectionRegistry* t_registry = nullptr;
// Set on the accepting thread: the status with which to turn the next connection away, or, for
// t_probe, where to write its socket without serving it (httplib hands the queue only a closure).
thread_local int t_refusing = 0;
thread_local socket_t* t_probe = nullptr;
}  // namespace

/// Every open connection: the counts per address and in all, and the idle ones that may be
/// closed to make room. A socket is shut down only here, under the lock, while registered, so
/// a number the system has given to a newer socket is never touched.
class ConnectionRegistry {
  public:
    explicit ConnectionRegistry(std::size_t per_client) : m_per_client(per_client) {}

    /// Counts a connection from peer as it is accepted, before any thread serves it, so that a
    /// burst from one address meets the cap however slowly threads start; false when the address
    /// already holds its share.
    bool reserve(const std::string& peer) {
        std::lock_guard<std::mutex> lock(m_mutex);
        std::size_t& n = m_per_address[peer];
        if (n >= m_per_client) return false;
        ++n;
        return true;
    }

    /// Gives back what reserve() counted for a connection that is not served.
    void release(const std::string& peer) {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (--m_per_address[peer] == 0) m_per_address.erase(peer);
    }

    /// Registers c, reserved when it was accepted, while a thread serves it.
    void add(OpenConnection& c) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_open.push_back(&c);
    }

    void remove(OpenConnection& c) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_open.remove(&c);
        }
        release(c.peer);
    }

    void set_idle(OpenConnection& c, bool idle) {
        std::lock_guard<std::mutex> lock(m_mutex);
        c.idle = idle;
        if (idle) c.idle_since = Clock::now();
    }

    /// Closes the connection that has waited longest for its request; false when none waits.
    bool evict_oldest_idle() {
        std::lock_guard<std::mutex> lock(m_mutex);
        OpenConnection* oldest = nullptr;
        for (OpenConnection* c : m_open)
            if (c->idle && !c->evicted && (!oldest || c->idle_since < oldest->idle_since))
                oldest = c;
        if (!oldest) return false;
        evict(*oldest);
        return true;
    }

    /// Closes every waiting connection (the server is stopping).
    void evict_all_idle() {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (OpenConnection* c : m_open)
            if (c->idle && !c->evicted) evict(*c);
    }

  private:
    static void evict(OpenConnection& c) {
        c.evicted = true;
        ::shutdown(c.fd, SHUT_RDWR);  // its thread wakes from poll() and sees the end
    }

    std::mutex m_mutex;
    std::size_t m_per_client;
    std::list<OpenConnection*> m_open;
    std::unordered_map<std::string, std::size_t> m_per_address;
};

namespace {

std::string peer_of(socket_t fd);

/// httplib's task queue for accepted connections: a thread per connection up to the cap
/// (threads are started as needed and kept). A connection past its address's share is turned
/// away with 429 on the accepting thread. When every thread holds a connection, the one that
/// has waited longest for its request is closed; when none waits, a few more queue and the rest
/// are turned away with 503 on the accepting thread.
class ConnectionQueue : public httplib::TaskQueue {
  public:
    ConnectionQueue(std::shared_ptr<ConnectionRegistry> registry, std::size_t max_threads)
        : m_registry(std::move(registry)), m_max(max_threads) {}

    void enqueue(std::function<void()> fn) override {
        const std::string peer = peer_of_task(fn);
        if (!m_registry->reserve(peer)) {
            refuse_now(fn, 429);
            return;
        }
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_busy + m_jobs.size() >= m_max && !m_registry->evict_oldest_idle() &&
            m_jobs.size() >= m_max) {
            lock.unlock();
            m_registry->release(peer);
            refuse_now(fn, 503);
            return;
        }
        m_jobs.push_back(std::move(fn));
        if (m_jobs.size() > m_waiting && m_threads.size() < m_max)
            m_threads.emplace_back([this] { run(); });
        else
            m_cv.notify_one();
    }

    void shutdown() override {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_registry->evict_all_idle();
        m_cv.notify_all();
        for (auto& t : m_threads) t.join();
    }

  private:
    /// The address of the connection fn serves: GuardedServer::process_and_close_socket, called
    /// under t_probe, only reports its socket.
    static std::string peer_of_task(const std::function<void()>& fn) {
        socket_t sock = INVALID_SOCKET;
        t_probe = &sock;
        fn();
        t_probe = nullptr;
        return sock == INVALID_SOCKET ? std::string() : peer_of(sock);
    }

    /// GuardedServer::process_and_close_socket answers status and closes at once.
    static void refuse_now(const std::function<void()>& fn, int status) {
        t_refusing = status;
        fn();
        t_refusing = 0;
    }

    void run() {
        for (;;) {
            std::function<void()> fn;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                ++m_waiting;
                m_cv.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
                --m_waiting;
                if (m_jobs.empty()) return;
                fn = std::move(m_jobs.front());
                m_jobs.pop_front();
                ++m_busy;
            }
            fn();
            std::lock_guard<std::mutex> lock(m_mutex);
            --m_busy;
        }
    }

    std::shared_ptr<ConnectionRegistry> m_registry;
    std::size_t m_max;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_threads;
    std::size_t m_busy = 0;     // threads running a connection
    std::size_t m_waiting = 0;  // threads waiting for one
    bool m_stopping = false;
};

/// A connection's socket for httplib with deadlines for whole requests rather than for each
/// read: a request head must be complete within header_timeout and max_head_bytes, a response
/// sent within write_timeout. Past either, reads end (httplib then answers from what it has).
class DeadlineStream : public httplib::Stream {
  public:
    DeadlineStream(OpenConnection& c, const ConnectionLimits& limits)
        : m_conn(c), m_limits(limits) {}

    /// Waits for the first byte of the next request; false when the client closed, went quiet
    /// past the deadline, or the connection was closed to make room.
    bool wait_for_request(Clock::time_point deadline) {
        if (m_pos < m_end) return true;
        return wait_for(m_conn.fd, POLLIN, deadline) && !m_conn.evicted;
    }

    /// A new request: its head must be complete by head_deadline.
    void start_request(Clock::time_point head_deadline) {
        m_read_deadline = head_deadline;
        m_head_bytes = 0;
        m_write_deadline.reset();
        m_conn.head_failure = 0;
    }

    bool is_readable() const override {
        return m_pos < m_end || wait_for(m_conn.fd, POLLIN, read_deadline());
    }

    bool is_writable() const override { return wait_for(m_conn.fd, POLLOUT, write_deadline()); }

    ssize_t read(char* ptr, size_t size) override {
        if (m_pos == m_end && !fill()) return 0;
        const std::size_t n = std::min(size, m_end - m_pos);
        std::memcpy(ptr, m_buf + m_pos, n);
        m_pos += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        std::size_t done = 0;
        while (done < size) {
            if (!wait_for(m_conn.fd, POLLOUT, write_deadline())) return -1;
            const ssize_t n =
                ::send(m_conn.fd, ptr + done, size - done, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
            if (n <= 0) return -1;
            done += static_cast<std::size_t>(n);
        }
        return static_cast<ssize_t>(done);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        endpoint(m_conn.fd, true, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        endpoint(m_conn.fd, false, ip, port);
    }
    socket_t socket() const override { return m_conn.fd; }

  private:
    /// Reads what has arrived into the buffer; false at the end of what this request may read.
    bool fill() {
        const bool head = m_conn.idle;
        if (head && m_head_bytes >= m_limits.max_head_bytes) {
            m_conn.head_failure = 431;
            return false;
        }
        if (!wait_for(m_conn.fd, POLLIN, read_deadline())) {
            if (head) m_conn.head_failure = 408;
            return false;
        }
        std::size_t want = sizeof m_buf;
        if (head) want = std::min(want, m_limits.max_head_bytes - m_head_bytes);
        ssize_t n;
        do n = ::recv(m_conn.fd, m_buf, want, MSG_DONTWAIT);
        while (n < 0 && errno == EINTR);
        if (n <= 0) return false;
        if (head) m_head_bytes += static_cast<std::size_t>(n);
        m_pos = 0;
        m_end = static_cast<std::size_t>(n);
        return true;
    }

    /// The head's deadline; a body (never read by this service's routes) gets header_timeout.
    Clock::time_point read_deadline() const {
        return m_conn.idle ? m_read_deadline : Clock::now() + seconds(m_limits.header_timeout);
    }

    Clock::time_point write_deadline() const {
        if (!m_write_deadline) m_write_deadline = Clock::now() + seconds(m_limits.write_timeout);
        return *m_write_deadline;
    }

    OpenConnection& m_conn;
    const ConnectionLimits& m_limits;
    char m_buf[4096];
    std::size_t m_pos = 0, m_end = 0;
    std::size_t m_head_bytes = 0;
    Clock::time_point m_read_deadline;
    mutable std::optional<Clock::time_point> m_write_deadline;
};

std::string peer_of(socket_t fd) {
    std::string ip;
    int port = 0;
    endpoint(fd, true, ip, port);
    return ip;
}

/// Reads and drops what the client still sends (up to a second), so that closing does not
/// reset the connection before the client has read the answer.
void linger_and_close(socket_t fd) {
    ::shutdown(fd, SHUT_WR);
    const auto until = Clock::now() + std::chrono::seconds(1);
    char buf[4096];
    std::size_t dropped = 0;
    while (dropped < (1u << 20) && wait_for(fd, POLLIN, until)) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n <= 0 && !(n < 0 && (errno == EAGAIN || errno == EINTR))) break;
        if (n > 0) dropped += static_cast<std::size_t>(n);
    }
    ::close(fd);
}

}  // namespace

GuardedServer::GuardedServer(const ConnectionLimits& limits)
    : m_limits(limits), m_registry(std::make_shared<ConnectionRegistry>(limits.max_per_client)) {
    keep_alive_max_count_ = std::max<std::size_t>(limits.keep_alive_max, 1);
    keep_alive_timeout_sec_ = static_cast<time_t>(std::max(1.0, limits.keep_alive_timeout));
    new_task_queue = [registry = m_registry, n = std::max<std::size_t>(limits.max_connections, 1)] {
        return new ConnectionQueue(registry, n);
    };
}

GuardedServer::~GuardedServer() = default;

void GuardedServer::mark_working() {
    if (t_connection && t_registry) t_registry->set_idle(*t_connection, false);
}

void GuardedServer::close_after_response() {
    mark_working();
    if (t_connection) t_connection->close_after = true;
}

bool GuardedServer::closing() {
    return t_connection && t_connection->close_after;
}

int GuardedServer::head_failure() {
    if (!t_connection) return 0;
    return t_connection->evicted ? 503 : t_connection->head_failure;
}

void GuardedServer::set_refusal_logger(std::function<void(const std::string&)> log) {
    m_log_refusal = std::move(log);
}

void GuardedServer::set_listen_backlog(int backlog) {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, backlog);
}

void GuardedServer::refuse(socket_t sock, int status, const std::string& message) {
    const nlohmann::json j = {{"error", {{"status", status}, {"message", message}}}};
    const std::string body = j.dump() + "\n";
    const std::string reply =
        "HTTP/1.1 " + std::to_string(status) +
        (status == 429 ? " Too Many Requests" : " Service Unavailable") +
        "\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff"
        "\r\nCache-Control: no-store\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    // Never blocks: a client that does not read gets what fits in the socket buffer.
    [[maybe_unused]] const ssize_t sent =
        ::send(sock, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(sock, SHUT_WR);
    ::close(sock);
    if (m_log_refusal) m_log_refusal("- - " + std::to_string(status) + " 0.0 ms (" + message + ")");
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    if (t_probe) {
        *t_probe = sock;
        return false;
    }
    if (t_refusing == 429) {
        refuse(sock, 429,
               "too many connections from " + peer_of(sock) + " (at most " +
                   std::to_string(m_limits.max_per_client) + " at once)");
        return false;
    }
    if (t_refusing) {
        refuse(sock, 503,
               "the service holds " + std::to_string(m_limits.max_connections) +
                   " connections, all working; retry shortly");
        return false;
    }
    OpenConnection conn;
    conn.fd = sock;
    conn.peer = peer_of(sock);
    m_registry->add(conn);
    t_connection = &conn;
    t_registry = m_registry.get();
    DeadlineStream strm(conn, m_limits);
    bool ok = false;
    Clock::time_point wait_until = conn.opened + seconds(m_limits.header_timeout);
    for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET;
         --left) {
        if (!strm.wait_for_request(wait_until)) break;
        const bool first = left == keep_alive_max_count_;
        strm.start_request((first ? conn.opened : Clock::now()) + seconds(m_limits.header_timeout));
        bool closed = false;
        ok = process_request(strm, left == 1, closed, nullptr);
        m_registry->set_idle(conn, true);
        if (!ok || closed || conn.close_after || conn.evicted) break;
        wait_until = Clock::now() + seconds(m_limits.keep_alive_timeout);
    }
    t_connection = nullptr;
    t_registry = nullptr;
    m_registry->remove(conn);
    if (conn.close_after && !conn.evicted)
        linger_and_close(sock);
    else
        ::close(sock);
    return ok;
}

}  // namespace plenary
