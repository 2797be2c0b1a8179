#include "base/text_util.h"

#include <gtest/gtest.h>

#include <string>

#include "base/fold_rules.h"

namespace plenary {
namespace {

struct FoldCase {
    std::string input;
    std::string expected;
};

class FoldTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, FoldsCaseDiacriticsAndPunctuation) {
    EXPECT_EQ(fold(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Table, FoldTest,
                         ::testing::Values(FoldCase{"Côte d’Ivoire", "cote d'ivoire"},
                                           FoldCase{"Cote d'Ivoire", "cote d'ivoire"},
                                           FoldCase{"TÜRKIYE", "turkiye"},
                                           FoldCase{"Curaçao", "curacao"},
                                           FoldCase{"Résolution 73/195", "resolution 73/195"},
                                           FoldCase{"Москва", "москва"},
                                           FoldCase{"12–16 October", "12-16 october"},
                                           FoldCase{"ﬁnance", "finance"},
                                           FoldCase{"Straße", "strasse"}, FoldCase{"", ""}));

TEST(Utf8Test, ValidTextPasses) {
    EXPECT_TRUE(check_utf8("plain ascii"));
    EXPECT_TRUE(check_utf8("Côte d’Ivoire 中文 العربية"));
}

TEST(Utf8Test, InvalidByteIsLocatedByLineAndOffset) {
    Utf8Problem p;
    EXPECT_FALSE(check_utf8("one\ntwo\nth\xffree", &p));
    EXPECT_EQ(p.line, 3);
    EXPECT_EQ(p.offset, 10u);
}

TEST(Utf8Test, OverlongAndSurrogatesAreInvalid) {
    EXPECT_FALSE(check_utf8("\xC0\xAF"));
    EXPECT_FALSE(check_utf8("\xED\xA0\x80"));
    EXPECT_FALSE(check_utf8("truncated \xE2\x82"));
}

TEST(NewlinesTest, BomCrlfAndFormFeeds) {
    EXPECT_EQ(normalise_newlines("\xEF\xBB\xBFone\r\ntwo\rthree\ffour"), "one\ntwo\nthree\f\nfour");
}

TEST(NewlinesTest, LineEndsAtEitherEndAndInRuns) {
    EXPECT_EQ(normalise_newlines(""), "");
    EXPECT_EQ(normalise_newlines("\r"), "\n");
    EXPECT_EQ(normalise_newlines("\r\n\r\n"), "\n\n");
    EXPECT_EQ(normalise_newlines("\n\r\r\nend\r"), "\n\n\nend\n");
    EXPECT_EQ(normalise_newlines("\f\f"), "\f\n\f\n");
    EXPECT_EQ(normalise_newlines("no line end"), "no line end");
}

TEST(BinaryTest, NulMeansBinary) {
    EXPECT_TRUE(looks_binary(std::string("%PDF\0\x01", 6)));
    EXPECT_FALSE(looks_binary("An ordinary line of text.\n"));
}

TEST(SpacesTest, TrimAndCollapse) {
    EXPECT_EQ(trim("  \t a b \xC2\xA0"), "a b");
    EXPECT_EQ(collapse_spaces(" a \n\n b\tc "), "a b c");
    EXPECT_EQ(code_point_count("Côte"), 4u);
}

}  // namespace
}  // namespace plenary

namespace plenary {
namespace {
// fold() reads a table generated at build time; it must say what ICU says, code point by code
// point.
TEST(FoldTable, AgreesWithIcuOnEveryBmpCodePoint) {
    std::size_t checked = 0, differing = 0;
    for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string s;
        append_utf8(s, cp);
        const std::string want = fold_code_point_icu(cp);
        if (fold(s) != want && ++differing <= 5)
            ADD_FAILURE() << "U+" << std::hex << static_cast<unsigned>(cp);
        ++checked;
    }
    EXPECT_EQ(differing, 0u);
    EXPECT_EQ(checked, 0x10000u - 0x80u - 0x800u);
    EXPECT_EQ(fold("\xC3\x89"
                   "cole"),
              "ecole");  // a change of the rule shows here too
}

// The documented rules on examples written by hand, not by the ICU function the table comes
// from: compatibility forms, case folding, marks removed, typographic punctuation made ASCII.
TEST(FoldRules, HandWrittenExamples) {
    const std::pair<const char*, const char*> rows[] = {
        {"\uFB01nance", "finance"},     // ligature fi
        {"\uFF21\uFF22\uFF23", "abc"},  // full-width letters
        {"\u0130stanbul", "istanbul"},  // capital I with dot above
        {"\u039F\u03A3\u039F\u03A3\u03C2",
         "\u03BF\u03C3\u03BF\u03C3\u03C3"},            // Greek sigma, final sigma too
        {"Stra\u00DFe", "strasse"},                    // sharp s
        {"\u0152uvre", "oeuvre"},                      // ligature OE
        {"C\u00F4te d\u2019Ivoire", "cote d'ivoire"},  // circumflex, typographic apostrophe
        {"a\u3000b", "a b"},                           // ideographic space
        {"1990\u20132000", "1990-2000"},               // en dash
        {"m\u00B2", "m2"},                             // superscript two
        {"\u00C5ngstr\u00F6m", "angstrom"},            // ring and diaeresis
        {"\u0141\u00F3d\u017A", "lodz"},               // stroke (no decomposition) and acute
        {"\u0419\u041E\u0413", "\u0439\u043E\u0433"},  // Russian short i stays a letter of its own
    };
    for (const auto& [in, want] : rows) EXPECT_EQ(fold(in), want) << in;
}

}  // namespace
}  // namespace plenary
