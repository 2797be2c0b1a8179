// Facets: exact counts of the values of schema facet fields over every match of a query.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace plenary {

class Schema;
class Gazetteer;

/// One value of a facet and the paragraphs that have it.
struct FacetValue {
    std::string value;          ///< as indexed ("NER", "A/RES/73/195", "2019")
    std::string label;          ///< for people ("Niger"); the value where there is no better name
    Xapian::doccount count = 0; ///< matching paragraphs with this value
    bool operator==(const FacetValue&) const = default;
};

/// A facet's values, by count (then value).
struct Facet {
    std::string name;
    std::vector<FacetValue> values;
};

/// Counts values given as one string each, joined by '\n': each distinct value counts once.
class ValueCounter {
public:
    void add(std::string_view values);
    const std::map<std::string, Xapian::doccount, std::less<>>& counts() const { return m_counts; }

private:
    std::map<std::string, Xapian::doccount, std::less<>> m_counts;
    // Paragraphs of one document are neighbours in docid order and mostly share their
    // values: the last values seen and the counters they map to skip parsing and lookups.
    std::string m_last;
    std::vector<Xapian::doccount*> m_last_counters;
};

/// Counts the values of one multi-valued slot: the slot holds the paragraph's values joined
/// by '\n', and each distinct value counts the paragraph once. Sees every match only when the
/// Enquire's check_at_least covers the whole database; FacetCounter sees to that.
class SlotSpy : public Xapian::MatchSpy {
public:
    explicit SlotSpy(Xapian::valueno slot) : m_slot(slot) {}
    void operator()(const Xapian::Document& doc, double wt) override;
    /// Counts so far, by value.
    const std::map<std::string, Xapian::doccount, std::less<>>& counts() const { return m_counter.counts(); }
    /// Paragraphs seen.
    Xapian::doccount seen() const { return m_seen; }

private:
    Xapian::valueno m_slot;
    ValueCounter m_counter;
    Xapian::doccount m_seen = 0;
};

/// The facet names the schema allows, in schema order.
std::vector<std::string> facet_names(const Schema& schema);

/// Registers one spy per facet on an Enquire and turns their counts into Facets.
class FacetCounter {
public:
    /// names: facet fields ("all" for every one); throws QueryError naming an unknown facet.
    FacetCounter(const Schema& schema, const std::vector<std::string>& names);
    /// Adds the spies to enquire (which must outlive no spy: they belong to this object).
    void attach(Xapian::Enquire& enquire);
    /// The facets, each cut to limit values (0 = no limit), labelled.
    std::vector<Facet> results(std::size_t limit, const Gazetteer& gazetteer) const;

    bool empty() const { return m_names.empty(); }

private:
    /// Reads the "facets" slot (all facet values of a paragraph) once per match.
    class Spy : public Xapian::MatchSpy {
    public:
        explicit Spy(FacetCounter& owner) : m_owner(owner) {}
        void operator()(const Xapian::Document& doc, double wt) override;

    private:
        FacetCounter& m_owner;
    };

    std::vector<std::string> m_names;            ///< requested facets, in request order
    std::vector<int> m_wanted;                   ///< schema facet position -> index in m_names, or -1
    std::vector<ValueCounter> m_counters;        ///< one per requested facet
    Xapian::valueno m_all_slot = 0;              ///< the "facets" slot
    std::unique_ptr<Spy> m_spy;
};

/// A label for a facet value: country names for country, speaker and demonym, language names
/// for lang, the value itself otherwise.
std::string facet_label(const std::string& facet, const std::string& value, const Gazetteer& gazetteer);

}  // namespace plenary
