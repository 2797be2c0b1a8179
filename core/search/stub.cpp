#include "search/stub.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "base/error.h"
#include "base/text_util.h"
#include "model/index_format.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

RemoteTimeouts g_timeouts;

Xapian::Database open_local(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !fs::exists(path, ec)) {
        if (ec == std::errc::permission_denied)
            throw DatabaseError(path + ": permission denied: cannot reach the database folder");
        throw DatabaseError("no Plenary database at " + path + " (run plenary-index first)");
    }
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        if (std::string why = database_access_problem(path, false); !why.empty())
            throw DatabaseError(why);
        if (e.get_type() == std::string("DatabaseNotFoundError"))
            throw DatabaseError("no Plenary database at " + path + " (run plenary-index first)");
        throw DatabaseError(path + ": cannot open the database: " + e.get_description());
    }
}

/// "HOST:PORT" into part; false when it is not that.
bool parse_endpoint(const std::string& text, DatabasePart& part) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
    unsigned long port = 0;
    for (std::size_t i = colon + 1; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9' || port > 65535) return false;
        port = port * 10 + static_cast<unsigned>(text[i] - '0');
    }
    if (port == 0 || port > 65535) return false;
    part.host = text.substr(0, colon);
    part.port = static_cast<unsigned>(port);
    return true;
}

std::vector<DatabasePart> read_stub(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw DatabaseError(path + ": cannot read the stub file");
    const fs::path folder = fs::absolute(path).parent_path();
    std::vector<DatabasePart> parts;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        const std::string text(trim(line));
        if (text.empty() || text[0] == '#') continue;
        const std::string where = path + ":" + std::to_string(n);
        const auto space = text.find_first_of(" \t");
        const std::string kind = text.substr(0, space);
        const std::string arg(
            space == std::string::npos ? "" : trim(std::string_view(text).substr(space)));
        DatabasePart part;
        part.where = where;
        if ((kind == "auto" || kind == "glass") && !arg.empty()) {
            const fs::path p(arg);
            part.path = (p.is_absolute() ? p : folder / p).lexically_normal().string();
        } else if (kind == "remote" && parse_endpoint(arg, part)) {
        } else {
            throw DatabaseError(where + ": not a stub line (auto PATH, or remote HOST:PORT): " +
                                text.substr(0, 200));
        }
        parts.push_back(std::move(part));
    }
    if (parts.empty()) throw DatabaseError(path + ": the stub file names no database");
    return parts;
}

}  // namespace

std::string DatabasePart::name() const {
    return remote() ? host + ":" + std::to_string(port) : path;
}

void set_remote_timeouts(const RemoteTimeouts& timeouts) {
    g_timeouts = timeouts;
}

const RemoteTimeouts& remote_timeouts() {
    return g_timeouts;
}

bool is_stub_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

std::vector<DatabasePart> database_parts(const std::string& path) {
    if (is_stub_file(path)) return read_stub(path);
    DatabasePart part;
    part.path = path;
    part.where = path;
    return {part};
}

std::string part_failure(const DatabasePart& part, const Xapian::Error& e) {
    const std::string from = part.where == part.path ? "" : " (" + part.where + ")";
    if (!part.remote()) return part.path + from + ": " + e.get_description();
    const std::string type = e.get_type();
    const std::string what = type == "NetworkTimeoutError" ? "did not answer within its timeout"
                             : type == "NetworkError"      ? "is unreachable"
                                                           : "failed";
    return "shard " + part.name() + from + " " + what + ": " + e.get_msg();
}

Xapian::Database open_part(const DatabasePart& part) {
    if (!part.remote()) {
        try {
            return open_local(part.path);
        } catch (const DatabaseError& e) {
            if (part.where == part.path) throw;
            throw DatabaseError(std::string(e.what()) + " (" + part.where + ")");
        }
    }
    // Xapian's remote client writes to its socket without MSG_NOSIGNAL: a shard server that
    // went away would end the whole process with SIGPIPE instead of a NetworkError to report.
    static std::once_flag ignore_sigpipe;
    std::call_once(ignore_sigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });
    try {
        return Xapian::Remote::open(part.host, part.port, g_timeouts.exchange_ms,
                                    g_timeouts.connect_ms);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(part_failure(part, e));
    }
}

}  // namespace plenary
