// The query language under hostile input: every range, wildcard and term count bounded, and
// every error one line with its column, word for word.
#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <string>

#include "base/error.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "search/query.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

// The message of the QueryError that parsing q throws, or "no error".
std::string error_of(const QueryParser& parser, const std::string& q) {
    return testing::thrown_message([&] { parser.parse(q); });
}

QueryParser english() {
    return QueryParser(Schema::instance(), Gazetteer::instance(), nullptr, "en");
}

// A database with n words for each prefix: "aa0000".."aa<n-1>" and so on.
Xapian::WritableDatabase words_db(const std::vector<std::pair<std::string, int>>& prefixes) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    for (const auto& [prefix, n] : prefixes)
        for (int i = 0; i < n; ++i) doc.add_term(prefix + std::to_string(10000 + i));
    doc.add_term("Len");
    doc.add_term("Zpeac");
    doc.add_term("peace");
    db.add_document(doc);
    return db;
}

// session:9223372036854775807..9223372036854775807 never ended (the loop counter overflowed)
// and grew by 250 MB/s; session:1..1001 was accepted though the limit says 1000 values.
TEST(QueryLimitsTest, NumberRangesAreBoundedAndParsedSafely) {
    const QueryParser parser = english();
    const std::pair<std::string, std::string> rows[] = {
        {"session:9223372036854775807..9223372036854775807", "no error"},
        {"session:9223372036854775806..9223372036854775807", "no error"},
        {"session:1..1001", "bad range 'session:1..1001' (more than 1000 values) at column 1"},
        {"session:1..1000", "no error"},
        {"session:0..9223372036854775807",
         "bad range 'session:0..9223372036854775807' (more than 1000 values) at column 1"},
        {"session:99999999999999999999", "bad number 'session:99999999999999999999' at column 1"},
        {"session:1..99999999999999999999",
         "bad range 'session:1..99999999999999999999' (expected N..M) at column 1"},
        {"mentioned_session:-3..4",
         "bad range 'mentioned_session:-3..4' (expected N..M) at column 1"},
        {"year:0000..9999", "no error"},
        {"date:0000..9999-12-31", "no error"},
        {"para:1..99999999999999999999", "no error"},
    };
    for (const auto& [query, message] : rows) {
        const auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(error_of(parser, query), message) << query;
        // 5 s: a bound a sanitized build on a busy machine meets, far under what an unbounded range
        // cost.
        EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                  5.0)
            << query;
    }
    EXPECT_EQ(
        parser.parse("session:9223372036854775807..9223372036854775807").query.get_description(),
        "Query(0 * XSES9223372036854775807)");
    EXPECT_EQ(parser.parse("session:1..1000").query.get_length(), 1000u);
    // year, date and para never become lists of terms, whatever their span.
    EXPECT_EQ(parser.parse("year:0000..9999").query.get_description(),
              "Query(VALUE_RANGE 11 0000 9999)");
    EXPECT_EQ(parser.parse("para:1..99999999999999999999").query.get_length(), 1u);
}

// An OR of 480 wildcards (1,439 bytes) took 15 s and 456 MB, most of it expanding them.
TEST(QueryLimitsTest, WildcardsExpandToABoundedNumberOfTerms) {
    const Xapian::WritableDatabase db = words_db({{"aa", 1001},
                                                  {"ab", 1000},
                                                  {"ac", 999},
                                                  {"ad", 999},
                                                  {"ae", 999},
                                                  {"af", 999},
                                                  {"ag", 999},
                                                  {"ah", 3}});
    const QueryParser parser(Schema::instance(), Gazetteer::instance(), &db, "en");
    EXPECT_EQ(error_of(parser, "peace aa*"),
              "wildcard 'aa*' matches more than 1000 words at column 7");
    EXPECT_EQ(error_of(parser, "peace OR ab*"), "no error");
    EXPECT_EQ(error_of(parser, "ab* OR ac* OR ad* OR ae* OR af* OR ag*"),
              "the query stands for more than 5000 terms (words with their stems, range values and "
              "wildcard words) at column 36");
    std::string many;
    for (int i = 0; i < 480; ++i)
        many +=
            std::string(many.empty() ? "" : " OR ") + "a" + static_cast<char>('b' + i % 7) + "*";
    const auto start = std::chrono::steady_clock::now();
    EXPECT_NE(error_of(parser, many).find("more than 5000 terms"), std::string::npos);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0)
        << "was 15 s";
    // The expansion that is allowed still matches.
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse("ah*").query);
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

TEST(QueryLimitsTest, TermsPerQueryAreBounded) {
    const QueryParser parser = english();
    std::string ranges;
    for (int i = 0; i < 6; ++i)
        ranges += "session:" + std::to_string(i * 1000 + 1) + ".." +
                  std::to_string(i * 1000 + 1000) + " ";
    EXPECT_EQ(error_of(parser, ranges),
              "the query stands for more than 5000 terms (words with their stems, range values and "
              "wildcard words) at column 93");
    std::string parens(33, '(');
    EXPECT_EQ(error_of(parser, parens + "peace" + std::string(33, ')')),
              "parentheses nested deeper than 32 levels at column 33");
    EXPECT_EQ(error_of(parser, std::string(32, '(') + "peace" + std::string(32, ')')), "no error");
}

