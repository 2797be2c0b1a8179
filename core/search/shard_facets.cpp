#include "search/shard_facets.h"

#include <utility>

namespace plenary {

namespace {

ShardFacetSpy::ColumnSource& column_source() {
    static ShardFacetSpy::ColumnSource source;
    return source;
}

void put_uint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

/// Reads what put_uint wrote; throws Xapian::SerialisationError on a short or bad number.
std::uint64_t get_uint(const std::string& in, std::size_t& pos) {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size()) break;
        const auto byte = static_cast<unsigned char>(in[pos++]);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return v;
    }
    throw Xapian::SerialisationError("plenary::ShardFacetSpy: bad number in its data");
}

std::string get_bytes(const std::string& in, std::size_t& pos) {
    const std::uint64_t n = get_uint(in, pos);
    if (n > in.size() - pos)
        throw Xapian::SerialisationError("plenary::ShardFacetSpy: its data ends early");
    std::string out = in.substr(pos, static_cast<std::size_t>(n));
    pos += static_cast<std::size_t>(n);
    return out;
}

}  // namespace

void ShardFacetSpy::set_column_source(ColumnSource source) {
    column_source() = std::move(source);
}

ShardFacetSpy::ShardFacetSpy(Xapian::valueno slot, std::vector<bool> wanted,
                             const FacetColumn* column)
    : m_slot(slot), m_wanted(std::move(wanted)), m_column(column) {
    if (m_column) m_id_counts.assign(m_column->size(), 0);
}

void ShardFacetSpy::operator()(const Xapian::Document& doc, double) {
    if (m_column) {
        ++m_id_counts[m_column->id(doc.get_docid())];
        return;
    }
    add_value(doc.get_value(m_slot), 1);
}

void ShardFacetSpy::add_value(std::string value, Xapian::doccount n) {
    // Paragraphs of one document are neighbours in docid order and mostly share their values.
    if (m_last_index != SIZE_MAX && value == m_values[m_last_index].first) {
        m_values[m_last_index].second += n;
        return;
    }
    auto it = m_value_index.find(value);
    if (it == m_value_index.end()) {
        m_values.emplace_back(std::move(value), 0);
        it = m_value_index.emplace(m_values.back().first, m_values.size() - 1).first;
    }
    m_values[it->second].second += n;
    m_last_index = it->second;
}

Xapian::MatchSpy* ShardFacetSpy::clone() const {
    auto* copy = new ShardFacetSpy(m_slot, m_wanted, m_column);
    copy->m_own_column = m_own_column;
    return copy;
}

std::string ShardFacetSpy::name() const {
    return kName;
}

std::string ShardFacetSpy::serialise() const {
    std::string out;
    put_uint(out, m_slot);
    put_uint(out, m_wanted.size());
    for (const bool w : m_wanted) out += w ? '1' : '0';
    return out;
}

Xapian::MatchSpy* ShardFacetSpy::unserialise(const std::string& serialised,
                                             const Xapian::Registry&) const {
    std::size_t pos = 0;
    const auto slot = static_cast<Xapian::valueno>(get_uint(serialised, pos));
    const std::uint64_t n = get_uint(serialised, pos);
    if (n != serialised.size() - pos)
        throw Xapian::SerialisationError("plenary::ShardFacetSpy: bad list of facets");
    std::vector<bool> wanted;
    for (std::size_t i = 0; i < n; ++i) wanted.push_back(serialised[pos + i] == '1');
    // On a shard server: the column of the revision it searches, where it has one.
    std::shared_ptr<const FacetColumn> column = column_source() ? column_source()() : nullptr;
    auto spy = std::make_unique<ShardFacetSpy>(slot, std::move(wanted), column.get());
    spy->m_own_column = std::move(column);
    return spy.release();
}

std::vector<ValueCounter::Counts> ShardFacetSpy::counts() const {
    std::vector<ValueCounter::Counts> out(m_wanted.size());
    // Matches counted by their whole value: split into facets, each distinct value once.
    std::vector<ValueCounter> counters(m_wanted.size());
    for (const auto& [all, n] : m_values) {
        std::string_view rest(all);
        for (std::size_t k = 0; k < m_wanted.size(); ++k) {
            const auto sep = rest.find('\x1f');
            if (m_wanted[k]) counters[k].add(rest.substr(0, sep), n);
            if (sep == std::string_view::npos) break;
            rest.remove_prefix(sep + 1);
        }
    }
    for (std::size_t k = 0; k < m_wanted.size(); ++k) out[k] = counters[k].counts();
    // Matches counted by value id: by facet and value number, then the values.
    if (m_column) {
        std::vector<std::vector<Xapian::doccount>> numbered(m_column->facets());
        for (std::size_t k = 0; k < numbered.size() && k < m_wanted.size(); ++k)
            if (m_wanted[k]) numbered[k].assign(m_column->values(k).size(), 0);
        for (std::uint32_t id = 1; id < m_id_counts.size(); ++id) {
            const Xapian::doccount n = m_id_counts[id];
            if (!n) continue;
            for (const auto* p = m_column->parts_begin(id); p != m_column->parts_end(id); ++p)
                if (!numbered[p->facet].empty()) numbered[p->facet][p->value] += n;
        }
        for (std::size_t k = 0; k < numbered.size() && k < out.size(); ++k)
            for (std::size_t v = 0; v < numbered[k].size(); ++v)
                if (numbered[k][v]) out[k][m_column->values(k)[v]] += numbered[k][v];
    }
    for (std::size_t k = 0; k < m_merged.size() && k < out.size(); ++k)
        for (const auto& [value, n] : m_merged[k]) out[k][value] += n;
    return out;
}

std::string ShardFacetSpy::serialise_results() const {
    const std::vector<ValueCounter::Counts> all = counts();
    std::string out;
    put_uint(out, all.size());
    for (const auto& facet : all) {
        put_uint(out, facet.size());
        for (const auto& [value, n] : facet) {
            put_uint(out, value.size());
            out += value;
            put_uint(out, n);
        }
    }
    return out;
}

void ShardFacetSpy::merge_results(const std::string& serialised) {
    std::size_t pos = 0;
    const std::uint64_t facets = get_uint(serialised, pos);
    if (facets > serialised.size())
        throw Xapian::SerialisationError("plenary::ShardFacetSpy: bad count of facets");
    if (m_merged.size() < facets) m_merged.resize(static_cast<std::size_t>(facets));
    for (std::size_t k = 0; k < facets; ++k) {
        const std::uint64_t values = get_uint(serialised, pos);
        for (std::uint64_t i = 0; i < values; ++i) {
            std::string value = get_bytes(serialised, pos);
            m_merged[k][std::move(value)] +=
                static_cast<Xapian::doccount>(get_uint(serialised, pos));
        }
    }
    if (pos != serialised.size())
        throw Xapian::SerialisationError("plenary::ShardFacetSpy: data after its counts");
}

}  // namespace plenary
