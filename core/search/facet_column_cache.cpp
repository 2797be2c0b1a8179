// Searcher: the facet columns of the process (search/facets.h), one per database revision,
// shared by every Searcher and built once, in a query or in a thread of its own.
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "model/schema.h"
#include "search/searcher.h"

namespace plenary {

namespace {

/// The facet columns of the process: the newest built for each database, by uuid, and which
/// revisions are being built. Never destroyed, so that a background build may outlive main's
/// statics.
struct ColumnCache {
    struct Latest {
        Xapian::rev revision = 0;
        std::shared_ptr<const FacetColumn> column;
    };
    std::mutex mutex;
    std::condition_variable idle;
    std::map<std::string, Latest> latest;  // by database uuid
    std::set<std::string> building;        // uuid + revision
    int running = 0;                       // background builds
};

ColumnCache& column_cache() {
    static ColumnCache* cache = new ColumnCache;
    return *cache;
}

}  // namespace

void Searcher::wait_for_background_work() {
    ColumnCache& cache = column_cache();
    std::unique_lock<std::mutex> lock(cache.mutex);
    cache.idle.wait(lock, [&] { return cache.running == 0; });
}

const FacetColumn* Searcher::facet_column() {
    // A match spy sees a document by its docid in its own database, not the merged one: over
    // several databases each match's value is read instead.
    if (m_column_build == FacetColumnBuild::never || m_parts.size() != 1 || m_remote)
        return nullptr;
    if (m_column) return m_column.get();
    const std::string uuid = m_parts.front().get_uuid();
    const Xapian::rev revision = m_parts.front().get_revision();
    const std::string key = uuid + '\n' + std::to_string(revision);
    const Xapian::valueno slot = *Schema::instance().field("facets").slot;
    ColumnCache& cache = column_cache();
    std::unique_lock<std::mutex> lock(cache.mutex);
    if (auto it = cache.latest.find(uuid);
        it != cache.latest.end() && it->second.revision == revision) {
        m_column = it->second.column;
        return m_column.get();
    }
    // A single query reads its matches' values, cheaper than reading every paragraph's.
    if (++m_faceted_queries < 2 || cache.building.count(key)) return nullptr;
    if (auto it = cache.latest.find(uuid);
        it != cache.latest.end() && it->second.revision > revision)
        return nullptr;  // this Searcher reads an older revision than the newest column
    cache.building.insert(key);
    auto store = [uuid, revision, key](std::shared_ptr<const FacetColumn> column) {
        ColumnCache& c = column_cache();
        std::lock_guard<std::mutex> guard(c.mutex);
        c.building.erase(key);
        auto& latest = c.latest[uuid];
        if (column && revision >= latest.revision) latest = {revision, std::move(column)};
    };
    if (m_column_build == FacetColumnBuild::in_query) {
        lock.unlock();
        std::shared_ptr<const FacetColumn> column;
        try {
            column = std::make_shared<const FacetColumn>(m_db, slot);
        } catch (...) {
            store(nullptr);
            throw;
        }
        store(column);
        m_column = column;
        return m_column.get();
    }
    // In the background, on a database of its own opened at the same revision (a Database is
    // not shared between threads); if the indexer has committed since, a newer Searcher will ask.
    ++cache.running;
    std::thread([path = m_sources.front().path, uuid, revision, slot, store] {
        std::shared_ptr<const FacetColumn> column;
        try {
            const Xapian::Database db(path);
            if (db.get_uuid() == uuid && db.get_revision() == revision)
                column = std::make_shared<const FacetColumn>(db, slot);
        } catch (const std::exception&) {
        } catch (const Xapian::Error&) {
        }
        store(std::move(column));
        ColumnCache& c = column_cache();
        std::lock_guard<std::mutex> guard(c.mutex);
        --c.running;
        c.idle.notify_all();
    }).detach();
    return nullptr;
}

}  // namespace plenary
