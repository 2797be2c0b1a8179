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

namespace plenary {

namespace {

// "五十一" -> 51, "一百零一" -> 101, "十" -> 10; 0 when not a Chinese numeral.
int chinese_number(std::string_view s) {
    static const std::pair<std::string_view, int> digits[] = {
        {"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5},
        {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
    int total = 0, digit = -1;
    bool any = false;
    while (!s.empty()) {
        bool matched = false;
        for (const auto& [w, v] : digits)
            if (s.substr(0, w.size()) == w) {
                digit = v;
                s.remove_prefix(w.size());
                matched = true;
                break;
            }
        if (matched) {
            any = true;
            continue;
        }
        if (s.substr(0, 3) == "十") {
            total += (digit < 0 ? 1 : digit) * 10;
        } else if (s.substr(0, 3) == "百") {
            total += (digit < 0 ? 1 : digit) * 100;
        } else {
            return 0;
        }
        digit = -1;
        any = true;
        s.remove_prefix(3);
    }
    if (!any) return 0;
    return total + (digit > 0 ? digit : 0);
}

int ascii_number(std::string_view s) {
    if (s.empty() || s.size() > 3) return 0;
    int n = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

bool is_chapter_heading(std::string_view line) {
    for (std::string_view w : {"chapter ", "chapitre ", "capítulo ", "capitulo "})
        if (starts_with_nocase(line, w)) return true;
    for (std::string_view w : {"Глава ", "ГЛАВА ", "الفصل "})
        if (line.substr(0, w.size()) == w) return true;
    if (line.substr(0, 3) == "第") {
        const auto zhang = line.find("章");
        return zhang != std::string_view::npos && zhang <= 3 + 5 * 3;
    }
    return false;
}

}  // namespace

int article_heading_number(std::string_view line) {
    line = trim(line);
    if (line.size() > 40) return 0;
    for (std::string_view w : {"article ", "artículo ", "articulo ", "Статья ", "المادة "}) {
        const bool latin = w[0] == 'a';
        if (line.size() > w.size() && (latin ? starts_with_nocase(line, w) : line.substr(0, w.size()) == w)) {
            std::string_view rest = trim(line.substr(w.size()));
            while (!rest.empty() && (rest.back() == '.' || rest.back() == ':')) rest.remove_suffix(1);
            if (rest == "premier" || rest == "primero" || rest == "1er") return 1;
            return ascii_number(rest);
        }
    }
    if (line.size() > 6 && line.substr(0, 3) == "第" && line.substr(line.size() - 3) == "条") {
        const std::string_view mid = line.substr(3, line.size() - 6);
        if (const int n = ascii_number(mid)) return n;
        return chinese_number(mid);
    }
    return 0;
}

namespace {

// The article a paragraph opens with: the whole paragraph is the heading, or (where a reader
// joined the heading lines to the text, as in the Chinese Charter: "第一章：宗旨及原则 第一条
// 联合国之宗旨为：") its first space-separated token is, after a chapter heading if any.
// Returns -1 for a chapter heading without an article.
int leading_article(std::string_view text) {
    text = trim(text);
    if (const int n = article_heading_number(text)) return n;
    // Joined heading lines are looked for in Chinese text only (a CJK first character).
    if (text.empty() || static_cast<unsigned char>(text[0]) < 0xE3) return is_chapter_heading(text) ? -1 : 0;
    auto token = [&](std::size_t from) {
        const std::size_t sp = text.find(' ', from);
        return text.substr(from, sp == std::string_view::npos ? text.size() - from : sp - from);
    };
    // The heading lines before the text: a chapter heading, a section heading ("组织",
    // "职权"), then the article's; none of them holds sentence punctuation.
    std::size_t from = 0;
    bool chapter = false;
    for (int k = 0; k < 4 && from < text.size(); ++k) {
        const std::string_view tok = token(from);
        if (const int n = article_heading_number(tok)) return n;
        if (k == 0 && is_chapter_heading(tok)) {
            chapter = true;  // a chapter title may be long ("第七章：对于和平之威胁、...")
        } else if (tok.size() > 45 || tok.find("，") != std::string_view::npos ||
                   tok.find("。") != std::string_view::npos || tok.find("；") != std::string_view::npos) {
            break;
        }
        from += tok.size() + 1;
    }
    return chapter ? -1 : 0;
}

}  // namespace

void assign_article_anchors(Document& doc) {
    for (const Paragraph& p : doc.paragraphs)
        if (!p.anchor.empty()) return;
    std::string current;
    bool any = false;
    for (Paragraph& p : doc.paragraphs) {
        // A heading path ending in an article heading names the article too.
        int n = leading_article(p.text);
        if (n == 0 && !p.headings.empty()) n = article_heading_number(p.headings.back());
        if (n > 0) {
            current = "art" + std::to_string(n);
            any = true;
        } else if (n < 0 || is_chapter_heading(trim(p.text))) {
            current.clear();
        }
        p.anchor = current;
    }
    if (!any)
        for (Paragraph& p : doc.paragraphs) p.anchor.clear();
}

}  // namespace plenary
