#include "text_util.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "error.h"

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
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == '\f') {
            out += "\f\n";
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

/// Folded form of each BMP code point, computed once with ICU.
struct FoldTable {
    std::array<std::string, 0x10000> folded;
    std::array<bool, 0x10000> identity{};
};

const FoldTable& fold_table() {
    static FoldTable* table = [] {
        auto* t = new FoldTable();
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
        for (char32_t cp = 0; cp < 0x10000; ++cp) {
            if (cp < 0x80) {
                const char c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
                t->folded[cp] = std::string(1, c);
                t->identity[cp] = c == static_cast<char>(cp);
                continue;
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                t->identity[cp] = true;
                continue;
            }
            std::string out;
            switch (cp) {
                case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4:
                case 0x0060:
                    out = "'";
                    break;
                case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
                    out = "\"";
                    break;
                case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
                    out = "-";
                    break;
                case 0x00A0: case 0x2007: case 0x202F: case 0x3000:
                    out = " ";
                    break;
                case 0x00DF: out = "ss"; break;
                case 0x00E6: case 0x00C6: out = "ae"; break;
                case 0x0153: case 0x0152: out = "oe"; break;
                case 0x00F8: case 0x00D8: out = "o"; break;
                case 0x0111: case 0x0110: out = "d"; break;
                case 0x0142: case 0x0141: out = "l"; break;
                case 0x0131: out = "i"; break;
                case 0x0640: out = ""; break;  // Arabic tatweel
                // Short i is a letter of its own in Russian, not и with a mark: the Snowball
                // stemmer needs it to find endings such as -ой, -ий.
                case 0x0419: case 0x0439: out = "\u0439"; break;
                default: {
                    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) {
                        out = std::string(1, static_cast<char>('0' + (cp & 0xF)));  // Arabic-Indic digits
                        break;
                    }
                    icu::UnicodeString src(static_cast<UChar32>(cp));
                    icu::UnicodeString dec;
                    UErrorCode st = U_ZERO_ERROR;
                    nfkd->normalize(src, dec, st);
                    if (U_FAILURE(st)) dec = src;
                    icu::UnicodeString kept;
                    for (int32_t k = 0; k < dec.length();) {
                        UChar32 c = dec.char32At(k);
                        k += U16_LENGTH(c);
                        if (u_charType(c) == U_NON_SPACING_MARK) continue;
                        kept.append(c);
                    }
                    kept.foldCase();
                    kept.toUTF8String(out);
                }
            }
            std::string self;
            append_utf8(self, cp);
            t->identity[cp] = out == self;
            t->folded[cp] = std::move(out);
        }
        (void)status;
        return t;
    }();
    return *table;
}

}  // namespace

std::string fold(std::string_view text) {
    const FoldTable& t = fold_table();
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
        if (cp < 0x10000) {
            if (t.identity[cp])
                out.append(text.substr(start, i - start));
            else
                out += t.folded[cp];
        } else {
            out.append(text.substr(start, i - start));
        }
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
