// What the trial of issue 11 found, over a small database: sorting by date puts the undated
// last and by symbol in UN order; a year-only date meets a date range of that year; speaker:
// takes an indexed speaker that is no country; organ: matches the organ of cited symbols;
// facets ordered by value; unknown languages are refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "base/error.h"
#include "index/index_writer.h"
#include "model/document_json.h"
#include "model/schema.h"
#include "search/search.h"
#include "search/sort_keys.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

Document doc(const std::string& symbol, const std::string& date, const std::string& speaker,
             int k) {
    Document d;
    d.symbol = symbol;
    d.title = "Statement " + symbol;
    d.body = "A";
    d.date = date;
    d.lang = "en";
    d.country = speaker;
    d.source = "/plenary-order-test/d" + std::to_string(k) + ".txt";
    Paragraph p;
    p.text = "Nuclear disarmament remains our goal.";
    p.number = "1";
    p.kind = ParagraphKind::numbered;
    p.refs.symbols = {"A/HRC/40/10"};
    d.paragraphs.push_back(p);
    return d;
}

class SearchOrderTest : public ::testing::Test {
  protected:
    static inline fs::path dir;

    static void SetUpTestSuite() {
        dir = fs::temp_directory_path() / ("plenary-order-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        const std::vector<Document> docs = {
            doc("A/73/10", "2019-05-02", "FRA", 1), doc("", "", "", 2),
            doc("A/73/2", "2018-09-25", "BRB", 3), doc("A/74/1", "2019", "EU", 4)};
        DocumentBuilder builder(Schema::instance());
        IndexWriter w(dir.string());
        for (std::size_t k = 0; k < docs.size(); ++k) {
            auto xdocs = builder.build(docs[k]);
            FileRecord rec{docs[k].source, k + 1, 1, 1, static_cast<std::uint32_t>(xdocs.size())};
            w.replace_file(rec, document_meta_json(docs[k]).dump(), xdocs);
        }
        w.commit();
    }
    static void TearDownTestSuite() { fs::remove_all(dir); }

    Searcher searcher{{dir.string()}};

    SearchResult search(const std::string& query, const std::string& sort = "relevance") {
        SearchRequest req;
        req.query = query;
        req.sort = sort;
        return searcher.search(req);
    }
    std::vector<std::string> symbols(const SearchResult& r) {
        std::vector<std::string> out;
        for (const Hit& h : r.hits) out.push_back(h.document.symbol);
        return out;
    }
};

TEST_F(SearchOrderTest, DateSortPutsTheUndatedLastBothWays) {
    EXPECT_EQ(symbols(search("disarmament", "date")),
              (std::vector<std::string>{"A/73/2", "A/74/1", "A/73/10", ""}));
    EXPECT_EQ(symbols(search("disarmament", "-date")),
              (std::vector<std::string>{"A/73/10", "A/74/1", "A/73/2", ""}));
}

TEST_F(SearchOrderTest, SymbolSortIsUnOrder) {
    EXPECT_EQ(symbols(search("disarmament", "symbol")),
              (std::vector<std::string>{"A/73/2", "A/73/10", "A/74/1", ""}));
    EXPECT_LT(symbol_sort_key("A/73/2"), symbol_sort_key("A/73/10"));
    EXPECT_LT(symbol_sort_key("A/RES/9/1"), symbol_sort_key("A/RES/10/1"));
    EXPECT_LT(symbol_sort_key("S/2019/10"), symbol_sort_key("S/2019/100"));
    EXPECT_EQ(symbol_sort_key("A/73/02"), symbol_sort_key("a/73/2"));
}

TEST_F(SearchOrderTest, AYearOnlyDateMeetsARangeInThatYear) {
    EXPECT_EQ(search("disarmament date:2019-01-01..2019-12-31").total, 2u);  // 2019-05-02 and 2019
    EXPECT_EQ(search("disarmament date:2019-06-01..2019-12-31").total, 1u);  // 2019 alone
    EXPECT_EQ(search("disarmament date:2019-03").total, 1u);
    EXPECT_EQ(search("disarmament date:2019-06..").total, 1u);
    EXPECT_EQ(search("disarmament date:..2018-12-31").total, 1u);
    EXPECT_EQ(search("disarmament date:2020-01-01..2020-12-31").total, 0u);
}

