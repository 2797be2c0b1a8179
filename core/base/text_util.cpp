#include "base/text_util.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/error.h"

namespace plenary {

char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        i = s.size();
        return 0xFFFD;
    }
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            i += k;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool check_utf8(std::string_view s, Utf8Problem* problem) {
    std::size_t i = 0;
    int line = 1;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            if (b0 == '\n') ++line;
            ++i;
            continue;
        }
        int len = 0;
        char32_t min = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            len = 3;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            min = 0x10000;
        }
        bool ok = len > 0 && i + len <= s.size();
        char32_t cp = 0;
        if (ok) {
            std::size_t j = i;
            cp = next_code_point(s, j);
            ok = j == i + len && cp != 0xFFFD && cp >= min && cp <= 0x10FFFF &&
                 !(cp >= 0xD800 && cp <= 0xDFFF);
            if (!ok && cp == 0xFFFD && j == i + len) ok = true;  // a literal U+FFFD
        }
        if (!ok) {
            if (problem) {
                problem->offset = i;
                problem->line = line;
            }
            return false;
        }
        i += len;
    }
    return true;
}

bool looks_binary(std::string_view bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
    std::size_t controls = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    }
    return n > 0 && controls * 10 > n;
}

std::string normalise_newlines(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t stop = i;  // (find_first_of calls memchr once per byte)
        while (stop < text.size() && text[stop] != '\r' && text[stop] != '\f') ++stop;
        out.append(text, i, stop - i);  // the text between line ends, as it is
        if (stop == text.size()) break;
        if (text[stop] == '\f') {
            out += "\f\n";
            i = stop + 1;
        } else {
            out += '\n';
            i = stop + (stop + 1 < text.size() && text[stop + 1] == '\n' ? 2 : 1);
        }
    }
    return out;
}

namespace {

// k_fold_pool, k_fold_offset, k_fold_identity: the folded form of every BMP code point,
// generated at build time from ICU (core/fold_rules.cpp), so nothing is built at start.
#include "fold_table.inc"

}  // namespace

void append_folded(std::string& out, std::string_view bytes, char32_t cp) {
    if (cp >= 0x10000 || (k_fold_identity[cp / 64] >> (cp % 64)) & 1) {
        out.append(bytes);
        return;
    }
    out.append(k_fold_pool + k_fold_offset[cp], k_fold_offset[cp + 1] - k_fold_offset[cp]);
}

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : static_cast<char>(b);
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = next_code_point(text, i);
        append_folded(out, text.substr(start, i - start), cp);
    }
    return out;
}

namespace {
bool is_space_at(std::string_view s, std::size_t i, std::size_t* len) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        *len = 1;
        return true;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        *len = 2;
        return true;
    }
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
        *len = 3;
        return true;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto c2 = static_cast<unsigned char>(s[i + 2]);
        if ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF) {
            *len = 3;
            return true;
        }
    }
    return false;
}
}  // namespace

std::string_view trim(std::string_view s) {
    std::size_t len = 0;
    while (!s.empty() && is_space_at(s, 0, &len)) s.remove_prefix(len);
    while (!s.empty()) {
        // Look back for a space ending at s.size().
        bool cut = false;
        for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
            if (is_space_at(s, s.size() - back, &len) && len == back) {
                s.remove_suffix(back);
                cut = true;
                break;
            }
        }
        if (!cut) break;
    }
    return s;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = 0;
        if (is_space_at(s, i, &len)) {
            pending = true;
            i += len;
            continue;
        }
        if (pending && !out.empty()) out += ' ';
        pending = false;
        out += s[i++];
    }
    return out;
}

int line_of(std::string_view text, std::ptrdiff_t offset) {
    offset = std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size()));
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            if (start < text.size()) lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::size_t code_point_count(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = s[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z') a += 32;
        if (b >= 'A' && b <= 'Z') b += 32;
        if (a != b) return false;
    }
    return true;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c += 32;
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DocumentError(path, std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw DocumentError(path, "read error");
    return std::move(ss).str();
}

}  // namespace plenary
