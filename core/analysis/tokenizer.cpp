#include "analysis/tokenizer.h"

#include <xapian.h>

#include <cstdint>
#include <functional>

#include "analysis/analyzer.h"
#include "base/text_util.h"

namespace plenary {

namespace {

// prepare_terms() of a text, with the code point of the text each of its bytes comes from.
struct Prepared {
    std::string text;
    std::vector<std::uint32_t> source;  ///< byte of text -> index of a code point of the original
};

void append_from(Prepared& p, std::string_view bytes, std::uint32_t k) {
    p.text.append(bytes);
    p.source.insert(p.source.end(), bytes.size(), k);
}

void append_range(Prepared& out, const Prepared& in, std::size_t from, std::size_t to) {
    out.text.append(in.text, from, to - from);
    out.source.insert(out.source.end(), in.source.begin() + static_cast<std::ptrdiff_t>(from),
                      in.source.begin() + static_cast<std::ptrdiff_t>(to));
}

// fold_terms() code point by code point: the word endings made plain (split_word_endings; the
// possessives and glued marks only where asked), each code point folded as fold() folds it,
// then the Arabic letters unified. ends[k] is where code point k ends in the text, past the
// code points after it that fold to nothing (the harakat of "الجمعيةُ"), so a word ends where
// it is written to end.
void fold_mapped(std::u32string_view cps, std::string_view text,
                 const std::vector<std::size_t>& offsets, bool word_endings,
                 std::vector<std::size_t>& ends, Prepared& p) {
    ends.assign(offsets.begin() + 1, offsets.end());
    std::size_t last = cps.size();  // the last code point that folded to something
    p.text.clear();
    p.source.clear();
    p.text.reserve(text.size());
    p.source.reserve(text.size());
    std::string one;
    for (std::size_t k = 0; k < cps.size(); ++k) {
        const auto at = static_cast<std::uint32_t>(k);
        const char32_t cp = cps[k];
        // Only digits, apostrophes and non-ASCII code points may end a word specially.
        const auto may_end = [](char32_t c) {
            return (c >= U'0' && c <= U'9') || c == U'\'' || c == U'`' || c >= 0x80;
        };
        if (!may_end(cp)) {  // most text: a run of ASCII that folds to itself, lower-cased
            std::size_t run_end = k + 1;
            while (run_end < cps.size() && !may_end(cps[run_end])) ++run_end;
            const std::size_t from = p.text.size();
            p.text.resize(from + run_end - k);
            p.source.resize(from + run_end - k);
            for (std::size_t j = k; j < run_end; ++j) {
                const char32_t c = cps[j];
                p.text[from + j - k] = static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c);
                p.source[from + j - k] = static_cast<std::uint32_t>(j);
            }
            last = run_end - 1;
            k = run_end - 1;
            continue;
        }
        WordEnding ending = word_ending_at(cps, k);
        if (!word_endings && ending != WordEnding::superscript) ending = WordEnding::none;
        if (ending == WordEnding::superscript) {
            append_from(p, " ", at);
            last = k;
            continue;
        }
        if (ending == WordEnding::possessive) {
            ++k;
            last = cps.size();
            continue;
        }
        if (ending == WordEnding::glued_mark) append_from(p, "-", at);
        if (cp < 0x80) {  // most text: one byte, lower-cased
            p.text += static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp);
            p.source.push_back(at);
            last = k;
            continue;
        }
        one.clear();
        append_folded(one, text.substr(offsets[k], offsets[k + 1] - offsets[k]), cp);
        if (one.empty() && last < cps.size()) ends[last] = offsets[k + 1];
        if (one.empty()) continue;
        append_from(p, one, at);
        last = k;
    }
    unify_arabic_letters(p.text);
}

