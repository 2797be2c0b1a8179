#include "readers/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/error.h"
#include "unit/expect_document.h"

using namespace plenary;
namespace fs = std::filesystem;
using plenary::testing::expect_metadata;
using plenary::testing::Meta;

namespace {

/// A scratch folder per test binary run, removed at the end.
class TempDir {
  public:
    TempDir() {
        m_path = fs::temp_directory_path() / ("plenary_reader_test_" + std::to_string(::getpid()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        const fs::path p = m_path / name;
        fs::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out << bytes;
        return p.string();
    }
    std::string path(const std::string& name) const { return (m_path / name).string(); }

  private:
    fs::path m_path;
};

const std::string tei_doc =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TEI.2><teiHeader><fileDesc><titleStmt><title>"
    "The United Nations Parallel Corpus v1.0 - A/69/1</title></titleStmt><publicationStmt>"
    "<date>20150102</date><idno type=\"symbol\">A/69/1</idno></publicationStmt></fileDesc>"
    "<profileDesc><langUsage><language ident=\"fr\">French</language></langUsage></profileDesc>"
    "</teiHeader><text><body><p id=\"1\"><s id=\"1:1\">Texte.</s></p></body></text></TEI.2>\n";

struct FormatRow {
    std::string bytes;
    std::string path;
    Format expected;
    std::string error;  // when not empty, the DocumentError message
};

TEST(DetectFormat, Table) {
    const FormatRow rows[] = {
        {tei_doc, "a.xml", Format::unpc_xml, ""},
        {tei_doc, "a.txt", Format::unpc_xml, ""},
        {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE x>\n<TEI.2/>", "a",
         Format::unpc_xml, ""},
        {"<TEI.2>\n<teiHeader/>\n</TEI.2>", "a.dat", Format::unpc_xml, ""},
        {"<?xml version=\"1.0\"?>\n<udhr xmlns=\"x\"></udhr>", "udhr_eng.xml", Format::unknown,
         "unknown XML root element <udhr>"},
        {"<html><body/></html>", "page.xml", Format::html, ""},
        {"<?xml version=\"1.0\"?>\n", "a.xml", Format::unknown, "no XML root element"},
        {"# Title\n\nText.\n", "report.md", Format::markdown, ""},
        {"Just text.\n", "report.MD", Format::markdown, ""},
        {"# Heading\n\nSee **this** and [that](http://x).\n", "report.txt", Format::markdown, ""},
        {"Note<sup>1</sup> and <sup>2</sup> and <sup>3</sup>.\n", "notes", Format::markdown, ""},
        {"Mr. President,\n\nIt is an honour. #1 priority is peace.\n", "USA_70_2015.txt",
         Format::text, ""},
        {"A single **bold** word.\n", "a.txt", Format::text, ""},
        {"<sup> is a tag name\n", "a.txt", Format::text, ""},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "A_RES_73_3-EN.pdf", Format::pdf, ""},
        {"%PDF-1.4 named as text", "a.txt", Format::pdf, ""},
        {std::string("PK\x03\x04\x14\0\0\0", 8) + "[Content_Types].xml word/document.xml", "a.doc",
         Format::docx, ""},
        {std::string("PK\x03\x04\x14\0\0\0", 8) + "data.bin", "a.zip", Format::unknown,
         "binary file (ZIP) is not supported"},
        {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), "a.doc", Format::doc, ""},
        {std::string("\x1F\x8B\x08\0", 4), "a.gz", Format::unknown,
         "binary file (gzip) is not supported"},
        {std::string("abc\0def", 7), "a.txt", Format::unknown, "binary file is not supported"},
        // `strings` run on a .docx (four such files sit among the UPR texts).
        {"[Content_Types].xml \n$w`E\nruI3`\n_rels/.rels \n`S__\nword/document.xml\n",
         "Advance_questions.txt", Format::unknown,
         "not text: the printable strings of a zipped Office file ([Content_Types].xml, "
         "_rels/.rels); index the "
         ".docx itself"},
        {"How to read a package.\n\nThe file [Content_Types].xml lists the parts; _rels/.rels "
         "links them.\n",
         "ooxml-notes.txt", Format::text, ""},
        {std::string("\xFF\xFEH\0i\0", 6), "a.txt", Format::unknown,
         "UTF-16 text is not supported yet; convert it to UTF-8"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.path + ": " + row.bytes.substr(0, 40));
        if (row.error.empty()) {
            EXPECT_EQ(detect_format(row.bytes, row.path), row.expected);
            continue;
        }
        try {
            detect_format(row.bytes, row.path);
            ADD_FAILURE() << "no error";
        } catch (const DocumentError& e) {
            EXPECT_EQ(e.path(), row.path);
            EXPECT_EQ(e.message(), row.error);
            EXPECT_EQ(std::string(e.what()), row.path + ": " + row.error);
        }
    }
}

TEST(Format, Names) {
    EXPECT_STREQ(to_string(Format::markdown), "markdown");
    EXPECT_STREQ(to_string(Format::text), "text");
    EXPECT_STREQ(to_string(Format::unpc_xml), "unpc-xml");
    EXPECT_STREQ(to_string(Format::unknown), "unknown");
}

struct ErrorRow {
    std::string name;     // file to read, relative to the scratch folder
    std::string message;  // DocumentError::message()
    int line;
};

/// Runs read, which must throw a DocumentError naming path, with row's message and line.
template <class Read>
void expect_error(const Read& read, const std::string& path, const ErrorRow& row) {
    try {
        read();
        ADD_FAILURE() << "no error for " << row.name;
    } catch (const DocumentError& e) {
        EXPECT_EQ(e.path(), path);
        EXPECT_EQ(e.message(), row.message) << row.name;
        EXPECT_EQ(e.line(), row.line) << row.name;
    }
}

TEST(ReadDocument, ErrorsWordForWord) {
    TempDir dir;
    dir.write("empty.txt", "");
    dir.write("report.pdf", "%PDF-1.5\n");
    dir.write("bad.txt", "line one\nline two\nabc\xC3(\n");
    dir.write("bad_lead.txt", "\x80 at the start\n");
    dir.write("overlong.txt", "x\n\xC0\xAF\n");
    dir.write("speech.xml", "<?xml version=\"1.0\"?>\n<speech/>\n");
    dir.write("broken.xml", "<?xml version=\"1.0\"?>\n<TEI.2>\n<text>\n</body>\n</TEI.2>\n");
    fs::create_directories(dir.path("folder"));
    {
        std::ofstream big(dir.path("big.txt"), std::ios::binary);
        big << "x";
    }
    // Sparse: takes no disk space.
    fs::resize_file(dir.path("big.txt"), 300ull * 1024 * 1024 + 5);

    const ErrorRow rows[] = {
        {"missing.txt", "no such file", 0},
        {"folder", "is a directory", 0},
        {"empty.txt", "empty file", 0},
        {"report.pdf", "damaged PDF (poppler cannot open it)", 0},
        {"bad.txt", "invalid UTF-8 at line 3 (byte 21)", 3},
        {"bad_lead.txt", "invalid UTF-8 at line 1 (byte 0)", 1},
        {"overlong.txt", "invalid UTF-8 at line 2 (byte 2)", 2},
        {"big.txt", "file too large (301 MiB; limit 256 MiB)", 0},
        {"speech.xml", "unknown XML root element <speech>", 0},
        {"broken.xml", "malformed XML: Start-end tags mismatch", 4},
    };
    for (const auto& row : rows) {
        const std::string path = dir.path(row.name);
        expect_error([&] { read_document(path); }, path, row);
    }
}

TEST(ReadDocument, DispatchesAndSetsSourceAndFormat) {
    TempDir dir;
    const std::string xml = dir.write("a_69_1.xml", tei_doc);
    const Document x = read_document(xml);
    EXPECT_EQ(x.format, "unpc-xml");
    EXPECT_EQ(x.source, xml);
    EXPECT_EQ(x.symbol, "A/69/1");
    EXPECT_EQ(x.lang, "fr");
    EXPECT_EQ(x.date, "2015-01-02");
    ASSERT_EQ(x.paragraphs.size(), 1u);
    EXPECT_EQ(x.paragraphs[0].text, "Texte.");

    // CRLF and a BOM are normalised before the reader sees the text.
    const std::string txt =
        dir.write("note_fr.txt", "\xEF\xBB\xBFPremier paragraphe.\r\n\r\nSecond.\r\n");
    const Document t = read_document(txt);
    EXPECT_EQ(t.format, "text");
    EXPECT_EQ(t.source, txt);
    EXPECT_EQ(t.lang, "fr");
    ASSERT_FALSE(t.paragraphs.empty());
    for (const auto& p : t.paragraphs) {
        EXPECT_EQ(p.text.find('\r'), std::string::npos);
        EXPECT_EQ(p.text.find("\xEF\xBB\xBF"), std::string::npos);
    }

    const std::string md = dir.write("brief.md", "# Brief\n\n1. First point.\n");
    const Document m = read_document(md);
    EXPECT_EQ(m.format, "markdown");
    EXPECT_FALSE(m.paragraphs.empty());
}

struct NameRow {
    std::string path;
    std::string country;
    int session;
    std::string date;
    std::string body;
    std::string lang;
    std::string title;
    std::string symbol;
};

TEST(ApplyFileName, Table) {
    const NameRow rows[] = {
        {"TXT/Session 70 - 2015/USA_70_2015.txt", "USA", 70, "2015", "A", "en",
         "General Debate, 70th session: United States of America", ""},
        {"USA_1_1946.txt", "USA", 1, "1946", "A", "en",
         "General Debate, 1st session: United States of America", ""},
        {"YUG_42_1987.txt", "YUG", 42, "1987", "A", "en",
         "General Debate, 42nd session: Yugoslavia", ""},
        {"EU_73_2018.txt", "EU", 73, "2018", "A", "en", "General Debate, 73rd session: EU", ""},
        {"GBR_11_1956.txt", "GBR", 11, "1956", "A", "en",
         "General Debate, 11th session: United Kingdom of Great Britain and Northern Ireland", ""},
        {"USA_0_2015.txt", "", 0, "", "", "", "", ""},
        {"usa_70_2015.txt", "", 0, "", "", "", "", ""},
        {"A_RES_73_3-EN.pdf", "", 0, "", "A", "en", "", "A/RES/73/3"},
        {"CTOC_COP_2020_2_fr.md", "", 0, "", "CTOC/COP", "fr", "", "CTOC/COP/2020/2"},
        {"S_RES_2482(2019).txt", "", 0, "", "S", "", "", "S/RES/2482(2019)"},
        {"raw_un_charter_fr.txt", "", 0, "", "", "fr", "", ""},
        {"raw_un_charter_zh.txt", "", 0, "", "", "zh", "", ""},
        {"udhr_fra.txt", "", 0, "", "", "fr", "", ""},
        {"udhr_eng.txt", "", 0, "", "", "en", "", ""},
        {"udhr_spa.txt", "", 0, "", "", "es", "", ""},
        {"udhr_rus.txt", "", 0, "", "", "ru", "", ""},
        {"udhr_arb.txt", "", 0, "", "", "ar", "", ""},
        {"udhr_cmn_hans.txt", "", 0, "", "", "zh", "", ""},
        {"udhr_cmn_hant.txt", "", 0, "", "", "zh", "", ""},
        {"report-EN.txt", "", 0, "", "", "en", "", ""},
        {"ISDR GAR2013_EN.txt", "", 0, "", "", "en", "", ""},
        {"hans.txt", "", 0, "", "", "", "", ""},
        {"UNIDO_IDR_2013_main_report.txt", "", 0, "", "", "", "", ""},
        {"g1924226.txt", "", 0, "", "", "", "", ""},
        {"Slovenia.txt", "", 0, "", "", "", "", ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.path);
        Document doc;
        apply_file_name(doc, row.path);
        EXPECT_EQ(doc.country, row.country);
        EXPECT_EQ(doc.session, row.session);
        EXPECT_EQ(doc.date, row.date);
        EXPECT_EQ(doc.body, row.body);
        EXPECT_EQ(doc.lang, row.lang);
        EXPECT_EQ(doc.title, row.title);
        EXPECT_EQ(doc.symbol, row.symbol);
    }
}

TEST(ApplyFileName, YearIsReadFromDate) {
    Document doc;
    apply_file_name(doc, "FRA_45_1990.txt");
    EXPECT_EQ(doc.year(), 1990);
}

TEST(ApplyFileName, KeepsWhatTheReaderFound) {
    Document doc;
    doc.lang = "fr";
    doc.title = "Discours";
    doc.symbol = "A/70/PV.13";
    doc.date = "2015-09-28";
    apply_file_name(doc, "USA_70_2015.txt");
    EXPECT_EQ(doc.lang, "fr");
    // A speech's title always comes from its name: speeches have no title in their text.
    EXPECT_EQ(doc.title, "General Debate, 70th session: United States of America");
    EXPECT_EQ(doc.date, "2015-09-28");
    EXPECT_EQ(doc.country, "USA");
    Document other;
    other.symbol = "A/RES/73/6";
    apply_file_name(other, "A_RES_73_3-EN.pdf");
    EXPECT_EQ(other.symbol, "A/RES/73/6");
    EXPECT_EQ(other.lang, "en");
}

TEST(ApplySidecar, OverridesEveryField) {
    TempDir dir;
    const std::string md = dir.write("x.md", "# T\n\nText.\n");
    dir.write("x.meta.json", R"json({
  "symbol": "CTOC/COP/2020/2",
  "title": "Activities of UNODC",
  "body": "CTOC/COP",
  "session": 10,
  "date": "20 July 2020",
  "lang": "EN",
  "distribution": "General",
  "agenda_item": "2 (b)",
  "job_number": "V.20-03727",
  "country": "AUT",
  "reviewer": "ignored"
})json");
    Document doc;
    doc.title = "from the text";
    doc.lang = "fr";
    doc.session = 3;
    apply_sidecar(doc, md);
    expect_metadata(
        doc, {Meta::symbol("CTOC/COP/2020/2"), Meta::title("Activities of UNODC"),
              Meta::body("CTOC/COP"), Meta::session(10), Meta::date("2020-07-20"), Meta::lang("en"),
              Meta::distribution("General"), Meta::agenda_item("2 (b)"),
              Meta::job_number("V.20-03727"), Meta::country("AUT")});

