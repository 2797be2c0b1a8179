#include "facets.h"

#include <algorithm>

#include "countries.h"
#include "error.h"
#include "schema.h"

namespace plenary {

void SlotSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    const std::string v = doc.get_value(m_slot);
    if (v.empty()) return;
    // A paragraph counts once per distinct value, even if a value were stored twice.
    std::vector<std::string_view> seen;
    std::string_view rest(v);
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        const std::string_view one = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (one.empty() || std::find(seen.begin(), seen.end(), one) != seen.end()) continue;
        seen.push_back(one);
        ++m_counts[std::string(one)];
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
        m_spies.push_back(std::make_unique<SlotSpy>(*schema.field(name).slot));
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
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
    for (auto& spy : m_spies) enquire.add_matchspy(spy.get());
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
    for (std::size_t i = 0; i < m_spies.size(); ++i) {
        Facet f;
        f.name = m_names[i];
        for (const auto& [value, count] : m_spies[i]->counts())
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
