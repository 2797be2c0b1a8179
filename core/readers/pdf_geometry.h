// PDF structure read from where poppler places each word and in what font: resolutions, and
// the footnote marks the plain-text reading of a PDF cannot see.
#pragma once

#include "model/document.h"

namespace poppler {
class document;
}

namespace plenary {

/// What the words' places and fonts tell that the plain-text reading of a PDF cannot see; the
/// words are read once, and only when asked for something (they cost a second pass over the
/// pages).
///
/// With maybe_resolution (the text says "Resolution adopted by"): reads the resolution, the title
/// from the masthead after the "[without reference ...]" or "[on the report of ...]" line, without
/// its number; "The General Assembly," and each preambular paragraph of kind preambular (told
/// apart by the indent of their first line); operative paragraphs numbered, their sub-paragraphs
/// "4 (a)"; footnotes from below the separator line attached to every paragraph whose small raised
/// mark they explain, the marks out of the text; running heads, job numbers, bar codes and page
/// numbers left out. Replaces doc's title and paragraphs; leaves doc alone when the PDF is not a
/// resolution after all.
///
/// Otherwise, with stray_notes (the text reading left notes as paragraphs: "4 E/C.12/SVN/CO/2,
/// para. 29", a mark spaced off its word, or standing on a heading): each such note goes to the
/// paragraph whose text holds the words before the small raised mark, its mark taken out, or, for
/// a heading's mark, to the first paragraph under that heading.
void read_pdf_geometry(const poppler::document& pdf, Document& doc, bool maybe_resolution,
                       bool stray_notes);

}  // namespace plenary
