#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "base/error.h"
#include "readers/reader.h"
#include "unit/expect_document.h"
#include "unit/test_files.h"

using namespace plenary;
using plenary::testing::expect_metadata;
using plenary::testing::expect_paragraphs;
using plenary::testing::footnotes_of;
using plenary::testing::make_zip;
using plenary::testing::Meta;
using plenary::testing::ParagraphRow;

namespace {

const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string para(const std::string& text, const std::string& style = "",
                 const std::string& num = "") {
    std::string ppr;
    if (!style.empty() || !num.empty()) {
        ppr = "<w:pPr>";
        if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
        if (!num.empty())
            ppr += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + num + "\"/></w:numPr>";
        ppr += "</w:pPr>";
    }
    return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string docx(const std::string& body) {
    const std::string document =
        "<?xml version=\"1.0\"?><w:document " + ns + "><w:body>" + body + "</w:body></w:document>";
    const std::string styles =
        "<w:styles " + ns +
        "><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading "
        "1\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name "
        "w:val=\"Title\"/></w:style></w:styles>";
    const std::string numbering =
        "<w:numbering " + ns +
        "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
        "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt "
        "w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt "
        "w:val=\"bullet\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"1\"/></w:num>"
        "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"2\"/></w:num></w:numbering>";
    const std::string footnotes = "<w:footnotes " + ns +
                                  "><w:footnote w:type=\"separator\" "
                                  "w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                                  "<w:footnote w:id=\"2\"><w:p><w:r><w:t>See "
                                  "A/HRC/43/2.</w:t></w:r></w:p></w:footnote></w:footnotes>";
    const std::string core =
        "<cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
        "<dc:title>Advance questions to "
        "Slovenia</dc:title><dcterms:created>2019-10-21T08:00:00Z</dcterms:created></"
        "cp:coreProperties>";
    return make_zip({{"[Content_Types].xml", "<Types/>"},
                     {"word/document.xml", document},
                     {"word/styles.xml", styles},
                     {"word/numbering.xml", numbering},
                     {"word/footnotes.xml", footnotes},
                     {"docProps/core.xml", core}});
}

TEST(DocxReader, HeadingsListsFootnotesAndProperties) {
    const std::string body =
        para("Report of the Working Group", "Title") + para("Introduction", "Heading1") +
        para("Background", "Kop2") + para("The State under review presented its report.", "", "5") +
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
        "w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>It answered.</w:t></w:r>"
        "<w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>" +
        para("first item", "", "6") + para("second item", "", "6") + para("a bullet", "", "7") +
        para("Conclusions", "Heading1") + para("12. Printed number in the text.") +
        "<w:tbl><w:tr><w:tc>" + para("Recommendation") + "</w:tc><w:tc>" + para("Position") +
        "</w:tc></w:tr></w:tbl>";
    const Document doc = parse_docx(docx(body), "q.docx");
    expect_metadata(doc, {Meta::title("Advance questions to Slovenia"), Meta::date("2019-10-21"),
                          Meta::format("docx")});
    const std::vector<std::string> report = {"Report of the Working Group"};
    const std::vector<std::string> introduction = {"Report of the Working Group", "Introduction"};
    const std::vector<std::string> background = {"Report of the Working Group", "Introduction",
                                                 "Background"};
    const std::vector<std::string> conclusions = {"Report of the Working Group", "Conclusions"};
    const std::vector<ParagraphRow> rows = {
        {ParagraphKind::heading, "", "Report of the Working Group", report},
        {ParagraphKind::heading, "", "Introduction", introduction},
        {ParagraphKind::heading, "", "Background", background},
        {ParagraphKind::numbered, "1", "The State under review presented its report.", background},
        {ParagraphKind::numbered, "2", "It answered.", background},
        {ParagraphKind::numbered, "a", "first item", background},
        {ParagraphKind::numbered, "b", "second item", background},
        {ParagraphKind::list_item, "", "a bullet", background},
        {ParagraphKind::heading, "", "Conclusions", conclusions},
        {ParagraphKind::numbered, "12", "Printed number in the text.", conclusions},
        {ParagraphKind::table, "", "Recommendation | Position", conclusions},
    };
    ASSERT_NO_FATAL_FAILURE(expect_paragraphs(doc, rows));
    EXPECT_EQ(footnotes_of(doc.paragraphs[4]), std::vector<std::string>{"1 See A/HRC/43/2."});
    EXPECT_TRUE(doc.paragraphs[3].footnotes.empty());
}

TEST(DocxReader, ErrorsWordForWord) {
    const std::string big(1000, 'x');
    const struct {
        std::string bytes;
        std::string message;
    } rows[] = {
        {make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<x/>"}}),
         "not a Word document (no word/document.xml)"},
        {make_zip({{"word/document.xml", big}}, 200u * 1024 * 1024),
         "zip entry word/document.xml is too large (200 MiB uncompressed; limit 64 MiB)"},
        {make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}),
         "malformed XML in word/document.xml: Start-end tags mismatch"},
        {std::string("PK\x03\x04", 4) + "not really a zip",
         "damaged zip archive: not a zip archive"},
    };
    for (const auto& row : rows) {
        try {
            parse_docx(row.bytes, "d.docx");
            ADD_FAILURE() << "no error for " << row.message;
        } catch (const DocumentError& e) {
            EXPECT_EQ(e.message(), row.message);
            EXPECT_EQ(e.path(), "d.docx");
        }
    }
}

