// Charter references (Articles and Chapters, in each language): each match must lie within the
// text, and each id must be one of the forms the charter: field holds (art<N>, art<N>-<P>,
// ch<N>), with a label for people.
#include "fuzz_common.h"
#include "reference_langs.h"
#include "refs/charter.h"

namespace {

bool is_charter_id(const std::string& id) {
    const std::size_t digits_from = id.starts_with("art") ? 3 : id.starts_with("ch") ? 2 : 0;
    if (digits_from == 0 || id.size() == digits_from) return false;
    bool dash = false;
    for (std::size_t i = digits_from; i < id.size(); ++i) {
        if (id[i] == '-' && !dash && digits_from == 3 && i > digits_from && i + 1 < id.size()) {
            dash = true;
            continue;
        }
        if (id[i] < '0' || id[i] > '9') return false;
    }
    return true;
}

}  // namespace

PLENARY_FUZZ_TARGET(charter) {
    return plenary::fuzz::run_on_lang_text(
        data, size, [](const std::string& lang, std::string_view text) {
            for (const auto& m : plenary::find_charter_refs(text, lang)) {
                plenary::fuzz::check_range(m.begin, m.end, text,
                                           "find_charter_refs: match outside the text");
                if (!is_charter_id(m.id)) plenary::fuzz::finding("find_charter_refs: bad id");
                if (plenary::charter_label(m.id).empty())
                    plenary::fuzz::finding("charter_label: empty");
            }
        });
}
