// Whole phrases and reference prefixes on real documents of ../shared/corpus-real, read in
// place: what a phrase or a prefix query finds is compared with what the reader makes of the
// files (the paragraphs `plenary-index --dump` prints), counted here independently of Xapian.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/text_util.h"
#include "index/indexer.h"
#include "integration/test_support.h"
#include "model/document.h"
#include "readers/reader.h"
#include "refs/references.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

fs::path corpus_root() {
    return fs::path(PLENARY_SHARED_DIR) / "corpus-real";
}

// Two General Debate sessions: about 12,000 English paragraphs, indexed in well under a minute,
// with hundreds of each phrase (and the Arms Trade Treaty's adoption years).
const char* kSessions[] = {"Session 70 - 2015", "Session 73 - 2018"};

/// A fresh database of `paths`, named after this suite and `name`.
std::string build(const std::string& name, const std::vector<std::string>& paths) {
    return test::build_db("plenary-phrases", name, paths);
}

// A paragraph as the dump shows it, with the key its hit will carry (file name, ordinal).
struct DumpedParagraph {
    std::string key;
    const Document* doc = nullptr;
    const Paragraph* para = nullptr;
};

struct Dump {
    std::vector<Document> docs;
    std::vector<DumpedParagraph> paragraphs;
};

Dump dump(const std::vector<fs::path>& files) {
    Dump out;
    out.docs.reserve(files.size());
    for (const fs::path& f : files) {
        try {
            out.docs.push_back(read_document(f.string()));
            extract_references(out.docs.back());  // as --dump does
        } catch (const std::exception&) {
            continue;  // the indexer reports and skips it too ("no text found")
        }
    }
    for (const Document& d : out.docs) {
        std::size_t ordinal = 0;
        for (const Paragraph& p : d.paragraphs)
            out.paragraphs.push_back(
                {fs::path(d.source).filename().string() + "#" + std::to_string(++ordinal), &d, &p});
    }
    return out;
}

std::string hit_key(const Hit& h) {
    return fs::path(h.document.source).filename().string() + "#" + h.id.substr(h.id.rfind('-') + 1);
}

bool word_byte(char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80;
}

// Whether folded text holds the words in order, separated by spaces or hyphens, as whole words
// (a possessive, a quote or punctuation may follow the last one).
bool holds_phrase(const std::string& text, const std::vector<std::string>& words) {
    for (std::size_t at = text.find(words[0]); at != std::string::npos;
         at = text.find(words[0], at + 1)) {
        if (at > 0 && word_byte(text[at - 1])) continue;
        std::size_t i = at + words[0].size();
        bool all = true;
        for (std::size_t w = 1; w < words.size() && all; ++w) {
            const std::size_t sep = i;
            while (i < text.size() &&
                   (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '-'))
                ++i;
            all = i > sep && text.compare(i, words[w].size(), words[w]) == 0;
            i += words[w].size();
        }
        if (all && (i >= text.size() || !word_byte(text[i]))) return true;
    }
    return false;
}

SearchResult search_all(const std::string& db, const std::string& query, std::size_t limit) {
    Searcher s({db});
    SearchRequest req;
    req.query = query;
    req.limit = limit;
    req.facets = {"year"};  // counted over every match: the total is exact
    return s.search(req);
}

/// What a suite's SetUpTestSuite made, removed and freed: the database and the dump.
void release(std::string*& db, Dump*& data) {
    if (db) fs::remove_all(*db);
    delete db;
    delete data;
    db = nullptr;
    data = nullptr;
}

class GeneralDebatePhrases : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        const fs::path root = corpus_root() / "ungdc" / "TXT";
        if (!fs::exists(root)) return;
        std::vector<std::string> folders;
        std::vector<fs::path> files;
        for (const char* s : kSessions) {
            folders.push_back((root / s).string());
            for (const auto& e : fs::directory_iterator(root / s))
                if (e.path().extension() == ".txt") files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        data = new Dump(dump(files));
        db = new std::string(build("ungdc", folders));
    }
    static void TearDownTestSuite() { release(db, data); }
    void SetUp() override {
        if (!db) GTEST_SKIP() << "shared corpus not found at " << corpus_root() / "ungdc" / "TXT";
    }
    static std::string* db;
    static Dump* data;
};
std::string* GeneralDebatePhrases::db = nullptr;
Dump* GeneralDebatePhrases::data = nullptr;

