// Query language: each query to the Xapian query it must become, and every error word for word.
#include "search/query.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

struct Row {
    const char* query;
    const char* description;
};

ParsedQuery parse(const std::string& q) {
    QueryParser parser(Schema::instance(), Gazetteer::instance(), nullptr, "en");
    return parser.parse(q);
}

TEST(QueryTest, QueriesBecomeTheExpectedXapianQueries) {
    const Row rows[] = {
        {"migrants", "Query(Zmigrant@1)"},
        {"Migrants", "Query(Zmigrant@1)"},  // folded before the parser sees it: stemmed
        {"migrant smuggling", "Query((Zmigrant@1 AND Zsmuggl@2))"},
        {"migrant OR smuggling", "Query((Zmigrant@1 OR Zsmuggl@2))"},
        {"migrant and smuggling", "Query((Zmigrant@1 AND Zsmuggl@3))"},
        {"smuggling of migrants", "Query((Zsmuggl@1 AND Zmigrant@3))"},
        {"\"smuggling of migrants\"", "Query((smuggling@1 PHRASE 3 of@2 PHRASE 3 migrants@3))"},
        {"the", "Query(Zthe@1)"},
        {"\"migrant smuggling\"", "Query((migrant@1 PHRASE 2 smuggling@2))"},
        {"“Migrant Smuggling”", "Query((migrant@1 PHRASE 2 smuggling@2))"},
        {"migrant NEAR smuggling", "Query((migrant@1 NEAR 11 smuggling@2))"},
        {"migrant NEAR/3 smuggling", "Query((migrant@1 NEAR 4 smuggling@2))"},
        {"migrant ADJ/2 smuggling", "Query((migrant@1 PHRASE 3 smuggling@2))"},
        {"Côte d’Ivoire", "Query((Zcote@1 AND Zd'ivoir@2))"},
        {"traffick*", "Query(WILDCARD SYNONYM traffick)"},
        {"migrants -smuggling", "Query((Zmigrant@1 AND_NOT Zsmuggl@2))"},
        {"country:NER", "Query(0 * XCNER)"},
        {"country:niger", "Query(0 * XCNER)"},
        {"country:\"Côte d'Ivoire\"", "Query(0 * XCCIV)"},
        {"country:\"Cote d’Ivoire\"", "Query(0 * XCCIV)"},
        {"migrants NOT country:NER", "Query((Zmigrant@1 AND_NOT XCNER))"},
        {"-country:NER migrants", "Query((Zmigrant@2 AND_NOT XCNER))"},
        {"(country:NER OR country:NGA) migrants",
         "Query(((0 * XCNER OR 0 * XCNGA) AND Zmigrant@3))"},
        {"resolution 73/195", "Query(0 * XRESN73/195)"},
        {"resolution 40/1", "Query(0 * XRESN40/1)"},
        {"A/RES/73/195", "Query(0 * (XRESA/RES/73/195 OR XSYMA/RES/73/195))"},
        {"a/res/73/195", "Query(0 * (XRESA/RES/73/195 OR XSYMA/RES/73/195))"},
        {"S/RES/2482 (2019)", "Query(0 * (XRESS/RES/2482(2019) OR XSYMS/RES/2482(2019)))"},
        {"resolution 2482 (2019)", "Query(0 * XRESN2482(2019))"},
        {"General Assembly resolution 73/195", "Query(0 * XRESA/RES/73/195)"},
        {"Security Council resolution 2482 (2019) migrants",
         "Query((0 * XRESS/RES/2482(2019) AND Zmigrant@2))"},
        {"CTOC/COP/WG.4/2019/2", "Query(0 * XSYMCTOC/COP/WG.4/2019/2)"},
        {"ctoc/cop/wg.4/2019/2", "Query(0 * XSYMCTOC/COP/WG.4/2019/2)"},
        {"smuggling resolution 73/195", "Query((Zsmuggl@1 AND 0 * XRESN73/195))"},
        {"resolution:A/RES/73/195", "Query(0 * XRESA/RES/73/195)"},
        {"resolution:40/1", "Query(0 * XRESN40/1)"},
        {"decision:A/DEC/73/546", "Query(0 * XDECA/DEC/73/546)"},
        {"symbol:A/HRC/WG.6/34/SVN/2",
         "Query(0 * (XSYMA/HRC/WG.6/34/SVN/2 OR XSYMBA/HRC/WG.6/34/SVN/2))"},
        {"doc:A/73/100", "Query(0 * (XDOCA/73/100 OR XDOCBA/73/100))"},
        {"body:a/hrc", "Query(0 * XBA/HRC)"},
        {"session:73", "Query(0 * XSES73)"},
        {"session:72..73", "Query(0 * (XSES72 OR XSES73))"},
        {"year:2015", "Query(0 * XY2015)"},
        {"year:2015..2019", "Query(VALUE_RANGE 11 2015 2019)"},
        {"year:2015..", "Query(VALUE_GE 11 2015)"},
        // A year-only date (20190000) meets a range that starts inside its year.
        {"date:2019-01-01..2020-06-30",
         "Query(0 * (VALUE_RANGE 0 20190101 20200630 OR VALUE_RANGE 0 20190000 20190000))"},
        {"date:2019", "Query(VALUE_RANGE 0 20190000 20191231)"},
        {"date:..2019-06", "Query(VALUE_LE 0 20190631)"},
        {"lang:FR", "Query(0 * Lfr)"},
        {"para:12", "Query(0 * XP12)"},
        {"speaker:Nigeria", "Query(0 * XSPNGA)"},
        {"kind:Numbered", "Query(0 * XKnumbered)"},
        {"title:smuggling", "Query((Ssmuggling OR ZSsmuggl))"},
        {"heading:\"Migrant Smuggling\"",
         "Query(((XHmigrant OR ZXHmigrant) AND (XHsmuggling OR ZXHsmuggl)))"},
    };
    for (const Row& row : rows) {
        try {
            EXPECT_EQ(parse(row.query).query.get_description(), row.description) << row.query;
        } catch (const std::exception& e) {
            ADD_FAILURE() << row.query << ": " << e.what();
        }
    }
}

