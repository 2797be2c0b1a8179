// Sharded indexing: `plenary-index --shard K/N` keeps only the documents of shard K of N, so
// that N machines index their parts of the same folders and a stub file joins them for search
// (search/stub.h). A document's shard is a stable hash of its identity, the same on every
// machine and in every run:
//   - a document with an own symbol: the symbol, whatever its language, so every language
//     version and every file of it (PDF, Word, text) lands in one shard;
//   - a document without one: its language and the smallest hash of its copy sketch
//     (index/copies.h), equal for two files of the same text; two near copies (the same text
//     in two formats, resemblance r) share it with probability r, which is why copies without a
//     symbol may, rarely, be counted once in each of two shards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plenary {

struct CopySignature;

/// Shard `index` (1-based) of `count`; count 0 means unsharded.
struct ShardSpec {
    int index = 0;
    int count = 0;
    bool sharded() const { return count > 0; }
    /// "2/3"; "" when unsharded.
    std::string str() const;
    /// Parses "K/N" (1 <= K <= N <= 1024); nullopt for anything else.
    static std::optional<ShardSpec> parse(const std::string& text);
};

/// The identity a document's shard is hashed from (see the file comment).
std::string shard_identity(const CopySignature& sig);

/// The 1-based shard of count that the document with this signature belongs to.
int shard_of(const CopySignature& sig, int count);

}  // namespace plenary
