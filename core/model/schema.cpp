#include "model/schema.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "base/error.h"

#ifndef PLENARY_SCHEMA_DIR
#define PLENARY_SCHEMA_DIR "schemas"
#endif

namespace plenary {

namespace fs = std::filesystem;

Schema Schema::load(const std::string& dir) {
    const std::string path = (fs::path(dir) / "fields.json").string();
    std::ifstream in(path);
    if (!in) throw SchemaError(path + ": cannot open the field schema");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw SchemaError(path + ": " + e.what());
    }
    Schema schema;
    std::set<std::string> names, prefixes;
    std::set<Xapian::valueno> slots;
    try {
        for (const auto& f : j.at("fields")) {
            Field field;
            field.name = f.at("name").get<std::string>();
            field.has_prefix = !f.at("prefix").is_null();
            if (field.has_prefix) field.prefix = f.at("prefix").get<std::string>();
            if (!f.at("slot").is_null()) field.slot = f.at("slot").get<Xapian::valueno>();
            field.analyzer = f.at("analyzer").get<std::string>();
            field.stored = f.value("stored", false);
            field.sortable = f.value("sortable", false);
            field.filter = f.value("filter", false);
            field.facet = f.value("facet", false);
            field.multi = f.value("multi", false);
            field.description = f.value("description", "");
            if (!names.insert(field.name).second)
                throw SchemaError(path + ": field '" + field.name + "' is declared twice");
            if (field.has_prefix && !field.prefix.empty() && !prefixes.insert(field.prefix).second)
                throw SchemaError(path + ": prefix '" + field.prefix + "' is used twice");
            if (field.slot && !slots.insert(*field.slot).second)
                throw SchemaError(path + ": value slot " + std::to_string(*field.slot) +
                                  " is used twice");
            schema.m_fields.push_back(std::move(field));
        }
    } catch (const nlohmann::json::exception& e) {
        throw SchemaError(path + ": " + e.what());
    }
    // Facets are counted from the one "facets" slot.
    const bool facets = std::any_of(schema.m_fields.begin(), schema.m_fields.end(),
                                    [](const Field& f) { return f.facet; });
    const auto all = std::find_if(schema.m_fields.begin(), schema.m_fields.end(),
                                  [](const Field& f) { return f.name == "facets"; });
    if (facets && (all == schema.m_fields.end() || !all->slot))
        throw SchemaError(path + ": facet fields need a 'facets' field with a value slot");
    return schema;
}

std::string Schema::default_schema_dir() {
    if (const char* env = std::getenv("PLENARY_SCHEMA_DIR"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "plenary" / "schemas";
        if (fs::exists(installed / "fields.json", ec)) return installed.string();
    }
    return PLENARY_SCHEMA_DIR;
}

const Schema& Schema::instance() {
    static const Schema schema = load(default_schema_dir());
    return schema;
}

const Field* Schema::find(const std::string& name) const {
    for (const auto& f : m_fields)
        if (f.name == name) return &f;
    return nullptr;
}

const Field& Schema::field(const std::string& name) const {
    if (const Field* f = find(name)) return *f;
    throw SchemaError("the schema has no field '" + name + "'");
}

std::string Schema::filter_names() const {
    std::string out;
    for (const auto& f : m_fields) {
        if (!f.filter) continue;
        if (!out.empty()) out += ", ";
        out += f.name;
    }
    return out;
}

std::string Schema::term(const std::string& field_name, const std::string& value) const {
    return field(field_name).prefix + value;
}

}  // namespace plenary
