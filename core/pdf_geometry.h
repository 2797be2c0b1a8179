// PDF structure read from where poppler places each word and in what font: resolutions, and
// the footnote marks the plain-text reading of a PDF cannot see.
#pragma once

#include "document.h"

namespace poppler {
class document;
}

namespace plenary {

/// Reads a resolution ("Resolution adopted by the General Assembly on ...") from the words'
/// places and fonts: the title from the masthead after the "[without reference ...]" or "[on the
/// report of ...]" line, without its number; "The General Assembly," and each preambular paragraph
/// of kind preambular (told apart by the indent of their first line); operative paragraphs
/// numbered, their sub-paragraphs "4 (a)"; footnotes from below the separator line attached to
/// every paragraph whose small raised mark they explain, the marks out of the text; running
/// heads, job numbers, bar codes and page numbers left out. Replaces doc's title and paragraphs
/// and returns true; returns false, leaving doc alone, when the PDF is not a resolution.
bool read_resolution_pdf(const poppler::document& pdf, Document& doc);

/// Footnotes the plain-text reading left as paragraphs ("4 E/C.12/SVN/CO/2, para. 29", a mark
/// spaced off its word, or standing on a heading) go to the paragraph whose text holds the
/// words before the small raised mark, its mark taken out, or, for a heading's mark, to the
/// first paragraph under that heading.
void attach_stray_notes(const poppler::document& pdf, Document& doc);

}  // namespace plenary