// segment_cjk() with the sources kept, in place (out is scratch): each run of Han ideographs
// set apart by spaces, and cut into ICU's Chinese words by spaces.
void segment_mapped(Prepared& in, Prepared& out) {
    // Han ideographs are 3 bytes from U+3400 (lead byte E3 to E9, EF) or 4 (F0): most text has
    // none.
    bool han = false;
    for (std::size_t i = 0; i < in.text.size() && !han; ++i) {
        const auto b = static_cast<unsigned char>(in.text[i]);
        if ((b < 0xE3 || b > 0xE9) && b != 0xEF && b != 0xF0) continue;
        std::size_t j = i;
        han = is_han(next_code_point(in.text, j));
    }
    if (!han) return;
    out.text.clear();
    out.source.clear();
    std::size_t i = 0;
    while (i < in.text.size()) {
        const std::size_t start = i;
        if (!is_han(next_code_point(in.text, i))) {
            append_range(out, in, start, i);
            continue;
        }
        std::size_t end = i;
        while (end < in.text.size()) {
            std::size_t next = end;
            if (!is_han(next_code_point(in.text, next))) break;
            end = next;
        }
        const std::string_view run = std::string_view(in.text).substr(start, end - start);
        append_from(out, " ", in.source[start]);
        std::size_t at = 0;
        for (const std::size_t len : han_word_lengths(run)) {
            std::size_t stop = at;
            for (std::size_t k = 0; k < len && stop < run.size(); ++k) next_code_point(run, stop);
            append_range(out, in, start + at, start + stop);
            append_from(out, " ", in.source[start]);
            at = stop;
        }
        if (at < run.size()) append_range(out, in, start + at, end);
        i = end;
    }
    std::swap(in, out);
}

// From here on TermGenerator's parse_terms() (xapian-core 1.4, termgenerator_internal.cc), over
// prepared text, with Xapian's own character tables.

constexpr unsigned kIgnore = ~0U;  // an infix dropped from the term (zero-width characters)

struct At {
    char32_t cp = 0;
    std::size_t next = 0;  ///< byte after it
};

At at(std::string_view p, std::size_t i) {
    const auto b = static_cast<unsigned char>(p[i]);
    if (b < 0x80) return {b, i + 1};  // most text is ASCII
    At a{0, i};
    a.cp = next_code_point(p, a.next);
    return a;
}

// The lower-case form of a word character, 0 for any other. In ASCII Xapian's word characters
// are the letters, the digits and "_" (its one connector).
unsigned word_char(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return cp + 32;
        const bool word = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_';
        return word ? cp : 0;
    }
    return Xapian::Unicode::is_wordchar(cp) ? Xapian::Unicode::tolower(cp) : 0;
}

// As word_char(); without join a connector ("_") is no word character either.
unsigned word_char(char32_t cp, bool join) {
    if (join) return word_char(cp);
    if (cp < 0x80) return cp == '_' ? 0 : word_char(cp);
    if (Xapian::Unicode::get_category(cp) == Xapian::Unicode::CONNECTOR_PUNCTUATION) return 0;
    return word_char(cp);
}

