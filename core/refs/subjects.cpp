#include "refs/subjects.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "analysis/tokenizer.h"
#include "base/error.h"
#include "base/text_util.h"
#include "model/schema.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

/// Thesaurus labels are English; Xapian::Stem is not thread-safe, so one per thread.
std::string stem_en(const std::string& term) {
    thread_local Xapian::Stem stem("english");
    return is_stemmed_term(term) ? stem(term) : term;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() + 1 && s.substr(s.size() - suffix.size()) == suffix;
}

/// A folded word without an English plural ending: "migrants" and "migrant" are "migrant",
/// "countries" "country", "businesses" "business". The index's Snowball stem equates these and
/// also derivations ("national", "nationalism", "nations" are all "nation"), which name other
/// concepts: a label's word matches a text word when both keys and both stems are equal. A
/// word in -ics keeps its "s": "linguistics" and "genetics" are not "linguistic", "genetic".
std::string_view plural_key(std::string_view w, std::string& scratch) {
    if (w.size() < 3 || w.back() != 's') return w;  // most words: no plural ending
    if (ends_with(w, "ies")) {
        scratch.assign(w.substr(0, w.size() - 3)) += 'y';
        return scratch;
    }
    for (const std::string_view es : {"sses", "xes", "ches", "shes", "zes"})
        if (ends_with(w, es)) return w.substr(0, w.size() - 2);
    if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is") &&
        !ends_with(w, "ics"))
        return w.substr(0, w.size() - 1);
    return w;
}

/// One line of the list, split; false when it is not LABEL, pref_label=, uri=, kind=.
struct ListLine {
    std::string_view label, pref, uri, kind;
};

bool split_line(std::string_view line, ListLine& out) {
    std::string_view parts[4];
    std::size_t n = 0;
    while (n < 4) {
        const auto tab = line.find('\t');
        parts[n++] = line.substr(0, tab);
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
        if (n == 4) return false;  // a fifth field
    }
    if (n != 4) return false;
    auto value = [](std::string_view part, std::string_view key, std::string_view& v) {
        if (part.substr(0, key.size()) != key) return false;
        v = part.substr(key.size());
        return !v.empty();
    };
    out.label = parts[0];
    return !out.label.empty() && value(parts[1], "pref_label=", out.pref) &&
           value(parts[2], "uri=", out.uri) && value(parts[3], "kind=", out.kind) &&
           (out.kind == "pref" || out.kind == "alt");
}