    // read_document applies it last, over the file name and the text.
    const Document read = read_document(md);
    EXPECT_EQ(read.symbol, "CTOC/COP/2020/2");
    EXPECT_EQ(read.session, 10);
    EXPECT_EQ(read.country, "AUT");
}

TEST(ApplySidecar, SymbolAloneSetsBodyAndSessionMayBeAWord) {
    TempDir dir;
    dir.write("y.meta.json",
              R"({"symbol": "A/HRC/43/15", "session": "Forty-third", "date": "2020"})");
    Document doc;
    apply_sidecar(doc, dir.path("y.txt"));
    EXPECT_EQ(doc.body, "A/HRC");
    EXPECT_EQ(doc.session, 43);
    EXPECT_EQ(doc.date, "2020");
}

TEST(ApplySidecar, XmlSidecar) {
    TempDir dir;
    dir.write("z.meta.xml", "<meta>\n  <symbol>S/2019/1</symbol>\n  <lang>ru</lang>\n</meta>\n");
    Document doc;
    apply_sidecar(doc, dir.path("z.txt"));
    EXPECT_EQ(doc.symbol, "S/2019/1");
    EXPECT_EQ(doc.lang, "ru");
}

TEST(ApplySidecar, NoSidecarChangesNothing) {
    TempDir dir;
    Document doc;
    doc.title = "kept";
    apply_sidecar(doc, dir.path("nothing.txt"));
    EXPECT_EQ(doc.title, "kept");
    EXPECT_EQ(doc.symbol, "");
}

