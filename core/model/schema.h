// Schema: the fields Plenary indexes, read from schemas/fields.json.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace plenary {

/// One field of the index, as declared in schemas/fields.json.
struct Field {
    std::string name;         ///< name used in queries and JSON ("country")
    std::string prefix;       ///< Xapian term prefix ("XC"); empty for free text without prefix
    bool has_prefix = false;  ///< false where the schema says prefix null (value-only fields)
    std::optional<Xapian::valueno> slot;  ///< value slot, if any
    std::string analyzer;                 ///< text, keyword, symbol, number, date
    bool stored = false;                  ///< kept in the paragraph's stored record
    bool sortable = false;                ///< usable with --sort
    bool filter = false;                  ///< usable as field:value in queries
    bool facet = false;                   ///< counted with --facet
    bool multi = false;                   ///< may hold several values per paragraph
    std::string description;              ///< one line for --help and documentation
};

/// The set of fields; both binaries load it once at start.
class Schema {
  public:
    /// Loads fields.json from dir; throws SchemaError naming the file and the problem.
    static Schema load(const std::string& dir);
    /// The schema from default_schema_dir(), loaded once.
    static const Schema& instance();
    /// $PLENARY_SCHEMA_DIR, else schemas/ beside the installed binary, else the source tree's.
    static std::string default_schema_dir();

    /// The field called name; throws SchemaError if there is none.
    const Field& field(const std::string& name) const;
    /// The field called name, or nullptr.
    const Field* find(const std::string& name) const;
    const std::vector<Field>& fields() const { return m_fields; }
    /// Names of the fields usable as field:value, comma-separated, for error messages.
    std::string filter_names() const;
    /// The term for a value of a field: prefix + value (values are stored folded by the caller).
    std::string term(const std::string& field_name, const std::string& value) const;

  private:
    std::vector<Field> m_fields;
};

}  // namespace plenary
