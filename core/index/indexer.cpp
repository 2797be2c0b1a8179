#include "index/indexer.h"

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28+)

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "base/error.h"
#include "base/text_util.h"
#include "index/copies.h"
#include "index/db_folder.h"
#include "index/ignore_rules.h"
#include "index/index_writer.h"
#include "model/document_json.h"
#include "model/schema.h"
#include "readers/reader.h"
#include "refs/references.h"
#include "refs/subjects.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

bool is_sidecar(const std::string& name) {
    auto ends = [&](std::string_view suf) {
        return name.size() >= suf.size() &&
               name.compare(name.size() - suf.size(), suf.size(), suf) == 0;
    };
    return ends(".meta.json") || ends(".meta.xml");
}

std::int64_t mtime_ns(const fs::path& p) {
    std::error_code ec;
    auto t = fs::last_write_time(p, ec);
    if (ec) return 0;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

/// Below this many files to index, several workers share one writer rather than shards.
constexpr std::size_t kMinFilesForShards = 64;

/// One file's work, done by a worker.
struct Job {
    std::string path;  ///< absolute
    std::optional<FileRecord> previous;
    std::string extraction;  ///< the run's extraction_key(), kept in the file's new record
};

struct Result {
    FileRecord record;
    bool unchanged = false;
    bool elsewhere = false;  ///< its document belongs to another shard: a record, no paragraphs
    std::string error;       ///< set when the file failed
    std::string meta_json;
    std::string copy_signature;  ///< CopySignature::encode()
    std::vector<Xapian::Document> docs;
};

Result process(const Job& job, DocumentBuilder& builder, const IndexOptions& options) {
    Result r;
    r.record.path = job.path;
    r.record.mtime = mtime_ns(job.path);
    r.record.extraction = job.extraction;
    try {
        std::error_code ec;
        r.record.size = fs::file_size(job.path, ec);
        // One read serves the content hash and the reader.
        const std::string bytes = read_document_bytes(job.path);
        r.record.hash = content_hash(bytes);
        if (job.previous && r.record.hash == job.previous->hash &&
            job.previous->extraction == job.extraction) {
            // Same content as last time: remember the new mtime, keep the paragraphs.
            r.unchanged = true;
            r.record.paragraphs = job.previous->paragraphs;
            return r;
        }
        Document doc = parse_document(job.path, bytes);
        doc.source = job.path;
        if (doc.paragraphs.empty()) throw DocumentError(job.path, "no text found");
        // The signature needs only the text, language and symbol: a document of another shard
        // is left before its references are extracted.
        const CopySignature sig = copy_signature(doc, file_key(job.path), job.path);
        if (options.shard.sharded() && shard_of(sig, options.shard.count) != options.shard.index) {
            r.elsewhere = true;  // its old paragraphs, if any, go with the new empty record
            return r;
        }
        if (options.references) extract_references(doc);
        if (options.thesaurus) assign_subjects(doc, *options.thesaurus);
        r.docs = builder.build(doc);
        r.meta_json = document_meta_json(doc).dump();
        r.copy_signature = sig.encode();
        r.record.paragraphs = static_cast<std::uint32_t>(r.docs.size());
    } catch (const DocumentError& e) {
        r.error = e.what();
    } catch (const Xapian::Error& e) {
        r.error = job.path + ": " + e.get_description();
    } catch (const std::bad_alloc&) {
        r.error = job.path + ": out of memory while reading";
    } catch (const Error& e) {
        r.error = job.path + ": " + e.what();
    } catch (const std::exception& e) {
        r.error = job.path + ": " + e.what();
    }
    return r;
}

}  // namespace