TEST(ApplySidecar, ErrorsNameTheSidecarAndLine) {
    TempDir dir;
    const ErrorRow rows[] = {
        {"{\n  \"symbol\": \"A/1\",\n  \"title\": oops\n}\n",
         "malformed JSON: syntax error while parsing value - invalid literal; last read: "
         "'\"title\": o'",
         3},
        {"{\n  \"symbol\": \"A/1\",\n}\n",
         "malformed JSON: syntax error while parsing object key - unexpected '}'; expected string "
         "literal",
         3},
        {"[1, 2]\n", "sidecar must be a JSON object", 1},
        {"{\n  \"session\": \"soon\"\n}\n", "field \"session\" must be a number", 2},
        {"{\n\n  \"title\": 12\n}\n", "field \"title\" must be a string", 3},
        {"{\n  \"date\": \"someday\"\n}\n", "field \"date\" is not a date: \"someday\"", 2},
        // A number beyond a double's range (found by the sidecar fuzz target).
        {"{\n  \"session\": 1e999\n}\n", "malformed JSON: number overflow parsing '1e999'", 0},
    };
    for (const auto& row : rows) {
        const std::string sidecar = dir.write("bad.meta.json", row.name);
        dir.write("bad.txt", "Text.\n");
        expect_error(
            [&] {
                Document doc;
                apply_sidecar(doc, dir.path("bad.txt"));
            },
            sidecar, row);
        // read_document reports the sidecar, not the document.
        try {
            read_document(dir.path("bad.txt"));
            ADD_FAILURE() << "no error from read_document for " << row.name;
        } catch (const DocumentError& e) {
            EXPECT_EQ(e.path(), sidecar);
        }
    }
}

