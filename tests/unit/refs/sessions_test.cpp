#include "refs/sessions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "base/text_util.h"

using plenary::find_sessions;
using plenary::parse_date;
using plenary::parse_ordinal;

namespace {

struct OrdinalRow {
    const char* lang;
    const char* word;
    int expected;  // 0: not an ordinal
};

class ParseOrdinal : public ::testing::TestWithParam<OrdinalRow> {};

TEST_P(ParseOrdinal, Row) {
    const OrdinalRow& row = GetParam();
    const auto got = parse_ordinal(row.word, row.lang);
    if (row.expected == 0) {
        EXPECT_FALSE(got.has_value()) << row.lang << " " << row.word << " -> " << got.value_or(-1);
    } else {
        ASSERT_TRUE(got.has_value()) << row.lang << " " << row.word;
        EXPECT_EQ(*got, row.expected) << row.lang << " " << row.word;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseOrdinal,
    ::testing::Values(
        OrdinalRow{"en", "Tenth", 10}, OrdinalRow{"en", "tenth", 10},
        OrdinalRow{"en", "seventy-third", 73}, OrdinalRow{"en", "Seventy-Third", 73},
        OrdinalRow{"en", "SEVENTY-THIRD", 73}, OrdinalRow{"en", "seventy third", 73},
        OrdinalRow{"en", "seventy\u2011third", 73}, OrdinalRow{"en", "73rd", 73},
        OrdinalRow{"en", "twenty-first", 21}, OrdinalRow{"en", "21st", 21},
        OrdinalRow{"en", "2nd", 2}, OrdinalRow{"en", "first", 1}, OrdinalRow{"en", "twelfth", 12},
        OrdinalRow{"en", "one hundredth", 100}, OrdinalRow{"en", "one hundred and first", 101},
        OrdinalRow{"en", "  Sixty-ninth ", 69}, OrdinalRow{"en", "seventy", 0},
        OrdinalRow{"en", "73", 0}, OrdinalRow{"en", "73xy", 0}, OrdinalRow{"en", "", 0},
        OrdinalRow{"en", "session", 0}, OrdinalRow{"en", "thirdly", 0},
        OrdinalRow{"fr", "soixante-neuvième", 69}, OrdinalRow{"fr", "Soixante-neuvième", 69},
        OrdinalRow{"fr", "soixante neuvieme", 69}, OrdinalRow{"fr", "dixième", 10},
        OrdinalRow{"fr", "premier", 1}, OrdinalRow{"fr", "première", 1},
        OrdinalRow{"fr", "vingt et unième", 21}, OrdinalRow{"fr", "vingt-et-unième", 21},
        OrdinalRow{"fr", "soixante et onzième", 71}, OrdinalRow{"fr", "quatre-vingt-dixième", 90},
        OrdinalRow{"fr", "69e", 69}, OrdinalRow{"fr", "1re", 1}, OrdinalRow{"fr", "1er", 1},
        OrdinalRow{"fr", "soixante", 0}, OrdinalRow{"es", "sexagésimo noveno", 69},
        OrdinalRow{"es", "Sexagésimo Noveno", 69}, OrdinalRow{"es", "décimo", 10},
        OrdinalRow{"es", "décima", 10}, OrdinalRow{"es", "primer", 1},
        OrdinalRow{"es", "primero", 1}, OrdinalRow{"es", "septuagésimo tercer", 73},
        OrdinalRow{"es", "decimoquinto", 15}, OrdinalRow{"es", "décimo quinto", 15},
        OrdinalRow{"es", "undécimo", 11}, OrdinalRow{"es", "69º", 69},
        OrdinalRow{"es", "sexagésimo", 60}, OrdinalRow{"es", "noventa", 0},
        OrdinalRow{"ru", "шестьдесят девятая", 69}, OrdinalRow{"ru", "шестьдесят девятой", 69},
        OrdinalRow{"ru", "шестьдесят девятый", 69}, OrdinalRow{"ru", "шестьдесят девятого", 69},
        OrdinalRow{"ru", "Шестьдесят девятую", 69}, OrdinalRow{"ru", "десятая", 10},
        OrdinalRow{"ru", "десятой", 10}, OrdinalRow{"ru", "десятом", 10},
        OrdinalRow{"ru", "семьдесят третьему", 73}, OrdinalRow{"ru", "69-й", 69},
        OrdinalRow{"ru", "шестьдесят", 0}, OrdinalRow{"ar", "التاسعة والستون", 69},
        OrdinalRow{"ar", "التاسعة والستين", 69}, OrdinalRow{"ar", "العاشرة", 10},
        OrdinalRow{"ar", "الأولى", 1}, OrdinalRow{"ar", "الحادية والعشرون", 21},
        OrdinalRow{"zh", "第六十九", 69}, OrdinalRow{"zh", "第十", 10},
        OrdinalRow{"zh", "第73", 73}, OrdinalRow{"zh", "第一百零一", 101},
        OrdinalRow{"zh", "六十九", 0},
        // An unknown language falls back to English.
        OrdinalRow{"de", "tenth", 10}, OrdinalRow{"EN", "Tenth", 10}));

struct SessionRow {
    const char* lang;
    const char* text;
    std::vector<int> numbers;
    std::vector<std::string> spans;  // text[begin, end) of each match
};

class FindSessions : public ::testing::TestWithParam<SessionRow> {};

TEST_P(FindSessions, Row) {
    const SessionRow& row = GetParam();
    const std::string text = row.text;
    const auto matches = find_sessions(text, row.lang);
    std::vector<int> numbers;
    std::vector<std::string> spans;
    for (const auto& m : matches) {
        numbers.push_back(m.number);
        ASSERT_LE(m.begin, m.end);
        ASSERT_LE(m.end, text.size());
        spans.push_back(text.substr(m.begin, m.end - m.begin));
    }
    EXPECT_EQ(numbers, row.numbers) << text;
    EXPECT_EQ(spans, row.spans) << text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, FindSessions,
    ::testing::Values(
        SessionRow{"en", "adopted at its seventy-third session.", {73}, {"seventy-third session"}},
        SessionRow{"en", "Tenth session\nVienna", {10}, {"Tenth session"}},
        SessionRow{
            "en", "the Seventy-Third Session of the Assembly", {73}, {"Seventy-Third Session"}},
        SessionRow{"en", "at its 73rd session", {73}, {"73rd session"}},
        SessionRow{
            "en", "the twenty-first special session", {21}, {"twenty-first special session"}},
        SessionRow{"en",
                   "the resumed seventy-second session and the tenth emergency special session",
                   {72, 10},
                   {"seventy-second session", "tenth emergency special session"}},
        SessionRow{"en",
                   "its sixty-ninth and seventieth sessions",
                   {69, 70},
                   {"sixty-ninth and seventieth sessions", "seventieth sessions"}},
        SessionRow{"en", "Session 70 - 2015", {70}, {"Session 70"}},
        SessionRow{"en", "the 2019 session of the Council", {}, {}},
        SessionRow{"en", "session 2019", {}, {}},
        SessionRow{"en", "a closed session was held; the session ended", {}, {}},
        SessionRow{"en", "the seventy session", {}, {}},
        SessionRow{
            "en", "its one hundred and first session", {101}, {"one hundred and first session"}},
        SessionRow{"en", "intersessional work", {}, {}},
        SessionRow{"fr", "à sa soixante-neuvième session", {69}, {"soixante-neuvième session"}},
        SessionRow{"fr", "Dixième session", {10}, {"Dixième session"}},
        SessionRow{"fr", "lors de la 69e session", {69}, {"69e session"}},
        SessionRow{"es",
                   "en su sexagésimo noveno período de sesiones",
                   {69},
                   {"sexagésimo noveno período de sesiones"}},
        SessionRow{"es",
                   "el décimo período extraordinario de sesiones",
                   {10},
                   {"décimo período extraordinario de sesiones"}},
        SessionRow{"es", "la sesión plenaria", {}, {}},
        SessionRow{"ru", "на своей шестьдесят девятой сессии", {69}, {"шестьдесят девятой сессии"}},
        SessionRow{"ru", "Десятая сессия", {10}, {"Десятая сессия"}},
        SessionRow{"ru",
                   "двадцать седьмой специальной сессии",
                   {27},
                   {"двадцать седьмой специальной сессии"}},
        SessionRow{"ru", "на 69-й сессии", {69}, {"69-й сессии"}},
        SessionRow{"ar", "في الدورة التاسعة والستين للجمعية", {69}, {"الدورة التاسعة والستين"}},
        SessionRow{"ar", "الدورة العاشرة", {10}, {"الدورة العاشرة"}},
        SessionRow{"zh", "大会第六十九届会议", {69}, {"第六十九届"}},
        SessionRow{"zh", "第73届会议和第十届特别会议", {73, 10}, {"第73届", "第十届"}},
        SessionRow{"zh", "第一章", {}, {}}, SessionRow{"zh", "第三届首脑会议和第一届颁奖", {}, {}},
        SessionRow{"zh",
                   "提交论坛第八、第九和第十届会议的报告",
                   {8, 9, 10},
                   {"第八、第九和第十届", "第九和第十届", "第十届"}},
        SessionRow{"zh", "第一届常会", {1}, {"第一届"}},
        SessionRow{"zh", "第十四届和第十五届会议上", {14, 15}, {"第十四届和第十五届", "第十五届"}},
        SessionRow{"zh", "第十四届和第十五届首脑会议", {}, {}},
        SessionRow{"es", "En su 12° período de sesiones", {12}, {"12° período de sesiones"}},
        SessionRow{"ar",
                   "الدورة الاستثنائية الطارئة العاشرة",
                   {10},
                   {"الدورة الاستثنائية الطارئة العاشرة"}}));

TEST(FindSessions, OffsetsAreBytesInTheOriginalText) {
    const std::string text = "Résumé: « à sa soixante-neuvième session »";
    const auto m = find_sessions(text, "fr");
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].begin, text.find("soixante"));
    EXPECT_EQ(m[0].end, text.find("session") + std::string("session").size());
}

