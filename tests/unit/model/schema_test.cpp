#include "model/schema.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/error.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

TEST(SchemaTest, ProjectSchemaLoadsAndDeclaresTheFacetFields) {
    const Schema s = Schema::load(PLENARY_SOURCE_DIR "/schemas");
    for (const char* name :
         {"country", "resolution", "symbol", "body", "session", "year", "lang", "document"}) {
        const Field& f = s.field(name);
        EXPECT_TRUE(f.facet) << name;
        EXPECT_TRUE(f.filter) << name;
    }
    EXPECT_TRUE(s.field("facets").slot.has_value()) << "facets are counted from one slot";
    EXPECT_EQ(s.term("country", "NER"), s.field("country").prefix + "NER");
    EXPECT_NE(s.filter_names().find("resolution"), std::string::npos);
}

TEST(SchemaTest, UnknownFieldIsAnError) {
    const Schema s = Schema::load(PLENARY_SOURCE_DIR "/schemas");
    EXPECT_EQ(s.find("nosuch"), nullptr);
    try {
        s.field("nosuch");
        FAIL();
    } catch (const SchemaError& e) {
        EXPECT_STREQ(e.what(), "the schema has no field 'nosuch'");
    }
}

class BadSchemaTest : public ::testing::Test {
  protected:
    fs::path dir = fs::temp_directory_path() / ("plenary-schema-" + std::to_string(::getpid()));
    void SetUp() override { fs::create_directories(dir); }
    void TearDown() override { fs::remove_all(dir); }
    void write(const std::string& text) { std::ofstream(dir / "fields.json") << text; }
    std::string error() {
        return testing::thrown_message<SchemaError>([&] { Schema::load(dir.string()); });
    }
};

TEST_F(BadSchemaTest, DuplicatePrefixAndSlotAreRejected) {
    const std::string path = (dir / "fields.json").string();
    write(R"({"fields":[{"name":"a","prefix":"XA","slot":1,"analyzer":"keyword"},
                        {"name":"b","prefix":"XA","slot":2,"analyzer":"keyword"}]})");
    EXPECT_EQ(error(), path + ": prefix 'XA' is used twice");
    write(R"({"fields":[{"name":"a","prefix":"XA","slot":1,"analyzer":"keyword"},
                        {"name":"b","prefix":"XB","slot":1,"analyzer":"keyword"}]})");
    EXPECT_EQ(error(), path + ": value slot 1 is used twice");
    write(
        R"({"fields":[{"name":"a","prefix":"XA","slot":null,"analyzer":"keyword","facet":true}]})");
    EXPECT_EQ(error(), path + ": facet fields need a 'facets' field with a value slot");
    write(R"({"fields":[{"name":"a","prefix":"XA","slot":null,"analyzer":"keyword","facet":true},
                        {"name":"facets","prefix":null,"slot":null,"analyzer":"facets"}]})");
    EXPECT_EQ(error(), path + ": facet fields need a 'facets' field with a value slot");
}

TEST_F(BadSchemaTest, MissingFileIsNamed) {
    EXPECT_EQ(error(), (dir / "fields.json").string() + ": cannot open the field schema");
}

}  // namespace
}  // namespace plenary
