// Plain-text reader: speeches, PDF-extracted reports with mastheads, page furniture, footnotes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/hyphenation.h"
#include "readers/layout.h"
#include "readers/reader.h"
#include "readers/wrapped_text.h"
#include "unit/expect_document.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;
using plenary::testing::expect_metadata;
using plenary::testing::footnotes_of;
using plenary::testing::Meta;

std::vector<std::string> texts(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& p : doc.paragraphs) out.push_back(p.text);
    return out;
}

struct SplitCase {
    const char* name;
    const char* input;
    std::vector<std::string> paragraphs;
};

class Splitting : public ::testing::TestWithParam<SplitCase> {};

TEST_P(Splitting, GivesTheseParagraphs) {
    const auto& c = GetParam();
    EXPECT_EQ(texts(parse_text(c.input, "t.txt")), c.paragraphs);
}

const std::string long_a(200, 'a');

INSTANTIATE_TEST_SUITE_P(
    Rows, Splitting,
    ::testing::Values(
        SplitCase{"blank_separated",
                  "First line\nof one.\n\nSecond one.\n",
                  {"First line of one.", "Second one."}},
        SplitCase{"crlf_and_bom", "\xEF\xBB\xBFOne.\r\n\r\nTwo.\r\n", {"One.", "Two."}},
        // A cut word is joined where the text writes it whole elsewhere; a compound keeps its
        // hyphen, without a space.
        SplitCase{"hyphen_cut_word_joined_capitalised_half_kept",
                  "The imple-\nmentation of Inter-\nMinisterial plans\nfor their implementation.\n",
                  {"The implementation of Inter-Ministerial plans for their implementation."}},
        SplitCase{"hyphen_unseen_either_way_kept",
                  "A self-\nserving policy.\n",
                  {"A self-serving policy."}},
        SplitCase{"verbatim_page_furniture_and_continuation",
                  "It is a mixed one. However, it\n15-29425 31/34\n\nA/70/PV.15 28/09/2015\n"
                  "also poses a challenge.\n",
                  {"It is a mixed one. However, it also poses a challenge."}},
        SplitCase{"bare_page_numbers_dropped",
                  "Text one.\n\n12\n\nxiv\n\nText two.\n",
                  {"Text one.", "Text two."}},
        SplitCase{"form_feed_cut_paragraph",
                  "1.  The Standard Rules for the Treatment of\n\n3\n"
                  "\fA/HRC/1/2\n\n  Prisoners (the Rules).\n2.  Next.\n",
                  {"The Standard Rules for the Treatment of Prisoners (the Rules).", "Next."}},
        SplitCase{"seven_bytes", "\f\n\f\n\f\n\f", {}}));

TEST(TextReader, LongLinesAreOneParagraphEach) {
    const std::string a = "First " + long_a + ".";
    const std::string b = "Second " + long_a + ".";
    const std::string c = "Third " + long_a + ".";
    const Document doc = parse_text(a + "\n" + b + "\n" + c + "\n", "t.txt");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{a, b, c}));
    for (const auto& p : doc.paragraphs) EXPECT_EQ(p.kind, ParagraphKind::unnumbered);
    EXPECT_EQ(doc.paragraphs[2].line, 3);
}

TEST(TextReader, NumberedParagraphsAndHeadings) {
    const Document doc = parse_text(
        "       I. Background\n"
        "            1.     The present report was prepared pursuant to resolutions 5/1 and\n"
        "            16/21, taking into consideration the periodicity of the review.\n"
        "    II. Scope of international obligations and cooperation with\n"
        "        international human rights mechanisms and bodies1, 2\n"
        "            2.     It was recommended that Slovenia ratify the Convention.\n"
        "      A.    Cross-cutting issues\n"
        "       1.   Equality and non-discrimination14\n"
        "            3.      The Committee noted the lack of a strategy.\n",
        "t.txt");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(doc.paragraphs[0].number, "1");
    EXPECT_EQ(doc.paragraphs[0].kind, ParagraphKind::numbered);
    EXPECT_EQ(doc.paragraphs[0].text,
              "The present report was prepared pursuant to resolutions 5/1 and 16/21, taking into "
              "consideration the periodicity of the review.");
    EXPECT_EQ(doc.paragraphs[0].headings, std::vector<std::string>{"I. Background"});
    EXPECT_EQ(doc.paragraphs[1].headings,
              std::vector<std::string>{"II. Scope of international obligations and cooperation "
                                       "with international human rights mechanisms and bodies"});
    EXPECT_EQ(doc.paragraphs[2].number, "3");
    EXPECT_EQ(doc.paragraphs[2].headings,
              (std::vector<std::string>{
                  "II. Scope of international obligations and cooperation with international "
                  "human rights mechanisms and bodies",
                  "A. Cross-cutting issues", "1. Equality and non-discrimination"}));
}

