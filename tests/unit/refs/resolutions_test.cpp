// Tests for core/resolutions: resolution and decision citations in running text.
#include "refs/resolutions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "unit/refs/speeches.h"

namespace plenary {
namespace {

struct Case {
    std::string organ;  // the citing document's organ
    std::string text;
    std::vector<std::string> expected;  // ids in order; decisions end in " D"
};

std::vector<std::string> ids(std::string_view text, const std::string& organ) {
    std::vector<std::string> out;
    for (const auto& m : find_resolutions(text, CitationContext{organ, "en"}))
        out.push_back(m.ref.id + (m.ref.decision ? " D" : ""));
    return out;
}

class FindResolutionsTest : public ::testing::TestWithParam<Case> {};

TEST_P(FindResolutionsTest, FindsExpectedIds) {
    const auto& c = GetParam();
    EXPECT_EQ(ids(c.text, c.organ), c.expected) << "organ " << c.organ << ", text: " << c.text;
}

// The seed report (organ CTOC/COP), as the readers deliver it and with its Markdown left in.
INSTANTIATE_TEST_SUITE_P(
    Seed, FindResolutionsTest,
    ::testing::Values(
        Case{"CTOC/COP",
             "General Assembly resolution [73/195](#), annex, para. 26 (b).",
             {"A/RES/73/195"}},
        Case{"CTOC/COP",
             "General Assembly resolution 73/195, annex, para. 26 (b).",
             {"A/RES/73/195"}},
        Case{"CTOC/COP",
             "See General Assembly resolution [74/174](#), adopted on 18 December 2019.",
             {"A/RES/74/174"}},
        Case{"CTOC/COP",
             "At its seventy-third session, the General Assembly adopted resolution [73/195](#), "
             "by which it "
             "endorsed the Global Compact for Safe, Orderly and Regular Migration.",
             {"A/RES/73/195"}},
        Case{"CTOC/COP",
             "16. Also at its seventy-third session, the General Assembly adopted resolution "
             "73/189, entitled "
             "\u201cStrengthening and promoting effective measures\u201d. In 2020, UNODC led the "
             "drafting of a "
             "report of the Secretary-General on the implementation of the resolution (A/75/115), "
             "to be "
             "submitted to the Assembly at its seventy-fifth session.",
             {"A/RES/73/189"}},
        Case{"CTOC/COP",
             "harmonization with the self-assessment questionnaires on the Organized Crime "
             "Convention and its "
             "other Protocols, in accordance with Conference resolutions 8/2 and 9/1.",
             {"CTOC/COP/RES/8/2", "CTOC/COP/RES/9/1"}},
        Case{"CTOC/COP",
             "9. In this regard, UNODC serviced the meetings of the open-ended intergovernmental "
             "expert group "
             "established in accordance with Conference resolution 9/1, which were held in Vienna.",
             {"CTOC/COP/RES/9/1"}},
        Case{"CTOC/COP",
             "19. In October 2018, the Security Council adopted resolution [2437 \\(2018\\)](#) "
             "concerning the "
             "smuggling of migrants. In that resolution, the Council condemned all acts of migrant "
             "smuggling. "
             "Subsequently, in October 2019, the Council adopted resolution [2491 \\(2019\\)](#), "
             "in which it "
             "reaffirmed the need. UNODC contributed to the implementation of the resolution.",
             {"S/RES/2437(2018)", "S/RES/2491(2019)"}},
        Case{"CTOC/COP",
             "21. In 2019, in response to a specific situation analysis and Security Council "
             "resolutions "
             "[2331 \\(2016\\)](#) and [2388 \\(2017\\)](#), UNODC developed a training module.",
             {"S/RES/2331(2016)", "S/RES/2388(2017)"}},
        Case{"CTOC/COP",
             "in line with Security Council resolutions 2331 (2016) and 2388 (2017).",
             {"S/RES/2331(2016)", "S/RES/2388(2017)"}},
        Case{"CTOC/COP",
             "30. In its resolution 74/176, adopted in December 2019, the General Assembly "
             "welcomed the first "
             "meeting of the Coordination Group.",
             {"A/RES/74/176"}},
        Case{"CTOC/COP",
             "In response to the report of the Secretary-General pursuant to General Assembly "
             "resolution "
             "72/195, entitled \"Improving the coordination\" (A/74/127), the Group continued",
             {"A/RES/72/195"}},
        Case{"CTOC/COP",
             "recommended to the Economic and Social Council a draft resolution for adoption by "
             "the General "
             "Assembly on countering child sexual exploitation",
             {}}));

INSTANTIATE_TEST_SUITE_P(
    Forms, FindResolutionsTest,
    ::testing::Values(
        Case{"", "General Assembly resolution 73/195", {"A/RES/73/195"}},
        Case{"", "resolution 3379 (XXX)", {"A/RES/3379(XXX)"}},
        Case{"", "resolution 217 A (III)", {"A/RES/217A(III)"}},
        Case{"", "resolution 217A (III)", {"A/RES/217A(III)"}},
        Case{"", "resolutions 3411 A and B (XXX)", {"A/RES/3411A(XXX)", "A/RES/3411B(XXX)"}},
        Case{"", "resolution S-8/1", {"A/RES/S-8/1"}},
        Case{"", "resolution ES-10/2", {"A/RES/ES-10/2"}},
        Case{"", "resolution 3362 (S-VII)", {"A/RES/3362(S-VII)"}},
        Case{"", "resolution 1000 (ES-V)", {"A/RES/1000(ES-V)"}},
        Case{"", "Security Council resolution 2482 (2019)", {"S/RES/2482(2019)"}},
        Case{"", "resolution 242 (1967)", {"S/RES/242(1967)"}},
        Case{"", "Economic and Social Council resolution 2019/1", {"E/RES/2019/1"}},
        Case{"", "Economic and Social Council resolution 1503 (XLVIII)", {"E/RES/1503(XLVIII)"}},
        Case{"", "Human Rights Council resolution 40/1", {"A/HRC/RES/40/1"}},
        Case{"", "decision 73/546", {"A/DEC/73/546 D"}},
        Case{"", "Human Rights Council decision 14/105", {"A/HRC/DEC/14/105 D"}},
        Case{"",
             "decisions 31/406 A to E",
             {"A/DEC/31/406A D", "A/DEC/31/406B D", "A/DEC/31/406C D", "A/DEC/31/406D D",
              "A/DEC/31/406E D"}},
        Case{"",
             "resolutions 2331 (2016) and 2388 (2017)",
             {"S/RES/2331(2016)", "S/RES/2388(2017)"}},
        Case{"",
             "resolutions 1325 (2000), 1820 (2008) and 2467 (2019)",
             {"S/RES/1325(2000)", "S/RES/1820(2008)", "S/RES/2467(2019)"}},
        Case{"",
             "resolutions 73/195, 73/146 and 74/176",
             {"A/RES/73/195", "A/RES/73/146", "A/RES/74/176"}},
        Case{"", "resolution 31/16 A", {"A/RES/31/16A"}},
        Case{"",
             "General Assembly resolutions 38/58 C and 39/49 D.",
             {"A/RES/38/58C", "A/RES/39/49D"}},
        Case{"", "resolution 73/195 of 19 December 2018", {"A/RES/73/195"}},
        Case{"",
             "resolutions 1325 (2000) of 31 October 2000 and 1820 (2008) of 19 June 2008,",
             {"S/RES/1325(2000)", "S/RES/1820(2008)"}},
        Case{"", "A/RES/73/195", {"A/RES/73/195"}},
        Case{"", "S/RES/1411 (2002)", {"S/RES/1411(2002)"}},
        Case{"", "A/HRC/RES/16/21", {"A/HRC/RES/16/21"}},
        Case{"", "a/res/73/195", {"A/RES/73/195"}},
        Case{"", "A/HRC/DEC/14/105", {"A/HRC/DEC/14/105 D"}},
        Case{"", "RESOLUTION 73/195", {"A/RES/73/195"}},
        Case{"", "Commission on Human Rights resolution 2005/66", {"E/CN.4/RES/2005/66"}},
        Case{"",
             "Commission on Human\n Rights resolutions 2002/68 and 2003/30",
             {"E/CN.4/RES/2002/68", "E/CN.4/RES/2003/30"}},
        Case{"E/CN.15", "Commission resolution 28/1", {"E/CN.15/RES/28/1"}},
        Case{"E/CN.7", "the Commission adopted resolution 62/1", {"E/CN.7/RES/62/1"}},
        Case{"",
             "Recalling resolution 1993/51 of 9 March 1993 of the Commission on Human Rights",
             {"E/CN.4/RES/1993/51"}},
        Case{"",
             "Conference of the Parties to the United Nations Convention against Transnational "
             "Organized "
             "Crime resolution 5/1",
             {"CTOC/COP/RES/5/1"}},
        Case{"", "the Assembly adopted resolution 74/176", {"A/RES/74/176"}},
        Case{"",
             "the Human Rights Council unanimously adopted resolution 37/7, on promotion",
             {"A/HRC/RES/37/7"}},
        Case{"A/HRC", "Recalling its resolution 6/37 of 14 December 2007", {"A/HRC/RES/6/37"}},
        Case{"A/HRC",
             "Recalling General Assembly resolution 60/251 of 15 March 2006",
             {"A/RES/60/251"}},
        Case{"A/HRC", "the Council adopted resolution 5/1", {"A/HRC/RES/5/1"}},
        Case{"A/HRC", "Human Rights Council resolution S-28/1", {"A/HRC/RES/S-28/1"}},
        Case{"A", "the Council in its resolution 2482 (2019)", {"S/RES/2482(2019)"}},
        Case{"S",
             "the Council adopted resolution 40/1 and resolution 2482 (2019)",
             {"A/RES/40/1", "S/RES/2482(2019)"}}));

INSTANTIATE_TEST_SUITE_P(
    Languages, FindResolutionsTest,
    ::testing::Values(
        Case{"", "r\u00e9solution 73/195 de l'Assembl\u00e9e g\u00e9n\u00e9rale", {"A/RES/73/195"}},
        Case{"", "R\u00c9SOLUTION 73/195", {"A/RES/73/195"}},
        Case{"", "r\u00e9solution 40/1 du Conseil des droits de l'homme", {"A/HRC/RES/40/1"}},
        Case{"",
             "r\u00e9solutions 2331 (2016) et 2388 (2017)",
             {"S/RES/2331(2016)", "S/RES/2388(2017)"}},
        Case{"",
             "\u0440\u0435\u0437\u043e\u043b\u044e\u0446\u0438\u044f 73/195 "
             "\u0413\u0435\u043d\u0435\u0440"
             "\u0430\u043b\u044c\u043d\u043e\u0439 "
             "\u0410\u0441\u0441\u0430\u043c\u0431\u043b\u0435\u0438",
             {"A/RES/73/195"}},
        Case{"", "resoluci\u00f3n 73/195 de la Asamblea General", {"A/RES/73/195"}},
        Case{"", "resoluciones 73/195 y 74/176", {"A/RES/73/195", "A/RES/74/176"}},
        Case{"", "\u7b2c73/195\u53f7\u51b3\u8bae", {"A/RES/73/195"}},
        Case{"",
             "\u5b89\u7406\u4f1a\u5728\u7b2c2055(2012)\u53f7\u51b3\u8bae\u4e2d\u5f3a\u8c03",
             {"S/RES/2055(2012)"}},
        Case{"", "\u4eba\u6743\u7406\u4e8b\u4f1a\u7b2c40/1\u53f7\u51b3\u8bae", {"A/HRC/RES/40/1"}},
        Case{"", "\u5927\u4f1a\u7b2c73/546\u53f7\u51b3\u5b9a", {"A/DEC/73/546 D"}},
        Case{"", "\u0627\u0644\u0642\u0631\u0627\u0631 73/195", {"A/RES/73/195"}},
        Case{"",
             "\u0628\u0645\u0648\u062c\u0628 \u0642\u0631\u0627\u0631 \u0645\u062c\u0644\u0633 "
             "\u0627\u0644\u0623\u0645\u0646 1990 (2011) \u0627\u0644\u0645\u0624\u0631\u062e",
             {"S/RES/1990(2011)"}},
        Case{"", "d\u00e9cision 73/546", {"A/DEC/73/546 D"}},
        // Lines of the UN Parallel Corpus dev set.
        Case{"",
             "la r\u00e9solution 1325 du Conseil de s\u00e9curit\u00e9 des Nations Unies",
             {"S/RES/1325(2000)"}},
        Case{"",
             "Resoluciones del Consejo de Seguridad 1267 (1999) y 1989 (2011)",
             {"S/RES/1267(1999)", "S/RES/1989(2011)"}},
        Case{"",
             "le Conseil de s\u00e9curit\u00e9 a adopt\u00e9 la r\u00e9solution 2482 (2019)",
             {"S/RES/2482(2019)"}},
        Case{"",
             "\u0432 \u0441\u043e\u043e\u0442\u0432\u0435\u0442\u0441\u0442\u0432\u0438\u0438 "
             "\u0441 "
             "\u0440\u0435\u0437\u043e\u043b\u044e\u0446\u0438\u0435\u0439 1894 (LVII) "
             "\u042d\u043a\u043e\u043d\u043e\u043c\u0438\u0447\u0435\u0441\u043a\u043e\u0433\u043e "
             "\u0438 "
             "\u0421\u043e\u0446\u0438\u0430\u043b\u044c\u043d\u043e\u0433\u043e "
             "\u0421\u043e\u0432\u0435\u0442\u0430",
             {"E/RES/1894(LVII)"}},
        Case{"",
             "\u5b89\u5168\u7406\u4e8b\u4f1a\u7b2c822(1993)\u53f7\u3001\u7b2c853(1993)\u53f7\u548c"
             "\u7b2c884(1993)\u53f7\u51b3\u8bae",
             {"S/RES/822(1993)", "S/RES/853(1993)", "S/RES/884(1993)"}},
        Case{"",
             "\u7b2c2118(2013)\u30012139(2014)\u548c2191(2014)\u53f7\u51b3\u8bae",
             {"S/RES/2118(2013)", "S/RES/2139(2014)", "S/RES/2191(2014)"}},
        Case{"",
             "\u8054\u5408\u56fd\u5b89\u5168\u7406\u4e8b\u4f1a\u7b2c1325\u53f7\u51b3\u8bae",
             {"S/RES/1325(2000)"}},
        Case{"",
             "\u0628\u0645\u0648\u062c\u0628 \u0642\u0631\u0627\u0631\u0647 9 (\u062f-1) "
             "\u0627\u0644\u0645\u0624\u0631\u062e",
             {"A/RES/9(I)"}},
        Case{"",
             "\u0625\u0630 \u064a\u0634\u064a\u0631 \u0625\u0644\u0649 "
             "\u0642\u0631\u0627\u0631\u0627\u062a\u0647 "
             "2014 (2011)\u060c \u0648 2051 (2012)",
             {"S/RES/2014(2011)", "S/RES/2051(2012)"}}));

// Scanned speeches: braces and misread Roman numerals.
INSTANTIATE_TEST_SUITE_P(
    Ocr, FindResolutionsTest,
    ::testing::Values(
        Case{"A", "signed in 1967 [resolution 2222 {XXI}], that", {"A/RES/2222(XXI)"}},
        Case{"A", "Economic Order [resolution 3202 (S-Vl)]. 50.", {"A/RES/3202(S-VI)"}},
        Case{"A", "special session [resolution 3362 (S-V1I)] suffers", {"A/RES/3362(S-VII)"}},
        Case{"A", "[resolution 3362 (S-VI!)] constitutes", {"A/RES/3362(S-VII)"}},
        Case{"A", "resolution 5 (1) is no Roman session", {}}));

INSTANTIATE_TEST_SUITE_P(
    Negative, FindResolutionsTest,
    ::testing::Values(
        Case{"", "the implementation of the resolution (A/75/115)", {}},
        Case{"", "draft resolution A/C.3/74/L.12", {}},
        Case{"", "a draft resolution on migration", {}}, Case{"", "draft resolution 73/195", {}},
        Case{"", "draft decision 73/546", {}}, Case{"", "projet de r\u00e9solution 73/195", {}},
        Case{"", "the resolution of conflicts by peaceful means", {}},
        Case{"", "peaceful resolution of disputes on 12/10/2020", {}},
        Case{"", "resolution 1/2 of the problem", {}}, Case{"", "73/195", {}},
        Case{"", "resolution 9/1", {}},  // no body and no organ: ambiguous, not guessed
        Case{"", "decision making in 2019", {}}, Case{"", "resolution 73/195/Add.1", {}},
        Case{"", "the report (A/75/115) on the resolution", {}},
        Case{"", "Commission resolution 28/1", {}},  // which commission is not known
        Case{"",
             "Economic Commission for Latin America and the Caribbean resolution 683 (XXXV)",
             {}},
        Case{"", "Governing Council decision 267 (2009)", {}},
        Case{"",
             "by the Economic and Social Council by its resolution 9 (I) of 16 February 1946",
             {"E/RES/9(I)"}},
        Case{
            "S", "Security Council resolution 1325", {"S/RES/1325(2000)"}},  // year from the number
        Case{"", "UNSC resolution 2216. Distinguished", {"S/RES/2216(2015)"}},
        Case{"",
             "Security Council resolution 1325 in 1995.",
             {"S/RES/1325(2000)"}},  // not adopted in 1995
        Case{"",
             "Security Council resolution 1284 on Iraq",
             {}},  // too near the first of 2000 to tell
        Case{"", "the General Assembly adopted Resolution 181: a plan", {}},
        Case{"", "based on resolution 194. Ladies", {}},
        Case{"",
             "The Security Council, in its unanimously adopted resolution 1267 of 15 October 1999, "
             "explicitly",
             {"S/RES/1267(1999)"}},
        Case{"", "The Security Council must respect General Assembly resolution 181 and", {}},
        Case{"",
             "the Security Council should act on the refugees, based on resolution 194. Ladies",
             {}},
        Case{"", "resolution 984 in 1995", {}},  // bare numbers only when the Council is named
        Case{"", "resolution 2482 (2019) A new approach", {"S/RES/2482(2019)"}},
        Case{"", "resolution 31/16 A new approach", {"A/RES/31/16"}}));

TEST(FindResolutions, NumberFieldAndOffsets) {
    std::string text = "as the Security Council resolution 2482 (2019) requires";
    auto v = find_resolutions(text, CitationContext{});
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].number, "2482(2019)");
    EXPECT_EQ(v[0].ref.body, "S");
    EXPECT_FALSE(v[0].ref.decision);
    EXPECT_EQ(text.substr(v[0].begin, v[0].end - v[0].begin), "resolution 2482 (2019)");

