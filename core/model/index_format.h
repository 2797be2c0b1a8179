// The index format: what a Plenary database holds beyond the fields of schemas/fields.json, as
// the writer (index/index_writer) puts it there and the search side reads it back.
//
// Term prefixes and value slots are declared per field in schemas/fields.json and read through
// Schema (model/schema.h); this header holds the rest of the contract: paragraph ids, the
// metadata keys, the separator of the "facets" slot and where the database lives by default.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plenary {

class Schema;

/// The database location used when --db is not given: $PLENARY_DB, else
/// $XDG_DATA_HOME/plenary/db, else ~/.local/share/plenary/db.
std::string default_db_path();

/// A paragraph's id: "<file key>-<ordinal>", the ordinal counted from 1 in reading order.
std::string paragraph_id(const std::string& file_key, std::size_t ordinal);
/// The file key of a paragraph id (the whole id when it has no '-').
std::string paragraph_file_key(const std::string& id);
/// The ordinal of a paragraph id (0 when it has no '-').
std::size_t paragraph_ordinal(const std::string& id);

/// The metadata key under which a file's document record is kept (model/document_json.h).
std::string document_meta_key(const std::string& key);
/// The metadata key under which the paths of the files holding the same document as the file
/// with this key are kept, primary first, one per line (empty: no copies).
std::string copies_meta_key(const std::string& key);
/// The metadata key that says ("1") the file with this key is a copy whose paragraphs are
/// marked shadowed; written in the same transaction as the marks.
std::string shadow_meta_key(const std::string& key);
/// Metadata keys of file records (what the indexer remembers of each file) start with this.
constexpr const char* kFileRecordPrefix = "file:";
/// The metadata key under which a database indexed with `--shard K/N` keeps "K/N"
/// (index/shard_of.h); absent in an unsharded database.
constexpr const char* kShardSpecKey = "shard";
/// Metadata keys of copy signatures (index/copies.h) start with this, then the file key.
constexpr const char* kCopySignaturePrefix = "copy:";

/// The version of this contract (ids, metadata keys, value slots beyond fields.json's meaning):
/// raised when databases written by two versions cannot be searched as one.
/// 1: the first recorded; every paragraph has its tie key (paragraph_tie_key).
constexpr int kIndexFormatVersion = 1;
/// Metadata keys under which every indexing run records what it wrote with: kIndexFormatVersion,
/// the extraction version (index/index_writer.h) and schema_signature(); the parts of a stub
/// must agree on all three (absent in databases indexed before they were recorded).
constexpr const char* kFormatVersionKey = "plenary:format";
constexpr const char* kExtractionVersionKey = "plenary:extraction";
constexpr const char* kSchemaKey = "plenary:schema";

/// What of the schema the index's layout depends on, one line per field in schema order: its
/// name, term prefix, value slot, analyzer and whether it is stored, a facet, multi-valued.
std::string schema_signature(const Schema& schema);

/// The value (in the "tie" slot) that orders paragraphs of equal relevance: the file key, then
/// the ordinal, the same whatever database or shard holds the paragraph.
std::string paragraph_tie_key(const std::string& file_key, std::size_t ordinal);

/// Separates the facet fields' values in the one "facets" value slot, in schema order.
constexpr char kFacetSeparator = '\x1f';

/// Why this process cannot use the database folder at `path`, or "" when it can: "the database
/// folder is on a read-only file system", "permission denied: cannot write to …" (the folder or
/// one of its files), "permission denied: cannot read …". Checked where Xapian's own error
/// would name the wrong cause (a lock that cannot be taken, a database not found).
std::string database_access_problem(const std::string& path, bool for_writing);

}  // namespace plenary
