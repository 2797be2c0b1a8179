// The shard server: Xapian's own remote protocol, answered by libxapian's RemoteServer as
// xapian-tcpsrv answers it (one process forked per connection), with Plenary's facet spy
// registered: each shard counts its matches' facet values from its FacetColumn, built once per
// revision before connections fork, and sends per-facet counts (search/shard_facets.h).
#include "serve_shard_main.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/exit_codes.h"
#include "model/index_format.h"
#include "model/schema.h"
#include "search/facets.h"
#include "search/shard_facets.h"
#include "search/stub.h"
#include "xapian_remote_server.h"

namespace po = boost::program_options;

namespace plenary {

namespace {

struct ShardOptions {
    std::string db, interface = "127.0.0.1";
    unsigned port = 0;
    double idle_timeout = 60, active_timeout = 30;
};

const char* kShardExamples = R"(Examples:
  plenary-search serve-shard --db shard1 --port 7101
  plenary-search serve-shard --db /srv/plenary/shard2 --port 7102 --interface 0.0.0.0

Then list the shards in a stub file, one line each, and search it like a database:
  remote host1:7101
  remote host2:7102
  plenary-search --db shards.stub 'migrant smuggling' --facet country

The shard is served read-only over Xapian's remote protocol, loopback only unless
--interface says otherwise; clients may be Plenary or any Xapian 1.4 program. Exit status:
1 the server cannot run (the port is taken); 2 usage error; 3 the database is unusable.
)";

/// The facet column of the served database at one revision.
struct KeptColumn {
    Xapian::rev revision = 0;
    std::shared_ptr<const FacetColumn> column;
};

KeptColumn& kept_column() {
    static KeptColumn kept;
    return kept;
}

/// The column for db's revision: the one kept, or one built now (and kept).
std::shared_ptr<const FacetColumn> column_for(const Xapian::Database& db) {
    KeptColumn& kept = kept_column();
    const Xapian::rev revision = db.get_revision();
    if (!kept.column || kept.revision != revision)
        kept = {revision,
                std::make_shared<const FacetColumn>(db, *Schema::instance().field("facets").slot)};
    return kept.column;
}

/// Whether a RemoteServer built over fd holds what its constructor was given where
/// xapian_remote_server.h declares it: the library's layout is the one declared.
bool layout_holds(const RemoteServer& server, int fd, const std::string& db, double active,
                  double idle) {
    return server.fdin == fd && server.fdout == fd && server.context == db &&
           server.db != nullptr && server.wdb == nullptr && !server.writable &&
           server.active_timeout == active && server.idle_timeout == idle;
}

/// Serves one connection until the client leaves; in the forked child.
void serve_connection(int fd, const ShardOptions& o) {
    try {
        RemoteServer server({o.db}, fd, fd, o.active_timeout, o.idle_timeout, false);
        if (!layout_holds(server, fd, o.db, o.active_timeout, o.idle_timeout)) {
            std::cerr << "plenary-search serve-shard: libxapian's RemoteServer is not laid out "
                         "as Xapian 1.4.22's\n";
            return;
        }
        Xapian::Database* db = server.db;
        ShardFacetSpy::set_column_source([db] { return column_for(*db); });
        Xapian::Registry registry;
        registry.register_match_spy(ShardFacetSpy());
        server.reg = registry;
        server.run();
    } catch (const Xapian::NetworkTimeoutError&) {
        // An idle client is let go.
    } catch (const Xapian::Error& e) {
        std::cerr << "plenary-search serve-shard: " << o.db << ": " << e.get_description() << "\n";
    }
}

/// Checks, before serving, that libxapian's RemoteServer is laid out as declared: one is
/// built over a socket pair and looked at. An empty string when it is; else why not.
std::string check_remote_server(const ShardOptions& o) {
    if (Xapian::major_version() != 1 || Xapian::minor_version() != 4)
        return std::string("the shard server needs Xapian 1.4; this is ") +
               Xapian::version_string();
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return std::string("cannot make a socket pair: ") + std::strerror(errno);
    std::string why;
    try {
        RemoteServer server({o.db}, fds[0], fds[0], o.active_timeout, o.idle_timeout, false);
        if (!layout_holds(server, fds[0], o.db, o.active_timeout, o.idle_timeout))
            why = std::string("libxapian ") + Xapian::version_string() +
                  " lays out its RemoteServer otherwise than Xapian 1.4.22";
    } catch (const Xapian::Error& e) {
        why = e.get_description();
    }
    ::close(fds[0]);
    ::close(fds[1]);
    return why;
}

/// A listening socket on interface:port, or -1 with why set.
int listen_on(const ShardOptions& o, std::string& why) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(o.port));
    if (::inet_pton(AF_INET, o.interface.c_str(), &addr.sin_addr) != 1) {
        why = "--interface " + o.interface + " is not an IPv4 address";
        return -1;
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int on = 1;
    if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd, 64) != 0) {
        why = "cannot listen on " + o.interface + ":" + std::to_string(o.port) + ": " +
              std::strerror(errno);
        if (fd >= 0) ::close(fd);
        return -1;
    }
    return fd;
}