// Invalid UTF-8 ended the CLI with "[json.exception.type_error.316] ..." and status 1.
TEST(QueryLimitsTest, InvalidUtf8IsAQueryErrorWithItsByte) {
    const QueryParser parser = english();
    EXPECT_EQ(error_of(parser, "peace \xff security"), "query is not valid UTF-8 at byte 7");
    EXPECT_EQ(error_of(parser, "caf\xc3"), "query is not valid UTF-8 at byte 4");
    EXPECT_EQ(testing::thrown_message([&] { parser.split_filter("country:\xe2\x82"); }),
              "filter is not valid UTF-8 at byte 9");
}

// "peace decision:1" failed with "the query has no words to search for" where no decision
// numbered 1 is indexed: no hits is not an error.
TEST(QueryLimitsTest, AClauseThatMatchesNothingGivesNoHitsNotAnError) {
    const Xapian::WritableDatabase db = words_db({});
    const QueryParser parser(Schema::instance(), Gazetteer::instance(), &db, "en");
    const ParsedQuery q = parser.parse("peace decision:1");
    Xapian::Enquire enquire(db);
    enquire.set_query(q.query);
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
    enquire.set_query(parser.parse("peace OR decision:1").query);
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

// Xapian's own messages ("Syntax: <expression> OR <expression>") passed through, without a
// column.
TEST(QueryLimitsTest, SyntaxErrorsSayWhatAndWhere) {
    const QueryParser parser = english();
    const std::pair<std::string, std::string> rows[] = {
        {"migrants OR", "OR needs something to search for on each side at column 10"},
        {"OR migrants", "OR needs something to search for on each side at column 1"},
        {"migrants AND OR smuggling",
         "AND needs something to search for on each side at column 10"},
        {"\"a OR b\" OR", "OR needs something to search for on each side at column 10"},
        {"(migrants OR) smuggling", "OR needs something to search for on each side at column 11"},
        {"smuggling AND NOT", "AND NOT needs something to search for on each side at column 11"},
        {"smuggling XOR", "XOR needs something to search for on each side at column 11"},
        {"smuggling NOT", "NOT needs something to search for after it at column 11"},
        {"country:NER NEAR migrants",
         "NEAR and ADJ join words, not fields, references or groups at column 13"},
        // Refused before Xapian's parser sees them (it leaks when it refuses them itself).
        {"migrants NEAR country:NER",
         "NEAR and ADJ join words, not fields, references or groups at column 10"},
        {"A/RES/73/195 ADJ migrants",
         "NEAR and ADJ join words, not fields, references or groups at column 14"},
        {"t/1 NEAR\n0-0", "NEAR and ADJ join words, not fields, references or groups at column 5"},
        {"t/1/ NEAR\n0-s", "NEAR and ADJ join words, not fields, references or groups at column 6"},
        {"migrants ADJ , country:NER",
         "NEAR and ADJ join words, not fields, references or groups at column 10"},
        {"migrants NEAR \"smuggling of\"",
         "NEAR and ADJ join words, not fields, references or groups at column 10"},
        // An operator with nothing before it: Xapian's parser would leak and read the whole
        // query again as plain words (OR a word, -smuggling no longer excluding anything).
        {"OR migrants -smuggling", "OR needs something to search for on each side at column 1"},
        {"(OR migrants) smuggling", "OR needs something to search for on each side at column 2"},
        {"- XOR migrants", "XOR needs something to search for on each side at column 3"},
        {"migrants OR OR smuggling", "OR needs something to search for on each side at column 10"},
        {"OR j/ a ADJ a a", "OR needs something to search for on each side at column 1"},
        {std::string("OR\rJ/\ra\rADJ\ra\ra"),
         "OR needs something to search for on each side at column 1"},
        {"x OR ADJ/2 c", "NEAR and ADJ need a word on each side at column 6"},
        {"x AND NEAR/3 c", "NEAR and ADJ need a word on each side at column 7"},
        {"migrants NEAR", "NEAR and ADJ need a word on each side at column 10"},
        {"NEAR/3 migrants", "NEAR and ADJ need a word on each side at column 1"},
        {"migrants NEAR OR smuggling", "NEAR and ADJ need a word on each side at column 10"},
        {"(migrants NEAR) smuggling", "NEAR and ADJ need a word on each side at column 11"},
        {"-01/ ADJ x", "NEAR and ADJ need a word on each side at column 6"},
        {"traffick* NEAR migrants", "NEAR and ADJ need a word on each side at column 11"},
        {"migrants NEAR -smuggling", "NEAR and ADJ need a word on each side at column 10"},
        {"migrants NEAR/3 (smuggling OR trafficking)",
         "NEAR and ADJ join words, not fields, references or groups at column 10"},
        {"(smuggling OR trafficking) ADJ migrants",
         "NEAR and ADJ join words, not fields, references or groups at column 28"},
    };
    for (const auto& [query, message] : rows) EXPECT_EQ(error_of(parser, query), message) << query;
}

}  // namespace
}  // namespace plenary
