#include "facets.h"

#include <algorithm>

#include "countries.h"
#include "error.h"
#include "schema.h"

namespace plenary {

void ValueCounter::add(std::string_view v) {
    if (v.empty()) return;
    if (v == m_last) {
        for (Xapian::doccount* c : m_last_counters) ++*c;
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
        ++it->second;
        m_last_counters.push_back(&it->second);
    }
}

void SlotSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    m_counter.add(doc.get_value(m_slot));
}

void FacetCounter::Spy::operator()(const Xapian::Document& doc, double) {
    FacetCounter& o = m_owner;
    const std::string all = doc.get_value(o.m_all_slot);
    std::string_view rest(all);
    for (std::size_t k = 0; k < o.m_wanted.size(); ++k) {
        const auto sep = rest.find('\x1f');
        const std::string_view segment = rest.substr(0, sep);
        if (o.m_wanted[k] >= 0) o.m_counters[static_cast<std::size_t>(o.m_wanted[k])].add(segment);
        if (sep == std::string_view::npos) break;
        rest.remove_prefix(sep + 1);
    }
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
    m_counters.resize(m_names.size());
    m_all_slot = *schema.field("facets").slot;
    for (const auto& k : known) {
        const auto it = std::find(m_names.begin(), m_names.end(), k);
        m_wanted.push_back(it == m_names.end() ? -1 : static_cast<int>(it - m_names.begin()));
    }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
    if (m_names.empty()) return;
    m_spy = std::make_unique<Spy>(*this);
    enquire.add_matchspy(m_spy.get());
}

std::string facet_label(const std::string& facet, const std::string& value,
                        const Gazetteer& gazetteer) {
    if (facet == "country" || facet == "speaker" || facet == "demonym")
        return gazetteer.display_name(value, "en");
    if (facet == "lang") {
        static const std::pair<const char*, const char*> names[] = {
            {"ar", "Arabic"}, {"zh", "Chinese"}, {"en", "English"}, {"fr", "French"},
            {"ru", "Russian"}, {"es", "Spanish"}, {"de", "German"}};
        for (const auto& [code, name] : names)
            if (value == code) return name;
    }
    return value;
}

std::vector<Facet> FacetCounter::results(std::size_t limit, const Gazetteer& gazetteer) const {
    std::vector<Facet> out;
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        Facet f;
        f.name = m_names[i];
        for (const auto& [value, count] : m_counters[i].counts())
            f.values.push_back({value, {}, count});
        std::stable_sort(f.values.begin(), f.values.end(),
                         [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
        if (limit > 0 && f.values.size() > limit) f.values.resize(limit);
        for (auto& v : f.values) v.label = facet_label(f.name, v.value, gazetteer);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace plenary
