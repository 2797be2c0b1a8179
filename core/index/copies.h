// Copies: files that hold the same document (a PDF and its extracted text; the UDHR as XML,
// HTML and text) are one document in hits, totals, facets and --show-document.
//
// Two files are copies when they share a language and either the same own symbol (and texts
// not plainly different), or, when at most one of them has a symbol, the same text: a bottom-k
// MinHash sketch of their letter shingles estimates the Jaccard resemblance of the two texts, and
// 0.7 or more is the same text in two formats (0.98 or more in one format). Of each set of copies
// one file stands for the document (its primary): the one whose paragraphs are best formed
// (paragraph_quality), then the more structured format, then the path; the others' paragraphs are
// kept, marked "shadowed", and left out of every search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace plenary {

/// What the copy detection remembers of one indexed file.
struct CopySignature {
    std::string file_key;  ///< the file's key (file_key of its path)
    std::string path;      ///< absolute path
    std::string lang;
    std::string symbol;                 ///< own symbol, may be empty
    std::string format;                 ///< reader that made it
    double quality = 0;                 ///< paragraph_quality of its paragraphs
    std::vector<std::uint64_t> sketch;  ///< the smallest shingle hashes, ascending

    /// One line for the database's metadata, and back.
    std::string encode() const;
    static std::optional<CopySignature> decode(const std::string& line);
};

/// Hashes kept per file: 128 gives a resemblance estimate within about ±0.07.
constexpr std::size_t kSketchSize = 128;
/// Estimated resemblance at and above which two texts are the same text. Measured: one text
/// in two formats 0.81 to 1.00 (the UDHR in Chinese as XML and text: 0.81; in English 0.9+;
/// a UPR PDF and its extracted text 1.00); two texts at most 0.16 (simplified and traditional
/// Chinese).
constexpr double kSameText = 0.7;
/// Estimated resemblance that two files of the same format without a common symbol need to be
/// one document: the same file saved twice (resemblance 1). Below it they are two documents
/// that differ in a few words (form letters, one draft after another), each counted.
constexpr double kSameFileText = 0.98;
/// Resemblance that files with the same symbol and language need to be one document: below
/// it they are two texts under one symbol (simplified and traditional Chinese).
constexpr double kSameSymbolText = 0.3;

/// The signature of doc (read from file `path` with key `file_key`).
CopySignature copy_signature(const Document& doc, const std::string& file_key,
                             const std::string& path);

/// How well formed a document's paragraphs are, 0..1: the share of its paragraphs (weighted by
/// length) that read as whole paragraphs: headings, or text of 40 code points or more that
/// ends a sentence. Fragments (chart labels, running heads, lines cut mid-sentence) lower it.
double paragraph_quality(const Document& doc);

/// Leaves in values its k smallest distinct values, ascending (what sorting, removing equal
/// values and keeping the first k would leave, without sorting them all).
void keep_smallest_distinct(std::vector<std::uint64_t>& values, std::size_t k);

/// The estimated resemblance (Jaccard) of two sketches, 0..1.
double resemblance(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

/// Sets of copies among sigs: each inner vector lists indexes into sigs, primary first; files
/// without a copy are left out.
std::vector<std::vector<std::size_t>> find_copies(const std::vector<CopySignature>& sigs);

}  // namespace plenary
