// Errors: one hierarchy for everything Plenary reports to a user.
#pragma once

#include <stdexcept>
#include <string>

namespace plenary {

/// Base of every error Plenary throws; what() is one line meant for a person.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The schema files in schemas/ are missing or inconsistent.
class SchemaError : public Error {
  public:
    using Error::Error;
};

/// One input document cannot be read or parsed. Carries the path and, where known, the line.
class DocumentError : public Error {
  public:
    DocumentError(std::string path, std::string message, int line = 0);
    const std::string& path() const { return m_path; }
    const std::string& message() const { return m_message; }
    int line() const { return m_line; }

  private:
    std::string m_path;     ///< the file as given by the user
    std::string m_message;  ///< what is wrong, without the path
    int m_line;             ///< 1-based line, 0 when unknown
};

/// A query cannot be parsed; column is 1-based, 0 when unknown.
class QueryError : public Error {
  public:
    explicit QueryError(const std::string& message, int column = 0);
    int column() const { return m_column; }

  private:
    int m_column;
};

/// The command line asks for something that cannot be done as given (kExitUsage,
/// base/exit_codes.h).
class UsageError : public Error {
  public:
    using Error::Error;
};

/// The database is missing, locked, corrupt or otherwise unusable.
class DatabaseError : public Error {
  public:
    using Error::Error;
};

/// The one line for a database that Xapian cannot read: `where` (its path, or what was being
/// done) and Xapian's description, with what the user can do about it.
std::string unreadable_database(const std::string& where, const std::string& description);

/// The one line for a write that Xapian could not make: a full disk is named as such (what was
/// committed before stays: Xapian's commits are atomic); anything else is `where: description`.
std::string failed_database_write(const std::string& where, const std::string& description);

}  // namespace plenary
