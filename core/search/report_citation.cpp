// The citation a librarian writes for a paragraph. A numbered paragraph is "SYMBOL, para. N".
// An unnumbered one is placed by what a reader can find in the printed document: a resolution's
// preambular paragraphs by their rank ("third preambular paragraph", after the opening formula
// "The General Assembly,"), other unnumbered paragraphs by the nearest numbered paragraph
// before (or after) them, and in a document without numbered paragraphs (a speech) by their
// rank among its paragraphs of text, as one counts them on the page.
#include <filesystem>

#include "model/index_format.h"
#include "search/report.h"

namespace plenary {

namespace {

/// What an unnumbered paragraph of this kind is called in a citation.
std::string noun(const std::string& kind) {
    if (kind == "heading") return "heading";
    if (kind == "table") return "table";
    if (kind == "figure") return "figure";
    if (kind == "contents") return "table of contents";
    if (kind == "list_item") return "list item";
    return "unnumbered paragraph";
}

/// Paragraphs a reader counts in a document without numbers: text, not headings or furniture.
bool counted(const std::string& kind) {
    return kind != "heading" && kind != "table" && kind != "figure" && kind != "contents";
}

/// "The General Assembly,", "The Security Council,": the formula a resolution opens with,
/// which is not itself one of the preambular paragraphs the UN counts.
bool opening_formula(const ParagraphView& p) {
    if (p.kind != "preambular" || p.text.rfind("The ", 0) != 0 || p.text.size() > 60) return false;
    const auto end = p.text.find_last_not_of(" \t\n");
    return end != std::string::npos && p.text[end] == ',';
}

}  // namespace

std::vector<ParagraphPlace> paragraph_places(const std::vector<ParagraphView>& paragraphs) {
    std::vector<ParagraphPlace> out(paragraphs.size());
    std::string last_number;
    std::size_t preamble = 0, rank = 0;
    bool numbered = false;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const ParagraphView& p = paragraphs[i];
        ParagraphPlace& place = out[i];
        place.kind = p.kind;
        place.after = last_number;
        if (p.kind == "preambular" && p.number.empty()) {
            place.preamble = opening_formula(p) ? 0 : ++preamble;
            place.formula = place.preamble == 0;
        }
        if (counted(p.kind)) ++rank;
        place.rank = counted(p.kind) ? rank : 0;
        place.rank_after = rank;
        if (!p.number.empty()) {
            last_number = p.number;
            numbered = true;
        }
    }
    std::string next_number;
    for (std::size_t i = paragraphs.size(); i-- > 0;) {
        out[i].before = next_number;
        out[i].numbered_document = numbered;
        if (!paragraphs[i].number.empty()) next_number = paragraphs[i].number;
    }
    return out;
}

std::string paragraph_citation(const DocumentInfo& document, const std::string& number,
                               const ParagraphPlace& place) {
    std::string who = document.symbol;
    if (who.empty()) who = std::filesystem::path(document.source).filename().string();
    if (who.empty()) who = document.key;
    if (!number.empty()) return who + ", para. " + number;
    if (place.kind == "preambular") {
        if (place.formula) return who + ", preamble";
        if (place.preamble > 0) return who + ", preambular para. " + std::to_string(place.preamble);
    }
    const std::string what = noun(place.kind);
    if (place.numbered_document) {
        if (!place.after.empty()) return who + ", " + what + " after para. " + place.after;
        return who + ", " + what + " before para. " + place.before;
    }
    if (place.rank > 0) return who + ", paragraph " + std::to_string(place.rank) + " (unnumbered)";
    if (place.rank_after > 0)
        return who + ", " + what + " after paragraph " + std::to_string(place.rank_after);
    if (place.kind.empty()) return who + ", unnumbered paragraph";  // place unknown
    return who + ", " + what + " before paragraph 1";
}

}  // namespace plenary
