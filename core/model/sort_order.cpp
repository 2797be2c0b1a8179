#include "model/sort_order.h"

#include <algorithm>

namespace plenary {

std::string symbol_sort_key(const std::string& symbol) {
    std::string key;
    for (std::size_t i = 0; i < symbol.size();) {
        const char c = symbol[i];
        if (c < '0' || c > '9') {
            key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < symbol.size() && symbol[j] >= '0' && symbol[j] <= '9') ++j;
        std::size_t start = i;
        while (start + 1 < j && symbol[start] == '0') ++start;  // 073 is 73
        // A number as its length then its digits: a longer number sorts after a shorter one.
        // '0' (0x30) before the length keeps numbers after '.' and '/' and before letters.
        key += '0';
        key += static_cast<char>('0' + std::min<std::size_t>(j - start, 40));
        key.append(symbol, start, j - start);
        i = j;
    }
    return key;
}

std::string date_order_key(const std::string& date) {
    return date.empty() ? std::string(kUndatedKey) : date;
}

std::string symbol_order_key(const std::string& symbol) {
    return symbol.empty() ? std::string(kNoSymbolKey) : symbol_sort_key(symbol);
}

}  // namespace plenary