TEST(TextReader, MastheadInColumns) {
    const Document doc = parse_text(
        "             United Nations                                   A/HRC/WG.6/34/SVN/2\n"
        "             General Assembly                                 Distr.: General\n"
        "                                                              30 August 2019\n"
        "\n"
        "                                                              Original: English\n"
        "\n"
        "Human Rights Council\n"
        "Working Group on the Universal Periodic Review\n"
        "Thirty-fourth session\n"
        "4\xE2\x80\x93"
        "15 November 2019\n"
        "\n"
        "            Compilation on Slovenia\n"
        "\n"
        "            Report of the Office of the United Nations High Commissioner for\n"
        "            Human Rights\n"
        "\n"
        "       I. Background\n"
        "            1.     The present report was prepared.\n"
        "\n"
        "GE.19-14870(E)\n",
        "t.txt");
    expect_metadata(
        doc, {Meta::symbol("A/HRC/WG.6/34/SVN/2"), Meta::title("Compilation on Slovenia"),
              Meta::body("A/HRC"), Meta::session(34), Meta::date("2019-08-30"), Meta::lang("en"),
              Meta::distribution("General")});
    EXPECT_EQ(texts(doc), std::vector<std::string>{"The present report was prepared."});
}

TEST(TextReader, HumanRightsCouncilMasthead) {
    const Document doc = parse_text(
        "               United Nations                                          A/HRC/28/15\n"
        "               General Assembly                                   Distr.: General\n"
        "                                                                  10 December 2014\n"
        "\n"
        "                                                                  Original: English\n"
        "\n"
        "Human Rights Council\n"
        "Twenty-eighth session\n"
        "Agenda item 6\n"
        "Universal periodic review\n"
        "\n"
        "              Report of the Working Group on the Universal Periodic\n"
        "              Review at its twentieth\n"
        "              session*\n"
        "\n"
        "              Slovenia\n"
        "\n"
        "          *\n"
        "              The annex to the present report is circulated as received.\n"
        "\n"
        "GE.14-23930 (E)\n"
        "\n"
        "\n"
        "A/HRC/28/15\n"
        "\n"
        "       I. Introduction\n"
        "            1.     The Working Group held its session.\n",
        "t.txt");
    expect_metadata(doc, {Meta::symbol("A/HRC/28/15"),
                          Meta::title("Report of the Working Group on the Universal Periodic "
                                      "Review at its twentieth session"),
                          Meta::session(28), Meta::date("2014-12-10"), Meta::agenda_item("6"),
                          Meta::job_number("GE.14-23930")});
    ASSERT_FALSE(doc.paragraphs.empty());
    EXPECT_EQ(doc.paragraphs.back().number, "1");
    EXPECT_EQ(doc.paragraphs.back().headings, std::vector<std::string>{"I. Introduction"});
    for (const auto& p : doc.paragraphs) EXPECT_NE(p.text, "A/HRC/28/15");
}

TEST(TextReader, FootnotesAtThePageFootAttach) {
    const Document doc = parse_text(
        "1.  The Committee recommended ratification.3 It also noted4 the\n"
        "\n"
        "\n"
        "     3 See CCPR/C/SVN/CO/3, para. 4.\n"
        "     4 Ibid.\n"
        "\f\n"
        "work of the Ombudsman.\n"
        "2.  Next paragraph.\n",
        "t.txt");
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    const Paragraph& p = doc.paragraphs[0];
    // The marks leave the text once their notes are attached.
    EXPECT_EQ(p.text,
              "The Committee recommended ratification. It also noted the work of the Ombudsman.");
    EXPECT_EQ(footnotes_of(p),
              (std::vector<std::string>{"3 See CCPR/C/SVN/CO/3, para. 4.", "4 Ibid."}));
}

