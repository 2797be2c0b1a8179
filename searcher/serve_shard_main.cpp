// The shard server is Xapian's own, xapian-tcpsrv (Debian's xapian-tools): it carries what
// Plenary asks of a remote shard (matching, Xapian's ValueCountMatchSpy for exact facets, sort
// by value, documents and metadata), so Plenary adds checks and safe defaults, not a server.
#include "serve_shard_main.h"

#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/exit_codes.h"
#include "model/index_format.h"
#include "search/stub.h"

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

The shard is served read-only by xapian-tcpsrv (package xapian-tools), loopback only unless
--interface says otherwise. Exit status: 2 usage error; 3 the database is unusable.
)";

/// Seconds as xapian-tcpsrv's milliseconds.
std::string ms(double seconds) {
    return std::to_string(static_cast<long long>(seconds * 1000));
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
        DatabasePart part;
        part.path = part.where = o.db;
        if (is_stub_file(o.db))
            throw DatabaseError(o.db + ": a shard is a database folder, not a stub file");
        const Xapian::Database db = open_part(part);
        // A Plenary database remembers its files, and a shard its place, even when empty.
        if (db.get_metadata(kShardSpecKey).empty() &&
            db.metadata_keys_begin(kFileRecordPrefix) == db.metadata_keys_end(kFileRecordPrefix))
            throw DatabaseError("no Plenary database at " + o.db + " (run plenary-index first)");
    } catch (const DatabaseError& e) {
        std::cerr << "plenary-search serve-shard: " << e.what() << "\n";
        return kExitDatabase;
    }
    std::vector<std::string> args = {"xapian-tcpsrv",
                                     "--port",
                                     std::to_string(o.port),
                                     "--interface",
                                     o.interface,
                                     "--idle-timeout",
                                     ms(o.idle_timeout),
                                     "--active-timeout",
                                     ms(o.active_timeout),
                                     o.db};
    std::vector<char*> c_args;
    for (auto& a : args) c_args.push_back(a.data());
    c_args.push_back(nullptr);
    std::cerr << "plenary-search serve-shard: serving " << o.db << " on " << o.interface << ":"
              << o.port << " (read-only)\n";
    execvp("xapian-tcpsrv", c_args.data());
    std::cerr << "plenary-search serve-shard: cannot run xapian-tcpsrv (" << std::strerror(errno)
              << "); it comes with Debian's xapian-tools\n";
    return kExitFailure;
}

}  // namespace plenary
