#include "model/document.h"

#include <cctype>

namespace plenary {

const char* to_string(ParagraphKind kind) {
    switch (kind) {
        case ParagraphKind::numbered:
            return "numbered";
        case ParagraphKind::unnumbered:
            return "unnumbered";
        case ParagraphKind::heading:
            return "heading";
        case ParagraphKind::table:
            return "table";
        case ParagraphKind::list_item:
            return "list_item";
        case ParagraphKind::preambular:
            return "preambular";
        case ParagraphKind::figure:
            return "figure";
        case ParagraphKind::contents:
            return "contents";
    }
    return "unnumbered";
}

int Document::year() const {
    if (date.size() < 4) return 0;
    int y = 0;
    for (int i = 0; i < 4; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(date[i]))) return 0;
        y = y * 10 + (date[i] - '0');
    }
    return y;
}

}  // namespace plenary