TEST(TextReader, TabSeparatedRecordsAreAParagraphEachAndNoParagraphGrowsWithoutEnd) {
    // A term list: one record a line, fields between tabs, no blank line anywhere.
    std::string list;
    for (int i = 0; i < 300; ++i)
        list += "TERM " + std::to_string(i) + "\tpref_label=TERM " + std::to_string(i) +
                "\tkind=pref\n";
    const Document terms = parse_text(list, "thesaurus.lst");
    ASSERT_EQ(terms.paragraphs.size(), 300u);
    EXPECT_EQ(terms.paragraphs[7].text.substr(0, 7), "TERM 7\t");
    EXPECT_EQ(terms.paragraphs[7].line, 8);

    // 200,000 bytes of short lines and no blank line: paragraphs of at most 64 KiB and a line.
    std::string wall;
    while (wall.size() < 200000) wall += "and the text goes on without a break\n";
    const Document doc = parse_text(wall, "wall.txt");
    ASSERT_GE(doc.paragraphs.size(), 4u);
    std::size_t total = 0;
    for (const auto& p : doc.paragraphs) {
        EXPECT_LE(p.text.size(), 64u * 1024 + 64);
        total += p.text.size() + 1;
    }
    EXPECT_EQ(total, wall.size()) << "nothing lost";
}

TEST(TextReader, EndnotesAttachInMarkerOrder) {
    const Document doc = parse_text(
        "1.  Growth was 0.7 per cent in 2018.1 It rose.\n"
        "2.  See the law, 2 the decree and para. 3 of the text. 3 Then more.\n"
        "\f\n"
        "Notes\n"
        "  1 First note.\n"
        "  2 Second note\n"
        "    continued.\n"
        "  3\n"
        "    Third note.\n"
        "  4 Orphan note.\n",
        "t.txt");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(footnotes_of(doc.paragraphs[0]), (std::vector<std::string>{"1 First note."}));
    EXPECT_EQ(footnotes_of(doc.paragraphs[1]),
              (std::vector<std::string>{"2 Second note continued.", "3 Third note."}));
    EXPECT_EQ(doc.paragraphs[2].text, "4 Orphan note.");
    EXPECT_EQ(doc.paragraphs[2].line, 10);  // the form feed's own line counts
    // The marks leave the text; a decimal, a year and "para. 3" stay.
    EXPECT_EQ(doc.paragraphs[0].text, "Growth was 0.7 per cent in 2018. It rose.");
    EXPECT_EQ(doc.paragraphs[1].text,
              "See the law, the decree and para. 3 of the text. Then more.");
}

TEST(TextReader, LinesCountSourceLinesAcrossFormFeeds) {
    const Document doc = parse_text("One.\n\fTwo.\n\f\nThree.\r\n", "t.txt");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(doc.paragraphs[0].line, 1);
    EXPECT_EQ(doc.paragraphs[1].line, 2);
    EXPECT_EQ(doc.paragraphs[2].line, 4);
}

TEST(TextReader, UnattachedNotesStayAsParagraphs) {
    const Document doc =
        parse_text("Notes\n\n 1 First note text.\n 2 Second note text.\n", "t.txt");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"1 First note text.", "2 Second note text."}));
}

TEST(TextReader, RepeatedHeadersRemoved) {
    std::string input;
    for (int page = 1; page <= 4; ++page) {
        if (page > 1) input += "\f";
        input += "Running title of the report\n\n";
        const char* const words[] = {"apples", "pears", "plums", "figs"};
        input += std::string("Body text about ") + words[page - 1] + ".\n\n";
        input += "Page " + std::to_string(page) + " of 4\n";
    }
    const Document doc = parse_text(input, "t.txt");
    ASSERT_EQ(doc.paragraphs.size(), 4u);
    for (const auto& p : doc.paragraphs) {
        EXPECT_EQ(p.text.find("Running title"), std::string::npos);
        EXPECT_EQ(p.text.find(" of 4"), std::string::npos);
    }
}