/// Stopping the server stops its connections too, as xapian-tcpsrv's does: its process group.
void on_term(int) {
    std::signal(SIGTERM, SIG_DFL);
    ::kill(0, SIGTERM);
    ::_exit(0);
}

/// Accepts connections until stopped, a child per connection. Between connections (and every
/// two seconds) the database is looked at again, its column rebuilt when it has changed, so
/// children forked later start from the new column.
int serve(int listener, const ShardOptions& o, Xapian::Database& db) {
    std::signal(SIGCHLD, SIG_IGN);  // children are reaped by the kernel
    std::signal(SIGTERM, on_term);
    for (;;) {
        pollfd p{listener, POLLIN, 0};
        const int ready = ::poll(&p, 1, 2000);
        try {
            if (db.reopen()) column_for(db);
        } catch (const Xapian::Error& e) {
            std::cerr << "plenary-search serve-shard: " << o.db << ": " << e.get_description()
                      << "\n";
        }
        if (ready <= 0) continue;
        const int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(listener);
            std::signal(SIGTERM, SIG_DFL);
            serve_connection(fd, o);
            ::close(fd);
            ::_exit(0);
        }
        if (pid < 0)
            std::cerr << "plenary-search serve-shard: cannot fork: " << std::strerror(errno)
                      << "\n";
        ::close(fd);
    }
}

/// The shard's database, checked to be a Plenary database; DatabaseError if not.
Xapian::Database open_shard(const std::string& path) {
    DatabasePart part;
    part.path = part.where = path;
    if (is_stub_file(path))
        throw DatabaseError(path + ": a shard is a database folder, not a stub file");
    Xapian::Database db = open_part(part);
    // A Plenary database remembers its files, and a shard its place, even when empty.
    if (db.get_metadata(kShardSpecKey).empty() &&
        db.metadata_keys_begin(kFileRecordPrefix) == db.metadata_keys_end(kFileRecordPrefix))
        throw DatabaseError("no Plenary database at " + path + " (run plenary-index first)");
    return db;
}

}  // namespace

int serve_shard_main(int argc, char** argv) {
    ShardOptions o;
    po::options_description visible(
        "Usage: plenary-search serve-shard --db DB --port PORT\nOptions");
    visible.add_options()("help,h", "show this help")(
        "db,d", po::value(&o.db), "the shard's database directory")("port,p", po::value(&o.port),
                                                                    "TCP port to listen on")(
        "interface", po::value(&o.interface)->default_value(o.interface),
        "address to listen on (0.0.0.0: every interface)")(
        "idle-timeout", po::value(&o.idle_timeout)->default_value(o.idle_timeout),
        "seconds an idle client connection is kept")(
        "active-timeout", po::value(&o.active_timeout)->default_value(o.active_timeout),
        "seconds one exchange with a client may take");
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(argc, argv, visible), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "plenary-search serve-shard: " << e.what() << " (see --help)\n";
        return kExitUsage;
    }
    if (vm.count("help")) {
        std::cout << visible << "\n" << kShardExamples;
        return kExitOk;
    }
    if (o.db.empty() || o.port == 0 || o.port > 65535 || o.idle_timeout <= 0 ||
        o.active_timeout <= 0) {
        std::cerr << "plenary-search serve-shard: give --db, a --port from 1 to 65535 and "
                     "positive timeouts (see --help)\n";
        return kExitUsage;
    }
    try {
        Xapian::Database db = open_shard(o.db);
        const std::string why = check_remote_server(o);
        if (!why.empty()) {
            std::cerr << "plenary-search serve-shard: cannot serve " << o.db << ": " << why << "\n";
            return kExitFailure;
        }
        std::string listen_error;
        const int listener = listen_on(o, listen_error);
        if (listener < 0) {
            std::cerr << "plenary-search serve-shard: " << listen_error << "\n";
            return kExitFailure;
        }
        column_for(db);
        std::cerr << "plenary-search serve-shard: serving " << o.db << " on " << o.interface << ":"
                  << o.port << " (read-only)\n";
        return serve(listener, o, db);
    } catch (const DatabaseError& e) {
        std::cerr << "plenary-search serve-shard: " << e.what() << "\n";
        return kExitDatabase;
    } catch (const Xapian::Error& e) {
        std::cerr << "plenary-search serve-shard: " << o.db << ": " << e.get_description() << "\n";
        return kExitDatabase;
    }
}

}  // namespace plenary
