// Searcher over a small hand-made database (two Xapian databases searched as one): the query
// language row by row against the paragraphs it must match, the facet invariant, grouping,
// sorting, --show, and the JSON output against schemas/search-result.schema.json.
#include "search/search.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/error.h"
#include "index/index_writer.h"
#include "model/document_json.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "search/query.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;
using testing::thrown_message;

Paragraph para(const std::string& text, References refs = {},
               std::vector<std::string> headings = {}) {
    Paragraph p;
    p.text = text;
    p.refs = std::move(refs);
    p.headings = std::move(headings);
    p.kind = ParagraphKind::numbered;
    return p;
}

ResolutionRef res(const std::string& id, const std::string& body, bool decision = false) {
    return ResolutionRef{id, body, decision};
}

std::string long_text() {
    std::string s = "Smuggling of migrants opens this long paragraph.";
    for (int i = 0; i < 12; ++i)
        s += " The secretariat held meetings with experts on border management and data.";
    s += " It closes on trafficking in persons.";
    return s;
}

/// A document with the metadata the searches below filter on; its paragraphs come after.
Document document(const std::string& symbol, const std::string& title, const std::string& body,
                  int session, const std::string& date, const std::string& lang,
                  const std::string& source) {
    Document d;
    d.symbol = symbol;
    d.title = title;
    d.body = body;
    d.session = session;
    d.date = date;
    d.lang = lang;
    d.source = source;
    return d;
}

// d1: A/HRC/40/10 (en, 2019), d2: A/73/100/Add.1 (en, 2018), d3: CTOC/COP/2020/3 (fr, 2020).
std::vector<Document> corpus() {
    Document d1 = document("A/HRC/40/10", "Report on migrants", "A/HRC", 40, "2019-03-01", "en",
                           "/plenary-test/d1.md");
    {
        References r;
        r.countries = {"CIV", "NER"};
        d1.paragraphs.push_back(para("Migrant smuggling in Côte d'Ivoire and the Niger increased.",
                                     r, {"I. Introduction"}));
    }
    {
        References r;
        r.resolutions = {res("A/RES/73/195", "A"), res("A/HRC/RES/40/1", "A/HRC")};
        d1.paragraphs.push_back(
            para("The Council recalled General Assembly resolution 73/195 and "
                 "Human Rights Council resolution 40/1.",
                 r, {"I. Introduction"}));
    }
    {
        References r;
        r.countries = {"NGA", "NER"};
        r.symbols = {"A/HRC/WG.6/34/SVN/2/Corr.1"};
        r.symbol_bases = {"A/HRC/WG.6/34/SVN/2"};
        Paragraph p = para("Trafficking in persons remains a concern for Nigeria and the Niger.", r,
                           {"II. Recommendations"});
        p.footnotes.push_back({"1", "See A/HRC/WG.6/34/SVN/2/Corr.1 on smuggling routes."});
        d1.paragraphs.push_back(p);
    }

    Document d2 = document("A/73/100/Add.1", "Crime prevention", "A", 73, "2018-10-05", "en",
                           "/plenary-test/d2.md");
    {
        References r;
        r.resolutions = {res("S/RES/2482(2019)", "S")};
        d2.paragraphs.push_back(
            para("Security Council resolution 2482 (2019) on terrorism and organized crime.", r));
    }
    {
        References r;
        r.resolutions = {res("A/RES/40/1", "A")};
        r.countries = {"NER"};
        d2.paragraphs.push_back(
            para("General Assembly resolution 40/1 was adopted; smuggled migrants "
                 "were returned to the Niger.",
                 r));
    }
    d2.paragraphs.push_back(para(long_text()));

    Document d3 = document("CTOC/COP/2020/3", "Trafic de migrants", "CTOC/COP", 10, "2020-07-20",
                           "fr", "/plenary-test/d3.md");
    {
        References r;
        r.countries = {"CIV"};
        r.symbols = {"CTOC/COP/WG.4/2019/2"};
        r.symbol_bases = {"CTOC/COP/WG.4/2019/2"};
        d3.paragraphs.push_back(
            para("Le trafic illicite de migrants en Côte d'Ivoire (CTOC/COP/WG.4/2019/2).", r));
    }
    {
        References r;
        r.resolutions = {res("A/DEC/73/546", "A", true)};
        r.demonyms = {"NER"};
        d3.paragraphs.push_back(para("La décision 73/546 concerne les migrants nigériens.", r));
    }
    for (Document* d : {&d1, &d2, &d3})
        for (std::size_t i = 0; i < d->paragraphs.size(); ++i)
            d->paragraphs[i].number = std::to_string(i + 1);
    return {d1, d2, d3};
}