/// Number, kind and text of each paragraph, to compare layouts in one assertion.
struct Kept {
    std::string number;
    ParagraphKind kind;
    std::string text;
    bool operator==(const Kept&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Kept& k) {
    return os << "{" << k.number << ", " << static_cast<int>(k.kind) << ", \"" << k.text << "\"}";
}

struct LayoutCase {
    const char* name;
    const char* input;
    std::vector<Kept> paragraphs;
};

class NoTextLost : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(NoTextLost, KeepsTheseParagraphs) {
    const auto& c = GetParam();
    std::vector<Kept> got;
    for (const auto& p : parse_text(c.input, "t.txt").paragraphs)
        got.push_back({p.number, p.kind, p.text});
    EXPECT_EQ(got, c.paragraphs);
}

constexpr auto numbered = ParagraphKind::numbered;

INSTANTIATE_TEST_SUITE_P(
    Rows, NoTextLost,
    ::testing::Values(
        // The recommendations of a UPR report, 121.1 to 121.n inside paragraph 121 (here 2.1
        // and 2.2 in 2): each a paragraph with its number; a number in a sentence ("1.5 per
        // cent") starts none, and the outer numbering goes on.
        LayoutCase{"recommendations_numbered_inside_a_paragraph",
                   "1. The delegation thanked the States.\n"
                   "2. The recommendations below enjoy the support of Slovenia:\n"
                   "      2.1    Ratify the Convention (France)\n"
                   "      (Lithuania);\n"
                   "      2.2     Complete the process of ratification\n"
                   "      (Ukraine); raise aid to\n"
                   "      1.5 per cent (Chile);\n"
                   "3. The following recommendations will be examined.\n"
                   "\f4. The report was adopted.\n",
                   {{"1", numbered, "The delegation thanked the States."},
                    {"2", numbered, "The recommendations below enjoy the support of Slovenia:"},
                    {"2.1", numbered, "Ratify the Convention (France) (Lithuania);"},
                    {"2.2", numbered,
                     "Complete the process of ratification (Ukraine); raise aid to 1.5 per cent "
                     "(Chile);"},
                    {"3", numbered, "The following recommendations will be examined."},
                    {"4", numbered, "The report was adopted."}}},
        // A reply printed "72." and a wide gap, out of sequence, whose first line reads like a
        // heading: its lines are a paragraph, not a heading the next one displaces.
        LayoutCase{
            "wide_gap_number_out_of_sequence",
            "1.   Slovenia accepts the recommendation.\n"
            "            17.              Slovenia accepts the recommendation in the sense that it "
            "has\n"
            "                             been implemented in general action plans.\n"
            "            18.              Slovenia accepts the recommendation.\n",
            {{"1", numbered, "Slovenia accepts the recommendation."},
             {"17", numbered,
              "Slovenia accepts the recommendation in the sense that it has been implemented in "
              "general action plans."},
             {"18", numbered, "Slovenia accepts the recommendation."}}},
        // One reply to several recommendations: numbered by the first, the sequence at the last.
        LayoutCase{
            "list_of_numbers",
            "1.   Slovenia accepts the recommendation.\n"
            "            2., 3., 4.   The Government accepts these recommendations. The draft\n"
            "                         Family Code was adopted.\n"
            "            5.                   Slovenia accepts the recommendation, which has "
            "already been\n"
            "                                 implemented.\n"
            "40., 41.,   Slovenia accepts these recommendations and refers, in the light of the\n"
            "42., 43.    decision by the Constitutional Court, to the Act.\n"
            "44.   Slovenia accepts the recommendation.\n",
            {{"1", numbered, "Slovenia accepts the recommendation."},
             {"2", numbered,
              "The Government accepts these recommendations. The draft Family Code was adopted."},
             {"5", numbered,
              "Slovenia accepts the recommendation, which has already been implemented."},
             {"40", numbered,
              "Slovenia accepts these recommendations and refers, in the light of the decision by "
              "the Constitutional Court, to the Act."},
             {"44", numbered, "Slovenia accepts the recommendation."}}},
        // Recommendations numbered 1 to N inside paragraph 2; paragraph 3 resumes the outer list.
        LayoutCase{
            "nested_list_resumes",
            "1.   The Working Group held its session.\n"
            "2.   The recommendations listed below will be examined by Slovenia.\n"
            "       1.    To ratify the Convention on Migrant Workers (Algeria);\n"
            "       2.    To adjust its legal framework to international human rights standards,\n"
            "       in particular with regard to persons with disabilities (Nicaragua);\n"
            "       3.    To strengthen the Ombudsman (Egypt);\n"
            "       4.    To adopt a plan (Norway);\n"
            "3.   All conclusions reflect the position of the submitting States.\n",
            {{"1", numbered, "The Working Group held its session."},
             {"2", numbered, "The recommendations listed below will be examined by Slovenia."},
             {"1", numbered, "To ratify the Convention on Migrant Workers (Algeria);"},
             {"2", numbered,
              "To adjust its legal framework to international human rights standards, in "
              "particular with regard to persons with disabilities (Nicaragua);"},
             {"3", numbered, "To strengthen the Ombudsman (Egypt);"},
             {"4", numbered, "To adopt a plan (Norway);"},
             {"3", numbered, "All conclusions reflect the position of the submitting States."}}},
        // A year at the start of a line continues the sentence above it.
        LayoutCase{
            "year_continues_sentence",
            "1.   The Working Group held its seventh session from 8 to 19 February\n"
            "2010. The review of Slovenia was held at the 14th meeting.\n",
            {{"1", numbered,
              "The Working Group held its seventh session from 8 to 19 February 2010. The review "
              "of Slovenia was held at the 14th meeting."}}},
        // Headings no paragraph was read under stay as heading paragraphs.
        LayoutCase{"empty_sections_kept",
                   "I. Background\n\nII. Scope of obligations\n\n1.   Slovenia ratified it.\n\n"
                   "III. Voluntary commitments\n",
                   {{"", ParagraphKind::heading, "I. Background"},
                    {"1", numbered, "Slovenia ratified it."},
                    {"", ParagraphKind::heading, "III. Voluntary commitments"}}}));

TEST(TextReader, ParagraphNumberLists) {
    const struct {
        std::string_view line;
        std::string number, last, text;
    } rows[] = {
        {"72.          Slovenia accepts", "72", "72", "Slovenia accepts"},
        {"5., 6., 7., 8., 9.   The Government", "5", "9", "The Government"},
        {"40., 41., 42.,   Slovenia", "40", "42", "Slovenia"},
        {"43., 44. 45.   Slovenia", "43", "45", "Slovenia"},
        {"3. 4.5 per cent", "3", "3", "4.5 per cent"},
        {"9. 7. Not a list", "9", "9", "7. Not a list"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.line);
        const auto n = layout::paragraph_number(r.line);
        ASSERT_TRUE(n.has_value());
        EXPECT_EQ(n->number, r.number);
        EXPECT_EQ(n->last, r.last);
        EXPECT_EQ(r.line.substr(n->text_begin), r.text);
    }
    EXPECT_FALSE(layout::paragraph_number("43., 44.").has_value());
}

// ---- Hard-wrapped text (General Debate records cut at a fixed width) ----

/// Greedy wrap of paragraphs at column (thousandths of an em in Times), a compound cut at its
/// hyphen when only its first part fits, as the verbatim records are set.
std::string wrap(const std::vector<std::string>& paragraphs, int column,
                 const std::string& indent) {
    std::string out;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        std::string line = p > 0 ? indent : "";
        const auto fits = [&](const std::string& s) {
            return wrapped::text_width(trim(s)) <= column;
        };
        std::size_t i = 0;
        const std::string& text = paragraphs[p];
        while (i < text.size()) {
            std::size_t end = text.find(' ', i);
            if (end == std::string::npos) end = text.size();
            std::string word = text.substr(i, end - i);
            i = end + 1;
            const std::string sep = trim(line).empty() ? "" : " ";
            if (fits(line + sep + word)) {
                line += sep + word;
                continue;
            }
            const std::size_t hyphen = word.find('-');
            if (hyphen != std::string::npos && fits(line + sep + word.substr(0, hyphen + 1))) {
                out += line + sep + word.substr(0, hyphen + 1) + "\n";
                word = word.substr(hyphen + 1);
            } else {
                out += line + "\n";
            }
            line = word;
        }
        out += line + "\n";
    }
    return out;
}

