#include "refs/charter.h"

#include <algorithm>
#include <array>
#include <optional>

#include "analysis/language.h"
#include "base/ascii.h"
#include "base/text_util.h"

namespace plenary {

namespace {

enum class TokType { word, number, punct };

struct Tok {
    TokType type;
    std::string key;  ///< a word folded (lower case, no accents); a number's value; a sign
    int value = 0;    ///< a number's value
    bool capital = false;
    std::size_t begin, end;
};

bool is_digit_cp(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9);
}

int digit_value(char32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    return static_cast<int>(c >= 0x6F0 ? c - 0x6F0 : c - 0x660);
}

bool is_letter_cp(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: quotes, dashes
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c >= 0xFF00 && c <= 0xFF20) return false;  // full-width signs
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && c != 0x60C && c != 0x61B && c != 0x61F;
}

/// Words, numbers (at most four digits) and single signs; spaces dropped.
std::vector<Tok> tokenize(std::string_view text) {
    std::vector<Tok> toks;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t begin = i;
        const char32_t c = next_code_point(text, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) continue;
        if (is_digit_cp(c)) {
            int value = digit_value(c);
            int digits = 1;
            for (std::size_t j = i; j < text.size();) {
                const char32_t d = next_code_point(text, j);
                if (!is_digit_cp(d)) break;
                value = digits < 5 ? value * 10 + digit_value(d) : value;
                ++digits;
                i = j;
            }
            toks.push_back({TokType::number, "", digits <= 4 ? value : 0, false, begin, i});
        } else if (is_letter_cp(c)) {
            for (std::size_t j = i; j < text.size();) {
                const char32_t d = next_code_point(text, j);
                if (!is_letter_cp(d)) break;
                i = j;
            }
            const bool capital = (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F);
            toks.push_back(
                {TokType::word, fold(text.substr(begin, i - begin)), 0, capital, begin, i});
        } else {
            toks.push_back(
                {TokType::punct, std::string(text.substr(begin, i - begin)), 0, false, begin, i});
        }
    }
    return toks;
}

/// The words of one language that make a Charter citation.
struct Words {
    std::vector<std::string_view> article, paragraph, chapter, link;
    /// "of the [United Nations] Charter": the phrase's words, and the optional middle.
    std::vector<std::string_view> before_charter;
    std::vector<std::vector<std::string_view>> un_names;  ///< "united nations", "un", "onu"
    std::vector<std::string_view> charter;
    std::vector<std::vector<std::string_view>> un_after;  ///< "of the United Nations" after it
    std::vector<std::string_view> other_charter;          ///< words after "Charter" naming another
    /// Words before a capitalised Chapter that invoke it without naming the Charter.
    std::vector<std::vector<std::string_view>> invoke;
    bool paragraph_first = false;  ///< "пункт 4 статьи 2", "الفقرة 4 من المادة 2"
    std::string_view of_chapter = {};  ///< "of" in "Article 41 of Chapter VII", or none
};

const Words& words_for(std::string_view lang) {
    static const Words en{{"article", "articles", "art"},
                          {"paragraph", "paragraphs", "para"},
                          {"chapter", "chapters"},
                          {"and", "or", ","},
                          {"of", "the"},
                          {{"united", "nations"}, {"un"}},
                          {"charter"},
                          {{"of", "the", "united", "nations"}},
                          {"of"},
                          {{"under"}},
                          false,
                          "of"};
    static const Words fr{{"article", "articles", "art"},
                          {"paragraphe", "paragraphes", "par", "alinea"},
                          {"chapitre", "chapitres"},
                          {"et", "ou", ","},
                          {"de", "la"},
                          {},
                          {"charte"},
                          {{"des", "nations", "unies"}},
                          {"africaine", "arabe", "sociale", "europeenne", "olympique",
                           "internationale", "mondiale", "islamique", "de", "du", "d"},
                          {{"vertu", "du"}, {"titre", "du"}},
                          false,
                          "du"};
    static const Words es{{"articulo", "articulos", "art"},
                          {"parrafo", "parrafos", "apartado", "inciso"},
                          {"capitulo", "capitulos"},
                          {"y", "o", "e", ","},
                          {"de", "la"},
                          {},
                          {"carta"},
                          {{"de", "las", "naciones", "unidas"}},
                          {"africana", "arabe", "social", "europea", "olimpica", "democratica",
                           "interamericana", "mundial", "de", "del", "que", "dirigida", "fechada"},
                          {{"virtud", "del"}, {"amparo", "del"}},
                          false,
                          "del"};
    static const Words ru{
        {"статья", "статьи", "статье", "статью", "статьей", "статьям", "статьями", "статьях"},
        {"пункт", "пункта", "пункте", "пунктом", "пункты", "пунктов"},
        {"глава", "главы", "главе", "главу", "главой", "главам", "главами"},
        {"и", "или", ","},
        {},
        {},
        {"устава", "устав", "уставе", "уставом"},
        {{"организации", "объединенных", "наций"}, {"оон"}},
        {},
        {{"соответствии", "с"}},
        true};
    static const Words ar{
        {"المادة", "للمادة", "بالمادة", "والمادة", "المادتين", "للمادتين", "المواد"},
        {"الفقرة", "للفقرة", "بالفقرة", "والفقرة"},
        {"الفصل", "للفصل", "بالفصل", "والفصل", "الفصلين"},
        {"و", "أو", ",", "،"},
        {"من"},
        {},
        {"الميثاق"},
        {},
        {},
        {{"بموجب"}, {"إطار"}},
        true};
    if (lang == "fr") return fr;
    if (lang == "es") return es;
    if (lang == "ru") return ru;
    if (lang == "ar") return ar;
    return en;
}

