// The six official languages end to end, on real texts read in place from
// ../shared/corpus-real: the Charter, the UDHR (XML), the SDG texts (YAML) and the UN Parallel
// Corpus dev set are indexed once; each test asks the database what a user would.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "analysis/language.h"
#include "base/error.h"
#include "base/text_util.h"
#include "index/indexer.h"
#include "readers/reader.h"
#include "search/search.h"

namespace fs = std::filesystem;
using namespace plenary;

namespace {

const fs::path kCorpus = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
const char* const kLangs[] = {"ar", "en", "es", "fr", "ru", "zh"};

// The inputs with the language each must end up with (from the corpus's own naming).
std::vector<std::pair<std::string, std::string>> inputs() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* l : kLangs) {
        out.emplace_back(
            (kCorpus / "un-charter" / "raw" / (std::string("raw_un_charter_") + l + ".txt"))
                .string(),
            l);
        out.emplace_back(
            (kCorpus / "unpc-v1-devset" / (std::string("UNv1.0.devset.") + l)).string(), l);
        const std::string folder = std::string(l) == "zh" ? "zh-Hans" : l;
        for (const char* f : {"global_goals.yml", "global_targets.yml", "global_indicators.yml"})
            out.emplace_back(
                (kCorpus / "sdg-goals-targets-indicators" / "translations" / folder / f).string(),
                l);
    }
    const std::pair<const char*, const char*> udhr[] = {{"arb", "ar"}, {"cmn_hans", "zh"},
                                                        {"eng", "en"}, {"fra", "fr"},
                                                        {"rus", "ru"}, {"spa", "es"}};
    for (const auto& [code, l] : udhr)
        out.emplace_back(
            (kCorpus / "udhr" / "xml" / (std::string("udhr_") + code + ".xml")).string(), l);
    return out;
}

// One index for every check: indexing is the slow part (about 15 s), so the checks below run
// as parts of one test rather than as tests that would each index again.
fs::path db_dir;
IndexReport report;
std::unique_ptr<Searcher> searcher;

SearchResult find(const std::string& query, std::size_t limit = 10,
                  std::vector<std::string> filters = {}) {
    SearchRequest r;
    r.query = query;
    r.limit = limit;
    r.filters = std::move(filters);
    return searcher->search(r);
}

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits) out.push_back(h.id);
    std::sort(out.begin(), out.end());
    return out;
}

// The code points of s[from, to) (highlights count code points, not bytes).
std::string cp_substr(const std::string& s, std::size_t from, std::size_t to) {
    std::string out;
    std::size_t i = 0, n = 0;
    while (i < s.size()) {
        const char32_t cp = next_code_point(s, i);
        if (n >= from && n < to) append_utf8(out, cp);
        ++n;
    }
    return out;
}

// The first paragraph line after the "Article 51" heading of a Charter file, as printed.
std::string article51_text(const std::string& lang) {
    const std::string text =
        read_file((kCorpus / "un-charter" / "raw" / ("raw_un_charter_" + lang + ".txt")).string());
    const auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (article_heading_number(lines[i]) != 51) continue;
        for (std::size_t k = i + 1; k < lines.size(); ++k)
            if (!trim(lines[k]).empty()) return std::string(trim(lines[k]));
    }
    return {};
}

// The first n space-separated words of text.
std::string first_words(const std::string& text, std::size_t n) {
    std::string out;
    std::size_t count = 0, i = 0;
    while (i < text.size() && count < n) {
        const std::size_t sp = text.find(' ', i);
        std::string w = text.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';')) w.pop_back();
        if (!w.empty()) {
            out += (out.empty() ? "" : " ") + w;
            ++count;
        }
        if (sp == std::string::npos) break;
        i = sp + 1;
    }
    return out;
}

