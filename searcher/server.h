// The search service: `plenary-search serve`, an HTTP front end over the same Searcher and JSON
// as the command line, plus the librarians' page at /.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "connection_guard.h"

namespace plenary {

/// How the service runs.
struct ServerOptions {
    std::vector<std::string> dbs;    ///< databases, merged as one; empty: the default database
    std::string host = "127.0.0.1";  ///< address to listen on; loopback unless told otherwise
    int port = 8080;                 ///< 0 picks a free port (printed at start)
    unsigned threads = 8;            ///< worker threads, each with its own Searcher
    double shard_timeout = 5.0;      ///< seconds a remote shard may take to connect or answer
    double time_limit = 5.0;         ///< seconds a search may spend in all (parsing, matching,
                                     ///< facets, snippets); past it the work done so far
    ConnectionLimits limits;         ///< what clients may hold: connections, head time and size
};

/// Longest query accepted, in bytes.
constexpr std::size_t kMaxQueryBytes = 2000;
/// Largest page of hits a request may ask for.
constexpr std::size_t kMaxLimit = 100;

/// Serves until SIGTERM or SIGINT; returns the exit status (0 after a clean stop, 3 when the
/// address cannot be bound). Messages go to stderr, one line each.
int serve(const ServerOptions& options);

/// `plenary-search serve ARGS...`: parses the options (argv[0] is "serve") and serves.
int serve_main(int argc, char** argv);

}  // namespace plenary
