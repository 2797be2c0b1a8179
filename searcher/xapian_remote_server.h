// Xapian 1.4's RemoteServer: the half of Xapian's remote protocol that answers a client over a
// file descriptor, as xapian-tcpsrv runs it for each connection. Debian 12's libxapian.so.30
// exports the class, but no header for it is installed (xapian-tcpsrv.cc says to build your own
// server to register your own classes). It is declared here with the members Xapian 1.4.22
// gives it (net/remoteconnection.h, net/remoteserver.h), so that an object has the size and
// layout the library's constructor fills in and its registry can be set. It has no virtual
// function. serve_shard_main.cpp checks the library's version and, on each connection, that
// the constructor stored what it was given where this declaration expects it.
#pragma once

#include <sys/types.h>
#include <xapian.h>

#include <string>
#include <vector>

namespace plenary::xapian_1_4 {

/// The members of Xapian 1.4's RemoteConnection, RemoteServer's private base (public here, so
/// that serve-shard can check them; access does not change the layout).
struct RemoteConnectionMembers {
    int fdin;
    int fdout;
    std::string buffer;
    off_t chunked_data_left;
    std::string context;
};

}  // namespace plenary::xapian_1_4

class RemoteServer : public plenary::xapian_1_4::RemoteConnectionMembers {
  public:
    Xapian::Database* db;
    Xapian::WritableDatabase* wdb;
    bool writable;
    double active_timeout;
    double idle_timeout;
    Xapian::Registry reg;

    /// Opens the databases, read-only unless writable, and greets the client on fdout.
    RemoteServer(const std::vector<std::string>& dbpaths, int fdin, int fdout,
                 double active_timeout, double idle_timeout, bool writable);
    ~RemoteServer();
    RemoteServer(const RemoteServer&) = delete;
    RemoteServer& operator=(const RemoteServer&) = delete;

    /// Answers the client's messages until it closes the connection (or a timeout).
    void run();
};
