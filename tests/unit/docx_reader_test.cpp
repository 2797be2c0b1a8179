#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "error.h"
#include "reader.h"
#include "unit/test_files.h"

using namespace plenary;
using plenary::testing::make_zip;

namespace {

const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string para(const std::string& text, const std::string& style = "", const std::string& num = "") {
    std::string ppr;
    if (!style.empty() || !num.empty()) {
        ppr = "<w:pPr>";
        if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
        if (!num.empty()) ppr += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + num + "\"/></w:numPr>";
        ppr += "</w:pPr>";
    }
    return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string docx(const std::string& body) {
    const std::string document = "<?xml version=\"1.0\"?><w:document " + ns + "><w:body>" + body + "</w:body></w:document>";
    const std::string styles = "<w:styles " + ns +
                               "><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
                               "<w:style w:type=\"paragraph\" w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/></w:style>"
                               "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style></w:styles>";
    const std::string numbering = "<w:numbering " + ns +
                                  "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                                  "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
                                  "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>"
                                  "<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
                                  "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>"
                                  "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"1\"/></w:num>"
                                  "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"2\"/></w:num></w:numbering>";
    const std::string footnotes = "<w:footnotes " + ns +
                                  "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                                  "<w:footnote w:id=\"2\"><w:p><w:r><w:t>See A/HRC/43/2.</w:t></w:r></w:p></w:footnote></w:footnotes>";
    const std::string core =
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
        "<dc:title>Advance questions to Slovenia</dc:title><dcterms:created>2019-10-21T08:00:00Z</dcterms:created></cp:coreProperties>";
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
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>It answered.</w:t></w:r>"
        "<w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>" +
        para("first item", "", "6") + para("second item", "", "6") + para("a bullet", "", "7") +
        para("Conclusions", "Heading1") + para("12. Printed number in the text.") +
        "<w:tbl><w:tr><w:tc>" + para("Recommendation") + "</w:tc><w:tc>" + para("Position") + "</w:tc></w:tr></w:tbl>";
    const Document doc = parse_docx(docx(body), "q.docx");
    EXPECT_EQ(doc.format, "docx");
    EXPECT_EQ(doc.title, "Advance questions to Slovenia");
    EXPECT_EQ(doc.date, "2019-10-21");
    struct Row {
        ParagraphKind kind;
        std::string number;
        std::string text;
        std::vector<std::string> headings;
    };
    const std::vector<Row> rows = {
        {ParagraphKind::heading, "", "Report of the Working Group", {"Report of the Working Group"}},
        {ParagraphKind::heading, "", "Introduction", {"Report of the Working Group", "Introduction"}},
        {ParagraphKind::heading, "", "Background", {"Report of the Working Group", "Introduction", "Background"}},
        {ParagraphKind::numbered, "1", "The State under review presented its report.", {"Report of the Working Group", "Introduction", "Background"}},
        {ParagraphKind::numbered, "2", "It answered.", {"Report of the Working Group", "Introduction", "Background"}},
        {ParagraphKind::numbered, "a", "first item", {"Report of the Working Group", "Introduction", "Background"}},
        {ParagraphKind::numbered, "b", "second item", {"Report of the Working Group", "Introduction", "Background"}},
        {ParagraphKind::list_item, "", "a bullet", {"Report of the Working Group", "Introduction", "Background"}},
        {ParagraphKind::heading, "", "Conclusions", {"Report of the Working Group", "Conclusions"}},
        {ParagraphKind::numbered, "12", "Printed number in the text.", {"Report of the Working Group", "Conclusions"}},
        {ParagraphKind::table, "", "Recommendation | Position", {"Report of the Working Group", "Conclusions"}},
    };
    ASSERT_EQ(doc.paragraphs.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(doc.paragraphs[i].kind, rows[i].kind);
        EXPECT_EQ(doc.paragraphs[i].number, rows[i].number);
        EXPECT_EQ(doc.paragraphs[i].text, rows[i].text);
        EXPECT_EQ(doc.paragraphs[i].headings, rows[i].headings);
    }
    ASSERT_EQ(doc.paragraphs[4].footnotes.size(), 1u);
    EXPECT_EQ(doc.paragraphs[4].footnotes[0].marker, "1");
    EXPECT_EQ(doc.paragraphs[4].footnotes[0].text, "See A/HRC/43/2.");
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
        {std::string("PK\x03\x04", 4) + "not really a zip", "damaged zip archive: not a zip archive"},
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

TEST(DocxReader, FormatByContentNotName) {
    const std::string bytes = docx(para("Text."));
    EXPECT_EQ(detect_format(bytes, "AdvancedQuestions.doc"), Format::docx);
    EXPECT_EQ(detect_format(bytes, "noname"), Format::docx);
    EXPECT_EQ(detect_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "a.docx"), Format::doc);
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
        EXPECT_EQ(e.message().rfind("legacy Word document: antiword failed: ", 0), 0u) << e.message();
    }
    std::remove(path.c_str());
}

}  // namespace
