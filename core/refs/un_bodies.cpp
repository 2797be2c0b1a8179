#include "refs/un_bodies.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "model/schema.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

char lower_ascii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equal_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
}

/// {"en": ["..."], ...} as a map; every form a non-empty string.
std::map<std::string, std::vector<std::string>, std::less<>> read_forms(const nlohmann::json& j,
                                                                        const std::string& what) {
    std::map<std::string, std::vector<std::string>, std::less<>> out;
    for (const auto& [lang, forms] : j.items()) {
        for (const auto& form : forms) {
            const auto s = form.get<std::string>();
            if (s.empty()) throw SchemaError(what + ": empty name form in '" + lang + "'");
            out[lang].push_back(s);
        }
    }
    return out;
}

/// One entry of "series": a bare first part ("A") or {"prefix": "E/ESCAP", "name": "..."}.
UnSeries read_series(const nlohmann::json& j) {
    UnSeries series;
    if (j.is_string()) {
        series.prefix = j.get<std::string>();
        if (series.prefix.find('/') != std::string::npos)
            throw SchemaError("'" + series.prefix + "' is not a series");
    } else {
        series.prefix = j.at("prefix").get<std::string>();
        series.name = j.value("name", std::string());
    }
    if (series.prefix.empty() || series.prefix.front() == '/' || series.prefix.back() == '/')
        throw SchemaError("'" + series.prefix + "' is not a series");
    return series;
}

/// True if the symbol's part starts with the prefix's part as written or before a dot.
bool part_matches(std::string_view symbol_part, std::string_view prefix_part) {
    if (!symbol_part.starts_with(prefix_part)) return false;
    return symbol_part.size() == prefix_part.size() || symbol_part[prefix_part.size()] == '.';
}

/// The number of parts of prefix that start symbol, part by part; 0 if it does not start it.
std::size_t prefix_parts(std::string_view symbol, std::string_view prefix) {
    std::size_t parts = 0;
    while (!prefix.empty()) {
        const std::size_t ps = prefix.find('/');
        const std::size_t ss = symbol.find('/');
        if (!part_matches(symbol.substr(0, ss), prefix.substr(0, ps))) return 0;
        ++parts;
        if (ps == std::string_view::npos) break;
        if (ss == std::string_view::npos) return 0;
        prefix.remove_prefix(ps + 1);
        symbol.remove_prefix(ss + 1);
    }
    return parts;
}

UnBody read_body(const nlohmann::json& j) {
    UnBody body;
    body.code = j.at("code").get<std::string>();
    if (body.code.empty()) throw SchemaError("a body has an empty code");
    body.code_is_prefix = j.value("code_is_prefix", false);
    body.principal = j.value("principal", false);
    body.names = read_forms(j.at("names"), body.code);
    if (body.names_in("en").empty()) throw SchemaError(body.code + " has no English name");
    if (j.contains("stems")) body.stems = read_forms(j.at("stems"), body.code);
    if (j.contains("abbreviations"))
        body.abbreviations = j.at("abbreviations").get<std::vector<std::string>>();
    return body;
}

}  // namespace

const std::vector<std::string>& UnBody::names_in(std::string_view lang) const {
    static const std::vector<std::string> none;
    const auto it = names.find(lang);
    return it == names.end() ? none : it->second;
}

UnBodies UnBodies::load(const std::string& dir) {
    const std::string path = (fs::path(dir) / "un_bodies.json").string();
    std::ifstream in(path);
    if (!in) throw SchemaError(path + ": cannot open the table of UN bodies");
    UnBodies out;
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        for (const auto& s : j.at("series")) {
            UnSeries series = read_series(s);
            out.m_series.insert(series.prefix.substr(0, series.prefix.find('/')));
            out.m_series_table.push_back(std::move(series));
        }
        for (const auto& b : j.at("bodies")) out.m_bodies.push_back(read_body(b));
    } catch (const nlohmann::json::exception& e) {
        throw SchemaError(path + ": " + e.what());
    } catch (const SchemaError& e) {
        throw SchemaError(path + ": " + e.what());
    }
    return out;
}

const UnBodies& UnBodies::instance() {
    // Never destroyed: a process's exit need not free the table.
    static const UnBodies* table = new UnBodies(load(Schema::default_schema_dir()));
    return *table;
}

bool UnBodies::is_principal(std::string_view code) const {
    const UnBody* body = find(code);
    return body && body->principal && body->code == code;
}

const UnBody* UnBodies::find(std::string_view code) const {
    for (const UnBody& b : m_bodies)
        if (!b.code_is_prefix && b.code == code) return &b;
    for (const UnBody& b : m_bodies)
        if (b.code_is_prefix && code.starts_with(b.code)) return &b;
    return nullptr;
}

const UnSeries* UnBodies::series_of(std::string_view symbol) const {
    const UnSeries* best = nullptr;
    std::size_t best_parts = 0;
    for (const UnSeries& s : m_series_table) {
        const std::size_t parts = prefix_parts(symbol, s.prefix);
        if (parts > best_parts) {
            best = &s;
            best_parts = parts;
        }
    }
    return best;
}

bool UnBodies::is_sub_series(std::string_view first, std::string_view second) const {
    for (const UnSeries& s : m_series_table) {
        const std::string_view p = s.prefix;
        if (p.size() == first.size() + 1 + second.size() && p.starts_with(first) &&
            p[first.size()] == '/' && p.ends_with(second))
            return true;
    }
    return false;
}

const UnBody* UnBodies::named(std::string_view name) const {
    for (const UnBody& b : m_bodies) {
        if (b.code_is_prefix) continue;
        for (const std::string& form : b.names_in("en"))
            if (equal_nocase(form, name)) return &b;
    }
    return nullptr;
}

}  // namespace plenary
