#include "analysis/language.h"

#include <array>
#include <map>
#include <unordered_map>

#include "base/text_util.h"

namespace plenary {

namespace {

enum Script { kLatin, kArabic, kHan, kCyrillic, kScripts };

int script_of(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
        (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
        return kLatin;
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
        return u'\u0640' == cp ? -1 : kArabic;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF))
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
        for (const char* w :
             {"the",   "of",     "and",  "to",   "is",    "that",  "for",   "on",   "with", "by",
              "as",    "be",     "are",  "this", "which", "it",    "was",   "have", "has",  "its",
              "from",  "at",     "an",   "or",   "not",   "shall", "their", "all",  "been", "were",
              "would", "should", "will", "in",   "any",   "other", "such"})
            m.emplace(w, kEn);
        for (const char* w :
             {"le",   "les",   "des",  "du",   "et",   "est",  "qui",   "dans", "pour",
              "par",  "sur",   "au",   "aux",  "ne",   "pas",  "sont",  "ses",  "cette",
              "il",   "elle",  "avec", "ou",   "l",    "d",    "qu",    "une",  "nous",
              "leur", "leurs", "été",  "être", "à",    "ces",  "toute", "tous", "doit",
              "peut", "ont",   "sa",   "cet",  "mais", "dont", "où"})
            m.emplace(w, kFr);
        for (const char* w :
             {"el",    "los",   "las",   "del",   "y",    "es",    "por",  "para", "con", "se",
              "al",    "su",    "sus",   "lo",    "como", "más",   "este", "esta", "una", "o",
              "sobre", "entre", "estos", "todos", "toda", "ha",    "han",  "sido", "sin", "también",
              "ser",   "debe",  "puede", "e",     "cual", "donde", "según"})
            m.emplace(w, kEs);
        return m;
    }();
    return words;
}

// Letters that only one of French and Spanish writes (é, á... are shared or ambiguous).
int letter_hint(char32_t cp) {
    switch (cp) {
        case U'è':
        case U'ê':
        case U'ç':
        case U'à':
        case U'ù':
        case U'û':
        case U'î':
        case U'ô':
        case U'ë':
        case U'ï':
        case U'œ':
        case U'È':
        case U'Ê':
        case U'Ç':
        case U'À':
            return kFr;
        case U'ñ':
        case U'á':
        case U'í':
        case U'ó':
        case U'ú':
        case U'¿':
        case U'¡':
        case U'Ñ':
        case U'Á':
        case U'Í':
        case U'Ó':
        case U'Ú':
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
        const std::size_t best_weight = best < 0       ? 0
                                        : best == kHan ? c.script[best] * 3
                                                       : c.script[best];
        if (weight > best_weight) best = s;
    }
    if (letters < 2 || best < 0) return "";
    switch (best) {
        case kArabic:
            return "ar";
        case kHan:
            return "zh";
        case kCyrillic:
            return "ru";
        default:
            break;
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
            while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80)
                t.remove_suffix(1);
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
        return zhang <= 3 + 5 * 3;  // npos is larger
    }
    return false;
}

}  // namespace

