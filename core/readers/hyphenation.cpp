#include "readers/hyphenation.h"

#include "base/ascii.h"
#include "base/text_util.h"
#include "readers/layout.h"

namespace plenary {

namespace {

/// True for a letter: ASCII letters and code points from Latin-1 letters up, less the
/// punctuation, symbol and space blocks (dashes and typographic quotes are not letters).
bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
    return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
           !(cp >= 0xE000 && cp <= 0xF8FF) && cp != 0xFEFF && cp != 0xFFFD;
}

/// Length in bytes of the run of letters starting at text[from].
std::size_t letters_from(std::string_view text, std::size_t from) {
    std::size_t i = from;
    while (i < text.size()) {
        std::size_t next = i;
        if (!is_letter(next_code_point(text, next))) break;
        i = next;
    }
    return i - from;
}

/// Start of the run of letters that ends at text[end] (exclusive).
std::size_t letters_before(std::string_view text, std::size_t end) {
    std::size_t begin = end;
    while (begin > 0) {
        std::size_t start = begin - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t i = start;
        if (!is_letter(next_code_point(text, i))) break;
        begin = start;
    }
    return begin;
}

}  // namespace

HyphenVocabulary::HyphenVocabulary(const std::vector<std::string_view>& lines) {
    // The halves of a word cut at a line end are no words of their own: "imple-" "mentation".
    bool after_cut = false;
    for (std::string_view line : lines) {
        line = trim(line);
        if (line.empty()) continue;
        const bool skip_first = after_cut;
        after_cut = line.size() >= 2 && line.back() == '-' && line[line.size() - 2] != '-' &&
                    line[line.size() - 2] != ' ';
        std::size_t i = 0;
        bool first = true;
        while (i < line.size()) {
            const std::size_t n = letters_from(line, i);
            if (n == 0) {
                ++i;
                while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
                continue;
            }
            // A word and the words its inner hyphens join to it: "non-self-governing".
            std::size_t end = i + n;
            while (end + 1 < line.size() && line[end] == '-') {
                const std::size_t more = letters_from(line, end + 1);
                if (more == 0) break;
                end += 1 + more;
            }
            const bool fragment =
                (first && skip_first) || (end + 1 == line.size() && line[end] == '-');
            if (!fragment) ++m_counts[ascii_lower(line.substr(i, end - i))];
            first = false;
            i = end;
        }
    }
}

int HyphenVocabulary::count(std::string_view word) const {
    const auto it = m_counts.find(ascii_lower(word));
    return it == m_counts.end() ? 0 : it->second;
}

bool HyphenVocabulary::joins(std::string_view head, std::string_view tail) const {
    const int joined = count(std::string(head) + std::string(tail));
    const int hyphenated = count(std::string(head) + "-" + std::string(tail));
    // Unseen either way, the hyphen stays: in the General Debate records a line-end hyphen is
    // a compound's 97 times in 100 (1,296 of 1,335 that the whole corpus spells one way).
    return joined > hyphenated;
}

void HyphenVocabulary::append(std::string& text, std::string_view line) const {
    line = trim(line);
    if (line.empty()) return;
    if (text.empty()) {
        text.assign(line);
        return;
    }
    const std::size_t hyphen = text.size() - 1;
    const std::size_t head_begin = text.back() == '-' ? letters_before(text, hyphen) : hyphen;
    // "inter-", "1990-": a word or a number cut at the line end, not a dash (" -", "--").
    const bool cut = text.back() == '-' && hyphen > 0 &&
                     (head_begin < hyphen || is_ascii_digit(text[hyphen - 1])) &&
                     (letters_from(line, 0) > 0 || is_ascii_digit(line[0]));
    if (!cut) {
        if (text.back() != ' ') text.push_back(' ');
        text.append(line);
        return;
    }
    const std::string_view head = std::string_view(text).substr(head_begin, hyphen - head_begin);
    const std::string_view tail = line.substr(0, letters_from(line, 0));
    const std::string lower_tail = ascii_lower(tail);
    // "one-size-" "fits-all": the end of a compound of several words stays one.
    const bool in_compound = head_begin > 0 && text[head_begin - 1] == '-';
    if (lower_tail == "and" || lower_tail == "or") {
        text.push_back(' ');  // "pre- and post-war": a suspended hyphen
    } else if (!head.empty() && !in_compound && layout::starts_lower(tail) && joins(head, tail)) {
        text.pop_back();
    }
    text.append(line);
}

}  // namespace plenary
