// Country gazetteer. Names come from two places: ICU's CLDR display names (every region in
// the six UN languages) and schemas/gazetteer/aliases.json (UN short and formal names,
// variants, historic states, demonyms, traps). Everything is folded and keyed by word
// n-grams at load, so find() is one pass of tokenising plus a hash probe per word.
#include "refs/countries.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analysis/tokenizer.h"
#include "base/error.h"
#include "base/text_util.h"
#include "model/schema.h"

namespace plenary {

namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 6> k_langs = {"en", "fr", "es", "ru", "ar", "zh"};

/// Heterogeneous lookup so probes with a string_view allocate nothing.
struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};
template <class V>
using SvMap = std::unordered_map<std::string, V, SvHash, std::equal_to<>>;
using SvSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;

/// What kind of code point a character is for tokenising.
enum CharClass : std::uint8_t { k_sep = 0, k_word = 1, k_cjk = 2 };

enum Flags : std::uint8_t {
    k_person = 1,    ///< also a given name or surname ("Chad Smith", "Michael Jordan")
    k_us_state = 2,  ///< also a US state ("Atlanta, Georgia")
    k_acronym = 4,   ///< counts only when written in capitals ("UK", "DPRK")
    k_any_case = 8,  ///< counts in lower case too: French adjectives ("le Gouvernement soudanais")
};

struct Entry {
    std::string code;  ///< empty for a blocked phrase ("guinea pig")
    bool demonym = false;
    std::uint8_t flags = 0;
};

struct Token {
    std::uint32_t fb, fe;  ///< in the folded buffer
    std::uint32_t ob, oe;  ///< in the original text
};

/// A text being scanned: its tokens, their folded forms and where the last match ended.
struct ScanText {
    std::string_view text;
    std::string folded;
    std::vector<Token> tokens;
    std::size_t last_match_end = 0;  ///< token index just past the last country match
    bool have_last = false;

    std::string_view word(std::size_t k) const {
        return std::string_view(folded).substr(tokens[k].fb, tokens[k].fe - tokens[k].fb);
    }
    /// The gap between token k-1 and k is one space.
    bool single_space(std::size_t k) const {
        return tokens[k].ob == tokens[k - 1].oe + 1 && text[tokens[k - 1].oe] == ' ';
    }
    /// Token i comes right after a country match.
    bool after_country(std::size_t i) const { return have_last && last_match_end == i; }
};

/// و ب ل ف ك: one-letter Arabic words written joined to the next.
bool is_arabic_proclitic(std::string_view w) {
    const auto a = static_cast<unsigned char>(w[0]), b = static_cast<unsigned char>(w[1]);
    return (a == 0xD9 && (b == 0x88 || b == 0x84 || b == 0x81 || b == 0x83)) ||
           (a == 0xD8 && b == 0xA8);
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
}

