#include "analysis/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "base/text_util.h"

namespace plenary {

Xapian::Stem stemmer_for(const std::string& lang) {
    if (lang == "en") return Xapian::Stem("english");
    if (lang == "fr") return Xapian::Stem("french");
    if (lang == "es") return Xapian::Stem("spanish");
    if (lang == "ru") return Xapian::Stem("russian");
    if (lang == "ar") return Xapian::Stem("arabic");
    if (lang == "de") return Xapian::Stem("german");
    return Xapian::Stem();
}

const std::vector<std::string>& analysed_languages() {
    static const std::vector<std::string> langs{"en", "fr", "es", "ru", "ar", "zh", "de"};
    return langs;
}

std::string analyzer_name(const std::string& lang) {
    return "text_" + (lang.empty() ? "en" : lang);
}

bool is_apostrophe(char32_t cp) {
    return cp == U'\'' || cp == U'`' || cp == 0x2018 || cp == 0x2019 || cp == 0x201B ||
           cp == 0x02BC || cp == 0x2032 || cp == 0x00B4;
}

bool is_superscript_digit(char32_t cp) {
    return cp == 0x00B9 || cp == 0x00B2 || cp == 0x00B3 || cp == 0x2070 ||
           (cp >= 0x2074 && cp <= 0x2079);
}

namespace {

bool is_ascii_digit(char32_t cp) {
    return cp >= U'0' && cp <= U'9';
}

// What continues a word for Xapian's TermGenerator: letters, digits, marks, connectors.
bool continues_word(char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    return u_isalnum(c) || (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_PC_MASK)) != 0;
}

// Bytes that may start one of the endings split_word_endings() changes; most text has few.
bool may_end_word_specially(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == '\'' || b == '`' || b == 0xE2 || b == 0xCA || b == 0xC2) return true;
        if (b >= '0' && b <= '9' && i > 0) {
            const auto p = static_cast<unsigned char>(text[i - 1]);
            if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || p >= 0x80) return true;
        }
    }
    return false;
}

}  // namespace

bool is_possessive_at(std::u32string_view cps, std::size_t i) {
    if (i == 0 || i + 1 >= cps.size() || !is_apostrophe(cps[i])) return false;
    if (!u_isalnum(static_cast<UChar32>(cps[i - 1]))) return false;
    if (cps[i + 1] != U's' && cps[i + 1] != U'S') return false;
    return i + 2 == cps.size() || !continues_word(cps[i + 2]);
}

bool is_glued_mark_at(std::u32string_view cps, std::size_t i) {
    if (i < 3 || !is_ascii_digit(cps[i])) return false;
    for (std::size_t k = 1; k <= 3; ++k)
        if (!u_isalpha(static_cast<UChar32>(cps[i - k]))) return false;
    std::size_t j = i;
    while (j < cps.size() && is_ascii_digit(cps[j])) ++j;
    return j - i <= 3 && (j == cps.size() || !continues_word(cps[j]));
}

WordEnding word_ending_at(std::u32string_view cps, std::size_t i) {
    if (is_superscript_digit(cps[i])) return WordEnding::superscript;
    if (is_possessive_at(cps, i)) return WordEnding::possessive;
    if (is_glued_mark_at(cps, i)) return WordEnding::glued_mark;
    return WordEnding::none;
}

std::string split_word_endings(std::string_view text) {
    if (!may_end_word_specially(text)) return std::string(text);
    std::u32string cps;
    std::vector<std::size_t> offsets;  // byte offset of each code point, and the size
    for (std::size_t i = 0; i < text.size();) {
        offsets.push_back(i);
        cps.push_back(next_code_point(text, i));
    }
    offsets.push_back(text.size());
    std::string out;
    std::size_t copied = 0;  // text before this byte is in out
    for (std::size_t k = 0; k < cps.size(); ++k) {
        switch (word_ending_at(cps, k)) {
            case WordEnding::none:
                break;
            case WordEnding::superscript:
                out.append(text.substr(copied, offsets[k] - copied)) += ' ';
                copied = offsets[k + 1];
                break;
            case WordEnding::possessive:
                out.append(text.substr(copied, offsets[k] - copied));
                copied = offsets[k + 2];
                ++k;
                break;
            case WordEnding::glued_mark:
                out.append(text.substr(copied, offsets[k] - copied)) += '-';
                copied = offsets[k];
                break;
        }
    }
    out.append(text.substr(copied));
    return out;
}