bool is_one_of(const Tok& t, const std::vector<std::string_view>& words) {
    return t.type != TokType::number &&
           std::find(words.begin(), words.end(), std::string_view(t.key)) != words.end();
}

/// True if toks from i spell `phrase`; i then stands after it.
bool spells(const std::vector<Tok>& toks, std::size_t& i,
            const std::vector<std::string_view>& phrase) {
    if (i + phrase.size() > toks.size()) return false;
    for (std::size_t k = 0; k < phrase.size(); ++k)
        if (toks[i + k].type == TokType::number || toks[i + k].key != phrase[k]) return false;
    i += phrase.size();
    return true;
}

/// The end of "of the [United Nations] Charter [of the United Nations]" starting at toks[i]
/// (Arabic: "من الميثاق", "من ميثاق الأمم المتحدة"), or nullopt.
std::optional<std::size_t> charter_phrase(const std::vector<Tok>& toks, std::size_t i,
                                          const Words& w) {
    if (i < toks.size() && toks[i].key == ",") ++i;
    if (!spells(toks, i, w.before_charter)) return std::nullopt;
    if (!w.before_charter.empty() && w.before_charter.back() == "من" && i < toks.size() &&
        toks[i].key == "ميثاق") {  // "من ميثاق الأمم المتحدة"
        std::size_t j = i + 1;
        if (j + 1 < toks.size() && toks[j].key == "الامم" && toks[j + 1].key == "المتحدة")
            return j + 2;
        return std::nullopt;
    }
    for (const auto& name : w.un_names) {
        std::size_t j = i;
        if (spells(toks, j, name) && j < toks.size() && is_one_of(toks[j], w.charter)) {
            i = j;
            break;
        }
    }
    if (i >= toks.size() || !is_one_of(toks[i], w.charter)) return std::nullopt;
    ++i;
    for (const auto& name : w.un_after) {
        std::size_t j = i;
        if (spells(toks, j, name)) return j;
    }
    if (i < toks.size() && is_one_of(toks[i], w.other_charter)) return std::nullopt;
    // Russian: "Устава Африканского союза" is another charter; ООН or nothing is the UN's.
    if (w.paragraph_first && w.before_charter.empty() && i < toks.size() &&
        toks[i].type == TokType::word && toks[i].capital)
        return std::nullopt;
    return i;
}

struct Cited {
    int article;
    int paragraph;  ///< 0 when none
};

