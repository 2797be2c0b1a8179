// YAML mappings of translated texts (the SDG goals, targets and indicators): one paragraph per
// key, anchored by the key so the language versions align, the language from the folder name.
// Only what those files use is read: "key: value" at the left margin, values wrapping over
// indented lines, single- or double-quoted values, comments and blank lines.
#include <filesystem>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"

namespace plenary {

namespace {

namespace fs = std::filesystem;

// "zh-Hans" -> "zh", "fr" -> "fr"; empty when the folder is not a language.
std::string folder_language(const std::string& source) {
    const std::string folder = fs::path(source).parent_path().filename().string();
    const std::string lower = ascii_lower(folder);
    const std::string base = lower.substr(0, lower.find_first_of("-_"));
    for (const char* code : {"ar", "en", "es", "fr", "ru", "zh"})
        if (base == code) return code;
    return {};
}

// "1-1-title" -> "1.1", "1-short" -> "1", "10-a-title" -> "10.a".
std::string number_of(std::string_view key) {
    for (std::string_view tail : {"-title", "-short", "-description"})
        if (key.size() > tail.size() && key.substr(key.size() - tail.size()) == tail) {
            key.remove_suffix(tail.size());
            break;
        }
    std::string out(key);
    for (char& c : out)
        if (c == '-') c = '.';
    return out;
}

// The value of a quoted scalar: quotes removed, '' and \" unescaped.
std::string unquote(std::string_view v) {
    if (v.size() < 2) return std::string(v);
    const char q = v.front();
    if ((q != '\'' && q != '"') || v.back() != q) return std::string(v);
    v = v.substr(1, v.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (q == '\'' && v[i] == '\'' && i + 1 < v.size() && v[i + 1] == '\'')
            ++i;
        else if (q == '"' && v[i] == '\\' && i + 1 < v.size())
            ++i;
        out += v[i];
    }
    return out;
}

bool quote_open(std::string_view v) {
    if (v.empty() || (v.front() != '\'' && v.front() != '"')) return false;
    const char q = v.front();
    if (v.size() == 1) return true;
    // Closed when it ends with an odd run of the quote mark ('' is an escaped quote).
    std::size_t run = 0;
    for (std::size_t i = v.size(); i > 1 && v[i - 1] == q; --i) ++run;
    return run % 2 == 0;
}

}  // namespace

Document parse_yaml(std::string_view text, const std::string& source) {
    Document doc;
    doc.lang = folder_language(source);
    doc.work = fs::path(source).stem().string();
    std::string key, value;
    int key_line = 0;
    auto flush = [&] {
        if (key.empty()) return;
        Paragraph p;
        p.text = collapse_spaces(unquote(trim(value)));
        p.anchor = key;
        p.number = number_of(key);
        p.line = key_line;
        if (!p.text.empty()) doc.paragraphs.push_back(std::move(p));
        key.clear();
        value.clear();
    };
    const auto lines = split_lines(text);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string_view line = lines[n];
        const std::string_view t = trim(line);
        if (t.empty() || t.front() == '#') continue;
        const bool indented = line.front() == ' ' || line.front() == '\t';
        if (indented || quote_open(value)) {
            if (key.empty())
                throw DocumentError(source,
                                    "indented line " + std::to_string(n + 1) + " before any key",
                                    static_cast<int>(n + 1));
            value += ' ';
            value += t;
            continue;
        }
        const std::size_t colon = line.find(": ");
        const bool bare = colon == std::string_view::npos && line.back() == ':';
        if (colon == std::string_view::npos && !bare)
            throw DocumentError(source, "expected 'key: value' at line " + std::to_string(n + 1),
                                static_cast<int>(n + 1));
        flush();
        key = std::string(trim(line.substr(0, bare ? line.size() - 1 : colon)));
        value = bare ? std::string() : std::string(trim(line.substr(colon + 2)));
        if (value == "|" || value == ">" || value == ">-" || value == "|-") value.clear();
        key_line = static_cast<int>(n + 1);
    }
    flush();
    return doc;
}

}  // namespace plenary
