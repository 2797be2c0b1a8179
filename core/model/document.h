// Document model: what a reader makes of a file, and what the indexer writes.
#pragma once

#include <string>
#include <vector>

namespace plenary {

/// A footnote whose marker stands in a paragraph's text (or in another footnote of it).
struct Footnote {
    std::string marker;  ///< as printed: "1", "*", "a"
    std::string text;    ///< the footnote body, markup removed
};

/// What a paragraph is, as printed.
/// preambular: a resolution's preamble ("The General Assembly,", "Recalling ...,").
/// What a paragraph is. figure (a chart's caption and labels), table and contents (a table of
/// contents) are searchable but are no running text: a report's fragments come together in them.
enum class ParagraphKind {
    numbered,
    unnumbered,
    heading,
    table,
    list_item,
    preambular,
    figure,
    contents
};

const char* to_string(ParagraphKind kind);

/// A resolution or decision cited in a paragraph, normalised.
struct ResolutionRef {
    std::string id;    ///< canonical id: "A/RES/73/195", "S/RES/2482(2019)", "CTOC/COP/RES/9/1"
    std::string body;  ///< body code: "A", "S", "E", "A/HRC", "CTOC/COP", ...
    bool decision = false;  ///< a decision ("decision 73/546"), kept apart from resolutions
    bool operator==(const ResolutionRef&) const = default;
};

/// A UNBIS Thesaurus descriptor a paragraph is about (refs/subjects.h).
struct SubjectRef {
    std::string label;  ///< the preferred label as spelt: "TRAFFICKING IN PERSONS"
    std::string uri;    ///< "http://metadata.un.org/thesaurus#1006622"
    bool operator==(const SubjectRef&) const = default;
};

/// References found in a paragraph's text and in its footnotes.
struct References {
    std::vector<std::string> symbols;        ///< cited document symbols, canonical spelling
    std::vector<std::string> symbol_bases;   ///< the same without /Add., /Corr., /Rev. suffixes
    std::vector<ResolutionRef> resolutions;  ///< resolutions and decisions
    std::vector<std::string> countries;      ///< ISO 3166-1 alpha-3 codes of countries named
    std::vector<std::string> demonyms;       ///< alpha-3 codes of countries named by demonym
    std::vector<int> sessions;         ///< session numbers mentioned ("seventy-third session")
    std::vector<std::string> charter;  ///< Charter Articles and Chapters: "art51", "art2-4", "ch7"
    std::vector<SubjectRef> subjects;
};

/// One paragraph: the unit Plenary indexes and returns.
struct Paragraph {
    std::string number;                 ///< as printed ("19", "4 (b)"), empty when unnumbered
    std::vector<std::string> headings;  ///< heading path, outermost first
    std::string text;                   ///< plain text, markup removed, as written
    std::vector<Footnote> footnotes;    ///< footnotes whose markers stand in text
    ParagraphKind kind = ParagraphKind::unnumbered;
    int line = 0;        ///< 1-based line in the source where it starts, 0 if unknown
    std::string anchor;  ///< alignment key across language versions ("art51", "4:1")
    References refs;     ///< filled by extract_references()
};

/// One input file: its metadata and its paragraphs in order.
struct Document {
    std::string symbol;  ///< own symbol, canonical ("CTOC/COP/2020/3"), empty if unknown
    std::string title;
    std::string body;          ///< organ or body code ("A", "A/HRC", "CTOC/COP")
    int session = 0;           ///< the body's session number, 0 if unknown
    std::string date;          ///< ISO 8601 "2020-07-20", or "2015" alone, or empty
    std::string lang;          ///< ISO 639-1: en, fr, es, ru, ar, zh
    std::string distribution;  ///< General, Limited, Restricted
    std::string adopted;       ///< a resolution's adoption date, ISO 8601; empty otherwise
    std::string meeting;       ///< the meeting that adopted it: "30th plenary meeting"
    std::string draft;         ///< the draft it was adopted on: "A/73/L.6"
    std::string agenda_item;   ///< "2 (b)"
    std::string job_number;    ///< "GE.19-14064", "N1431343"
    std::string country;       ///< alpha-3 of the speaking or reporting country (speeches), if any
    std::string work;          ///< key the language versions of one work share: the file name
                               ///< without its language ("raw_un_charter", "udhr"); empty: symbol
    std::string source;        ///< path of the file as given
    std::string format;        ///< reader that made it: markdown, text, unpc-xml, ...
    std::vector<Paragraph> paragraphs;

    /// The year of date, or 0.
    int year() const;
};

}  // namespace plenary
