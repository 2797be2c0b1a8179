// Country gazetteer: every name form in the six languages to ISO 3166-1 alpha-3.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

/// A country named in text.
struct CountryMatch {
    std::string code;       ///< ISO 3166-1 alpha-3 ("NER"); a few non-ISO codes for historic states
    bool demonym = false;   ///< named by demonym ("Nigerian"), not by name
    std::size_t begin = 0;  ///< byte offsets in the text
    std::size_t end = 0;
};

/// The gazetteer, loaded from schemas/gazetteer/ and ICU's CLDR data.
class Gazetteer {
  public:
    /// The gazetteer from Schema::default_schema_dir(). Its tables are built on first use, the
    /// name tables by find() and lookup(), the lighter display names by display_name(), so a
    /// process that names no country pays for neither (a one-shot query starts in
    /// milliseconds); a missing or malformed file then throws SchemaError at that first use.
    static const Gazetteer& instance();
    /// Loads from dir (schemas/) at once; throws SchemaError when files are missing or malformed.
    static Gazetteer load(const std::string& schema_dir);

    /// Every country and demonym in text, longest match first, traps resolved by context.
    std::vector<CountryMatch> find(std::string_view text) const;
    /// A code or any name form (any of the six languages, any case, with or without
    /// diacritics) to its alpha-3 code.
    std::optional<std::string> lookup(std::string_view name) const;
    /// Display name of code in lang (ISO 639-1); English when lang is unknown; code itself
    /// when the code is unknown.
    std::string display_name(const std::string& code, const std::string& lang = "en") const;

    struct Impl;
    struct Display;
    struct State;
    Gazetteer();
    ~Gazetteer();
    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;

  private:
    explicit Gazetteer(std::string schema_dir);
    const Impl& impl() const;
    const Display& display() const;
    std::unique_ptr<State> m_state;
};

}  // namespace plenary