// Russian names in running text are declined: "Франции", "Нигера", "в Китае",
// "Соединенных Штатов Америки", "Российской Федерации". From a name's folded key in the
// nominative, its genitive, dative, accusative, instrumental and prepositional forms: the
// leading adjectives and the first noun change, what follows them ("Америки" in "Соединенные
// Штаты Америки", "Корея" in "Республика Корея") stays. Regular endings only; a form that
// reads wrong for an irregular name ("Египета") matches nothing.
std::vector<std::string> russian_case_forms(std::string_view key) {
    std::vector<std::u32string> words(1);
    bool cyrillic = false;
    for (std::size_t i = 0; i < key.size();) {
        const char32_t cp = next_code_point(key, i);
        if (cp == U' ') {
            words.emplace_back();
            continue;
        }
        if (cp >= 0x0400 && cp <= 0x04FF) cyrillic = true;
        words.back() += cp;
    }
    if (!cyrillic) return {};
    auto ends = [](const std::u32string& w, std::u32string_view e) {
        return w.size() > e.size() + 1 && w.compare(w.size() - e.size(), e.size(), e) == 0;
    };
    auto one_of = [](char32_t c, std::u32string_view set) {
        return set.find(c) != std::u32string_view::npos;
    };
    const std::u32string_view vowels = U"аеёиоуыэюя", hushing = U"жшчщ", velar = U"гкх";
    using Endings =
        std::array<std::u32string, 5>;  // genitive, dative, accusative, instrumental, prepositional
    Endings forms;                      // the name in each case, as far as it is declined
    bool plural = false, declined = false;
    std::size_t w = 0;
    for (; w < words.size(); ++w) {
        const std::u32string& word = words[w];
        std::size_t cut = 0;
        Endings e;
        bool adjective = true;
        if (ends(word, U"ая"))
            cut = 2, e = {U"ой", U"ой", U"ую", U"ой", U"ой"};
        else if (ends(word, U"ый"))
            cut = 2, e = {U"ого", U"ому", U"ый", U"ым", U"ом"};
        else if (ends(word, U"ий") && one_of(word[word.size() - 3], velar))
            cut = 2, e = {U"ого", U"ому", U"ий", U"им", U"ом"};
        else if (ends(word, U"ий"))
            cut = 2, e = {U"его", U"ему", U"ий", U"им", U"ем"};
        else if (ends(word, U"ое"))
            cut = 2, e = {U"ого", U"ому", U"ое", U"ым", U"ом"};
        else if (ends(word, U"ые"))
            cut = 2, e = {U"ых", U"ым", U"ые", U"ыми", U"ых"}, plural = true;
        else if (ends(word, U"ие"))
            cut = 2, e = {U"их", U"им", U"ие", U"ими", U"их"}, plural = true;
        else
            adjective = false;
        if (!adjective) {
            // The head noun.
            const char32_t last = word.empty() ? 0 : word.back();
            const char32_t before = word.size() >= 2 ? word[word.size() - 2] : 0;
            if (word.size() < 3) break;
            if (plural || last == U'ы') {
                if (last != U'ы' && last != U'и' && last != U'а') break;
                cut = 1, e = {U"ов", U"ам", std::u32string(1, last), U"ами", U"ах"};
            } else if (ends(word, U"ство")) {
                cut = 1, e = {U"а", U"у", U"о", U"ом", U"е"};  // Королевство, Государство
            } else if (ends(word, U"ия")) {
                cut = 1, e = {U"и", U"и", U"ю", U"ей", U"и"};
            } else if (last == U'я') {
                cut = 1, e = {U"и", U"е", U"ю", U"ей", U"е"};
            } else if (last == U'а') {
                const bool soft = one_of(before, hushing) || before == U'ц';
                cut = 1, e = {one_of(before, velar) || one_of(before, hushing) ? U"и" : U"ы", U"е",
                              U"у", soft ? U"ей" : U"ой", U"е"};
            } else if (last == U'й' && one_of(before, vowels)) {
                cut = 1, e = {U"я", U"ю", U"й", U"ем", U"е"};
            } else if (last == U'ь') {
                cut = 1, e = {U"я", U"ю", U"ь", U"ем", U"е"};
            } else if (!one_of(last, vowels) && last >= 0x0430 && last <= 0x044F) {
                cut = 0,
                e = {U"а", U"у", U"", one_of(last, hushing) || last == U'ц' ? U"ем" : U"ом", U"е"};
            } else {
                break;  // indeclinable: Того, Марокко, Перу, Чили, Бурунди
            }
        }
        for (std::size_t c = 0; c < 5; ++c) {
            if (!forms[c].empty()) forms[c] += U' ';
            forms[c] += word.substr(0, word.size() - cut) + e[c];
        }
        declined = true;
        if (!adjective) {
            ++w;
            break;
        }
    }
    if (!declined) return {};
    std::vector<std::string> out;
    for (auto& f : forms) {
        for (std::size_t k = w; k < words.size(); ++k) f += U' ' + words[k];
        std::string utf8;
        for (const char32_t cp : f) append_utf8(utf8, cp);
        if (utf8 != key && std::find(out.begin(), out.end(), utf8) == out.end())
            out.push_back(std::move(utf8));
    }
    return out;
}

}  // namespace

struct Gazetteer::Impl {
    std::array<std::uint8_t, 0x10000> cls{};  ///< CharClass of each BMP code point
    SvMap<Entry> names;                       ///< folded word n-gram -> entry
    SvMap<std::uint8_t> first_len;            ///< first word -> longest n-gram it starts
    SvMap<Entry> cjk;                         ///< Chinese names, matched as substrings
    std::size_t cjk_max = 0;                  ///< longest Chinese name in bytes
    SvSet cjk_first;                          ///< first character of each Chinese name
    std::unordered_map<std::string, std::array<std::string, 6>> display;
    std::unordered_map<std::string, std::string> alpha2_to_3;
    SvSet codes;                        ///< every code the gazetteer may return
    SvSet form_words;                   ///< "republic", "the", ... for formal names
    std::vector<std::string> cjk_form;  ///< "共和国", ... for Chinese formal names
    SvSet person_context;               ///< capitalised words that are not given names
    SvSet honorifics;                   ///< "mr", "ms", ... before a surname
    SvSet georgia_places;               ///< places in the country Georgia

    void tokenize(std::string_view text, std::string& folded, std::vector<Token>& tokens) const;
    std::string key_of(std::string_view name) const;
    void add_name(const std::string& name, Entry entry, const std::string& file);
    void add_key(std::string key, Entry entry);
    bool gap_ok(std::string_view text, std::size_t from, std::size_t to) const;
    bool capitalised(std::string_view text, std::size_t at) const;
    bool all_caps(std::string_view text, std::size_t b, std::size_t e) const;
    std::vector<CountryMatch> scan(std::string_view text, bool strict,
                                   std::vector<std::pair<std::size_t, std::size_t>>* covered) const;
    std::size_t longest_from(ScanText& st, std::size_t i) const;
    bool counts(const ScanText& st, const Entry& e, std::size_t i, std::size_t n) const;
    bool person_counts(const ScanText& st, std::size_t i, std::size_t n) const;
    bool us_state_counts(const ScanText& st, std::size_t i) const;
    void keep_uncovered(const ScanText& st,
                        std::vector<std::pair<std::size_t, std::size_t>>& covered) const;
    void scan_cjk(std::string_view text, std::vector<CountryMatch>& out) const;
};

