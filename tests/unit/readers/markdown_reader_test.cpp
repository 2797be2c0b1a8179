// Markdown reader: inline markup, headings, footnotes, page breaks, masthead; and the seed report.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/text_util.h"
#include "readers/layout.h"
#include "readers/reader.h"
#include "unit/expect_document.h"

namespace plenary {
namespace {

using plenary::testing::expect_metadata;
using plenary::testing::footnotes_of;
using plenary::testing::Meta;

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += " > ";
        out += s;
    }
    return out;
}

struct InlineCase {
    const char* input;
    const char* text;
};

class InlineMarkup : public ::testing::TestWithParam<InlineCase> {};

TEST_P(InlineMarkup, IsRemovedFromText) {
    const auto& c = GetParam();
    const Document doc = parse_markdown(std::string("1. ") + c.input + "\n", "t.md");
    ASSERT_EQ(doc.paragraphs.size(), 1u);
    EXPECT_EQ(doc.paragraphs[0].text, c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, InlineMarkup,
    ::testing::Values(
        InlineCase{"the *Model Law* and **bold** text", "the Model Law and bold text"},
        InlineCase{"an _italic_ word and snake_case_name", "an italic word and snake_case_name"},
        InlineCase{"resolution [73/195](#), adopted", "resolution 73/195, adopted"},
        InlineCase{"resolution [2437 \\(2018\\)](#) of", "resolution 2437 (2018) of"},
        InlineCase{"countries,<sup>1</sup> with", "countries, with"},
        InlineCase{"a <span class=\"x\">tagged</span> word", "a tagged word"},
        InlineCase{"see <https://icat.network/x>.", "see https://icat.network/x."},
        InlineCase{"[www.x.org/UNODC-DTA\\\\_on](http://x)", "www.x.org/UNODC-DTA_on"},
        InlineCase{"a \\* star and a \\\\ backslash", "a * star and a \\ backslash"},
        InlineCase{"Tom &amp; Jerry", "Tom & Jerry"}));

struct KindCase {
    const char* input;
    ParagraphKind kind;
    const char* number;
    const char* text;
};

class Kinds : public ::testing::TestWithParam<KindCase> {};

TEST_P(Kinds, AreRecognised) {
    const auto& c = GetParam();
    const Document doc = parse_markdown(c.input, "t.md");
    ASSERT_EQ(doc.paragraphs.size(), 1u) << c.input;
    EXPECT_EQ(doc.paragraphs[0].kind, c.kind);
    EXPECT_EQ(doc.paragraphs[0].number, c.number);
    EXPECT_EQ(doc.paragraphs[0].text, c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Kinds,
    ::testing::Values(KindCase{"19. Some text.\n", ParagraphKind::numbered, "19", "Some text."},
                      KindCase{"(a) legislative assistance;\n", ParagraphKind::list_item, "",
                               "(a) legislative assistance;"},
                      KindCase{"• a bullet\n", ParagraphKind::list_item, "", "• a bullet"},
                      KindCase{"- a dash item\n", ParagraphKind::list_item, "", "- a dash item"},
                      KindCase{"| a | b |\n|---|---|\n| 1 | 2 |\n", ParagraphKind::table, "",
                               "a | b\n1 | 2"},
                      KindCase{"Plain prose.\n", ParagraphKind::unnumbered, "", "Plain prose."}));

TEST(MarkdownReader, HeadingPathFollowsNumberingStyleNotHashes) {
    const Document doc = parse_markdown(
        "#### **I. Introduction**\n\n1. One.\n\n## II. Activities\n\n### A. Work\n\n"
        "#### 1. Supporting bodies\n\n##### General Assembly\n\n2. Two.\n\n"
        "#### *Security Council*\n\n3. Three.\n\n## **2. Participation**\n\n4. Four.\n\n"
        "*Inter-Agency Group*\n\n5. Five.\n\n### **III. Conclusions**\n\n6. Six.\n",
        "t.md");
    ASSERT_EQ(doc.paragraphs.size(), 6u);
    const std::vector<std::string> expected = {
        "I. Introduction",
        "II. Activities > A. Work > 1. Supporting bodies > General Assembly",
        "II. Activities > A. Work > 1. Supporting bodies > Security Council",
        "II. Activities > A. Work > 2. Participation",
        "II. Activities > A. Work > 2. Participation > Inter-Agency Group",
        "III. Conclusions"};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(joined(doc.paragraphs[i].headings), expected[i]) << i;
        EXPECT_EQ(doc.paragraphs[i].number, std::to_string(i + 1));
    }
}

TEST(MarkdownReader, UnnumberedHeadingsNestByHashes) {
    const Document doc = parse_markdown("# Top\n\n## Sub\n\nText.\n\n## Other\n\nMore.\n", "t.md");
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(joined(doc.paragraphs[0].headings), "Top > Sub");
    EXPECT_EQ(joined(doc.paragraphs[1].headings), "Top > Other");
}

// A speech's bold salutation is a paragraph as printed, not the heading of what follows; a
// bold label stays a heading.
TEST(MarkdownReader, BoldSalutationsAndSentencesAreParagraphs) {
    const Document doc = parse_markdown(
        "**MR PRESIDENT,**  \n\nI am honoured to speak.\n\n"
        "**Excellencies, Ladies and Gentlemen,**\n\nWe meet again.\n\n"
        "**We must always have the right to choose:**\n\nFreedom first.\n\n"
        "**First:**\n\nPeace.\n",
        "CMR_79_2024.md");
    std::vector<std::string> texts, headings;
    for (const auto& p : doc.paragraphs) {
        texts.push_back(p.text);
        headings.push_back(joined(p.headings));
    }
    EXPECT_EQ(texts, (std::vector<std::string>{
                         "MR PRESIDENT,", "I am honoured to speak.",
                         "Excellencies, Ladies and Gentlemen,", "We meet again.",
                         "We must always have the right to choose:", "Freedom first.", "Peace."}));
    EXPECT_EQ(headings.back(), "First:");
    EXPECT_EQ(headings[1], "");
}

struct JoinCase {
    const char* input;
    std::size_t paragraphs;
    const char* first_text;
};

class PageBreaks : public ::testing::TestWithParam<JoinCase> {};

TEST_P(PageBreaks, RejoinCutParagraphs) {
    const auto& c = GetParam();
    const Document doc = parse_markdown(c.input, "t.md");
    ASSERT_EQ(doc.paragraphs.size(), c.paragraphs) << c.input;
    EXPECT_EQ(doc.paragraphs[0].text, c.first_text);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, PageBreaks,
    ::testing::Values(
        // Cut mid-sentence, footnote between, continuation upper-case.
        JoinCase{"8. addressing the Organized\n\n<sup>1</sup> Note.\n\nCrime Convention.\n", 1,
                 "addressing the Organized Crime Convention."},
        // Thematic break and footnote between.
        JoinCase{
            "19. two reports of the\n\n---\n\n<sup>4</sup> Note.\n\nSecretary-General on it.\n", 1,
            "two reports of the Secretary-General on it."},
        // A finished sentence, then a footnote, then unnumbered text: still the same paragraph.
        JoinCase{"15. endorsed the Compact.\n\n<sup>3</sup> See.\n\nObjective 10 of it.\n", 1,
                 "endorsed the Compact. Objective 10 of it."},
        // Lower-case start after a page gap of blank lines.
        JoinCase{"43. At the tertiary level, UNODC\n\n\n\nhas partnered with academics.\n", 1,
                 "At the tertiary level, UNODC has partnered with academics."},
        // A finished paragraph followed by a new capitalised paragraph stays apart.
        JoinCase{"5. Done.\n\nNew paragraph here.\n", 2, "Done."},
        // A heading between stops a continuation.
        JoinCase{"5. Cut off\n\n## Heading\n\nnext text.\n", 2, "Cut off"},
        // Without a page between them, a salutation and a title in capitals are paragraphs of
        // their own: a capital after a line that ends mid-sentence starts a new one.
        JoinCase{"Dear colleagues,\n\nIt is an honour to speak.\n\nHAITI\n\nOn Haiti, we act.\n", 4,
                 "Dear colleagues,"},
        JoinCase{"**Mr President,**  \n**Heads of State,**\n\nAt the outset, I greet you.\n", 2,
                 "Mr President, Heads of State,"}));

TEST(MarkdownReader, FootnotesAttachWhereTheMarkerStands) {
    const Document doc = parse_markdown(
        "1. First<sup>1</sup> and<sup>2</sup> text.\n\n2. Second text.<sup>3</sup>\n\n"
        "<sup>1</sup> Note *one*.\n\n<sup>2</sup> Note [two](#).\n\n3. Third.\n\n"
        "<sup>3</sup> Note three.\n",
        "t.md");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(footnotes_of(doc.paragraphs[0]),
              (std::vector<std::string>{"1 Note one.", "2 Note two."}));
    EXPECT_EQ(footnotes_of(doc.paragraphs[1]), (std::vector<std::string>{"3 Note three."}));
    EXPECT_TRUE(doc.paragraphs[2].footnotes.empty());
}

TEST(MarkdownReader, MastheadBecomesMetadata) {
    const Document doc = parse_markdown(
        "# General Assembly\n\nDistr.: Limited  \n3 March 2019\n\nOriginal: French\n\n"
        "## Seventy-third session\n\nItem 5 of the provisional agenda\\*\n\n**Agenda title**\n\n"
        "## **The report title**\n\n### Report of the Secretary-General\n\n"
        "\\* [A/73/50](#).\n\n1. Body text.\n",
        "t.md");
    expect_metadata(doc, {Meta::symbol(""), Meta::title("The report title"), Meta::body("A"),
                          Meta::session(73), Meta::date("2019-03-03"), Meta::lang("fr"),
                          Meta::distribution("Limited"), Meta::agenda_item("5")});
    ASSERT_EQ(doc.paragraphs.size(), 1u);
    EXPECT_EQ(doc.paragraphs[0].text, "Body text.");
    EXPECT_TRUE(doc.paragraphs[0].headings.empty());
}

TEST(MarkdownReader, LinesAreOneBasedSourceLines) {
    const Document doc = parse_markdown("\n\n1. One.\n\n2. Two\ncontinued.\n\n3. Three.\n", "t.md");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(doc.paragraphs[0].line, 3);
    EXPECT_EQ(doc.paragraphs[1].line, 5);
    EXPECT_EQ(doc.paragraphs[1].text, "Two continued.");
    EXPECT_EQ(doc.paragraphs[2].line, 8);
}

TEST(MarkdownReader, EmptyInputGivesNoParagraphs) {
    EXPECT_TRUE(parse_markdown("", "t.md").paragraphs.empty());
    EXPECT_TRUE(parse_markdown("\n\n  \n", "t.md").paragraphs.empty());
}

// ---- The seed report ----

class SeedReport : public ::testing::Test {
  protected:
    void SetUp() override {
        const std::string path = std::string(PLENARY_SHARED_DIR) + "/seeds/seed-report.md";
        if (!std::filesystem::exists(path)) GTEST_SKIP() << "seed report not found at " << path;
        m_doc = parse_markdown(read_file(path), path);
    }
    const Paragraph* numbered(const std::string& n) const {
        for (const auto& p : m_doc.paragraphs) {
            if (p.kind == ParagraphKind::numbered && p.number == n) return &p;
        }
        return nullptr;
    }
    Document m_doc;
};

TEST_F(SeedReport, NumberedParagraphsOneTo88InOrder) {
    std::vector<std::string> numbers;
    for (const auto& p : m_doc.paragraphs) {
        if (p.kind == ParagraphKind::numbered) numbers.push_back(p.number);
    }
    ASSERT_EQ(numbers.size(), 88u);
    for (std::size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], std::to_string(i + 1));
}

