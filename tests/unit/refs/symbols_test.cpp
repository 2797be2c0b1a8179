// Tests for core/symbols: recognising UN document symbols in running text.
#include "refs/symbols.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "unit/refs/speeches.h"

namespace plenary {
namespace {

struct FindCase {
    std::string text;
    std::vector<std::string> expected;  // canonical symbols in order
};

std::vector<std::string> canonicals(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : find_symbols(text)) out.push_back(m.canonical);
    return out;
}

class FindSymbolsTest : public ::testing::TestWithParam<FindCase> {};

TEST_P(FindSymbolsTest, FindsExpectedSymbols) {
    const auto& c = GetParam();
    EXPECT_EQ(canonicals(c.text), c.expected) << "text: " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Positive, FindSymbolsTest,
    ::testing::Values(
        FindCase{"see A/75/115 for details", {"A/75/115"}},
        FindCase{"(A/HRC/WG.6/7/SVN/2/Corr.1)", {"A/HRC/WG.6/7/SVN/2/Corr.1"}},
        FindCase{"the Third Committee (A/C.3/74/L.12)", {"A/C.3/74/L.12"}},
        FindCase{"background paper (A/CONF.234/11), to support", {"A/CONF.234/11"}},
        FindCase{"(CTOC/COP/WG.4/2019/2), and on", {"CTOC/COP/WG.4/2019/2"}},
        FindCase{"\\* [CTOC/COP/2020/1](#).", {"CTOC/COP/2020/1"}},
        FindCase{"[A/75/115](#)", {"A/75/115"}}, FindCase{"A/75/115*", {"A/75/115*"}},
        FindCase{"A/75/115\\*", {"A/75/115*"}}, FindCase{"S/RES/1411 (2002)", {"S/RES/1411(2002)"}},
        FindCase{"S/RES/1411(2002)", {"S/RES/1411(2002)"}},
        FindCase{"S/RES/2437 \\(2018\\)", {"S/RES/2437(2018)"}},
        FindCase{"a/res/73/195", {"A/RES/73/195"}},
        FindCase{"A/RES/73/195, annex", {"A/RES/73/195"}},
        FindCase{"A/HRC/RES/16/21", {"A/HRC/RES/16/21"}},
        FindCase{"A/RES/217 A (III)", {"A/RES/217A(III)"}},
        FindCase{"A/RES/217A(III)", {"A/RES/217A(III)"}},
        FindCase{"A/RES/3379 (XXX)", {"A/RES/3379(XXX)"}},
        FindCase{"A/RES/ES-10/2", {"A/RES/ES-10/2"}}, FindCase{"A/RES/S-8/1", {"A/RES/S-8/1"}},
        FindCase{"TD(X)/Misc. 6", {"TD(X)/Misc.6"}}, FindCase{"td(x)/misc.6", {"TD(X)/Misc.6"}},
        FindCase{"A/ 73/ 195", {"A/73/195"}}, FindCase{"(see A/72/ PV.19).", {"A/72/PV.19"}},
        FindCase{"A/HRC/\n43/2 and more", {"A/HRC/43/2"}}, FindCase{"S/PV.8579", {"S/PV.8579"}},
        FindCase{"S/PRST/2021/18).", {"S/PRST/2021/18"}},
        FindCase{"NPT/CONF.2015/PC.III/WP.1", {"NPT/CONF.2015/PC.III/WP.1"}},
        FindCase{"NPT/CONF.2015/PC.III/SR.2", {"NPT/CONF.2015/PC.III/SR.2"}},
        FindCase{"E/CN.4/Sub.2/1997/20/Rev.1", {"E/CN.4/Sub.2/1997/20/Rev.1"}},
        FindCase{"e/cn.4/sub.2/1997/20/rev.1", {"E/CN.4/Sub.2/1997/20/Rev.1"}},
        FindCase{"E/2011/50/Rev. 1 ST/ESA/333", {"E/2011/50/Rev.1", "ST/ESA/333"}},
        FindCase{"E/C.12/SVN/CO/2", {"E/C.12/SVN/CO/2"}},
        FindCase{"CERD/C/SVN/CO/8-11", {"CERD/C/SVN/CO/8-11"}},
        FindCase{"CRC/C/SVN/CO/3-4", {"CRC/C/SVN/CO/3-4"}},
        FindCase{"CEDAW/C/SVN/CO/5-\n6", {"CEDAW/C/SVN/CO/5-6"}},
        FindCase{"CCPR/C/SVN/CO/3/Add.1", {"CCPR/C/SVN/CO/3/Add.1"}},
        FindCase{"A/HRC/28/15/Add.1/Corr.1", {"A/HRC/28/15/Add.1/Corr.1"}},
        FindCase{"A/HRC/43/2.", {"A/HRC/43/2"}},
        FindCase{"A/HLPF/2023/L.1, para. 3", {"A/HLPF/2023/L.1"}},
        FindCase{"A/HRC/WG.6/48/SVN/1", {"A/HRC/WG.6/48/SVN/1"}},
        FindCase{"President's statements PRST/8/1 and PRST/9/2",
                 {"A/HRC/PRST/8/1", "A/HRC/PRST/9/2"}},
        FindCase{"A/HRC/43/NGO/12", {"A/HRC/43/NGO/12"}},
        FindCase{"UNEP/CBD/COP/10/27/Add.1", {"UNEP/CBD/COP/10/27/Add.1"}},
        FindCase{"FCCC/KP/CMP/2011/10/Add.1", {"FCCC/KP/CMP/2011/10/Add.1"}},
        FindCase{"DP/FPA/2019/1", {"DP/FPA/2019/1"}},
        FindCase{"(CD/1906, CD/1909, CD/1917).", {"CD/1906", "CD/1909", "CD/1917"}},
        FindCase{"the Secretary-General (A/75/999-S/2021/740).", {"A/75/999", "S/2021/740"}},
        FindCase{"PDF text: CAT/C/SVN/CO/3para. 12", {"CAT/C/SVN/CO/3"}},
        FindCase{"(A/34/PV.7para. 22)", {"A/34/PV.7"}}, FindCase{"(A/77/PV8, p.10)", {"A/77/PV.8"}},
        FindCase{"(A/PV2128, p.3)", {"A/PV.2128"}},
        FindCase{"[A/600l/Add.l, section IV.]", {"A/6001/Add.1"}},
        FindCase{"[A/8001/Add. 1 and Corr.1]", {"A/8001/Add.1", "A/8001/Add.1/Corr.1"}},
        FindCase{"CD/1933/Rev.1 in 2012 and CD/1948 and Corr.1 in 2013",
                 {"CD/1933/Rev.1", "CD/1948", "CD/1948/Corr.1"}},
        FindCase{"A/75/115 and Add.", {"A/75/115"}},
        FindCase{"the report [A/8001/Add.] then", {"A/8001"}},
        FindCase{"(A/50/60/para. 26)", {"A/50/60"}}, FindCase{"[A/6026/annex II]", {"A/6026"}},
        FindCase{"Press Release SG/SM/9095)", {"SG/SM/9095"}},
        FindCase{"A/HRC/14/37 and A/HRC/43/15/Add.1", {"A/HRC/14/37", "A/HRC/43/15/Add.1"}}));

INSTANTIATE_TEST_SUITE_P(
    Negative, FindSymbolsTest,
    ::testing::Values(
        FindCase{"on 12/10/2020 at", {}}, FindCase{"half, 1/2, of", {}},
        FindCase{"meetings and/or technical workshops", {}}, FindCase{"open 24/7", {}},
        FindCase{"resolution 73/195", {}}, FindCase{"60 km/h", {}}, FindCase{"HIV/AIDS.36", {}},
        FindCase{"OSCE/ODIHR", {}}, FindCase{"N/A", {}}, FindCase{"the A/C unit", {}},
        FindCase{"Talks [S/ILI].", {}}, FindCase{"s/he", {}},
        FindCase{"South/South cooperation", {}}, FindCase{"CM/ResCMN(2012)12", {}},
        FindCase{"CPT/Inf (2017) 2", {}}, FindCase{"Proclamation No. 1178/2020.", {}},
        FindCase{
            "[www.ohchr.org/Documents/HRBodies/CEDAW/TraffickingGlobalMigration/UNOrganisations/"
            "UNODC-DTA\\_on\\_General\\_Recommendation\\_Annex1.docx]",
            {}},
        FindCase{"see /data/A/75/115.pdf", {}}, FindCase{"file A/HRC/43/2.pdf", {}},
        FindCase{"EN/HRBodies/UPR/Pages/UPRImplementation.aspx.", {}},
        FindCase{"UNICEF/NYHQ2010-1234/LEMOYNE", {}}, FindCase{"Dayton/Paris agreements", {}},
        FindCase{"PTPR/JS3", {}}, FindCase{"[je? A/J0217 and Corr.l, annex]", {}},
        FindCase{"(A/4S/379. p. a)", {}},
        FindCase{"under document symbol A/HRC/WG.6/7L.14; minor", {}}));

// Symbols cut after a slash at a line end, as reports print them (excerpts of
// corpus-real/un-flagship-reports-txt: WESS 2011 and 2013, UNCTAD, UN-Women).
INSTANTIATE_TEST_SUITE_P(
    CutAtLineEnd, FindSymbolsTest,
    ::testing::Values(
        FindCase{"at its sixteenth session. FCCC/\nCP/2010/7/Add.1. Available from",
                 {"FCCC/CP/2010/7/Add.1"}},
        FindCase{"and Risk Management. UNCTAD/\nDTL/STICT/2012/3. United Nations publication.",
                 {"UNCTAD/DTL/STICT/2012/3"}},
        FindCase{"Demographic Profiles. ST/ESA/\nSER.A/313 and ST/ESA/SER.A/317.",
                 {"ST/ESA/SER.A/313", "ST/ESA/SER.A/317"}},
        FindCase{"(4-15 March 2013).\u201d E/2013/27- E/\nCN.6/2013/11.",
                 {"E/2013/27", "E/CN.6/2013/11"}},
        FindCase{"Mission to Senegal (14 to 21 November 2011).\u201d A/\nHRC/21/42/Add.1.",
                 {"A/HRC/21/42/Add.1"}},
        FindCase{"A/RES/ES-\n10/2", {"A/RES/ES-10/2"}},
        // No digit after the cut: a name, not a symbol.
        FindCase{"Joan Fabres, UNEP/\nGRID-Arendal, Norway", {}}));

// Symbols in links (corpus-real: CBD GBO-4, HDR 2014, ILO, GEO-5), with the forms of ODS,
// undocs.org and the symbol explorer.
INSTANTIATE_TEST_SUITE_P(
    InLinks, FindSymbolsTest,
    ::testing::Values(
        FindCase{"2007), undocs.org/A/RES/61/105", {"A/RES/61/105"}},
        FindCase{"http://undocs.org/A/75/115", {"A/75/115"}},
        FindCase{"https://undocs.org/en/S/RES/2250(2015).", {"S/RES/2250(2015)"}},
        FindCase{"York. www.un.org/ga/search/view_doc.asp?symbol=A/\nRES/68/1. Accessed 27 March",
                 {"A/RES/68/1"}},
        FindCase{"http://www.un.org/en/ga/search/view_doc.asp?symbol=A/\nRES/67/212",
                 {"A/RES/67/212"}},
        FindCase{"www.un.org/ga/search/view_doc.\nasp?symbol=A/RES/66/288&Lang=E. Accessed",
                 {"A/RES/66/288"}},
        FindCase{
            "Available at: http://www.un.org/ga/search/\nview_doc.asp?symbol=A/67/L.36 [20 Apr.",
            {"A/67/L.36"}},
        FindCase{"https://documents.un.org/symbol-explorer?s=A%2FRES%2F70%2F1&i=A%2FRES%2F70%2F1_1",
                 {"A/RES/70/1"}},
        FindCase{"http://daccess-ods.un.org/access.nsf/Get?Open&DS=A/HRC/RES/16/21&Lang=E",
                 {"A/HRC/RES/16/21"}},
        FindCase{"(see https://undocs.org/A/HRC/43/2).", {"A/HRC/43/2"}},
        // A link that names a job number, or a symbol-like path outside the markers: nothing.
        FindCase{
            "http://daccessdds-ny.un.org/doc/UNDOC/GEN/N05/487/60/PDF/N0548760.pdf?OpenElement",
            {}},
        FindCase{"https://www.example.org/A/RES/70/1", {}},
        FindCase{"https://quotes.example.com/q?symbol=AAPL/2020", {}}));

// OCR confusions mended only where the result is a symbol and the raw form is not.
INSTANTIATE_TEST_SUITE_P(
    OcrConfusions, FindSymbolsTest,
    ::testing::Values(FindCase{"A/RES/7l/1", {"A/RES/71/1"}},
                      FindCase{"E/CN.4/2OO5/L.10", {"E/CN.4/2005/L.10"}},
                      FindCase{"E/CN.4/2005/L.1O", {"E/CN.4/2005/L.10"}},
                      FindCase{"S/RES/l325 (2000)", {"S/RES/1325(2000)"}},
                      FindCase{"A/RES/7I/1", {"A/RES/71/1"}},
                      FindCase{"[A/600l/Add.1, sect. II]", {"A/6001/Add.1"}},
                      FindCase{"the First Committee (A/C.l/73/L.5)", {"A/C.1/73/L.5"}},
                      // Roman numerals and words stay: no true digit to mend from.
                      FindCase{"TD/B/C.I/40", {"TD/B/C.I/40"}},
                      FindCase{"NPT/CONF.2015/PC.III/WP.1", {"NPT/CONF.2015/PC.III/WP.1"}},
                      FindCase{"[A/IOOOII Add.I, sect. XXI}", {}}, FindCase{"S/OIL", {}},
                      FindCase{"[A/IOOOllAdd.l, sect. VIII.]", {}}, FindCase{"UNEP/OIL/IO", {}}));

// Series beyond the main organs, as corpus-real cites them (schemas/un_bodies.json).
INSTANTIATE_TEST_SUITE_P(
    Series, FindSymbolsTest,
    ::testing::Values(
        FindCase{"Urbanization Prospects. ESA/P/WP/224. New York.", {"ESA/P/WP/224"}},
        FindCase{"the ESCWA Region. ESCWA/SDPD/2004/6/Summary. United Nations",
                 {"ESCWA/SDPD/2004/6/Summary"}},
        FindCase{"(UNODC/CCPCJ/EG.6/2015/2)", {"UNODC/CCPCJ/EG.6/2015/2"}},
        FindCase{"IPBES/3/2/Add.1/Rev.1", {"IPBES/3/2/Add.1/Rev.1"}},
        FindCase{"CLCS/87", {"CLCS/87"}}, FindCase{"HSP/GC/25/2/Add.3", {"HSP/GC/25/2/Add.3"}},
        FindCase{"ISBA/21/LTC/9/Rev.1", {"ISBA/21/LTC/9/Rev.1"}},
        FindCase{"DP/FPA/2015/1", {"DP/FPA/2015/1"}}, FindCase{"e/escap/75/1", {"E/ESCAP/75/1"}},
        FindCase{"ST/SGB/2003/13", {"ST/SGB/2003/13"}}, FindCase{"ST/AI/2010/3", {"ST/AI/2010/3"}},
        FindCase{"UNEP/POPS/COP.4/33.", {"UNEP/POPS/COP.4/33"}}, FindCase{"INFCIRC/225", {}},
        FindCase{"GOV/2011/30", {}}));

TEST(FindSymbols, OffsetsCoverTheSymbolAsWritten) {
    std::string text = "see S/RES/1411 (2002) now";
    auto v = find_symbols(text);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(text.substr(v[0].begin, v[0].end - v[0].begin), "S/RES/1411 (2002)");
}

struct PartsCase {
    std::string text;
    std::string canonical;
    std::string base;
    std::string organ;
};

class ParseSymbolTest : public ::testing::TestWithParam<PartsCase> {};

TEST_P(ParseSymbolTest, CanonicalBaseOrgan) {
    const auto& c = GetParam();
    auto m = parse_symbol(c.text);
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->canonical, c.canonical);
    EXPECT_EQ(m->base, c.base);
    EXPECT_EQ(m->organ, c.organ);
}

