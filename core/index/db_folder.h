// The database folder on disk: what Plenary may write, and what it may delete.
//
// Plenary never deletes a file it did not create. A database folder holds Xapian's own files
// and nothing else; the indexer refuses a --db folder that holds anything more, a database
// path that is (or lies inside) an input path, and an input that lies inside the database.
// Temporary folders beside the database (DB.new, DB.old, DB.shard-N) are removed file by
// file, Xapian's files only, so that a folder of the user's that happens to bear such a name
// is named in an error and left as it is.
#pragma once

#include <string>
#include <vector>

namespace plenary {

/// True for the names of the files a Xapian (glass) database folder holds: iamglass,
/// flintlock, v.tmp (iamglass being written) and the tables (postlist.glass, record.baseA,
/// termlist.tmp, …).
bool is_xapian_file_name(const std::string& name);

/// True if `path` is a folder that holds Xapian's files and nothing else.
bool holds_only_xapian_files(const std::string& path);

/// Throws DatabaseError naming the first entry of folder `db` that is not a Xapian file, or if
/// `db` exists and is not a folder. A missing or empty folder is fine.
void check_database_folder(const std::string& db);

/// Throws UsageError if `db` is one of `inputs`, lies inside one of them, or holds one.
void check_database_apart_from_inputs(const std::string& db,
                                      const std::vector<std::string>& inputs);

/// Deletes a database folder that Plenary created: its Xapian files, then the folder itself.
/// A folder holding anything else is left untouched and named in a DatabaseError. A missing
/// folder is fine.
void remove_database_folder(const std::string& path);

}  // namespace plenary