namespace {

/// Removes a temporary database folder of Plenary's own, never anything else; a failure to
/// remove it is left for the next run to report.
void remove_quietly(const std::string& path) {
    try {
        remove_database_folder(path);
    } catch (const Error&) {
    }
}

/// Puts back a database left half-swapped by a run that was killed while merging shards.
void restore_interrupted_swap(const std::string& db) {
    std::error_code ec;
    if (!fs::exists(db, ec) && holds_only_xapian_files(db + ".old"))
        fs::rename(db + ".old", db, ec);
}

/// Where worker w of a --jobs run writes its shard.
std::string shard_path(const std::string& db, int w) {
    return db + ".shard-" + std::to_string(w);
}

/// The shards beside the database, in order (a run's workers number them from 0).
std::vector<std::string> existing_shards(const std::string& db) {
    std::vector<std::string> out;
    std::error_code ec;
    for (int w = 0; w < 256 && fs::exists(shard_path(db, w), ec); ++w)
        out.push_back(shard_path(db, w));
    return out;
}

/// Removes what a run killed while merging left behind; called holding the database lock.
/// A folder of that name that Plenary did not make is named in a DatabaseError, untouched.
void remove_merge_leftovers(const std::string& db) {
    remove_database_folder(db + ".new");
    remove_database_folder(db + ".old");
    for (const std::string& shard : existing_shards(db)) remove_database_folder(shard);
}

/// Compacts the database and the shards into DB.new and swaps it in. A merge interrupted
/// before the swap leaves the shards, which the next run resumes (resume_shards).
void merge_shards(const std::string& db, const std::vector<std::string>& shards,
                  IndexWriter& writer) {
    // A run killed during the last merge may have left DB.new or a half-removed DB.old: both
    // are in the way of this one (found by the killed-runs test).
    remove_database_folder(db + ".new");
    remove_database_folder(db + ".old");
    Xapian::Database combined(db);
    for (const auto& s : shards) combined.add_database(Xapian::Database(s));
    combined.compact(db + ".new");
    combined.close();
    writer.close();
    // One atomic exchange where the kernel has it: a reader never finds DB missing. The old
    // database is then DB.new, removed next (or by the next run if this one is killed).
    if (renameat2(AT_FDCWD, (db + ".new").c_str(), AT_FDCWD, db.c_str(), RENAME_EXCHANGE) == 0) {
        remove_database_folder(db + ".new");
    } else {
        fs::rename(db, db + ".old");
        fs::rename(db + ".new", db);
        remove_database_folder(db + ".old");
    }
    for (const auto& s : shards) remove_quietly(s);
}

/// Keeps what the workers of a killed run committed: the files each leftover shard holds
/// replace their paragraphs in the database, and the shards are merged into it. Returns the
/// files taken over. Opens the database (and takes its lock) only when there are shards.
std::size_t resume_shards(const std::string& db) {
    std::vector<std::string> shards = existing_shards(db);
    std::erase_if(shards, [](const std::string& s) { return !holds_only_xapian_files(s); });
    if (shards.empty()) return 0;
    IndexWriter writer(db);
    std::vector<std::string> usable;
    std::size_t files = 0;
    for (const std::string& shard : shards) {
        try {
            const Xapian::Database committed(shard);
            const auto records = file_records(committed);
            for (const FileRecord& rec : records) writer.remove_file(rec.path);
            files += records.size();
            if (!records.empty()) usable.push_back(shard);
        } catch (const Xapian::Error&) {
            // Killed before its first commit: nothing in it to keep.
        }
    }
    if (usable.empty()) return 0;
    writer.commit();
    merge_shards(db, usable, writer);
    return files;
}

}  // namespace