void Gazetteer::Impl::tokenize(std::string_view text, std::string& folded,
                               std::vector<Token>& tokens) const {
    // The indexer's words, cut at apostrophes too: "l'Afghanistan" holds "afghanistan".
    folded.clear();
    tokens.clear();
    for_each_word(text, Infixes::split, [&](WordSpan span, std::string_view term) {
        std::size_t i = 0;
        const char32_t first = next_code_point(term, i);
        if (first < 0x10000 && cls[first] == k_cjk) return;  // Chinese names: scan_cjk()
        const auto fb = static_cast<std::uint32_t>(folded.size());
        folded += term;
        tokens.push_back({fb, static_cast<std::uint32_t>(folded.size()),
                          static_cast<std::uint32_t>(span.begin),
                          static_cast<std::uint32_t>(span.end)});
    });
}

std::string Gazetteer::Impl::key_of(std::string_view name) const {
    std::string folded;
    std::vector<Token> tokens;
    tokenize(name, folded, tokens);
    std::string key;
    for (const auto& t : tokens) {
        if (!key.empty()) key += ' ';
        key.append(folded, t.fb, t.fe - t.fb);
    }
    return key;
}

void Gazetteer::Impl::add_name(const std::string& raw, Entry entry, const std::string& file) {
    // Chinese names have no word boundaries: they go to the substring table.
    bool has_cjk = false;
    for (std::size_t i = 0; i < raw.size();) {
        const char32_t cp = next_code_point(raw, i);
        if (cp < 0x10000 && cls[cp] == k_cjk) has_cjk = true;
    }
    if (has_cjk) {
        std::string key;
        for (std::size_t i = 0; i < raw.size();) {
            const std::size_t s = i;
            const char32_t cp = next_code_point(raw, i);
            if (cp < 0x10000 && cls[cp] == k_cjk) key.append(raw, s, i - s);
        }
        if (key.empty()) return;
        cjk_max = std::max(cjk_max, key.size());
        std::size_t j = 0;
        next_code_point(key, j);
        cjk_first.insert(key.substr(0, j));
        cjk.try_emplace(key, std::move(entry));
        return;
    }
    std::string key = key_of(raw);
    if (key.empty()) throw SchemaError(file + ": empty name for " + entry.code);
    // "the Niger" and "Niger" are one name in running text; the article is left outside.
    if (key.rfind("the ", 0) == 0) key.erase(0, 4);
    add_key(std::move(key), std::move(entry));
}

/// Adds a folded name; where it is a name already, a blocked phrase or a flag wins over a
/// plain name, and a name over a demonym.
void Gazetteer::Impl::add_key(std::string key, Entry entry) {
    const std::size_t words = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
    const std::string first = key.substr(0, key.find(' '));
    auto& len = first_len[first];
    len = std::max<std::uint8_t>(len, static_cast<std::uint8_t>(std::min<std::size_t>(words, 255)));
    auto [it, inserted] = names.try_emplace(std::move(key), entry);
    if (!inserted) {
        if (entry.code.empty())
            it->second = entry;
        else if (it->second.demonym && !entry.demonym)
            it->second = entry;
        it->second.flags |= entry.flags;
    }
}

bool Gazetteer::Impl::gap_ok(std::string_view text, std::size_t from, std::size_t to) const {
    if (to - from > 6) return false;
    std::size_t i = from;
    while (i < to) {
        const char32_t cp = next_code_point(text, i);
        switch (cp) {
            case ' ':
            case '\t':
            case '\n':
            case '-':
            case '\'':
            case '(':
            case ')':
            case '.':
            case 0xA0:
            case 0x2010:
            case 0x2011:
            case 0x2013:
            case 0x2014:
            case 0x2018:
            case 0x2019:
            case 0x202F:
            case '&':
            case 0xB4:
            case 0x20AC:
            case 0x2122:
                break;
            default:
                return false;
        }
    }
    return true;
}

bool Gazetteer::Impl::capitalised(std::string_view text, std::size_t at) const {
    std::size_t i = at;
    const char32_t cp = next_code_point(text, i);
    return !u_islower(static_cast<UChar32>(cp));
}

bool Gazetteer::Impl::all_caps(std::string_view text, std::size_t b, std::size_t e) const {
    std::size_t i = b;
    while (i < e) {
        const char32_t cp = next_code_point(text, i);
        if (u_islower(static_cast<UChar32>(cp))) return false;
    }
    return true;
}

void Gazetteer::Impl::scan_cjk(std::string_view text, std::vector<CountryMatch>& out) const {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0xE3) {  // every Han character is 3 or 4 bytes from U+3000 on
            ++i;
            continue;
        }
        std::size_t next = i;
        next_code_point(text, next);
        if (!cjk_first.count(text.substr(i, next - i))) {
            i = next;
            continue;
        }
        std::size_t best = 0;
        const Entry* hit = nullptr;
        const std::size_t lim = std::min(cjk_max, text.size() - i);
        for (std::size_t len = lim; len >= next - i; --len) {
            auto it = cjk.find(text.substr(i, len));
            if (it != cjk.end()) {
                best = len;
                hit = &it->second;
                break;
            }
        }
        if (!hit) {
            i = next;
            continue;
        }
        if (!hit->code.empty()) out.push_back({hit->code, hit->demonym, i, i + best});
        i += best;
    }
}

