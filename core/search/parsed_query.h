// A parsed query: what the query parser (search/query.h) gives the matcher and the snippet
// highlighter (search/snippets.h). Apart from the parser, so that the highlighter needs only this.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace plenary {

/// A parsed query and what the snippet highlighter needs to know of it.
struct ParsedQuery {
    Xapian::Query query;                            ///< the query to run
    std::vector<std::string> terms;                 ///< free-text terms (folded words and Z-stems)
    std::vector<std::vector<std::string>> phrases;  ///< "quoted phrases", folded words in order
    std::vector<std::string> wildcards;             ///< folded prefixes of traffick* words
    std::vector<std::string> resolutions;           ///< canonical resolution/decision ids asked for
    std::vector<std::string> resolution_numbers;    ///< bare numbers asked for ("40/1")
    std::vector<std::string> symbols;               ///< canonical symbols asked for
    std::vector<std::string> reference_prefixes;    ///< reference prefixes asked for ("A/HRC/RES/")
    std::size_t prefix_references = 0;   ///< references those prefixes stand for: bounded on their
                                         ///< own (10,000 each), a prefix counts as one query term
    std::vector<std::string> countries;  ///< alpha-3 codes asked for (country:, demonym:)
    std::vector<std::string> langs;      ///< stemming languages used (each document
                                         ///< is matched with its own language's stems)
};

}  // namespace plenary
