// Plenary's facet spy: counts the facet values of every match, from a FacetColumn or from
// each match's "facets" value. FacetCounter counts with it in one process; over remote shards
// each shard server runs it on its own matches and sends per-facet counts, which the client
// adds up. A paragraph lives in one shard only, so the sums are the counts one database gives.
#pragma once

#include <xapian.h>

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/facets.h"

namespace plenary {

/// The match spy FacetCounter attaches, and that a Plenary shard server (`plenary-search
/// serve-shard`) has registered. It counts each match by its value id in a FacetColumn (given,
/// or on a server the shard's own), or, without one, by the match's "facets" value; a server
/// answers with the counts of each wanted facet's values, which the client merges.
class ShardFacetSpy : public Xapian::MatchSpy {
  public:
    /// The name a server's registry knows the spy by; a server without it (Debian's
    /// xapian-tcpsrv) answers a query that carries it with an error naming it.
    static constexpr const char* kName = "plenary::ShardFacetSpy";

    /// Where a shard server finds the column of the revision it searches (null: none).
    using ColumnSource = std::function<std::shared_ptr<const FacetColumn>()>;
    /// Set once by the shard server before it serves; the spies it unserialises use it.
    static void set_column_source(ColumnSource source);

    ShardFacetSpy() = default;
    /// slot: the "facets" slot; wanted: by schema facet position, whether it is counted;
    /// column: the FacetColumn of the database's revision, if there is one (it must outlive
    /// the spy).
    ShardFacetSpy(Xapian::valueno slot, std::vector<bool> wanted,
                  const FacetColumn* column = nullptr);

    void operator()(const Xapian::Document& doc, double wt) override;
    Xapian::MatchSpy* clone() const override;
    std::string name() const override;
    std::string serialise() const override;
    Xapian::MatchSpy* unserialise(const std::string& serialised,
                                  const Xapian::Registry& context) const override;
    std::string serialise_results() const override;
    void merge_results(const std::string& serialised) override;

    /// Counts n more matches whose "facets" value is value (Xapian's own spy's counts).
    void add_value(std::string value, Xapian::doccount n);

    /// Counts by schema facet position (empty for facets not wanted), value -> paragraphs:
    /// what this process matched and what shards sent, added up.
    std::vector<ValueCounter::Counts> counts() const;

  private:
    Xapian::valueno m_slot = 0;
    std::vector<bool> m_wanted;
    const FacetColumn* m_column = nullptr;
    std::shared_ptr<const FacetColumn> m_own_column;  // a shard server's, kept alive
    std::vector<Xapian::doccount> m_id_counts;        // with a column: matches by value id
    // Without a column: matches by their whole "facets" value, each split once in counts().
    // Kept in the order first seen (docid order), so that neighbours share document values.
    std::deque<std::pair<std::string, Xapian::doccount>> m_values;    // stable: the index views it
    std::unordered_map<std::string_view, std::size_t> m_value_index;  ///< into m_values
    std::size_t m_last_index = SIZE_MAX;         ///< the previous match's place in m_values
    std::vector<ValueCounter::Counts> m_merged;  // from shards, by facet position
};

}  // namespace plenary