/// Indexes one document into the database at db, as file number k + 1, and commits.
void index_document(const fs::path& db, const Document& d, std::size_t k) {
    DocumentBuilder builder(Schema::instance());
    IndexWriter w(db.string());
    auto xdocs = builder.build(d);
    FileRecord rec{d.source, k + 1, 1, 1, static_cast<std::uint32_t>(xdocs.size())};
    w.replace_file(rec, document_meta_json(d).dump(), xdocs);
    w.commit();
}

/// Facets equal value for value, in order.
bool same_facets(const std::vector<Facet>& a, const std::vector<Facet>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].values != b[i].values) return false;
    return true;
}

class SearchTest : public ::testing::Test {
  protected:
    static inline fs::path dir;
    static inline std::map<std::string, std::string> labels;  // paragraph id -> "d1p1"

    static void SetUpTestSuite() {
        dir = fs::temp_directory_path() / ("plenary-search-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        const std::vector<Document> docs = corpus();
        for (std::size_t k = 0; k < docs.size(); ++k) {
            // d1, d2 in one database, d3 in another: results must merge.
            index_document(dir / (k < 2 ? "a" : "b"), docs[k], k);
            for (std::size_t i = 0; i < docs[k].paragraphs.size(); ++i)
                labels[file_key(docs[k].source) + "-" + std::to_string(i + 1)] =
                    "d" + std::to_string(k + 1) + "p" + std::to_string(i + 1);
        }
    }
    static void TearDownTestSuite() { fs::remove_all(dir); }

    Searcher searcher{{(dir / "a").string(), (dir / "b").string()}};

    std::set<std::string> matched(const std::string& query, std::vector<std::string> filters = {}) {
        SearchRequest req;
        req.query = query;
        req.filters = std::move(filters);
        req.limit = 100;
        const SearchResult r = searcher.search(req);
        std::set<std::string> out;
        for (const Hit& h : r.hits) out.insert(labels.at(h.id));
        EXPECT_EQ(r.total, out.size()) << query;
        return out;
    }
};

struct MatchRow {
    const char* query;
    std::set<std::string> expected;
};

TEST_F(SearchTest, QueryLanguageMatchesTheRightParagraphs) {
    const std::set<std::string> d1 = {"d1p1", "d1p2", "d1p3"}, d2 = {"d2p1", "d2p2", "d2p3"},
                                d3 = {"d3p1", "d3p2"};
    auto join = [](std::set<std::string> a, const std::set<std::string>& b) {
        a.insert(b.begin(), b.end());
        return a;
    };
    const std::vector<MatchRow> rows = {
        // free text, stemming, phrases, operators
        {"migrant smuggling", {"d1p1", "d2p2", "d2p3"}},
        {"migrants", {"d1p1", "d2p2", "d2p3", "d3p1", "d3p2"}},  // French stems for French text
        {"\"migrant smuggling\"", {"d1p1"}},
        {"“Migrant Smuggling”", {"d1p1"}},
        {"smuggling NOT trafficking", {"d1p1", "d2p2"}},
        {"smuggling -trafficking", {"d1p1", "d2p2"}},
        {"(smuggling OR trafficking) AND country:NER", {"d1p1", "d1p3", "d2p2"}},
        {"smuggling NEAR migrants", {"d2p3"}},
        {"smuggling NEAR/3 migrants", {"d2p3"}},
        {"traffick*", {"d1p3", "d2p3"}},
        {"\"Cote d'Ivoire\"", {"d1p1", "d3p1"}},
        {"\"COTE D’IVOIRE\"", {"d1p1", "d3p1"}},
        {"NOT country:NER", {"d1p2", "d2p1", "d2p3", "d3p1", "d3p2"}},
        // references typed as free text match exactly, never as loose words
        {"resolution 73/195", {"d1p2"}},
        {"A/RES/73/195", {"d1p2"}},
        {"a/res/73/195", {"d1p2"}},
        {"\"A/RES/73/195\"", {"d1p2"}},
        {"General Assembly resolution 73/195", {"d1p2"}},
        {"resolution 40/1", {"d1p2", "d2p2"}},
        {"S/RES/2482 (2019)", {"d2p1"}},
        {"S/RES/2482(2019)", {"d2p1"}},
        {"resolution 2482 (2019)", {"d2p1"}},
        {"CTOC/COP/WG.4/2019/2", {"d3p1"}},
        {"resolution 2482 (2019) OR resolution 73/195", {"d1p2", "d2p1"}},
        // fields
        {"resolution:A/HRC/RES/40/1", {"d1p2"}},
        {"resolution:40/1", {"d1p2", "d2p2"}},
        {"resolution:\"S/RES/2482 (2019)\"", {"d2p1"}},
        {"resolution:2482 (2019)", {"d2p1"}},
        {"decision:73/546", {"d3p2"}},
        {"symbol:A/HRC/WG.6/34/SVN/2", {"d1p3"}},
        {"symbol:A/HRC/WG.6/34/SVN/2/Corr.1", {"d1p3"}},
        {"doc:A/73/100", d2},
        {"doc:a/73/100/add.1", d2},
        {"document:CTOC/COP/2020/3", d3},
        {"country:NER", {"d1p1", "d1p3", "d2p2"}},
        {"country:Niger", {"d1p1", "d1p3", "d2p2"}},
        {"country:\"Côte d'Ivoire\"", {"d1p1", "d3p1"}},
        {"country:\"Cote d’Ivoire\"", {"d1p1", "d3p1"}},
        {"demonym:NER", {"d3p2"}},
        {"body:a/hrc", d1},
        {"session:73", d2},
        {"session:40..73", join(d1, d2)},
        {"year:2019", d1},
        {"year:2019..2020", join(d1, d3)},
        {"year:..2018", d2},
        {"date:2018-10-01..2018-12-31", d2},
        {"date:2020", d3},
        {"date:2019-03", d1},
        {"date:2019-03-02..", d3},
        {"lang:FR", d3},
        {"para:2", {"d1p2", "d2p2", "d3p2"}},
        {"kind:numbered migrants", {"d1p1", "d2p2", "d2p3", "d3p1", "d3p2"}},
        {"title:migrants", join(d1, d3)},
        {"title:trafic", d3},
        {"heading:recommendations", {"d1p3"}},
        {"migrants country:NER OR country:NGA", {"d1p1", "d1p3", "d2p2"}},
        {"nothingmatchesthis", {}},
    };
    for (const auto& row : rows) EXPECT_EQ(matched(row.query), row.expected) << row.query;
}

TEST_F(SearchTest, FiltersAreOrWithinAFieldAndAndAcross) {
    EXPECT_EQ(matched("migrants", {"country:NER"}), (std::set<std::string>{"d1p1", "d2p2"}));
    EXPECT_EQ(matched("migrants", {"country:NER", "country:CIV"}),
              (std::set<std::string>{"d1p1", "d2p2", "d3p1"}));
    EXPECT_EQ(matched("migrants", {"country:NER", "country:CIV", "lang:fr"}),
              (std::set<std::string>{"d3p1"}));
    EXPECT_EQ(matched("", {"year:2018"}), (std::set<std::string>{"d2p1", "d2p2", "d2p3"}));
}

// For any query, a facet value's count is the number of hits with that value as a filter.
TEST_F(SearchTest, FacetCountsEqualTheHitsOfTheirFilter) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> queries = {
        {"migrants", {}},
        {"smuggling OR trafficking", {}},
        {"resolution 40/1", {}},
        {"", {"lang:en"}},
        {"migrants", {"country:NER", "country:CIV"}}};
    std::size_t checked = 0;
    for (const auto& [query, filters] : queries) {
        SearchRequest req;
        req.query = query;
        req.filters = filters;
        req.facets = {"all"};
        req.facet_limit = 0;
        req.limit = 1;  // counts must not depend on the page
        const SearchResult r = searcher.search(req);
        ASSERT_EQ(r.facets.size(), facet_names(Schema::instance()).size());
        EXPECT_TRUE(r.total_exact) << query;
        for (const Facet& f : r.facets) {
            for (const FacetValue& v : f.values) {
                // Filters on one field are OR'ed, so drilling into a value of a field that is
                // already filtered replaces that field's filters.
                SearchRequest drill = req;
                drill.facets.clear();
                std::erase_if(drill.filters,
                              [&](const std::string& x) { return x.rfind(f.name + ":", 0) == 0; });
                drill.filters.push_back(f.name + ":" + v.value);
                drill.limit = 100;
                const SearchResult d = searcher.search(drill);
                EXPECT_EQ(d.total, v.count) << query << " " << f.name << ":" << v.value;
                EXPECT_EQ(d.hits.size(), v.count) << query << " " << f.name << ":" << v.value;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 40u);
}

TEST_F(SearchTest, FacetColumnCountsAsStoredValuesDoAndFollowsNewRevisions) {
    // One database: a Searcher that counts from the in-memory column (built at its second
    // faceted query) beside one that reads each match's stored value.
    const fs::path one = dir / "column";
    const std::vector<Document> docs = corpus();
    // A document whose paragraphs share every facet value: one column entry counts them all.
    Document plain = docs[1];
    plain.symbol = "A/73/101";
    plain.source = "/plenary-test/d4.md";
    plain.paragraphs.clear();
    for (int i = 1; i <= 5; ++i) {
        plain.paragraphs.push_back(
            para("Migrants and smuggling, plain paragraph " + std::to_string(i) + "."));
        plain.paragraphs.back().number = std::to_string(i);
    }
    index_document(one, docs[0], 0);
    index_document(one, docs[1], 1);
    index_document(one, plain, 3);
    auto facets = [](Searcher& s, const std::string& query) {
        SearchRequest req;
        req.query = query;
        req.facets = {"all"};
        req.facet_limit = 0;
        req.limit = 1;
        return s.search(req).facets;
    };
    Searcher column({one.string()}), stored({one.string()});
    column.set_facet_column(Searcher::FacetColumnBuild::in_query);
    stored.set_facet_column(Searcher::FacetColumnBuild::never);
    std::size_t values = 0;
    for (int round = 0; round < 2; ++round) {
        for (const char* q : {"migrants", "smuggling OR trafficking", "resolution 40/1",
                              "migrants OR smuggling OR terrorism"}) {
            const auto a = facets(column, q), b = facets(stored, q);
            EXPECT_TRUE(same_facets(a, b)) << q << " (round " << round << ")";
            for (const Facet& f : a) values += f.values.size();
        }
    }
    EXPECT_GT(values, 40u);
    EXPECT_TRUE(column.counted_from_column());
    EXPECT_FALSE(stored.counted_from_column());
    for (const Facet& f : facets(column, "plain"))
        if (f.name == "document") {
            ASSERT_EQ(f.values.size(), 1u);
            EXPECT_EQ(f.values[0].count, 5u);
        }

    // A new revision: a Searcher opened on it counts the new paragraphs (the French d3), and
    // the one opened before keeps counting the revision it reads.
    index_document(one, docs[2], 2);
    Searcher after({one.string()});
    after.set_facet_column(Searcher::FacetColumnBuild::in_query);
    auto lang_count = [&](Searcher& s, const std::string& lang) {
        for (int i = 0; i < 2; ++i) facets(s, "migrants");  // the second builds the column
        for (const Facet& f : facets(s, "migrants"))
            if (f.name == "lang")
                for (const FacetValue& v : f.values)
                    if (v.value == lang) return v.count;
        return Xapian::doccount(0);
    };
    EXPECT_EQ(lang_count(after, "fr"), 2u);
    EXPECT_EQ(lang_count(column, "fr"), 0u);
    EXPECT_GT(lang_count(after, "en"), 0u);
    EXPECT_EQ(lang_count(after, "en"), lang_count(column, "en"));
}

TEST_F(SearchTest, FacetColumnBuiltInTheBackgroundCountsTheSame) {
    // Over one database, the default: the second faceted query starts the build in a thread of
    // its own and reads stored values meanwhile; once built, queries count from the column.
    const std::string one = (dir / "a").string();
    Searcher background({one}), stored({one});
    stored.set_facet_column(Searcher::FacetColumnBuild::never);
    SearchRequest req;
    req.query = "migrants OR smuggling OR trafficking";
    req.facets = {"all"};
    req.facet_limit = 0;
    const std::vector<Facet> expected = stored.search(req).facets;
    EXPECT_TRUE(same_facets(background.search(req).facets, expected));
    EXPECT_TRUE(same_facets(background.search(req).facets, expected));  // starts the build
    Searcher::wait_for_background_work();
    EXPECT_TRUE(same_facets(background.search(req).facets, expected));
    EXPECT_TRUE(background.counted_from_column());
}

TEST_F(SearchTest, FacetsAreSortedLabelledAndCountEachParagraphOncePerValue) {
    SearchRequest req;
    req.query = "migrants OR trafficking OR smuggling";
    req.facets = {"country", "lang", "resolution"};
    const SearchResult r = searcher.search(req);
    ASSERT_EQ(r.facets.size(), 3u);
    // NER: d1p1, d1p3, d2p2; CIV: d1p1, d3p1; NGA: d1p3 (d1p1 holds two countries: counted for
    // each).
    EXPECT_EQ(r.facets[0].name, "country");
    EXPECT_EQ(r.facets[0].values,
              (std::vector<FacetValue>{{"NER", Gazetteer::instance().display_name("NER"), 3},
                                       {"CIV", Gazetteer::instance().display_name("CIV"), 2},
                                       {"NGA", Gazetteer::instance().display_name("NGA"), 1}}));
    EXPECT_EQ(r.facets[0].values[0].label, "Niger");
    EXPECT_EQ(r.facets[1].values,
              (std::vector<FacetValue>{{"en", "English", 4}, {"fr", "French", 2}}));
    EXPECT_EQ(r.facets[2].values, (std::vector<FacetValue>{{"A/RES/40/1", "A/RES/40/1", 1}}));

    req.facet_limit = 1;
    EXPECT_EQ(searcher.search(req).facets[0].values.size(), 1u);
}

TEST_F(SearchTest, PagingReportsTotalsAndSortsByDate) {
    SearchRequest req;
    req.query = "migrants OR trafficking OR smuggling";
    req.limit = 2;
    req.facets = {"year"};
    SearchResult r = searcher.search(req);
    EXPECT_EQ(r.total, 6u);
    EXPECT_TRUE(r.total_exact);
    EXPECT_EQ(r.hits.size(), 2u);
    req.offset = 5;
    EXPECT_EQ(searcher.search(req).hits.size(), 1u);

    req.offset = 0;
    req.limit = 10;
    req.sort = "date";
    r = searcher.search(req);
    ASSERT_EQ(r.hits.size(), 6u);
    EXPECT_EQ(r.hits.front().document.date, "2018-10-05");
    EXPECT_EQ(r.hits.back().document.date, "2020-07-20");
    req.sort = "-date";
    EXPECT_EQ(searcher.search(req).hits.front().document.date, "2020-07-20");
    req.sort = "symbol";
    EXPECT_EQ(searcher.search(req).hits.front().document.symbol, "A/73/100/Add.1");
}

TEST_F(SearchTest, HitsCarryDocumentMetadataFromEveryDatabase) {
    SearchRequest req;
    req.query = "resolution 73/195 OR CTOC/COP/WG.4/2019/2";
    const SearchResult r = searcher.search(req);
    ASSERT_EQ(r.hits.size(), 2u);
    std::map<std::string, Hit> by_label;
    for (const Hit& h : r.hits) by_label[labels.at(h.id)] = h;
    const Hit& a = by_label.at("d1p2");
    EXPECT_EQ(a.document.symbol, "A/HRC/40/10");
    EXPECT_EQ(a.document.title, "Report on migrants");
    EXPECT_EQ(a.document.session, 40);
    EXPECT_EQ(a.document.source, "/plenary-test/d1.md");
    EXPECT_EQ(a.paragraph, "2");
    EXPECT_EQ(a.headings, (std::vector<std::string>{"I. Introduction"}));
    EXPECT_EQ(a.resolutions, (std::vector<std::string>{"A/RES/73/195", "A/HRC/RES/40/1"}));
    const Hit& b = by_label.at("d3p1");
    EXPECT_EQ(b.document.symbol, "CTOC/COP/2020/3");  // metadata of the second database
    EXPECT_EQ(b.document.lang, "fr");
    EXPECT_EQ(b.symbols, (std::vector<std::string>{"CTOC/COP/WG.4/2019/2"}));
}

TEST_F(SearchTest, AMatchInAFootnoteShowsTheFootnote) {
    SearchRequest req;
    req.query = "routes";
    const SearchResult r = searcher.search(req);
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.hits[0].snippet.text, "[1] See A/HRC/WG.6/34/SVN/2/Corr.1 on smuggling routes.");
    EXPECT_EQ(r.hits[0].snippet.highlights, (std::vector<Highlight>{{48, 54}}));
}

TEST_F(SearchTest, GroupByDocumentReturnsDocumentsWithTheirBestParagraphs) {
    SearchRequest req;
    req.query = "migrants OR smuggling OR trafficking";
    req.group_by_document = true;
    req.per_document = 2;
    const SearchResult r = searcher.search(req);
    EXPECT_EQ(r.total, 3u);
    ASSERT_EQ(r.groups.size(), 3u);
    std::set<std::string> symbols;
    for (const DocumentGroup& g : r.groups) {
        symbols.insert(g.document.symbol);
        EXPECT_LE(g.hit_ids.size(), 2u);
        EXPECT_GE(g.hit_ids.size(), 1u);
        for (const auto& id : g.hit_ids)
            EXPECT_EQ(labels.at(id).substr(0, 2), labels.at(g.hit_ids[0]).substr(0, 2));
    }
    EXPECT_EQ(symbols, (std::set<std::string>{"A/HRC/40/10", "A/73/100/Add.1", "CTOC/COP/2020/3"}));
    req.limit = 1;
    req.offset = 1;
    EXPECT_EQ(searcher.search(req).groups.size(), 1u);
}

TEST_F(SearchTest, ShowPrintsAParagraphWholeAndShowDocumentItsParagraphs) {
    const std::string id = file_key("/plenary-test/d1.md") + "-3";
    const ParagraphView p = searcher.show(id);
    EXPECT_EQ(p.text, "Trafficking in persons remains a concern for Nigeria and the Niger.");
    ASSERT_EQ(p.footnotes.size(), 1u);
    EXPECT_EQ(p.footnotes[0].second, "See A/HRC/WG.6/34/SVN/2/Corr.1 on smuggling routes.");
    EXPECT_EQ(p.countries, (std::vector<std::string>{"NGA", "NER"}));
    EXPECT_EQ(p.document.symbol, "A/HRC/40/10");
    const std::string text = to_text(p, TextStyle{});
    EXPECT_NE(text.find("  [1] See A/HRC/WG.6/34/SVN/2/Corr.1"), std::string::npos);
    EXPECT_NE(text.find("countries: NGA, NER"), std::string::npos);

    for (const std::string& what :
         {std::string("A/73/100/Add.1"), file_key("/plenary-test/d2.md") + "-2"}) {
        const auto docs = searcher.show_document(what);
        ASSERT_EQ(docs.size(), 1u) << what;
        ASSERT_EQ(docs[0].paragraphs.size(), 3u);
        EXPECT_EQ(docs[0].paragraphs[0].ordinal, 1u);
        EXPECT_EQ(docs[0].paragraphs[2].ordinal, 3u);
        EXPECT_EQ(docs[0].document.title, "Crime prevention");
    }
    EXPECT_EQ(thrown_message([&] { searcher.show("ffffffffffff-9"); }),
              "no paragraph with id 'ffffffffffff-9'");
    EXPECT_EQ(thrown_message([&] { searcher.show_document("A/99/999"); }),
              "no document 'A/99/999' in the database");
}

TEST_F(SearchTest, RequestErrorsAreWordForWord) {
    auto error_of = [&](const SearchRequest& req) {
        return thrown_message([&] { searcher.search(req); });
    };
    SearchRequest req;
    EXPECT_EQ(error_of(req), "empty query");
    req.query = "migrants";
    req.filters = {"nocolon"};
    EXPECT_EQ(error_of(req), "bad filter 'nocolon' (expected field:value)");
    req.filters = {"colour:red"};
    EXPECT_EQ(error_of(req),
              "unknown field 'colour' (known fields: " + Schema::instance().filter_names() + ")");
    req.filters = {};
    req.facets = {"title"};
    EXPECT_EQ(error_of(req),
              "unknown facet 'title' (facets: document, body, session, year, lang, "
              "speaker, symbol, resolution, decision, country, demonym, charter, subject, all)");
    req.facets = {};
    req.sort = "size";
    EXPECT_EQ(error_of(req), "unknown sort 'size' (relevance, date, -date, symbol)");
}

TEST_F(SearchTest, MissingDatabaseIsNamed) {
    EXPECT_EQ(thrown_message<DatabaseError>([] { Searcher s({"/nonexistent/plenary-db"}); }),
              "no Plenary database at /nonexistent/plenary-db (run plenary-index first)");
    const fs::path empty = dir / "empty";
    fs::create_directories(empty);
    EXPECT_EQ(thrown_message<DatabaseError>([&] { Searcher s({empty.string()}); }),
              "no Plenary database at " + empty.string() + " (run plenary-index first)");
}

// ---- JSON output against schemas/search-result.schema.json ----

// Checks the subset of JSON Schema the file uses: type, required, properties, items,
// additionalProperties (as a schema), minimum. Returns the first problem, or "".
std::string validate(const nlohmann::json& v, const nlohmann::json& s, const std::string& at) {
    if (auto t = s.find("type"); t != s.end()) {
        // One type, or a list of them ("type": ["string", "null"]).
        const std::vector<std::string> types =
            t->is_array() ? t->get<std::vector<std::string>>() : std::vector<std::string>{*t};
        auto is = [&](const std::string& type) {
            return (type == "object" && v.is_object()) || (type == "array" && v.is_array()) ||
                   (type == "string" && v.is_string()) || (type == "boolean" && v.is_boolean()) ||
                   (type == "integer" && v.is_number_integer()) ||
                   (type == "number" && v.is_number()) || (type == "null" && v.is_null());
        };
        if (std::none_of(types.begin(), types.end(), is))
            return at + ": expected " + t->dump() + ", got " + v.type_name();
    }
    if (auto m = s.find("minimum");
        m != s.end() && v.is_number() && v.get<double>() < m->get<double>())
        return at + ": below minimum";
    if (v.is_object()) {
        if (auto r = s.find("required"); r != s.end())
            for (const auto& key : *r)
                if (!v.contains(key.get<std::string>()))
                    return at + ": missing " + key.get<std::string>();
        const auto props = s.find("properties");
        const auto extra = s.find("additionalProperties");
        for (const auto& [key, value] : v.items()) {
            if (props != s.end() && props->contains(key)) {
                if (auto e = validate(value, (*props)[key], at + "." + key); !e.empty()) return e;
            } else if (extra != s.end() && extra->is_object()) {
                if (auto e = validate(value, *extra, at + "." + key); !e.empty()) return e;
            }
        }
    }
    if (v.is_array())
        if (auto items = s.find("items"); items != s.end())
            for (std::size_t i = 0; i < v.size(); ++i)
                if (auto e = validate(v[i], *items, at + "[" + std::to_string(i) + "]"); !e.empty())
                    return e;
    return "";
}

TEST_F(SearchTest, JsonOutputValidatesAgainstTheSchema) {
    std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/schemas/search-result.schema.json");
    ASSERT_TRUE(in) << "schemas/search-result.schema.json is missing";
    const nlohmann::json schema = nlohmann::json::parse(in);

    // The validator itself catches what it must.
    EXPECT_EQ(validate(nlohmann::json{{"query", "x"}}, schema, "$"), "$: missing total");

    SearchRequest req;
    req.query = "migrants OR smuggling";
    req.facets = {"all"};
    for (bool grouped : {false, true}) {
        req.group_by_document = grouped;
        const nlohmann::json j = to_json(searcher.search(req));
        EXPECT_EQ(validate(j, schema, "$"), "") << j.dump(2);
        EXPECT_FALSE(j["hits"].empty());
        EXPECT_EQ(j.contains("groups"), grouped);
    }
    req.group_by_document = false;
    req.query = "nothingmatchesthis";
    const nlohmann::json none = to_json(searcher.search(req));
    EXPECT_EQ(validate(none, schema, "$"), "");
    EXPECT_EQ(none["total"], 0);
    EXPECT_TRUE(none["hits"].empty());

    // Highlight offsets are code points: "Côte" before the match is 4 code points, 5 bytes.
    req.query = "\"Côte d'Ivoire\" lang:fr";
    const nlohmann::json fr = to_json(searcher.search(req));
    ASSERT_EQ(fr["hits"].size(), 1u);
    const auto& snip = fr["hits"][0]["snippet"];
    EXPECT_EQ(snip["text"],
              "Le trafic illicite de migrants en Côte d'Ivoire (CTOC/COP/WG.4/2019/2).");
    EXPECT_EQ(snip["highlights"], nlohmann::json::parse(R"([{"start":34,"end":47}])"));
    EXPECT_EQ(
        snip["html"],
        "Le trafic illicite de migrants en <mark>Côte d&#39;Ivoire</mark> (CTOC/COP/WG.4/2019/2).");
}

TEST_F(SearchTest, TextOutputSaysWhenNothingMatches) {
    SearchRequest req;
    req.query = "nothingmatchesthis";
    EXPECT_EQ(to_text(searcher.search(req), TextStyle{}),
              "no paragraphs match \"nothingmatchesthis\"\n");
    req.query = "resolution 73/195";
    const std::string text = to_text(searcher.search(req), TextStyle{});
    EXPECT_EQ(text.substr(0, text.find('\n')), "1 paragraph matches; showing 1–1");
    EXPECT_NE(text.find("A/HRC/40/10 · 2019-03-01 · en · A/HRC ¶ 2"), std::string::npos) << text;
    EXPECT_EQ(text.find("\x1b["), std::string::npos);
    EXPECT_NE(to_text(searcher.search(req), TextStyle{true}).find("\x1b[1;33m"), std::string::npos);
}

}  // namespace
}  // namespace plenary