/// A label matched only where written in capitals: one word of at most three characters, or
/// holding a digit (ART, AMR, CFC, CO2), which in running text is mostly another word.
bool acronym_like(std::string_view label) {
    if (label.find(' ') != std::string_view::npos) return false;
    if (label.size() <= 3) return true;
    return std::any_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool written_in_capitals(std::string_view word) {
    bool letter = false;
    for (const char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

/// How a word is written, for telling names ("Human Rights Council", "Women's International
/// League for Peace and Freedom") and lists of names from running text.
enum class Case : std::uint8_t { lower, capitalized, capitals, connector };

/// Short words that join the words of a name ("Center for Human Rights").
bool is_connector(std::string_view term) {
    if (term.size() > 7) return false;
    static const std::unordered_set<std::string_view> words{
        "of",      "for", "the", "and", "on", "in", "to", "a",   "an",   "at",  "by", "with",
        "against", "de",  "la",  "des", "du", "et", "y",  "del", "pour", "les", "le"};
    return words.count(term) > 0;
}

bool is_upper_letter(char32_t cp) {
    if (cp < 0x80) return cp >= U'A' && cp <= U'Z';
    const auto c = Xapian::Unicode::get_category(static_cast<unsigned>(cp));
    return c == Xapian::Unicode::UPPERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER;
}

bool is_lower_letter(char32_t cp) {
    if (cp < 0x80) return cp >= U'a' && cp <= U'z';
    return Xapian::Unicode::get_category(static_cast<unsigned>(cp)) ==
           Xapian::Unicode::LOWERCASE_LETTER;
}

Case case_of(std::string_view word, std::string_view term) {
    if (is_connector(term)) return Case::connector;
    // ASCII, the usual case, without decoding.
    if (!word.empty() && static_cast<unsigned char>(word[0]) < 0x80) {
        if (word[0] < 'A' || word[0] > 'Z') return Case::lower;
        bool ascii = true, lower = false;
        for (const char c : word.substr(1)) {
            if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
            if (c >= 'a' && c <= 'z') lower = true;
        }
        if (ascii) return lower || word.size() == 1 ? Case::capitalized : Case::capitals;
    }
    std::size_t i = 0;
    const bool first_upper = !word.empty() && is_upper_letter(next_code_point(word, i));
    if (!first_upper) return Case::lower;
    bool lower = false, more = false;
    while (i < word.size()) {
        const char32_t cp = next_code_point(word, i);
        more = true;
        if (is_lower_letter(cp)) lower = true;
    }
    return lower || !more ? Case::capitalized : Case::capitals;
}

std::string fnv_hex(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    std::ostringstream out;
    out << std::hex << h;
    return out.str();
}

}  // namespace

std::vector<std::string> subject_words(std::string_view text) {
    std::vector<std::string> out;
    for_each_word(text, Infixes::join,
                  [&](WordSpan, std::string_view term) { out.emplace_back(term); });
    return out;
}

SubjectExclusions load_subject_exclusions(const std::string& dir) {
    const std::string path = (fs::path(dir) / "subject_exclusions.json").string();
    std::ifstream in(path);
    if (!in) throw SchemaError(path + ": cannot open the subject exclusions");
    SubjectExclusions out;
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        for (const auto& e : j.at("excluded")) {
            const bool label = e.contains("label"), descriptor = e.contains("descriptor");
            if (label && descriptor)
                out.label_of.emplace_back(e.at("label").get<std::string>(),
                                          e.at("descriptor").get<std::string>());
            else if (label)
                out.labels.push_back(e.at("label").get<std::string>());
            else if (descriptor)
                out.descriptors.push_back(e.at("descriptor").get<std::string>());
            if (!e.contains("reason") || e.at("reason").get<std::string>().empty())
                throw SchemaError(path + ": every exclusion needs a reason");
        }
    } catch (const nlohmann::json::exception& e) {
        throw SchemaError(path + ": " + e.what());
    }
    return out;
}

Thesaurus Thesaurus::load(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw UsageError(path + ": cannot read the thesaurus: a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError(path + ": cannot read the thesaurus: no such file or not readable");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parse(bytes.str(), path, load_subject_exclusions(Schema::default_schema_dir()));
}

Thesaurus Thesaurus::parse(std::string_view text, const std::string& name,
                           const SubjectExclusions& exclusions) {
    const std::unordered_set<std::string> labels_out(exclusions.labels.begin(),
                                                     exclusions.labels.end());
    const std::unordered_set<std::string> descriptors_out(exclusions.descriptors.begin(),
                                                          exclusions.descriptors.end());
    Thesaurus t;
    std::string key = fnv_hex(text) + '\n';  // the list's bytes, then the exclusions
    int line_no = 0;
    while (!text.empty()) {
        ++line_no;
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        ListLine l;
        if (!split_line(line, l))
            throw UsageError(name + ":" + std::to_string(line_no) +
                             ": malformed thesaurus line (expected LABEL<TAB>pref_label=...<TAB>"
                             "uri=...<TAB>kind=pref|alt)");
        // An excluded label still takes its words, so that no shorter label inside it counts
        // ("MARSHALL ISLANDS" excluded is not "ISLANDS").
        // One label of one descriptor left out: the label may stand for another descriptor.
        const std::pair<std::string, std::string> line_key(l.label, l.pref);
        if (std::find(exclusions.label_of.begin(), exclusions.label_of.end(), line_key) !=
            exclusions.label_of.end())
            continue;
        if (labels_out.count(line_key.first) || descriptors_out.count(line_key.second)) {
            t.add_label(l.label, kExcluded);
            continue;
        }
        const auto [it, added] = t.m_descriptor_index.emplace(
            std::string(l.uri), static_cast<std::uint32_t>(t.m_descriptors.size()));
        if (added) t.m_descriptors.push_back({std::string(l.pref), std::string(l.uri)});
        t.add_label(l.label, it->second);
    }
    for (auto& [first, labels] : t.m_by_first)
        std::stable_sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) {
            return a.rest.size() > b.rest.size();
        });
    for (const auto& l : exclusions.labels) key += l + '\n';
    for (const auto& d : exclusions.descriptors) key += '*' + d + '\n';
    for (const auto& [label, pref] : exclusions.label_of) key += label + '>' + pref + '\n';
    t.m_fingerprint = fnv_hex(key);
    return t;
}