TEST_F(GeneralDebatePhrases, EachPhraseFindsAtLeast99PercentOfTheParagraphsHoldingIt) {
    const std::vector<std::vector<std::string>> phrases = {{"security", "council"},
                                                           {"general", "assembly"},
                                                           {"secretary", "general"},
                                                           {"arms", "trade", "treaty"},
                                                           {"international", "community"}};
    const char* queries[] = {"\"Security Council\"", "\"General Assembly\"",
                             "\"Secretary-General\"", "\"Arms Trade Treaty\"",
                             "\"international community\""};
    for (std::size_t k = 0; k < phrases.size(); ++k) {
        std::set<std::string> expected;
        std::size_t possessive = 0;  // paragraphs where the phrase stands before ’s or 's
        for (const DumpedParagraph& p : data->paragraphs) {
            std::string text = p.para->text;
            for (const Footnote& f : p.para->footnotes) text += "\n" + f.text;
            const std::string folded = fold(text);
            if (!holds_phrase(folded, phrases[k])) continue;
            expected.insert(p.key);
            std::vector<std::string> with_s = phrases[k];
            with_s.back() += "'s";
            if (holds_phrase(folded, with_s)) ++possessive;
        }
        const SearchResult r = search_all(*db, queries[k], expected.size() + 100);
        ASSERT_TRUE(r.total_exact) << queries[k];
        EXPECT_EQ(r.total, r.hits.size()) << queries[k];
        std::size_t found = 0;
        for (const Hit& h : r.hits) found += expected.count(hit_key(h));
        ASSERT_GE(expected.size(), 20u) << queries[k];
        EXPECT_GT(possessive, 0u) << queries[k] << ": the sample has no possessive to find";
        EXPECT_GE(found * 100, expected.size() * 99)
            << queries[k] << ": " << found << " of " << expected.size() << " paragraphs";
        std::cout << "[ recall   ] " << queries[k] << ": " << found << " of " << expected.size()
                  << " paragraphs (" << possessive << " before a possessive), " << r.total
                  << " hits\n";
    }
}

TEST_F(GeneralDebatePhrases, SnippetsMarkThePhraseWithoutThePossessive) {
    const SearchResult r = search_all(*db, "\"Security Council\"", 2000);
    std::size_t before_possessive = 0;
    for (const Hit& h : r.hits) {
        std::vector<std::string> marks;
        for (const Highlight& hl : h.snippet.highlights) {
            std::size_t i = 0, cp = 0;
            while (cp < hl.start) {
                next_code_point(h.snippet.text, i);
                ++cp;
            }
            const std::size_t b = i;
            while (cp < hl.end) {
                next_code_point(h.snippet.text, i);
                ++cp;
            }
            marks.push_back(h.snippet.text.substr(b, i - b));
            const std::string after = h.snippet.text.substr(i, 3);
            if (after == "’" || after.rfind("'s", 0) == 0) ++before_possessive;
        }
        ASSERT_FALSE(marks.empty()) << h.id;
        for (std::string m : marks) {
            std::replace(m.begin(), m.end(), '-', ' ');
            EXPECT_EQ(collapse_spaces(fold(m)), "security council") << h.id;
        }
    }
    EXPECT_GT(before_possessive, 10u);
}

class UprPrefixes : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        const fs::path root = corpus_root() / "upr-slovenia";
        if (!fs::exists(root)) return;
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        data = new Dump(dump(files));
        std::vector<std::string> paths;
        for (const fs::path& f : files) paths.push_back(f.string());
        db = new std::string(build("upr", paths));
    }
    static void TearDownTestSuite() { release(db, data); }
    void SetUp() override {
        if (!db) GTEST_SKIP() << "shared corpus not found at " << corpus_root() / "upr-slovenia";
    }
    static std::size_t count(const std::function<bool(const DumpedParagraph&)>& cites) {
        return static_cast<std::size_t>(
            std::count_if(data->paragraphs.begin(), data->paragraphs.end(), cites));
    }
    static std::string* db;
    static Dump* data;
};
std::string* UprPrefixes::db = nullptr;
Dump* UprPrefixes::data = nullptr;