/// "Article 2 (4)", "Articles 55 and 56", "Article 2, paragraph 4": the articles cited from
/// toks[i] (a number), and where the list ends.
std::vector<Cited> article_list(const std::vector<Tok>& toks, std::size_t& i, const Words& w) {
    std::vector<Cited> out;
    const auto number = [&](std::size_t k) {
        return k < toks.size() && toks[k].type == TokType::number && toks[k].value > 0 &&
               toks[k].value <= 111;
    };
    if (!number(i)) return out;
    out.push_back({toks[i].value, 0});
    ++i;
    while (i < toks.size()) {
        if (toks[i].key == "(" && number(i + 1) && i + 2 < toks.size() && toks[i + 2].key == ")") {
            out.back().paragraph = toks[i + 1].value;
            i += 3;
        } else if (toks[i].key == "," && i + 1 < toks.size() &&
                   is_one_of(toks[i + 1], w.paragraph) && number(i + 2)) {
            out.back().paragraph = toks[i + 2].value;
            i += 3;
        } else if (is_one_of(toks[i], w.paragraph) && number(i + 1)) {
            out.back().paragraph = toks[i + 1].value;
            i += 2;
        } else if (is_one_of(toks[i], w.link) && number(i + 1)) {
            out.push_back({toks[i + 1].value, 0});
            i += 2;
        } else if (toks[i].key == "," && i + 1 < toks.size() && is_one_of(toks[i + 1], w.link) &&
                   number(i + 2)) {
            out.push_back({toks[i + 2].value, 0});
            i += 3;
        } else {
            break;
        }
    }
    return out;
}

/// A Chapter's number: a Roman numeral (I to XIX) or, in Arabic, an ordinal ("السابع",
/// "الحادي عشر"); 0 if toks[i] is neither. i then stands after it.
int chapter_number(const std::vector<Tok>& toks, std::size_t& i) {
    if (i >= toks.size() || toks[i].type != TokType::word) return 0;
    static const std::array<std::string_view, 10> ordinals{"الاول",  "الثاني", "الثالث", "الرابع",
                                                           "الخامس", "السادس", "السابع", "الثامن",
                                                           "التاسع", "العاشر"};
    for (std::size_t k = 0; k < ordinals.size(); ++k) {
        if (toks[i].key != ordinals[k] && !(k == 0 && toks[i].key == "الحادي")) continue;
        ++i;
        if (k < 9 && i < toks.size() && toks[i].key == "عشر") {
            ++i;
            return static_cast<int>(k) + 11;
        }
        return k == 0 && toks[i - 1].key == "الحادي" ? 0 : static_cast<int>(k) + 1;
    }
    const std::string& s = toks[i].key;
    if (s == "premier" || s == "primero") {  // "Chapitre premier"
        ++i;
        return 1;
    }
    if (!is_roman_numeral_ivxlc(s, false) || s.size() > 5) return 0;
    int total = 0, last = 0;
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
        const int v = *it == 'i' ? 1 : *it == 'v' ? 5 : *it == 'x' ? 10 : *it == 'l' ? 50 : 100;
        total += v < last ? -v : v;
        last = std::max(last, v);
    }
    if (total < 1 || total > 19) return 0;
    ++i;
    return total;
}

void add(std::vector<CharterMatch>& out, std::string id, std::size_t begin, std::size_t end) {
    for (const auto& m : out)
        if (m.id == id) return;
    out.push_back({std::move(id), begin, end});
}

void add_articles(std::vector<CharterMatch>& out, const std::vector<Cited>& cited,
                  std::size_t begin, std::size_t end) {
    for (const Cited& c : cited) {
        add(out, "art" + std::to_string(c.article), begin, end);
        if (c.paragraph > 0)
            add(out, "art" + std::to_string(c.article) + "-" + std::to_string(c.paragraph), begin,
                end);
    }
}

/// Chapters from toks[i], a chapter word: "Chapter VII of the Charter", "Chapters VI and VII".
bool read_chapters(const std::vector<Tok>& toks, std::size_t i, const Words& w, bool invoked,
                   std::vector<CharterMatch>& out) {
    const std::size_t start = i++;
    std::vector<int> chapters;
    for (int n = chapter_number(toks, i); n > 0; n = 0) {
        chapters.push_back(n);
        while (i + 1 < toks.size() && is_one_of(toks[i], w.link)) {
            std::size_t j = i + 1;
            const int more = chapter_number(toks, j);
            if (more == 0) break;
            chapters.push_back(more);
            i = j;
        }
    }
    if (chapters.empty()) return false;
    const auto phrase = charter_phrase(toks, i, w);
    if (!phrase && !(invoked && (toks[start].capital || w.paragraph_first))) return false;
    const std::size_t end = toks[(phrase ? *phrase : i) - 1].end;
    for (const int n : chapters) add(out, "ch" + std::to_string(n), toks[start].begin, end);
    return true;
}