    auto old = find_resolutions("resolution 3379 (XXX)", CitationContext{});
    ASSERT_EQ(old.size(), 1u);
    EXPECT_EQ(old[0].number, "3379(XXX)");
    EXPECT_EQ(old[0].ref.body, "A");

    auto conf =
        find_resolutions("Conference resolutions 8/2 and 9/1", CitationContext{"CTOC/COP", "en"});
    ASSERT_EQ(conf.size(), 2u);
    EXPECT_EQ(conf[1].number, "9/1");
    EXPECT_EQ(conf[1].ref.body, "CTOC/COP");
}

// The records of the General Assembly print the number in a bracket later in the clause.
TEST(FindResolutions, BracketLaterInTheClause) {
    auto ids = [](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& m : find_resolutions(text, CitationContext{"A", "en"}))
            out.push_back(m.ref.id);
        return out;
    };
    EXPECT_EQ(ids("the resolutions on general and complete disarmament [1884 (XVIII) and 1908 "
                  "(XVIII)], the Declaration"),
              (std::vector<std::string>{"A/RES/1884(XVIII)", "A/RES/1908(XVIII)"}));
    EXPECT_EQ(ids("the Security Council resolution of 22 November 1967 [242 (1967)] which"),
              (std::vector<std::string>{"S/RES/242(1967)"}));
    // Not past the end of the clause, and not a bracket of page or paragraph numbers.
    EXPECT_TRUE(ids("the resolution was adopted. [12 (XV)]").empty());
    EXPECT_TRUE(ids("the resolution on outer space [A/5181, para. 12]").empty());
}

