// Language identification, per-language analysis (folding, Arabic normalisation, Chinese
// segmentation) and references cited in the six languages.
#include "analyzer.h"
#include "language.h"
#include "references.h"
#include "text_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace plenary;

namespace {

const fs::path kShared = PLENARY_SHARED_DIR;

struct DetectRow {
    const char* text;
    const char* expected;
};

class DetectLanguage : public ::testing::TestWithParam<DetectRow> {};

TEST_P(DetectLanguage, Row) { EXPECT_EQ(detect_language(GetParam().text), GetParam().expected) << GetParam().text; }

INSTANTIATE_TEST_SUITE_P(
    Rows, DetectLanguage,
    ::testing::Values(
        DetectRow{"The General Assembly adopted the resolution without a vote.", "en"},
        DetectRow{"L'Assemblée générale a adopté la résolution sans la mettre aux voix.", "fr"},
        DetectRow{"La Asamblea General aprobó la resolución sin votación.", "es"},
        DetectRow{"Генеральная Ассамблея приняла резолюцию без голосования.", "ru"},
        DetectRow{"اعتمدت الجمعية العامة القرار دون تصويت.", "ar"},
        DetectRow{"大会未经表决通过了该决议。", "zh"},
        // Mixed: a Chinese paragraph naming an English title keeps Chinese.
        DetectRow{"大会注意到秘书长题为 World Economic Situation 的报告。", "zh"},
        // A French paragraph quoting an English phrase keeps French.
        DetectRow{"Le Conseil a pris note du rapport intitulé « Our Common Agenda » et des recommandations "
                  "qui y figurent, ainsi que de la déclaration du Président.",
                  "fr"},
        DetectRow{"12 345 / 2020", ""}, DetectRow{"", ""}));

std::vector<std::string> lines_of(const fs::path& p) {
    const std::string text = read_file(p.string());
    std::vector<std::string> out;
    for (auto l : split_lines(text)) out.emplace_back(l);
    return out;
}

TEST(DetectLanguage, UnpcDevSetBlocksOfFiveLines) {
    const fs::path dir = kShared / "corpus-real" / "unpc-v1-devset";
    if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (the shared corpus is absent)";
    for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh"}) {
        const auto lines = lines_of(dir / (std::string("UNv1.0.devset.") + lang));
        ASSERT_GE(lines.size(), 1000u) << lang;
        std::size_t blocks = 0, right = 0;
        std::string first_wrong;
        for (std::size_t i = 0; i + 5 <= lines.size(); i += 5) {
            std::string block;
            for (std::size_t k = i; k < i + 5; ++k) block += lines[k] + "\n";
            ++blocks;
            const std::string got = detect_language(block);
            if (got == lang)
                ++right;
            else if (first_wrong.empty())
                first_wrong = got + ": " + block;
        }
        EXPECT_GE(static_cast<double>(right) / static_cast<double>(blocks), 0.99)
            << lang << ": " << right << "/" << blocks << "; first wrong: " << first_wrong;
    }
}

TEST(DetectLanguage, CharterAndUdhrFilesWhole) {
    const fs::path charter = kShared / "corpus-real" / "un-charter" / "raw";
    const fs::path udhr = kShared / "corpus-real" / "udhr" / "txt";
    if (!fs::exists(charter) || !fs::exists(udhr)) GTEST_SKIP() << "the shared corpus is absent";
    for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh"})
        EXPECT_EQ(detect_language(read_file((charter / (std::string("raw_un_charter_") + lang + ".txt")).string())),
                  lang);
    const std::pair<const char*, const char*> udhr_files[] = {
        {"udhr_arb.txt", "ar"}, {"udhr_cmn_hans.txt", "zh"}, {"udhr_cmn_hant.txt", "zh"}, {"udhr_eng.txt", "en"},
        {"udhr_fra.txt", "fr"}, {"udhr_rus.txt", "ru"},      {"udhr_spa.txt", "es"}};
    for (const auto& [file, lang] : udhr_files)
        EXPECT_EQ(detect_language(read_file((udhr / file).string())), lang) << file;
}

TEST(ScriptLanguage, QueriesByScript) {
    EXPECT_EQ(script_language("联合国宪章"), "zh");
    EXPECT_EQ(script_language("الأمم المتحدة"), "ar");
    EXPECT_EQ(script_language("Генеральной Ассамблеи"), "ru");
    EXPECT_EQ(script_language("self-defence"), "");
    EXPECT_EQ(script_language("légitime défense"), "");
    EXPECT_EQ(script_language("resolution 73/195"), "");
}

}  // namespace
