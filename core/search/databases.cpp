// Searcher: opening the databases and reading what they store (copies, document and paragraph
// records).
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/error.h"
#include "model/index_format.h"
#include "model/schema.h"
#include "search/searcher.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

Xapian::Database open_one(const std::string& path) {
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

}  // namespace

Searcher::Searcher(const std::vector<std::string>& db_paths)
    : m_paths(db_paths.empty() ? std::vector<std::string>{default_db_path()} : db_paths) {
    reopen();
}

void Searcher::reopen() {
    m_parts.clear();
    m_db = Xapian::Database();
    for (const auto& p : m_paths) {
        m_parts.push_back(open_one(p));
        m_db.add_database(m_parts.back());
    }
    try {
        m_has_copies = m_db.get_termfreq(Schema::instance().term("shadowed", "1")) > 0;
    } catch (const Xapian::Error& e) {
        std::string where;
        for (const auto& p : m_paths) where += (where.empty() ? "" : ", ") + p;
        throw DatabaseError(unreadable_database(where, e.get_description()));
    }
    m_info_cache.clear();
    m_column.reset();
    m_faceted_queries = 0;
}

Xapian::Query Searcher::without_copies(const Xapian::Query& query) const {
    if (!m_has_copies) return query;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                         Xapian::Query(Schema::instance().term("shadowed", "1")));
}

bool Searcher::is_shadowed(const std::string& file_key) const {
    if (!m_has_copies) return false;
    return std::any_of(m_parts.begin(), m_parts.end(), [&](const Xapian::Database& part) {
        return part.get_metadata(shadow_meta_key(file_key)) == "1";
    });
}

DocumentInfo Searcher::document_info(const std::string& key) {
    if (auto it = m_info_cache.find(key); it != m_info_cache.end()) return it->second;
    DocumentInfo d;
    d.key = key;
    for (const auto& part : m_parts) {
        const std::string meta = part.get_metadata(document_meta_key(key));
        if (meta.empty()) continue;
        decode_document_record(meta, d);
        std::istringstream copies(part.get_metadata(copies_meta_key(key)));
        for (std::string line; std::getline(copies, line);)
            if (!line.empty()) d.files.push_back(line);
        break;
    }
    if (d.files.empty() && !d.source.empty()) d.files.push_back(d.source);
    m_info_cache.emplace(key, d);
    return d;
}

ParagraphView Searcher::paragraph_view(const Xapian::Document& doc) {
    ParagraphView v = decode_paragraph_record(doc.get_data());
    v.document = document_info(paragraph_file_key(v.id));
    return v;
}

}  // namespace plenary
