// Measures reference extraction against hand-checked gold data: passages copied from real
// documents under corpus-real (tests/data/gold/passages.jsonl) and every numbered paragraph of
// the seed report (tests/data/gold/seed.json). Prints a precision/recall table with every
// false positive and false negative, then asserts the thresholds.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "model/document.h"
#include "readers/reader.h"
#include "refs/countries.h"
#include "refs/references.h"
#include "refs/resolutions.h"
#include "refs/symbols.h"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path k_gold_dir = fs::path(PLENARY_SOURCE_DIR) / "tests" / "data" / "gold";
const fs::path k_corpus_dir = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
const fs::path k_seed_copy = fs::path(PLENARY_SOURCE_DIR) / "corpus" / "ctoc-cop-2020-2.md";

/// The kinds measured; demonyms are reported but not asserted.
enum class Kind { symbols, resolutions, countries, demonyms };
constexpr Kind k_kinds[] = {Kind::symbols, Kind::resolutions, Kind::countries, Kind::demonyms};

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::symbols:
            return "symbols";
        case Kind::resolutions:
            return "resolutions";
        case Kind::countries:
            return "countries";
        case Kind::demonyms:
            return "demonyms";
    }
    return "?";
}

/// Values of one unit (passage or paragraph), per kind, as comparable strings.
using Values = std::map<Kind, std::set<std::string>>;

/// A resolution is correct only with its body; a decision is compared by its id alone.
std::string resolution_key(const std::string& id, const std::string& body, bool decision) {
    return decision ? "decision " + id : id + " [" + body + "]";
}

Values gold_values(const json& entry) {
    Values v;
    for (const auto& s : entry.at("symbols")) v[Kind::symbols].insert(s.get<std::string>());
    for (const auto& r : entry.at("resolutions"))
        v[Kind::resolutions].insert(resolution_key(r.at("id"), r.at("body"), false));
    for (const auto& d : entry.at("decisions"))
        v[Kind::resolutions].insert(resolution_key(d.get<std::string>(), "", true));
    for (const auto& c : entry.at("countries")) v[Kind::countries].insert(c.get<std::string>());
    for (const auto& c : entry.at("demonyms")) v[Kind::demonyms].insert(c.get<std::string>());
    return v;
}

Values found_values(const plenary::References& refs) {
    Values v;
    v[Kind::symbols].insert(refs.symbols.begin(), refs.symbols.end());
    for (const auto& r : refs.resolutions)
        v[Kind::resolutions].insert(resolution_key(r.id, r.body, r.decision));
    v[Kind::countries].insert(refs.countries.begin(), refs.countries.end());
    v[Kind::demonyms].insert(refs.demonyms.begin(), refs.demonyms.end());
    return v;
}

/// A passage's language is "en" unless its entry says otherwise ("lang": "es").
std::string passage_lang(const json& entry) {
    return entry.contains("lang") ? entry.at("lang").get<std::string>() : "en";
}

Values extract_passage(const std::string& text, const std::string& organ, const std::string& lang) {
    plenary::References refs;
    for (const auto& m : plenary::find_symbols(text)) refs.symbols.push_back(m.canonical);
    for (const auto& m : plenary::find_resolutions(text, plenary::CitationContext{organ, lang}))
        refs.resolutions.push_back(m.ref);
    for (const auto& m : plenary::Gazetteer::instance().find(text))
        (m.demonym ? refs.demonyms : refs.countries).push_back(m.code);
    return found_values(refs);
}

/// Micro-averaged counts over (unit, value) pairs, with the misses kept for the report.
struct Score {
    std::size_t gold = 0;
    std::size_t found = 0;
    std::size_t correct = 0;
    std::vector<std::string> false_positives;
    std::vector<std::string> false_negatives;

    double precision() const {
        return found == 0 ? (gold == 0 ? 1.0 : 0.0) : double(correct) / found;
    }
    double recall() const { return gold == 0 ? 1.0 : double(correct) / gold; }
};

using Scores = std::map<Kind, Score>;