int chinese_number(std::string_view s) {
    static const std::pair<std::string_view, int> digits[] = {
        {"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"三", 3}, {"四", 4},
        {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
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

int article_heading_number(std::string_view line) {
    line = trim(line);
    if (line.size() > 40) return 0;
    for (std::string_view w : {"article ", "artículo ", "articulo ", "Статья ", "المادة "}) {
        const bool latin = w[0] == 'a';
        if (line.size() > w.size() &&
            (latin ? starts_with_nocase(line, w) : line.substr(0, w.size()) == w)) {
            std::string_view rest = trim(line.substr(w.size()));
            while (!rest.empty() && (rest.back() == '.' || rest.back() == ':'))
                rest.remove_suffix(1);
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

bool has_sentence_punctuation(std::string_view tok) {
    return tok.size() > 45 || tok.find("，") != std::string_view::npos ||
           tok.find("。") != std::string_view::npos || tok.find("；") != std::string_view::npos ||
           tok.find("：") != std::string_view::npos;
}

// Heading lines a reader joined to the text after them, as in the Chinese Charter
// ("第一章：宗旨及原则 第一条 联合国之宗旨为："): a chapter heading, a section heading
// ("组织"), then the article's. Only Chinese text is read this way: elsewhere a heading
// is a paragraph of its own, and words inside a sentence never make one.
struct Peeled {
    std::string chapter;        ///< the chapter heading, if one leads
    int article = 0;            ///< the article's number, 0 if none leads
    std::string article_title;  ///< "第二十三条"
    std::string_view rest;      ///< the text after the headings
};

Peeled peel_headings(std::string_view text) {
    Peeled out;
    text = trim(text);
    out.rest = text;
    if (text.empty() || static_cast<unsigned char>(text[0]) < 0xE3) return out;
    std::size_t from = 0;
    for (int k = 0; k < 4 && from < text.size(); ++k) {
        const std::size_t sp = text.find(' ', from);
        const std::string_view tok =
            text.substr(from, sp == std::string_view::npos ? text.size() - from : sp - from);
        const std::size_t next = sp == std::string_view::npos ? text.size() : sp + 1;
        if (const int n = article_heading_number(tok)) {
            out.article = n;
            out.article_title = std::string(tok);
            out.rest = trim(text.substr(next));
            return out;
        }
        if (k == 0 && is_chapter_heading(tok)) {
            out.chapter =
                std::string(tok);  // a chapter title may be long ("第七章：对于和平之威胁、...")
            out.rest = trim(text.substr(next));
        } else if (has_sentence_punctuation(tok)) {
            break;
        }
        from = next;
    }
    return out;
}

// The number a paragraph is printed with: "1. ", "2) ", "一、"; a sub-paragraph's letter:
// "(a) ", "(子)". size is how many bytes of text it takes.
struct Lead {
    std::string number;  ///< "1"; for a sub-paragraph its letter, "a"
    bool sub = false;
    std::size_t size = 0;
};

Lead leading_number(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && i < 3 && text[i] >= '0' && text[i] <= '9') ++i;
    if (i > 0 && i + 1 < text.size() && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ')
        return {std::string(text.substr(0, i)), false, i + 2};
    if (const std::size_t dun = text.find("、");
        dun != std::string_view::npos && dun > 0 && dun <= 9)
        if (const int n = chinese_number(text.substr(0, dun)))
            return {std::to_string(n), false, dun + 3};
    // The Chinese Charter letters its sub-paragraphs with the earthly branches.
    static const std::string_view branches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                                "午", "未", "申", "酉", "戌", "亥"};
    for (const std::string_view open : {"(", "（"}) {
        if (text.substr(0, open.size()) != open) continue;
        const std::string_view in = text.substr(open.size());
        for (std::size_t k = 0; k < std::size(branches); ++k)
            if (in.substr(0, 3) == branches[k])
                for (const std::string_view close : {")", "）"})
                    if (in.substr(3, close.size()) == close)
                        return {std::string(1, static_cast<char>('a' + k)), true,
                                open.size() + 3 + close.size()};
        if (in.size() > 3 && in[0] >= 'a' && in[0] <= 'z' && in[1] == ')' && in[2] == ' ')
            return {std::string(1, in[0]), true, open.size() + 3};
    }
    return {};
}

// A section heading between articles ("COMPOSITION", "تأليفـه"): short, no sentence end, and
// followed at once by an article heading.
bool is_section_heading(const std::vector<Paragraph>& ps, std::size_t i) {
    const std::string_view t = trim(ps[i].text);
    if (t.empty() || t.size() > 80 || i + 1 >= ps.size()) return false;
    const char last = t.back();
    if (last == '.' || last == ':' || last == ';' || last == ',' || has_sentence_punctuation(t))
        return false;
    return peel_headings(ps[i + 1].text).article > 0 || article_heading_number(ps[i + 1].text) > 0;
}

// What the structural pass made of one paragraph.
enum class Role { outside, chapter, section, article_heading, body };

struct Slot {
    Role role = Role::outside;
    int article = 0;
    Lead lead;
};

// Numbers the body paragraphs of one article: printed numbers where the article
// has them (an unnumbered opening paragraph before them is the chapeau); else their order,
// the first one being the chapeau when a blank line sets it off from the rest (which
// follow line by line); one paragraph alone has no number, as printed.
void number_article(std::vector<Paragraph>& ps, const std::vector<Slot>& slots,
                    const std::vector<std::size_t>& body) {
    if (body.size() < 2) return;
    for (const std::size_t i : body)
        if (!ps[i].number.empty()) return;  // the reader numbered them as printed
    bool printed = false;
    for (const std::size_t i : body)
        printed = printed || (!slots[i].lead.number.empty() && !slots[i].lead.sub);
    std::string main;
    int order = 0;
    for (std::size_t k = 0; k < body.size(); ++k) {
        Paragraph& p = ps[body[k]];
        const Lead& lead = slots[body[k]].lead;
        if (lead.sub) {
            p.number = main.empty() ? "(" + lead.number + ")" : main + " (" + lead.number + ")";
        } else if (printed) {
            if (!lead.number.empty()) main = lead.number;
            p.number = lead.number;
        } else {
            // Set off by a blank line from the paragraphs that follow, which follow line by line.
            const bool chapeau = k == 0 && p.line > 0 && body.size() >= 3 &&
                                 ps[body[1]].line > p.line + 1 &&
                                 ps[body[2]].line == ps[body[1]].line + 1;
            if (!chapeau) main = std::to_string(++order);
            p.number = chapeau ? "" : main;
        }
        if (!lead.number.empty()) {
            const std::string_view t = trim(p.text);
            p.text = std::string(trim(t.substr(lead.size)));
        }
        p.kind = p.number.empty() ? ParagraphKind::unnumbered : ParagraphKind::numbered;
    }
}

}  // namespace

void assign_article_anchors(Document& doc) {
    std::vector<Paragraph>& ps = doc.paragraphs;
    for (const Paragraph& p : ps)
        if (!p.anchor.empty()) return;
    // A lone "Article 51" line in a report is no structure: at least two article headings.
    int headings = 0;
    for (const Paragraph& p : ps)
        if (article_heading_number(p.text) > 0 || peel_headings(p.text).article > 0) ++headings;
    if (headings < 2) return;

    std::vector<Slot> slots(ps.size());
    std::string chapter, title;
    int article = 0;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        Paragraph& p = ps[i];
        Slot& s = slots[i];
        const Peeled peeled = peel_headings(p.text);
        const int whole = article_heading_number(p.text);
        if (!peeled.chapter.empty() || (whole == 0 && is_chapter_heading(trim(p.text)))) {
            chapter = peeled.chapter.empty() ? std::string(trim(p.text)) : peeled.chapter;
            article = 0;
            s.role = Role::chapter;
        }
        if (whole > 0 || peeled.article > 0) {
            article = whole > 0 ? whole : peeled.article;
            title = whole > 0 ? std::string(trim(p.text)) : peeled.article_title;
            s.role = Role::article_heading;
        } else if (s.role != Role::chapter && is_section_heading(ps, i)) {
            s.role = Role::section;
        }
        // Heading lines joined to an article's first paragraph are taken off its text.
        if (s.role != Role::outside && !peeled.rest.empty() &&
            peeled.rest.size() < trim(p.text).size() && article > 0) {
            p.text = std::string(peeled.rest);
            s.role = Role::body;
        } else if (s.role == Role::outside && article > 0) {
            s.role = Role::body;
        }
        if (s.role != Role::body) {
            if (s.role != Role::outside) p.kind = ParagraphKind::heading;
            continue;
        }
        s.article = article;
        s.lead = leading_number(trim(p.text));
        p.anchor = "art" + std::to_string(article);
        // The heading path the reader gave, if any; else chapter › article.
        if (p.headings.empty()) {
            if (!chapter.empty()) p.headings.push_back(chapter);
            p.headings.push_back(title);
        }
    }
    // Articles follow one another, each once: their body paragraphs in reading order.
    std::map<int, std::vector<std::size_t>> bodies;
    for (std::size_t i = 0; i < ps.size(); ++i)
        if (slots[i].role == Role::body) bodies[slots[i].article].push_back(i);
    for (const auto& [n, body] : bodies) number_article(ps, slots, body);
}

}  // namespace plenary
