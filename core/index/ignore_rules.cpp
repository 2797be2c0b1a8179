#include "index/ignore_rules.h"

#include <fnmatch.h>

#include <fstream>
#include <sstream>
#include <utility>

#include "base/text_util.h"

namespace plenary {

namespace fs = std::filesystem;

IgnoreRules::IgnoreRules(std::function<void(const std::string&)> on_error)
    : m_on_error(std::move(on_error)) {}

std::vector<std::string> parse_ignore_patterns(const std::string& text) {
    std::vector<std::string> patterns;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const std::string_view t = trim(line);
        if (!t.empty() && t[0] != '#') patterns.emplace_back(t);
    }
    return patterns;
}

bool ignore_pattern_matches(const std::string& pattern, const std::string& relative) {
    if (pattern.find('/') == std::string::npos) {
        const std::size_t slash = relative.rfind('/');
        const std::string name = slash == std::string::npos ? relative : relative.substr(slash + 1);
        return fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0;
    }
    const std::string anchored = pattern[0] == '/' ? pattern.substr(1) : pattern;
    return fnmatch(anchored.c_str(), relative.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0;
}

const std::vector<std::string>& IgnoreRules::patterns_of(const fs::path& folder) {
    const auto found = m_patterns.find(folder);
    if (found != m_patterns.end()) return found->second;
    std::vector<std::string> patterns;
    const fs::path file = folder / kIgnoreFileName;
    std::error_code ec;
    if (fs::exists(file, ec)) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        if (in && (text << in.rdbuf())) {
            patterns = parse_ignore_patterns(text.str());
        } else if (m_on_error) {
            m_on_error(file.string() + ": cannot read");
        }
    }
    return m_patterns.emplace(folder, std::move(patterns)).first->second;
}

bool IgnoreRules::ignored(const fs::path& root, const fs::path& path) {
    // Each folder from root down to path's own folder, with path relative to it.
    const fs::path relative = path.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..") return false;
    fs::path folder = root;
    std::vector<std::string> parts;
    for (const auto& part : relative) parts.push_back(part.string());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string rest = parts[i];
        for (std::size_t j = i + 1; j < parts.size(); ++j) rest += "/" + parts[j];
        for (const std::string& pattern : patterns_of(folder))
            if (ignore_pattern_matches(pattern, rest)) return true;
        folder /= parts[i];
    }
    return false;
}

}  // namespace plenary
