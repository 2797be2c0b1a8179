// Tests for core/refs/references: the reference pass over a whole document (extract_references),
// which combines the symbol, resolution, country and session finders tested on their own
// elsewhere. What is tested here is what the pass adds: footnotes are read, the document's own
// symbol is not a citation, the document's body and language are the citing context, results
// are de-duplicated per paragraph, and earlier results are replaced.
#include "refs/references.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace plenary {
namespace {

Paragraph paragraph(std::string text, std::vector<std::string> footnotes = {}) {
    Paragraph p;
    p.text = std::move(text);
    for (auto& f : footnotes) p.footnotes.push_back(Footnote{"1", std::move(f)});
    return p;
}

std::vector<std::string> resolution_ids(const References& r) {
    std::vector<std::string> out;
    for (const auto& res : r.resolutions) out.push_back(res.id + (res.decision ? " D" : ""));
    return out;
}

using Strings = std::vector<std::string>;

TEST(ExtractReferences, ReadsTheTextAndEachFootnote) {
    Document doc;
    doc.lang = "en";
    doc.paragraphs.push_back(paragraph("The report is before the Assembly.",
                                       {"A/75/115.", "Security Council resolution 2482 (2019)."}));
    extract_references(doc);
    const References& r = doc.paragraphs[0].refs;
    EXPECT_EQ(r.symbols, Strings{"A/75/115"});
    EXPECT_EQ(resolution_ids(r), Strings{"S/RES/2482(2019)"});
}

TEST(ExtractReferences, OwnSymbolIsNotACitation) {
    Document doc;
    doc.symbol = "A/HRC/43/2";
    doc.paragraphs.push_back(paragraph("This report (A/HRC/43/2) follows A/HRC/40/2/Add.1."));
    extract_references(doc);
    const References& r = doc.paragraphs[0].refs;
    EXPECT_EQ(r.symbols, Strings{"A/HRC/40/2/Add.1"});
    // The base of a cited addendum is its parent document, even when that is not cited itself.
    EXPECT_EQ(r.symbol_bases, Strings{"A/HRC/40/2"});
}

TEST(ExtractReferences, DuplicatesAcrossTextAndFootnotesCountOnce) {
    Document doc;
    doc.paragraphs.push_back(paragraph("See A/75/115 and Niger; A/75/115 again, Niger again.",
                                       {"A/75/115, Niger, at its seventy-third session."}));
    doc.paragraphs.push_back(paragraph("Niger at the seventy-third session and the 73rd session."));
    extract_references(doc);
    const References& first = doc.paragraphs[0].refs;
    EXPECT_EQ(first.symbols, Strings{"A/75/115"});
    EXPECT_EQ(first.symbol_bases, Strings{"A/75/115"});
    EXPECT_EQ(first.countries, Strings{"NER"});
    EXPECT_EQ(first.sessions, std::vector<int>{73});
    // De-duplication is per paragraph: the second paragraph has its own references.
    const References& second = doc.paragraphs[1].refs;
    EXPECT_EQ(second.countries, Strings{"NER"});
    EXPECT_EQ(second.sessions, std::vector<int>{73});
    EXPECT_TRUE(second.symbols.empty());
}

TEST(ExtractReferences, CountriesAndDemonymsApart) {
    Document doc;
    doc.paragraphs.push_back(paragraph("Chad, Niger and Mali; 13 Nigerians and 2 Ivorians."));
    extract_references(doc);
    const References& r = doc.paragraphs[0].refs;
    EXPECT_EQ(r.countries, (Strings{"TCD", "NER", "MLI"}));
    EXPECT_EQ(r.demonyms, (Strings{"NGA", "CIV"}));
}

TEST(ExtractReferences, TheDocumentsBodyIsTheCitingOrgan) {
    // "its resolution 6/37" is the citing body's own resolution.
    const std::string text = "Recalling its resolution 6/37 of 14 December 2007";
    Document council;
    council.body = "A/HRC";
    council.paragraphs.push_back(paragraph(text));
    extract_references(council);
    EXPECT_EQ(resolution_ids(council.paragraphs[0].refs), Strings{"A/HRC/RES/6/37"});

    Document assembly = council;
    assembly.body = "A";
    extract_references(assembly);
    const Strings ids = resolution_ids(assembly.paragraphs[0].refs);
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), "A/HRC/RES/6/37") == ids.end())
        << "the Assembly's text cites the Council's resolution: " << ids.front();
}

TEST(ExtractReferences, TheDocumentsLanguageReadsSessions) {
    Document doc;
    doc.lang = "fr";
    doc.paragraphs.push_back(paragraph("à sa soixante-neuvième session"));
    extract_references(doc);
    EXPECT_EQ(doc.paragraphs[0].refs.sessions, std::vector<int>{69});

    // No language: English is assumed, and a French ordinal is no session.
    doc.lang.clear();
    extract_references(doc);
    EXPECT_TRUE(doc.paragraphs[0].refs.sessions.empty());
}

TEST(ExtractReferences, ReplacesEarlierReferences) {
    Document doc;
    doc.paragraphs.push_back(paragraph("Nothing cited here."));
    doc.paragraphs[0].refs.symbols = {"A/1"};
    doc.paragraphs[0].refs.countries = {"FRA"};
    doc.paragraphs[0].refs.sessions = {1};
    extract_references(doc);
    const References& r = doc.paragraphs[0].refs;
    EXPECT_TRUE(r.symbols.empty());
    EXPECT_TRUE(r.symbol_bases.empty());
    EXPECT_TRUE(r.countries.empty());
    EXPECT_TRUE(r.sessions.empty());
    EXPECT_TRUE(r.resolutions.empty());
}

TEST(ExtractReferences, EmptyDocumentAndEmptyParagraphs) {
    Document empty;
    extract_references(empty);
    EXPECT_TRUE(empty.paragraphs.empty());

    Document doc;
    doc.paragraphs.push_back(paragraph("", {""}));
    extract_references(doc);
    const References& r = doc.paragraphs[0].refs;
    EXPECT_TRUE(r.symbols.empty());
    EXPECT_TRUE(r.countries.empty());
    EXPECT_TRUE(r.resolutions.empty());
}

}  // namespace
}  // namespace plenary