/// The most words a name starting at token i may have (0: no name starts there). Arabic
/// writes "and", "in", "for", "so", "as" joined to the next word ("والنيجر"): such a token
/// is moved past its proclitic when the rest starts a name.
std::size_t Gazetteer::Impl::longest_from(ScanText& st, std::size_t i) const {
    auto fl = first_len.find(st.word(i));
    if (fl == first_len.end()) {
        const std::string_view w = st.word(i);
        if (w.size() > 4 && is_arabic_proclitic(w)) {
            const auto again = first_len.find(w.substr(2));
            if (again != first_len.end()) {
                st.tokens[i].fb += 2;
                st.tokens[i].ob += 2;
                fl = again;
            }
        }
        if (fl == first_len.end()) return 0;
    }
    return fl->second;
}

/// A name that is also a given name or surname counts unless a person's name is around it.
bool Gazetteer::Impl::person_counts(const ScanText& st, std::size_t i, std::size_t n) const {
    const std::string_view text = st.text;
    const std::vector<Token>& tokens = st.tokens;
    if (i > 0) {
        const std::string_view p = st.word(i - 1);
        if (honorifics.count(p) && tokens[i].ob - tokens[i - 1].oe <= 2) return false;
        if (st.single_space(i) && !st.after_country(i) && capitalised(text, tokens[i - 1].ob) &&
            !person_context.count(p) && !first_len.count(p))
            return false;
    }
    const std::size_t nx = i + n;
    return !(nx < tokens.size() && st.single_space(nx) && capitalised(text, tokens[nx].ob) &&
             !person_context.count(st.word(nx)) && !first_len.count(st.word(nx)) &&
             !(st.folded[tokens[nx].fb] >= '0' && st.folded[tokens[nx].fb] <= '9'));
}

/// A name that is also a US state does not count after "Place, " ("Atlanta, Georgia").
bool Gazetteer::Impl::us_state_counts(const ScanText& st, std::size_t i) const {
    if (i == 0) return true;
    const std::vector<Token>& tokens = st.tokens;
    const std::string_view p = st.word(i - 1);
    const std::string_view gap = st.text.substr(tokens[i - 1].oe, tokens[i].ob - tokens[i - 1].oe);
    return !(gap == ", " && !st.after_country(i) && capitalised(st.text, tokens[i - 1].ob) &&
             !georgia_places.count(p) && !person_context.count(p));
}

/// Running text's rules for entry e matched on tokens [i, i + n): case, acronyms, persons
/// and US states.
bool Gazetteer::Impl::counts(const ScanText& st, const Entry& e, std::size_t i,
                             std::size_t n) const {
    const std::vector<Token>& tokens = st.tokens;
    const std::size_t b = tokens[i].ob, en = tokens[i + n - 1].oe;
    // UN French and Russian write the generic word of a territory's name in lower
    // case ("îles Falkland (Malvinas)", "остров Рождества"): the name after it counts.
    static const std::set<std::string_view> generic = {"ile", "iles", "остров", "острова"};
    const bool generic_first =
        n > 1 && generic.count(st.word(i)) && capitalised(st.text, tokens[i + 1].ob);
    // A name of three words or more is that name in any case ("на оккупированной
    // палестинской территории", Russian UN style).
    if (!capitalised(st.text, b) && !generic_first && n < 3 && !(e.flags & k_any_case))
        return false;
    if ((e.flags & k_acronym) && !all_caps(st.text, b, en)) return false;
    if ((e.flags & k_person) && !person_counts(st, i, n)) return false;
    if ((e.flags & k_us_state) && !us_state_counts(st, i)) return false;
    return true;
}

/// Uncovered words are what formal-name lookup must check against the form words: replaces
/// the covered token ranges with the uncovered words that are not form words.
void Gazetteer::Impl::keep_uncovered(
    const ScanText& st, std::vector<std::pair<std::size_t, std::size_t>>& covered) const {
    std::vector<std::pair<std::size_t, std::size_t>> words;
    std::size_t c = 0;
    std::sort(covered.begin(), covered.end());
    for (std::size_t k = 0; k < st.tokens.size(); ++k) {
        while (c < covered.size() && covered[c].second <= k) ++c;
        if (c < covered.size() && covered[c].first <= k) continue;
        if (!form_words.count(st.word(k))) words.push_back({k, k + 1});
    }
    covered = std::move(words);
}

std::vector<CountryMatch> Gazetteer::Impl::scan(
    std::string_view text, bool strict,
    std::vector<std::pair<std::size_t, std::size_t>>* covered) const {
    std::vector<CountryMatch> out;
    ScanText st;
    st.text = text;
    tokenize(text, st.folded, st.tokens);
    const std::vector<Token>& tokens = st.tokens;
    std::string key;
    for (std::size_t i = 0; i < tokens.size();) {
        const std::size_t longest = longest_from(st, i);
        if (longest == 0) {
            ++i;
            continue;
        }
        std::size_t maxn = 1;
        while (maxn < longest && i + maxn < tokens.size() &&
               gap_ok(text, tokens[i + maxn - 1].oe, tokens[i + maxn].ob))
            ++maxn;
        std::size_t taken = 0;
        for (std::size_t n = maxn; n >= 1; --n) {
            key.assign(st.word(i));
            for (std::size_t k = i + 1; k < i + n; ++k) {
                key += ' ';
                key.append(st.word(k));
            }
            auto it = names.find(key);
            if (it == names.end()) continue;
            const Entry& e = it->second;
            taken = n;
            if (e.code.empty()) break;  // a blocked phrase swallows its words
            if (!strict || counts(st, e, i, n)) {
                out.push_back({e.code, e.demonym, tokens[i].ob, tokens[i + n - 1].oe});
                st.last_match_end = i + n;
                st.have_last = true;
                if (covered) covered->push_back({i, i + n});
            } else {
                taken = 1;
            }
            break;
        }
        i += taken ? taken : 1;
    }
    if (covered) keep_uncovered(st, *covered);
    scan_cjk(text, out);
    return out;
}

