// A report's pages extracted to text give each chart label, table cell and tick value as a
// block of its own. This pass brings them together, after the paragraphs are read: a caption
// ("FIGURE 6", "Table 2.1") and the fragments after it become one paragraph of kind figure or
// table, a run of fragments without a caption one of kind figure, table-of-contents entries kind
// contents; a lone short title kind heading; a drop cap ("W orld leaders") joined to its word.
#pragma once

#include <vector>

#include "model/document.h"

namespace plenary::figures {

/// A fragment is an unnumbered paragraph under this many characters (code points), without notes.
constexpr std::size_t kFragmentChars = 40;

/// Rewrites the paragraphs of a paged report as above. Text is kept whole: merged paragraphs
/// join their parts with " | ", in order; notes go with their paragraph.
void group(std::vector<Paragraph>& paragraphs);

/// "W orld leaders" -> "World leaders" where the document's words say so: the joined word
/// ("world") is a word of the document, and far more often than the rest alone ("orld").
/// Exposed for tests.
void join_drop_caps(std::vector<Paragraph>& paragraphs);

}  // namespace plenary::figures
