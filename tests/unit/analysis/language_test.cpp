// Language identification, per-language analysis (folding, Arabic normalisation, Chinese
// segmentation) and references cited in the six languages.
#include "analysis/language.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"
#include "refs/references.h"

namespace fs = std::filesystem;
using namespace plenary;

namespace {

const fs::path kShared = PLENARY_SHARED_DIR;

struct DetectRow {
    const char* text;
    const char* expected;
};

class DetectLanguage : public ::testing::TestWithParam<DetectRow> {};

TEST_P(DetectLanguage, Row) {
    EXPECT_EQ(detect_language(GetParam().text), GetParam().expected) << GetParam().text;
}

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
        DetectRow{"Le Conseil a pris note du rapport intitulé « Our Common Agenda » et des "
                  "recommandations "
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
        EXPECT_EQ(detect_language(read_file(
                      (charter / (std::string("raw_un_charter_") + lang + ".txt")).string())),
                  lang);
    const std::pair<const char*, const char*> udhr_files[] = {
        {"udhr_arb.txt", "ar"}, {"udhr_cmn_hans.txt", "zh"}, {"udhr_cmn_hant.txt", "zh"},
        {"udhr_eng.txt", "en"}, {"udhr_fra.txt", "fr"},      {"udhr_rus.txt", "ru"},
        {"udhr_spa.txt", "es"}};
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

namespace {

// ---- Analysis -------------------------------------------------------------------------

TEST(FoldTerms, ArabicWithAndWithoutDiacriticsAreOneTerm) {
    const std::pair<const char*, const char*> rows[] = {
        {"القَرَارُ", "القرار"},                 // harakat
        {"الأُمَم المُتَّحِدَة", "الامم المتحده"},   // hamza on alef, shadda, ta marbuta
        {"إلى", "الي"},                       // alef with hamza below, alef maqsura
        {"آمن", "امن"},                       // alef with madda
        {"ٱلسلام", "السلام"},                 // alef wasla
        {"الجمعيـــة", "الجمعيه"},            // tatweel
        {"القرار ٧٣/١٩٥", "القرار 73/195"}};  // Arabic-Indic digits
    for (const auto& [written, plain] : rows) {
        EXPECT_EQ(fold_terms(written), fold_terms(plain)) << written;
        EXPECT_EQ(fold_terms(plain).find("\xD8\xA9"), std::string::npos)
            << plain;  // no ta marbuta left
    }
}

TEST(FoldTerms, LatinCyrillicAndCompatibilityForms) {
    const std::pair<const char*, const char*> rows[] = {
        {"Côte d’Ivoire", "cote d'ivoire"},
        {"CÔTE D'IVOIRE", "cote d'ivoire"},
        {"Генеральной Ассамблеи", "генеральной ассамблеи"},  // й stays a letter of its own
        {"Ёлка", "елка"},
        {"ﬁnance", "finance"},       // ligature (NFKC)
        {"７３／１９５", "73/195"},  // full-width forms (NFKC)
        {"Straße", "strasse"}};
    for (const auto& [in, expected] : rows) EXPECT_EQ(fold_terms(in), expected) << in;
}

TEST(SegmentCjk, ChineseWordsBecomeSpaceSeparatedTerms) {
    const std::string seg = segment_cjk("联合国宪章");
    // ICU's dictionary splits it into words, not into single ideographs nor one block.
    std::vector<std::string> words;
    std::string w;
    for (char c : seg + " ") {
        if (c == ' ') {
            if (!w.empty()) words.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    ASSERT_GE(words.size(), 2u) << seg;
    EXPECT_LT(words.size(), 5u) << seg;
    std::string joined;
    for (const auto& x : words) joined += x;
    EXPECT_EQ(joined, "联合国宪章");
    // Numbers, symbols and Latin words between Han runs are left whole.
    const std::string cited = prepare_terms("第７３/１９５号决议和A/RES/73/195");
    EXPECT_NE(cited.find(" 73/195 "), std::string::npos) << cited;
    EXPECT_NE(cited.find("a/res/73/195"), std::string::npos) << cited;
    // An ideographic space is a space.
    EXPECT_EQ(prepare_terms("\u3000\u3000").find_first_not_of(' '), std::string::npos);
    // Text without Han is returned as fold_terms() gives it.
    EXPECT_EQ(prepare_terms("Self-Defence"), "self-defence");
}

TEST(SplitWordEndings, PossessivesFootnoteMarksAndSuperscripts) {
    const std::pair<const char*, const char*> rows[] = {
        {"Security Council’s agenda", "Security Council agenda"},
        {"the Council's, the Assembly`s", "the Council, the Assembly"},
        {"ARMS TRADE TREATY’S", "ARMS TRADE TREATY"},
        {"the 1990’s", "the 1990"},
        {"the States’ rights", "the States’ rights"},  // plural possessive: the indexer drops it
        {"Côte d’Ivoire, l’homme", "Côte d’Ivoire, l’homme"},  // elisions stay
        {"’s and 's", "’s and 's"},                            // no word before
        {"Council’sx", "Council’sx"},                          // no possessive
        {"Ecuador4 (on behalf)", "Ecuador-4 (on behalf)"},
        {"Council12, Treaty1.", "Council-12, Treaty-1."},
        {"COVID19", "COVID-19"},
        {"Agenda 2030, G77, H1N1, CO2, A4, Web1234", "Agenda 2030, G77, H1N1, CO2, A4, Web1234"},
        {"abc1def", "abc1def"},
        {"Treaty¹ and 10³", "Treaty  and 10 "},
        {"Comité4", "Comité-4"},
    };
    for (const auto& [in, expected] : rows) EXPECT_EQ(split_word_endings(in), expected) << in;
    // fold_terms() does it first, so the indexer, queries and snippets agree.
    EXPECT_EQ(fold_terms("Security Council’s Ecuador4 Treaty²"),
              "security council ecuador-4 treaty ");
}

TEST(Analyzer, PossessiveWordsAreIndexedAtTheirPosition) {
    Xapian::Document doc;
    Analyzer analyzer("en");
    analyzer.start(doc);
    analyzer.index_text("The Security Council’s agenda");
    std::vector<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        std::string positions;
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            positions += std::to_string(*p);
        terms.push_back(*t + (positions.empty() ? "" : "@" + positions));
    }
    EXPECT_EQ(terms, (std::vector<std::string>{"Zagenda", "Zcouncil", "Zsecur", "Zthe", "agenda@4",
                                               "council@3", "security@2", "the@1"}));
}

TEST(HanWordLengths, AddUpToTheRun) {
    const std::string run = "安全理事会在第决议中强烈谴责恐怖团体绑架和劫持人质的事件";
    std::size_t total = 0;
    for (std::size_t n : han_word_lengths(run)) {
        EXPECT_GT(n, 0u);
        total += n;
    }
    EXPECT_EQ(total, code_point_count(run));
}

// ---- References in the six languages -------------------------------------------------

struct RefRow {
    const char* lang;
    const char* text;
    std::vector<std::string> resolutions;
    std::vector<std::string> countries;
    std::vector<int> sessions;
};

References refs_of(const std::string& lang, const std::string& text) {
    Document doc;
    doc.lang = lang;
    Paragraph p;
    p.text = text;
    doc.paragraphs.push_back(p);
    extract_references(doc);
    return doc.paragraphs[0].refs;
}

bool contains_all(const std::vector<std::string>& have, const std::vector<std::string>& want) {
    return std::all_of(want.begin(), want.end(), [&](const std::string& w) {
        return std::find(have.begin(), have.end(), w) != have.end();
    });
}

class SixLanguageReferences : public ::testing::TestWithParam<RefRow> {};

TEST_P(SixLanguageReferences, Row) {
    const RefRow& row = GetParam();
    const References r = refs_of(row.lang, row.text);
    std::vector<std::string> ids;
    for (const auto& res : r.resolutions) ids.push_back(res.id);
    EXPECT_TRUE(contains_all(ids, row.resolutions)) << row.text;
    EXPECT_TRUE(contains_all(r.countries, row.countries)) << row.text;
    for (int s : row.sessions)
        EXPECT_NE(std::find(r.sessions.begin(), r.sessions.end(), s), r.sessions.end())
            << row.text << " " << s;
}

INSTANTIATE_TEST_SUITE_P(
    IssueSentences, SixLanguageReferences,
    ::testing::Values(
        RefRow{
            "fr",
            "Rappelant la résolution 73/195 de l'Assemblée générale, en date du 19 décembre 2018,",
            {"A/RES/73/195"},
            {},
            {}},
        RefRow{"ru",
               "ссылаясь на резолюцию 73/195 Генеральной Ассамблеи от 19 декабря 2018 года,",
               {"A/RES/73/195"},
               {},
               {}},
        RefRow{
            "es",
            "Recordando la resolución 73/195 de la Asamblea General, de 19 de diciembre de 2018,",
            {"A/RES/73/195"},
            {},
            {}},
        RefRow{"zh", "回顾大会2018年12月19日第73/195号决议，", {"A/RES/73/195"}, {}, {}},
        RefRow{"ar",
               "وإذ تشير إلى القرار 73/195 المؤرخ 19 كانون الأول/ديسمبر 2018،",
               {"A/RES/73/195"},
               {},
               {}},
        RefRow{"fr", "à sa soixante-neuvième session", {}, {}, {69}},
        RefRow{"ru", "на ее шестьдесят девятой сессии", {}, {}, {69}}));

// Sentences of the UN Parallel Corpus dev set (line numbers 1-based, the same in every language).
TEST(SixLanguageReferences, UnpcDevSetSentences) {
    const fs::path dir = kShared / "corpus-real" / "unpc-v1-devset";
    if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (the shared corpus is absent)";
    struct Expect {
        std::size_t line;
        std::vector<std::string> resolutions;
        std::vector<std::string> countries;
        std::vector<int> sessions;
        std::string nominative_only;  // languages where the names stand inflected (not matched yet)
    };
    const Expect expects[] = {
        {76, {"S/RES/2127(2013)"}, {"CAF"}, {}, "ru"},
        {85, {"S/RES/1990(2011)", "S/RES/2179(2014)"}, {}, {}, ""},
        {163, {"S/RES/2133(2014)"}, {}, {}, ""},
        {110, {}, {"BLR", "RUS"}, {}, "ru"},
        {187, {}, {"CIV"}, {}, ""},
        {406, {}, {"BLR", "POL", "RUS", "ROU"}, {}, ""},
        {172, {}, {}, {69, 70}, ""},
    };
    for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh"}) {
        const auto lines = lines_of(dir / (std::string("UNv1.0.devset.") + lang));
        for (const Expect& e : expects) {
            ASSERT_GT(lines.size(), e.line);
            const std::string& text = lines[e.line - 1];
            const References r = refs_of(lang, text);
            std::vector<std::string> ids;
            for (const auto& res : r.resolutions) ids.push_back(res.id);
            EXPECT_TRUE(contains_all(ids, e.resolutions))
                << lang << " line " << e.line << ": " << text;
            if (e.nominative_only != lang) {
                EXPECT_TRUE(contains_all(r.countries, e.countries))
                    << lang << " line " << e.line << ": " << text;
            }
            for (int s : e.sessions)
                EXPECT_NE(std::find(r.sessions.begin(), r.sessions.end(), s), r.sessions.end())
                    << lang << " line " << e.line << " session " << s << ": " << text;
        }
    }
}

}  // namespace

namespace {

// ---- Alignment keys -------------------------------------------------------------------

TEST(ArticleHeadingNumber, SixLanguagesAndNotSentences) {
    const std::pair<const char*, int> rows[] = {{"Article 51", 51},
                                                {"Article premier", 1},
                                                {"Artículo 51", 51},
                                                {"  Статья 51 ", 51},
                                                {"المادة 51", 51},
                                                {"第五十一条", 51},
                                                {"第一百一十一条", 111},
                                                {"第十条", 10},
                                                {"第二十条", 20},
                                                {"第一百零一条", 101},
                                                {"第三十四条所指之性质", 0},
                                                {"Article 51 of the Charter provides that", 0},
                                                {"Articles", 0},
                                                {"Chapter VII", 0},
                                                {"", 0}};
    for (const auto& [line, n] : rows) EXPECT_EQ(article_heading_number(line), n) << line;
}

TEST(AssignArticleAnchors, ParagraphsUnderAnArticleUntilTheNextChapter) {
    Document doc;
    for (const char* t :
         {"Preamble text", "Chapter VII: Action", "Article 51", "Nothing in the present Charter",
          "Measures taken by Members", "Chapter VIII: Regional Arrangements", "Text after",
          "第一章：宗旨及原则 第一条 联合国之宗旨为：", "一、维持国际和平及安全；",
          "职权 第十条 大会得讨论本宪章范围内之任何问题或事项",
          "为求实现第一条所述各宗旨起见，第二条"}) {
        Paragraph p;
        p.text = t;
        doc.paragraphs.push_back(p);
    }
    assign_article_anchors(doc);
    // The heading "Article 51" is a heading, not the article's first paragraph: anchoring it
    // put the versions one paragraph apart where another joined its heading to the text.
    const char* expected[] = {"", "",     "",     "art51", "art51", "",
                              "", "art1", "art1", "art10", "art10"};
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i)
        EXPECT_EQ(doc.paragraphs[i].anchor, expected[i]) << doc.paragraphs[i].text;
    EXPECT_EQ(doc.paragraphs[2].kind, ParagraphKind::heading);
    EXPECT_EQ(doc.paragraphs[3].number, "1");
    EXPECT_EQ(doc.paragraphs[4].number, "2");
    EXPECT_EQ(doc.paragraphs[3].headings,
              (std::vector<std::string>{"Chapter VII: Action", "Article 51"}));
    // Joined Chinese heading lines go to the heading path; the chapeau has no number.
    EXPECT_EQ(doc.paragraphs[7].text, "联合国之宗旨为：");
    EXPECT_EQ(doc.paragraphs[7].headings,
              (std::vector<std::string>{"第一章：宗旨及原则", "第一条"}));
    EXPECT_EQ(doc.paragraphs[7].number, "");
    EXPECT_EQ(doc.paragraphs[8].number, "1");
    EXPECT_EQ(doc.paragraphs[8].text, "维持国际和平及安全；");
    EXPECT_EQ(doc.paragraphs[9].text, "大会得讨论本宪章范围内之任何问题或事项");
    // Anchors a reader gave are kept.
    Document unpc;
    unpc.paragraphs.resize(2);
    unpc.paragraphs[0].anchor = "4:1";
    unpc.paragraphs[1].text = "Article 2";
    assign_article_anchors(unpc);
    EXPECT_EQ(unpc.paragraphs[1].anchor, "");
}

TEST(ParseYaml, KeysBecomeAnchoredParagraphsWithTheFolderLanguage) {
    const std::string text =
        "# comment\n"
        "1-1-title: D’ici à 2030, éliminer complètement l’extrême pauvreté dans le monde\n"
        "  entier\n"
        "\n"
        "2-title: 'القضاء على الجوع وتحقيق الأمن الغذائي '\n"
        "3-short: 'It''s quoted\n"
        "  over two lines'\n";
    const Document doc = parse_yaml(text, "/x/translations/zh-Hans/global_targets.yml");
    EXPECT_EQ(doc.lang, "zh");
    EXPECT_EQ(doc.work, "global_targets");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(doc.paragraphs[0].anchor, "1-1-title");
    EXPECT_EQ(doc.paragraphs[0].number, "1.1");
    EXPECT_EQ(doc.paragraphs[0].text,
              "D’ici à 2030, éliminer complètement l’extrême pauvreté dans le monde entier");
    EXPECT_EQ(doc.paragraphs[0].line, 2);
    EXPECT_EQ(doc.paragraphs[1].text, "القضاء على الجوع وتحقيق الأمن الغذائي");
    EXPECT_EQ(doc.paragraphs[2].text, "It's quoted over two lines");
    EXPECT_EQ(doc.paragraphs[2].number, "3");
    try {
        parse_yaml("  indented first\n", "bad.yml");
        ADD_FAILURE() << "an indented first line was accepted";
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.line(), 1);
        EXPECT_EQ(e.message(), "indented line 1 before any key");
    }
    try {
        parse_yaml("a: 1\nno colon here\n", "bad.yml");
        ADD_FAILURE() << "a line without a key was accepted";
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.message(), "expected 'key: value' at line 2");
        EXPECT_EQ(e.line(), 2);
    }
}

}  // namespace