INSTANTIATE_TEST_SUITE_P(
    Parts, ParseSymbolTest,
    ::testing::Values(
        PartsCase{"A/HRC/WG.6/34/SVN/2/Corr.1", "A/HRC/WG.6/34/SVN/2/Corr.1", "A/HRC/WG.6/34/SVN/2",
                  "A/HRC"},
        PartsCase{"A/HRC/28/15/Add.1/Corr.1", "A/HRC/28/15/Add.1/Corr.1", "A/HRC/28/15", "A/HRC"},
        PartsCase{"A/75/115*", "A/75/115*", "A/75/115", "A"},
        PartsCase{"  a/res/73/195 ", "A/RES/73/195", "A/RES/73/195", "A"},
        PartsCase{"S/RES/2482 (2019)", "S/RES/2482(2019)", "S/RES/2482(2019)", "S"},
        PartsCase{"s/pv.8579", "S/PV.8579", "S/PV.8579", "S"},
        PartsCase{"CTOC/COP/2020/3", "CTOC/COP/2020/3", "CTOC/COP/2020/3", "CTOC/COP"},
        PartsCase{"CTOC/COP/WG.4/2019/2", "CTOC/COP/WG.4/2019/2", "CTOC/COP/WG.4/2019/2",
                  "CTOC/COP"},
        PartsCase{"NPT/CONF.2015/PC.III/WP.1", "NPT/CONF.2015/PC.III/WP.1",
                  "NPT/CONF.2015/PC.III/WP.1", "NPT/CONF.2015"},
        PartsCase{"npt/conf.2015/pc.iii/sr.2", "NPT/CONF.2015/PC.III/SR.2",
                  "NPT/CONF.2015/PC.III/SR.2", "NPT/CONF.2015"},
        PartsCase{"E/CN.6/2019/1/Rev.2", "E/CN.6/2019/1/Rev.2", "E/CN.6/2019/1", "E/CN.6"},
        PartsCase{"CRC/C/SVN/CO/3-4", "CRC/C/SVN/CO/3-4", "CRC/C/SVN/CO/3-4", "CRC/C"},
        PartsCase{"A/C.3/74/L.12/Rev.1", "A/C.3/74/L.12/Rev.1", "A/C.3/74/L.12", "A/C.3"},
        PartsCase{"A/CONF.234/11", "A/CONF.234/11", "A/CONF.234/11", "A/CONF.234"},
        PartsCase{"A/AC.109/2000/L.1/Amend.1", "A/AC.109/2000/L.1/Amend.1", "A/AC.109/2000/L.1",
                  "A/AC.109"},
        PartsCase{"ST/SGB/2019/1", "ST/SGB/2019/1", "ST/SGB/2019/1", "ST"},
        PartsCase{"A/73/PV.6/Summary", "A/73/PV.6/Summary", "A/73/PV.6", "A"},
        PartsCase{"TD(X)/Misc. 6", "TD(X)/Misc.6", "TD(X)/Misc.6", "TD"},
        PartsCase{"[A/75/115](#)", "A/75/115", "A/75/115", "A"},
        PartsCase{"A/RES/ES-10/2", "A/RES/ES-10/2", "A/RES/ES-10/2", "A"},
        PartsCase{"A/HRC/RES/40/1", "A/HRC/RES/40/1", "A/HRC/RES/40/1", "A/HRC"},
        PartsCase{"E/RES/2019/1", "E/RES/2019/1", "E/RES/2019/1", "E"},
        PartsCase{"E/C.12/SVN/CO/2", "E/C.12/SVN/CO/2", "E/C.12/SVN/CO/2", "E/C.12"},
        PartsCase{"CCPR/CO/84/SVN", "CCPR/CO/84/SVN", "CCPR/CO/84/SVN", "CCPR"}));

