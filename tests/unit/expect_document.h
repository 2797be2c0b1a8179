// What reader tests check of a Document: the metadata fields a test names, and its paragraphs
// row by row. Failures name the field (or the row) and the line of the check that called.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/document.h"

namespace plenary::testing {

/// One metadata field a test expects: its name and its value, as text.
struct Expected {
    const char* field;
    std::string value;
};

/// The fields a test can expect, each made by its name: Meta::symbol("A/1"), Meta::session(3).
/// year is Document::year().
struct Meta {
    static Expected symbol(std::string v) { return {"symbol", std::move(v)}; }
    static Expected title(std::string v) { return {"title", std::move(v)}; }
    static Expected body(std::string v) { return {"body", std::move(v)}; }
    static Expected session(int v) { return {"session", std::to_string(v)}; }
    static Expected date(std::string v) { return {"date", std::move(v)}; }
    static Expected lang(std::string v) { return {"lang", std::move(v)}; }
    static Expected distribution(std::string v) { return {"distribution", std::move(v)}; }
    static Expected agenda_item(std::string v) { return {"agenda_item", std::move(v)}; }
    static Expected job_number(std::string v) { return {"job_number", std::move(v)}; }
    static Expected country(std::string v) { return {"country", std::move(v)}; }
    static Expected work(std::string v) { return {"work", std::move(v)}; }
    static Expected source(std::string v) { return {"source", std::move(v)}; }
    static Expected format(std::string v) { return {"format", std::move(v)}; }
    static Expected year(int v) { return {"year", std::to_string(v)}; }
};

/// doc's metadata field called field, as text; nullopt for a name Meta does not make.
inline std::optional<std::string> field_text(const Document& doc, std::string_view field) {
    const char* const names[] = {"symbol", "title",        "body",        "session",    "date",
                                 "lang",   "distribution", "agenda_item", "job_number", "country",
                                 "work",   "source",       "format",      "year"};
    const std::string held[] = {doc.symbol,       doc.title,
                                doc.body,         std::to_string(doc.session),
                                doc.date,         doc.lang,
                                doc.distribution, doc.agenda_item,
                                doc.job_number,   doc.country,
                                doc.work,         doc.source,
                                doc.format,       std::to_string(doc.year())};
    static_assert(std::size(names) == std::size(held));
    for (std::size_t i = 0; i < std::size(names); ++i) {
        if (field == names[i]) return held[i];
    }
    return std::nullopt;
}

/// Checks each expected field against doc (EXPECT_EQ: every mismatch is reported):
/// expect_metadata(doc, {Meta::symbol("A/1"), Meta::lang("fr")}).
// The caller's file and line come from __builtin_FILE and __builtin_LINE as default arguments
// (GCC and Clang both have them; Debian 12's Clang has no std::source_location).
inline void expect_metadata(const Document& doc, std::initializer_list<Expected> expected,
                            const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
    const ::testing::ScopedTrace trace(file, line, "expect_metadata");
    for (const Expected& e : expected) {
        EXPECT_EQ(field_text(doc, e.field), e.value) << e.field;
    }
}

/// A paragraph's footnotes as "marker text" each, to compare whole.
inline std::vector<std::string> footnotes_of(const Paragraph& p) {
    std::vector<std::string> out;
    for (const Footnote& f : p.footnotes) out.push_back(f.marker + " " + f.text);
    return out;
}

/// One paragraph as a test expects it.
struct ParagraphRow {
    ParagraphKind kind;
    std::string number, text;
    std::vector<std::string> headings;
};

/// Checks that doc has exactly rows' paragraphs: kind, number, text and headings of each.
/// A wrong count is a fatal failure (wrap the call in ASSERT_NO_FATAL_FAILURE to stop there).
inline void expect_paragraphs(const Document& doc, const std::vector<ParagraphRow>& rows,
                              const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
    const ::testing::ScopedTrace trace(file, line, "expect_paragraphs");
    ASSERT_EQ(doc.paragraphs.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(doc.paragraphs[i].kind, rows[i].kind);
        EXPECT_EQ(doc.paragraphs[i].number, rows[i].number);
        EXPECT_EQ(doc.paragraphs[i].text, rows[i].text);
        EXPECT_EQ(doc.paragraphs[i].headings, rows[i].headings);
    }
}

}  // namespace plenary::testing