const std::vector<std::string> kSpeech = {
    "I congratulate you, Sir, on your election as President of the General Assembly at its "
    "fiftieth session. I also thank your predecessor for the excellent way in which he conducted "
    "the work of the last session, and the Secretary-General for his tireless efforts.",
    "The end of the cold war opened a period of hope. The peace-keeping operations of the "
    "Organization have grown in number and in scope, and the self-determination of peoples has "
    "made great progress. Yet conflicts continue to rage in many regions of the world, and the "
    "non-proliferation regime needs the support of all States Members of the United Nations.",
    "Development remains the first concern of most of the peoples represented here. The "
    "developing countries carry a heavy burden of debt. Their exports meet closed markets, and "
    "official development assistance has fallen. The international community must act.",
    "The reform of the Security Council is overdue. Its membership should reflect the world of "
    "today, and its working methods should be more transparent. We support an increase in both "
    "categories of membership, and the well-being of small States matters.",
    "Africa deserves a special word. Its peoples have shown great courage in the face of "
    "drought, conflict and disease, and many of its States have chosen the path of democracy "
    "and economic reform. The non-governmental organizations working there need our support, "
    "and the international community must keep the promises it has made.",
    "Disarmament remains a task for all of us. The indefinite extension of the Treaty on the "
    "Non-Proliferation of Nuclear Weapons was an important step, and a comprehensive test-ban "
    "treaty should now be concluded without delay. Anti-personnel landmines kill and maim "
    "thousands of civilians every year.",
    "Let me end with a word of hope. The Charter remains our common guide, and the Organization "
    "remains the best instrument for peace-keeping, development and human rights that the "
    "peoples of the world have ever built. Thank you.",
};

struct WrapCase {
    const char* name;
    std::string indent;                ///< put before each paragraph's first line
    std::string (*edit)(std::string);  ///< changes the wrapped text (page furniture, CRLF ...)
};

