#include "base/error.h"

namespace plenary {

namespace {
std::string format_document_error(const std::string& path, const std::string& message, int line) {
    std::string out = path;
    if (line > 0) out += ":" + std::to_string(line);
    return out + ": " + message;
}
}  // namespace

DocumentError::DocumentError(std::string path, std::string message, int line)
    : Error(format_document_error(path, message, line)),
      m_path(std::move(path)),
      m_message(std::move(message)),
      m_line(line) {}

QueryError::QueryError(const std::string& message, int column)
    : Error(column > 0 ? message + " at column " + std::to_string(column) : message),
      m_column(column) {}

std::string unreadable_database(const std::string& where, const std::string& description) {
    return where + ": the database cannot be read (" + description +
           "); it may be damaged: check it with xapian-check, and if it is, move it aside and "
           "index again";
}

std::string failed_database_write(const std::string& where, const std::string& description) {
    if (description.find("No space left on device") != std::string::npos)
        return where + ": the disk is full (" + description +
               "); what was committed before stays in the database";
    return where + ": " + description;
}

}  // namespace plenary
