// Sort keys stored with each paragraph, so that sorting by date or symbol is a sort by value,
// which Xapian's remote backend carries (it carries no KeyMaker): undated and unsymbolled
// paragraphs sort last, and symbols in UN order (A/73/2 before A/73/10), not byte order.
#pragma once

#include <string>

namespace plenary {

/// The date_order key of undated paragraphs: after every date (YYYYMMDD).
constexpr const char* kUndatedKey = "~";
/// The symbol_order key of paragraphs without a symbol: after every symbol's key.
constexpr const char* kNoSymbolKey = "\xff";

/// A key whose byte order is UN order: each run of digits compares as a number ("2" < "10"),
/// letters without regard to case, the rest as bytes.
std::string symbol_sort_key(const std::string& symbol);

/// The date_order slot's value: the date (YYYYMMDD), or kUndatedKey.
std::string date_order_key(const std::string& date);

/// The symbol_order slot's value: symbol_sort_key(symbol), or kNoSymbolKey.
std::string symbol_order_key(const std::string& symbol);

}  // namespace plenary
