// UN document symbols: recognised in running text, normalised to one spelling.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

/// A symbol found in text.
struct SymbolMatch {
    std::string canonical;  ///< "A/HRC/WG.6/34/SVN/2/Corr.1": upper-case series, no spaces
    std::string base;       ///< without stackable suffixes: "A/HRC/WG.6/34/SVN/2"
    std::string organ;      ///< organ or series: "A", "S", "A/HRC", "CTOC/COP", "NPT/CONF.2015"
    std::size_t begin = 0;  ///< byte offsets in the text searched
    std::size_t end = 0;
};

/// Finds every UN document symbol in text (tolerant of spacing, case, line breaks, Markdown
/// links and escapes). Resolution symbols (A/RES/73/195) are returned too.
std::vector<SymbolMatch> find_symbols(std::string_view text);

/// Parses a string that should be one symbol (a query value, a sidecar field, a TEI idno).
std::optional<SymbolMatch> parse_symbol(std::string_view text);

}  // namespace plenary
