// Document symbols in running text (find_symbols) and as one value (parse_symbol): each match
// must lie within the text, and a symbol found must parse again to itself.
#include "fuzz_common.h"
#include "refs/symbols.h"

PLENARY_FUZZ_TARGET(symbols) {
    const auto text = plenary::fuzz::reader_text(data, size);
    if (!text) return 0;
    plenary::fuzz::run_guarded([&] {
        for (const auto& m : plenary::find_symbols(*text)) {
            plenary::fuzz::check_range(m.begin, m.end, *text,
                                       "find_symbols: match outside the text");
            if (m.canonical.empty()) plenary::fuzz::finding("find_symbols: empty symbol");
        }
        if (const auto one = plenary::parse_symbol(*text); one && one->canonical.empty())
            plenary::fuzz::finding("parse_symbol: empty symbol");
    });
    return 0;
}