/// Display names without the name tables: what facet labels need.
struct Gazetteer::Display {
    std::unordered_map<std::string, std::string> alpha3_to_2;               ///< ISO 3166-1
    std::unordered_map<std::string, std::array<std::string, 6>> overrides;  ///< from aliases.json
};

/// The tables of a gazetteer, each built once on first use.
struct Gazetteer::State {
    std::string dir;
    std::once_flag impl_once, display_once;
    std::unique_ptr<Impl> impl;
    std::unique_ptr<Display> display;
};

namespace {

std::string aliases_path(const std::string& schema_dir) {
    return (fs::path(schema_dir) / "gazetteer" / "aliases.json").string();
}

std::string former_names_path(const std::string& schema_dir) {
    return (fs::path(schema_dir) / "gazetteer" / "former_names.json").string();
}

nlohmann::json read_aliases(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw SchemaError(path + ": cannot open the country gazetteer");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw SchemaError(path + ": " + e.what());
    }
}

/// Reads countries.CODE.display.LANG of aliases.json as it streams past, building nothing else:
/// facet labels need no more, and a one-shot query pays for what it keeps.
struct DisplaySax : nlohmann::json_sax<nlohmann::json> {
    std::unordered_map<std::string, std::array<std::string, 6>>& out;
    std::vector<std::string> path;  ///< keys of the open objects (arrays push "")
    std::string last_key;

    explicit DisplaySax(std::unordered_map<std::string, std::array<std::string, 6>>& o) : out(o) {}
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool string(string_t& v) override {
        // Depth 3 is countries -> CODE -> display.
        if (path.size() == 3 && path[0] == "countries" && path[2] == "display")
            for (std::size_t l = 0; l < k_langs.size(); ++l)
                if (last_key == k_langs[l]) out[path[1]][l] = v;
        return true;
    }
    bool start_object(std::size_t) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        last_key = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        throw SchemaError(std::string(e.what()));
    }

  private:
    bool open() {
        if (!path.empty() || started) path.push_back(last_key);
        started = true;
        last_key.clear();
        return true;
    }
    bool close() {
        if (!path.empty()) path.pop_back();
        return true;
    }
    bool started = false;
};

/// CLDR's English uses "St." and "&" where UN text writes "Saint" and "and".
std::string un_english(std::string v) {
    for (std::size_t p; (p = v.find(" & ")) != std::string::npos;) v.replace(p, 3, " and ");
    for (std::size_t p; (p = v.find("St. ")) != std::string::npos;) v.replace(p, 4, "Saint ");
    return v;
}

std::unique_ptr<Gazetteer::Impl> load_impl(const std::string& schema_dir);

}  // namespace

Gazetteer::Gazetteer() : m_state(std::make_unique<State>()) {}
Gazetteer::Gazetteer(std::string schema_dir) : Gazetteer() {
    m_state->dir = std::move(schema_dir);
}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

const Gazetteer& Gazetteer::instance() {
    // Never destroyed: a process's exit need not free the tables.
    static const Gazetteer* g = new Gazetteer(Schema::default_schema_dir());
    return *g;
}

Gazetteer Gazetteer::load(const std::string& schema_dir) {
    Gazetteer g(schema_dir);
    g.impl();
    g.display();
    return g;
}

const Gazetteer::Impl& Gazetteer::impl() const {
    std::call_once(m_state->impl_once, [&] { m_state->impl = load_impl(m_state->dir); });
    return *m_state->impl;
}

const Gazetteer::Display& Gazetteer::display() const {
    std::call_once(m_state->display_once, [&] {
        const std::string path = aliases_path(m_state->dir);
        auto d = std::make_unique<Display>();
        {
            std::ifstream in(path);
            if (!in) throw SchemaError(path + ": cannot open the country gazetteer");
            DisplaySax sax(d->overrides);
            try {
                nlohmann::json::sax_parse(in, &sax);
            } catch (const SchemaError& e) {
                throw SchemaError(path + ": " + e.what());
            }
        }
        for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
            const std::string a2 = *c;
            if (a2 == "DG" || a2 == "EA" || a2 == "IC") continue;  // as load_impl
            const std::string a3 = uloc_getISO3Country(("und_" + a2).c_str());
            if (!a3.empty()) d->alpha3_to_2.emplace(a3, a2);
        }
        m_state->display = std::move(d);
    });
    return *m_state->display;
}

namespace {

using Impl = Gazetteer::Impl;

/// Which code points are word characters and which are Chinese or Japanese.
void classify_characters(Impl& im) {
    for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const auto c = static_cast<UChar32>(cp);
        const int script = u_getIntPropertyValue(c, UCHAR_SCRIPT);
        if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) {
            im.cls[cp] = k_cjk;
            continue;
        }
        const int8_t type = u_charType(c);
        // A mark folds to nothing but stays inside its word (Arabic harakat in "عُمان").
        if (u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK)
            im.cls[cp] = k_word;
    }
}

