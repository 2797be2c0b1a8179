// What tests of the shared UNPC sample expect of a file before reading it: its symbol.
#pragma once

#include <filesystem>
#include <string>

namespace plenary::testing {

/// "en/2014/npt/conf_2015/pc_iii/wp_1.xml" under root -> "NPT/CONF.2015/PC.III/WP.1": the
/// corpus names each file after its symbol, which gives an expectation independent of the header.
inline std::string unpc_symbol_from_path(const std::filesystem::path& root,
                                         const std::filesystem::path& file) {
    std::string rel =
        std::filesystem::relative(file, root / "en" / "2014").replace_extension().generic_string();
    for (char& c : rel) {
        if (c == '_')
            c = '.';
        else if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
    }
    return rel;
}

}  // namespace plenary::testing
