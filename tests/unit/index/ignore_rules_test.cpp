// .plenaryignore: which files of a walked folder the indexer leaves out.
#include "index/ignore_rules.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "index/indexer.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

TEST(IgnoreRules, PatternsAreLinesWithoutBlanksOrComments) {
    EXPECT_EQ(parse_ignore_patterns("# notes\nREADME.md\n\n  *.csv  \r\n#x\ndrafts/\n"),
              (std::vector<std::string>{"README.md", "*.csv", "drafts/"}));
}

TEST(IgnoreRules, NamesMatchAnywhereAndPathsFromTheFolder) {
    EXPECT_TRUE(ignore_pattern_matches("README.md", "README.md"));
    EXPECT_TRUE(ignore_pattern_matches("README.md", "speeches/README.md"));
    EXPECT_FALSE(ignore_pattern_matches("README.md", "README.md.txt"));
    EXPECT_TRUE(ignore_pattern_matches("*.csv", "tables/m49.csv"));
    EXPECT_TRUE(ignore_pattern_matches("/README.md", "README.md"));
    EXPECT_FALSE(ignore_pattern_matches("/README.md", "speeches/README.md"));
    EXPECT_TRUE(ignore_pattern_matches("notes/*.txt", "notes/a.txt"));
    EXPECT_FALSE(ignore_pattern_matches("notes/*.txt", "notes/deep/a.txt"));
    EXPECT_FALSE(ignore_pattern_matches("notes/*.txt", "other/notes/a.txt"));
}

class IgnoreWalkTest : public ::testing::Test {
  protected:
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir = fs::temp_directory_path() / ("plenary-ignore-" + std::to_string(::getpid()));
};

TEST_F(IgnoreWalkTest, TheWalkLeavesOutWhatEachFolderNames) {
    const fs::path root = dir / "collection";
    fs::create_directories(root / "speeches" / "drafts");
    fs::create_directories(root / "tables");
    const auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p) << text; };
    write(root / ".plenaryignore", "# the collection's own notes\nREADME.md\ntables\n");
    write(root / "README.md", "Sources of this collection");
    write(root / "report.md", "1. The Conference ...");
    write(root / "tables" / "m49.csv", "code,name");
    write(root / "speeches" / ".plenaryignore", "drafts\n*.bak\n");
    write(root / "speeches" / "README.md", "about the speeches");
    write(root / "speeches" / "NOR_60_2005.txt", "Mr. President, ...");
    write(root / "speeches" / "NOR_60_2005.txt.bak", "old");
    write(root / "speeches" / "drafts" / "draft.txt", "draft");

    std::vector<std::string> errors;
    const auto files = collect_files(
        {root.string()}, [&](const std::string& e) { errors.push_back(e); }, nullptr);
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(fs::path(f).lexically_relative(root).string());
    EXPECT_EQ(names, (std::vector<std::string>{"report.md", "speeches/NOR_60_2005.txt"}));
    EXPECT_TRUE(errors.empty());

    // A file named on the command line is read whatever a .plenaryignore says.
    const auto named = collect_files({(root / "README.md").string()}, {}, nullptr);
    EXPECT_EQ(named.size(), 1u);
}

}  // namespace
}  // namespace plenary