TEST(QueryTest, ErrorsNameWhatAndWhere) {
    const std::string fields = Schema::instance().filter_names();
    const std::pair<std::string, std::string> rows[] = {
        {"", "empty query"},
        {"   ", "empty query"},
        {"migrants \"smuggling", "unbalanced quote at column 10"},
        {"Côte \"x", "unbalanced quote at column 6"},  // columns count code points, not bytes
        {"country:\"Niger", "unbalanced quote at column 9"},
        {"(migrants OR smuggling", "unbalanced parenthesis at column 1"},
        {"migrants)", "unbalanced parenthesis at column 9"},
        {"((a) b", "unbalanced parenthesis at column 1"},
        {"migrants colour:red",
         "unknown field 'colour' (known fields: " + fields + ") at column 10"},
        {"file:abc", "unknown field 'file' (known fields: " + fields + ") at column 1"},
        {"country: NER", "missing value after 'country:' at column 1"},
        {"country:Atlantis", "unknown country 'country:Atlantis' at column 1"},
        {"year:2019..2015", "bad range 'year:2019..2015' (the start is after the end) at column 1"},
        {"year:19..2015", "bad range 'year:19..2015' (expected YYYY or YYYY..YYYY) at column 1"},
        {"year:abc", "bad year 'year:abc' (expected YYYY or YYYY..YYYY) at column 1"},
        {"year:..", "bad range 'year:..' (expected YYYY or YYYY..YYYY) at column 1"},
        {"migrants date:2019-13-01",
         "bad date 'date:2019-13-01' (expected YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO) "
         "at column 10"},
        {"date:2020-01-01..2019-12-31",
         "bad range 'date:2020-01-01..2019-12-31' (the start is after the end) at column 1"},
        {"session:x", "bad number 'session:x' at column 1"},
        {"session:5..1", "bad range 'session:5..1' (the start is after the end) at column 1"},
        {"session:1..5000", "bad range 'session:1..5000' (more than 1000 values) at column 1"},
        {"resolution:abc", "not a resolution 'resolution:abc' at column 1"},
        {"title:!!", "no words to search for in 'title:!!' at column 1"},
    };
    for (const auto& [query, message] : rows) {
        try {
            parse(query);
            ADD_FAILURE() << query << ": no error";
        } catch (const QueryError& e) {
            EXPECT_EQ(std::string(e.what()), message) << query;
        } catch (const std::exception& e) {
            ADD_FAILURE() << query << ": not a QueryError: " << e.what();
        }
    }
}

