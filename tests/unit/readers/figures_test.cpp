// A paged report's fragments brought together (readers/figures.h), and running heads found
// anywhere on a page (layout::running_heads); on hand-made paragraphs and on the 27 flagship
// reports of corpus-real.
#include "readers/figures.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/text_util.h"
#include "readers/layout.h"
#include "readers/reader.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

Paragraph para(std::string text, ParagraphKind kind = ParagraphKind::unnumbered) {
    Paragraph p;
    p.text = std::move(text);
    p.kind = kind;
    return p;
}

const std::string kProse =
    "Social protection programmes have improved access to food in many countries, and their "
    "reach has grown since 2000.";

std::vector<std::pair<ParagraphKind, std::string>> grouped(std::vector<Paragraph> ps) {
    figures::group(ps);
    std::vector<std::pair<ParagraphKind, std::string>> out;
    for (const auto& p : ps) out.emplace_back(p.kind, p.text);
    return out;
}

using Row = std::pair<ParagraphKind, std::string>;

TEST(FiguresTest, CaptionTitleAndLabelsAreOneFigure) {
    const auto out = grouped(
        {para(kProse), para("FIGURE 6"),
         para("Prevalence of undernourishment in children, Bolivia, 1989–2012"), para("44.2"),
         para("41.1"), para("Rural"), para("Urban"), para("Source: FAO."), para(kProse)});
    const std::vector<Row> want = {
        {ParagraphKind::unnumbered, kProse},
        {ParagraphKind::figure,
         "FIGURE 6 | Prevalence of undernourishment in children, Bolivia, 1989–2012 | 44.2 | 41.1 "
         "| Rural | Urban | Source: FAO."},
        {ParagraphKind::unnumbered, kProse}};
    EXPECT_EQ(out, want);
}

TEST(FiguresTest, ATableCaptionOpensATable) {
    const auto out = grouped({para("Table 2.1 Enrolment by region"), para("Region"), para("2000"),
                              para("2010"), para(kProse)});
    ASSERT_EQ(out.size(), 2U);
    EXPECT_EQ(out[0],
              Row(ParagraphKind::table, "Table 2.1 Enrolment by region | Region | 2000 | 2010"));
    // "Table of" in running text is no caption, nor is a lower-case "figure".
    EXPECT_EQ(grouped({para("Tables of contents are long.")})[0].first, ParagraphKind::unnumbered);
    EXPECT_EQ(grouped({para("figure 3 shows it clearly, as said")})[0].first,
              ParagraphKind::unnumbered);
}

TEST(FiguresTest, FragmentsWithoutCaptionAreAFigureAndALoneTitleIsAHeading) {
    const auto out = grouped({para("2000–02"), para("2006–08"), para("2009–11"), para(kProse),
                              para("Key findings"), para(kProse), para("•"), para(kProse)});
    const std::vector<Row> want = {{ParagraphKind::figure, "2000–02 | 2006–08 | 2009–11"},
                                   {ParagraphKind::unnumbered, kProse},
                                   {ParagraphKind::heading, "Key findings"},
                                   {ParagraphKind::unnumbered, kProse},
                                   {ParagraphKind::figure, "•"},
                                   {ParagraphKind::unnumbered, kProse}};
    EXPECT_EQ(out, want);
}

TEST(FiguresTest, NumberedParagraphsListsAndNotesAreNeverMerged) {
    std::vector<Paragraph> ps = {para("Short one.", ParagraphKind::numbered), para("12"),
                                 para("13"), para("(a) An item;", ParagraphKind::list_item)};
    ps[0].number = "3";
    Paragraph noted = para("Rural");
    noted.footnotes.push_back({"1", "A note."});
    ps.insert(ps.begin() + 2, noted);
    figures::group(ps);
    ASSERT_EQ(ps.size(), 5U);
    EXPECT_EQ(ps[0].kind, ParagraphKind::numbered);
    EXPECT_EQ(ps[0].number, "3");
    EXPECT_EQ(ps[1].kind, ParagraphKind::figure);  // "12" alone: no word
    EXPECT_EQ(ps[2].text, "Rural");
    EXPECT_EQ(ps[2].footnotes.size(), 1U);
    EXPECT_EQ(ps[3].kind, ParagraphKind::figure);  // "13"
    EXPECT_EQ(ps[4].kind, ParagraphKind::list_item);
}

TEST(FiguresTest, ContentsEntriesAreContents) {
    const auto out = grouped({para("Overview ............................ 15"),
                              para("Chapter 2 . . . . . . . . 31 Growth and jobs"), para(kProse)});
    EXPECT_EQ(out[0].first, ParagraphKind::contents);
    EXPECT_EQ(out[1].first, ParagraphKind::contents);
    EXPECT_EQ(out[2].first, ParagraphKind::unnumbered);
}

