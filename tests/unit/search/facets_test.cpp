// Facet counting: each paragraph counts once per value of a facet; sorted, labelled.
#include "search/facets.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

/// The "facets" slot's value as the indexer writes it: every facet field in schema order,
/// '\x1f' between fields, with country's values set.
std::string facets_value(const Schema& schema, const std::string& countries) {
    std::string out;
    bool first = true;
    for (const Field& f : schema.fields()) {
        if (!f.facet) continue;
        if (!first) out += '\x1f';
        first = false;
        if (f.name == "country") out += countries;
    }
    return out;
}

TEST(FacetsTest, CountsEveryMatchOncePerValue) {
    const Schema& schema = Schema::instance();
    const Xapian::valueno slot = *schema.field("facets").slot;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::string> values = {"NER\nNGA", "NER", "", "CIV\nNER\nCIV", "NGA"};
    for (std::size_t i = 0; i < values.size(); ++i) {
        Xapian::Document d;
        d.add_boolean_term("x");
        d.add_value(slot, facets_value(schema, values[i]));
        db.add_document(d);
    }
    // Xapian stops the match early unless check_at_least covers every document.
    FacetCounter counter(schema, {"country", "lang"});
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query("x"));
    counter.attach(e);
    e.get_mset(0, 1, db.get_doccount());
    const auto facets = counter.results(0, Gazetteer::instance());
    ASSERT_EQ(facets.size(), 2u);
    EXPECT_EQ(facets[0].name, "country");
    const auto& g = Gazetteer::instance();
    EXPECT_EQ(facets[0].values, (std::vector<FacetValue>{{"NER", g.display_name("NER"), 3},
                                                         {"NGA", g.display_name("NGA"), 2},
                                                         {"CIV", g.display_name("CIV"), 1}}));
    EXPECT_TRUE(facets[1].values.empty());
    EXPECT_EQ(counter.results(1, g)[0].values.size(), 1u);
}

TEST(FacetsTest, AllMeansEveryFacetFieldAndUnknownNamesAreErrors) {
    const Schema& schema = Schema::instance();
    FacetCounter all(schema, {"all", "country"});
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(Xapian::Document());
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query::MatchAll);
    all.attach(e);
    e.get_mset(0, 10, 1);
    const auto facets = all.results(0, Gazetteer::instance());
    std::vector<std::string> names;
    for (const auto& f : facets) names.push_back(f.name);
    EXPECT_EQ(names, facet_names(schema));
    EXPECT_EQ(names.size(), 13u);
    EXPECT_EQ(testing::thrown_message([&] { FacetCounter bad(schema, {"colour"}); }),
              "unknown facet 'colour' (facets: document, body, session, year, "
              "lang, speaker, symbol, resolution, decision, country, demonym, charter, "
              "subject, all)");
}

TEST(FacetsTest, Labels) {
    const auto& g = Gazetteer::instance();
    EXPECT_EQ(facet_label("country", "NER", g), "Niger");
    EXPECT_EQ(facet_label("speaker", "CIV", g), g.display_name("CIV"));
    EXPECT_EQ(facet_label("lang", "fr", g), "French");
    EXPECT_EQ(facet_label("resolution", "A/RES/73/195", g), "A/RES/73/195");
}

}  // namespace
}  // namespace plenary