/// True if the words before toks[i] invoke a Chapter ("under", "en vertu du", "بموجب").
bool invoked_before(const std::vector<Tok>& toks, std::size_t i, const Words& w) {
    for (const auto& words : w.invoke) {
        if (words.size() > i) continue;
        std::size_t j = i - words.size();
        if (spells(toks, j, words)) return true;
    }
    return false;
}

void scan_tokens(const std::vector<Tok>& toks, const Words& w, std::vector<CharterMatch>& out) {
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const Tok& t = toks[i];
        if (t.type != TokType::word) continue;
        if (is_one_of(t, w.chapter)) {
            read_chapters(toks, i, w, invoked_before(toks, i, w), out);
            continue;
        }
        std::size_t start = i, j = i + 1;
        int first_paragraph = 0;
        if (w.paragraph_first && is_one_of(t, w.paragraph) && j < toks.size() &&
            toks[j].type == TokType::number) {
            // "пункт 4 статьи 2 Устава", "الفقرة 4 من المادة 2 من الميثاق"
            first_paragraph = toks[j].value;
            ++j;
            if (j < toks.size() && toks[j].key == "من") ++j;
            if (j >= toks.size() || !is_one_of(toks[j], w.article)) continue;
            ++j;
        } else if (!is_one_of(t, w.article)) {
            continue;
        }
        if (j < toks.size() && toks[j].key == ".") ++j;  // "Art. 51"
        std::vector<Cited> cited = article_list(toks, j, w);
        if (cited.empty()) continue;
        if (first_paragraph > 0 && cited.front().paragraph == 0)
            cited.front().paragraph = first_paragraph;
        auto phrase = charter_phrase(toks, j, w);
        // "Articles 41 and 42 of Chapter VII of the Charter": the Articles, and the Chapter.
        if (!phrase && j + 1 < toks.size() && toks[j].key == w.of_chapter &&
            is_one_of(toks[j + 1], w.chapter)) {
            std::size_t k = j + 2;
            if (chapter_number(toks, k) > 0) phrase = charter_phrase(toks, k, w);
            if (phrase) read_chapters(toks, j + 1, w, false, out);
        }
        if (!phrase) continue;
        add_articles(out, cited, toks[start].begin, toks[*phrase - 1].end);
        i = *phrase - 1;
    }
}

/// Chinese: "《联合国宪章》第五十一条", "宪章第二条第四款", "宪章第七章", "第五十五条和第五十六条".
void scan_chinese(std::string_view text, std::vector<CharterMatch>& out) {
    static constexpr std::string_view kCharter = "宪章";
    for (std::size_t at = text.find(kCharter); at != std::string_view::npos;
         at = text.find(kCharter, at + kCharter.size())) {
        // The UN's, unless the words before name another charter: rights (权, 利), a continent
        // (洲), an organization or union (织, 盟), the Arab (伯), Olympic (克) or Energy (源) ones.
        const std::string_view before = text.substr(0, at);
        bool uns = true;
        for (const std::string_view other : {"权", "利", "洲", "织", "盟", "伯", "克", "源"})
            uns = uns && !before.ends_with(other);
        if (!uns) continue;
        std::size_t i = at + kCharter.size();
        if (text.substr(i, 3) == "》") i += 3;
        if (text.substr(i, 3) == "的") i += 3;
        const std::size_t begin = at;
        while (text.substr(i, 3) == "第") {
            const std::size_t num_begin = i + 3;
            std::size_t k = num_begin;
            while (k < text.size() && k - num_begin <= 15 && text.substr(k, 3) != "条" &&
                   text.substr(k, 3) != "章")
                k += (static_cast<unsigned char>(text[k]) < 0x80) ? 1 : 3;
            const std::string_view num = text.substr(num_begin, k - num_begin);
            int n = 0;
            if (!num.empty() && std::all_of(num.begin(), num.end(), is_ascii_digit))
                n = num.size() <= 3 ? std::stoi(std::string(num)) : 0;
            else
                n = chinese_number(num);
            if (n <= 0 || k >= text.size()) break;
            const bool chapter = text.substr(k, 3) == "章";
            i = k + 3;
            std::string id = (chapter ? "ch" : "art") + std::to_string(n);
            if (chapter && n > 19) break;
            if (!chapter && n > 111) break;
            add(out, id, begin, i);
            if (!chapter && text.substr(i, 3) == "第") {  // 第四款 / 第四项: the paragraph
                std::size_t p = i + 3, q = p;
                while (q < text.size() && q - p <= 9 && text.substr(q, 3) != "款" &&
                       text.substr(q, 3) != "项")
                    q += 3;
                if (const int para = chinese_number(text.substr(p, q - p));
                    para > 0 && q < text.size()) {
                    add(out, id + "-" + std::to_string(para), begin, q + 3);
                    i = q + 3;
                }
            }
            for (const std::string_view link : {"和", "及", "、", "至"})
                if (text.substr(i, link.size()) == link &&
                    text.substr(i + link.size(), 3) == "第") {
                    i += link.size();
                    break;
                }
        }
    }
}

