#include "index/index_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "model/schema.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

Document sample(const std::string& source, int paragraphs) {
    Document doc;
    doc.symbol = "A/HRC/WG.6/34/SVN/2/Corr.1";
    doc.body = "A/HRC";
    doc.session = 34;
    doc.date = "2019-08-30";
    doc.lang = "en";
    doc.source = source;
    for (int i = 1; i <= paragraphs; ++i) {
        Paragraph p;
        p.number = std::to_string(i);
        p.kind = ParagraphKind::numbered;
        p.text = "Paragraph " + std::to_string(i) + " on trafficking in Côte d’Ivoire.";
        p.refs.countries = {"CIV"};
        p.refs.resolutions = {ResolutionRef{"A/RES/73/195", "A", false}};
        p.refs.symbols = {"A/75/115"};
        p.refs.symbol_bases = {"A/75/115"};
        doc.paragraphs.push_back(p);
    }
    return doc;
}

class IndexWriterTest : public ::testing::Test {
  protected:
    fs::path dir = fs::temp_directory_path() / ("plenary-iw-" + std::to_string(::getpid()));
    void TearDown() override { fs::remove_all(dir); }
    const Schema& schema = Schema::instance();

    void write(const Document& doc, std::uint64_t hash) {
        IndexWriter w(dir.string());
        DocumentBuilder b(schema);
        auto docs = b.build(doc);
        FileRecord rec{doc.source, hash, 1, 2, static_cast<std::uint32_t>(docs.size())};
        w.replace_file(rec, "{}", docs);
        w.commit();
    }
    Xapian::doccount count(const std::string& term) {
        Xapian::Database db(dir.string());
        return db.get_termfreq(term);
    }
};

TEST_F(IndexWriterTest, OneXapianDocumentPerParagraphWithReferenceTerms) {
    write(sample("/x/report.md", 3), 1);
    Xapian::Database db(dir.string());
    EXPECT_EQ(db.get_doccount(), 3u);
    EXPECT_EQ(count(schema.term("country", "CIV")), 3u);
    EXPECT_EQ(count(schema.term("resolution", "A/RES/73/195")), 3u);
    EXPECT_EQ(count(schema.term("resolution_number", "73/195")), 3u);
    EXPECT_EQ(count(schema.term("doc", "A/HRC/WG.6/34/SVN/2/Corr.1")), 3u);
    EXPECT_EQ(count(schema.term("doc_base", "A/HRC/WG.6/34/SVN/2")), 3u);
    EXPECT_EQ(count(schema.term("para", "2")), 1u);
    EXPECT_EQ(count(schema.term("year", "2019")), 3u);
    // Diacritics are folded in free text: "cote" and "ivoire" are terms.
    EXPECT_EQ(db.get_termfreq("cote"), 3u);
    EXPECT_EQ(db.get_termfreq("d'ivoire"), 3u);  // the apostrophe keeps "d'ivoire" whole
    const Xapian::Document d = db.get_document(1);
    EXPECT_EQ(d.get_value(*schema.field("date").slot), "20190830");
    // Facet values live in the one "facets" slot, in schema order, '\x1f' between fields.
    const std::string facets = d.get_value(*schema.field("facets").slot);
    EXPECT_NE(facets.find("\x1f"
                          "CIV"
                          "\x1f"),
              std::string::npos)
        << facets;
    EXPECT_NE(facets.find("A/RES/73/195"), std::string::npos) << facets;
    EXPECT_FALSE(schema.field("country").slot.has_value()) << "no slot of its own";
    const auto data = nlohmann::json::parse(d.get_data());
    EXPECT_EQ(data["id"], file_key("/x/report.md") + "-1");
    EXPECT_FALSE(data.contains("decisions")) << "empty fields are left out";
}

TEST_F(IndexWriterTest, ReindexingReplacesAndNeverDuplicates) {
    write(sample("/x/report.md", 3), 1);
    write(sample("/x/report.md", 2), 2);
    write(sample("/x/other.md", 4), 3);
    Xapian::Database db(dir.string());
    EXPECT_EQ(db.get_doccount(), 6u);
    EXPECT_EQ(count(schema.term("file", file_key("/x/report.md"))), 2u);
    IndexWriter w(dir.string());
    ASSERT_TRUE(w.record("/x/report.md").has_value());
    EXPECT_EQ(w.record("/x/report.md")->hash, 2u);
    EXPECT_EQ(w.records().size(), 2u);
    w.remove_file("/x/report.md");
    w.commit();
    EXPECT_EQ(w.paragraph_count(), 4u);
    EXPECT_FALSE(w.record("/x/report.md").has_value());
}

TEST_F(IndexWriterTest, SecondWriterGetsAClearLockMessage) {
    IndexWriter first(dir.string());
    try {
        IndexWriter second(dir.string());
        FAIL() << "a second writer opened a locked database";
    } catch (const DatabaseError& e) {
        EXPECT_EQ(std::string(e.what()),
                  dir.string() +
                      ": the database is locked by another indexer; wait for it to "
                      "finish or stop it");
    }
}

TEST(ContentHashTest, DiffersForDifferentBytes) {
    EXPECT_NE(content_hash("abc"), content_hash("abd"));
    EXPECT_EQ(hex64(0xabcULL), "0000000000000abc");
    EXPECT_EQ(file_key("/a").size(), 12u);
}

}  // namespace
}  // namespace plenary
