#include <gtest/gtest.h>

#include <string>

#include "readers/reader.h"
#include "unit/expect_document.h"

using namespace plenary;
using plenary::testing::expect_metadata;
using plenary::testing::expect_paragraphs;
using plenary::testing::Meta;
using plenary::testing::ParagraphRow;

namespace {

TEST(HtmlReader, BodyTextHeadingsMetadataAndEntities) {
    const std::string html =
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><title>Page title</title>"
        "<meta name=\"DC.title\" content=\"Rapport du Conseil\"><meta name=\"DC.date\" "
        "content=\"2020-03-12\">"
        "<meta name=\"DC.identifier\" content=\"A/HRC/43/2\"><style>p { color: red }</style>"
        "<script>var x = '<p>not text</p>';</script></head>\n<body>"
        "<header><p>Site banner</p></header><nav><ul><li>Home</li><li>Menu</li></ul></nav>"
        "<h1>Rapport</h1><h2>Introduction</h2>"
        "<p>1. Le Conseil s&#39;est r&eacute;uni &amp; a d&#xE9;cid&eacute;&nbsp;:</p>"
        "<ul><li>premier point<li>second point</ul>"
        "<h2>Conclusions</h2><P CLASS=x>Texte <b>final</b>\n  sur deux lignes.<p>Sans fin"
        "<footer>Copyright</footer></body></html>";
    const Document doc = parse_html(html, "page.html");
    // DC.title is the record; <title> is the tab's.
    expect_metadata(doc, {Meta::symbol("A/HRC/43/2"), Meta::title("Rapport du Conseil"),
                          Meta::date("2020-03-12"), Meta::lang("fr"), Meta::format("html")});
    const std::vector<ParagraphRow> rows = {
        {ParagraphKind::heading, "", "Rapport", {"Rapport"}},
        {ParagraphKind::heading, "", "Introduction", {"Rapport", "Introduction"}},
        {ParagraphKind::numbered,
         "1",
         "Le Conseil s'est r\xC3\xA9uni & a d\xC3\xA9"
         "cid\xC3\xA9\xC2\xA0:",
         {"Rapport", "Introduction"}},
        {ParagraphKind::list_item, "", "premier point", {"Rapport", "Introduction"}},
        {ParagraphKind::list_item, "", "second point", {"Rapport", "Introduction"}},
        {ParagraphKind::heading, "", "Conclusions", {"Rapport", "Conclusions"}},
        {ParagraphKind::unnumbered, "", "Texte final sur deux lignes.", {"Rapport", "Conclusions"}},
        {ParagraphKind::unnumbered, "", "Sans fin", {"Rapport", "Conclusions"}},
    };
    expect_paragraphs(doc, rows);
}

TEST(HtmlReader, LanguageOfMostTextWinsOverTheFrame) {
    const std::string html =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><body><p>Short English frame.</p>"
        "<div "
        "lang=\"zh-Hans\"><p>"
        "\xE4\xBA\xBA\xE4\xBA\xBA\xE7\x94\x9F\xE8\x80\x8C\xE8\x87\xAA\xE7\x94\xB1\xEF\xBC\x8C"
        "\xE5\x9C\xA8\xE5\xB0\x8A\xE4\xB8\xA5\xE5\x92\x8C\xE6\x9D\x83\xE5\x88\xA9\xE4\xB8\x8A\xE4"
        "\xB8\x80\xE5\xBE\x8B\xE5\xB9\xB3\xE7\xAD\x89\xE3\x80\x82</p></div></body></html>";
    EXPECT_EQ(parse_html(html, "x.html").lang, "zh");
}

TEST(HtmlReader, DetectedByContent) {
    const struct {
        std::string bytes, path;
    } rows[] = {
        {"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "a.txt"},
        {"<!doctype HTML PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html>", "a"},
        {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
         "a.xml"},
        {"\n  <HTML><BODY>x</BODY></HTML>", "a.dat"},
        {"<p>fragment</p>", "page.htm"},
    };
    for (const auto& row : rows)
        EXPECT_EQ(detect_format(row.bytes, row.path), Format::html) << row.bytes;
    EXPECT_EQ(detect_format("<p>fragment</p>", "notes.txt"), Format::text);
}

// Found by fuzzing (tests/data/fuzz/html/): a NUL in a tag, past the first 8 KiB that the
// binary check reads, made the tag parser loop forever.
TEST(HtmlReader, NulInATagPastTheBinaryCheckEndsTheTag) {
    const std::string frame = "<html><body><p>" + std::string(9000, 'x') + "</p>";
    const std::string html =
        frame + std::string("<p a\0b=\"c\">All human beings are born free.</p></body></html>", 60);
    const Document doc = parse_document("nul.html", html);
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(doc.paragraphs[1].text, "All human beings are born free.");
}

}  // namespace
