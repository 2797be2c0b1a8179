// The language an extractor target reads its input in: the first byte chooses, so that
// mutations try every language's rules on the same text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"

namespace plenary::fuzz {

/// The six UN languages, and one Plenary has no rules for.
inline const std::array<std::string, 7> kLangs = {"en", "fr", "es", "ru", "ar", "zh", "de"};

/// An extractor's input: a language and a text.
struct LangText {
    std::string lang;       ///< ISO 639-1, or one with no rules
    std::string_view text;  ///< the text searched
};

/// The language the first byte names, and the rest of the input as text.
inline LangText lang_and_text(std::string_view input) {
    if (input.empty()) return {kLangs[0], input};
    return {kLangs[static_cast<std::uint8_t>(input.front()) % kLangs.size()], input.substr(1)};
}

/// The whole frame of an extractor target: the input as a language byte and valid UTF-8 text
/// (other inputs are skipped), and body(lang, text) run as every target runs its code.
template <class Body>
int run_on_lang_text(const std::uint8_t* data, std::size_t size, Body&& body) {
    const auto input = reader_text(data, size);
    if (!input) return 0;
    const LangText in = lang_and_text(*input);
    run_guarded([&] { body(in.lang, in.text); });
    return 0;
}

}  // namespace plenary::fuzz
