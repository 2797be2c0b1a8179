// Resolution and decision citations in running text, with the body that adopted them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace plenary {

/// What is known of the citing document, for citations whose body is not in the sentence.
struct CitationContext {
    std::string organ;  ///< the citing document's own organ/body ("A", "A/HRC", "CTOC/COP")
    std::string lang;   ///< ISO 639-1 of the text, "en" by default
};

/// A resolution or decision citation found in text.
struct ResolutionMatch {
    ResolutionRef ref;      ///< canonical id, body, decision flag
    std::string number;     ///< the number without body: "73/195", "2482(2019)", "3379(XXX)"
    std::size_t begin = 0;  ///< byte offsets of the citation in the text
    std::size_t end = 0;
};

/// Finds resolution and decision citations (lists, ranges, lettered parts; "draft resolution"
/// and a report symbol after "the resolution" are not citations).
std::vector<ResolutionMatch> find_resolutions(std::string_view text, const CitationContext& ctx);

/// Parses a query value as a resolution: "A/RES/73/195", "a/res/73/195", "S/RES/2482 (2019)",
/// "resolution 2482 (2019)", "73/195". For a bare number, body is empty and id is empty:
/// the caller matches number against every body.
std::optional<ResolutionMatch> parse_resolution(std::string_view text);

}  // namespace plenary
