#include "readers/publication.h"

#include <cstddef>
#include <optional>
#include <vector>

#include "base/text_util.h"
#include "refs/symbols.h"
#include "refs/un_bodies.h"

namespace plenary::publication {

namespace {

// Front matter: the copyright page comes within the first pages (title, half-title, copyright)
// and, in text extracted without page marks, within the first lines.
constexpr std::size_t kFrontPages = 4;
constexpr std::size_t kFrontLines = 300;
// A symbol line stands this close to the copyright page's furniture.
constexpr std::size_t kNear = 12;

// Lines of a copyright page: they say the text is a publication, never a masthead's.
bool is_copyright_furniture(std::string_view line) {
    if (line.size() > 200) return false;  // prose, not a copyright page's line
    const std::string lower = ascii_lower(line);
    for (const std::string_view mark :
         {"united nations publication", "sales no", "isbn", "all rights reserved", "copyright",
          "the designations employed", "material in this publication"})
        if (lower.find(mark) != std::string::npos) return true;
    return false;
}

// The symbol a line consists of, if it is one of a known series ("ST/ESA/345").
std::optional<std::string> symbol_line(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.size() < 3 || t.size() > 60 || t.find('/') == std::string_view::npos) return {};
    const auto parsed = parse_symbol(t);
    if (!parsed) return {};
    const std::string_view first =
        std::string_view(parsed->canonical).substr(0, parsed->canonical.find_first_of("/("));
    if (!UnBodies::instance().is_series(first)) return {};
    return parsed->canonical;
}

// The lines of the front matter: the first pages, at most kFrontLines lines.
std::vector<std::string_view> front_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pages = 1;
    std::size_t b = 0;
    while (b < text.size() && lines.size() < kFrontLines) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        const std::string_view line = text.substr(b, e - b);
        b = e + 1;
        if (line.find('\f') != std::string_view::npos && ++pages > kFrontPages) break;
        lines.push_back(line);
    }
    return lines;
}

}  // namespace

std::string front_matter_symbol(std::string_view text) {
    const std::vector<std::string_view> lines = front_lines(text);
    std::vector<std::size_t> furniture;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (is_copyright_furniture(lines[i])) furniture.push_back(i);
    if (furniture.empty()) return {};
    std::string best;
    std::size_t best_distance = kNear + 1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto symbol = symbol_line(lines[i]);
        if (!symbol) continue;
        for (const std::size_t f : furniture) {
            const std::size_t distance = f > i ? f - i : i - f;
            if (distance < best_distance) {
                best = *symbol;
                best_distance = distance;
            }
        }
    }
    return best;
}

}  // namespace plenary::publication
