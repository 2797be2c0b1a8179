// The UN bodies and document series of schemas/un_bodies.json: one table that the symbol
// scanner, the citation reader, the readers' mastheads, the query parser and the facet labels
// all read, so they agree on what a symbol is and on which body a name stands for.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plenary {

/// One UN body: its code and the forms of its name in the languages where text is read for it.
struct UnBody {
    std::string code;  ///< organ code and symbol prefix: "A", "A/HRC", "E/CN.7", "CTOC/COP"
    bool code_is_prefix =
        false;  ///< code starts a family of codes ("NPT/CONF." for "NPT/CONF.2015")
    bool principal =
        false;  ///< a principal organ whose symbols start with its code (A, S, E, T, ST)
    /// Name forms by language code, as printed ("Security Council", "Совета Безопасности");
    /// names.at("en").front() is the display name.
    std::map<std::string, std::vector<std::string>, std::less<>> names;
    /// Fragments of the name that survive its inflection ("Безопасности"), by language code.
    std::map<std::string, std::vector<std::string>, std::less<>> stems;
    std::vector<std::string> abbreviations;  ///< whole words that stand for it ("ECOSOC", "UNSC")

    /// The name forms in one language; empty if there are none.
    const std::vector<std::string>& names_in(std::string_view lang) const;
    /// The English name people read ("Human Rights Council").
    const std::string& display_name() const { return names.at("en").front(); }
};

/// One document series: the leading parts of its symbols and who issues them.
struct UnSeries {
    std::string prefix;  ///< upper case, '/'-separated: "UNCTAD", "E/ESCAP", "ST/SGB"
    std::string name;    ///< the body or series in English; empty when the table gives none
};

/// The table of schemas/un_bodies.json.
class UnBodies {
  public:
    /// Loads un_bodies.json from dir; throws SchemaError naming the file and the problem.
    static UnBodies load(const std::string& dir);
    /// The table of Schema::default_schema_dir(), loaded once on first use (thread-safe).
    static const UnBodies& instance();

    /// Every body, in the file's order.
    const std::vector<UnBody>& bodies() const { return m_bodies; }
    /// Every series that starts a symbol, upper case.
    const std::set<std::string, std::less<>>& series() const { return m_series; }
    /// True if s (upper case) is a series that starts a symbol ("A", "CTOC", "NPT").
    bool is_series(std::string_view s) const { return m_series.count(s) != 0; }
    /// Every series of the table, in the file's order.
    const std::vector<UnSeries>& series_table() const { return m_series_table; }
    /// The series whose prefix starts symbol with the most parts, a part matching as written or
    /// before a dot ("A/C" starts "A/C.3/74/L.12"); nullptr when none does.
    const UnSeries* series_of(std::string_view symbol) const;
    /// True if "first/second" (upper case) is a listed prefix ("E", "ESCAP"; "A", "HRC").
    bool is_sub_series(std::string_view first, std::string_view second) const;
    /// True if code is a principal organ's (A, S, E, T, ST).
    bool is_principal(std::string_view code) const;
    /// The body of a code: the one with that code, else one whose code_is_prefix starts it.
    const UnBody* find(std::string_view code) const;
    /// The body (with a code of its own) whose English name is name, ignoring ASCII case.
    const UnBody* named(std::string_view name) const;

  private:
    std::vector<UnBody> m_bodies;
    std::set<std::string, std::less<>> m_series;
    std::vector<UnSeries> m_series_table;
};

}  // namespace plenary