TEST_F(SearchOrderTest, SpeakerTakesAnIndexedSpeakerThatIsNoCountry) {
    EXPECT_EQ(search("disarmament speaker:EU").total, 1u);
    EXPECT_EQ(search("speaker:eu OR speaker:Barbados").total, 2u);
    EXPECT_THROW(search("speaker:Atlantis"), QueryError);
}

TEST_F(SearchOrderTest, OrganMatchesTheOrganOfCitedSymbols) {
    EXPECT_EQ(search("organ:A/HRC").total, 4u);
    EXPECT_EQ(search("organ:S").total, 0u);
}

TEST_F(SearchOrderTest, YearFacetOrderedByValueIsATimeline) {
    SearchRequest req;
    req.query = "disarmament";
    req.facets = {"year"};
    req.facet_order = "value";
    const SearchResult r = searcher.search(req);
    ASSERT_EQ(r.facets.size(), 1u);
    std::vector<std::string> years;
    for (const FacetValue& v : r.facets[0].values) years.push_back(v.value);
    EXPECT_EQ(years, (std::vector<std::string>{"2018", "2019"}));
    req.facet_order = "size";
    EXPECT_THROW(searcher.search(req), QueryError);
}

TEST_F(SearchOrderTest, HitsAndFacetsNameTheSpeakerAndTheBody) {
    SearchRequest req;
    req.query = "disarmament speaker:BRB";
    req.facets = {"body", "speaker"};
    const nlohmann::json j = to_json(searcher.search(req));
    ASSERT_EQ(j["hits"].size(), 1u);
    const nlohmann::json& d = j["hits"][0]["document"];
    EXPECT_EQ(d["country"], "BRB");
    EXPECT_EQ(d["country_name"], "Barbados");
    EXPECT_EQ(d["body"], "A");
    EXPECT_EQ(d["body_name"], "General Assembly");
    EXPECT_EQ(j["facets"]["body"][0]["value"], "A");
    EXPECT_EQ(j["facets"]["body"][0]["label"], "General Assembly");
    EXPECT_EQ(j["facets"]["speaker"][0]["label"], "Barbados");
    req.query = "disarmament";
    req.sort = "date";
    const nlohmann::json undated = to_json(searcher.search(req))["hits"][3]["document"];
    EXPECT_EQ(undated["symbol"], "");
    EXPECT_EQ(undated["country"], "");
    EXPECT_EQ(undated["country_name"], "");
    EXPECT_EQ(body_name("A/HRC"), "Human Rights Council");
    EXPECT_EQ(body_name("XYZ/COP"), "XYZ/COP");
    // Series without a body of their own take the series table's name (un_bodies.json).
    EXPECT_EQ(body_name("UNCTAD"),
              "United Nations Conference on Trade and Development, secretariat");
    EXPECT_EQ(body_name("E/ESCAP"), "Economic and Social Commission for Asia and the Pacific");
    EXPECT_EQ(body_name("E/ESCAP/75"), "E/ESCAP/75");  // a name only for the series itself
}

TEST_F(SearchOrderTest, UnknownLanguagesAreRefused) {
    SearchRequest req;
    req.query = "disarmament";
    req.lang = "xx";
    EXPECT_EQ(testing::thrown_message([&] { searcher.search(req); }),
              "unknown language 'xx' for lang (en, fr, es, ru, ar, zh, de)");
    req.lang = "FR";
    EXPECT_NO_THROW(searcher.search(req));
    req.lang.clear();
    req.in_lang = "klingon";
    EXPECT_THROW(searcher.search(req), QueryError);
}

}  // namespace
}  // namespace plenary
