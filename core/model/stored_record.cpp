#include "model/stored_record.h"

#include <nlohmann/json.hpp>

#include "model/index_format.h"

namespace plenary {

namespace {

nlohmann::json parse_object(std::string_view data) {
    nlohmann::json j = nlohmann::json::parse(data.begin(), data.end(), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::string str(const nlohmann::json& j, const char* key) {
    if (auto it = j.find(key); it != j.end() && it->is_string()) return it->get<std::string>();
    return {};
}

}  // namespace

void decode_document_record(std::string_view json, DocumentInfo& d) {
    const nlohmann::json j = parse_object(json);
    d.symbol = str(j, "symbol");
    d.title = str(j, "title");
    d.date = str(j, "date");
    d.lang = str(j, "lang");
    d.body = str(j, "body");
    d.country = str(j, "country");
    d.source = str(j, "source");
    d.work = str(j, "work");
    d.agenda_item = str(j, "agenda_item");
    if (auto s = j.find("session"); s != j.end() && s->is_number_integer())
        d.session = s->get<int>();
}

ParagraphView decode_paragraph_record(std::string_view json) {
    const nlohmann::json j = parse_object(json);
    ParagraphView v;
    v.id = str(j, "id");
    v.ordinal = paragraph_ordinal(v.id);
    v.number = str(j, "number");
    v.kind = str(j, "kind");
    v.headings = strings(j, "headings");
    v.text = str(j, "text");
    v.anchor = str(j, "anchor");
    if (auto f = j.find("footnotes"); f != j.end() && f->is_array())
        for (const auto& n : *f) v.footnotes.emplace_back(str(n, "marker"), str(n, "text"));
    v.resolutions = strings(j, "resolutions");
    v.decisions = strings(j, "decisions");
    v.symbols = strings(j, "symbols");
    v.countries = strings(j, "countries");
    v.demonyms = strings(j, "demonyms");
    v.charter = strings(j, "charter");
    if (auto s = j.find("sessions"); s != j.end() && s->is_array())
        for (const auto& n : *s)
            if (n.is_number_integer()) v.sessions.push_back(n.get<int>());
    if (auto s = j.find("subjects"); s != j.end() && s->is_array())
        for (const auto& n : *s) {
            // "LABEL<TAB>URI" as the indexer stores it (paragraph_json's compact form).
            const std::string one = n.is_string() ? n.get<std::string>() : std::string();
            const auto tab = one.find('\t');
            if (tab != std::string::npos)
                v.subjects.push_back({one.substr(0, tab), one.substr(tab + 1)});
        }
    return v;
}

}  // namespace plenary