// A + or - loves or hates what is glued to it: a word, a bracket, a phrase or a field, and
// punctuation between the sign and its word is skipped as Xapian's parser skips it.
TEST(QueryTest, SignsApplyToWhatFollowsThem) {
    const Row rows[] = {
        {"migrants -(smuggling)", "Query((Zmigrant@1 AND_NOT Zsmuggl@2))"},
        {"migrants -( smuggling OR trafficking )",
         "Query((Zmigrant@1 AND_NOT (Zsmuggl@2 OR Ztraffick@3)))"},
        {"migrants -\"smuggling of\"", "Query((Zmigrant@1 AND_NOT (smuggling@2 PHRASE 2 of@3)))"},
        {"migrants +(smuggling OR trafficking)",
         "Query((Zmigrant@1 AND (Zsmuggl@2 OR Ztraffick@3)))"},
        {"migrants -*smuggling", "Query((Zmigrant@1 AND_NOT Zsmuggl@2))"},
        {"migrants -.,smuggling", "Query((Zmigrant@1 AND_NOT Zsmuggl@2))"},
        {"migrants -*(smuggling)", "Query((Zmigrant@1 AND_NOT Zsmuggl@2))"},
        // A sign with no word glued to it is ignored, as one followed by a space.
        {"migrants - smuggling", "Query((Zmigrant@1 AND Zsmuggl@2))"},
        {"migrants OR * smuggling", "Query((Zmigrant@1 OR Zsmuggl@2))"},
        {"migrants OR NOT smuggling", "Query((Zmigrant@1 OR (<alldocuments> AND_NOT Zsmuggl@2)))"},
        {"migrants AND -smuggling", "Query((Zmigrant@1 AND_NOT Zsmuggl@2))"},
        {"migrants -* smuggling", "Query((Zmigrant@1 AND Zsmuggl@2))"},
        // Control characters and Unicode spaces separate words as a space does.
        {"migrants\tsmuggling", "Query((Zmigrant@1 AND Zsmuggl@2))"},
        {"migrants\u00a0smuggling", "Query((Zmigrant@1 AND Zsmuggl@2))"},
        {"migrants\u2003-smuggling", "Query((Zmigrant@1 AND_NOT Zsmuggl@2))"},
    };
    for (const Row& row : rows) {
        try {
            EXPECT_EQ(parse(row.query).query.get_description(), row.description) << row.query;
        } catch (const std::exception& e) {
            ADD_FAILURE() << row.query << ": " << e.what();
        }
    }
    EXPECT_EQ(parse(std::string("migrants\0smuggling", 18)).query.get_description(),
              "Query((Zmigrant@1 AND Zsmuggl@2))");
}

// A sign, punctuation, then stopwords closed by a wildcard: Xapian 1.4.22's parser builds a
// null query for the stopwords and dereferences it (the fuzzer's input, and its shorter forms).
TEST(QueryTest, SignBeforeStopwordsAndWildcardDoesNotCrash) {
    const std::string inputs[] = {
        "x +*a the o*", "x +* a the o*", "-1 -*a the o*", std::string("-1 -*a\0a\0o*", 12),
        "x -*a a o* y", "x +.a a o*",
    };
    for (const std::string& q : inputs) {
        try {
            EXPECT_FALSE(parse(q).query.empty()) << q;
        } catch (const std::exception& e) {
            ADD_FAILURE() << q << ": " << e.what();
        }
    }
    EXPECT_EQ(parse("x +*a the o*").query.get_description(),
              "Query((Zx@1 AND Za@2 AND WILDCARD SYNONYM o))");  // +a: a is wanted, not stopped
}

TEST(QueryTest, ErrorsCarryTheirColumn) {
    try {
        parse("a (b");
        FAIL() << "no error";
    } catch (const QueryError& e) {
        EXPECT_EQ(e.column(), 3);
    }
}

