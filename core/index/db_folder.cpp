#include "index/db_folder.h"

#include <array>
#include <filesystem>
#include <string_view>

#include "base/error.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

/// The tables of a glass database; each is stored as TABLE.glass, TABLE.baseA/B and, while
/// being written or compacted, TABLE.tmp.
constexpr std::array<std::string_view, 7> kTables{"postlist", "position", "termlist", "record",
                                                  "docdata",  "spelling", "synonym"};

/// Whether `inner` is `outer` or lies inside it (both absolute and normal).
bool is_within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // a trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

/// The path as the file system resolves it (symbolic links followed as far as it exists).
fs::path resolved(const std::string& p) {
    std::error_code ec;
    fs::path out = fs::weakly_canonical(fs::absolute(p, ec), ec);
    if (ec) out = fs::absolute(p, ec).lexically_normal();
    return out;
}

/// The first entry of a folder that is not a Xapian file, or "" when there is none.
std::string foreign_entry(const fs::path& folder) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_directory(ec) || !is_xapian_file_name(name)) return name;
    }
    return {};
}

}  // namespace

bool is_xapian_file_name(const std::string& name) {
    // iamglass is written as v.tmp and renamed; a run killed in between leaves v.tmp.
    if (name == "iamglass" || name == "flintlock" || name == "v.tmp") return true;
    const auto dot = name.find('.');
    if (dot == std::string::npos) return false;
    const std::string_view table(name.data(), dot);
    const std::string_view kind(name.data() + dot + 1, name.size() - dot - 1);
    for (const auto t : kTables)
        if (table == t)
            return kind == "glass" || kind == "baseA" || kind == "baseB" || kind == "tmp";
    return false;
}

bool holds_only_xapian_files(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && foreign_entry(path).empty();
}

void check_database_folder(const std::string& db) {
    std::error_code ec;
    const auto st = fs::status(db, ec);
    if (ec || !fs::exists(st)) return;
    if (!fs::is_directory(st))
        throw DatabaseError(db +
                            ": is a file, not a database folder; give --db a folder of its own");
    const std::string foreign = foreign_entry(db);
    if (!foreign.empty())
        throw DatabaseError(db + ": holds '" + foreign +
                            "', which is not part of a Plenary database; give --db a new or "
                            "empty folder, or an existing Plenary database");
}

void check_database_apart_from_inputs(const std::string& db,
                                      const std::vector<std::string>& inputs) {
    const fs::path d = resolved(db);
    for (const auto& input : inputs) {
        const fs::path p = resolved(input);
        if (is_within(d, p))
            throw UsageError("the database " + db + " is, or lies inside, the input path " + input +
                             "; give --db a folder outside what is indexed");
        if (is_within(p, d))
            throw UsageError("the input path " + input + " lies inside the database " + db +
                             "; give --db a folder of its own");
    }
}

void remove_database_folder(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    if (!fs::is_directory(path, ec))
        throw DatabaseError(path + ": is a file that Plenary did not create; left as it is");
    const std::string foreign = foreign_entry(path);
    if (!foreign.empty())
        throw DatabaseError(path + ": holds '" + foreign +
                            "', which Plenary did not create; left as it is (move it away)");
    std::vector<fs::path> files;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        files.push_back(it->path());
    for (const auto& f : files) fs::remove(f, ec);
    fs::remove(path, ec);  // fails, harmlessly, if anything appeared meanwhile
}

}  // namespace plenary