bool is_decimal_digit(unsigned ch) {
    return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_zero_width(unsigned ch) {
    return ch >= 0x200B && (ch <= 0x200D || ch == 0x2060 || ch == 0xFEFF);
}

// What TermGenerator keeps of a character between two word characters: itself, "'" for a
// typographic apostrophe, kIgnore, or 0 when it ends the word. Between two digits the
// separators of numbers ("1,000.5") are the infixes.
unsigned infix(unsigned ch, bool between_digits) {
    if (between_digits) {
        switch (ch) {
            case ',':
            case '.':
            case ';':
            case 0x037E:
            case 0x0589:
            case 0x060D:
            case 0x07F8:
            case 0x2044:
            case 0xFE10:
            case 0xFE13:
            case 0xFE14:
                return ch;
            default:
                return is_zero_width(ch) ? kIgnore : 0;
        }
    }
    if (ch == '\'' || ch == '&' || ch == 0xB7 || ch == 0x5F4 || ch == 0x2027) return ch;
    if (ch == 0x2019 || ch == 0x201B) return '\'';
    return is_zero_width(ch) ? kIgnore : 0;
}

// Where a word that stops at p[i] ends with its suffix: up to three "+" or "#" ("c++", "c#")
// that no word character follows ("fish+chips" is two words); i where there is none.
std::size_t suffix_end(std::string_view p, std::size_t i) {
    std::size_t stop = i;
    for (unsigned count = 0; stop < p.size() && (p[stop] == '+' || p[stop] == '#'); ++stop)
        if (++count > 3) return i;
    if (stop == p.size()) return stop;
    return word_char(at(p, stop).cp) ? i : stop;
}

// Calls emit(begin, end, term) for each word of prepared text p, [begin, end) in bytes of p;
// term is valid during the call.
// TermGenerator's rule for initials ("U.N." as "un") needs ASCII capitals, which prepared text
// no longer has; its CJK n-grams are off in the indexer (no FLAG_CJK_NGRAM, no XAPIAN_CJK_NGRAM
// in the environment), so neither is followed here. Without join, no infix and no suffix.
template <typename Emit>
void parse_terms(std::string_view p, bool join, std::string& term, Emit emit) {
    std::size_t i = 0;
    while (true) {
        At c;
        while (true) {
            if (i == p.size()) return;
            c = at(p, i);
            if (word_char(c.cp, join)) break;
            i = c.next;
        }
        const std::size_t begin = i;
        term.clear();
        bool at_end = false;
        while (true) {
            unsigned prev = 0;
            do {  // c is the word character at i
                prev = word_char(c.cp, join);
                Xapian::Unicode::append_utf8(term, prev);
                i = c.next;
                at_end = i == p.size();
                if (!at_end) c = at(p, i);
            } while (!at_end && word_char(c.cp, join));
            if (at_end || !join || c.next == p.size()) break;
            const At following = at(p, c.next);
            if (!word_char(following.cp)) break;
            const unsigned kept =
                infix(c.cp, is_decimal_digit(prev) && is_decimal_digit(following.cp));
            if (kept == 0) break;
            if (kept != kIgnore) Xapian::Unicode::append_utf8(term, kept);
            i = c.next;
            c = following;
        }
        std::size_t end = i;
        if (!at_end && join) {
            end = suffix_end(p, i);
            term.append(p.substr(i, end - i));
        }
        emit(begin, end, std::string_view(term));
        i = end;
    }
}

// What words of a text needs besides the text, kept from one text to the next so that the
// gazetteer's pass over every paragraph allocates nothing once warm.
struct Scratch {
    std::u32string cps;
    std::vector<std::size_t> offsets;  ///< byte offset of each code point, and the size
    std::vector<std::size_t> ends;
    Prepared prepared;
    Prepared segmented;
    std::string term;
    bool busy = false;  ///< in use further up this thread's stack (an emit that tokenises)

    void release_if_large() {  // one huge text should not pin its buffers for the thread's life
        if (offsets.capacity() <= (std::size_t{1} << 20)) return;
        *this = Scratch();
    }
};

void for_each_word_in(Scratch& s, std::string_view text, Infixes infixes,
                      const std::function<void(WordSpan, std::string_view)>& emit) {
    s.cps.resize(text.size());
    s.offsets.resize(text.size() + 1);
    std::size_t n = 0;  // code points so far
    for (std::size_t i = 0; i < text.size(); ++n) {
        s.offsets[n] = i;
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            s.cps[n] = b;
            ++i;
        } else {
            s.cps[n] = next_code_point(text, i);
        }
    }
    s.cps.resize(n);
    s.offsets[n] = text.size();
    s.offsets.resize(n + 1);
    const bool join = infixes == Infixes::join;
    fold_mapped(s.cps, text, s.offsets, join, s.ends, s.prepared);
    segment_mapped(s.prepared, s.segmented);
    const Prepared& p = s.prepared;
    parse_terms(p.text, join, s.term, [&](std::size_t b, std::size_t e, std::string_view term) {
        emit({s.offsets[p.source[b]], s.ends[p.source[e - 1]]}, term);
    });
}

}  // namespace

void for_each_word(std::string_view text, Infixes infixes,
                   const std::function<void(WordSpan, std::string_view)>& emit) {
    thread_local Scratch scratch;
    if (scratch.busy) {
        Scratch own;
        for_each_word_in(own, text, infixes, emit);
        return;
    }
    scratch.busy = true;
    try {
        for_each_word_in(scratch, text, infixes, emit);
    } catch (...) {
        scratch.busy = false;
        throw;
    }
    scratch.busy = false;
    scratch.release_if_large();
}

std::vector<Word> words_of(std::string_view text, Infixes infixes) {
    std::vector<Word> out;
    for_each_word(text, infixes, [&](WordSpan span, std::string_view term) {
        out.push_back({span, std::string(term)});
    });
    return out;
}

std::vector<WordSpan> word_spans(std::string_view text) {
    std::vector<WordSpan> out;
    for (const Word& w : words_of(text)) out.push_back(w.span);
    return out;
}

bool is_stemmed_term(std::string_view term) {
    if (term.empty()) return false;
    std::size_t i = 0;
    switch (Xapian::Unicode::get_category(next_code_point(term, i))) {
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
            return true;
        default:
            return false;
    }
}

}  // namespace plenary
