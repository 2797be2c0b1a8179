// Tests for core/refs/un_bodies: the one table of UN bodies and series, and that every module
// reading it agrees with it.
#include "refs/un_bodies.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/error.h"
#include "model/document.h"
#include "readers/layout.h"
#include "readers/reader.h"
#include "refs/resolutions.h"
#include "refs/symbols.h"
#include "search/facets.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

/// A scratch schema folder holding one un_bodies.json, removed at the end.
class SchemaDir {
  public:
    explicit SchemaDir(const std::string& json) {
        m_path =
            fs::temp_directory_path() / ("plenary_un_bodies_test_" + std::to_string(::getpid()));
        fs::create_directories(m_path);
        if (!json.empty()) std::ofstream(m_path / "un_bodies.json") << json;
    }
    ~SchemaDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    std::string path() const { return m_path.string(); }

  private:
    fs::path m_path;
};

/// The message of the SchemaError that loading json throws, or "no error".
std::string load_error(const std::string& json) {
    const SchemaDir dir(json);
    return testing::thrown_message<SchemaError>([&] { UnBodies::load(dir.path()); });
}

TEST(UnBodies, TableHasPrincipalOrgansAndBothFormerSeriesLists) {
    const UnBodies& table = UnBodies::instance();
    for (const char* code : {"A", "S", "E", "T", "ST"})
        EXPECT_TRUE(table.is_principal(code)) << code;
    EXPECT_FALSE(table.is_principal("A/HRC"));
    EXPECT_FALSE(table.is_principal("CTOC/COP"));
    // Series that only the file-name reader knew, and series that only the scanner knew.
    for (const char* s : {"A", "CTOC", "APLC", "UNW", "SG", "CD", "PRST", "EC"})
        EXPECT_TRUE(table.is_series(s)) << s;
    for (const char* s : {"WHO", "USA", "HIV", "a", "A/HRC"}) EXPECT_FALSE(table.is_series(s)) << s;
    for (const UnBody& body : table.bodies())
        EXPECT_FALSE(body.display_name().empty()) << body.code;
}

TEST(UnBodies, FindsByCodeAndByCodeFamily) {
    const UnBodies& table = UnBodies::instance();
    ASSERT_NE(table.find("E/CN.7"), nullptr);
    EXPECT_EQ(table.find("E/CN.7")->display_name(), "Commission on Narcotic Drugs");
    ASSERT_NE(table.find("NPT/CONF.2015"), nullptr);
    EXPECT_EQ(table.find("NPT/CONF.2015")->code, "NPT/CONF.");
    EXPECT_EQ(table.find("NPT"), nullptr);
    EXPECT_EQ(table.find("XYZ/COP"), nullptr);
    EXPECT_EQ(table.find("E/CN"), nullptr);
}

TEST(UnBodies, NamedIgnoresAsciiCaseButNotWords) {
    const UnBodies& table = UnBodies::instance();
    ASSERT_NE(table.named("SECURITY COUNCIL"), nullptr);
    EXPECT_EQ(table.named("security council")->code, "S");
    EXPECT_EQ(table.named("Council"), nullptr);
    EXPECT_EQ(table.named("Security Council of Europe"), nullptr);
    // A family of codes has no one code to give.
    EXPECT_EQ(table.named(table.find("NPT/CONF.2015")->display_name()), nullptr);
}

TEST(UnBodies, BadTableIsOneErrorNamingTheFile) {
    EXPECT_NE(load_error("").find("un_bodies.json: cannot open"), std::string::npos);
    EXPECT_NE(load_error("{").find("un_bodies.json: "), std::string::npos);
    EXPECT_NE(load_error(R"({"series": ["A"]})").find("un_bodies.json: "), std::string::npos);
    const std::string no_name =
        load_error(R"({"series": ["A"], "bodies": [{"code": "X", "names": {"fr": ["Y"]}}]})");
    EXPECT_NE(no_name.find("un_bodies.json: X has no English name"), std::string::npos) << no_name;
    const std::string slash = load_error(R"({"series": ["A/HRC"], "bodies": []})");
    EXPECT_NE(slash.find("'A/HRC' is not a series"), std::string::npos) << slash;
    EXPECT_EQ(load_error(R"({"series": ["A"], "bodies": [{"code": "A", "names": {"en": ["G"]}}]})"),
              "no error");
}

