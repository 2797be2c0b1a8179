// The folding rule of one code point, computed with ICU. Run at build time by
// plenary-gen-fold to make the table fold() reads (fold_table.inc), and by the tests to check
// that table against ICU; nothing calls it at run time.
#pragma once

#include <string>

namespace plenary {

/// Folded UTF-8 form of a BMP code point (not a surrogate): NFKD, non-spacing marks dropped,
/// case folded, with the typographic and letter exceptions fold() documents.
std::string fold_code_point_icu(char32_t cp);

}  // namespace plenary
