// The General Assembly's resolutions as printed (A/RES/73/3, 6, 7, 8) and a UPR compilation
// (A/HRC/WG.6/34/SVN/2), read from their PDFs in place: titles, preamble, operative paragraphs,
// footnotes and page furniture.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "base/text_util.h"
#include "readers/reader.h"
#include "refs/references.h"

using namespace plenary;
namespace fs = std::filesystem;

namespace {

const fs::path corpus = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
const fs::path resolutions = corpus / "ga-resolutions-pdf" / "sample-docs";

#define NEED_CORPUS()                             \
    if (!fs::is_directory(resolutions))           \
    GTEST_SKIP() << "no " << resolutions.string() \
                 << " (the shared corpus is not beside the repository)"

const Document& resolution(int number) {
    static std::map<int, Document> read;
    auto it = read.find(number);
    if (it == read.end()) {
        const fs::path path = resolutions / ("A_RES_73_" + std::to_string(number) + "-EN.pdf");
        it = read.emplace(number, read_document(path.string())).first;
        extract_references(it->second);
    }
    return it->second;
}

const Paragraph* starting(const Document& doc, std::string_view prefix) {
    for (const auto& p : doc.paragraphs)
        if (p.text.rfind(prefix, 0) == 0) return &p;
    return nullptr;
}

int count(const Document& doc, ParagraphKind kind) {
    return static_cast<int>(std::count_if(doc.paragraphs.begin(), doc.paragraphs.end(),
                                          [&](const Paragraph& p) { return p.kind == kind; }));
}

const struct Printed {
    int number;
    std::string title;
    int preambular;  // "The General Assembly," and the paragraphs before "1."
    int operative;   // "1." to "N."
    int notes;       // footnotes 1 to N below the separator lines
} printed[] = {
    {3,
     "Political declaration of the high-level meeting of the General Assembly on the fight against "
     "tuberculosis",
     1, 53, 7},
    {6,
     "Fiftieth anniversary of the first United Nations Conference on the Exploration and Peaceful "
     "Uses of "
     "Outer Space: space as a driver of sustainable development",
     26, 14, 6},
    {7, "Report of the International Criminal Court", 14, 28, 9},
    {8,
     "Necessity of ending the economic, commercial and financial embargo imposed by the United "
     "States of "
     "America against Cuba",
     9, 5, 1},
};

TEST(GaResolutionsPdf, TitlesAsPrintedWithoutTheirNumber) {
    NEED_CORPUS();
    for (const auto& row : printed) {
        SCOPED_TRACE(row.number);
        EXPECT_EQ(resolution(row.number).title, row.title);
    }
}

TEST(GaResolutionsPdf, AdoptionDateMeetingAndDraft) {
    NEED_CORPUS();
    const Document& doc = resolution(8);
    EXPECT_EQ(doc.date, "2018-11-05");  // the distribution date stays the document's date
    EXPECT_EQ(doc.adopted, "2018-11-01");
    EXPECT_EQ(doc.meeting, "30th plenary meeting");
    EXPECT_EQ(doc.draft, "A/73/L.3");
    EXPECT_EQ(resolution(6).draft, "A/73/L.6");
    EXPECT_EQ(resolution(6).adopted, "2018-10-26");
    EXPECT_EQ(resolution(7).meeting, "28th plenary meeting");
}

TEST(GaResolutionsPdf, PreambularParagraphsEachOnTheirOwn) {
    NEED_CORPUS();
    for (const auto& row : printed) {
        SCOPED_TRACE(row.number);
        const Document& doc = resolution(row.number);
        EXPECT_EQ(count(doc, ParagraphKind::preambular), row.preambular);
        EXPECT_EQ(count(doc, ParagraphKind::numbered), row.operative);
        ASSERT_FALSE(doc.paragraphs.empty());
        EXPECT_EQ(doc.paragraphs[0].kind, ParagraphKind::preambular);
        EXPECT_EQ(doc.paragraphs[0].text.rfind("The General Assembly", 0), 0u)
            << doc.paragraphs[0].text;
        // Operative paragraphs numbered 1 to N in order.
        int expected = 1;
        for (const auto& p : doc.paragraphs) {
            if (p.kind == ParagraphKind::numbered) {
                EXPECT_EQ(p.number, std::to_string(expected++));
            }
        }
        EXPECT_GT(expected, 1) << "no numbered operative paragraph";
    }
    const Document& icc = resolution(7);
    ASSERT_GE(icc.paragraphs.size(), 3u);
    EXPECT_EQ(icc.paragraphs[1].text,
              "Recalling its resolution 72/3 of 30 October 2017 and all its previous relevant "
              "resolutions,");
    EXPECT_EQ(icc.paragraphs[2].text.rfind("Recalling also that the Rome Statute", 0), 0u);
}

TEST(GaResolutionsPdf, FootnotesAttachedAndMarksOutOfTheText) {
    NEED_CORPUS();
    for (const auto& row : printed) {
        SCOPED_TRACE(row.number);
        std::set<std::string> attached;
        for (const auto& p : resolution(row.number).paragraphs)
            for (const auto& f : p.footnotes) attached.insert(f.marker);
        std::set<std::string> all;
        for (int n = 1; n <= row.notes; ++n) all.insert(std::to_string(n));
        EXPECT_EQ(attached, all);
    }
    const Paragraph* rome = starting(resolution(7), "Recalling also that the Rome Statute");
    ASSERT_NE(rome, nullptr);
    EXPECT_EQ(
        rome->text,
        "Recalling also that the Rome Statute of the International Criminal Court reaffirms the "
        "purposes and principles of the Charter of the United Nations,");
    ASSERT_EQ(rome->footnotes.size(), 1u);
    EXPECT_EQ(rome->footnotes[0].marker, "1");
    EXPECT_EQ(rome->footnotes[0].text, "United Nations, Treaty Series, vol. 2187, No. 38544.");

    const Paragraph* takes_note = starting(resolution(8), "Takes note of the report");
    ASSERT_NE(takes_note, nullptr);
    EXPECT_EQ(takes_note->number, "1");
    EXPECT_EQ(takes_note->text,
              "Takes note of the report of the Secretary-General on the implementation of "
              "resolution 72/4;");
    ASSERT_EQ(takes_note->footnotes.size(), 1u);
    EXPECT_EQ(takes_note->footnotes[0].text, "A/73/85.");
    const auto& symbols = takes_note->refs.symbols;
    EXPECT_NE(std::find(symbols.begin(), symbols.end(), "A/73/85"), symbols.end());

    // A mark poppler glued to its word in full-size type ("UNISPACE+50,1") leaves it too.
    const Paragraph* noting =
        starting(resolution(6), "Noting with satisfaction that the Committee");
    ASSERT_NE(noting, nullptr);
    EXPECT_EQ(noting->kind, ParagraphKind::preambular);
    EXPECT_EQ(noting->text.substr(noting->text.size() - 12), "UNISPACE+50,");
}

/// Separator lines, job numbers, bar codes, page numbers, running heads and the closing
/// "Nth plenary meeting" with its date.
bool furniture(const Paragraph& p, const Document& doc) {
    const std::string& t = p.text;
    if (t.find("_____") != std::string::npos || t.find("(E)") != std::string::npos) return true;
    if (t.size() > 2 && t.front() == '*' && t.back() == '*') return true;
    if (t.find("plenary meeting") != std::string::npos && t.size() < 30) return true;
    if (t.rfind(doc.symbol, 0) == 0) return true;
    // The running head repeats the title; 73/3's declaration is headed by it once, as printed.
    if (p.kind != ParagraphKind::heading && t.rfind(doc.title, 0) == 0) return true;
    return std::all_of(t.begin(), t.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '/' || c == ' ' || c == '-';
    });
}