bool any_under(const std::vector<std::string>& refs, const std::string& prefix) {
    return std::any_of(refs.begin(), refs.end(),
                       [&](const std::string& r) { return r.rfind(prefix, 0) == 0; });
}

std::vector<std::string> cited(const Paragraph& p, bool decisions) {
    std::vector<std::string> out;
    for (const auto& r : p.refs.resolutions)
        if (r.decision == decisions) out.push_back(r.id);
    return out;
}

TEST_F(UprPrefixes, CountExactlyTheParagraphsCitingAReferenceUnderThePrefix) {
    struct Case {
        std::string query;
        std::function<bool(const DumpedParagraph&)> cites;
    };
    auto resolution = [](std::string prefix) {
        return
            [prefix](const DumpedParagraph& p) { return any_under(cited(*p.para, false), prefix); };
    };
    auto symbol = [](std::string prefix) {
        return
            [prefix](const DumpedParagraph& p) { return any_under(p.para->refs.symbols, prefix); };
    };
    const Case cases[] = {
        {"resolution:A/HRC/RES/*", resolution("A/HRC/RES/")},
        {"resolution:a/hrc/res/*", resolution("A/HRC/RES/")},
        {"resolution:A/RES/*", resolution("A/RES/")},
        {"resolution:S/RES/*", resolution("S/RES/")},
        {"resolution:S/RES/* year:2015..2020",
         [](const DumpedParagraph& p) {
             return any_under(cited(*p.para, false), "S/RES/") && p.doc->year() >= 2015 &&
                    p.doc->year() <= 2020;
         }},
        {"decision:A/HRC/DEC/*",
         [](const DumpedParagraph& p) { return any_under(cited(*p.para, true), "A/HRC/DEC/"); }},
        {"symbol:A/HRC/WG.6/*", symbol("A/HRC/WG.6/")},
        {"symbol:CEDAW/C/*", symbol("CEDAW/C/")},
        {"doc:A/HRC/43/*",
         [](const DumpedParagraph& p) { return p.doc->symbol.rfind("A/HRC/43/", 0) == 0; }},
        {"doc:A/HRC/WG.6/*",
         [](const DumpedParagraph& p) { return p.doc->symbol.rfind("A/HRC/WG.6/", 0) == 0; }},
    };
    for (const Case& c : cases) {
        const std::size_t expected = count(c.cites);
        const SearchResult r = search_all(*db, c.query, 0);
        EXPECT_TRUE(r.total_exact) << c.query;
        EXPECT_EQ(r.total, expected) << c.query;
        EXPECT_GT(expected, 0u) << c.query << ": nothing under the prefix in the sample";
        std::cout << "[ prefix   ] " << c.query << ": " << r.total << " paragraphs, dump "
                  << expected << "\n";
    }
}

TEST_F(UprPrefixes, FacetsAndFiltersCountAsTheQueryDoes) {
    Searcher s({*db});
    SearchRequest req;
    req.query = "resolution:A/HRC/RES/*";
    req.facets = {"resolution"};
    req.facet_limit = 0;
    req.limit = 0;
    const SearchResult r = s.search(req);
    ASSERT_EQ(r.facets.size(), 1u);
    std::size_t under = 0;
    for (const auto& v : r.facets.front().values) {
        const std::string& id = v.value;
        // Paragraphs citing it among those citing a resolution under the prefix (a value
        // outside it is one cited beside those).
        const std::size_t expected = count([&](const DumpedParagraph& p) {
            const auto refs = cited(*p.para, false);
            return std::find(refs.begin(), refs.end(), id) != refs.end() &&
                   any_under(refs, "A/HRC/RES/");
        });
        EXPECT_EQ(v.count, expected) << id;
        if (id.rfind("A/HRC/RES/", 0) == 0) ++under;
    }
    EXPECT_GT(under, 1u);
    SearchRequest filtered;
    filtered.filters = {"resolution:A/HRC/RES/*"};
    filtered.facets = {"year"};
    filtered.limit = 0;
    EXPECT_EQ(s.search(filtered).total, r.total);
}

}  // namespace
}  // namespace plenary