TEST(FindSessions, EveryMentionInALongTextIsFound) {
    std::string text;
    for (int i = 0; i < 20000; ++i)
        text +=
            "The General Assembly, at its seventy-third session, considered the report of the "
            "Secretary-General on the question of sessions and intersessional work. ";
    const auto matches = find_sessions(text, "en");
    EXPECT_EQ(matches.size(), 20000u);
    for (const auto& m : matches) EXPECT_EQ(m.number, 73);
}

struct DateRow {
    const char* lang;
    const char* text;
    const char* expected;  // nullptr: not a date
};

class ParseDate : public ::testing::TestWithParam<DateRow> {};

TEST_P(ParseDate, Row) {
    const DateRow& row = GetParam();
    const auto got = parse_date(row.text, row.lang);
    if (!row.expected) {
        EXPECT_FALSE(got.has_value()) << row.text << " -> " << got.value_or("");
    } else {
        ASSERT_TRUE(got.has_value()) << row.text;
        EXPECT_EQ(*got, row.expected) << row.text;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseDate,
    ::testing::Values(
        DateRow{"en", "20 July 2020", "2020-07-20"}, DateRow{"en", "20 July, 2020", "2020-07-20"},
        DateRow{"en", "July 20, 2020", "2020-07-20"}, DateRow{"en", "1 Jan 2019", "2019-01-01"},
        DateRow{"en", "  30 August 2019. ", "2019-08-30"},
        DateRow{"en", "20th July 2020", "2020-07-20"}, DateRow{"en", "20140428", "2014-04-28"},
        DateRow{"en", "2019-08-30", "2019-08-30"}, DateRow{"fr", "30 août 2019", "2019-08-30"},
        DateRow{"fr", "1er janvier 2020", "2020-01-01"},
        DateRow{"es", "30 de agosto de 2019", "2019-08-30"},
        DateRow{"ru", "30 августа 2019 года", "2019-08-30"},
        DateRow{"ru", "1 мая 2019 г.", "2019-05-01"}, DateRow{"zh", "2019年8月30日", "2019-08-30"},
        DateRow{"ar", "30 أغسطس 2019", "2019-08-30"},
        DateRow{"ar", "30 آب/أغسطس 2019", "2019-08-30"},
        DateRow{"en", "29 February 2020", "2020-02-29"},
        DateRow{"en", "Monday, 28 April 2014", "2014-04-28"},
        DateRow{"es", "miércoles 30 de abril de 2014", "2014-04-30"},
        DateRow{"en", "Someday, 28 April 2014", nullptr},
        // Not dates, or impossible ones.
        DateRow{"en", "29 February 2019", nullptr}, DateRow{"en", "31 April 2020", nullptr},
        DateRow{"en", "32 July 2020", nullptr}, DateRow{"en", "20141328", nullptr},
        DateRow{"en", "2019-13-01", nullptr}, DateRow{"en", "2019-02-30", nullptr},
        DateRow{"en", "2015", nullptr}, DateRow{"en", "", nullptr},
        DateRow{"en", "20 Julyish 2020", nullptr}, DateRow{"en", "July 2020", nullptr},
        DateRow{"en", "Item 2 (b) of the provisional agenda", nullptr},
        DateRow{"en", "20 July 2020 and 21 July 2020", nullptr},
        DateRow{"en", "0 July 2020", nullptr}, DateRow{"en", "2014042", nullptr}));

}  // namespace

