// Facets: exact counts of the values of schema facet fields over every match of a query.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plenary {

class Schema;
class Gazetteer;
class ShardFacetSpy;

/// Who counts facets over remote shards: none are searched; Plenary's shard servers (each
/// counts from its column and sends per-facet counts); or servers that know only Xapian's own
/// spies (Debian's xapian-tcpsrv: each match's "facets" value is read and every distinct one
/// sent).
enum class ShardCounting { none, plenary, xapian };

/// One value of a facet and the paragraphs that have it.
struct FacetValue {
    std::string value;           ///< as indexed ("NER", "A/RES/73/195", "2019")
    std::string label;           ///< for people ("Niger"); the value where there is no better name
    Xapian::doccount count = 0;  ///< matching paragraphs with this value
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
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>()(s);
        }
    };
    using Counts = std::unordered_map<std::string, Xapian::doccount, Hash, std::equal_to<>>;

    /// Adds n paragraphs that have these values.
    void add(std::string_view values, Xapian::doccount n = 1);
    /// Counts by value, in no order.
    const Counts& counts() const { return m_counts; }

  private:
    Counts m_counts;
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
    const ValueCounter::Counts& counts() const { return m_counter.counts(); }
    /// Paragraphs seen.
    Xapian::doccount seen() const { return m_seen; }

  private:
    Xapian::valueno m_slot;
    ValueCounter m_counter;
    Xapian::doccount m_seen = 0;
};

/// Every paragraph's "facets" value, interned and held in memory: what a searcher that
/// answers many faceted queries over one revision counts from, instead of reading each
/// match's value from the database (one block read per scattered match).
class FacetColumn {
  public:
    /// Reads the slot of every document of db once.
    FacetColumn(const Xapian::Database& db, Xapian::valueno slot);
    /// The id of a document's value; 0 for none.
    std::uint32_t id(Xapian::docid d) const { return d < m_ids.size() ? m_ids[d] : 0; }
    /// Distinct values, the empty one included.
    std::size_t size() const { return m_part_begin.size() - 1; }
    /// One facet value of a paragraph: its facet (position in schema order) and its number
    /// among that facet's values.
    struct Part {
        std::uint32_t facet;
        std::uint32_t value;
    };
    /// The facet values a value id stands for, each distinct value of each facet once.
    const Part* parts_begin(std::uint32_t id) const { return m_parts.data() + m_part_begin[id]; }
    const Part* parts_end(std::uint32_t id) const { return m_parts.data() + m_part_begin[id + 1]; }
    /// The values of the facet at schema position facet, by number.
    const std::vector<std::string>& values(std::size_t facet) const { return m_values[facet]; }
    std::size_t facets() const { return m_values.size(); }
    /// Bytes held, roughly.
    std::size_t memory() const;

  private:
    std::vector<std::uint32_t> m_ids;         // by docid
    std::vector<std::uint32_t> m_part_begin;  // by id, into m_parts; one more at the end
    std::vector<Part> m_parts;
    std::vector<std::vector<std::string>> m_values;  // by facet, by number
};

/// The facet names the schema allows, in schema order.
std::vector<std::string> facet_names(const Schema& schema);

/// Registers one spy per facet on an Enquire and turns their counts into Facets.
class FacetCounter {
  public:
    /// names: facet fields ("all" for every one); throws QueryError naming an unknown facet.
    FacetCounter(const Schema& schema, const std::vector<std::string>& names);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;
    /// Adds the spies to enquire (which must outlive no spy: they belong to this object).
    /// With a column of the same database revision, values are read from it. Over remote
    /// shards, the shard servers count (as shards says) and the client merges their counts:
    /// the same counts as one database.
    void attach(Xapian::Enquire& enquire, const FacetColumn* column = nullptr,
                ShardCounting shards = ShardCounting::none);
    /// The facets, each cut to limit values (0 = no limit), labelled.
    std::vector<Facet> results(std::size_t limit, const Gazetteer& gazetteer) const;

    bool empty() const { return m_names.empty(); }

  private:
    std::vector<std::string> m_names;      ///< requested facets, in request order
    std::vector<int> m_wanted;             ///< schema facet position -> index in m_names, or -1
    Xapian::valueno m_all_slot = 0;        ///< the "facets" slot
    std::unique_ptr<ShardFacetSpy> m_spy;  // Plenary's spy, or
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_remote_spy;  // Xapian's, on xapian-tcpsrv

    /// By schema facet position, whether it was asked for.
    std::vector<bool> wanted() const;
};

/// A label for a facet value: country names for country, speaker and demonym, language names
/// for lang, the value itself otherwise.
std::string facet_label(const std::string& facet, const std::string& value,
                        const Gazetteer& gazetteer);

/// The name of a body or organ code for people ("A" -> "General Assembly", "A/HRC" -> "Human
/// Rights Council"); the code itself where none is known.
std::string body_name(const std::string& code);

}  // namespace plenary
