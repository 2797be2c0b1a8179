// Tests for core/readers/publication: the own symbol of a UN publication, from its copyright
// page (excerpts of corpus-real/un-flagship-reports-txt).
#include "readers/publication.h"

#include <gtest/gtest.h>

#include <string>

namespace plenary::publication {
namespace {

// World Economic and Social Survey 2013: title page, then the copyright page.
constexpr const char* kWess2013 =
    "Department of Economic and Social Affairs\n\n"
    "World Economic and Social Survey 2013\n\nSustainable Development Challenges\n\n"
    "United Nations\nNew York, 2013\n\nE/2013/50/Rev. 1\nST/ESA/344\n\nDESA\n"
    "The Department of Economic and Social Affairs of the United Nations Secretariat is\n"
    "a vital interface between global policies in the economic, social and environmental\n\f\n"
    "E/2013/50/Rev. 1\nST/ESA/344\nISBN 978-92-1-109167-0\neISBN 978-92-1-056082-5\n\n"
    "United Nations publication\nSales No. E.13.II.C.1\nCopyright @ United Nations, 2013\n"
    "All rights reserved\n";

// UNCTAD: the symbol under the designations disclaimer, no sales number.
constexpr const char* kUnctad =
    "of any opinion on the part of the United Nations concerning the legal status of any "
    "country,\nterritory, city or area, or of authorities or concerning the delimitation of its "
    "frontiers or boundaries.\nMaterial in this publication may be freely quoted or reprinted, "
    "but acknowledgement is\nrequested, together with a copy of the publication.\n\n"
    "UNCTAD/DTL/STICT/2014/2\n\niii\n\nAcknowledgments\n";

TEST(FrontMatterSymbol, TakesTheSymbolNearestTheCopyrightPage) {
    EXPECT_EQ(front_matter_symbol(kWess2013), "ST/ESA/344");
    EXPECT_EQ(front_matter_symbol(kUnctad), "UNCTAD/DTL/STICT/2014/2");
    EXPECT_EQ(front_matter_symbol("ST/ESA/SER.A/423\n\nUnited Nations publication\n"
                                  "Sales No. E.19.XIII.4\n"),
              "ST/ESA/SER.A/423");
}

TEST(FrontMatterSymbol, NeedsACopyrightPageAndASymbolLineOfAKnownSeries) {
    // A symbol line without a copyright page: a report's running text, not a publication.
    EXPECT_EQ(front_matter_symbol("Introduction\n\nST/ESA/344\n\nThe Survey argues\n"), "");
    // An ISBN alone, or a symbol in a sentence, or a series the table does not list.
    EXPECT_EQ(front_matter_symbol("ISBN 978-92-1-126340-4\nCopyright 2013\n"), "");
    EXPECT_EQ(front_matter_symbol("ISBN 978-92-1-109167-0\nSee ST/ESA/344 for the data.\n"), "");
    EXPECT_EQ(front_matter_symbol("HS/089/12E\nISBN (Series): 978-92-1-133400-5\n"), "");
    // Beyond the front matter (the fourth page on), references cite publications.
    std::string late = "Title\n\f\nPreface\n\f\nContents\n\f\nChapter I\n\f\n";
    late += "ST/ESA/SER.A/313\nUnited Nations publication, Sales No. E.11.XIII.8\n";
    EXPECT_EQ(front_matter_symbol(late), "");
}

}  // namespace
}  // namespace plenary::publication