std::vector<std::string> collect_files(const std::vector<std::string>& paths,
                                       const std::function<void(const std::string&)>& on_error,
                                       std::size_t* missing) {
    std::vector<std::string> files;
    IgnoreRules rules(on_error);
    for (const auto& given : paths) {
        std::error_code ec;
        const fs::path p = fs::absolute(given, ec);
        const auto st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            if (on_error) on_error(given + ": no such file or directory");
            if (missing) ++*missing;
            continue;
        }
        if (fs::is_directory(st)) {
            auto it = fs::recursive_directory_iterator(
                p, fs::directory_options::skip_permission_denied, ec);
            if (ec) {
                if (on_error) on_error(given + ": cannot read folder: " + ec.message());
                if (missing) ++*missing;
                continue;
            }
            for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                const std::string name = it->path().filename().string();
                if ((!name.empty() && name[0] == '.') || rules.ignored(p, it->path())) {
                    if (it->is_directory(ec)) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file(ec) && !is_sidecar(name))
                    files.push_back(it->path().lexically_normal().string());
            }
        } else {
            files.push_back(p.lexically_normal().string());
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Decides, in the calling thread (the database is not thread-safe), what each file needs:
/// files whose size, mtime and extraction key match their record are counted unchanged and
/// left out; a file indexed with another key (an older version, another thesaurus or none) is
/// read and indexed again.
std::vector<Job> plan_jobs(const std::vector<std::string>& files, const IndexWriter& writer,
                           IndexReport& report, const std::string& extraction) {
    std::vector<Job> jobs;
    for (const auto& f : files) {
        auto prev = writer.record(f);
        if (prev) {
            std::error_code ec;
            const auto size = fs::file_size(f, ec);
            if (!ec && prev->size == size && prev->mtime == mtime_ns(f) &&
                prev->extraction == extraction) {
                ++report.unchanged;
                continue;
            }
        }
        jobs.push_back(Job{f, prev, extraction});
    }
    return jobs;
}

/// Takes each file's result into the database's records and the report, in the order files
/// finish; sharded, the paragraphs themselves are already in a worker's shard.
class ResultSink {
  public:
    ResultSink(IndexWriter& writer, IndexReport& report, const IndexOptions& options,
               const IndexListener& listener, bool sharded, std::size_t total,
               std::chrono::steady_clock::time_point start)
        : m_writer(writer),
          m_report(report),
          m_options(options),
          m_listener(listener),
          m_sharded(sharded),
          m_total(total),
          m_start(start) {}

    void operator()(Result& r) {
        if (!r.error.empty()) {
            ++m_report.failed;
            if (m_listener.on_error) m_listener.on_error(r.error);
        } else if (r.unchanged) {
            m_writer.update_record(r.record);
            ++m_report.unchanged;
        } else {
            take_indexed(r);
        }
        if (m_listener.on_progress) {
            m_report.seconds = seconds_since(m_start);
            m_listener.on_progress(m_report, m_total);
        }
    }

  private:
    void take_indexed(Result& r) {
        if (m_sharded)
            m_writer.remove_file(r.record.path);  // the new version is in a shard
        else
            m_writer.replace_file(r.record, r.meta_json, r.docs, r.copy_signature);
        ++(r.elsewhere ? m_report.elsewhere : m_report.indexed);
        m_report.paragraphs += r.record.paragraphs;
        m_report.bytes += r.record.size;
        m_since_commit += r.record.paragraphs;
        if (!m_sharded && m_since_commit >= m_options.commit_every) {
            m_writer.commit();
            m_since_commit = 0;
        }
    }

    IndexWriter& m_writer;
    IndexReport& m_report;
    const IndexOptions& m_options;
    const IndexListener& m_listener;
    bool m_sharded;
    std::size_t m_total;
    std::chrono::steady_clock::time_point m_start;
    std::size_t m_since_commit = 0;
};

/// What the workers of a parallel run share with the thread that consumes their results.
struct WorkQueue {
    std::mutex mu;
    std::condition_variable ready, room;
    std::deque<Result> done;
    std::size_t next = 0, finished_workers = 0;
    bool stop = false;  // set when writing failed: workers stop taking files
    std::exception_ptr worker_failure;
    std::size_t max_queue = 0;
};

/// One worker: takes the next job until none is left, reads and analyses it and, given a
/// shard, writes it there; queues the result for the consuming thread.
void work(WorkQueue& q, const std::vector<Job>& jobs, const Schema& schema,
          const IndexOptions& options, const std::string* shard_path) {
    try {
        DocumentBuilder builder(schema);
        std::optional<IndexWriter> shard;
        if (shard_path) shard.emplace(*shard_path, true);
        std::size_t uncommitted = 0;  // paragraphs in the shard since its commit
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(q.mu);
                if (q.stop || q.next >= jobs.size()) break;
                i = q.next++;
            }
            Result r = process(jobs[i], builder, options);
            if (shard && r.error.empty() && !r.unchanged) {
                shard->replace_file(r.record, r.meta_json, r.docs, r.copy_signature);
                r.docs.clear();
                // A killed run's next run resumes from what shards committed.
                if ((uncommitted += r.record.paragraphs) >= options.commit_every) {
                    shard->commit();
                    uncommitted = 0;
                }
            }
            std::unique_lock lock(q.mu);
            q.room.wait(lock, [&] { return q.stop || q.done.size() < q.max_queue; });
            if (q.stop) break;
            q.done.push_back(std::move(r));
            q.ready.notify_one();
        }
        if (shard) shard->close();
    } catch (...) {
        std::unique_lock lock(q.mu);
        if (!q.worker_failure) q.worker_failure = std::current_exception();
        q.stop = true;
        q.room.notify_all();
    }
    std::unique_lock lock(q.mu);
    ++q.finished_workers;
    q.ready.notify_one();
}

