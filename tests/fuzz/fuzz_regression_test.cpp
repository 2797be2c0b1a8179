// Replays the fuzz targets (fuzz_common.h) in the normal build: every input kept in
// tests/data/fuzz/<target>/ (what fuzzing once found, fixed since) and every seed in
// tests/fuzz/seeds/<target>/ must run through its target without a finding.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_common.h"

namespace plenary::fuzz {

namespace {

std::map<std::string, Target>& targets() {
    static std::map<std::string, Target> all;
    return all;
}

}  // namespace

int register_target(const char* name, Target target) {
    targets()[name] = target;
    return 0;
}

namespace {

namespace fs = std::filesystem;

std::vector<std::string> target_names() {
    std::vector<std::string> names;
    std::istringstream list(PLENARY_FUZZ_TARGETS);  // "markdown,text,..." from CMake's list
    for (std::string name; std::getline(list, name, ',');) names.push_back(name);
    return names;
}

/// The files of the target's regression and seed folders, sorted.
std::vector<fs::path> inputs_of(const std::string& name) {
    std::vector<fs::path> files;
    for (const fs::path& dir : {fs::path(PLENARY_SOURCE_DIR) / "tests/data/fuzz" / name,
                                fs::path(PLENARY_SOURCE_DIR) / "tests/fuzz/seeds" / name}) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

class FuzzRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, KeptInputsRunClean) {
    const auto found = targets().find(GetParam());
    ASSERT_NE(found, targets().end()) << "no fuzz target named " << GetParam() << " is compiled in";
    const auto files = inputs_of(GetParam());
    EXPECT_FALSE(files.empty()) << "no seeds or kept inputs for " << GetParam();
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.string());
        const std::string bytes = read_file(file.string());
        EXPECT_NO_THROW(
            found->second(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression, ::testing::ValuesIn(target_names()),
                         [](const auto& info) { return info.param; });

}  // namespace

}  // namespace plenary::fuzz