/// Adds one unit's comparison; returns true when it differs in any kind.
bool add_unit(Scores& scores, const std::string& label, const Values& gold, const Values& found) {
    bool differs = false;
    for (Kind kind : k_kinds) {
        const auto& g = gold.count(kind) ? gold.at(kind) : std::set<std::string>{};
        const auto& f = found.count(kind) ? found.at(kind) : std::set<std::string>{};
        Score& s = scores[kind];
        s.gold += g.size();
        s.found += f.size();
        for (const auto& value : f) {
            if (g.count(value))
                ++s.correct;
            else {
                s.false_positives.push_back(label + ": " + value);
                differs = true;
            }
        }
        for (const auto& value : g) {
            if (!f.count(value)) {
                s.false_negatives.push_back(label + ": " + value);
                differs = true;
            }
        }
    }
    return differs;
}

void print_scores(const std::string& title, const Scores& scores) {
    std::ostringstream out;
    out << "\n== " << title << " ==\n"
        << std::left << std::setw(13) << "kind" << std::right << std::setw(7) << "gold"
        << std::setw(7) << "found" << std::setw(9) << "correct" << std::setw(11) << "precision"
        << std::setw(9) << "recall"
        << "\n";
    for (Kind kind : k_kinds) {
        const Score& s = scores.at(kind);
        out << std::left << std::setw(13) << kind_name(kind) << std::right << std::setw(7) << s.gold
            << std::setw(7) << s.found << std::setw(9) << s.correct << std::fixed
            << std::setprecision(3) << std::setw(11) << s.precision() << std::setw(9) << s.recall()
            << "\n";
    }
    for (Kind kind : k_kinds) {
        const Score& s = scores.at(kind);
        for (const auto& fp : s.false_positives)
            out << "  FP " << kind_name(kind) << " " << fp << "\n";
        for (const auto& fn : s.false_negatives)
            out << "  FN " << kind_name(kind) << " " << fn << "\n";
    }
    std::cout << out.str() << std::flush;
}

void expect_thresholds(const std::string& title, const Scores& scores) {
    struct Bound {
        Kind kind;
        double precision;
        double recall;
    };
    for (const Bound& b : {Bound{Kind::symbols, 0.99, 0.98}, Bound{Kind::resolutions, 0.99, 0.98},
                           Bound{Kind::countries, 0.99, 0.98}}) {
        const Score& s = scores.at(b.kind);
        EXPECT_GE(s.precision(), b.precision) << title << " " << kind_name(b.kind) << " precision";
        EXPECT_GE(s.recall(), b.recall) << title << " " << kind_name(b.kind) << " recall";
    }
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// Every whitespace run to one space, ends trimmed: passages are stored on one line.
std::string collapse_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending = true;
            continue;
        }
        if (pending && !out.empty()) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

void append_xml_text(const pugi::xml_node& node, std::string& out) {
    for (const auto& child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
            out += ' ';
        } else {
            append_xml_text(child, out);
        }
    }
}

/// The file's text as passages quote it: BOM stripped, XML tags dropped, spaces collapsed.
std::string comparable_text(const fs::path& path) {
    std::string bytes = read_file(path);
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
    if (path.extension() == ".xml") {
        pugi::xml_document doc;
        if (!doc.load_string(bytes.c_str())) return {};
        std::string text;
        append_xml_text(doc, text);
        return collapse_space(text);
    }
    return collapse_space(bytes);
}

std::vector<json> load_passages() {
    std::vector<json> passages;
    std::ifstream in(k_gold_dir / "passages.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty()) passages.push_back(json::parse(line));
    }
    return passages;
}

json load_seed_gold() {
    return json::parse(read_file(k_gold_dir / "seed.json"));
}

std::string passage_label(std::size_t index, const json& entry) {
    return "#" + std::to_string(index + 1) + " " + entry.at("file").get<std::string>();
}