class Unwrapping : public ::testing::TestWithParam<WrapCase> {};

TEST_P(Unwrapping, GivesTheSpeechParagraphsBack) {
    const auto& c = GetParam();
    const std::string wrapped = wrap(kSpeech, 23000, c.indent);
    const std::string text = c.edit(wrapped);
    const Document doc = parse_text(text, "t.txt");
    EXPECT_EQ(texts(doc), kSpeech) << text;
    // The test means something only if words were cut at line ends and lines were many.
    EXPECT_GE(std::count(wrapped.begin(), wrapped.end(), '\n'), 40);
    EXPECT_NE(wrapped.find("-\n"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Unwrapping,
    ::testing::Values(WrapCase{"flush_left", "", [](std::string t) { return t; }},
                      WrapCase{"indented", " ", [](std::string t) { return t; }},
                      WrapCase{"crlf_and_bom", "",
                               [](std::string t) {
                                   std::string out = "\xEF\xBB\xBF";
                                   for (const char ch : t)
                                       out += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
                                   return out;
                               }},
                      // A page break in mid-paragraph: blank lines, the page number and job number
                      // either way round, as sessions 60 and 65 print them.
                      WrapCase{"page_breaks_inside_paragraphs", "",
                               [](std::string t) {
                                   std::size_t at = 0;
                                   for (int n = 0; n < 9; ++n) at = t.find('\n', at) + 1;
                                   t.insert(at, "\n\n05-51226 11\n\n");
                                   for (int n = 0; n < 12; ++n) at = t.find('\n', at) + 1;
                                   t.insert(at, " \n 21 10-54959\n\n12\n");
                                   return t;
                               }}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TextReader, WrappedSpeechLineNumbersAndNoBreakAfterTitles) {
    // "Mr." closing a short line is no sentence end: the name goes on below it.
    std::string text = wrap(kSpeech, 23000, "");
    const std::size_t second = text.find("The end of the cold war");
    text.insert(second, "I also thank Mr.\nAmara Essy.\n");
    const Document doc = parse_text(text, "t.txt");
    ASSERT_EQ(doc.paragraphs.size(), kSpeech.size() + 1) << ::testing::PrintToString(texts(doc));
    EXPECT_EQ(doc.paragraphs[1].text, "I also thank Mr. Amara Essy.");
    EXPECT_EQ(doc.paragraphs[2].text, kSpeech[1]);
    EXPECT_EQ(doc.paragraphs[0].line, 1);
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + second, '\n'));
    EXPECT_EQ(doc.paragraphs[1].line, line);
    EXPECT_EQ(doc.paragraphs[2].line, line + 2);
}

TEST(TextReader, TextFromALayoutKeepsTheLayoutRules) {
    // A one-page PDF or Word file has no page mark: its name says where its text comes from.
    const std::string wrapped = wrap(kSpeech, 23000, "");
    EXPECT_EQ(parse_text(wrapped, "speech.txt").paragraphs.size(), kSpeech.size());
    for (const char* name : {"speech.pdf", "speech.DOC", "speech.docx"}) {
        EXPECT_EQ(parse_text(wrapped, name).paragraphs.size(), 1u) << name;
        EXPECT_EQ(texts(parse_text("The imple-\nmentation.\n", name)),
                  std::vector<std::string>{"The implementation."})
            << name;
    }
}

TEST(TextReader, HardWrappedDetection) {
    const auto lines_of = [](const std::string& text) {
        std::vector<wrapped::SourceLine> out;
        int n = 0;
        for (const auto line : split_lines(text)) out.push_back({line, ++n});
        return out;
    };
    const std::string speech = wrap(kSpeech, 23000, "");
    EXPECT_TRUE(wrapped::is_hard_wrapped(lines_of(speech)));
    // Wrapped paragraphs with blank lines between them: the blank lines say where they end.
    std::string blank_separated;
    for (const auto& p : kSpeech) blank_separated += wrap({p}, 23000, "") + "\n";
    EXPECT_FALSE(wrapped::is_hard_wrapped(lines_of(blank_separated)));
    // Too short to tell, and lines with column gaps (a layout, not a column of prose).
    EXPECT_FALSE(wrapped::is_hard_wrapped(lines_of(wrap({kSpeech[0]}, 23000, ""))));
    std::string table;
    for (int i = 0; i < 40; ++i)
        table += "Slovenia accepted     " + std::to_string(i) + "     recommendations\n";
    EXPECT_FALSE(wrapped::is_hard_wrapped(lines_of(table)));
}

TEST(TextReader, WrappedFurniture) {
    const struct {
        std::string_view line;
        bool furniture;
    } rows[] = {{"12", true},
                {"05-51226 11", true},
                {"21 10-54959", true},
                {"2 05-51226 ", true},
                {"10 people-centred", false},
                {"In 1995 the", false},
                {"A/60/PV.4) spoke", false}};
    for (const auto& r : rows) EXPECT_EQ(wrapped::is_furniture(r.line), r.furniture) << r.line;
}

TEST(TextReader, HyphenVocabularyCountsWordsNotTheHalvesOfCuts) {
    const HyphenVocabulary words({"The imple-", "", "  mentation of self-determination, Self-",
                                  "Determination and the NON-SELF-GOVERNING Territories."});
    EXPECT_EQ(words.count("imple"), 0);
    EXPECT_EQ(words.count("mentation"), 0);
    EXPECT_EQ(words.count("Determination"), 0);
    EXPECT_EQ(words.count("self-determination"), 1);
    EXPECT_EQ(words.count("non-self-governing"), 1);
    EXPECT_EQ(words.count("of"), 1);
    EXPECT_EQ(words.count("territories"), 1);
}

/// One line-end hyphenation: the document's other words, the text so far, the next line.
struct HyphenCase {
    const char* name;
    std::vector<std::string_view> document;
    std::string text;
    std::string_view line;
    std::string expected;
};

class Hyphenation : public ::testing::TestWithParam<HyphenCase> {};

TEST_P(Hyphenation, JoinsAsTheDocumentSpells) {
    const auto& c = GetParam();
    std::string text = c.text;
    HyphenVocabulary(c.document).append(text, c.line);
    EXPECT_EQ(text, c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, Hyphenation,
    ::testing::Values(
        HyphenCase{"capitalised_half_keeps_hyphen",
                   {},
                   "its first Secretary-",
                   "General, Trygve Lie.",
                   "its first Secretary-General, Trygve Lie."},
        HyphenCase{"joined_elsewhere_joins",
                   {"under international law"},
                   "inter-",
                   "national law",
                   "international law"},
        HyphenCase{"hyphenated_elsewhere_keeps",
                   {"peace-keeping operations"},
                   "peace-",
                   "keeping",
                   "peace-keeping"},
        HyphenCase{"joined_more_often_joins",
                   {"peacekeeping, peacekeeping and peace-keeping"},
                   "peace-",
                   "keeping",
                   "peacekeeping"},
        HyphenCase{"compound_of_words_keeps",
                   {"serving the self"},
                   "a pawn of self-",
                   "serving interests",
                   "a pawn of self-serving interests"},
        HyphenCase{"unseen_either_way_keeps",
                   {"decision making"},
                   "the decision-",
                   "making",
                   "the decision-making"},

        HyphenCase{
            "end_of_a_longer_compound_keeps", {}, "one-size-", "fits-all", "one-size-fits-all"},
        HyphenCase{"suspended_hyphen_keeps_space",
                   {},
                   "economic-",
                   "and social-security",
                   "economic- and social-security"},
        HyphenCase{
            "number_range", {}, "the biannual 2023-", "2024 term", "the biannual 2023-2024 term"},
        HyphenCase{"spaced_dash_is_no_cut", {}, "at last -", "on the eve", "at last - on the eve"},
        HyphenCase{"double_hyphen_is_no_cut", {}, "the war--", "and after", "the war-- and after"},
        HyphenCase{"sentence_end", {}, "It ends.", "Next one", "It ends. Next one"},
        HyphenCase{"accented_letters",
                   {"Bosnia and Herzegovina"},
                   "Bosnia and Herze-",
                   "govina.",
                   "Bosnia and Herzegovina."}),
    [](const auto& info) { return std::string(info.param.name); });

// ---- Real files ----

std::string shared(const std::string& rel) {
    return std::string(PLENARY_SHARED_DIR) + "/" + rel;
}

TEST(TextReaderReal, UprCompilation) {
    const std::string path = shared("corpus-real/upr-slovenia/cycle3/extracted/g1925890.txt");
    if (!fs::exists(path)) GTEST_SKIP() << "corpus-real not found at " << path;
    const Document doc = parse_text(read_file(path), path);
    expect_metadata(
        doc, {Meta::symbol("A/HRC/WG.6/34/SVN/2"), Meta::session(34), Meta::date("2019-08-30"),
              Meta::lang("en"), Meta::distribution("General"), Meta::job_number("GE.19-14870")});
    int last = 0;
    for (const auto& p : doc.paragraphs) {
        EXPECT_NE(trim(p.text), "A/HRC/WG.6/34/SVN/2");
        EXPECT_EQ(p.text.find("GE.19-"), std::string::npos) << p.text;
        if (p.kind == ParagraphKind::numbered) {
            EXPECT_EQ(std::stoi(p.number), last + 1) << p.text.substr(0, 80);
            last = std::stoi(p.number);
        }
    }
    EXPECT_GE(last, 60);
    std::size_t notes = 0;
    for (const auto& p : doc.paragraphs) notes += p.footnotes.size();
    EXPECT_GE(notes, 60u);  // of 144 endnotes; the rest stay as paragraphs
}

// Issue 12: the recommendations 121.1 to 122.n of the third UPR report of Slovenia were two
// paragraphs of 9 and 28 KB; each is its own paragraph, numbered as printed.
TEST(TextReaderReal, UprRecommendationsAreParagraphsOfTheirOwn) {
    const std::string path = shared("corpus-real/upr-slovenia/cycle3/extracted/g1934994.txt");
    if (!fs::exists(path)) GTEST_SKIP() << "corpus-real not found at " << path;
    const Document doc = parse_text(read_file(path), path);
    std::size_t under_121 = 0, under_122 = 0, longest = 0;
    for (const auto& p : doc.paragraphs) {
        under_121 += p.number.rfind("121.", 0) == 0;
        under_122 += p.number.rfind("122.", 0) == 0;
        if (p.kind == ParagraphKind::numbered) longest = std::max(longest, p.text.size());
    }
    EXPECT_GT(under_121, 50U);
    EXPECT_GT(under_122, 100U);
    EXPECT_LT(longest, 2000U);
}

TEST(TextReaderReal, FlagshipReportHasNoBarePageNumbers) {
    const std::string path =
        shared("corpus-real/un-flagship-reports-txt/hdr2013_the rise of the south en_complete.txt");
    if (!fs::exists(path)) GTEST_SKIP() << "corpus-real not found at " << path;
    const Document doc = parse_text(read_file(path), path);
    EXPECT_GT(doc.paragraphs.size(), 1000u);
    for (const auto& p : doc.paragraphs) {
        EXPECT_FALSE(layout::is_page_furniture(p.text)) << p.line << ": " << p.text;
    }
}

TEST(TextReaderReal, ScannedLetterIsEmpty) {
    const std::string path =
        shared("corpus-real/upr-slovenia/cycle3/extracted/Letter-OHCHR-HC-Slovenia.txt");
    if (!fs::exists(path)) GTEST_SKIP() << "corpus-real not found at " << path;
    EXPECT_TRUE(parse_text(read_file(path), path).paragraphs.empty());
}

TEST(TextReaderReal, EveryTextFileParsesAndEverySpeechHasParagraphs) {
    const std::string root = shared("corpus-real");
    if (!fs::exists(root)) GTEST_SKIP() << "corpus-real not found at " << root;
    std::size_t files = 0;
    std::size_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
        const std::string path = entry.path().string();
        const std::string data = read_file(path);
        const Document doc = parse_text(data, path);
        if (path.find("/ungdc/") != std::string::npos) {
            EXPECT_FALSE(doc.paragraphs.empty()) << path;
        }
        ++files;
        bytes += data.size();
    }
    EXPECT_GT(files, 3000u);
    EXPECT_GT(bytes, 40u << 20);
}

TEST(TextReaderReal, PrintableStringsOfWordFilesAreRefusedAndNamed) {
    // Four UPR cycle 2 "advance questions" .txt files are `strings` output of .docx files:
    // zip member names and compressed bytes, no text. (The cycle 3 ones, `strings` of .doc
    // files, do hold the questions among their noise, and are read.)
    const fs::path dir = shared("corpus-real/upr-slovenia");
    if (!fs::exists(dir)) GTEST_SKIP() << "corpus-real not found at " << dir;
    std::size_t refused = 0, read = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
        const std::string path = entry.path().string();
        const bool zip_strings =
            entry.path().filename().string().rfind("AdvancedQuestions", 0) == 0;
        try {
            read_document(path);
            EXPECT_FALSE(zip_strings) << path << " was read as text";
            ++read;
        } catch (const DocumentError& e) {
            EXPECT_TRUE(zip_strings) << e.what();
            EXPECT_EQ(e.path(), path);
            EXPECT_EQ(
                e.message(),
                "not text: the printable strings of a zipped Office file ([Content_Types].xml, "
                "_rels/.rels); index the .docx itself");
            ++refused;
        }
    }
    EXPECT_EQ(refused, 4u);
    EXPECT_GT(read, 30u);
}
}  // namespace
}  // namespace plenary
