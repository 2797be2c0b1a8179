// Index writing: paragraphs into Xapian documents, files into the database.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "model/document.h"
#include "model/index_format.h"
#include "model/schema.h"

namespace plenary {

/// 64-bit FNV-1a of bytes; the content hash that decides whether a file changed.
std::uint64_t content_hash(std::string_view bytes);

/// 16 lower-case hex digits.
std::string hex64(std::uint64_t v);

/// What the database remembers of one indexed file (stored as Xapian metadata).
/// What the readers and extractors make of a file, versioned: raised whenever a change gives
/// indexed files other paragraphs, metadata or references (a new reference kind, a reader's
/// fix). A file indexed under an older version is read again by the next run even if it has not
/// changed, so a database never mixes what two versions made of its files.
/// 1: Charter references (charter:), former country names, Markdown salutations as paragraphs,
///    copy signatures hashed by a rolling hash.
/// 2: resolutions with their body in six languages (the Commission on Human Rights, its Roman
///    sessions, decisions of the Conferences of the Parties "1/CP.21"), regional commissions';
///    sort keys stored in value slots (date_order, symbol_order), for sorting on remote shards.
/// 3: the tie key of each paragraph (slot "tie"), so that hits of equal relevance come in the
///    same order from one database and from shards.
/// 4: resolutions printed in a later bracket of their clause ("the Security Council resolution of
///    22 November 1967 [242 (1967)]") and Russian parts in Cyrillic ("217 А (III)"); country
///    names: the Republic of China (1945-1971) and the Mongolian People's Republic, Spanish and
///    Russian variants, irregular Russian forms ("Египта", "Беларуси"), Indo-China blocked.
/// 5: symbols in links, cut at a line end, mended from OCR, of every series of un_bodies.json;
///    a publication's own symbol from its copyright page.
inline constexpr std::uint32_t kExtractionVersion = 5;

/// What one run's readers and extractors make of a file, as its record keeps it: the
/// extraction version, then the fingerprint of the thesaurus its subjects come from ("1",
/// "1+9f3a…"). A file whose record holds another key is read again even if unchanged, so a
/// thesaurus given, changed or left out reaches every file a run is given, and only those.
std::string extraction_key(const std::string& thesaurus_fingerprint);

struct FileRecord {
    std::string path;        ///< absolute path, the file's key
    std::uint64_t hash = 0;  ///< content hash when indexed
    std::int64_t mtime = 0;  ///< modification time (ns) when indexed
    std::uint64_t size = 0;  ///< size in bytes when indexed
    std::uint32_t paragraphs = 0;
    std::string extraction{};  ///< extraction_key() of the run that indexed it ("": before keys)
};

/// The stable key of a file: a short hash of its absolute path, used in paragraph ids.
std::string file_key(const std::string& absolute_path);

/// Builds the Xapian documents of one Document: one per paragraph, with the document's
/// metadata as boolean terms and values on each. Thread-compatible: one per thread.
class DocumentBuilder {
  public:
    explicit DocumentBuilder(const Schema& schema);
    /// The Xapian documents for doc (whose source must be the absolute path).
    std::vector<Xapian::Document> build(const Document& doc);

  private:
    const Schema& m_schema;
    std::string m_lang;
    std::optional<Analyzer> m_analyzer;
    Analyzer& analyzer_for(const std::string& lang);
};

/// A writable Plenary database. Only one writer at a time (Xapian's lock).
class IndexWriter {
  public:
    /// Opens or creates the database at path (emptied first when overwrite); DatabaseError if
    /// it is locked or unusable.
    explicit IndexWriter(const std::string& path, bool overwrite = false);

    /// The record of a file, if it is indexed.
    std::optional<FileRecord> record(const std::string& path) const;
    /// Every file the database holds.
    std::vector<FileRecord> records() const;

    /// Replaces all paragraphs of the file rec.path with docs, and remembers rec, as one
    /// transaction: Xapian's own automatic commits fall between files, never inside one.
    /// meta_json is the document's metadata record (document_meta_json) stored once;
    /// copy_signature its CopySignature::encode(), read by resolve_copies().
    void replace_file(const FileRecord& rec, const std::string& meta_json,
                      std::vector<Xapian::Document>& docs, const std::string& copy_signature = {});
    /// Updates a file's record without touching its paragraphs (touched, same content).
    void update_record(const FileRecord& rec);
    /// Removes a file's paragraphs and record.
    void remove_file(const std::string& path);
    /// Finds the files that hold the same document (core/copies.h) among all files of the
    /// database, marks the paragraphs of every copy but the primary as shadowed (and unmarks
    /// those no longer copies), and records each file's copies. Returns the files whose
    /// marking changed.
    std::size_t resolve_copies();
    /// Makes everything so far durable (Xapian commit).
    void commit();
    /// The shard this database holds ("2/3", index/shard_of.h); "" when unsharded.
    std::string shard_spec() const;
    /// Remembers the shard this database holds (committed with the next commit).
    void set_shard_spec(const std::string& spec);
    /// Records the index format, extraction version and schema this run writes with
    /// (model/index_format.h), committed with the run's first commit.
    void stamp_format();
    /// Paragraphs (Xapian documents) in the database.
    Xapian::doccount paragraph_count() const;
    /// Commits and releases the database (and its lock).
    void close();

  private:
    std::string m_path;  ///< as given, for messages
    Xapian::WritableDatabase m_db;
    const Schema& m_schema;
};

/// Every file a database (or a shard of one) holds.
std::vector<FileRecord> file_records(const Xapian::Database& db);

}  // namespace plenary