TEST(GaResolutionsPdf, NoFurnitureParagraphs) {
    NEED_CORPUS();
    for (const auto& row : printed) {
        SCOPED_TRACE(row.number);
        const Document& doc = resolution(row.number);
        for (const auto& p : doc.paragraphs) EXPECT_FALSE(furniture(p, doc)) << p.text;
        EXPECT_EQ(doc.job_number.substr(0, 3), "18-");
    }
}

TEST(GaResolutionsPdf, UprCompilationKeepsFootnotesOfMarksAndHeadings) {
    NEED_CORPUS();
    const Document doc =
        read_document((corpus / "upr-slovenia" / "3rdcycleunoriginal" / "g1925890.pdf").string());
    ASSERT_EQ(doc.symbol, "A/HRC/WG.6/34/SVN/2");
    const Paragraph* second = nullptr;
    for (const auto& p : doc.paragraphs)
        if (p.kind == ParagraphKind::numbered && p.number == "2") second = &p;
    ASSERT_NE(second, nullptr);
    // Mark 4 stands spaced after "Rights" ("Cultural Rights 4 and the Convention").
    EXPECT_NE(second->text.find("Cultural Rights and the Convention"), std::string::npos)
        << second->text;
    const auto note4 = std::find_if(second->footnotes.begin(), second->footnotes.end(),
                                    [](const Footnote& f) { return f.marker == "4"; });
    ASSERT_NE(note4, second->footnotes.end());
    EXPECT_EQ(note4->text.rfind("E/C.12/SVN/CO/2, para. 29", 0), 0u) << note4->text;
    // No note is left as a paragraph of its own ("9 For relevant recommendations, see ...").
    for (const auto& p : doc.paragraphs) {
        const std::size_t space = p.text.find(' ');
        const std::string first = p.text.substr(0, space);
        const bool note_like =
            p.kind == ParagraphKind::unnumbered && !first.empty() && first.size() <= 3 &&
            std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; });
        EXPECT_FALSE(note_like) << p.text;
    }
    // Every note 1 to 144 is attached somewhere.
    std::set<int> attached;
    for (const auto& p : doc.paragraphs)
        for (const auto& f : p.footnotes) attached.insert(std::stoi(f.marker));
    EXPECT_EQ(attached.size(), 144u);
    EXPECT_EQ(*attached.rbegin(), 144);
}

}  // namespace