TEST_F(SeedReport, EveryParagraphIsNumbered) {
    // Every unnumbered block of the seed is a continuation, a footnote or a heading.
    for (const auto& p : m_doc.paragraphs) {
        EXPECT_EQ(p.kind, ParagraphKind::numbered) << p.line << ": " << p.text.substr(0, 80);
    }
}

TEST_F(SeedReport, PageBreaksAreRejoined) {
    struct Row {
        const char* number;
        const char* phrase;
    };
    const Row rows[] = {
        {"8", "the Organized Crime Convention and its other Protocols"},
        {"19",
         "drafting of two reports of the Secretary-General on the implementation of those "
         "resolutions"},
        {"15", "Objective 10 of the Global Compact"},
        {"23", "twentieth conferences of the Alliance against Trafficking"},
        {"27", "mitigation strategies against trafficking in persons in supply chains"},
        {"39", "senior officials from States signatories"},
        {"43", "At the tertiary level, UNODC has partnered"},
        {"64", "As a result, 153 potential victims"},
        {"76", "Fight against Trafficking in Persons and Smuggling"},
    };
    for (const auto& row : rows) {
        const Paragraph* p = numbered(row.number);
        ASSERT_NE(p, nullptr) << row.number;
        EXPECT_NE(p->text.find(row.phrase), std::string::npos) << row.number << ": " << p->text;
    }
}

