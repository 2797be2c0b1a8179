#include "search/sort_keys.h"

namespace plenary {

std::string DateKey::operator()(const Xapian::Document& doc) const {
    const std::string v = doc.get_value(m_slot);
    // Ascending, '1' after '0'; descending, '0' after '1': either way the undated go last.
    if (v.empty()) return m_descending ? "0" : "1";
    return (m_descending ? "1" : "0") + v;
}

std::string SymbolKey::operator()(const Xapian::Document& doc) const {
    const std::string v = doc.get_value(m_slot);
    if (v.empty()) return "\xff";
    return symbol_sort_key(v);
}

}  // namespace plenary
