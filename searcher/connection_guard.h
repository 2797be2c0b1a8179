// What clients may hold of the service: connections in all and per address, time and bytes for
// a request head, time to send a response. httplib's own connection loop gives every connection
// a thread for as long as the client likes (a header line every few seconds keeps it forever) and
// keeps it open after its own error answers; GuardedServer replaces that loop.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace plenary {

/// Bounds on connections, with the defaults `plenary-search serve` documents.
struct ConnectionLimits {
    std::size_t max_connections = 256;   ///< open connections in all (each holds one I/O thread)
    std::size_t max_per_client = 32;     ///< open connections from one address
    double header_timeout = 5;           ///< seconds from a connection (or the first byte of a
                                         ///< kept-alive request) to the end of its request head
    double keep_alive_timeout = 2;       ///< seconds an idle kept-alive connection is held
    std::size_t keep_alive_max = 10;     ///< requests per connection
    double write_timeout = 10;           ///< seconds to send one response
    std::size_t max_head_bytes = 16384;  ///< request line and headers together
};

class ConnectionRegistry;

/// httplib::Server whose connections are bounded by ConnectionLimits: past the cap per address
/// a new connection gets 429, past the cap in all the connection that has waited longest for its
/// request is closed to make room (503 when every connection is working); a request head that
/// is too slow or too large gets 408 or 431 and the connection closes; so does every connection
/// whose request httplib refused itself.
class GuardedServer : public httplib::Server {
  public:
    explicit GuardedServer(const ConnectionLimits& limits);
    ~GuardedServer() override;

    /// Handlers call this once a request is complete: its connection is no longer idle, so it is
    /// not closed to make room for others.
    static void mark_working();
    /// The connection closes after the response being written (errors httplib found itself).
    static void close_after_response();
    /// True when the current connection closes after this response.
    static bool closing();
    /// Why the current request head failed: 408 (not complete in time), 431 (too large), or 0.
    static int head_failure();

    /// Where refused connections are reported, one line each (default: nowhere).
    void set_refusal_logger(std::function<void(const std::string&)> log);
    /// Lets the kernel queue more connections than httplib's backlog of 5 (call after binding).
    void set_listen_backlog(int backlog);

  private:
    bool process_and_close_socket(socket_t sock) override;
    void refuse(socket_t sock, int status, const std::string& message);

    ConnectionLimits m_limits;
    std::shared_ptr<ConnectionRegistry> m_registry;
    std::function<void(const std::string&)> m_log_refusal;
};

}  // namespace plenary