/// Workers read and analyse (and, sharded, write their shard); this thread keeps the
/// database's records, in the order files finish. A failure on either side stops the run,
/// removes the shards and is rethrown.
void run_workers(const std::vector<Job>& jobs, int workers,
                 const std::vector<std::string>& shard_paths, const Schema& schema,
                 const IndexOptions& options, ResultSink& consume) {
    WorkQueue q;
    q.max_queue = static_cast<std::size_t>(workers) * 4;
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        const std::string* shard = shard_paths.empty() ? nullptr : &shard_paths[w];
        threads.emplace_back([&, shard] { work(q, jobs, schema, options, shard); });
    }
    std::exception_ptr failure;
    for (;;) {
        std::unique_lock lock(q.mu);
        q.ready.wait(lock, [&] { return !q.done.empty() || q.finished_workers == threads.size(); });
        if (q.done.empty()) break;
        Result r = std::move(q.done.front());
        q.done.pop_front();
        q.room.notify_all();
        lock.unlock();
        try {
            consume(r);
        } catch (...) {
            failure = std::current_exception();
            std::unique_lock stop_lock(q.mu);
            q.stop = true;
            q.room.notify_all();
            break;
        }
    }
    for (auto& t : threads) t.join();
    if (!failure) failure = q.worker_failure;
    if (failure) {
        for (const auto& s : shard_paths) remove_quietly(s);
        std::rethrow_exception(failure);
    }
}

/// Removes from the database the files that are gone from the given folders (files given
/// by name are never pruned); returns how many.
std::size_t prune_missing(const std::vector<std::string>& paths, IndexWriter& writer) {
    std::vector<fs::path> roots;
    for (const auto& given : paths) {
        std::error_code ec;
        fs::path p = fs::absolute(given, ec).lexically_normal();
        if (fs::is_directory(p, ec)) roots.push_back(p);
    }
    std::size_t removed = 0;
    for (const auto& rec : writer.records()) {
        std::error_code ec;
        if (fs::exists(rec.path, ec)) continue;
        const bool under = std::any_of(roots.begin(), roots.end(), [&](const fs::path& root) {
            const std::string r = root.string();
            return rec.path.size() > r.size() && rec.path.compare(0, r.size(), r) == 0 &&
                   (r.back() == '/' || rec.path[r.size()] == '/');
        });
        if (!under) continue;
        writer.remove_file(rec.path);
        ++removed;
    }
    return removed;
}

