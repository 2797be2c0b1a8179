// Databases of several parts: a path given to --db is a Plenary database folder or a stub file
// in Xapian's own format, one part per line:
//   auto PATH          a local database (a path relative to the stub file's folder)
//   remote HOST:PORT   a shard served by `plenary-search serve-shard` (xapian-tcpsrv)
// Blank lines and lines starting with '#' are skipped. Remote parts are opened with the
// process's timeouts (set_remote_timeouts), so a shard that is down or slow fails within a
// bound, and every message names the part and the stub line.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace plenary {

/// One part of a database.
struct DatabasePart {
    std::string path;   ///< local: the database folder
    std::string host;   ///< remote: the shard server's host
    unsigned port = 0;  ///< remote: its port
    std::string where;  ///< where it is named: the stub's "path:line", or the path given
    bool remote() const { return port != 0; }
    /// "HOST:PORT" or the path, for messages.
    std::string name() const;
};

/// How long a remote part may take: to connect, and for each exchange once connected (a
/// search, a document). Either way, past it the part is reported as failed.
struct RemoteTimeouts {
    unsigned connect_ms = 5000;
    unsigned exchange_ms = 5000;
};
/// The process's timeouts for remote parts (set once, from the command line).
void set_remote_timeouts(const RemoteTimeouts& timeouts);
const RemoteTimeouts& remote_timeouts();

/// Whether path is a stub file (a regular file, not a database folder).
bool is_stub_file(const std::string& path);

/// The parts that path names: a database folder is one local part, a stub file its lines.
/// DatabaseError "STUB:LINE: ..." for a line that is not understood.
std::vector<DatabasePart> database_parts(const std::string& path);

/// Opens one part; DatabaseError naming it ("shard 127.0.0.1:7001 (stub:2) is unreachable:
/// ...") when it cannot be opened in time.
Xapian::Database open_part(const DatabasePart& part);

/// A message for a Xapian error met while reading part.
std::string part_failure(const DatabasePart& part, const Xapian::Error& e);

}  // namespace plenary