TEST(FiguresTest, DropCapsJoinWhereTheDocumentSpellsTheWord) {
    std::vector<Paragraph> ps = {para("W orld leaders have made several commitments."),
                                 para("T he report finds that the world and the region grew."),
                                 para("A number of States spoke."),
                                 para("The world summit, the world bank, the world of work "
                                      "and the world met.")};
    figures::join_drop_caps(ps);
    EXPECT_EQ(ps[0].text, "World leaders have made several commitments.");
    EXPECT_EQ(ps[1].text, "The report finds that the world and the region grew.");
    EXPECT_EQ(ps[2].text, "A number of States spoke.");  // "anumber" is no word here
}

std::vector<std::string_view> lines_of(const std::string& s) {
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at <= s.size()) {
        const std::size_t nl = std::min(s.find('\n', at), s.size());
        out.push_back(std::string_view(s).substr(at, nl - at));
        at = nl + 1;
    }
    return out;
}

TEST(RunningHeadsTest, AHeadMidPageIsMarkedALabelIsNot) {
    std::vector<std::string> texts;
    for (int p = 0; p < 6; ++p) {
        const std::string word(static_cast<std::size_t>(p) + 3, static_cast<char>('a' + p));
        texts.push_back("Some " + word + " prose.\n\nTHE STATE OF FOOD INSECURITY IN THE WORLD " +
                        "2014\n\n" + std::to_string(p + 10) + "\n\nFIGURE " + std::to_string(p) +
                        " Growth of the region\n\nPolicy\n\nMore " + word + " follows.\n\n" +
                        "HUMAN DEVELOPMENT REPORT 2009\nOvercoming barriers: Human mobility\n\n" +
                        "Three lines\nof a block\nare never a head");
    }
    std::vector<std::vector<std::string_view>> pages;
    for (const auto& t : texts) pages.push_back(lines_of(t));
    const auto marks = layout::running_heads(pages);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (std::size_t i = 0; i < pages[p].size(); ++i) {
            const bool head = pages[p][i] == "THE STATE OF FOOD INSECURITY IN THE WORLD 2014" ||
                              pages[p][i] == "HUMAN DEVELOPMENT REPORT 2009" ||
                              pages[p][i] == "Overcoming barriers: Human mobility";
            EXPECT_EQ(marks[p][i], head) << p << ":" << i << " " << pages[p][i];
        }
    }
    // On three pages it is no running head: four at least.
    pages.resize(3);
    for (const auto& page : layout::running_heads(pages))
        for (const bool m : page) EXPECT_FALSE(m);
}

// The done criteria of issue 12 for reports extracted from PDF: over the 27 flagship reports,
// at most 10% of searchable paragraphs under 40 characters, at most 0.5% holding a running head.
TEST(FiguresReal, FlagshipReportsHaveFewFragmentsAndNoRunningHeads) {
    const fs::path dir = fs::path(PLENARY_SHARED_DIR) / "corpus-real/un-flagship-reports-txt";
    if (!fs::exists(dir)) GTEST_SKIP() << "corpus-real not found at " << dir;
    // Each report's running heads as printed, read from the reports.
    const std::vector<std::pair<std::string, std::string>> heads = {
        {"FAO state", "THE STATE OF FOOD INSECURITY IN THE WORLD 2014"},
        {"DESA 2013", "Inequality matters"},
        {"ILO World", "World Social Protection Report 2014/15"},
        {"Habitatplanning", "Planning and Design for Sustainable Urban Mobility"},
        {"UNDESA 2011wess", "World Economic and Social Survey 2011"},
        {"UNDESA WESS2013", "World Economic and Social Survey 2013"},
        {"GEO5", "Part 1: State and Trends"},
        {"Science Report", "UNESCO SCIENCE REPORT 2010"},
        {"urban women", "STATE OF WOMEN IN CITIES 2012-2013"},
        {"WHO World", "Research for universal health coverage"},
        {"hdr_2004", "HUMAN DEVELOPMENT REPORT 2004"}};
    std::size_t files = 0, searchable = 0, short_ones = 0, with_head = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        ++files;
        const std::string name = entry.path().filename().string();
        const Document doc = read_document(entry.path().string());
        std::string head;
        for (const auto& [part, h] : heads)
            if (name.find(part) != std::string::npos) head = ascii_lower(h);
        for (const auto& p : doc.paragraphs) {
            if (p.kind != ParagraphKind::numbered && p.kind != ParagraphKind::unnumbered &&
                p.kind != ParagraphKind::list_item)
                continue;
            ++searchable;
            short_ones += p.text.size() < figures::kFragmentChars;
            with_head += !head.empty() && ascii_lower(p.text).find(head) != std::string::npos;
        }
    }
    EXPECT_EQ(files, 27U);
    EXPECT_GT(searchable, 20000U);
    EXPECT_LE(short_ones * 10, searchable) << short_ones << " of " << searchable;
    EXPECT_LE(with_head * 200, searchable) << with_head << " of " << searchable;
}

}  // namespace
}  // namespace plenary
