// Charter references: Articles and Chapters of the Charter in six languages, and not another
// charter's or a report's own chapters.
#include "refs/charter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plenary {
namespace {

std::vector<std::string> ids(std::string_view text, std::string_view lang) {
    std::vector<std::string> out;
    for (const auto& m : find_charter_refs(text, lang)) out.push_back(m.id);
    return out;
}

using Ids = std::vector<std::string>;

struct CharterCase {
    const char* lang;
    const char* text;
    Ids expected;
};

class CharterRefs : public ::testing::TestWithParam<CharterCase> {};

TEST_P(CharterRefs, AreFoundAsCited) {
    EXPECT_EQ(ids(GetParam().text, GetParam().lang), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    SixLanguages, CharterRefs,
    ::testing::Values(
        CharterCase{
            "en", "the inherent right of self-defence under Article 51 of the Charter.", {"art51"}},
        CharterCase{"en",
                    "Article 2, paragraph 4, of the Charter of the United Nations",
                    {"art2", "art2-4"}},
        CharterCase{
            "en", "contrary to Article 2 (4) of the United Nations Charter", {"art2", "art2-4"}},
        CharterCase{"en", "Articles 55 and 56 of the Charter", {"art55", "art56"}},
        CharterCase{"en", "Article 51 of the UN Charter", {"art51"}},
        CharterCase{
            "en", "Acting under Chapter VII of the Charter of the United Nations,", {"ch7"}},
        CharterCase{"en", "the Council, acting under Chapter VII, decides", {"ch7"}},
        CharterCase{"en", "Chapters VI and VII of the Charter", {"ch6", "ch7"}},
        CharterCase{
            "en", "Articles 41 and 42 of Chapter VII of the Charter", {"ch7", "art41", "art42"}},
        CharterCase{
            "fr", "les Articles 41 et 42 du Chapitre VII de la Charte", {"ch7", "art41", "art42"}},
        CharterCase{"en", "as described under chapter VII of the present report", {}},
        CharterCase{"en", "article 5 of the Convention against Torture", {}},
        CharterCase{"en", "Article 3 of the African Charter on Human and Peoples' Rights", {}},
        CharterCase{"en", "Article 3 of the Charter of the Organization of American States", {}},
        CharterCase{"en", "Article 51 allows it; the Charter is clear.", {}},
        CharterCase{"fr", "l'Article 51 de la Charte des Nations Unies", {"art51"}},
        CharterCase{"fr", "l’article 2, paragraphe 4, de la Charte", {"art2", "art2-4"}},
        CharterCase{"fr", "Agissant en vertu du Chapitre VII de la Charte,", {"ch7"}},
        CharterCase{"fr", "l'article 4 de la Charte africaine des droits de l'homme", {}},
        CharterCase{"fr", "le Chapitre premier de la Charte", {"ch1"}},
        CharterCase{"es", "el Artículo 51 de la Carta de las Naciones Unidas", {"art51"}},
        CharterCase{"es", "Actuando en virtud del Capítulo VII de la Carta,", {"ch7"}},
        CharterCase{"es", "el artículo 3 de la Carta Democrática Interamericana", {}},
        CharterCase{
            "ru", "в соответствии со статьей 51 Устава Организации Объединенных Наций", {"art51"}},
        CharterCase{"ru", "нарушение пункта 4 статьи 2 Устава", {"art2", "art2-4"}},
        CharterCase{"ru", "действуя на основании главы VII Устава", {"ch7"}},
        CharterCase{"ru", "в соответствии с главой VII,", {"ch7"}},
        CharterCase{"ru", "статьи 5 Устава Африканского союза", {}},
        CharterCase{"ar", "المادة 51 من ميثاق الأمم المتحدة", {"art51"}},
        CharterCase{"ar", "الفقرة 4 من المادة 2 من الميثاق", {"art2", "art2-4"}},
        CharterCase{"ar", "وإذ يتصرف بموجب الفصل السابع من الميثاق،", {"ch7"}},
        CharterCase{"ar", "الفصل الحادي عشر من الميثاق", {"ch11"}},
        CharterCase{"zh", "根据《联合国宪章》第五十一条", {"art51"}},
        CharterCase{"zh", "违反宪章第二条第四款", {"art2", "art2-4"}},
        CharterCase{"zh", "根据《联合国宪章》第七章采取行动", {"ch7"}},
        CharterCase{"zh", "宪章第五十五条和第五十六条", {"art55", "art56"}},
        CharterCase{"zh", "非洲人权和民族权宪章第五条", {}}));

TEST(CharterRefs, LabelsForPeople) {
    EXPECT_EQ(charter_label("art51"), "Article 51");
    EXPECT_EQ(charter_label("art2-4"), "Article 2(4)");
    EXPECT_EQ(charter_label("ch7"), "Chapter VII");
    EXPECT_EQ(charter_label("ch19"), "Chapter XIX");
    EXPECT_EQ(charter_label("ch10"), "Chapter X");
    EXPECT_EQ(charter_label("ch99"), "ch99");
    EXPECT_EQ(charter_label("chx"), "chx");
    EXPECT_EQ(charter_label("other"), "other");
}

TEST(CharterRefs, SpanCoversTheCitation) {
    const std::string text = "under Article 51 of the Charter.";
    const auto found = find_charter_refs(text, "en");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin),
              "Article 51 of the Charter");
}

TEST(CharterRefs, OwnTextGivesArticleParagraphAndChapter) {
    Paragraph p;
    p.anchor = "art2";
    p.number = "4";
    p.headings = {"CHAPTER I: PURPOSES AND PRINCIPLES", "Article 2"};
    EXPECT_EQ(charter_refs_of_own_text(p), (Ids{"art2", "art2-4", "ch1"}));
    p.headings = {"第七章：对于和平之威胁、和平之破坏及侵略行为之应付办法", "第五十一条"};
    p.anchor = "art51";
    p.number = "";
    EXPECT_EQ(charter_refs_of_own_text(p), (Ids{"art51", "ch7"}));
    p.anchor = "";
    EXPECT_TRUE(charter_refs_of_own_text(p).empty());
}

TEST(CharterRefs, HostileTextEndsQuickly) {
    std::string text = "Article 1";
    for (int i = 0; i < 40000; ++i) text += " and 2";
    text += " of the Charter";
    const auto found = find_charter_refs(text, "en");
    EXPECT_EQ(found.size(), 2u);
    EXPECT_TRUE(find_charter_refs(std::string(100000, '('), "en").empty());
    EXPECT_TRUE(find_charter_refs("宪章第", "zh").empty());
    EXPECT_TRUE(find_charter_refs("宪章第\xe4", "zh").empty());
}

}  // namespace
}  // namespace plenary