TEST(UnBodies, SeriesOfASymbolIsItsLongestPrefix) {
    const UnBodies& table = UnBodies::instance();
    struct Case {
        const char* symbol;
        const char* prefix;
    };
    for (const Case c : {Case{"E/ESCAP/CMP/2020/1", "E/ESCAP"}, Case{"E/2019/1", "E"},
                         Case{"A/C.3/74/L.12", "A/C"}, Case{"ST/SGB/2003/13", "ST/SGB"},
                         Case{"TD/B/C.I/40", "TD/B"}, Case{"UNCTAD/DTL/STICT/2014/2", "UNCTAD"},
                         Case{"CTOC/COP/2020/3", "CTOC/COP"}, Case{"DP/FPA/2015/1", "DP/FPA"}}) {
        const UnSeries* series = table.series_of(c.symbol);
        ASSERT_NE(series, nullptr) << c.symbol;
        EXPECT_EQ(series->prefix, c.prefix) << c.symbol;
        EXPECT_FALSE(series->name.empty()) << c.symbol;
    }
    EXPECT_EQ(table.series_of("E/ESCAP/CMP/2020/1")->name,
              "Economic and Social Commission for Asia and the Pacific");
    EXPECT_EQ(table.series_of("INFCIRC/225"), nullptr);
    EXPECT_EQ(table.series_of("ESCAPE/1"), nullptr);  // a part matches whole, or before a dot
    EXPECT_TRUE(table.is_sub_series("E", "ESCAP"));
    EXPECT_TRUE(table.is_sub_series("A", "HRC"));
    EXPECT_FALSE(table.is_sub_series("E", "ESC"));
    EXPECT_FALSE(table.is_sub_series("S", "ESCAP"));
}

TEST(UnBodies, SeriesEntriesAreStringsOrPrefixesWithNames) {
    const UnBodies table = UnBodies::load(SchemaDir(R"({"series": ["A",
        {"prefix": "E/ESCAP", "name": "ESCAP"}], "bodies": []})")
                                              .path());
    EXPECT_TRUE(table.is_series("E"));  // the first part of a prefix starts symbols
    EXPECT_FALSE(table.is_series("ESCAP"));
    ASSERT_EQ(table.series_table().size(), 2U);
    EXPECT_EQ(table.series_table()[1].name, "ESCAP");
    const std::string bad = load_error(R"({"series": [{"prefix": "E/"}], "bodies": []})");
    EXPECT_NE(bad.find("'E/' is not a series"), std::string::npos) << bad;
}

// The symbol scanner and the file-name reader accept the same series (they held two lists).
TEST(UnBodies, ScannerAndFileNamesAcceptEverySeries) {
    for (const std::string& s : UnBodies::instance().series()) {
        SCOPED_TRACE(s);
        const auto found = find_symbols("see " + s + "/2020/1 for details");
        ASSERT_EQ(found.size(), 1U);
        Document doc;
        apply_file_name(doc, s + "_2020_1.pdf");
        EXPECT_EQ(doc.symbol, found[0].canonical);
    }
    for (const std::string name : {"WHO_2020_1.pdf", "HIV_2020_1.pdf"}) {
        Document doc;
        apply_file_name(doc, name);
        EXPECT_EQ(doc.symbol, "") << name;
    }
}

// Mastheads and facet labels read the same names.
TEST(UnBodies, MastheadsAndFacetLabelsReadTheTable) {
    for (const UnBody& body : UnBodies::instance().bodies()) {
        SCOPED_TRACE(body.code);
        EXPECT_EQ(body_name(body.code), body.display_name());
        if (body.code_is_prefix) continue;
        for (const std::string& name : body.names_in("en"))
            EXPECT_EQ(layout::body_code(name), body.code);
    }
    EXPECT_EQ(layout::body_code("  general   ASSEMBLY "), "A");
    EXPECT_EQ(layout::body_code("General Assembly Hall"), "");
    EXPECT_EQ(body_name("NPT/CONF.2020"), UnBodies::instance().find("NPT/CONF.")->display_name());
}

// Citations read the body names of every language the table gives.
TEST(UnBodies, CitationsReadNamesOfTheTable) {
    const auto bodies = [](const std::string& text) {
        std::vector<std::string> out;
        for (const auto& m : find_resolutions(text, CitationContext{})) out.push_back(m.ref.id);
        return out;
    };
    EXPECT_EQ(bodies("recalling Commission on Narcotic Drugs resolution 62/1,"),
              std::vector<std::string>{"E/CN.7/RES/62/1"});
    EXPECT_EQ(
        bodies("rappelant la r\xC3\xA9solution 40/1 du Conseil des droits de l\xE2\x80\x99homme,"),
        std::vector<std::string>{"A/HRC/RES/40/1"});
    EXPECT_EQ(bodies("the ECOSOC resolution 2019/1"), std::vector<std::string>{"E/RES/2019/1"});
    EXPECT_EQ(bodies("resolution 9/1 of the Conference of the Parties to the United Nations "
                     "Convention against Transnational Organized Crime"),
              std::vector<std::string>{"CTOC/COP/RES/9/1"});
}

}  // namespace
}  // namespace plenary
