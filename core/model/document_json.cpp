#include "model/document_json.h"

namespace plenary {

nlohmann::json document_meta_json(const Document& doc) {
    nlohmann::json j;
    j["symbol"] = doc.symbol;
    j["title"] = doc.title;
    j["body"] = doc.body;
    j["session"] = doc.session;
    j["date"] = doc.date;
    j["year"] = doc.year();
    j["lang"] = doc.lang;
    j["distribution"] = doc.distribution;
    if (!doc.adopted.empty()) j["adopted"] = doc.adopted;
    if (!doc.meeting.empty()) j["meeting"] = doc.meeting;
    if (!doc.draft.empty()) j["draft"] = doc.draft;
    j["agenda_item"] = doc.agenda_item;
    j["job_number"] = doc.job_number;
    j["country"] = doc.country;
    if (!doc.work.empty()) j["work"] = doc.work;
    j["source"] = doc.source;
    j["format"] = doc.format;
    return j;
}

nlohmann::json paragraph_json(const Paragraph& p, bool compact_subjects) {
    nlohmann::json j;
    j["number"] = p.number;
    j["headings"] = p.headings;
    j["text"] = p.text;
    auto& notes = j["footnotes"] = nlohmann::json::array();
    for (const auto& f : p.footnotes) notes.push_back({{"marker", f.marker}, {"text", f.text}});
    j["kind"] = to_string(p.kind);
    j["line"] = p.line;
    if (!p.anchor.empty()) j["anchor"] = p.anchor;
    auto& res = j["resolutions"] = nlohmann::json::array();
    auto& dec = j["decisions"] = nlohmann::json::array();
    for (const auto& r : p.refs.resolutions) (r.decision ? dec : res).push_back(r.id);
    j["resolution_bodies"] = nlohmann::json::array();
    for (const auto& r : p.refs.resolutions)
        if (!r.decision) j["resolution_bodies"].push_back(r.body);
    j["symbols"] = p.refs.symbols;
    j["countries"] = p.refs.countries;
    j["demonyms"] = p.refs.demonyms;
    j["sessions"] = p.refs.sessions;
    j["charter"] = p.refs.charter;
    if (p.refs.subjects.empty()) return j;  // without a thesaurus, the JSON is as it was
    auto& subjects = j["subjects"] = nlohmann::json::array();
    for (const auto& s : p.refs.subjects) {
        if (compact_subjects)
            subjects.push_back(s.label + '\t' + s.uri);
        else
            subjects.push_back({{"label", s.label}, {"uri", s.uri}});
    }
    return j;
}

nlohmann::json dump_json(const Document& doc) {
    nlohmann::json j;
    j["document"] = document_meta_json(doc);
    auto& paras = j["paragraphs"] = nlohmann::json::array();
    for (const auto& p : doc.paragraphs) paras.push_back(paragraph_json(p));
    return j;
}

}  // namespace plenary
