// Facets over remote shards: each shard server counts its matches' facet values from its own
// column and sends per-facet counts; the client adds them up. A paragraph lives in one shard
// only, so the sums are the counts one database would give.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "search/facets.h"

namespace plenary {

/// The match spy a Plenary shard server (`plenary-search serve-shard`) has registered. On the
/// server it counts each match by its value id in the shard's FacetColumn (or, without one, by
/// the match's "facets" value); it answers with the counts of each wanted facet's values. On
/// the client it merges those answers, and counts the matches of local parts by their values.
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
    /// slot: the "facets" slot; wanted: by schema facet position, whether it is counted.
    ShardFacetSpy(Xapian::valueno slot, std::vector<bool> wanted);

    void operator()(const Xapian::Document& doc, double wt) override;
    Xapian::MatchSpy* clone() const override;
    std::string name() const override;
    std::string serialise() const override;
    Xapian::MatchSpy* unserialise(const std::string& serialised,
                                  const Xapian::Registry& context) const override;
    std::string serialise_results() const override;
    void merge_results(const std::string& serialised) override;

    /// Counts by schema facet position (empty for facets not wanted), value -> paragraphs:
    /// what the shards sent and what local parts matched, added up.
    std::vector<ValueCounter::Counts> counts() const;

  private:
    Xapian::valueno m_slot = 0;
    std::vector<bool> m_wanted;
    std::shared_ptr<const FacetColumn> m_column;
    std::vector<Xapian::doccount> m_id_counts;  // with a column: matches by value id
    // Without a column: matches by their whole "facets" value, each split once at the end.
    std::unordered_map<std::string, Xapian::doccount> m_values;
    std::string m_last_value;
    Xapian::doccount* m_last_count = nullptr;
    std::vector<ValueCounter::Counts> m_merged;  // from shards, by facet position
};

}  // namespace plenary