namespace {

// The UNPC dev set has the same 4,000 sentences in six languages: where English mentions
// sessions, each translation should mention the same numbers.
TEST(FindSessions, TranslationsAgreeWithEnglishOnTheDevSet) {
    const std::string dir = std::string(PLENARY_SHARED_DIR) + "/corpus-real/unpc-v1-devset/";
    if (!std::filesystem::exists(dir)) GTEST_SKIP() << "dev set not found at " << dir;
    const auto lines_of = [&](const std::string& lang) {
        std::vector<std::string> lines;
        std::istringstream in(plenary::read_file(dir + "UNv1.0.devset." + lang));
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        return lines;
    };
    const auto numbers = [](const std::string& text, const std::string& lang) {
        std::vector<int> n;
        for (const auto& m : find_sessions(text, lang)) n.push_back(m.number);
        std::sort(n.begin(), n.end());
        return n;
    };
    const std::vector<std::string> english = lines_of("en");
    ASSERT_EQ(english.size(), 4000u);
    for (const std::string lang : {"fr", "es", "ru", "ar", "zh"}) {
        const std::vector<std::string> other = lines_of(lang);
        ASSERT_EQ(other.size(), english.size()) << lang;
        std::size_t with_sessions = 0, agree = 0;
        for (std::size_t i = 0; i < english.size(); ++i) {
            const auto en = numbers(english[i], "en");
            if (en.empty()) continue;
            ++with_sessions;
            if (numbers(other[i], lang) == en) ++agree;
        }
        EXPECT_GT(with_sessions, 90u);
        // Translators reorder lists and drop ordinals now and then; nine in ten must agree.
        EXPECT_GE(agree * 10, with_sessions * 9)
            << lang << ": " << agree << " of " << with_sessions;
    }
}

}  // namespace