bool valid_code(const std::string& code) {
    return code.size() == 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// Checks one annotation's shape; returns a problem or an empty string.
std::string annotation_problem(const json& entry) {
    for (const char* key : {"symbols", "resolutions", "decisions", "countries", "demonyms"}) {
        if (!entry.contains(key) || !entry.at(key).is_array())
            return std::string("missing array ") + key;
    }
    for (const auto& r : entry.at("resolutions")) {
        const std::string id = r.at("id");
        const std::string body = r.at("body");
        if (id.rfind(body + "/RES/", 0) != 0)
            return "resolution " + id + " does not start with " + body + "/RES/";
        if (id.find(' ') != std::string::npos) return "resolution " + id + " has a space";
    }
    for (const auto& d : entry.at("decisions")) {
        if (d.get<std::string>().find("/DEC/") == std::string::npos)
            return "decision " + d.get<std::string>();
    }
    const std::string lang = passage_lang(entry);
    if (lang != "en" && lang != "fr" && lang != "es" && lang != "ru" && lang != "ar" &&
        lang != "zh")
        return "lang " + lang + " is not a UN language";
    for (const char* key : {"countries", "demonyms"}) {
        for (const auto& c : entry.at(key)) {
            if (!valid_code(c))
                return std::string("bad code in ") + key + ": " + c.get<std::string>();
        }
    }
    for (const auto& s : entry.at("symbols")) {
        if (s.get<std::string>().find(' ') != std::string::npos)
            return "symbol with a space: " + s.get<std::string>();
    }
    return {};
}

TEST(GoldData, PassagesAreWellFormedAndVaried) {
    const auto passages = load_passages();
    ASSERT_GE(passages.size(), 150u);
    std::set<std::string> files;
    std::set<std::string> texts;
    std::map<std::string, int> per_organ;
    std::map<std::string, std::set<std::string>> files_per_lang;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const json& e = passages[i];
        EXPECT_EQ(annotation_problem(e), "") << passage_label(i, e);
        EXPECT_TRUE(texts.insert(e.at("text").get<std::string>()).second)
            << "duplicate " << passage_label(i, e);
        files.insert(e.at("file").get<std::string>());
        files_per_lang[passage_lang(e)].insert(e.at("file").get<std::string>());
        ++per_organ[e.at("organ").get<std::string>()];
    }
    EXPECT_GE(files.size(), 275u);
    // Spanish, French and Russian text: the devset, the Charter, the UDHR and the SDG targets.
    for (const char* lang : {"es", "fr", "ru"}) EXPECT_GE(files_per_lang[lang].size(), 4u) << lang;
    EXPECT_GE(per_organ["A"], 100);
    EXPECT_GE(per_organ["A/HRC"], 15);
    EXPECT_GE(per_organ["NPT/CONF.2015"], 30);
}

TEST(GoldData, SeedCoversEveryNumberedParagraph) {
    const json seed = load_seed_gold();
    EXPECT_EQ(seed.at("organ"), "CTOC/COP");
    const auto& paragraphs = seed.at("paragraphs");
    ASSERT_EQ(paragraphs.size(), 88u);
    for (int n = 1; n <= 88; ++n) {
        const std::string key = std::to_string(n);
        ASSERT_TRUE(paragraphs.contains(key)) << "paragraph " << n;
        EXPECT_EQ(annotation_problem(paragraphs.at(key)), "") << "paragraph " << n;
    }
    // The facts the brief states about the seed, so a careless edit of the data is caught.
    const auto has = [&](int n, const char* key, const std::string& value) {
        const auto& list = paragraphs.at(std::to_string(n)).at(key);
        return std::find(list.begin(), list.end(), value) != list.end();
    };
    EXPECT_TRUE(has(63, "countries", "NER") && has(63, "countries", "GNB") &&
                has(63, "countries", "SSD"));
    EXPECT_FALSE(has(63, "countries", "NGA") || has(63, "countries", "GIN") ||
                 has(63, "countries", "SDN"));
    EXPECT_TRUE(has(38, "countries", "NER") && has(38, "countries", "NGA"));
    EXPECT_EQ(paragraphs.at("4").at("countries").size(), 26u);
    EXPECT_TRUE(has(4, "demonyms", "VEN"));
    EXPECT_TRUE(has(16, "symbols", "A/75/115"));
}

TEST(GoldCorpus, EveryPassageOccursInItsFile) {
    if (!fs::is_directory(k_corpus_dir)) GTEST_SKIP() << "no corpus-real under " << k_corpus_dir;
    const auto passages = load_passages();
    std::map<std::string, std::string> texts;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const json& e = passages[i];
        const std::string file = e.at("file");
        auto it = texts.find(file);
        if (it == texts.end()) it = texts.emplace(file, comparable_text(k_corpus_dir / file)).first;
        EXPECT_FALSE(it->second.empty()) << passage_label(i, e) << ": file missing or unreadable";
        const std::string passage = collapse_space(e.at("text").get<std::string>());
        EXPECT_NE(it->second.find(passage), std::string::npos)
            << passage_label(i, e) << ": passage not found in file: " << passage.substr(0, 120);
    }
}