std::string fold_terms(std::string_view text) {
    std::string out = may_end_word_specially(text) ? fold(split_word_endings(text)) : fold(text);
    unify_arabic_letters(out);
    return out;
}

void unify_arabic_letters(std::string& out) {
    // Only two-byte Arabic letters change, each into another two-byte letter: done in place.
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(out[i]);
        if (b0 != 0xD8 && b0 != 0xD9) continue;
        const auto b1 = static_cast<unsigned char>(out[i + 1]);
        if (b0 == 0xD9 && b1 == 0xB1) {  // U+0671 alef wasla -> U+0627 alef
            out[i] = static_cast<char>(0xD8);
            out[i + 1] = static_cast<char>(0xA7);
        } else if (b0 == 0xD9 && b1 == 0x89) {  // U+0649 alef maqsura -> U+064A yeh
            out[i + 1] = static_cast<char>(0x8A);
        } else if (b0 == 0xD8 && b1 == 0xA9) {  // U+0629 ta marbuta -> U+0647 heh
            out[i] = static_cast<char>(0xD9);
            out[i + 1] = static_cast<char>(0x87);
        }
        ++i;
    }
}

bool is_han(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF) || cp == 0x3007;
}

namespace {

// One word break iterator per thread: ICU's iterators are not thread-safe, and making one
// loads the Chinese dictionary, so it is kept.
icu::BreakIterator* zh_word_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> it = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(
            icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
        if (U_FAILURE(status)) b.reset();
        return b;
    }();
    return it.get();
}

bool may_hold_han(std::string_view text) {
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 0xE3 && b <= 0xE9) || b == 0xEF || b == 0xF0) return true;
    }
    return false;
}

}  // namespace

std::vector<std::size_t> han_word_lengths(std::string_view han_run) {
    std::vector<std::size_t> out;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(han_run.data(), static_cast<int32_t>(han_run.size())));
    icu::BreakIterator* it = zh_word_iterator();
    if (!it) {
        // Without ICU's dictionary each ideograph is a word.
        out.assign(static_cast<std::size_t>(u.countChar32()), 1);
        return out;
    }
    it->setText(u);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next())
        out.push_back(static_cast<std::size_t>(u.countChar32(start, end - start)));
    it->setText(icu::UnicodeString());  // drop the reference to u
    return out;
}

std::string segment_cjk(std::string_view text) {
    if (!may_hold_han(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        const char32_t cp = next_code_point(text, i);
        if (!is_han(cp)) {
            out.append(text.substr(start, i - start));
            continue;
        }
        std::size_t end = i;
        while (end < text.size()) {
            std::size_t next = end;
            if (!is_han(next_code_point(text, next))) break;
            end = next;
        }
        const std::string_view run = text.substr(start, end - start);
        out += ' ';
        std::size_t at = 0;
        for (const std::size_t len : han_word_lengths(run)) {
            std::size_t stop = at;
            for (std::size_t k = 0; k < len && stop < run.size(); ++k) next_code_point(run, stop);
            out.append(run.substr(at, stop - at));
            out += ' ';
            at = stop;
        }
        if (at < run.size()) out.append(run.substr(at));
        i = end;
    }
    return out;
}

std::string prepare_terms(std::string_view text) {
    std::string folded = fold_terms(text);
    if (!may_hold_han(folded)) return folded;  // the usual case: no copy
    return segment_cjk(folded);
}

Analyzer::Analyzer(const std::string& lang) {
    m_generator.set_stemmer(stemmer_for(lang.empty() ? "en" : lang));
    m_generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void Analyzer::start(Xapian::Document& doc) {
    m_generator.set_document(doc);
}

void Analyzer::index_text(std::string_view text, const std::string& prefix) {
    m_generator.index_text(prepare_terms(text), 1, prefix);
}

void Analyzer::index_words(std::string_view text, const std::string& prefix) {
    m_generator.index_text_without_positions(prepare_terms(text), 1, prefix);
}

void Analyzer::gap() {
    m_generator.increase_termpos(100);
}

}  // namespace plenary
