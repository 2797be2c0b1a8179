#include "search/facets.h"

#include <algorithm>

#include "base/error.h"
#include "model/schema.h"
#include "refs/charter.h"
#include "refs/countries.h"
#include "refs/un_bodies.h"
#include "search/shard_facets.h"

namespace plenary {

void ValueCounter::add(std::string_view v, Xapian::doccount n) {
    if (v.empty()) return;
    if (v == m_last) {
        for (Xapian::doccount* c : m_last_counters) *c += n;
        return;
    }
    m_last.assign(v);
    m_last_counters.clear();
    // A paragraph counts once per distinct value, even if a value were stored twice.
    std::string_view rest(v);
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        const std::string_view one = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (one.empty()) continue;
        auto it = m_counts.find(one);
        if (it == m_counts.end()) it = m_counts.emplace(std::string(one), 0).first;
        if (std::find(m_last_counters.begin(), m_last_counters.end(), &it->second) !=
            m_last_counters.end())
            continue;
        it->second += n;
        m_last_counters.push_back(&it->second);
    }
}

void SlotSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    m_counter.add(doc.get_value(m_slot));
}

FacetColumn::FacetColumn(const Xapian::Database& db, Xapian::valueno slot) {
    m_ids.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    m_part_begin.push_back(0);  // id 0: no value
    m_part_begin.push_back(0);
    std::unordered_map<std::string, std::uint32_t> ids{{std::string(), 0}};
    std::vector<std::unordered_map<std::string, std::uint32_t>> numbers;  // by facet
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const Xapian::docid d = it.get_docid();
        if (d >= m_ids.size()) m_ids.resize(static_cast<std::size_t>(d) + 1, 0);
        const auto [pos, added] =
            ids.emplace(*it, static_cast<std::uint32_t>(m_part_begin.size() - 1));
        m_ids[d] = pos->second;
        if (!added) continue;
        // A new value: its facets' values, numbered.
        const std::size_t first = m_parts.size();
        std::string_view rest(pos->first);
        for (std::uint32_t k = 0;; ++k) {
            const auto sep = rest.find('\x1f');
            std::string_view segment = rest.substr(0, sep);
            if (numbers.size() <= k) {
                numbers.resize(k + 1);
                m_values.resize(k + 1);
            }
            while (!segment.empty()) {
                const auto nl = segment.find('\n');
                const std::string_view one = segment.substr(0, nl);
                segment =
                    nl == std::string_view::npos ? std::string_view() : segment.substr(nl + 1);
                if (one.empty()) continue;
                const auto [num, fresh] = numbers[k].emplace(
                    std::string(one), static_cast<std::uint32_t>(m_values[k].size()));
                if (fresh) m_values[k].push_back(num->first);
                const Part part{k, num->second};
                const bool seen = std::any_of(
                    m_parts.begin() + static_cast<std::ptrdiff_t>(first), m_parts.end(),
                    [&](const Part& p) { return p.facet == k && p.value == part.value; });
                if (!seen) m_parts.push_back(part);
            }
            if (sep == std::string_view::npos) break;
            rest.remove_prefix(sep + 1);
        }
        m_part_begin.push_back(static_cast<std::uint32_t>(m_parts.size()));
    }
}

std::size_t FacetColumn::memory() const {
    std::size_t bytes =
        m_ids.capacity() * 4 + m_part_begin.capacity() * 4 + m_parts.capacity() * sizeof(Part);
    for (const auto& facet : m_values)
        for (const auto& v : facet)
            bytes += sizeof(std::string) + (v.capacity() > 15 ? v.capacity() + 1 : 0);
    return bytes;
}

std::vector<std::string> facet_names(const Schema& schema) {
    std::vector<std::string> out;
    for (const Field& f : schema.fields())
        if (f.facet) out.push_back(f.name);
    return out;
}

