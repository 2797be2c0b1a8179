// A file indexed by an older version of the readers and extractors is read again by the next
// run, even unchanged; one indexed by this version is not.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "index/index_writer.h"
#include "index/indexer.h"
#include "model/index_format.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

class ExtractionVersion : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::create_directories(docs);
        std::ofstream(docs / "speech.txt")
            << "Mr. President,\n\nWe recall Article 51 of the Charter of the United Nations.\n";
    }
    void TearDown() override { fs::remove_all(dir); }
    IndexReport index() {
        IndexOptions o;
        o.db = (dir / "db").string();
        o.paths = {docs.string()};
        return run_index(o, IndexListener{});
    }
    fs::path dir = fs::temp_directory_path() / ("plenary-extraction-" + std::to_string(::getpid()));
    fs::path docs = dir / "docs";
};

TEST_F(ExtractionVersion, AFileIndexedByAnOlderVersionIsReadAgain) {
    ASSERT_EQ(index().indexed, 1u);
    EXPECT_EQ(index().unchanged, 1u);  // this version: left alone
    {
        // Rewrite the file's record as a version-0 build wrote it: no leading "x<version>".
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_OPEN);
        auto it = db.metadata_keys_begin(kFileRecordPrefix);
        ASSERT_NE(it, db.metadata_keys_end(kFileRecordPrefix));
        const std::string key = *it;
        const std::string record = db.get_metadata(key);
        ASSERT_EQ(record.substr(0, 3), "x" + std::to_string(kExtractionVersion) + "\t");
        db.set_metadata(key, record.substr(record.find('\t') + 1));
        db.commit();
    }
    const IndexReport again = index();
    EXPECT_EQ(again.indexed, 1u);
    EXPECT_EQ(again.unchanged, 0u);
    EXPECT_EQ(index().unchanged, 1u);  // and recorded with this version
}

}  // namespace
}  // namespace plenary
