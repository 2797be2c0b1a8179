// References to the Charter of the United Nations: which Articles and Chapters a paragraph
// invokes, in the six languages.
//
// Ids: "art51" (Article 51), "art2-4" (Article 2, paragraph 4, which also gives "art2"), "ch7"
// (Chapter VII). An Article is a reference only where the text says it is the Charter's
// ("Article 51 of the Charter", "l'article 2, paragraphe 4, de la Charte", "статьи 51 Устава",
// "المادة 51 من الميثاق", "《联合国宪章》第五十一条"); a Chapter also where it is invoked as UN
// style writes the Charter's ("acting under Chapter VII", "en vertu du Chapitre VII", "بموجب
// الفصل السابع"): a capital C, where a report's own chapters are "chapter VII". Another
// charter's articles ("the African Charter", "the Charter of the Organization of American
// States", "Carta Democrática Interamericana") are not the UN Charter's. The Charter's own text
// refers to its Articles by its structure: each paragraph of Article N, in Chapter C, gives artN,
// artN-P (its paragraph P) and chC.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace plenary {

/// One reference to the Charter found in running text.
struct CharterMatch {
    std::string id;     ///< "art51", "art2-4", "ch7"
    std::size_t begin;  ///< byte span of the citation in the text
    std::size_t end;
};

/// The references to the Charter in `text`, written in `lang` (en fr es ru ar zh; other values
/// are read as English), in text order; "Article 2 (4)" gives art2-4 and art2.
std::vector<CharterMatch> find_charter_refs(std::string_view text, std::string_view lang);

/// A reference for people: "art51" -> "Article 51", "art2-4" -> "Article 2(4)", "ch7" ->
/// "Chapter VII"; anything else as it is.
std::string charter_label(const std::string& id);

/// True if `doc` is the Charter itself: it opens with the Preamble's first words ("WE THE
/// PEOPLES OF THE UNITED NATIONS", "NOUS, PEUPLES DES NATIONS UNIES", "我联合国人民" …) and its
/// articles are anchored (analysis/language.h, assign_article_anchors).
bool is_charter_text(const Document& doc);

/// The Charter references of one paragraph of the Charter's own text: its Article (from the
/// anchor "artN"), the Article's paragraph where it is numbered, and the Chapter its heading
/// path names; empty for the Preamble.
std::vector<std::string> charter_refs_of_own_text(const Paragraph& p);

}  // namespace plenary
