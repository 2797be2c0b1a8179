// Query language: what a user types, turned into a Xapian query.
//
// Free text goes to Xapian::QueryParser (stemming, "phrases", AND/OR/NOT, NEAR, wildcards,
// default AND) after folding; field:value clauses and UN references typed as free text are
// recognised first and handed to the parser as opaque placeholders, so a symbol is never
// broken into loose words.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/parsed_query.h"

namespace plenary {

class Schema;
class Gazetteer;
struct Field;

/// Parses queries against the schema. Holds no Xapian::QueryParser between calls, so one
/// instance may be shared by threads.
class QueryParser {
  public:
    /// db (may be null) expands wildcards and decides exact facet values. lang picks the
    /// stemmer; empty means every language in db, each applied to that language's paragraphs
    /// (English when there is no db).
    QueryParser(const Schema& schema, const Gazetteer& gazetteer,
                const Xapian::Database* db = nullptr, std::string lang = "");
    /// The same, with db's languages known (database_languages(db), kept by a long-lived
    /// searcher: over remote shards each look-up is a round trip to every shard).
    QueryParser(const Schema& schema, const Gazetteer& gazetteer, const Xapian::Database* db,
                std::string lang, const std::vector<std::string>& db_langs);

    /// The language codes of db's paragraphs (its "lang" terms).
    static std::vector<std::string> database_languages(const Schema& schema,
                                                       const Xapian::Database& db);

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
    std::vector<std::string>
        m_langs;  // stemming languages; more than one: each word stands for its stems in all

    Xapian::Query reference_query(std::string_view text, ParsedQuery& notes) const;

    // parse(), by phase (query.cpp): the query's segments and references, the rewriting for
    // Xapian::QueryParser, and its analysis in the languages of the database.
    struct Scan;
    class Rewriter;
    void find_references(Scan& scan, ParsedQuery& out) const;
    Xapian::Query analyse(const Scan& scan, const Rewriter& rewriter, ParsedQuery& out) const;

    // field_query(), by kind of field.
    Xapian::Query country_query(const std::string& field, const std::string& value, int column,
                                ParsedQuery& notes) const;
    Xapian::Query date_query(const Field& field, const std::string& value, int column) const;
    Xapian::Query number_query(const std::string& field, const std::string& value,
                               int column) const;
    Xapian::Query resolution_query(const std::string& field, const std::string& value, int column,
                                   ParsedQuery& notes) const;
    Xapian::Query symbol_query(const std::string& field, const std::string& value, bool exact,
                               ParsedQuery& notes) const;
    // The Latin-script languages of the database, and English.
    std::vector<std::string> latin_langs() const;
    Xapian::Query text_field_query(const std::string& field, std::string_view value,
                                   int column) const;
};

}  // namespace plenary