/// A database holds one shard for good: a run with another --shard (or none) is refused
/// before anything is written, since it would mix two selections of documents.
void check_shard_spec(const IndexOptions& options, IndexWriter& writer) {
    const std::string held = writer.shard_spec();
    const std::string asked = options.shard.str();
    if (held == asked) return;
    if (held.empty() && writer.records().empty()) {
        writer.set_shard_spec(asked);
        return;
    }
    throw DatabaseError(options.db + ": " +
                        (held.empty() ? "this database was indexed without --shard (leave "
                                        "--shard out, or give another --db)"
                                      : "this database holds shard " + held + " (give --shard " +
                                            held + ", or another --db)"));
}

/// Resolves copies (when anything changed) and commits; sharded, merges the shards into the
/// database first and resolves copies on the merged database.
void finish(const std::string& db, IndexWriter& writer, const std::vector<std::string>& shard_paths,
            bool changed) {
    const bool sharded = !shard_paths.empty();
    if (!sharded && changed) writer.resolve_copies();
    writer.commit();
    if (sharded) {
        merge_shards(db, shard_paths, writer);
        if (changed) {
            IndexWriter merged(db);
            merged.resolve_copies();
            merged.close();
        }
    }
}

}  // namespace

IndexReport run_index(const IndexOptions& options, const IndexListener& listener) {
    const auto start = std::chrono::steady_clock::now();
    IndexReport report;
    auto report_error = [&](const std::string& line) {
        if (listener.on_error) listener.on_error(line);
    };
    std::size_t missing = 0;
    const std::vector<std::string> files = collect_files(options.paths, report_error, &missing);
    report.failed += missing;
    report.files = files.size();
    // Nothing to read at all: no database is created for it.
    if (files.empty() && missing == options.paths.size()) return report;

    // Plenary writes only in a folder of its own and never deletes what it did not create.
    check_database_apart_from_inputs(options.db, options.paths);
    restore_interrupted_swap(options.db);
    check_database_folder(options.db);

    const Schema& schema = Schema::instance();
    const std::size_t resumed = resume_shards(options.db);
    IndexWriter writer(options.db);
    remove_merge_leftovers(options.db);
    check_shard_spec(options, writer);
    writer.stamp_format();

    // Subjects come from the thesaurus given: a file indexed with another one (or none) is
    // indexed anew, through its record's extraction key.
    const std::string extraction =
        extraction_key(options.thesaurus ? options.thesaurus->fingerprint() : "");
    const std::vector<Job> jobs = plan_jobs(files, writer, report, extraction);

    // With several workers and much to do, each worker writes a shard of its own and the
    // shards are merged into the database by compaction at the end: adding documents to
    // Xapian, not reading files, is most of the cost, and one writer cannot be shared.
    const int workers = std::max(1, options.jobs);
    const bool sharded = workers > 1 && jobs.size() >= kMinFilesForShards;
    std::vector<std::string> shard_paths;
    if (sharded)
        for (int w = 0; w < workers; ++w) shard_paths.push_back(shard_path(options.db, w));

    ResultSink consume(writer, report, options, listener, sharded, files.size(), start);
    try {
        if (workers == 1) {
            DocumentBuilder builder(schema);
            for (const auto& job : jobs) {
                Result r = process(job, builder, options);
                consume(r);
            }
        } else {
            run_workers(jobs, workers, shard_paths, schema, options, consume);
        }
        if (options.prune) report.removed += prune_missing(options.paths, writer);
        finish(options.db, writer, shard_paths,
               report.indexed > 0 || report.removed > 0 || resumed > 0);
    } catch (const Xapian::Error& e) {
        try {
            writer.commit();
        } catch (...) {
        }
        throw DatabaseError(failed_database_write(options.db, e.get_description()));
    }
    report.seconds = seconds_since(start);
    return report;
}

}  // namespace plenary
