// The indexing run: files and folders in, a committed database out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "index/shard_of.h"

namespace plenary {

class Thesaurus;

/// What plenary-index was asked to do.
struct IndexOptions {
    std::string db;                    ///< database directory
    std::vector<std::string> paths;    ///< files and folders (walked recursively)
    int jobs = 1;                      ///< worker threads reading and analysing files
    bool prune = false;                ///< remove files that are gone from the given folders
    std::size_t commit_every = 20000;  ///< paragraphs between commits
    bool references = true;            ///< extract references (off only to measure their cost)
    /// Assigns thesaurus subjects to English paragraphs (refs/subjects.h); none when null. A
    /// database indexed with another thesaurus (or none) has all its files indexed anew.
    const Thesaurus* thesaurus = nullptr;
    /// Keep only the documents of this shard (index/shard_of.h); the other files get a record
    /// without paragraphs, so that the next run skips them while they are unchanged.
    ShardSpec shard;
};

/// Counts of one run, for the summary line and for tests.
struct IndexReport {
    std::size_t files = 0;       ///< input files found
    std::size_t indexed = 0;     ///< files (re)indexed
    std::size_t unchanged = 0;   ///< files skipped because their content is unchanged
    std::size_t failed = 0;      ///< files that could not be read or parsed
    std::size_t removed = 0;     ///< files pruned
    std::size_t elsewhere = 0;   ///< files read whose document belongs to another shard
    std::size_t paragraphs = 0;  ///< paragraphs written
    std::uint64_t bytes = 0;     ///< bytes of the files indexed
    double seconds = 0;
};

/// Where a run reports as it goes. Both callbacks are called from the calling thread.
struct IndexListener {
    /// One line per file that failed: "path:line: message".
    std::function<void(const std::string&)> on_error;
    /// After each file: the counts so far and the total number of files to look at.
    std::function<void(const IndexReport&, std::size_t total_files)> on_progress;
};

/// Runs the indexer. Per-file problems are reported through on_error and counted; a database
/// problem throws DatabaseError after committing what was done.
IndexReport run_index(const IndexOptions& options, const IndexListener& listener);

/// The files a run would look at: files as given, folders walked recursively (hidden entries,
/// NAME.meta.json sidecars and what a .plenaryignore names left out, index/ignore_rules.h),
/// sorted. Missing paths are reported through on_error.
std::vector<std::string> collect_files(const std::vector<std::string>& paths,
                                       const std::function<void(const std::string&)>& on_error,
                                       std::size_t* missing);

}  // namespace plenary
