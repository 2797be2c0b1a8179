// Query language: what a user types, turned into a Xapian query.
//
// Free text goes to Xapian::QueryParser (stemming, "phrases", AND/OR/NOT, NEAR, wildcards,
// default AND) after folding; field:value clauses and UN references typed as free text are
// recognised first and handed to the parser as opaque placeholders, so a symbol is never
// broken into loose words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace plenary {

class Schema;
class Gazetteer;

/// A parsed query and what the snippet highlighter needs to know of it.
struct ParsedQuery {
    Xapian::Query query;                          ///< the query to run
    std::vector<std::string> terms;               ///< free-text terms (folded words and Z-stems)
    std::vector<std::vector<std::string>> phrases;///< "quoted phrases", folded words in order
    std::vector<std::string> wildcards;           ///< folded prefixes of traffick* words
    std::vector<std::string> resolutions;         ///< canonical resolution/decision ids asked for
    std::vector<std::string> resolution_numbers;  ///< bare numbers asked for ("40/1")
    std::vector<std::string> symbols;             ///< canonical symbols asked for
    std::vector<std::string> reference_prefixes;  ///< reference prefixes asked for ("A/HRC/RES/")
    std::size_t prefix_references = 0;  ///< references those prefixes stand for: bounded on their
                                        ///< own (10,000 each), a prefix counts as one query term
    std::vector<std::string> countries;           ///< alpha-3 codes asked for (country:, demonym:)
    std::vector<std::string> langs;               ///< stemming languages used (each document
                                                  ///< is matched with its own language's stems)
};

/// Parses queries against the schema. Holds no Xapian::QueryParser between calls, so one
/// instance may be shared by threads.
class QueryParser {
public:
    /// db (may be null) expands wildcards and decides exact facet values. lang picks the
    /// stemmer; empty means every language in db, each applied to that language's paragraphs
    /// (English when there is no db).
    QueryParser(const Schema& schema, const Gazetteer& gazetteer,
                const Xapian::Database* db = nullptr, std::string lang = "");

    /// Parses a user query; throws QueryError with one line naming the problem and its column.
    ParsedQuery parse(std::string_view text) const;

    /// The query for one field:value (as in the query language; ranges allowed). With exact,
    /// a value that is itself an indexed term of the field matches only that term and symbols
    /// do not widen to their base: drill-down filters use this so a facet count equals the hits
    /// of its filter. column is reported in errors. Throws QueryError.
    Xapian::Query field_query(const std::string& field, std::string_view value, bool exact = false,
                              int column = 0, ParsedQuery* notes = nullptr) const;

    /// Splits "field:value" (value may be quoted) for --filter; throws QueryError.
    std::pair<std::string, std::string> split_filter(std::string_view filter) const;

private:
    const Schema& m_schema;
    const Gazetteer& m_gazetteer;
    const Xapian::Database* m_db;
    std::vector<std::string> m_langs;  // stemming languages; more than one: each word stands for its stems in all

    Xapian::Query reference_query(std::string_view text, ParsedQuery& notes) const;
    // The Latin-script languages of the database, and English.
    std::vector<std::string> latin_langs() const;
    Xapian::Query text_field_query(const std::string& field, std::string_view value,
                                   int column) const;
};

}  // namespace plenary
