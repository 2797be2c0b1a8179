// Searcher: opening the databases and reading what they store (copies, document and paragraph
// records).
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/error.h"
#include "index/shard_of.h"
#include "model/index_format.h"
#include "model/schema.h"
#include "search/query.h"
#include "search/searcher.h"

namespace plenary {

namespace fs = std::filesystem;

Searcher::Searcher(const std::vector<std::string>& db_paths)
    : m_paths(db_paths.empty() ? std::vector<std::string>{default_db_path()} : db_paths) {
    reopen();
}

void Searcher::reopen() {
    m_parts.clear();
    m_sources.clear();
    m_db = Xapian::Database();
    for (const auto& p : m_paths)
        for (auto& part : database_parts(p)) m_sources.push_back(std::move(part));
    m_remote = false;
    for (const auto& source : m_sources) {
        m_parts.push_back(open_part(source));
        m_db.add_database(m_parts.back());
        m_remote = m_remote || source.remote();
    }
    check_parts_agree();
    try {
        m_has_copies = m_db.get_termfreq(Schema::instance().term("shadowed", "1")) > 0;
        m_langs = QueryParser::database_languages(Schema::instance(), m_db);
        // A database indexed before the sort keys were stored sorts by computed keys, which
        // only local databases allow.
        m_sort_slots = m_db.get_value_freq(*Schema::instance().field("symbol_order").slot) ==
                       m_db.get_doccount();
    } catch (const Xapian::Error& e) {
        std::string where;
        for (const auto& p : m_paths) where += (where.empty() ? "" : ", ") + p;
        throw DatabaseError(unreadable_database(where, e.get_description()));
    }
    m_info_cache.clear();
    m_column.reset();
    m_faceted_queries = 0;
}

void Searcher::check_parts_agree() const {
    // Parts indexed with --shard K/N must be N distinct shards of one N: a missing or doubled
    // shard would make every count wrong without a word. One shard alone is a database of its
    // own (searched to look into it).
    if (m_parts.size() < 2) return;
    int count = 0;
    std::vector<bool> have;
    for (std::size_t i = 0; i < m_parts.size(); ++i) {
        std::string spec;
        try {
            spec = m_parts[i].get_metadata(kShardSpecKey);
        } catch (const Xapian::Error& e) {
            throw DatabaseError(part_failure(m_sources[i], e));
        }
        if (spec.empty()) continue;
        const auto shard = ShardSpec::parse(spec);
        if (count == 0 && shard) {
            count = shard->count;
            have.assign(static_cast<std::size_t>(count) + 1, false);
        }
        if (!shard || shard->count != count)
            throw DatabaseError(m_sources[i].where + ": holds shard " + spec +
                                ", but another part holds a shard of " + std::to_string(count));
        const auto k = static_cast<std::size_t>(shard->index);
        if (have[k])
            throw DatabaseError(m_sources[i].where + ": shard " + spec + " is named twice");
        have[k] = true;
    }
    for (int k = 1; k <= count; ++k)
        if (!have[k])
            throw DatabaseError("shard " + std::to_string(k) + "/" + std::to_string(count) +
                                " is missing: the parts given hold the others (" + m_paths.front() +
                                ")");
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