/// ISO 3166-1 from ICU, with CLDR's display names in the six languages as names.
void add_iso_countries(Impl& im, const std::string& path) {
    // DG, EA and IC are CLDR regions with no ISO 3166-1 entry.
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
        const std::string a2 = *c;
        if (a2 == "DG" || a2 == "EA" || a2 == "IC") continue;
        const std::string a3 = uloc_getISO3Country(("und_" + a2).c_str());
        if (a3.empty()) continue;
        im.alpha2_to_3[a2] = a3;
        im.codes.insert(a3);
        std::array<std::string, 6> disp;
        for (std::size_t l = 0; l < k_langs.size(); ++l) {
            icu::UnicodeString out;
            icu::Locale("", a2.c_str()).getDisplayCountry(icu::Locale(k_langs[l]), out);
            out.toUTF8String(disp[l]);
            im.add_name(disp[l], Entry{a3, false, 0}, path);
            if (l == 0) {
                std::string v = un_english(disp[l]);
                if (v != disp[l]) im.add_name(v, Entry{a3, false, 0}, path);
                disp[l] = v;
            }
        }
        im.display[a3] = disp;
    }
}

/// A demonym of code, and its plural: "Nigerians", "Israelis", "Greeks"; "-ese", "-ish", "-ch"
/// take none.
void add_demonym(Impl& im, const std::string& code, const std::string& d, const std::string& path) {
    im.add_name(d, Entry{code, true, 0}, path);
    const char last = d.back();
    if (last == 'n' || last == 'i' || last == 't' || last == 'e' || last == 'o' || last == 'k')
        if (d.size() < 3 || d.compare(d.size() - 3, 3, "ese") != 0)
            im.add_name(d + "s", Entry{code, true, 0}, path);
}

/// The forms of a French adjective of nationality from its masculine singular: "syrien",
/// "syrienne", "syriens", "syriennes"; "soudanais", "soudanaise(s)"; "belge", "belges".
std::vector<std::string> french_adjective_forms(const std::string& m) {
    const auto ends = [&m](std::string_view e) {
        return m.size() > e.size() && m.compare(m.size() - e.size(), e.size(), e) == 0;
    };
    if (ends("ien") || ends("éen")) return {m, m + "ne", m + "s", m + "nes"};
    if (ends("s") || ends("x")) return {m, m + "e", m + "es"};
    if (ends("e")) return {m, m + "s"};
    return {m, m + "e", m + "s", m + "es"};
}

/// French adjectives of nationality of code, counted as demonyms in any case; a form that is
/// already a name ("argentine", "Argentine" the country) stays that name.
void add_french_demonyms(Impl& im, const std::string& code, const nlohmann::json& list,
                         const std::string& path) {
    if (!im.codes.count(code)) throw SchemaError(path + ": demonyms_fr of unknown code " + code);
    for (const auto& n : list) {
        for (const std::string& form : french_adjective_forms(n.get<std::string>())) {
            std::string key = im.key_of(form);
            if (key.empty()) throw SchemaError(path + ": empty French demonym for " + code);
            if (!im.names.count(key)) im.add_key(std::move(key), Entry{code, true, k_any_case});
        }
    }
}

/// One country of aliases.json: display names, names, acronyms and demonyms.
void add_alias_country(Impl& im, const std::string& code, const nlohmann::json& c,
                       const std::string& path) {
    if (code.size() != 3 || upper_ascii(code) != code)
        throw SchemaError(path + ": '" + code + "' is not an alpha-3 code");
    const bool iso = im.codes.count(code) > 0;
    if (c.contains("display")) {
        auto& disp = im.display[code];
        for (std::size_t l = 0; l < k_langs.size(); ++l)
            if (c.at("display").contains(k_langs[l]))
                disp[l] = c.at("display").at(k_langs[l]).get<std::string>();
        for (std::size_t l = 0; l < k_langs.size(); ++l) {
            if (disp[l].empty())
                throw SchemaError(path + ": " + code + " has no display name in " + k_langs[l]);
            im.add_name(disp[l], Entry{code, false, 0}, path);
        }
    } else if (!iso) {
        throw SchemaError(path + ": " + code +
                          " is not an ISO 3166-1 code and has no display names");
    }
    im.codes.insert(code);
    for (const auto& n : c.value("names", nlohmann::json::array()))
        im.add_name(n.get<std::string>(), Entry{code, false, 0}, path);
    for (const auto& n : c.value("acronyms", nlohmann::json::array()))
        im.add_name(n.get<std::string>(), Entry{code, false, k_acronym}, path);
    for (const auto& n : c.value("demonyms", nlohmann::json::array()))
        add_demonym(im, code, n.get<std::string>(), path);
}

/// Checks one entry of former_names.json: a known code, a kind of the policy, years, a source.
void check_former_entry(const Impl& im, const nlohmann::json& f, const std::string& path) {
    const std::string code = f.at("code").get<std::string>();
    const std::string what = path + ": former name of " + code + ": ";
    if (!im.codes.count(code)) throw SchemaError(what + "unknown code");
    const std::string kind = f.at("kind").get<std::string>();
    if (kind != "renamed" && kind != "dissolved" && kind != "territory")
        throw SchemaError(what + "kind '" + kind + "' is not renamed, dissolved or territory");
    const int from = f.at("from").get<int>(), to = f.at("to").get<int>();
    if (from < 1800 || from > to || to > 2100)
        throw SchemaError(what + "years " + std::to_string(from) + "-" + std::to_string(to));
    if (f.at("source").get<std::string>().empty()) throw SchemaError(what + "no source");
    for (const auto& [lang, list] : f.at("names").items())
        if (std::find(k_langs.begin(), k_langs.end(), lang) == k_langs.end() || !list.is_array())
            throw SchemaError(what + "names in '" + lang + "' is not a language of the six");
}