void EveryDocumentIndexedWithItsLanguage() {
    EXPECT_EQ(report.failed, 0u);
    EXPECT_EQ(report.indexed, inputs().size());
    Xapian::Database db(db_dir.string());
    std::map<std::string, std::string> lang_of_source;
    for (auto k = db.metadata_keys_begin("doc:"); k != db.metadata_keys_end("doc:"); ++k) {
        const auto j = nlohmann::json::parse(db.get_metadata(*k));
        lang_of_source[fs::weakly_canonical(j.at("source").get<std::string>()).string()] =
            j.at("lang").get<std::string>();
    }
    for (const auto& [path, lang] : inputs()) {
        const std::string key = fs::weakly_canonical(path).string();
        ASSERT_TRUE(lang_of_source.count(key)) << path;
        EXPECT_EQ(lang_of_source[key], lang) << path;
        // The text alone says the same: detection agrees with the metadata.
        EXPECT_EQ(detect_document_language(read_document(path)), lang) << path;
    }
    // The language facet counts every version.
    SearchRequest r;
    r.filters = {"work:udhr"};
    r.facets = {"lang"};
    r.limit = 0;
    const SearchResult res = searcher->search(r);
    ASSERT_EQ(res.facets.size(), 1u);
    std::set<std::string> seen;
    for (const auto& v : res.facets[0].values) {
        seen.insert(v.value);
        EXPECT_GE(v.count, 30u) << v.value;  // 30 articles at least
    }
    EXPECT_EQ(seen, std::set<std::string>(std::begin(kLangs), std::end(kLangs)));
}

void CharterArticle51PhraseRanksArticle51FirstInEachLanguage() {
    for (const char* lang : kLangs) {
        const std::string para = article51_text(lang);
        ASSERT_FALSE(para.empty()) << lang;
        std::string query;
        if (std::string(lang) == "zh") {
            // Typed without spaces: the first clause, up to the first full-width comma.
            query = para.substr(0, para.find("，"));
            ASSERT_EQ(query.find(' '), std::string::npos);
        } else {
            query = first_words(para, 14);
        }
        const SearchResult r = find(query, 3);
        ASSERT_FALSE(r.hits.empty()) << lang << ": " << query;
        const ParagraphView top = searcher->show(r.hits[0].id);
        EXPECT_EQ(top.anchor, "art51") << lang << ": " << query << " -> " << top.text;
        EXPECT_EQ(top.document.lang, lang) << query;
        EXPECT_NE(top.document.source.find("raw_un_charter_" + std::string(lang)),
                  std::string::npos);
    }
}

void EveryCharterArticleAnchoredInEachLanguage() {
    for (const char* lang : kLangs) {
        std::vector<int> missing;
        for (int n = 1; n <= 111; ++n) {
            SearchRequest r;
            r.filters = {"work:raw_un_charter", std::string("lang:") + lang,
                         "anchor:art" + std::to_string(n)};
            r.limit = 1;
            if (searcher->search(r).hits.empty()) missing.push_back(n);
        }
        EXPECT_TRUE(missing.empty())
            << lang << ": " << missing.size() << " articles without paragraphs, first "
            << (missing.empty() ? 0 : missing[0]);
    }
}

void ChineseQueryWithoutSpacesFindsAndHighlightsItsParagraph() {
    // UDHR article 26, typed as one run of ideographs.
    const std::string query = "人人都有受教育的权利";
    const SearchResult r = find(query, 5);
    ASSERT_FALSE(r.hits.empty());
    const ParagraphView top = searcher->show(r.hits[0].id);
    EXPECT_EQ(top.anchor, "art26");
    EXPECT_EQ(top.document.lang, "zh");
    // Highlights are code-point ranges of words of the query.
    const Snippet& s = r.hits[0].snippet;
    ASSERT_FALSE(s.highlights.empty());
    std::string marked;
    for (const Highlight& h : s.highlights) {
        const std::string part = cp_substr(s.text, h.start, h.end);
        EXPECT_NE(query.find(part), std::string::npos) << part;
        marked += part;
    }
    EXPECT_GE(code_point_count(marked), 6u) << marked;
}

