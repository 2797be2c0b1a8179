// Text utilities: UTF-8 checks, line handling, folding for matching.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

/// Where a byte string stops being valid UTF-8.
struct Utf8Problem {
    std::size_t offset = 0;  ///< byte offset of the first bad byte
    int line = 0;            ///< 1-based line of it
};

/// Returns true if text is valid UTF-8; otherwise fills problem.
bool check_utf8(std::string_view text, Utf8Problem* problem = nullptr);

/// True if the bytes look binary: NUL bytes or many control characters in the first 8 KiB.
bool looks_binary(std::string_view bytes);

/// Drops a UTF-8 BOM, turns CRLF and CR into LF, form feeds into "\f\n" kept as page marks.
std::string normalise_newlines(std::string_view text);

/// Folds for matching: NFKC-like compatibility mapping, case folding, diacritics removed,
/// typographic apostrophes and dashes made ASCII. Word boundaries are kept as they are.
std::string fold(std::string_view text);

/// Appends fold() of one code point cp, whose UTF-8 bytes are bytes (kept when cp folds to
/// itself or lies past the BMP).
void append_folded(std::string& out, std::string_view bytes, char32_t cp);

/// Strips ASCII and Unicode spaces at both ends.
std::string_view trim(std::string_view s);

/// Collapses runs of white space into one ASCII space and trims.
std::string collapse_spaces(std::string_view s);

/// Splits on '\n' (no '\n' kept).
std::vector<std::string_view> split_lines(std::string_view text);

/// The 1-based line of a byte offset in text; offsets before or past the text (pugixml's -1
/// for "unknown") count as its first or last byte.
int line_of(std::string_view text, std::ptrdiff_t offset);

/// Decodes one code point at text[i], advancing i; returns U+FFFD on bad input.
char32_t next_code_point(std::string_view text, std::size_t& i);

/// Appends the UTF-8 encoding of cp (U+FFFD for NUL, surrogates and values past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

/// Number of code points in text.
std::size_t code_point_count(std::string_view text);

/// True if s starts with prefix, ignoring ASCII case.
bool starts_with_nocase(std::string_view s, std::string_view prefix);

/// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view s);

/// Reads a whole file; throws DocumentError naming it when it cannot.
std::string read_file(const std::string& path);

}  // namespace plenary
