#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"
#include "unit/expect_document.h"
#include "unit/test_files.h"

using namespace plenary;
using plenary::testing::expect_metadata;
using plenary::testing::Meta;

namespace {

const std::string udhr_ns = "http://www.unhchr.ch/udhr";

std::string udhr(const std::string& lang) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<udhr iso639-3='x' xml:lang='" + lang +
           "' xmlns=\"" + udhr_ns +
           "\">\n<title>Declaration</title>\n<preamble><title>Preamble</title><para>Whereas "
           "one,</para><para>Whereas two,</para></preamble>\n"
           "<article number=\"1\"><title>Article 1</title><para>All are free.</para></article>\n"
           "<article number=\"2\"><title>Article "
           "2</title><orderedlist><listitem><para>First.</para></listitem>"
           "<listitem><para>Second.</para></listitem></orderedlist></article>\n</udhr>\n";
}

TEST(XmlSchemaReader, UdhrArticlesNumberedWithAnchors) {
    const std::string bytes = udhr("en");
    const std::string schema = find_xml_schema(bytes);
    ASSERT_FALSE(schema.empty());
    EXPECT_EQ(detect_format(bytes, "u.xml"), Format::schema_xml);
    const Document doc = parse_schema_xml(bytes, "u.xml", schema);
    expect_metadata(doc, {Meta::symbol("A/RES/217(III)"), Meta::title("Declaration"),
                          Meta::date("1948-12-10"), Meta::lang("en"), Meta::format("udhr-xml")});
    ASSERT_EQ(doc.paragraphs.size(), 4u);
    EXPECT_EQ(doc.paragraphs[0].kind, ParagraphKind::unnumbered);
    EXPECT_EQ(doc.paragraphs[0].headings, std::vector<std::string>{"Preamble"});
    EXPECT_EQ(doc.paragraphs[2].number, "1");
    EXPECT_EQ(doc.paragraphs[2].anchor, "art1");
    EXPECT_EQ(doc.paragraphs[2].headings, std::vector<std::string>{"Article 1"});
    EXPECT_EQ(doc.paragraphs[3].number, "2");
    EXPECT_EQ(doc.paragraphs[3].anchor, "art2");
    EXPECT_EQ(doc.paragraphs[3].text, "First. Second.");
    EXPECT_EQ(doc.paragraphs[3].kind, ParagraphKind::numbered);
}

TEST(XmlSchemaReader, LanguageFromXmlLang) {
    const std::pair<std::string, std::string> rows[] = {
        {"en", "en"}, {"fr", "fr"},      {"es", "es"},      {"ru", "ru"},
        {"ar", "ar"}, {"zh-Hans", "zh"}, {"zh-Hant", "zh"}, {"arb", "ar"}};
    for (const auto& [attr, lang] : rows) {
        const std::string bytes = udhr(attr);
        EXPECT_EQ(parse_schema_xml(bytes, "u.xml", find_xml_schema(bytes)).lang, lang) << attr;
    }
}

TEST(XmlSchemaReader, WrongNamespaceOrRootIsNotMatched) {
    EXPECT_TRUE(find_xml_schema("<udhr xmlns=\"urn:other\"/>").empty());
    EXPECT_TRUE(find_xml_schema("<?xml version=\"1.0\"?><speech/>").empty());
}

TEST(XmlSchemaReader, AkomaNtosoResolution) {
    const std::string path =
        std::string(PLENARY_SOURCE_DIR) + "/tests/data/akn/A_RES_73_999-akn.xml";
    const Document doc = read_document(path);
    expect_metadata(
        doc, {Meta::symbol("A/RES/73/999"),
              Meta::title("Cooperation between the United Nations and regional organizations"),
              Meta::session(73), Meta::date("2018-10-22"), Meta::lang("en"),
              Meta::agenda_item("68"), Meta::format("akn")});
    ASSERT_EQ(doc.paragraphs.size(), 5u);
    EXPECT_EQ(doc.paragraphs[0].text, "The General Assembly ,");
    EXPECT_EQ(doc.paragraphs[1].kind, ParagraphKind::unnumbered);
    EXPECT_EQ(doc.paragraphs[1].refs.symbols, std::vector<std::string>{"A/RES/70/1"});
    ASSERT_EQ(doc.paragraphs[1].footnotes.size(), 1u);
    EXPECT_EQ(doc.paragraphs[1].footnotes[0].text, "A/RES/70/1");
    // The authorial note's text is not part of the paragraph.
    EXPECT_EQ(doc.paragraphs[2].text.find("A/73/100"), std::string::npos);
    EXPECT_EQ(doc.paragraphs[3].number, "1");
    EXPECT_EQ(doc.paragraphs[3].kind, ParagraphKind::numbered);
    EXPECT_EQ(doc.paragraphs[3].anchor, "para1");
    EXPECT_EQ(doc.paragraphs[3].refs.symbols, std::vector<std::string>{"A/73/100"});
    EXPECT_TRUE(doc.paragraphs[3].footnotes.empty());  // the symbol stands in the text
    EXPECT_EQ(doc.paragraphs[4].number, "2");
    EXPECT_EQ(doc.paragraphs[4].text.rfind("Requests the Secretary-General", 0), 0u);
}