void ArabicQueryWithAndWithoutDiacriticsFindsTheSameParagraphs() {
    const std::string plain = first_words(article51_text("ar"), 6);
    ASSERT_FALSE(plain.empty());
    // The same words with a fatha after every letter and a shadda on the first.
    std::string marked;
    std::size_t i = 0;
    bool first = true;
    while (i < plain.size()) {
        const char32_t cp = next_code_point(plain, i);
        append_utf8(marked, cp);
        if (cp >= 0x0621 && cp <= 0x064A) {
            if (first) append_utf8(marked, 0x0651);
            append_utf8(marked, 0x064E);
            first = false;
        }
    }
    ASSERT_NE(marked, plain);
    const SearchResult a = find(plain, 50), b = find(marked, 50);
    ASSERT_FALSE(a.hits.empty()) << plain;
    EXPECT_EQ(ids(a), ids(b));
    EXPECT_EQ(a.total, b.total);
    EXPECT_EQ(searcher->show(a.hits[0].id).anchor, "art51");
    // Right-to-left text: highlights are code points of the stored (undiacritised) words.
    for (const Highlight& h : b.hits[0].snippet.highlights) {
        const std::string part = cp_substr(b.hits[0].snippet.text, h.start, h.end);
        EXPECT_FALSE(part.empty());
        EXPECT_NE(plain.find(part), std::string::npos) << part;
    }
}

void CoteDIvoireSpelledEitherWayFindsTheSameParagraphs() {
    const SearchResult a = find("Cote d'Ivoire", 100), b = find("Côte d\u2019Ivoire", 100);
    ASSERT_FALSE(a.hits.empty());
    EXPECT_EQ(ids(a), ids(b));
}

void RussianQueryInAnotherCaseFindsTheSameParagraphs() {
    const std::pair<const char*, const char*> rows[] = {
        {"право на образование", "ПРАВО НА ОБРАЗОВАНИЕ"},
        {"права человека", "правам человека"},  // dative: the same stems
        {"Совет Безопасности", "совета безопасности"}};
    for (const auto& [a_text, b_text] : rows) {
        const SearchResult a = find(a_text, 200, {"lang:ru"}), b = find(b_text, 200, {"lang:ru"});
        ASSERT_FALSE(a.hits.empty()) << a_text;
        EXPECT_EQ(ids(a), ids(b)) << a_text << " / " << b_text;
    }
}

void InLangReturnsTheAlignedUdhrArticleInEachLanguage() {
    for (int n = 1; n <= 30; ++n) {
        const std::string anchor = "art" + std::to_string(n);
        SearchRequest r;
        r.filters = {"work:udhr", "lang:en", "anchor:" + anchor};
        r.limit = 1;
        const SearchResult en = searcher->search(r);
        ASSERT_EQ(en.hits.size(), 1u) << anchor;
        for (const char* lang : kLangs) {
            const ParagraphView v = searcher->aligned(en.hits[0].id, lang);
            EXPECT_EQ(v.anchor, anchor) << lang;
            EXPECT_EQ(v.document.lang, lang) << anchor;
            EXPECT_FALSE(v.text.empty());
        }
    }
    // A hit carries its aligned paragraph when asked, in JSON too.
    SearchRequest r;
    r.query = "everyone has the right to education";
    r.filters = {"work:udhr"};
    r.in_lang = "fr";
    r.limit = 1;
    const SearchResult res = searcher->search(r);
    ASSERT_EQ(res.hits.size(), 1u);
    EXPECT_EQ(searcher->show(res.hits[0].aligned_id).anchor, "art26");
    const auto j = to_json(res);
    EXPECT_EQ(j["hits"][0]["in_lang"]["lang"], "fr");
    EXPECT_NE(j["hits"][0]["in_lang"]["text"].get<std::string>().find("éducation"),
              std::string::npos);
    try {
        searcher->aligned(res.hits[0].id, "de");
        ADD_FAILURE() << "no German version, yet an aligned paragraph";
    } catch (const QueryError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "no 'de' version of paragraph '" + res.hits[0].id + "' (art26)");
    }
}

