// Former names on real General Debate speeches of sessions 1 to 45 (shared/corpus-real/ungdc,
// read in place): each name maps as schemas/gazetteer/former_names.json's policy says, in the
// paragraphs the reader makes, in the query's country: field, in facets and in their labels.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "integration/test_support.h"
#include "readers/reader.h"
#include "refs/references.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

fs::path speeches() {
    return fs::path(PLENARY_SHARED_DIR) / "corpus-real" / "ungdc" / "TXT";
}

/// A sentence of a real speech and what its paragraph must and must not carry.
struct SpeechCase {
    const char* file;     ///< under ungdc/TXT
    const char* phrase;   ///< words of the paragraph, as printed
    const char* has;      ///< codes its countries hold ("d:" for a demonym), space-separated
    const char* has_not;  ///< codes they must not hold
};

const SpeechCase k_cases[] = {
    {"Session 30 - 1975/BFA_30_1975.txt",
     "The most distressing problem for Upper Volta and other Sahelian countries", "BFA", ""},
    {"Session 30 - 1975/BEN_30_1975.txt", "The delegation of Dahomey very much hopes", "BEN", ""},
    {"Session 20 - 1965/COG_20_1965.txt",
     "fraternal peoples of the Congo (Brazzaville) and the Congo (Leopoldville)", "COG COD", ""},
    {"Session 20 - 1965/GAB_20_1965.txt", "in the Congo (Leopoldville) and so on", "COD", "COG"},
    {"Session 10 - 1955/ETH_10_1955.txt", "Japan, Ceylon and Finland", "LKA JPN FIN", ""},
    {"Session 40 - 1985/MMR_40_1985.txt", "inspires the delegation of Burma", "MMR", ""},
    {"Session 45 - 1990/ZWE_45_1990.txt", "represent the Kampuchean people", "d:KHM", ""},
    {"Session 30 - 1975/CHL_30_1975.txt", "such as Peru, Zaire and Zambia", "COD PER ZMB", "COG"},
    {"Session 10 - 1955/BLR_10_1955.txt", "the delegation of the Byelorussian SSR advocates", "BLR",
     "RUS"},
    {"Session 20 - 1965/UKR_20_1965.txt",
     "The Government of the Ukrainian Soviet Socialist Republic, one of the founding Members",
     "UKR", ""},
    {"Session 01 - 1946/AUS_01_1946.txt", "advanced by the Soviet Union", "SUN", "RUS"},
    {"Session 45 - 1990/HUN_45_1990.txt", "between Austria, Czechoslovakia, Italy, Yugoslavia",
     "CSK YUG AUT ITA", ""},
    {"Session 10 - 1955/BLR_10_1955.txt",
     "relations with both the German Democratic Republic and the Federal Republic of Germany",
     "DDR DEU", ""},
    {"Session 20 - 1965/ZMB_20_1965.txt", "the Gambia, the Maldive Islands and Singapore",
     "MDV GMB SGP", ""},
    {"Session 45 - 1990/WSM_45_1990.txt", "United Nations trusteeship over Western Samoa", "WSM",
     ""},
    {"Session 20 - 1965/UKR_20_1965.txt",
     "Southern Rhodesia, South West Africa, Bechuanaland, Swaziland, Basutoland",
     "ZWE NAM BWA SWZ LSO GUY", "ZAF"},
    {"Session 10 - 1955/IND_10_1955.txt", "in the Gold Coast and Nigeria", "GHA NGA", ""},
    {"Session 10 - 1955/IND_10_1955.txt", "the Governor of Tanganyika", "TZA", ""},
    {"Session 10 - 1955/IND_10_1955.txt", "in Zanzibar, a small protectorate", "TZA", ""},
    {"Session 25 - 1970/GMB_25_1970.txt", "the so-called Portuguese Guinea and Cape Verde Islands",
     "GNB", "GIN"},
    {"Session 10 - 1955/NLD_10_1955.txt", "the Netherlands, Surinam and the Netherlands Antilles",
     "SUR NLD", ""},
    {"Session 45 - 1990/VUT_45_1990.txt", "the entire world is focused on the Persian Gulf", "",
     "IRN"},
    {"Session 20 - 1965/IRN_20_1965.txt", "the then Monarch of Persia", "IRN", ""},
    {"Session 25 - 1970/UKR_25_1970.txt", "the people of the United Arab Republic", "EGY", "ARE"},
    {"Session 20 - 1965/VEN_20_1965.txt", "with the participation of British Guiana", "GUY",
     "d:GBR"},
    {"Session 30 - 1975/SOM_30_1975.txt", "the people of French Somaliland", "DJI", "d:FRA"},
    {"Session 40 - 1985/PNG_40_1985.txt", "the Trust Territory of the Pacific Islands, Palau",
     "FSM PLW", ""},
};

