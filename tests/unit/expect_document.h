// What reader tests check of a Document: the metadata fields a test names, and its paragraphs
// row by row. Failures name the field (or the row) and the line of the check that called.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <iterator>
#include <optional>
#include <source_location>
#include <string>
#include <vector>

#include "model/document.h"

namespace plenary::testing {

/// The metadata a test expects; a field left unset is not checked. Fields are in Document's
/// order (designated initialisers must follow it; {} spares the unset ones a warning); year is
/// checked through Document::year().
struct Metadata {
    std::optional<std::string> symbol{}, title{}, body{};
    std::optional<int> session{};
    std::optional<std::string> date{}, lang{}, distribution{}, agenda_item{}, job_number{},
        country{}, work{}, source{}, format{};
    std::optional<int> year{};
};

/// Checks each field want sets against doc, as text (EXPECT_EQ: every mismatch is reported).
inline void expect_metadata(const Document& doc, const Metadata& want,
                            std::source_location where = std::source_location::current()) {
    const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()),
                                       "expect_metadata");
    const auto text = [](std::optional<int> n) {
        return n ? std::optional<std::string>(std::to_string(*n)) : std::nullopt;
    };
    // Each field's name, what doc holds and what want expects, as text, in Document's order.
    const char* const names[] = {"symbol", "title",        "body",        "session",    "date",
                                 "lang",   "distribution", "agenda_item", "job_number", "country",
                                 "work",   "source",       "format",      "year()"};
    const std::string held[] = {doc.symbol,       doc.title,
                                doc.body,         std::to_string(doc.session),
                                doc.date,         doc.lang,
                                doc.distribution, doc.agenda_item,
                                doc.job_number,   doc.country,
                                doc.work,         doc.source,
                                doc.format,       std::to_string(doc.year())};
    const std::optional<std::string> wanted[] = {
        want.symbol, want.title,        want.body,        text(want.session), want.date,
        want.lang,   want.distribution, want.agenda_item, want.job_number,    want.country,
        want.work,   want.source,       want.format,      text(want.year)};
    static_assert(std::size(names) == std::size(held) && std::size(held) == std::size(wanted));
    for (std::size_t i = 0; i < std::size(names); ++i) {
        if (wanted[i]) {
            EXPECT_EQ(held[i], *wanted[i]) << names[i];
        }
    }
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
                              std::source_location where = std::source_location::current()) {
    const ::testing::ScopedTrace trace(where.file_name(), static_cast<int>(where.line()),
                                       "expect_paragraphs");
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