void SdgTargetsAndCharterArticlesAlignAcrossVersions() {
    SearchRequest r;
    r.filters = {"work:global_targets", "lang:zh", "anchor:1-1-title"};
    r.limit = 1;
    const SearchResult zh = searcher->search(r);
    ASSERT_EQ(zh.hits.size(), 1u);
    const ParagraphView fr = searcher->aligned(zh.hits[0].id, "fr");
    EXPECT_EQ(fr.anchor, "1-1-title");
    EXPECT_NE(fr.text.find("2030"), std::string::npos);
    EXPECT_NE(fr.text.find("1,25 dollar"), std::string::npos) << fr.text;

    const SearchResult en51 =
        find("inherent right of individual or collective self-defence", 1, {"lang:en"});
    ASSERT_EQ(en51.hits.size(), 1u);
    const ParagraphView ru51 = searcher->aligned(en51.hits[0].id, "ru");
    EXPECT_EQ(ru51.anchor, "art51");
    EXPECT_NE(ru51.text.find("самооборону"), std::string::npos) << ru51.text;
}

void ShowDocumentListsTheLanguageVersions() {
    const auto views = searcher->show_document("udhr");
    std::set<std::string> langs;
    for (const auto& v : views) langs.insert(v.document.lang);
    EXPECT_EQ(langs, std::set<std::string>(std::begin(kLangs), std::end(kLangs)));
    // From one paragraph id: its document and the other versions.
    const SearchResult hit = find("\"Nothing in the present Charter shall impair\"", 1);
    ASSERT_EQ(hit.hits.size(), 1u);
    EXPECT_EQ(searcher->show_document(hit.hits[0].id).size(), 6u);
}

TEST(Languages, SixLanguagesEndToEnd) {
    if (!fs::exists(kCorpus)) GTEST_SKIP() << "no " << kCorpus << " (the shared corpus is absent)";
    db_dir = fs::temp_directory_path() / ("plenary-languages-" + std::to_string(::getpid()));
    fs::remove_all(db_dir);
    IndexOptions options;
    options.db = db_dir.string();
    options.jobs = 2;
    for (const auto& [path, lang] : inputs()) options.paths.push_back(path);
    IndexListener listener;
    listener.on_error = [](const std::string& e) { ADD_FAILURE() << e; };
    report = run_index(options, listener);
    searcher = std::make_unique<Searcher>(std::vector<std::string>{db_dir.string()});
    {
        SCOPED_TRACE("EveryDocumentIndexedWithItsLanguage");
        EveryDocumentIndexedWithItsLanguage();
    }
    {
        SCOPED_TRACE("CharterArticle51PhraseRanksArticle51FirstInEachLanguage");
        CharterArticle51PhraseRanksArticle51FirstInEachLanguage();
    }
    {
        SCOPED_TRACE("EveryCharterArticleAnchoredInEachLanguage");
        EveryCharterArticleAnchoredInEachLanguage();
    }
    {
        SCOPED_TRACE("ChineseQueryWithoutSpacesFindsAndHighlightsItsParagraph");
        ChineseQueryWithoutSpacesFindsAndHighlightsItsParagraph();
    }
    {
        SCOPED_TRACE("ArabicQueryWithAndWithoutDiacriticsFindsTheSameParagraphs");
        ArabicQueryWithAndWithoutDiacriticsFindsTheSameParagraphs();
    }
    {
        SCOPED_TRACE("CoteDIvoireSpelledEitherWayFindsTheSameParagraphs");
        CoteDIvoireSpelledEitherWayFindsTheSameParagraphs();
    }
    {
        SCOPED_TRACE("RussianQueryInAnotherCaseFindsTheSameParagraphs");
        RussianQueryInAnotherCaseFindsTheSameParagraphs();
    }
    {
        SCOPED_TRACE("InLangReturnsTheAlignedUdhrArticleInEachLanguage");
        InLangReturnsTheAlignedUdhrArticleInEachLanguage();
    }
    {
        SCOPED_TRACE("SdgTargetsAndCharterArticlesAlignAcrossVersions");
        SdgTargetsAndCharterArticlesAlignAcrossVersions();
    }
    {
        SCOPED_TRACE("ShowDocumentListsTheLanguageVersions");
        ShowDocumentListsTheLanguageVersions();
    }
    searcher.reset();
    fs::remove_all(db_dir);
}

}  // namespace
