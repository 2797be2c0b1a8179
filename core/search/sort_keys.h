// Sort keys for --sort date and --sort symbol: undated and unsymbolled paragraphs last, and
// symbols in UN order (A/73/2 before A/73/10), not byte order.
#pragma once

#include <xapian.h>

#include <string>

#include "model/sort_order.h"

namespace plenary {

/// Sorts by the date slot (YYYYMMDD); paragraphs without a date come last in either direction,
/// so pass the same descending flag to Enquire::set_sort_by_key_then_relevance.
class DateKey : public Xapian::KeyMaker {
  public:
    DateKey(Xapian::valueno slot, bool descending) : m_slot(slot), m_descending(descending) {}
    std::string operator()(const Xapian::Document& doc) const override;

  private:
    Xapian::valueno m_slot;
    bool m_descending;
};

/// Sorts by a symbol slot in UN order; paragraphs without a symbol come last.
class SymbolKey : public Xapian::KeyMaker {
  public:
    explicit SymbolKey(Xapian::valueno slot) : m_slot(slot) {}
    std::string operator()(const Xapian::Document& doc) const override;

  private:
    Xapian::valueno m_slot;
};

}  // namespace plenary