void Thesaurus::add_label(std::string_view label, std::uint32_t descriptor) {
    const std::vector<std::string> words = subject_words(label);
    if (words.empty()) return;
    Label l;
    l.descriptor = descriptor;
    l.capitals = acronym_like(label);
    std::string scratch;
    for (std::size_t i = 1; i < words.size(); ++i)
        l.rest.emplace_back(plural_key(words[i], scratch));
    // An excluded label takes its words by their keys alone: no stems to compare.
    if (descriptor != kExcluded)
        for (const auto& w : words) l.stems.push_back(stem_en(w));
    auto& same_first = m_by_first[std::string(plural_key(words.front(), scratch))];
    for (Label& o : same_first) {
        if (o.rest != l.rest) continue;
        // Two labels that analyse alike: the first one stays, unless the second is excluded.
        if (descriptor == kExcluded && o.descriptor != kExcluded) {
            o.descriptor = kExcluded;
            --m_labels;
        }
        return;
    }
    same_first.push_back(std::move(l));
    if (descriptor != kExcluded) ++m_labels;
}

/// The words of a text: each one's plural key, its folded form, where it is written and how.
struct Thesaurus::TextWords {
    std::vector<std::string> keys, terms;
    std::vector<WordSpan> spans;
    std::vector<Case> cases;
    mutable std::vector<std::string> stems;  ///< by word, computed when a label asks ("" before)

    /// The English stem of word k (several labels may ask for one word's).
    const std::string& stem(std::size_t k) const {
        if (stems.size() < terms.size()) stems.resize(terms.size());
        if (stems[k].empty()) stems[k] = stem_en(terms[k]);
        return stems[k];
    }

    /// True if only spaces stand between words a and b (a < b): one name may span them.
    bool joined(std::size_t a, std::size_t b, std::string_view text) const {
        for (std::size_t k = spans[a].end; k < spans[b].begin; ++k)
            if (text[k] != ' ') return false;
        return true;
    }

    /// True if most words of the text are capitalized: a list of names (of States, NGOs,
    /// mandates, delegates), whose words are the names' and not the paragraph's subjects.
    bool list_of_names() const {
        std::size_t content = 0, capitalized = 0;
        for (const Case c : cases) {
            if (c == Case::connector || c == Case::capitals) continue;
            ++content;
            if (c == Case::capitalized) ++capitalized;
        }
        return content >= 6 && capitalized * 10 >= content * 6;
    }

    /// True if the text has a word in lower case or capitalized: not a heading in capitals.
    bool has_lower_case() const {
        return std::any_of(cases.begin(), cases.end(),
                           [](Case c) { return c == Case::lower || c == Case::capitalized; });
    }

    /// True if words [i, i + n) are written in capitals inside a longer title in capitals in a
    /// text that is not itself in capitals ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS
    /// 140.65 Take effective measures ...": the name of a goal heading a recommendation).
    bool inside_title(std::size_t i, std::size_t n, std::string_view text) const {
        for (std::size_t k = i; k < i + n; ++k)
            if (cases[k] != Case::capitals && cases[k] != Case::connector) return false;
        if (!has_lower_case()) return false;
        auto near = [&](std::size_t a, std::size_t b) {  // a space or ", " between
            std::string_view gap = text.substr(spans[a].end, spans[b].begin - spans[a].end);
            return gap == " " || gap == ", ";
        };
        if (i > 0 && near(i - 1, i)) {
            if (cases[i - 1] == Case::capitals) return true;
            if (cases[i - 1] == Case::connector && i > 1 && near(i - 2, i - 1) &&
                cases[i - 2] == Case::capitals)
                return true;
        }
        const std::size_t after = i + n;
        if (after < cases.size() && near(after - 1, after)) {
            if (cases[after] == Case::capitals) return true;
            if (cases[after] == Case::connector && after + 1 < cases.size() &&
                near(after, after + 1) && cases[after + 1] == Case::capitals)
                return true;
        }
        return false;
    }