/// Words whose presence says a text may cite the Charter; other texts are not read further.
bool may_cite(std::string_view text) {
    for (const std::string_view w :
         {"harter", "HARTER", "harte", "HARTE", "arta", "ARTA", "hapter", "HAPTER", "hapitre",
          "apítulo", "APÍTULO", "став", "СТАВ", "лав", "ЛАВ", "الميثاق", "ميثاق", "الفصل", "宪章"})
        if (text.find(w) != std::string_view::npos) return true;
    return false;
}

}  // namespace

std::vector<CharterMatch> find_charter_refs(std::string_view text, std::string_view lang) {
    std::vector<CharterMatch> out;
    if (!may_cite(text)) return out;
    if (lang == "zh") {
        scan_chinese(text, out);
        return out;
    }
    scan_tokens(tokenize(text), words_for(lang), out);
    return out;
}

std::string charter_label(const std::string& id) {
    if (id.starts_with("ch")) {
        int n = 0;
        for (std::size_t i = 2; i < id.size() && i < 4; ++i)
            n = is_ascii_digit(id[i]) ? n * 10 + (id[i] - '0') : -100;
        if (n < 1 || n > 19 || id.size() > 4) return id;
        static const std::array<const char*, 10> ones{"",  "I",  "II",  "III",  "IV",
                                                      "V", "VI", "VII", "VIII", "IX"};
        return std::string("Chapter ") + (n >= 10 ? "X" : "") +
               ones[static_cast<std::size_t>(n % 10)];
    }
    if (!id.starts_with("art") || id.size() < 4 || !is_ascii_digit(id[3])) return id;
    const std::size_t dash = id.find('-');
    if (dash == std::string::npos) return "Article " + id.substr(3);
    return "Article " + id.substr(3, dash - 3) + "(" + id.substr(dash + 1) + ")";
}

bool is_charter_text(const Document& doc) {
    bool anchored = false;
    for (const Paragraph& p : doc.paragraphs) anchored = anchored || p.anchor.starts_with("art");
    if (!anchored || doc.paragraphs.empty()) return false;
    const std::string opening = fold(doc.paragraphs.front().text.substr(0, 120));
    for (const std::string_view words :
         {"we the peoples of the united nations", "nous, peuples des nations unies",
          "nosotros los pueblos de las naciones unidas", "мы, народы объединенных наций",
          "نحن شعوب الامم المتحدة", "我联合国人民"})
        if (opening.starts_with(words)) return true;
    return false;
}

std::vector<std::string> charter_refs_of_own_text(const Paragraph& p) {
    std::vector<std::string> refs;
    if (!p.anchor.starts_with("art")) return refs;
    refs.push_back(p.anchor);
    std::size_t digits = 0;
    while (digits < p.number.size() && is_ascii_digit(p.number[digits])) ++digits;
    if (digits > 0) refs.push_back(p.anchor + "-" + p.number.substr(0, digits));
    for (const std::string& heading : p.headings) {
        const auto toks = tokenize(heading.substr(0, 80));
        if (toks.size() < 2) continue;
        if (toks[0].key.starts_with("第")) {  // "第七章：…"
            const std::size_t zhang = heading.find("章");
            if (zhang != std::string::npos && zhang > 3 && zhang <= 18)
                if (const int n = chinese_number(std::string_view(heading).substr(3, zhang - 3)))
                    refs.push_back("ch" + std::to_string(n));
            continue;
        }
        for (const std::string_view lang : {"en", "fr", "es", "ru", "ar"}) {
            if (!is_one_of(toks[0], words_for(lang).chapter)) continue;
            std::size_t i = 1;
            if (const int n = chapter_number(toks, i)) refs.push_back("ch" + std::to_string(n));
            break;
        }
    }
    return refs;
}

}  // namespace plenary
