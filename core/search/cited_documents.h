// The other direction of a citation: which references name a document of the index (a hit's
// cited resolutions and symbols), and which references name a given document (cited_by).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plenary {

/// The fields and values that cite a document with this own symbol, as the index spells them:
/// its resolution or decision id ("resolution", "A/RES/73/3") and its symbol ("symbol",
/// "A/RES/73/3"). Own symbols are spelled as printed ("S/RES/2482 (2019)"); these are the
/// canonical forms references are indexed in ("S/RES/2482(2019)"). Empty for an empty symbol.
std::vector<std::pair<std::string, std::string>> citing_terms(const std::string& symbol);

}  // namespace plenary
