// A shard server for tests: `plenary-search serve-shard` (or Debian's xapian-tcpsrv) on a free
// loopback port, in a process group of its own, stopped when destroyed.
#pragma once

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>

#include "integration/test_support.h"

namespace plenary::test {

/// A port no one listens on now (the kernel's choice for a socket bound to port 0).
inline unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

/// Whether something accepts connections on the loopback port.
inline bool accepts(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return up;
}

/// One shard served on loopback: db is its database; stock serves it with xapian-tcpsrv
/// instead of serve-shard. start() keeps the port it was given (a restart), else takes a free
/// one, and returns once the server accepts connections; stderr goes to DB.log.
struct ShardServer {
    pid_t pid = -1;
    unsigned port = 0;
    std::string db;
    bool stock = false;

    void start() {
        port = port ? port : free_port();
        pid = ::fork();
        if (pid == 0) {
            // A group of its own: a shard server stopping signals its whole process group.
            ::setpgid(0, 0);
            const std::string p = std::to_string(port);
            std::freopen("/dev/null", "w", stdout);
            std::freopen((db + ".log").c_str(), "a", stderr);
            if (stock)
                ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--port", p.c_str(), "--interface",
                         "127.0.0.1", db.c_str(), static_cast<char*>(nullptr));
            else
                ::execl(kSearch.c_str(), kSearch.c_str(), "serve-shard", "--db", db.c_str(),
                        "--port", p.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 100; ++i) {
            if (accepts(port)) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ADD_FAILURE() << "shard server on port " << port << " did not start";
    }
    void stop() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        ::waitpid(pid, nullptr, 0);
        pid = -1;
    }
    ~ShardServer() { stop(); }
};

}  // namespace plenary::test
