#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"
#include "unit/expect_document.h"
#include "unit/readers/unpc_sample.h"
#include "unit/test_files.h"

using namespace plenary;
using plenary::testing::expect_metadata;
using plenary::testing::Meta;
namespace fs = std::filesystem;

namespace {

std::string tei(const std::string& title, const std::string& body,
                const std::string& date = "20140428", const std::string& lang = "en") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<TEI.2>\n"
           "  <teiHeader>\n"
           "    <fileDesc>\n"
           "      <titleStmt>\n"
           "        <title>" +
           title +
           "</title>\n"
           "      </titleStmt>\n"
           "      <publicationStmt>\n"
           "        <date>" +
           date +
           "</date>\n"
           "        <idno type=\"symbol\">NPT/CONF.2015/PC.III/SR.2</idno>\n"
           "        <idno type=\"jobno\">N1431343</idno>\n"
           "        <availability>\n"
           "          <p>The United Nations Parallel Corpus is made available without warranty of "
           "any kind.</p>\n"
           "        </availability>\n"
           "      </publicationStmt>\n"
           "      <sourceDesc><p>http://www.un.org/</p></sourceDesc>\n"
           "    </fileDesc>\n"
           "    <profileDesc><langUsage><language ident=\"" +
           lang +
           "\">English</language></langUsage></profileDesc>\n"
           "  </teiHeader>\n"
           "  <text>\n"
           "    <body>\n" +
           body +
           "    </body>\n"
           "  </text>\n"
           "</TEI.2>\n";
}

const std::string sample_body =
    "      <p id=\"1\">\n        <s id=\"1:1\" lang=\"en\">Third session</s>\n      </p>\n"
    "      <p id=\"2\">\n        <s id=\"2:1\" lang=\"en\">New York, 28 April-9 May 2014</s>\n     "
    " </p>\n"
    "      <p id=\"3\"><s id=\"3:1\" lang=\"en\">I. Introduction</s></p>\n"
    "      <p id=\"4\">\n        <s id=\"4:1\" lang=\"en\">12. The   Committee met.</s>\n"
    "        <s id=\"4:2\" lang=\"en\">It adopted &quot;the report&quot; of the State&apos;s "
    "delegation &gt; all.</s>\n      </p>\n"
    "      <p id=\"5\"><s id=\"5:1\" lang=\"en\">(a) Rapidly moving towards reduction;</s></p>\n"
    "      <p id=\"6\"><s id=\"6:1\" lang=\"en\">2014. A year, not a paragraph number.</s></p>\n"
    "      <p id=\"7\"><s id=\"7:1\" lang=\"en\">   </s></p>\n";

TEST(UnpcReader, HeaderFields) {
    const Document doc = parse_unpc_xml(
        tei("The United Nations Parallel Corpus v1.0 - NPT/CONF.2015/PC.III/SR.2", sample_body),
        "sr_2.xml");
    expect_metadata(
        doc, {Meta::symbol("NPT/CONF.2015/PC.III/SR.2"), Meta::title("NPT/CONF.2015/PC.III/SR.2"),
              Meta::body("NPT/CONF.2015"), Meta::session(3), Meta::date("2014-04-28"),
              Meta::lang("en"), Meta::job_number("N1431343"), Meta::source("sr_2.xml"),
              Meta::format("unpc-xml"), Meta::year(2014)});
}

TEST(UnpcReader, TitleLosesTheCorpusPrefixOnly) {
    const Document doc = parse_unpc_xml(
        tei("The United Nations Parallel Corpus v1.0 - Report of the Committee", sample_body),
        "x.xml");
    EXPECT_EQ(doc.title, "Report of the Committee");
    const Document plain = parse_unpc_xml(tei("A plain title", sample_body), "x.xml");
    EXPECT_EQ(plain.title, "A plain title");
    const Document none = parse_unpc_xml(tei("", sample_body), "x.xml");
    EXPECT_EQ(none.title, "NPT/CONF.2015/PC.III/SR.2");
}

TEST(UnpcReader, BadDateLeavesDateEmpty) {
    const Document doc = parse_unpc_xml(tei("t", sample_body, "20141340"), "x.xml");
    EXPECT_EQ(doc.date, "");
    EXPECT_EQ(doc.year(), 0);
}

struct ParagraphRow {
    const char* anchor;
    const char* number;
    ParagraphKind kind;
    const char* text;
    int line;
    const char* heading;
};

TEST(UnpcReader, ParagraphsFromBodyOnly) {
    const std::string xml = tei("t", sample_body);
    const Document doc = parse_unpc_xml(xml, "x.xml");
    const ParagraphRow rows[] = {
        {"1", "", ParagraphKind::unnumbered, "Third session", 22, ""},
        {"2", "", ParagraphKind::unnumbered, "New York, 28 April-9 May 2014", 25, ""},
        {"3", "", ParagraphKind::heading, "I. Introduction", 28, ""},
        {"4", "12", ParagraphKind::numbered,
         "The Committee met. It adopted \"the report\" of the State's delegation > all.", 29,
         "I. Introduction"},
        {"5", "", ParagraphKind::list_item, "(a) Rapidly moving towards reduction;", 33,
         "I. Introduction"},
        {"6", "", ParagraphKind::unnumbered, "2014. A year, not a paragraph number.", 34,
         "I. Introduction"},
    };
    ASSERT_EQ(doc.paragraphs.size(), std::size(rows));
    for (std::size_t i = 0; i < std::size(rows); ++i) {
        const Paragraph& p = doc.paragraphs[i];
        EXPECT_EQ(p.anchor, rows[i].anchor) << i;
        EXPECT_EQ(p.number, rows[i].number) << i;
        EXPECT_EQ(p.kind, rows[i].kind) << i;
        EXPECT_EQ(p.text, rows[i].text) << i;
        EXPECT_EQ(p.line, rows[i].line) << i;
        const std::string heading = p.headings.empty() ? "" : p.headings.back();
        EXPECT_EQ(heading, rows[i].heading) << i;
        EXPECT_EQ(p.text.find("without warranty"), std::string::npos);
    }
}