// Russian writes a resolution's part with the Cyrillic capital that looks like the Latin one.
TEST(FindResolutions, CyrillicPartLetters) {
    auto v = find_resolutions("Принята и провозглашена резолюцией 217 \xD0\x90 (III) Генеральной",
                              CitationContext{"A", "ru"});
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].ref.id, "A/RES/217A(III)");
    // The preposition "В" starting the next sentence is not a part.
    auto w = find_resolutions("резолюция 65/1 \xD0\x92 этой связи", CitationContext{"A", "ru"});
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].ref.id, "A/RES/65/1");
}

TEST(FindResolutions, PinpointAndDateTailBelongToTheCitation) {
    std::string text = "resolution 73/195 of 19 December 2018, annex";
    auto v = find_resolutions(text, CitationContext{});
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(text.substr(v[0].begin, v[0].end - v[0].begin),
              "resolution 73/195 of 19 December 2018");
}

struct ParseCase {
    std::string text;
    std::string id;
    std::string body;
    std::string number;
    bool decision;
};

class ParseResolutionTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseResolutionTest, Parses) {
    const auto& c = GetParam();
    auto m = parse_resolution(c.text);
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->ref.id, c.id);
    EXPECT_EQ(m->ref.body, c.body);
    EXPECT_EQ(m->number, c.number);
    EXPECT_EQ(m->ref.decision, c.decision);
}