TEST(QueryTest, NotesWhatTheHighlighterNeeds) {
    const ParsedQuery q = parse(
        "\"Migrant Smuggling\" traffick* country:Niger resolution 40/1 routes A/RES/73/195 "
        "symbol:A/75/115");
    EXPECT_EQ(q.phrases, (std::vector<std::vector<std::string>>{{"migrant", "smuggling"}}));
    EXPECT_EQ(q.wildcards, std::vector<std::string>{"traffick"});
    EXPECT_EQ(q.countries, std::vector<std::string>{"NER"});
    EXPECT_EQ(q.resolution_numbers, std::vector<std::string>{"40/1"});
    EXPECT_EQ(q.resolutions, std::vector<std::string>{"A/RES/73/195"});
    EXPECT_EQ(q.symbols, std::vector<std::string>{"A/75/115"});
    EXPECT_NE(std::find(q.terms.begin(), q.terms.end(), "Zrout"), q.terms.end());
    // A phrase's words are not marked on their own.
    EXPECT_EQ(std::find(q.terms.begin(), q.terms.end(), "migrant"), q.terms.end());
    for (const auto& t : q.terms) EXPECT_NE(t.rfind("XC", 0), 0u) << t;  // no boolean terms
}

TEST(QueryTest, SplitFilter) {
    QueryParser parser(Schema::instance(), Gazetteer::instance());
    EXPECT_EQ(parser.split_filter("country:\"Côte d'Ivoire\""),
              (std::pair<std::string, std::string>{"country", "Côte d'Ivoire"}));
    EXPECT_EQ(parser.split_filter(" year : 2019..2020"),
              (std::pair<std::string, std::string>{"year", "2019..2020"}));
    EXPECT_EQ(testing::thrown_message([&] { parser.split_filter(":x"); }),
              "bad filter ':x' (expected field:value)");
}

TEST(QueryTest, PhrasesLeavePossessivesAndGluedMarksOut) {
    // As the indexer cuts the text (split_word_endings): a possessive is no part of the word,
    // a hyphen joins a phrase, a glued footnote mark is a word of its own.
    const Row rows[] = {
        {"\"Security Council’s\"", "Query((security@1 PHRASE 2 council@2))"},
        {"\"Arms Trade Treaty's\"", "Query((arms@1 PHRASE 3 trade@2 PHRASE 3 treaty@3))"},
        {"\"Secretary-General\"", "Query((secretary@1 PHRASE 2 general@2))"},
        {"Secretary-General’s", "Query((secretary@1 PHRASE 2 general@2))"},
        {"Council’s", "Query(Zcouncil@1)"},
        {"Ecuador4", "Query((ecuador@1 PHRASE 2 4@2))"},
        {"d’Ivoire", "Query(Zd'ivoir@1)"},  // an elision is no possessive
    };
    for (const Row& row : rows)
        EXPECT_EQ(parse(row.query).query.get_description(), row.description) << row.query;
    EXPECT_EQ(parse("\"Security Council’s agenda\"").phrases,
              (std::vector<std::vector<std::string>>{{"security", "council", "agenda"}}));
}

// A database holding the references that prefix queries expand to.
Xapian::WritableDatabase reference_db(std::size_t extra_symbols = 0) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const Schema& s = Schema::instance();
    Xapian::Document doc;
    for (const char* r : {"A/HRC/RES/43/1", "A/HRC/RES/5/1", "A/RES/73/195", "S/RES/2482(2019)"})
        doc.add_boolean_term(s.term("resolution", r));
    doc.add_boolean_term(s.term("decision", "A/HRC/DEC/14/105"));
    for (const char* sym : {"A/HRC/WG.6/34/SVN/1", "A/HRC/WG.6/34/SVN/1/Corr.1", "A/HRC/43/15"})
        doc.add_boolean_term(s.term("symbol", sym));
    doc.add_boolean_term(s.term("symbol_base", "A/HRC/WG.6/34/SVN/1"));
    doc.add_boolean_term(s.term("doc", "A/HRC/43/15/Add.1"));
    for (std::size_t i = 0; i < extra_symbols; ++i)
        doc.add_boolean_term(s.term("symbol", "E/CN.4/" + std::to_string(i)));
    db.add_document(doc);
    return db;
}