TEST(ReadDocument, SeedReportWithItsSidecar) {
    const std::string path = std::string(PLENARY_SOURCE_DIR) + "/corpus/ctoc-cop-2020-2.md";
    if (!fs::exists(path)) GTEST_SKIP() << "seed copy not found at " << path;
    const Document doc = read_document(path);
    expect_metadata(doc, {Meta::symbol("CTOC/COP/2020/2"), Meta::body("CTOC/COP"), Meta::lang("en"),
                          Meta::format("markdown")});
    EXPECT_EQ(doc.title.rfind("Activities of the United Nations Office on Drugs and Crime", 0), 0u);
    EXPECT_GT(doc.paragraphs.size(), 80u);
}

// Each file of the demo sample (corpus/README.md) reads with the metadata its name, header or
// masthead gives: a General Debate speech's country, session and year from COUNTRY_SESSION_YEAR,
// the UNPC file's symbol and date from its TEI header, the resolution's from its masthead, the
// Charter's language from its name. "" and 0 mean: not checked (the DOCX names no language).
TEST(ReadDocument, DemoSampleFilesCarryTheirMetadata) {
    struct Row {
        const char* file;
        const char* format;
        const char* symbol;
        const char* country;
        int session;
        int year;
        const char* lang;
    };
    const std::vector<Row> rows = {
        {"ungdc/MRT_70_2015.txt", "text", "", "MRT", 70, 2015, "en"},
        {"ungdc/NER_73_2018.txt", "text", "", "NER", 73, 2018, "en"},
        {"ungdc/TCD_73_2018.txt", "text", "", "TCD", 73, 2018, "en"},
        {"ungdc/NER_77_2022.txt", "text", "", "NER", 77, 2022, "en"},
        {"ungdc/MLI_79_2024.txt", "", "", "MLI", 79, 2024, "en"},
        {"unpc/en/2014/npt/conf_2015/pc_iii/wp_6.xml", "unpc-xml", "NPT/CONF.2015/PC.III/WP.6", "",
         0, 2014, "en"},
        {"ga-resolutions/A_RES_73_8-EN.pdf", "pdf", "A/RES/73/8", "", 73, 2018, "en"},
        {"upr/UPR-wg48-Advance-Questions-Slovenia.docx", "docx", "", "", 0, 0, "en"},
        {"un-charter/raw_un_charter_en.txt", "", "", "", 0, 0, "en"},
        {"un-charter/raw_un_charter_fr.txt", "", "", "", 0, 0, "fr"},
    };
    for (const Row& row : rows) {
        const std::string path = std::string(PLENARY_SOURCE_DIR) + "/corpus/" + row.file;
        ASSERT_TRUE(fs::exists(path)) << path;
        const Document doc = read_document(path);
        if (*row.format) {
            EXPECT_EQ(doc.format, row.format) << row.file;
        }
        if (*row.symbol) {
            EXPECT_EQ(doc.symbol, row.symbol) << row.file;
        }
        if (*row.country) {
            EXPECT_EQ(doc.country, row.country) << row.file;
        }
        if (row.session) {
            EXPECT_EQ(doc.session, row.session) << row.file;
        }
        if (row.year) {
            EXPECT_EQ(doc.year(), row.year) << row.file;
        }
        EXPECT_EQ(doc.lang, row.lang) << row.file;
        EXPECT_GT(doc.paragraphs.size(), 5u) << row.file;
    }
}

}  // namespace

// A parallel corpus's language file: one paragraph a line, anchored by its line number, even
// where a line names an article ("Article 51" is text here, not a heading).
TEST(ReadDocument, LineAlignedFileAnchorsEachLineByItsNumber) {
    const std::string bytes = "Article 51\nArticle 52\n\nThe Council met.\nIt adjourned\n";
    const Document doc = parse_document("dev/UNv1.0.devset.fr", bytes);
    ASSERT_EQ(doc.paragraphs.size(), 4u);
    EXPECT_EQ(doc.lang, "fr");
    EXPECT_EQ(doc.work, "UNv1.0.devset");
    const char* anchors[] = {"line1", "line2", "line4", "line5"};
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(doc.paragraphs[i].anchor, anchors[i]);
    EXPECT_EQ(doc.paragraphs[3].text, "It adjourned");
    EXPECT_EQ(doc.paragraphs[3].line, 5);
    // A file named by its language another way is read as text.
    EXPECT_TRUE(parse_document("dev/report-fr.txt", bytes).paragraphs[0].anchor.find("line") ==
                std::string::npos);
}