INSTANTIATE_TEST_SUITE_P(
    Queries, ParseResolutionTest,
    ::testing::Values(
        ParseCase{"A/RES/73/195", "A/RES/73/195", "A", "73/195", false},
        ParseCase{"a/res/73/195", "A/RES/73/195", "A", "73/195", false},
        ParseCase{" S/RES/2482 (2019) ", "S/RES/2482(2019)", "S", "2482(2019)", false},
        ParseCase{"A/HRC/RES/40/1", "A/HRC/RES/40/1", "A/HRC", "40/1", false},
        ParseCase{"A/HRC/DEC/14/105", "A/HRC/DEC/14/105", "A/HRC", "14/105", true},
        ParseCase{"resolution 2482 (2019)", "S/RES/2482(2019)", "S", "2482(2019)", false},
        ParseCase{"General Assembly resolution 73/195", "A/RES/73/195", "A", "73/195", false},
        ParseCase{"decision 73/546", "A/DEC/73/546", "A", "73/546", true},
        ParseCase{"73/195", "", "", "73/195", false},
        ParseCase{"2482 (2019)", "", "", "2482(2019)", false},
        ParseCase{"3379 (XXX)", "", "", "3379(XXX)", false},
        ParseCase{"40/1", "", "", "40/1", false}));