    /// True if words [i, i + n) are written as part of a longer capitalized name: each of them
    /// capitalized, and a capitalized word just before or after them, with only connectors and
    /// spaces between ("Human Rights Council", "League for Peace and Freedom").
    bool inside_name(std::size_t i, std::size_t n, std::string_view text) const {
        for (std::size_t k = i; k < i + n; ++k)
            if (cases[k] != Case::capitalized && cases[k] != Case::connector) return false;
        if (cases[i] != Case::capitalized) return false;
        auto named = [&](std::size_t k) { return cases[k] == Case::capitalized; };
        // Before: up to two connectors, then a capitalized word.
        for (std::size_t k = i, steps = 0; k > 0 && steps < 3; --k, ++steps) {
            if (!joined(k - 1, k, text)) break;
            if (named(k - 1)) return true;
            if (cases[k - 1] != Case::connector) break;
        }
        for (std::size_t k = i + n - 1, steps = 0; k + 1 < cases.size() && steps < 3;
             ++k, ++steps) {
            if (!joined(k, k + 1, text)) break;
            if (named(k + 1)) return true;
            if (cases[k + 1] != Case::connector) break;
        }
        return false;
    }
};

bool Thesaurus::matches(const Label& l, const TextWords& t, std::size_t i,
                        std::string_view text) const {
    if (i + 1 + l.rest.size() > t.keys.size()) return false;
    if (!std::equal(l.rest.begin(), l.rest.end(), t.keys.begin() + i + 1)) return false;
    if (l.capitals &&
        !written_in_capitals(text.substr(t.spans[i].begin, t.spans[i].end - t.spans[i].begin)))
        return false;
    for (std::size_t k = 0; k < l.stems.size(); ++k)
        if (t.stem(i + k) != l.stems[k]) return false;
    return true;
}

std::vector<SubjectRef> Thesaurus::find(std::string_view text) const {
    TextWords t;
    const std::size_t expected = text.size() / 5 + 1;  // English words and their spaces
    t.keys.reserve(expected);
    t.terms.reserve(expected);
    t.spans.reserve(expected);
    t.cases.reserve(expected);
    std::string scratch;
    for_each_word(text, Infixes::join, [&](WordSpan span, std::string_view term) {
        t.keys.emplace_back(plural_key(term, scratch));
        t.terms.emplace_back(term);
        t.spans.push_back(span);
        t.cases.push_back(case_of(text.substr(span.begin, span.end - span.begin), term));
    });
    std::vector<SubjectRef> out;
    if (t.list_of_names()) return out;
    for (std::size_t i = 0; i < t.keys.size();) {
        std::size_t matched = 0;
        if (const auto it = m_by_first.find(t.keys[i]); it != m_by_first.end()) {
            for (const Label& l : it->second) {
                if (!matches(l, t, i, text)) continue;
                const std::size_t n = 1 + l.rest.size();
                if (l.descriptor != kExcluded && !t.inside_name(i, n, text) &&
                    !t.inside_title(i, n, text)) {
                    const SubjectRef& d = m_descriptors[l.descriptor];
                    if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
                }
                matched = 1 + l.rest.size();
                break;
            }
        }
        i += matched ? matched : 1;
    }
    return out;
}

void assign_subjects(Document& doc, const Thesaurus& thesaurus) {
    if (!doc.lang.empty() && doc.lang != "en") return;
    for (Paragraph& p : doc.paragraphs) p.refs.subjects = thesaurus.find(p.text);
}

}  // namespace plenary
