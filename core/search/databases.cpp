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

Searcher::Searcher(const std::vector<std::string>& db_paths, bool allow_failed_shards)
    : m_paths(db_paths.empty() ? std::vector<std::string>{default_db_path()} : db_paths),
      m_allow_failed(allow_failed_shards) {
    reopen();
}

void Searcher::open_source(const DatabasePart& part) {
    try {
        m_parts.push_back(open_part(part));
        m_db.add_database(m_parts.back());
    } catch (const DatabaseError& e) {
        // Only a shard server may be down for a while; a local part that cannot be opened is
        // an error of the layout, never a partial answer.
        if (!m_allow_failed || !part.remote()) throw;
        m_failed_names.push_back(part.name() +
                                 (part.where == part.path ? "" : " (" + part.where + ")"));
        m_failed_why.emplace_back(e.what());
    }
}

void Searcher::require_every_part() const {
    if (m_failed_why.empty()) return;
    std::string why;
    for (const auto& w : m_failed_why) why += (why.empty() ? "" : "; ") + w;
    throw DatabaseError(why);
}

std::string Searcher::paths_named() const {
    std::string out;
    for (const auto& p : m_paths) out += (out.empty() ? "" : ", ") + p;
    return out;
}

void Searcher::reopen() {
    m_parts.clear();
    m_sources.clear();
    m_failed_names.clear();
    m_failed_why.clear();
    m_db = Xapian::Database();
    for (const auto& p : m_paths)
        for (auto& part : database_parts(p)) m_sources.push_back(std::move(part));
    m_remote = false;
    std::vector<DatabasePart> opened;
    for (const auto& source : m_sources) {
        m_remote = m_remote || source.remote();
        const std::size_t before = m_parts.size();
        open_source(source);
        if (m_parts.size() > before) opened.push_back(source);
    }
    if (m_parts.empty()) require_every_part();
    // From here on m_sources are the parts opened, one for each of m_parts.
    m_sources = std::move(opened);
    check_parts_agree();
    try {
        m_has_copies = m_db.get_termfreq(Schema::instance().term("shadowed", "1")) > 0;
        m_langs = QueryParser::database_languages(Schema::instance(), m_db);
        // A database indexed before the sort keys were stored sorts by computed keys, which
        // only local databases allow.
        m_sort_slots = m_db.get_value_freq(*Schema::instance().field("symbol_order").slot) ==
                       m_db.get_doccount();
        // Hits of equal relevance in the order of their tie keys, where every paragraph has
        // one (indexed since extraction version 3); else in the order of their docids.
        m_tie_slot =
            m_db.get_value_freq(*Schema::instance().field("tie").slot) == m_db.get_doccount();
    } catch (const Xapian::Error& e) {
        throw DatabaseError(unreadable_database(paths_named(), e.get_description()));
    }
    m_info_cache.clear();
    m_column.reset();
    m_faceted_queries = 0;
}

namespace {

/// What part records under key, or "none" when it was indexed before that was recorded.
std::string recorded(const Xapian::Database& part, const DatabasePart& source, const char* key) {
    try {
        std::string value = part.get_metadata(key);
        return value.empty() ? "none" : value;
    } catch (const Xapian::Error& e) {
        throw DatabaseError(part_failure(source, e));
    }
}

/// The first line where two schema signatures differ, for the message.
std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream in_a(a), in_b(b);
    std::string la, lb;
    while (true) {
        const bool more_a = static_cast<bool>(std::getline(in_a, la));
        const bool more_b = static_cast<bool>(std::getline(in_b, lb));
        if (!more_a) la = "no such field";
        if (!more_b) lb = "no such field";
        if (la != lb || (!more_a && !more_b)) return "'" + la + "' against '" + lb + "'";
    }
}

}  // namespace

void Searcher::check_parts_same_format() const {
    // Parts written by other versions of plenary-index or with another schema hold other
    // terms, slots or paragraphs for the same text: merged, their hits and counts would be
    // wrong without a word.
    const struct {
        const char* key;
        const char* what;
    } checks[] = {{kFormatVersionKey, "index format version"},
                  {kExtractionVersionKey, "extraction version"},
                  {kSchemaKey, "schema"}};
    for (const auto& check : checks) {
        const std::string first = recorded(m_parts[0], m_sources[0], check.key);
        for (std::size_t i = 1; i < m_parts.size(); ++i) {
            const std::string other = recorded(m_parts[i], m_sources[i], check.key);
            if (other == first) continue;
            const bool schema = std::string(check.key) == kSchemaKey;
            throw DatabaseError(
                m_sources[i].where + ": indexed with another " + check.what + " than " +
                m_sources[0].where + ": " +
                (schema ? first_difference(other, first) : other + " against " + first) +
                " (index every part with the same plenary-index and schema)");
        }
    }
}

void Searcher::check_parts_agree() const {
    // Parts indexed with --shard K/N must be N distinct shards of one N: a missing or doubled
    // shard would make every count wrong without a word. One shard alone is a database of its
    // own (searched to look into it).
    if (m_parts.size() < 2) return;
    check_parts_same_format();
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
    // A shard left out of a partial answer is missing, and said to be.
    for (int k = 1; k <= count && m_failed_names.empty(); ++k)
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
