// The real binaries on hostile input: a file that would overflow the stack among good ones,
// and queries that used to crash, hang or fail with the wrong status.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "integration/test_support.h"
#include "unit/test_files.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

using plenary::testing::nested;
using test::kIndex;
using test::kSearch;
using test::q;
using test::RunResult;

class HostileInputTest : public test::ScratchFolderTest {
  protected:
    HostileInputTest() : ScratchFolderTest("plenary-hostile") {}

    // Runs a program with at most 20 s and 2 GB, so that a regression fails instead of hanging.
    RunResult run(const std::string& program, const std::string& args) {
        return test::run_captured("ulimit -v 2000000; timeout 20 " + program + " " + args, dir);
    }

    // Two good files (three paragraphs) and two that nest 60,000 levels.
    void write_files() {
        write("a.txt",
              "The situation in the Niger calls for peace.\n\nA second paragraph on peace.\n");
        write("b.txt", "Another speech about the Charter of the United Nations.\n");
        write("deep.xml",
              "<?xml version=\"1.0\"?>\n<udhr xml:lang='en' xmlns=\"http://www.unhchr.ch/udhr\">\n"
              "<article number=\"1\"><para>" +
                  nested("x", 60000, "deep") + "</para></article></udhr>\n");
        const std::string ns =
            "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        write("deep.docx", plenary::testing::make_zip(
                               {{"word/document.xml", "<w:document " + ns + "><w:body><w:p>" +
                                                          nested("w:r", 60000, "<w:t>deep</w:t>") +
                                                          "</w:p></w:body></w:document>"}}));
    }
};

// Either file overflowed the stack: SIGSEGV, and the run died with nothing committed.
TEST_F(HostileInputTest, DeepFilesFailAloneAndTheRestIsIndexed) {
    for (const std::string jobs : {"1", "2"}) {
        SCOPED_TRACE("--jobs " + jobs);
        fs::remove_all(dir);
        fs::create_directories(docs);
        write_files();
        const RunResult r = run(kIndex, "--jobs " + jobs + " --db " + q(db) + " " + q(docs));
        EXPECT_EQ(r.status, 1) << r.err;
        EXPECT_NE(r.err.find((docs / "deep.xml").string() + ":3: nesting deeper than 256 levels\n"),
                  std::string::npos)
            << r.err;
        EXPECT_NE(r.err.find((docs / "deep.docx").string() +
                             ": nesting deeper than 256 levels in word/document.xml\n"),
                  std::string::npos)
            << r.err;
        EXPECT_NE(r.out.find("2 documents indexed"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("2 failed"), std::string::npos) << r.out;
        ASSERT_TRUE(fs::exists(db));
        EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 3u);
    }
}

TEST_F(HostileInputTest, QueriesThatCrashedOrHungGetTheRightStatus) {
    write_files();
    ASSERT_EQ(run(kIndex, "--db " + q(db) + " " + q(docs)).status, 1);
    const std::string base = "--db " + q(db) + " ";
    // Invalid UTF-8: status 1 with "[json.exception.type_error.316] ...".
    RunResult r = run(kSearch, base + "--format json \"$(printf 'peace \\377')\"");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "plenary-search: query is not valid UTF-8 at byte 7\n");
    EXPECT_EQ(r.out, "");
    // A clause that matches nothing: no hits, status 0 (was 2, "the query has no words").
    r = run(kSearch, base + "--format json 'peace decision:1'");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("\"total\": 0"), std::string::npos) << r.out;
    // Never ended, growing by 250 MB/s.
    r = run(kSearch, base + "'session:9223372036854775807..9223372036854775807'");
    EXPECT_EQ(r.status, 0) << r.err;
    r = run(kSearch, base + "'peace OR'");
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "plenary-search: OR needs something to search for on each side at column 7\n");
}

}  // namespace
}  // namespace plenary
