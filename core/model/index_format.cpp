#include "model/index_format.h"

#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "model/schema.h"

namespace plenary {

namespace fs = std::filesystem;

std::string default_db_path() {
    if (const char* env = std::getenv("PLENARY_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "plenary" / "db").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".local" / "share" / "plenary" / "db").string();
    return "plenary-db";
}

std::string paragraph_id(const std::string& file_key, std::size_t ordinal) {
    return file_key + "-" + std::to_string(ordinal);
}

std::string paragraph_file_key(const std::string& id) {
    return id.substr(0, id.rfind('-'));
}

std::size_t paragraph_ordinal(const std::string& id) {
    const auto dash = id.rfind('-');
    if (dash == std::string::npos) return 0;
    return std::strtoul(id.c_str() + dash + 1, nullptr, 10);
}

std::string schema_signature(const Schema& schema) {
    std::string out;
    for (const Field& f : schema.fields()) {
        out += f.name + ' ' + (f.has_prefix ? f.prefix : "-") + ' ' +
               (f.slot ? std::to_string(*f.slot) : "-") + ' ' + f.analyzer + ' ' +
               (f.stored ? 's' : '-') + (f.facet ? 'f' : '-') + (f.multi ? 'm' : '-') + '\n';
    }
    return out;
}

std::string paragraph_tie_key(const std::string& file_key, std::size_t ordinal) {
    return file_key + Xapian::sortable_serialise(static_cast<double>(ordinal));
}

std::string document_meta_key(const std::string& key) {
    return "doc:" + key;
}
std::string copies_meta_key(const std::string& key) {
    return "copies:" + key;
}
std::string shadow_meta_key(const std::string& key) {
    return "shadow:" + key;
}

std::string database_access_problem(const std::string& path, bool for_writing) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return "";
    const auto problem = [&](const std::string& what) -> std::string {
        if (errno == EROFS) return path + ": the database folder is on a read-only file system";
        if (errno == EACCES || errno == EPERM)
            return path + ": permission denied: cannot " + (for_writing ? "write to " : "read ") +
                   what;
        return "";
    };
    if (access(path.c_str(), for_writing ? (R_OK | W_OK | X_OK) : (R_OK | X_OK)) != 0)
        return problem("the database folder");
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        if (access(entry.path().c_str(), for_writing ? (R_OK | W_OK) : R_OK) != 0)
            return problem("its file " + entry.path().filename().string());
    }
    return "";
}

}  // namespace plenary
