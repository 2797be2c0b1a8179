// The own symbol of a UN publication: it stands alone on the copyright page, near the sales
// number and ISBN ("ST/ESA/345", "United Nations publication", "Sales No. E.13.IV.2"), not in a
// masthead.
#pragma once

#include <string>
#include <string_view>

namespace plenary::publication {

/// The symbol of a publication's front matter (the first pages): a line that is only a symbol
/// of a known series, within a few lines of the copyright page's furniture (ISBN, sales number,
/// "United Nations publication", "All rights reserved", the designations disclaimer); of several
/// such lines, the nearest to that furniture. Empty when there is none.
/// text: the whole text, pages separated by form feeds.
std::string front_matter_symbol(std::string_view text);

}  // namespace plenary::publication
