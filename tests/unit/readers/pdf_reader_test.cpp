#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "base/error.h"
#include "readers/reader.h"
#include "unit/test_files.h"

using namespace plenary;
using plenary::testing::make_pdf;

namespace {

std::string error_of(const std::string& bytes) {
    try {
        parse_pdf(bytes, "x.pdf");
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.path(), "x.pdf");
        return e.message();
    }
    return "no error";
}

TEST(PdfReader, NumberedParagraphsAndMastheadFromTheTextLayer) {
    const std::string pdf = make_pdf({
        {"A/HRC/43/2", "Distr.: General", "12 March 2020", "Original: English", "",
         "1. The Council met in Geneva and considered the implemen-", "tation of its programme.",
         "2. It adopted the report."},
    });
    const Document doc = parse_pdf(pdf, "x.pdf");
    EXPECT_EQ(doc.format, "pdf");
    EXPECT_EQ(doc.symbol, "A/HRC/43/2");
    EXPECT_EQ(doc.date, "2020-03-12");
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(doc.paragraphs[0].number, "1");
    // Hyphenation at the line end is undone.
    EXPECT_EQ(doc.paragraphs[0].text,
              "The Council met in Geneva and considered the implementation of its programme.");
    EXPECT_EQ(doc.paragraphs[1].number, "2");
}

TEST(PdfReader, PagesAreSeparatedByFormFeeds) {
    int pages = 0;
    const std::string text =
        pdf_text(make_pdf({{"First page"}, {"Second page"}, {"Third page"}}), "x.pdf", &pages);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\f'), 2);
    EXPECT_NE(text.find("Second page"), std::string::npos);
}

TEST(PdfReader, ErrorsWordForWord) {
    const struct {
        std::string bytes;
        std::string message;
    } rows[] = {
        {"%PDF-1.5\n", "damaged PDF (poppler cannot open it)"},
        {"%PDF-1.4\ngarbage garbage garbage\n%%EOF\n", "damaged PDF (poppler cannot open it)"},
        {make_pdf({{}, {}}), "no text layer (a scanned PDF?)"},
        {make_pdf({{"   ", "12"}}), "no text layer (a scanned PDF?)"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.bytes.substr(0, 20));
        EXPECT_EQ(error_of(row.bytes), row.message);
    }
}

std::string data_file(const std::string& name) {
    std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/tests/data/pdf/" + name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(PdfReader, PasswordProtectedPdfIsNamedAndOwnerPasswordOnlyIsRead) {
    const std::string locked = data_file("locked.pdf");
    ASSERT_GT(locked.size(), 500u);
    EXPECT_EQ(error_of(locked), "password-protected PDF");
    // Printing forbidden by an owner password: the text opens without one.
    const Document doc = parse_pdf(data_file("owner-only.pdf"), "x.pdf");
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(doc.paragraphs[0].text, "The Council met in Geneva.");
    EXPECT_EQ(doc.paragraphs[1].text, "It adopted the report.");
}

TEST(PdfReader, TruncatedFileIsDamagedOrReadNeverACrash) {
    const std::string pdf = make_pdf({{"1. Some text on the page."}});
    for (std::size_t cut = 10; cut < pdf.size(); cut += 97) {
        try {
            (void)parse_pdf(pdf.substr(0, cut), "x.pdf");
        } catch (const DocumentError& e) {
            EXPECT_FALSE(e.message().empty());
        }
    }
}

}  // namespace