TEST(GoldCorpus, ExtractionMeetsPrecisionAndRecall) {
    const auto passages = load_passages();
    Scores scores;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const json& e = passages[i];
        add_unit(scores, passage_label(i, e), gold_values(e),
                 extract_passage(e.at("text"), e.at("organ"), passage_lang(e)));
    }
    print_scores("corpus passages (" + std::to_string(passages.size()) + ")", scores);
    expect_thresholds("corpus", scores);
}

TEST(GoldSeed, ExtractionMeetsPrecisionAndRecall) {
    const json seed = load_seed_gold();
    plenary::Document doc = plenary::read_document(k_seed_copy.string());
    ASSERT_EQ(doc.body, "CTOC/COP");
    plenary::extract_references(doc);

    // A page break may leave a paragraph in pieces; its references are the union of them.
    std::map<int, Values> found;
    for (const auto& p : doc.paragraphs) {
        if (p.number.empty()) continue;
        int n = 0;
        try {
            n = std::stoi(p.number);
        } catch (const std::exception&) {
            continue;
        }
        if (n < 1 || n > 88 || std::to_string(n) != p.number) continue;
        for (const auto& [kind, values] : found_values(p.refs))
            found[n][kind].insert(values.begin(), values.end());
    }

    Scores scores;
    std::vector<int> differing;
    for (int n = 1; n <= 88; ++n) {
        const Values gold = gold_values(seed.at("paragraphs").at(std::to_string(n)));
        if (add_unit(scores, "para " + std::to_string(n), gold, found[n])) differing.push_back(n);
    }
    print_scores("seed report, 88 numbered paragraphs", scores);
    std::cout << "paragraphs that differ:";
    for (int n : differing) std::cout << ' ' << n;
    std::cout << (differing.empty() ? " none\n" : "\n") << std::flush;
    EXPECT_EQ(found.size(), 88u) << "numbered paragraphs found by the reader";
    expect_thresholds("seed", scores);
}

}  // namespace

// The UNPC development set is 4,000 sentences in each language, line by line. The countries
// found in each line of another language, set against those of its English line, measure how
// well the gazetteer follows each language's names and their forms (Russian cases: "Франции",
// "Нигера"; French "îles Caïmanes"). Translations differ (English "Syrian Government" is a
// demonym, Chinese 叙利亚政府 names the country), so neither figure can reach 1.
TEST(GoldCountries, DevsetLinesNameTheCountriesOfTheirEnglishLines) {
    struct Row {
        const char* lang;
        double recall, agreement;  // at least; measured 0.877/0.955 fr, 0.958/0.927 es,
                                   // 0.924/0.936 ar, 0.951/0.812 zh, 0.911/0.947 ru (ru 0.459 with
                                   // nominative names only)
    };
    const fs::path dir = k_corpus_dir / "unpc-v1-devset";
    if (!fs::exists(dir / "UNv1.0.devset.en")) GTEST_SKIP() << "no UNPC devset at " << dir;
    const plenary::Gazetteer& g = plenary::Gazetteer::instance();
    for (const Row& row : {Row{"fr", 0.85, 0.93}, Row{"es", 0.93, 0.90}, Row{"ar", 0.90, 0.91},
                           Row{"zh", 0.92, 0.78}, Row{"ru", 0.88, 0.92}}) {
        std::ifstream en(dir / "UNv1.0.devset.en"),
            other(dir / ("UNv1.0.devset." + std::string(row.lang)));
        std::string a, b;
        std::size_t lines = 0, in_en = 0, in_other = 0, both = 0;
        while (std::getline(en, a) && std::getline(other, b)) {
            std::set<std::string> A, B;
            for (const auto& m : g.find(a))
                if (!m.demonym) A.insert(m.code);
            for (const auto& m : g.find(b))
                if (!m.demonym) B.insert(m.code);
            ++lines;
            in_en += A.size();
            in_other += B.size();
            for (const auto& c : A) both += B.count(c);
        }
        ASSERT_EQ(lines, 4000u) << row.lang;
        const double recall = static_cast<double>(both) / static_cast<double>(in_en);
        const double agreement = static_cast<double>(both) / static_cast<double>(in_other);
        std::printf(
            "[ info ] devset %s: %zu English, %zu %s country mentions, %zu in both: %.3f of the "
            "English "
            "found, %.3f of the %s in English\n",
            row.lang, in_en, in_other, row.lang, both, recall, agreement, row.lang);
        EXPECT_GT(in_en, 1000u);
        EXPECT_GE(recall, row.recall) << row.lang;
        EXPECT_GE(agreement, row.agreement) << row.lang;
    }
}