// n elements named name, each inside the one before, around text.
using plenary::testing::nested;

// 32,000 nested <s> took 8.9 s and 300,000 no answer in 60 s: every <s> searched its
// descendants again. Nested <s> are one sentence; nested <p> each a paragraph of their own.
TEST(UnpcReader, NestedElementsTakeLinearTime) {
    const struct {
        std::string body;
        std::string text;
    } rows[] = {
        {"<p id=\"1\">" + nested("s", 40000, "deep") + "</p>\n", "deep"},
        {nested("p", 40000, "<s>deep</s>") + "\n", "deep"},
        {"<p id=\"1\"><s>one <s>two <s>three</s></s> four</s><s>five</s></p>\n",
         "one two three four five"},
    };
    for (const auto& row : rows) {
        const auto start = std::chrono::steady_clock::now();
        const Document doc = parse_unpc_xml(tei("t", row.body), "deep.xml");
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_LT(seconds, 5.0);  // with room for a sanitized build on a busy machine
        ASSERT_EQ(doc.paragraphs.size(), 1u);
        EXPECT_EQ(doc.paragraphs[0].text, row.text);
    }
}

struct MalformedRow {
    std::string xml;
    std::string message;
    int line;
};

TEST(UnpcReader, MalformedXmlNamesPathAndLine) {
    const MalformedRow rows[] = {
        {"<?xml version=\"1.0\"?>\n<TEI.2>\n<text>\n<body><p "
         "id=\"1\"><s>x</p>\n</body></text></TEI.2>\n",
         "malformed XML: Start-end tags mismatch", 4},
        {"<?xml version=\"1.0\"?>\n<TEI.2>\n<text>\n", "malformed XML: Start-end tags mismatch", 3},
        {"<?xml version=\"1.0\"?>\n<TEI.2 a=>\n</TEI.2>",
         "malformed XML: Error parsing element attribute", 2},
        {"<?xml version=\"1.0\"?>\n<udhr>\n</udhr>\n", "unknown XML root element <udhr>", 0},
    };
    for (const auto& row : rows) {
        try {
            parse_unpc_xml(row.xml, "dir/bad.xml");
            ADD_FAILURE() << "no error for " << row.xml;
        } catch (const DocumentError& e) {
            EXPECT_EQ(e.path(), "dir/bad.xml");
            EXPECT_EQ(e.message(), row.message) << row.xml;
            EXPECT_EQ(e.line(), row.line) << row.xml;
        }
    }
}

TEST(UnpcReader, RealSampleOf71Files) {
    const fs::path root = fs::path(PLENARY_SHARED_DIR) / "corpus-real" / "unpc-v1-tei-sample";
    if (!fs::exists(root)) GTEST_SKIP() << "shared corpus not found at " << root;
    std::size_t files = 0;
    std::size_t paragraphs = 0;
    std::size_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".xml") continue;
        ++files;
        const std::string xml = read_file(entry.path().string());
        bytes += xml.size();
        const Document doc = parse_unpc_xml(xml, entry.path().string());
        const std::string expected_symbol =
            plenary::testing::unpc_symbol_from_path(root, entry.path());
        EXPECT_EQ(doc.symbol, expected_symbol);
        EXPECT_EQ(doc.title, expected_symbol);
        EXPECT_EQ(doc.body, "NPT/CONF.2015");
        EXPECT_EQ(doc.lang, "en") << entry.path();
        EXPECT_GE(doc.date, "2014-01-15") << entry.path();
        EXPECT_LE(doc.date, "2014-05-09") << entry.path();
        // The header's raw date, e.g. 20140428, says the same.
        const std::size_t d = xml.find("<date>");
        ASSERT_NE(d, std::string::npos);
        std::string raw = xml.substr(d + 6, 8);
        EXPECT_EQ(doc.date, raw.substr(0, 4) + "-" + raw.substr(4, 2) + "-" + raw.substr(6, 2));
        EXPECT_FALSE(doc.job_number.empty()) << entry.path();
        EXPECT_GT(doc.paragraphs.size(), 0u) << entry.path();
        // Every body <p> carries an id and no header <p> does, so this counts the body's.
        std::size_t body_paragraphs = 0;
        for (std::size_t at = xml.find("<p id="); at != std::string::npos;
             at = xml.find("<p id=", at + 1))
            ++body_paragraphs;
        EXPECT_EQ(doc.paragraphs.size(), body_paragraphs) << entry.path();
        int last_line = 0;
        for (const Paragraph& p : doc.paragraphs) {
            EXPECT_EQ(p.text.find("without warranty"), std::string::npos) << entry.path();
            EXPECT_EQ(p.text.find("<s"), std::string::npos) << entry.path();
            EXPECT_FALSE(p.anchor.empty());
            EXPECT_GT(p.line, last_line) << entry.path() << " " << p.anchor;
            last_line = p.line;
            if (p.kind == ParagraphKind::numbered) {
                EXPECT_FALSE(p.number.empty());
            }
        }
        paragraphs += doc.paragraphs.size();
    }
    EXPECT_EQ(files, 71u);
    // SOURCES.md counts 4,956 <p> in all; the rest are the header's disclaimer and source.
    EXPECT_LT(paragraphs, 4956u);
    EXPECT_GT(bytes, 2u << 20);
}

}  // namespace