// A Word document whose only list starts at start, in the given format, with items paragraphs.
std::string list_docx(const std::string& start, const std::string& format, int items) {
    const std::string numbering =
        "<w:numbering " + ns +
        "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">"
        "<w:start w:val=\"" +
        start + "\"/><w:numFmt w:val=\"" + format +
        "\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId "
        "w:val=\"0\"/></w:num></w:numbering>";
    std::string body;
    for (int i = 0; i < items; ++i) body += para("item", "", "1");
    return make_zip(
        {{"word/document.xml", "<w:document " + ns + "><w:body>" + body + "</w:body></w:document>"},
         {"word/numbering.xml", numbering}});
}

// 60,000 nested runs (an 18 KB file) overflowed the stack.
TEST(DocxReader, DeepNestingIsAnErrorNamingTheFile) {
    std::string runs;
    for (int i = 0; i < 60000; ++i) runs += "<w:r>";
    runs += "<w:t>deep</w:t>";
    for (int i = 0; i < 60000; ++i) runs += "</w:r>";
    try {
        parse_docx(docx("<w:p>" + runs + "</w:p>"), "deep.docx");
        ADD_FAILURE() << "no error";
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.message(), "nesting deeper than 256 levels in word/document.xml");
        EXPECT_EQ(e.path(), "deep.docx");
    }
    std::string shallow;
    for (int i = 0; i < 200; ++i) shallow += "<w:r>";
    shallow += "<w:t>deep</w:t>";
    for (int i = 0; i < 200; ++i) shallow += "</w:r>";
    const Document doc = parse_docx(docx("<w:p>" + shallow + "</w:p>"), "ok.docx");
    ASSERT_EQ(doc.paragraphs.size(), 1u);
    EXPECT_EQ(doc.paragraphs[0].text, "deep");
}

// A list starting at 2,000,000,000 took 1.26 GB (a letter repeated per 26); a negative start
// failed with "basic_string::_M_create" and no file name; the counter overflowed (UBSan).
TEST(DocxReader, ListNumbersOutOfRangeAreErrorsNamingTheFile) {
    const struct {
        std::string start;
        std::string format;
        int items;
        std::string message;
    } rows[] = {
        {"2000000000", "lowerLetter", 3, "list numbering starts at 2000000000 (limit 0 to 32767)"},
        {"-2000000000", "lowerLetter", 1,
         "list numbering starts at -2000000000 (limit 0 to 32767)"},
        {"-5", "lowerRoman", 1, "list numbering starts at -5 (limit 0 to 32767)"},
        {"2147483647", "decimal", 2, "list numbering starts at 2147483647 (limit 0 to 32767)"},
        {"99999999999999999999", "upperRoman", 1,
         "list numbering starts at 99999999999999999999 (limit 0 to 32767)"},
        {"32767", "decimal", 2, "list numbering passes 32767"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.start);
        try {
            parse_docx(list_docx(row.start, row.format, row.items), "list.docx");
            ADD_FAILURE() << "no error";
        } catch (const DocumentError& e) {
            EXPECT_EQ(e.message(), row.message);
            EXPECT_EQ(e.path(), "list.docx");
        }
    }
    const Document doc = parse_docx(list_docx("32766", "upperLetter", 2), "list.docx");
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(doc.paragraphs[1].number, std::string(1261, 'G'));
    EXPECT_EQ(parse_docx(list_docx("0", "decimal", 1), "list.docx").paragraphs[0].number, "0");
}

// Outline levels and list levels past int were undefined behaviour (std::atoi, then + 1).
TEST(DocxReader, HugeOutlineAndListLevelsAreIgnored) {
    const std::string body =
        "<w:p><w:pPr><w:outlineLvl w:val=\"2147483647\"/></w:pPr><w:r><w:t>Not a "
        "heading.</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"99999999999\"/><w:numId "
        "w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>Level too deep.</w:t></w:r></w:p>";
    const Document doc = parse_docx(docx(body), "levels.docx");
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_NE(doc.paragraphs[0].kind, ParagraphKind::heading);
    EXPECT_TRUE(doc.paragraphs[1].number.empty());
}

TEST(DocxReader, FormatByContentNotName) {
    const std::string bytes = docx(para("Text."));
    EXPECT_EQ(detect_format(bytes, "AdvancedQuestions.doc"), Format::docx);
    EXPECT_EQ(detect_format(bytes, "noname"), Format::docx);
    EXPECT_EQ(detect_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "a.docx"),
              Format::doc);
}

TEST(DocReader, AntiwordFailureIsReportedNotIndexed) {
    const std::string path = ::testing::TempDir() + "/plenary_bad.doc";
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(600, '\0');
    }
    try {
        parse_doc(path);
        ADD_FAILURE() << "no error";
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.message().rfind("legacy Word document: antiword failed: ", 0), 0u)
            << e.message();
    }
    std::remove(path.c_str());
}

}  // namespace