TEST_F(SeedReport, FootnotesBelongToTheirParagraphs) {
    struct Row {
        const char* marker;
        const char* paragraph;
        const char* starts;
    };
    const Row rows[] = {{"1", "4", "Algeria, Angola, Aruba"},
                        {"2", "4", "Aruba, Brazil"},
                        {"3", "10", "See General Assembly resolution 74/174"},
                        {"4", "15", "General Assembly resolution 73/195, annex"},
                        {"5", "22", "Available at www.ohchr.org"},
                        {"12", "56", "See www.unodc.org"}};
    for (const auto& row : rows) {
        const Paragraph* p = numbered(row.paragraph);
        ASSERT_NE(p, nullptr);
        bool found = false;
        for (const auto& f : p->footnotes) {
            if (f.marker == row.marker) {
                found = true;
                EXPECT_EQ(f.text.rfind(row.starts, 0), 0u) << f.text;
            }
        }
        EXPECT_TRUE(found) << "footnote " << row.marker << " not on paragraph " << row.paragraph;
    }
    std::size_t total = 0;
    for (const auto& p : m_doc.paragraphs) total += p.footnotes.size();
    EXPECT_GE(total, 12u);
}

TEST_F(SeedReport, HeadingPaths) {
    EXPECT_EQ(joined(numbered("1")->headings), "I. Introduction");
    EXPECT_EQ(joined(numbered("6")->headings),
              "II. Activities to assist States in the implementation of the Protocol > "
              "A. Normative and policy work, knowledge development and inter-agency cooperation "
              "and coordination > 1. Supporting intergovernmental bodies > Conference of the "
              "Parties to the United Nations Convention against Transnational Organized Crime");
    EXPECT_EQ(numbered("15")->headings.back(), "General Assembly");
    EXPECT_EQ(numbered("23")->headings.back(),
              "2. Participation in inter-agency and regional coordination and cooperation "
              "mechanisms");
    EXPECT_EQ(numbered("24")->headings.back(),
              "Inter-Agency Coordination Group against Trafficking in Persons");
    EXPECT_EQ(numbered("47")->headings.size(), 2u);
    EXPECT_EQ(numbered("88")->headings, std::vector<std::string>{"III. Conclusions"});
}

TEST_F(SeedReport, NoMarkupInText) {
    for (const auto& p : m_doc.paragraphs) {
        for (const char* bad : {"<sup>", "\\(", "](", "**", "\\*"}) {
            EXPECT_EQ(p.text.find(bad), std::string::npos) << p.number << " has " << bad;
        }
        for (const auto& f : p.footnotes) EXPECT_EQ(f.text.find("]("), std::string::npos);
    }
}

TEST_F(SeedReport, MastheadMetadata) {
    EXPECT_EQ(m_doc.session, 10);
    EXPECT_EQ(m_doc.date, "2020-07-20");
    EXPECT_EQ(m_doc.lang, "en");
    EXPECT_EQ(m_doc.distribution, "General");
    EXPECT_EQ(m_doc.body, "CTOC/COP");
    EXPECT_EQ(m_doc.agenda_item, "2 (b)");
    EXPECT_EQ(m_doc.symbol, "");
    EXPECT_EQ(m_doc.title.rfind("Activities of the United Nations Office on Drugs and Crime", 0),
              0u);
    EXPECT_EQ(m_doc.paragraphs.front().line, 26);
}

}  // namespace
}  // namespace plenary