FacetCounter::FacetCounter(const Schema& schema, const std::vector<std::string>& names) {
    const std::vector<std::string> known = facet_names(schema);
    auto add = [&](const std::string& name) {
        if (std::find(m_names.begin(), m_names.end(), name) != m_names.end()) return;
        m_names.push_back(name);
    };
    for (const std::string& n : names) {
        if (n == "all") {
            for (const auto& k : known) add(k);
            continue;
        }
        if (std::find(known.begin(), known.end(), n) == known.end()) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            throw QueryError("unknown facet '" + n + "' (facets: " + list + ", all)");
        }
        add(n);
    }
    m_all_slot = *schema.field("facets").slot;
    for (const auto& k : known) {
        const auto it = std::find(m_names.begin(), m_names.end(), k);
        m_wanted.push_back(it == m_names.end() ? -1 : static_cast<int>(it - m_names.begin()));
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire, const FacetColumn* column,
                          ShardCounting shards) {
    if (m_names.empty()) return;
    if (shards == ShardCounting::xapian) {
        m_remote_spy = std::make_unique<Xapian::ValueCountMatchSpy>(m_all_slot);
        enquire.add_matchspy(m_remote_spy.get());
        return;
    }
    // Over remote shards the column is each shard server's own.
    m_spy = std::make_unique<ShardFacetSpy>(m_all_slot, wanted(),
                                            shards == ShardCounting::none ? column : nullptr);
    enquire.add_matchspy(m_spy.get());
}

std::vector<bool> FacetCounter::wanted() const {
    std::vector<bool> out;
    for (const int w : m_wanted) out.push_back(w >= 0);
    return out;
}

std::string facet_label(const std::string& facet, const std::string& value,
                        const Gazetteer& gazetteer) {
    if (facet == "country" || facet == "speaker" || facet == "demonym")
        return gazetteer.display_name(value, "en");
    if (facet == "body") return body_name(value);
    if (facet == "charter") return charter_label(value);
    if (facet == "lang") {
        static const std::pair<const char*, const char*> names[] = {
            {"ar", "Arabic"},  {"zh", "Chinese"}, {"en", "English"}, {"fr", "French"},
            {"ru", "Russian"}, {"es", "Spanish"}, {"de", "German"}};
        for (const auto& [code, name] : names)
            if (value == code) return name;
    }
    return value;
}

std::string body_name(const std::string& code) {
    const UnBodies& table = UnBodies::instance();
    if (const UnBody* body = table.find(code)) return body->display_name();
    // A series without a body of its own ("UNCTAD", "E/ESCAP") is named by the series table.
    const UnSeries* series = table.series_of(code);
    return series && series->prefix == code && !series->name.empty() ? series->name : code;
}

std::vector<Facet> FacetCounter::results(std::size_t limit, const Gazetteer& gazetteer) const {
    // Xapian's own spy counts whole "facets" values: split by Plenary's, as its own are.
    ShardFacetSpy split(m_all_slot, wanted());
    if (m_remote_spy)
        for (auto it = m_remote_spy->values_begin(); it != m_remote_spy->values_end(); ++it)
            split.add_value(*it, it.get_termfreq());
    const std::vector<ValueCounter::Counts> counted = (m_spy ? *m_spy : split).counts();
    std::vector<Facet> out;
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        Facet f;
        f.name = m_names[i];
        const auto k = static_cast<std::size_t>(
            std::find(m_wanted.begin(), m_wanted.end(), static_cast<int>(i)) - m_wanted.begin());
        if (k < counted.size())
            for (const auto& [value, count] : counted[k]) f.values.push_back({value, {}, count});
        const auto before = [](const FacetValue& a, const FacetValue& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        };
        if (limit > 0 && f.values.size() > limit) {
            std::partial_sort(f.values.begin(),
                              f.values.begin() + static_cast<std::ptrdiff_t>(limit), f.values.end(),
                              before);
            f.values.resize(limit);
        } else {
            std::sort(f.values.begin(), f.values.end(), before);
        }
        for (auto& v : f.values) v.label = facet_label(f.name, v.value, gazetteer);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace plenary