TEST(ParseResolution, RejectsNonResolutions) {
    for (std::string_view s :
         {"", "  ", "A/75/115", "hello", "12/10/2020", "resolution", "draft resolution 73/195",
          "resolutions 73/195 and 74/176", "73/195 extra"}) {
        EXPECT_FALSE(parse_resolution(s).has_value()) << s;
    }
}

TEST(FindResolutions, NeverCrashesOnOddInput) {
    for (std::string_view s : {"resolution", "resolution ", "resolution 1", "resolution 1/",
                               "resolution 1 (", "resolution 1 \\(20", "resolutions 1 A and",
                               "resolution 3411 A to", "\xE7\xAC\xAC", "\xE5\x8F\xB7\xE5\x86\xB3",
                               "\xD9\x82\xD8\xB1\xD8\xA7\xD8\xB1 ", "decision S-", "A/RES/"}) {
        for (const auto& m : find_resolutions(s, CitationContext{"A", "en"})) {
            EXPECT_LE(m.begin, m.end);
            EXPECT_LE(m.end, s.size());
        }
    }
}

// Real sentences from corpus-real (General Debate speeches and UPR reports).
INSTANTIATE_TEST_SUITE_P(
    Real, FindResolutionsTest,
    ::testing::Values(
        Case{"A",
             "It was the Security Council [resolution 132 (1959)], on which",
             {"S/RES/132(1959)"}},
        Case{"A",
             "by the General Assembly [resolution 2574 A (XXIV)] on a possible",
             {"A/RES/2574A(XXIV)"}},
        Case{"A",
             "the magna carta on decolonization [resolution 1514 (XV)] and in the",
             {"A/RES/1514(XV)"}},
        Case{"A",
             "adopted by the Economic and Social Council [resolution 583 A (XX)], and we",
             {"E/RES/583A(XX)"}},
        Case{"A", "on the basis of decision 69/560, which was", {"A/DEC/69/560 D"}},
        Case{"A",
             "the 2030 Agenda for Sustainable Development (resolution 70/1). I believe",
             {"A/RES/70/1"}},
        Case{"A",
             "the General Assembly adopted resolution 49/75 B of 15 December 1994, in which",
             {"A/RES/49/75B"}},
        Case{"A/HRC",
             "Assembly resolutions 64/81 of 7 December 2009 and 64/174 of 18 December 2009, and "
             "Council",
             {"A/RES/64/81", "A/RES/64/174"}},
        Case{"A/HRC",
             "including Commission resolutions 1998/24 of 17 April 1998, 1999/22 of 23 April 1999 "
             "and "
             "2005/19 of 14 April 2005, and the Commission on Human Rights",
             {"E/CN.4/RES/1998/24", "E/CN.4/RES/1999/22", "E/CN.4/RES/2005/19"}},
        Case{"A",
             "reaffirming their security assurances made in the Security Council resolution 984 in "
             "1995. At",
             {"S/RES/984(1995)"}},
        Case{"A",
             "implement the provisions of United Nations Security Council resolution 1540, "
             "co-sponsored by "
             "the Russian Federation in 2004. This resolution creates",
             {"S/RES/1540(2004)"}},
        Case{"A/HRC",
             "annexed to General Assembly resolution S-24/2, adopted on 1 July 2000",
             {"A/RES/S-24/2"}}));

