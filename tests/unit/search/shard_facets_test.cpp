// Facets over shards: what a shard server's spy counts, sent and merged by the client, equals
// what one database counts; from the shard's column or from each match's value alike.
#include "search/shard_facets.h"

#include <gtest/gtest.h>

#include <map>

#include "model/schema.h"
#include "refs/countries.h"

namespace plenary {
namespace {

/// The "facets" value with country and lang set, the other facets empty.
std::string facets_value(const std::string& countries, const std::string& lang) {
    std::string out;
    bool first = true;
    for (const Field& f : Schema::instance().fields()) {
        if (!f.facet) continue;
        if (!first) out += '\x1f';
        first = false;
        if (f.name == "country") out += countries;
        if (f.name == "lang") out += lang;
    }
    return out;
}

std::size_t position(const std::string& facet) {
    const auto names = facet_names(Schema::instance());
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), facet) - names.begin());
}

/// A shard of paragraphs with these countries and languages, every one with the term "x".
Xapian::WritableDatabase shard(const std::vector<std::pair<std::string, std::string>>& rows) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const Xapian::valueno slot = *Schema::instance().field("facets").slot;
    for (const auto& [countries, lang] : rows) {
        Xapian::Document d;
        d.add_boolean_term("x");
        d.add_value(slot, facets_value(countries, lang));
        db.add_document(d);
    }
    return db;
}

/// Runs the server's half: the client's spy as a server unserialises it, over db; its answer.
std::string shard_answer(const ShardFacetSpy& client, const Xapian::Database& db) {
    Xapian::Registry registry;
    registry.register_match_spy(ShardFacetSpy());
    const Xapian::MatchSpy* known = registry.get_match_spy(ShardFacetSpy::kName);
    std::unique_ptr<Xapian::MatchSpy> spy(known->unserialise(client.serialise(), registry));
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query("x"));
    e.add_matchspy(spy.get());
    e.get_mset(0, 0, db.get_doccount());
    return spy->serialise_results();
}

std::map<std::string, Xapian::doccount> sorted(const ValueCounter::Counts& counts) {
    return {counts.begin(), counts.end()};
}

std::vector<bool> wanted(std::initializer_list<const char*> facets) {
    std::vector<bool> out(facet_names(Schema::instance()).size(), false);
    for (const char* f : facets) out[position(f)] = true;
    return out;
}

TEST(ShardFacetSpyTest, ShardsCountedApartAddUpToOneDatabase) {
    const Xapian::valueno slot = *Schema::instance().field("facets").slot;
    const auto first = shard({{"NER\nNGA", "en"}, {"NER", "en"}, {"", "fr"}});
    const auto second = shard({{"CIV\nNER", "fr"}, {"NGA", "en"}, {"NGA", "en"}});
    for (const bool with_column : {false, true}) {
        SCOPED_TRACE(with_column ? "from the column" : "from each match's value");
        ShardFacetSpy client(slot, wanted({"country", "lang"}));
        for (const Xapian::Database* db : {&first, &second}) {
            std::shared_ptr<const FacetColumn> column;
            if (with_column) column = std::make_shared<const FacetColumn>(*db, slot);
            ShardFacetSpy::set_column_source([column] { return column; });
            client.merge_results(shard_answer(client, *db));
        }
        ShardFacetSpy::set_column_source(nullptr);
        const auto counts = client.counts();
        using Counts = std::map<std::string, Xapian::doccount>;
        EXPECT_EQ(sorted(counts[position("country")]),
                  (Counts{{"NER", 3}, {"NGA", 3}, {"CIV", 1}}));
        EXPECT_EQ(sorted(counts[position("lang")]), (Counts{{"en", 4}, {"fr", 2}}));
        EXPECT_TRUE(counts[position("year")].empty());  // not asked for
    }
}

TEST(ShardFacetSpyTest, TheFacetCounterGivesShardCountsAsItsOwn) {
    const Schema& schema = Schema::instance();
    const auto db = shard({{"NER\nNGA", "en"}, {"NER", "fr"}});
    // One database counted directly, and the same as a shard's answer merged by the client.
    FacetCounter direct(schema, {"country", "lang"});
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query("x"));
    direct.attach(e);
    e.get_mset(0, 0, db.get_doccount());
    FacetCounter merged(schema, {"country", "lang"});
    Xapian::Enquire m(db);
    m.set_query(Xapian::Query("x"));
    merged.attach(m, nullptr, ShardCounting::plenary);
    // A local part: the client's own spy counts it, as it would beside remote shards.
    m.get_mset(0, 0, db.get_doccount());
    const auto& g = Gazetteer::instance();
    const auto a = direct.results(0, g);
    const auto b = merged.results(0, g);
    ASSERT_EQ(a.size(), 2u);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(a[0].values, b[0].values);
    EXPECT_EQ(a[1].values, b[1].values);
    EXPECT_EQ(a[0].values.front().count, 2u);  // NER
}

TEST(ShardFacetSpyTest, DamagedAnswersAreSerialisationErrors) {
    const Xapian::valueno slot = *Schema::instance().field("facets").slot;
    ShardFacetSpy client(slot, wanted({"country"}));
    const std::string good = shard_answer(client, shard({{"NER", "en"}}));
    for (const std::string& bad : {good.substr(0, good.size() - 1), good + "x",
                                   std::string("\xff\xff\xff", 3), std::string("\x01\x01\x09a", 4)})
        EXPECT_THROW(ShardFacetSpy(slot, wanted({"country"})).merge_results(bad),
                     Xapian::SerialisationError)
            << testing::PrintToString(bad);
    Xapian::Registry registry;
    EXPECT_THROW(delete ShardFacetSpy().unserialise("\x05\x09", registry),
                 Xapian::SerialisationError);
}

}  // namespace
}  // namespace plenary
