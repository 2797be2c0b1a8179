// The exit status of plenary-index and plenary-search, in one place: scripts rely on them and
// both binaries document them in --help.
#pragma once

#include <exception>

#include "base/error.h"

namespace plenary {

/// Everything done (all files indexed or unchanged; the search ran).
constexpr int kExitOk = 0;
/// Some work failed: some files could not be indexed (the rest are committed), or a search failed.
constexpr int kExitFailure = 1;
/// The command line is wrong.
constexpr int kExitUsage = 2;
/// The database is locked, missing or unusable.
constexpr int kExitDatabase = 3;

/// The exit status for an error that ends a run: usage for a UsageError or QueryError,
/// database for a DatabaseError, failure for anything else.
inline int exit_status(const std::exception& e) {
    if (dynamic_cast<const UsageError*>(&e) || dynamic_cast<const QueryError*>(&e))
        return kExitUsage;
    if (dynamic_cast<const DatabaseError*>(&e)) return kExitDatabase;
    return kExitFailure;
}

}  // namespace plenary
