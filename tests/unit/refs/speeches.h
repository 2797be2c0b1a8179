// What the reference finders' corpus tests share: every General Debate speech of the shared
// corpus (corpus-real/ungdc/TXT), read whole.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "base/text_util.h"

namespace plenary::testing {

/// The General Debate speeches' folder in the shared corpus (it may be absent).
inline std::filesystem::path speeches_dir() {
    return std::filesystem::path(PLENARY_SHARED_DIR) / "corpus-real" / "ungdc" / "TXT";
}

/// Calls visit(text) with each speech (each .txt file below speeches_dir()) and returns how many
/// bytes they held together.
template <class Visit>
std::size_t for_each_speech(const Visit& visit) {
    std::size_t bytes = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(speeches_dir())) {
        if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
        const std::string text = read_file(e.path().string());
        bytes += text.size();
        visit(text);
    }
    return bytes;
}

}  // namespace plenary::testing
