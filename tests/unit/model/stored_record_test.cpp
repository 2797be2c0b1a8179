#include "model/stored_record.h"

#include <gtest/gtest.h>

#include "model/document_json.h"
#include "model/index_format.h"

namespace plenary {
namespace {

TEST(StoredRecordTest, DocumentRecordDecodesWhatTheEncoderWrote) {
    Document doc;
    doc.symbol = "A/HRC/43/3";
    doc.title = "Report of the Working Group";
    doc.body = "A/HRC";
    doc.session = 43;
    doc.date = "2019-12-20";
    doc.lang = "fr";
    doc.country = "NER";
    doc.work = "A/HRC/43/3";
    doc.source = "/x/report.md";
    DocumentInfo d;
    d.key = "0123456789ab";
    decode_document_record(document_meta_json(doc).dump(), d);
    EXPECT_EQ(d.key, "0123456789ab");
    EXPECT_EQ(d.symbol, doc.symbol);
    EXPECT_EQ(d.title, doc.title);
    EXPECT_EQ(d.body, doc.body);
    EXPECT_EQ(d.session, 43);
    EXPECT_EQ(d.date, doc.date);
    EXPECT_EQ(d.lang, doc.lang);
    EXPECT_EQ(d.country, doc.country);
    EXPECT_EQ(d.work, doc.work);
    EXPECT_EQ(d.source, doc.source);
    EXPECT_TRUE(d.files.empty());
}

TEST(StoredRecordTest, ParagraphRecordDecodesWhatTheEncoderWrote) {
    Paragraph p;
    p.number = "4 (b)";
    p.headings = {"II. Recommendations", "Migration"};
    p.text = "Calls upon States to ratify the Protocol.";
    p.footnotes = {{"1", "A/RES/55/25, annex III."}};
    p.anchor = "art51";
    p.refs.symbols = {"A/RES/55/25"};
    p.refs.resolutions = {{"A/RES/55/25", "A", false}, {"A/DEC/73/546", "A", true}};
    p.refs.countries = {"NER"};
    p.refs.demonyms = {"NGA"};
    p.refs.sessions = {73};
    nlohmann::json j = paragraph_json(p);
    j["id"] = paragraph_id("0123456789ab", 19);
    const ParagraphView v = decode_paragraph_record(j.dump());
    EXPECT_EQ(v.id, "0123456789ab-19");
    EXPECT_EQ(v.ordinal, 19u);
    EXPECT_EQ(v.number, p.number);
    EXPECT_EQ(v.kind, "unnumbered");
    EXPECT_EQ(v.headings, p.headings);
    EXPECT_EQ(v.text, p.text);
    EXPECT_EQ(v.anchor, "art51");
    ASSERT_EQ(v.footnotes.size(), 1u);
    EXPECT_EQ(v.footnotes[0].first, "1");
    EXPECT_EQ(v.footnotes[0].second, "A/RES/55/25, annex III.");
    EXPECT_EQ(v.resolutions, std::vector<std::string>{"A/RES/55/25"});
    EXPECT_EQ(v.decisions, std::vector<std::string>{"A/DEC/73/546"});
    EXPECT_EQ(v.symbols, p.refs.symbols);
    EXPECT_EQ(v.countries, p.refs.countries);
    EXPECT_EQ(v.demonyms, p.refs.demonyms);
    EXPECT_EQ(v.sessions, std::vector<int>{73});
    EXPECT_EQ(paragraph_file_key(v.id), "0123456789ab");
}

TEST(StoredRecordTest, BadRecordsDecodeEmpty) {
    for (const char* bad :
         {"", "not json", "[1, 2]", "{\"id\": 7, \"text\": [\"x\"], \"sessions\": [\"3\"]}"}) {
        const ParagraphView v = decode_paragraph_record(bad);
        EXPECT_TRUE(v.id.empty()) << bad;
        EXPECT_TRUE(v.text.empty()) << bad;
        EXPECT_TRUE(v.sessions.empty()) << bad;
        EXPECT_EQ(v.ordinal, 0u) << bad;
        DocumentInfo d;
        decode_document_record(bad, d);
        EXPECT_TRUE(d.symbol.empty()) << bad;
        EXPECT_EQ(d.session, 0) << bad;
    }
}

TEST(IndexFormatTest, ParagraphIdsAndMetadataKeys) {
    EXPECT_EQ(paragraph_file_key("abc-def-12"), "abc-def");
    EXPECT_EQ(paragraph_ordinal("abc-def-12"), 12u);
    EXPECT_EQ(paragraph_file_key("nodash"), "nodash");
    EXPECT_EQ(paragraph_ordinal("nodash"), 0u);
    // Distinct keys for one file: a document record, its copies and its shadow mark.
    EXPECT_NE(document_meta_key("k"), copies_meta_key("k"));
    EXPECT_NE(document_meta_key("k"), shadow_meta_key("k"));
    EXPECT_NE(copies_meta_key("k"), shadow_meta_key("k"));
    EXPECT_NE(document_meta_key("k"), document_meta_key("l"));
}

}  // namespace
}  // namespace plenary
