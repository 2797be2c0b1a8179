#include "language.h"

#include <array>
#include <unordered_map>

#include "text_util.h"

namespace plenary {

namespace {

enum Script { kLatin, kArabic, kHan, kCyrillic, kScripts };

int script_of(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
        return kLatin;
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF))
        return u'\u0640' == cp ? -1 : kArabic;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0x20000 && cp <= 0x2FFFF))
        return kHan;
    if (cp >= 0x0400 && cp <= 0x052F) return kCyrillic;
    return -1;
}

enum Latin { kEn, kFr, kEs, kLatins };

// Function words that only one of the three languages uses (shared ones like "de", "la",
// "en", "que", "a" tell nothing). French elisions ("l'", "d'", "qu'") count as words.
const std::unordered_map<std::string_view, int>& function_words() {
    static const std::unordered_map<std::string_view, int> words = [] {
        std::unordered_map<std::string_view, int> m;
        for (const char* w : {"the", "of", "and", "to", "is", "that", "for", "on", "with", "by", "as", "be",
                              "are", "this", "which", "it", "was", "have", "has", "its", "from", "at", "an",
                              "or", "not", "shall", "their", "all", "been", "were", "would", "should", "will",
                              "in", "any", "other", "such"})
            m.emplace(w, kEn);
        for (const char* w : {"le", "les", "des", "du", "et", "est", "qui", "dans", "pour", "par", "sur", "au",
                              "aux", "ne", "pas", "sont", "ses", "cette", "il", "elle", "avec", "ou", "l", "d",
                              "qu", "une", "nous", "leur", "leurs", "été", "être", "à", "ces", "toute", "tous",
                              "doit", "peut", "ont", "sa", "cet", "mais", "dont", "où"})
            m.emplace(w, kFr);
        for (const char* w : {"el", "los", "las", "del", "y", "es", "por", "para", "con", "se", "al", "su", "sus",
                              "lo", "como", "más", "este", "esta", "una", "o", "sobre", "entre", "estos",
                              "todos", "toda", "ha", "han", "sido", "sin", "también", "ser", "debe", "puede",
                              "e", "cual", "donde", "según"})
            m.emplace(w, kEs);
        return m;
    }();
    return words;
}

// Letters that only one of French and Spanish writes (é, á... are shared or ambiguous).
int letter_hint(char32_t cp) {
    switch (cp) {
        case U'è': case U'ê': case U'ç': case U'à': case U'ù': case U'û': case U'î': case U'ô': case U'ë':
        case U'ï': case U'œ': case U'È': case U'Ê': case U'Ç': case U'À':
            return kFr;
        case U'ñ': case U'á': case U'í': case U'ó': case U'ú': case U'¿': case U'¡': case U'Ñ': case U'Á':
        case U'Í': case U'Ó': case U'Ú':
            return kEs;
        default:
            return -1;
    }
}

char32_t lower_latin(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    return cp;
}

struct Counts {
    std::array<std::size_t, kScripts> script{};
    std::array<double, kLatins> latin{};
};

void count(std::string_view text, Counts& c) {
    const auto& words = function_words();
    std::string word;
    auto end_word = [&] {
        if (word.empty()) return;
        if (const auto it = words.find(word); it != words.end()) c.latin[it->second] += 1.0;
        word.clear();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        const int s = script_of(cp);
        if (s >= 0) ++c.script[s];
        if (s == kLatin) {
            if (const int h = letter_hint(cp); h >= 0) c.latin[h] += 0.25;
            if (word.size() < 16) append_utf8(word, lower_latin(cp));
        } else {
            end_word();
        }
    }
    end_word();
}

std::string decide(const Counts& c) {
    std::size_t letters = 0;
    int best = -1;
    for (int s = 0; s < kScripts; ++s) {
        letters += c.script[s];
        // A Han ideograph carries about as much text as two or three Latin letters.
        const std::size_t weight = s == kHan ? c.script[s] * 3 : c.script[s];
        const std::size_t best_weight = best < 0 ? 0 : best == kHan ? c.script[best] * 3 : c.script[best];
        if (weight > best_weight) best = s;
    }
    if (letters < 2 || best < 0) return "";
    switch (best) {
        case kArabic: return "ar";
        case kHan: return "zh";
        case kCyrillic: return "ru";
        default: break;
    }
    int lang = -1;
    double top = 0;
    for (int l = 0; l < kLatins; ++l)
        if (c.latin[l] > top) {
            top = c.latin[l];
            lang = l;
        }
    if (lang < 0) return "en";  // no function word nor accent: English is the likeliest
    static const char* codes[] = {"en", "fr", "es"};
    return codes[lang];
}

}  // namespace

std::string detect_language(std::string_view text) {
    Counts c;
    count(text, c);
    return decide(c);
}

std::string detect_document_language(const Document& doc) {
    constexpr std::size_t kSample = 64 * 1024;
    Counts c;
    std::size_t seen = 0;
    auto add = [&](std::string_view t) {
        if (seen >= kSample) return;
        if (t.size() > kSample - seen) {
            t = t.substr(0, kSample - seen);
            // Do not cut inside a code point.
            while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.remove_suffix(1);
            if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.remove_suffix(1);
        }
        count(t, c);
        seen += t.size() + 1;
    };
    for (const Paragraph& p : doc.paragraphs) {
        add(p.text);
        if (seen >= kSample) break;
    }
    if (seen == 0) add(doc.title);
    return decide(c);
}

std::string script_language(std::string_view text) {
    Counts c;
    std::size_t i = 0;
    while (i < text.size()) {
        const int s = script_of(next_code_point(text, i));
        if (s >= 0) ++c.script[s];
    }
    const std::size_t latin = c.script[kLatin];
    if (c.script[kHan] > 0 && c.script[kHan] * 3 >= latin) return "zh";
    if (c.script[kArabic] > latin && c.script[kArabic] >= c.script[kCyrillic]) return "ar";
    if (c.script[kCyrillic] > latin) return "ru";
    return "";
}

}  // namespace plenary