/// A former name; one that is already a name of another country is an error in the data.
void add_former_name(Impl& im, const std::string& name, Entry entry, const std::string& path) {
    std::string key = im.key_of(name);
    if (key.rfind("the ", 0) == 0) key.erase(0, 4);
    const auto it = im.names.find(key);
    if (it != im.names.end() && !it->second.code.empty() && !it->second.demonym &&
        it->second.code != entry.code)
        throw SchemaError(path + ": former name '" + name + "' of " + entry.code +
                          " is already a name of " + it->second.code);
    im.add_name(name, std::move(entry), path);
}

/// schemas/gazetteer/former_names.json: names of their time, mapped as its policy says.
void add_former_names(Impl& im, const std::string& path) {
    const nlohmann::json j = read_aliases(path);
    try {
        for (const auto& f : j.at("former_names")) {
            check_former_entry(im, f, path);
            const std::string code = f.at("code").get<std::string>();
            for (const auto& [lang, list] : f.at("names").items())
                for (const auto& n : list)
                    add_former_name(im, n.get<std::string>(), Entry{code, false, 0}, path);
            for (const auto& n : f.value("acronyms", nlohmann::json::array()))
                add_former_name(im, n.get<std::string>(), Entry{code, false, k_acronym}, path);
            for (const auto& n : f.value("demonyms", nlohmann::json::array()))
                add_demonym(im, code, n.get<std::string>(), path);
        }
        for (const auto& n : j.at("blocked")) im.add_name(n.get<std::string>(), Entry{}, path);
    } catch (const nlohmann::json::exception& e) {
        throw SchemaError(path + ": " + e.what());
    }
}

/// Sets flag on each name of the list field of aliases.json, which must all be names.
void flag_names(Impl& im, const nlohmann::json& j, const char* field, std::uint8_t flag,
                const std::string& path) {
    for (const auto& n : j.at(field)) {
        const std::string key = im.key_of(n.get<std::string>());
        auto it = im.names.find(key);
        if (it == im.names.end())
            throw SchemaError(path + ": '" + key + "' in " + field + " is not a name");
        it->second.flags |= flag;
    }
}

