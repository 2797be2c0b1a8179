// Which files of a folder the indexer leaves out, as the folder's owner says.
//
// A folder may hold a file named .plenaryignore: one pattern per line (blank lines and lines
// starting with '#' are skipped), with the wildcards of a shell (*, ?, [...]). A pattern
// without a slash matches the name of a file or folder anywhere below the folder that holds
// the .plenaryignore ("README.md", "*.csv", "drafts"); a pattern with a slash matches the path
// from that folder ("notes/*.txt", "/README.md" only at its top). A folder that matches is not
// walked. A collection's own notes (a README beside the documents, a licence, a table of
// sources) are thus not indexed as documents.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace plenary {

/// The .plenaryignore name.
inline constexpr const char* kIgnoreFileName = ".plenaryignore";

/// The patterns of one folder's .plenaryignore, read once per folder and kept for the walk.
class IgnoreRules {
  public:
    /// on_error hears of a .plenaryignore that exists but cannot be read ("PATH: cannot read").
    explicit IgnoreRules(std::function<void(const std::string&)> on_error = {});

    /// True if `path` (a file or folder found walking `root`) is left out by a .plenaryignore of
    /// `root` or of a folder between `root` and `path`.
    bool ignored(const std::filesystem::path& root, const std::filesystem::path& path);

  private:
    const std::vector<std::string>& patterns_of(const std::filesystem::path& folder);

    std::function<void(const std::string&)> m_on_error;
    std::map<std::filesystem::path, std::vector<std::string>> m_patterns;
};

/// The patterns of .plenaryignore text: one per line, blanks and '#' comments dropped, spaces
/// at either end trimmed.
std::vector<std::string> parse_ignore_patterns(const std::string& text);

/// True if `pattern` (as in a .plenaryignore) matches `relative`, the path of a file or folder
/// from the folder holding the .plenaryignore, with '/' between its parts.
bool ignore_pattern_matches(const std::string& pattern, const std::string& relative);

}  // namespace plenary