TEST(QueryTest, ReferencePrefixesStandForEveryReferenceUnderThem) {
    const Xapian::WritableDatabase db = reference_db();
    const QueryParser parser(Schema::instance(), Gazetteer::instance(), &db, "en");
    const Row rows[] = {
        {"resolution:A/HRC/RES/*", "Query(0 * (XRESA/HRC/RES/43/1 OR XRESA/HRC/RES/5/1))"},
        {"resolution:a/hrc/res/*", "Query(0 * (XRESA/HRC/RES/43/1 OR XRESA/HRC/RES/5/1))"},
        {"resolution:S/RES/* year:2015..2020",
         "Query((0 * XRESS/RES/2482(2019) AND VALUE_RANGE 11 2015 2020))"},
        {"decision:A/HRC/DEC/*", "Query(0 * XDECA/HRC/DEC/14/105)"},
        // The Corr. and the base are one symbol's terms; symbol_base is not listed apart.
        {"symbol:A/HRC/WG.6/*",
         "Query(0 * (XSYMA/HRC/WG.6/34/SVN/1 OR XSYMA/HRC/WG.6/34/SVN/1/Corr.1))"},
        {"symbol:A/HRC/43/15/*", "Query(0 * XSYMA/HRC/43/15/)"},  // nothing under it: no match
        {"doc:A/HRC/43/*", "Query(0 * XDOCA/HRC/43/15/Add.1)"},
        {"doc:A/HRC/43/15/Add.*", "Query(0 * XDOCA/HRC/43/15/Add.1)"},
        {"resolution:E/RES/* migrants", "Query((0 * XRESE/RES/ AND Zmigrant@2))"},
    };
    for (const Row& row : rows)
        EXPECT_EQ(parser.parse(row.query).query.get_description(), row.description) << row.query;
    const ParsedQuery q = parser.parse("resolution:A/HRC/RES/* symbol:A/HRC/WG.6/*");
    EXPECT_EQ(q.reference_prefixes, (std::vector<std::string>{"A/HRC/RES/", "A/HRC/WG.6/"}));
    // As a drill-down filter, the same.
    EXPECT_EQ(parser.field_query("resolution", "A/HRC/RES/*", true).get_description(),
              "Query(0 * (XRESA/HRC/RES/43/1 OR XRESA/HRC/RES/5/1))");
}

TEST(QueryTest, ReferencePrefixWithoutDatabaseIsAWildcard) {
    EXPECT_EQ(parse("resolution:A/HRC/RES/*").query.get_description(),
              "Query(0 * WILDCARD OR XRESA/HRC/RES/)");
}

TEST(QueryTest, ReferencePrefixErrors) {
    const Xapian::WritableDatabase db = reference_db(10001);
    const QueryParser parser(Schema::instance(), Gazetteer::instance(), &db, "en");
    const std::pair<std::string, std::string> rows[] = {
        {"migrants symbol:E/CN.4/*",
         "'symbol:E/CN.4/*' stands for more than 10000 references (give a longer prefix) at column "
         "10"},
        {"symbol:*",
         "bad prefix 'symbol:*' (expected a symbol ending in /*, such as A/HRC/43/*) at column 1"},
        {"resolution:A*",
         "bad prefix 'resolution:A*' (expected a symbol ending in /*, such as A/HRC/RES/*) at "
         "column 1"},
        {"doc:A/*/1/*",
         "bad prefix 'doc:A/*/1/*' (expected a symbol ending in /*, such as A/HRC/43/*) at column "
         "1"},
    };
    for (const auto& [query, message] : rows) {
        // (Clang 14 cannot capture a structured binding: the query is captured by name.)
        EXPECT_EQ(testing::thrown_message([&parser, &q = query] { parser.parse(q); }), message)
            << query;
    }
    // 10,000 references under a prefix are still a query.
    const Xapian::WritableDatabase at_limit = reference_db(9999);
    const QueryParser ok(Schema::instance(), Gazetteer::instance(), &at_limit, "en");
    const Xapian::Query q = ok.parse("symbol:E/CN.4/*").query;  // 0 * (the OR of them)
    ASSERT_EQ(q.get_num_subqueries(), 1u);
    EXPECT_EQ(q.get_subquery(0).get_num_subqueries(), 9999u);
}

}  // namespace
}  // namespace plenary