/// The words of formal names ("republic", "共和国"), longest Chinese ones first.
void add_form_words(Impl& im, const nlohmann::json& j) {
    for (const auto& n : j.at("form_words")) {
        const std::string s = n.get<std::string>();
        bool has_cjk = false;
        for (std::size_t i = 0; i < s.size();) {
            const char32_t cp = next_code_point(s, i);
            if (cp < 0x10000 && im.cls[cp] == k_cjk) has_cjk = true;
        }
        if (has_cjk)
            im.cjk_form.push_back(s);
        else {
            const std::string key = im.key_of(s);
            for (std::size_t b = 0, e; b < key.size(); b = e + 1) {
                e = std::min(key.find(' ', b), key.size());
                im.form_words.insert(key.substr(b, e - b));
            }
        }
    }
    std::sort(im.cjk_form.begin(), im.cjk_form.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

/// Russian names declined, where the form is not already another name.
void add_russian_forms(Impl& im) {
    std::vector<std::pair<std::string, Entry>> russian;
    for (const auto& [key, entry] : im.names)
        if (!entry.code.empty() && !entry.demonym && entry.flags == 0)
            for (auto& form : russian_case_forms(key)) russian.emplace_back(std::move(form), entry);
    for (auto& [form, entry] : russian)
        if (!im.names.count(form)) im.add_key(std::move(form), std::move(entry));
}

std::unique_ptr<Gazetteer::Impl> load_impl(const std::string& schema_dir) {
    const std::string path = aliases_path(schema_dir);
    const nlohmann::json j = read_aliases(path);
    auto owned = std::make_unique<Impl>();
    Impl& im = *owned;
    classify_characters(im);
    add_iso_countries(im, path);
    try {
        for (const auto& [code, c] : j.at("countries").items())
            add_alias_country(im, code, c, path);
        add_former_names(im, former_names_path(schema_dir));
        for (const auto& n : j.at("blocked")) im.add_name(n.get<std::string>(), Entry{}, path);
        const nlohmann::json french = j.value("demonyms_fr", nlohmann::json::object());
        for (const auto& [code, list] : french.items()) add_french_demonyms(im, code, list, path);
        flag_names(im, j, "personal_names", k_person, path);
        flag_names(im, j, "us_states", k_us_state, path);
        add_form_words(im, j);
        add_russian_forms(im);
        for (const auto& n : j.at("person_context"))
            im.person_context.insert(im.key_of(n.get<std::string>()));
        for (const auto& n : j.at("honorifics"))
            im.honorifics.insert(im.key_of(n.get<std::string>()));
        for (const auto& n : j.at("georgia_places"))
            im.georgia_places.insert(im.key_of(n.get<std::string>()));
    } catch (const nlohmann::json::exception& e) {
        throw SchemaError(path + ": " + e.what());
    }
    return owned;
}

}  // namespace

std::vector<CountryMatch> Gazetteer::find(std::string_view text) const {
    auto out = impl().scan(text, true, nullptr);
    std::sort(out.begin(), out.end(),
              [](const CountryMatch& a, const CountryMatch& b) { return a.begin < b.begin; });
    return out;
}

std::optional<std::string> Gazetteer::lookup(std::string_view name) const {
    const Impl& im = impl();
    const std::string_view t = trim(name);
    if (t.empty()) return std::nullopt;
    const auto try_key = [&](const std::string& key) -> std::optional<std::string> {
        auto it = im.names.find(key);
        if (it != im.names.end() && !it->second.code.empty() && !it->second.demonym)
            return it->second.code;
        return std::nullopt;
    };
    std::string key = im.key_of(t);
    if (!key.empty()) {
        // Leading and trailing articles: "the Sudan", "Bahamas (the)", "Afghanistan (l')".
        static const std::array<std::string_view, 9> articles = {"the", "l",   "le",  "la", "les",
                                                                 "el",  "los", "las", "de"};
        std::vector<std::string> candidates{key};
        std::string k = key;
        for (bool changed = true; changed;) {
            changed = false;
            for (auto a : articles) {
                if (k.size() > a.size() + 1 && k.compare(0, a.size(), a) == 0 &&
                    k[a.size()] == ' ') {
                    k.erase(0, a.size() + 1);
                    changed = true;
                }
                if (k.size() > a.size() + 1 && k.compare(k.size() - a.size(), a.size(), a) == 0 &&
                    k[k.size() - a.size() - 1] == ' ') {
                    k.erase(k.size() - a.size() - 1);
                    changed = true;
                }
            }
            if (changed) candidates.push_back(k);
        }
        for (const auto& c : candidates)
            if (auto r = try_key(c)) return r;
    }
    // A Chinese name as a whole.
    {
        std::string cj;
        for (std::size_t i = 0; i < t.size();) {
            const std::size_t s = i;
            const char32_t cp = next_code_point(t, i);
            if (cp < 0x10000 && im.cls[cp] == k_cjk) cj.append(t.substr(s, i - s));
        }
        if (!cj.empty()) {
            auto it = im.cjk.find(cj);
            if (it != im.cjk.end() && !it->second.code.empty()) return it->second.code;
        }
    }
    // A code.
    if (t.size() == 3 || t.size() == 2) {
        bool letters = true;
        for (char c : t) letters = letters && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        if (letters) {
            std::string up = upper_ascii(t);
            if (up.size() == 3 && im.codes.count(up)) return up;
            if (up.size() == 2)
                if (auto it = im.alpha2_to_3.find(up); it != im.alpha2_to_3.end())
                    return it->second;
        }
    }
    // A formal name: one country named inside, every other word a form word
    // ("the Islamic Republic of Afghanistan", "Республика Албания", "阿富汗伊斯兰共和国").
    std::vector<std::pair<std::size_t, std::size_t>> left;
    const auto found = im.scan(t, false, &left);
    if (!left.empty()) return std::nullopt;
    std::string code;
    std::string by_demonym;
    for (const auto& m : found) {
        std::string& slot = m.demonym ? by_demonym : code;
        if (!slot.empty() && slot != m.code) return std::nullopt;
        slot = m.code;
    }
    if (code.empty()) {
        // "the Argentine Republic" names a country; "Argentine" alone does not.
        if (found.size() != 1 || (found[0].begin == 0 && found[0].end == t.size()))
            return std::nullopt;
        code = by_demonym;
    }
    if (code.empty()) return std::nullopt;
    // Chinese characters outside the matched names must all be form characters.
    std::string rest;
    {
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        for (const auto& m : found) spans.push_back({m.begin, m.end});
        for (std::size_t i = 0; i < t.size();) {
            const std::size_t s = i;
            const char32_t cp = next_code_point(t, i);
            if (!(cp < 0x10000 && im.cls[cp] == k_cjk)) continue;
            bool in = false;
            for (const auto& sp : spans) in = in || (s >= sp.first && s < sp.second);
            if (!in) rest.append(t.substr(s, i - s));
        }
    }
    for (const auto& f : im.cjk_form)
        for (std::size_t p; (p = rest.find(f)) != std::string::npos;) rest.erase(p, f.size());
    if (!rest.empty()) return std::nullopt;
    return code;
}

std::string Gazetteer::display_name(const std::string& code, const std::string& lang) const {
    const Display& d = display();
    const std::string up = upper_ascii(code);
    std::size_t l = 0;
    while (l < k_langs.size() && lang != k_langs[l]) ++l;
    if (l == k_langs.size()) l = 0;  // English
    if (auto o = d.overrides.find(up); o != d.overrides.end() && !o->second[l].empty())
        return o->second[l];
    const auto a2 = d.alpha3_to_2.find(up);
    if (a2 == d.alpha3_to_2.end()) return code;
    icu::UnicodeString out;
    icu::Locale("", a2->second.c_str()).getDisplayCountry(icu::Locale(k_langs[l]), out);
    std::string name;
    out.toUTF8String(name);
    return l == 0 ? un_english(std::move(name)) : name;
}

}  // namespace plenary