std::vector<std::string> words(const char* s) {
    std::vector<std::string> out;
    std::string w;
    for (const char* p = s;; ++p) {
        if (*p == ' ' || *p == '\0') {
            if (!w.empty()) out.push_back(w);
            w.clear();
            if (*p == '\0') break;
        } else {
            w += *p;
        }
    }
    return out;
}

/// The codes of the paragraph of doc holding phrase, demonyms as "d:XXX"; empty when none does.
std::vector<std::string> codes_of(const Document& doc, const std::string& phrase, bool& found) {
    found = false;
    std::vector<std::string> out;
    for (const auto& p : doc.paragraphs) {
        if (p.text.find(phrase) == std::string::npos) continue;
        found = true;
        out = p.refs.countries;
        for (const auto& d : p.refs.demonyms) out.push_back("d:" + d);
        break;
    }
    return out;
}

TEST(FormerNamesInSpeeches, EachNameMapsAsThePolicySays) {
    if (!fs::exists(speeches())) GTEST_SKIP() << "no " << speeches() << " (shared corpus absent)";
    for (const SpeechCase& c : k_cases) {
        Document doc = read_document((speeches() / c.file).string());
        extract_references(doc);
        bool found = false;
        const auto got = codes_of(doc, c.phrase, found);
        ASSERT_TRUE(found) << c.file << ": no paragraph holds \"" << c.phrase << "\"";
        for (const auto& code : words(c.has))
            EXPECT_NE(std::find(got.begin(), got.end(), code), got.end())
                << c.file << ": \"" << c.phrase << "\" lacks " << code;
        for (const auto& code : words(c.has_not))
            EXPECT_EQ(std::find(got.begin(), got.end(), code), got.end())
                << c.file << ": \"" << c.phrase << "\" has " << code;
    }
}

/// Four speeches of 1965 to 1990 indexed: the query's country: field takes a former name in
/// any language, and facets keep the policy's code with its label.
class FormerNamesSearch : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(speeches())) return;
        db = new std::string(
            test::build_db("plenary-former-names", "",
                           {(speeches() / "Session 30 - 1975/BFA_30_1975.txt").string(),
                            (speeches() / "Session 20 - 1965/COG_20_1965.txt").string(),
                            (speeches() / "Session 10 - 1955/BLR_10_1955.txt").string(),
                            (speeches() / "Session 25 - 1970/GMB_25_1970.txt").string()}));
    }
    static void TearDownTestSuite() {
        if (db) fs::remove_all(*db);
        delete db;
        db = nullptr;
    }
    void SetUp() override {
        if (!db) GTEST_SKIP() << "no " << speeches() << " (shared corpus absent)";
    }
    static SearchResult search(const std::string& q) {
        Searcher s({*db});
        SearchRequest req;
        req.query = q;
        req.limit = 1000;
        req.facets = {"country"};
        req.facet_limit = 0;
        return s.search(req);
    }
    static const FacetValue* facet_value(const SearchResult& r, const std::string& code) {
        for (const auto& f : r.facets)
            if (f.name == "country")
                for (const auto& v : f.values)
                    if (v.value == code) return &v;
        return nullptr;
    }
    static std::string* db;
};
std::string* FormerNamesSearch::db = nullptr;

TEST_F(FormerNamesSearch, CountryFieldTakesTheFormerNameInAnyLanguage) {
    const auto by_code = search("country:BFA");
    ASSERT_GT(by_code.total, 0u);
    for (const char* q : {"country:\"Upper Volta\"", "country:Haute-Volta",
                          "country:\"Alto Volta\"", "country:\"Верхняя Вольта\""})
        EXPECT_EQ(search(q).total, by_code.total) << q;
    EXPECT_EQ(search("country:\"Congo (Leopoldville)\"").total, search("country:COD").total);
    EXPECT_GT(search("country:COD").total, 0u);
    EXPECT_EQ(search("country:\"Portuguese Guinea\"").total, search("country:GNB").total);
    EXPECT_GT(search("country:GNB").total, 0u);
}

TEST_F(FormerNamesSearch, FacetsKeepThePolicysCodesWithTheirLabels) {
    const auto r = search("country:\"Upper Volta\" OR country:COD OR country:USSR OR country:GNB");
    const FacetValue* bfa = facet_value(r, "BFA");
    ASSERT_TRUE(bfa);
    EXPECT_EQ(bfa->label, "Burkina Faso");
    const FacetValue* cod = facet_value(r, "COD");
    ASSERT_TRUE(cod);
    EXPECT_EQ(cod->label, "Democratic Republic of the Congo");
    const FacetValue* sun = facet_value(r, "SUN");
    ASSERT_TRUE(sun);
    EXPECT_EQ(sun->label, "Union of Soviet Socialist Republics");
    ASSERT_TRUE(facet_value(r, "GNB"));
    EXPECT_EQ(facet_value(r, "RUS"), nullptr) << "the USSR is not the Russian Federation";
}

}  // namespace
}  // namespace plenary