TEST(XmlSchemaReader, ExternalEntitiesAreNeverFetchedNorExpanded) {
    const std::string bytes =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE udhr [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<udhr xml:lang='en' xmlns=\"" +
        udhr_ns +
        "\"><title>T</title>"
        "<article number=\"1\"><title>Article 1</title><para>before &xxe; "
        "after</para></article></udhr>";
    ASSERT_FALSE(find_xml_schema(bytes).empty());
    try {
        const Document doc = parse_schema_xml(bytes, "x.xml", find_xml_schema(bytes));
        for (const auto& p : doc.paragraphs)
            EXPECT_EQ(p.text.find("root:"), std::string::npos) << p.text;
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.path(), "x.xml");
    }
}

using plenary::testing::nested;

const std::string akn_ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// UDHR and Akoma Ntoso, plain and with a namespace prefix, with n levels in one paragraph
// (on line 3).
std::vector<std::string> deep_files(int n) {
    return {
        "<?xml version=\"1.0\"?>\n<udhr xml:lang='en' xmlns=\"" + udhr_ns +
            "\"><title>T</title>\n<article number=\"1\"><para>" + nested("span", n, "deep") +
            "</para></article></udhr>\n",
        "<?xml version=\"1.0\"?>\n<u:udhr xml:lang='en' xmlns:u=\"" + udhr_ns +
            "\"><u:title>T</u:title>\n<u:article number=\"1\"><u:para>" +
            nested("u:span", n, "deep") + "</u:para></u:article></u:udhr>\n",
        "<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"" + akn_ns + "\"><act>\n<preamble><p>" +
            nested("i", n, "deep") + "</p></preamble></act></akomaNtoso>\n",
        "<?xml version=\"1.0\"?>\n<an:akomaNtoso xmlns:an=\"" + akn_ns +
            "\"><an:act>\n<an:preamble><an:p>" + nested("an:i", n, "deep") +
            "</an:p></an:preamble></an:act></an:akomaNtoso>\n",
    };
}

// 60,000 levels overflowed the stack (SIGSEGV, and an indexing run died with the file).
TEST(XmlSchemaReader, DeepNestingIsAnErrorNamingTheFile) {
    for (const std::string& bytes : deep_files(60000)) {
        SCOPED_TRACE(bytes.substr(0, 80));
        const std::string schema = find_xml_schema(bytes);
        ASSERT_FALSE(schema.empty());
        try {
            parse_schema_xml(bytes, "deep.xml", schema);
            ADD_FAILURE() << "no error";
        } catch (const DocumentError& e) {
            EXPECT_EQ(e.message(), "nesting deeper than 256 levels");
            EXPECT_EQ(e.path(), "deep.xml");
            EXPECT_EQ(e.line(), 3);
        }
    }
}

TEST(XmlSchemaReader, NestingWithinTheLimitIsRead) {
    for (const std::string& bytes : deep_files(240)) {
        SCOPED_TRACE(bytes.substr(0, 80));
        const Document doc = parse_schema_xml(bytes, "deep.xml", find_xml_schema(bytes));
        ASSERT_EQ(doc.paragraphs.size(), 1u);
        EXPECT_EQ(doc.paragraphs[0].text, "deep");
    }
}

TEST(XmlSchemaReader, MalformedXmlNamesTheLine) {
    const std::string bytes =
        "<?xml version=\"1.0\"?>\n<udhr xmlns=\"" + udhr_ns + "\">\n<article>\n</udhr>\n";
    try {
        parse_schema_xml(bytes, "bad.xml", find_xml_schema(bytes));
        ADD_FAILURE() << "no error";
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.message(), "malformed XML: Start-end tags mismatch");
        EXPECT_EQ(e.line(), 4);
    }
}

}  // namespace