// The body named with the resolution, in six languages. Sentences from real documents: a UPR
// compilation (A/HRC/WG.6/7/SVN/2), the UN Parallel Corpus development set (its line number),
// UN flagship reports; the Commission on Human Rights in each language's official wording
// ("résolution 2003/52 de la Commission des droits de l'homme"), as UN-DOMAIN.md gives it.
INSTANTIATE_TEST_SUITE_P(
    NamedBody, FindResolutionsTest,
    ::testing::Values(
        // The Commission numbered by Roman session until 1978: its, not the Assembly's.
        Case{"A/HRC",
             "Recalling Commission on Human Rights resolution 20 (XXXVI) of 29 February 1980, in "
             "which the Commission established the Working Group",
             {"E/CN.4/RES/20(XXXVI)"}},
        Case{
            "", "Commission on Human Rights resolution 1503 (XLVIII)", {"E/CN.4/RES/1503(XLVIII)"}},
        // ... but a Roman session named away from the number stays the Assembly's.
        Case{"",
             "The Commission on Human Rights met while the Assembly, in resolution 3379 (XXX), "
             "determined",
             {"A/RES/3379(XXX)"}},
        Case{"",
             "r\u00e9solution 2003/52 de la Commission des droits de l'homme",
             {"E/CN.4/RES/2003/52"}},
        Case{"",
             "r\u00e9solution 2003/52 de la Commission des droits de l\u2019homme",
             {"E/CN.4/RES/2003/52"}},
        Case{"",
             "resoluci\u00f3n 2003/52 de la Comisi\u00f3n de Derechos Humanos",
             {"E/CN.4/RES/2003/52"}},
        Case{
            "",
            "\u0440\u0435\u0437\u043e\u043b\u044e\u0446\u0438\u044f 2003/52 "
            "\u041a\u043e\u043c\u0438\u0441\u0441\u0438\u0438 \u043f\u043e "
            "\u043f\u0440\u0430\u0432\u0430\u043c \u0447\u0435\u043b\u043e\u0432\u0435\u043a\u0430",
            {"E/CN.4/RES/2003/52"}},
        // "Комиссия по правам человека в своей резолюции": the Commission, not the Council
        // whose name ends in the same words.
        Case{
            "A/HRC",
            "\u041a\u043e\u043c\u0438\u0441\u0441\u0438\u044f \u043f\u043e "
            "\u043f\u0440\u0430\u0432\u0430\u043c \u0447\u0435\u043b\u043e\u0432\u0435\u043a\u0430 "
            "\u0432 \u0441\u0432\u043e\u0435\u0439 "
            "\u0440\u0435\u0437\u043e\u043b\u044e\u0446\u0438\u0438 "
            "2005/66",
            {"E/CN.4/RES/2005/66"}},
        Case{"",
             "\u4eba\u6743\u59d4\u5458\u4f1a\u7b2c2003/52\u53f7\u51b3\u8bae",
             {"E/CN.4/RES/2003/52"}},
        Case{"",
             "\u0642\u0631\u0627\u0631 \u0644\u062c\u0646\u0629 \u062d\u0642\u0648\u0642 "
             "\u0627\u0644\u0625\u0646\u0633\u0627\u0646 2003/52",
             {"E/CN.4/RES/2003/52"}},
        Case{"", "Economic and Social Council resolution 1996/31", {"E/RES/1996/31"}},
        Case{"", "Human Rights Council resolution 5/1", {"A/HRC/RES/5/1"}},
        Case{"", "Security Council resolution 1325 (2000)", {"S/RES/1325(2000)"}},
        // Decisions of the Conferences of the Parties carry their body in their number.
        Case{"",
             "Change, 2011, decision 1/CP.16, sect. II) stresses that adaptation",
             {"FCCC/CP/DEC/1/CP.16 D"}},
        Case{"A", "decision 1/CP.16, para. 98). In comparison", {"FCCC/CP/DEC/1/CP.16 D"}},
        Case{"",
             "UNCCD (2008). Decision 3/COP.8 of the Eighth Meeting of the Conference",
             {"ICCD/COP/DEC/3/COP.8 D"}},
        Case{"",
             "decisions 1/CMP.1 and 1/CMA.3",
             {"FCCC/KP/CMP/DEC/1/CMP.1 D", "FCCC/PA/CMA/DEC/1/CMA.3 D"}},
        Case{"", "d\u00e9cision 1/CP.21", {"FCCC/CP/DEC/1/CP.21 D"}},
        Case{"", "\u7b2c1/CP.21\u53f7\u51b3\u5b9a", {"FCCC/CP/DEC/1/CP.21 D"}},
        // Not one: "1/CPX", a date-like "1/CP.21/2".
        Case{"", "decision 1/CPX.21", {}},
        // A regional commission's resolution, in four languages (UNPC devset, line 662).
        Case{"",
             "1. Prend note de la r\u00e9solution 689 (XXXV) de la Commission \u00e9conomique pour "
             "l'Am\u00e9rique latine et les Cara\u00efbes, en date du 9 mai 2014",
             {}},
        Case{
            "",
            "1. Toma nota de la resoluci\u00f3n 689 (XXXV) de la Comisi\u00f3n Econ\u00f3mica para "
            "Am\u00e9rica Latina y el Caribe, de 9 de mayo de 2014",
            {}},
        Case{"",
             "1. \u043f\u0440\u0438\u043d\u0438\u043c\u0430\u0435\u0442 \u043a "
             "\u0441\u0432\u0435\u0434\u0435\u043d\u0438\u044e "
             "\u0440\u0435\u0437\u043e\u043b\u044e\u0446\u0438\u044e 689 (XXXV) "
             "\u042d\u043a\u043e\u043d\u043e\u043c\u0438\u0447\u0435\u0441\u043a\u043e\u0439 "
             "\u043a\u043e\u043c\u0438\u0441\u0441\u0438\u0438 \u0434\u043b\u044f",
             {}},
        Case{"",
             "1. \u8868\u793a\u6ce8\u610f\u5230\u62c9\u4e01\u7f8e\u6d32\u548c\u52a0\u52d2\u6bd4"
             "\u7ecf\u6d4e\u59d4\u5458\u4f1a2014\u5e745\u67089\u65e5\u7b2c689(XXXV)"
             "\u53f7\u51b3\u8bae",
             {}},
        // Arabic "in its resolution" (قراره): the subject named before (line 685).
        Case{"",
             "\u0648\u0642\u062f \u0648\u0627\u0641\u0642 \u0627\u0644\u0645\u062c\u0644\u0633 "
             "\u0627\u0644\u0627\u0642\u062a\u0635\u0627\u062f\u064a "
             "\u0648\u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639\u064a "
             "\u0631\u0633\u0645\u064a\u064b\u0651\u0627 \u0639\u0644\u0649 \u062a\u0644\u0643 "
             "\u0627\u0644\u0648\u0638\u0627\u0626\u0641 \u0641\u064a "
             "\u0642\u0631\u0627\u0631\u0647 "
             "1576 (\u062f-50)",
             {"E/RES/1576(L)"}},
        // Arabic: a Security Council number without its year, the Council named with up to
        // seven words (lines 3758, 3926); not a decimal, not with no body named.
        Case{"",
             "\u0648\u0641\u0642\u0627 \u0644\u0642\u0631\u0627\u0631 \u0645\u062c\u0644\u0633 "
             "\u0627\u0644\u0623\u0645\u0646 \u0627\u0644\u062a\u0627\u0628\u0639 "
             "\u0644\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629 "
             "\u0631\u0642\u0645 1325\u060c \u0627\u0644\u0630\u064a \u064a\u063a\u0637\u064a",
             {"S/RES/1325(2000)"}},
        Case{"",
             "\u0641\u064a \u0633\u064a\u0627\u0642 \u0642\u0631\u0627\u0631 "
             "\u0645\u062c\u0644\u0633 \u0627\u0644\u0623\u0645\u0646 "
             "\u0627\u0644\u062a\u0627\u0628\u0639 \u0644\u0644\u0623\u0645\u0645 "
             "\u0627\u0644\u0645\u062a\u062d\u062f\u0629 1325 "
             "\u0648\u0627\u0644\u0642\u0631\u0627\u0631\u0627\u062a "
             "\u0627\u0644\u0644\u0627\u062d\u0642\u0629",
             {"S/RES/1325(2000)"}},
        Case{"",
             "\u0642\u0631\u0627\u0631 \u0645\u062c\u0644\u0633 \u0627\u0644\u0623\u0645\u0646 "
             "\u0627\u0644\u062a\u0627\u0628\u0639 \u0644\u0644\u0623\u0645\u0645 "
             "\u0627\u0644\u0645\u062a\u062d\u062f\u0629 1325.5",
             {}},
        Case{"",
             "\u0627\u0644\u0642\u0631\u0627\u0631 \u0631\u0642\u0645 \u0648\u0627\u062d\u062f "
             "\u0627\u062b\u0646\u0627\u0646 \u062b\u0644\u0627\u062b\u0629 "
             "\u0623\u0631\u0628\u0639\u0629 \u062e\u0645\u0633\u0629 \u0633\u062a\u0629 1325",
             {}},
        // Chinese: a full-width parenthesis (line 375); a Governing Council decision (line 982).
        Case{"",
             "\u75312014\u5e746\u670825\u65e5\u7b2c2164\uff082014)"
             "\u53f7\u51b3\u8bae\u5ef6\u957f",
             {"S/RES/2164(2014)"}},
        Case{"",
             "\u6309\u7167\u7406\u4e8b\u4f1a\u7b2c267(2009)\u53f7\u51b3\u5b9a\u7684\u89c4\u5b9a",
             {}}));

// Over every General Debate speech, paragraph by paragraph as the indexer calls it.
// (Throughput is measured by bench/stages_bench, not here.)
TEST(FindResolutions, FindsCitationsAcrossAllSpeeches) {
    if (!std::filesystem::is_directory(testing::speeches_dir()))
        GTEST_SKIP() << "corpus-real/ungdc not found under " << PLENARY_SHARED_DIR;
    std::size_t found = 0;
    CitationContext ctx{"A", "en"};
    const std::size_t bytes = testing::for_each_speech([&](const std::string& text) {
        std::size_t p = 0;
        while (p < text.size()) {
            std::size_t q = text.find("\n\n", p);
            if (q == std::string::npos) q = text.size();
            found += find_resolutions(std::string_view(text).substr(p, q - p), ctx).size();
            p = q + 2;
        }
    });
    ASSERT_GT(bytes, 0u);
    EXPECT_GT(found, 1500u);
}

}  // namespace
}  // namespace plenary