TEST(ParseSymbol, RejectsWhatIsNotOneSymbol) {
    for (std::string_view s : {"", "   ", "73/195", "hello", "A/75/115 and A/75/116", "12/10/2020",
                               "and/or", "A/", "/A/75/115", "resolution 73/195"}) {
        EXPECT_FALSE(parse_symbol(s).has_value()) << s;
    }
}

TEST(FindSymbols, SeedParagraphs) {
    // Paragraph 16 of the seed: the report symbol is found; nothing else.
    std::string p16 =
        "In 2020, UNODC led the drafting of a report of the Secretary-General on the "
        "implementation of "
        "the resolution (A/75/115), to be submitted to the Assembly at its seventy-fifth session.";
    EXPECT_EQ(canonicals(p16), std::vector<std::string>{"A/75/115"});
    std::string p6 =
        "including good practices and gaps and challenges in responding to trafficking in persons "
        "(CTOC/COP/WG.4/2019/2), and on the roles of diplomatic and consular officials "
        "(CTOC/COP/WG.4/2019/3).";
    EXPECT_EQ(canonicals(p6),
              (std::vector<std::string>{"CTOC/COP/WG.4/2019/2", "CTOC/COP/WG.4/2019/3"}));
    std::string fn5 =
        "Available at "
        "www.ohchr.org/Documents/HRBodies/CEDAW/TraffickingGlobalMigration/UNOrganisations/"
        "UNODC-DTA_on_General_Recommendation_Annex1.docx.";
    EXPECT_TRUE(canonicals(fn5).empty());
}

TEST(FindSymbols, NeverCrashesOnOddInput) {
    for (std::string_view s : {"/", "//", "A/", "A//", "A/(", "S/RES/1(", "S/RES/1 \\(", "TD(",
                               "TD(X)/", "A/1-", "A/1-\n", "A/Add.", "\\*", "A/1\\"}) {
        auto v = find_symbols(s);
        for (const auto& m : v) EXPECT_LE(m.end, s.size());
    }
}

// Over every General Debate speech (throughput is measured by bench/stages_bench, not here).
TEST(FindSymbols, FindsSymbolsAcrossAllSpeeches) {
    if (!std::filesystem::is_directory(testing::speeches_dir()))
        GTEST_SKIP() << "corpus-real/ungdc not found under " << PLENARY_SHARED_DIR;
    std::size_t found = 0;
    const std::size_t bytes = testing::for_each_speech(
        [&](const std::string& text) { found += find_symbols(text).size(); });
    ASSERT_GT(bytes, 0u);
    EXPECT_GT(found, 1000u);
}

}  // namespace
}  // namespace plenary
