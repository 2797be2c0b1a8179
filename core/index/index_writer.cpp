#include "index/index_writer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/text_util.h"
#include "index/copies.h"
#include "model/document_json.h"
#include "model/sort_order.h"
#include "refs/symbols.h"

namespace plenary {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxTermLength = 240;  // Xapian's limit is 245 bytes.

std::string join_lines(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += '\n';
        out += v;
    }
    return out;
}

void add_unique(std::vector<std::string>& out, const std::string& v) {
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

std::string hex64(std::uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[i] = digits[v & 15];
        v >>= 4;
    }
    return out;
}

std::string file_key(const std::string& absolute_path) {
    return hex64(content_hash(absolute_path)).substr(0, 12);
}

DocumentBuilder::DocumentBuilder(const Schema& schema) : m_schema(schema) {}

Analyzer& DocumentBuilder::analyzer_for(const std::string& lang) {
    if (!m_analyzer || lang != m_lang) {
        m_analyzer.emplace(lang);
        m_lang = lang;
    }
    return *m_analyzer;
}

namespace {

/// What every paragraph of one document shares.
struct DocContext {
    std::string key;      ///< file_key of the source
    std::string doc_key;  ///< the symbol, else the file name's stem
    int year = 0;
    std::string work;        ///< shared by language versions of one work
    std::string date_value;  ///< YYYYMMDD, or YYYY0000 for a year alone
    std::string doc_base;    ///< the own symbol's base (no Add/Corr/Rev, no reissue star)
};

DocContext doc_context(const Document& doc) {
    DocContext c;
    c.key = file_key(doc.source);
    c.doc_key = !doc.symbol.empty() ? doc.symbol : fs::path(doc.source).stem().string();
    c.year = doc.year();
    // Language versions of one work share this key (the symbol, else the file name's work key).
    c.work = !doc.work.empty() ? doc.work : doc.symbol;
    if (doc.date.size() >= 10)
        c.date_value = doc.date.substr(0, 4) + doc.date.substr(5, 2) + doc.date.substr(8, 2);
    else if (c.year > 0)
        c.date_value = std::to_string(c.year) + "0000";
    // The own symbol's base, as symbol: queries spell it.
    c.doc_base = doc.symbol;
    if (const auto parsed = parse_symbol(doc.symbol)) c.doc_base = parsed->base;
    return c;
}

void add_term(Xapian::Document& xd, const std::string& term) {
    if (term.size() <= kMaxTermLength) xd.add_boolean_term(term);
}

/// The document's own terms, the same on each of its paragraphs.
void add_document_terms(Xapian::Document& xd, const Schema& s, const Document& doc,
                        const DocContext& c) {
    add_term(xd, s.term("file", c.key));
    add_term(xd, s.term("document", c.doc_key));
    if (!doc.symbol.empty()) {
        add_term(xd, s.term("doc", doc.symbol));
        add_term(xd, s.term("doc_base", c.doc_base));
    }
    if (!doc.body.empty()) add_term(xd, s.term("body", doc.body));
    if (doc.session > 0) add_term(xd, s.term("session", std::to_string(doc.session)));
    if (c.year > 0) add_term(xd, s.term("year", std::to_string(c.year)));
    if (!doc.lang.empty()) add_term(xd, s.term("lang", doc.lang));
    if (!doc.country.empty()) add_term(xd, s.term("speaker", doc.country));
    if (!c.work.empty()) add_term(xd, s.term("work", c.work));
}

/// The terms of what paragraph p cites; fills the resolutions and decisions it names, in order.
void add_reference_terms(Xapian::Document& xd, const Schema& s, const References& r,
                         std::vector<std::string>& resolutions,
                         std::vector<std::string>& decisions) {
    for (const auto& sym : r.symbols) add_term(xd, s.term("symbol", sym));
    for (const auto& base : r.symbol_bases) add_term(xd, s.term("symbol_base", base));
    for (const auto& res : r.resolutions) {
        if (res.decision) {
            add_term(xd, s.term("decision", res.id));
            add_unique(decisions, res.id);
        } else {
            add_term(xd, s.term("resolution", res.id));
            add_unique(resolutions, res.id);
        }
        // The number without its body: "A/RES/73/195" -> "73/195".
        const auto pos = res.id.find(res.decision ? "/DEC/" : "/RES/");
        if (pos != std::string::npos)
            add_term(xd, s.term("resolution_number", res.id.substr(pos + 5)));
    }
    // The organ or series of each symbol and resolution cited: organ:A/HRC, organ:S.
    for (const auto& sym : r.symbols)
        if (const auto parsed = parse_symbol(sym); parsed && !parsed->organ.empty())
            add_term(xd, s.term("organ", parsed->organ));
    for (const auto& res : r.resolutions)
        if (const auto parsed = parse_symbol(res.id); parsed && !parsed->organ.empty())
            add_term(xd, s.term("organ", parsed->organ));
    for (const auto& c : r.countries) add_term(xd, s.term("country", c));
    for (const auto& c : r.demonyms) add_term(xd, s.term("demonym", c));
    for (int n : r.sessions) add_term(xd, s.term("mentioned_session", std::to_string(n)));
    for (const auto& c : r.charter) add_term(xd, s.term("charter", c));
    // subject:"trafficking in persons" and the facet value "TRAFFICKING IN PERSONS" alike.
    for (const auto& subject : r.subjects) add_term(xd, s.term("subject", fold(subject.label)));
}

/// The value slots of one paragraph. A facet field's values go into the one "facets" slot; a
/// field has a slot of its own in the schema only where something reads it alone (sorting,
/// ranges, grouping, alignment).
void set_values(Xapian::Document& xd, const Schema& s, const Document& doc, const DocContext& c,
                const References& r, std::size_t ordinal,
                const std::vector<std::string>& resolutions,
                const std::vector<std::string>& decisions) {
    std::vector<std::pair<const Field*, std::string>> facet_values;
    auto set_value = [&](const char* field, const std::string& v) {
        const Field& f = s.field(field);
        if (f.facet) facet_values.emplace_back(&f, v);
        if (f.slot && !v.empty()) xd.add_value(*f.slot, v);
    };
    if (!c.date_value.empty()) set_value("date", c.date_value);
    if (c.year > 0) set_value("year", std::to_string(c.year));
    set_value("doc", doc.symbol);
    set_value("document", c.doc_key);
    set_value("body", doc.body);
    if (doc.session > 0) set_value("session", std::to_string(doc.session));
    set_value("lang", doc.lang);
    set_value("speaker", doc.country);
    set_value("work", c.work);
    xd.add_value(*s.field("order").slot, Xapian::sortable_serialise(static_cast<double>(ordinal)));
    xd.add_value(*s.field("date_order").slot, date_order_key(c.date_value));
    xd.add_value(*s.field("symbol_order").slot, symbol_order_key(doc.symbol));
    xd.add_value(*s.field("tie").slot, paragraph_tie_key(c.key, ordinal));
    set_value("country", join_lines(r.countries));
    set_value("demonym", join_lines(r.demonyms));
    set_value("symbol", join_lines(r.symbols));
    set_value("resolution", join_lines(resolutions));
    set_value("decision", join_lines(decisions));
    set_value("charter", join_lines(r.charter));
    std::vector<std::string> subjects;
    for (const auto& subject : r.subjects) subjects.push_back(subject.label);
    set_value("subject", join_lines(subjects));
    // All facet values in one slot, read once per match when facets are counted.
    std::string all_facets;
    bool first = true;
    for (const Field& f : s.fields()) {
        if (!f.facet) continue;
        if (!first) all_facets += '\x1f';
        first = false;
        for (const auto& [field, v] : facet_values)
            if (field == &f) all_facets += v;
    }
    xd.add_value(*s.field("facets").slot, all_facets);
}

/// The stored record: the id carries the file key and the ordinal; empty fields are left out.
std::string stored_record(const Paragraph& p, const std::string& id) {
    nlohmann::json data = paragraph_json(p, true);
    data["id"] = id;
    data.erase("resolution_bodies");
    for (const char* k : {"footnotes", "headings", "sessions", "demonyms", "decisions",
                          "resolutions", "symbols", "countries", "charter"})
        if (data[k].empty()) data.erase(k);
    if (data["number"].get<std::string>().empty()) data.erase("number");
    return data.dump();
}

}  // namespace

std::vector<Xapian::Document> DocumentBuilder::build(const Document& doc) {
    const Schema& s = m_schema;
    const DocContext c = doc_context(doc);
    Analyzer& analyzer = analyzer_for(doc.lang);
    std::vector<Xapian::Document> out;
    out.reserve(doc.paragraphs.size());
    std::size_t ordinal = 0;
    for (const Paragraph& p : doc.paragraphs) {
        ++ordinal;
        Xapian::Document xd;
        analyzer.start(xd);
        analyzer.index_text(p.text);
        for (const Footnote& f : p.footnotes) {
            analyzer.gap();
            analyzer.index_text(f.text);
        }
        if (!doc.title.empty()) analyzer.index_words(doc.title, s.field("title").prefix);
        for (const auto& h : p.headings) analyzer.index_words(h, s.field("heading").prefix);

        const std::string id = paragraph_id(c.key, ordinal);
        add_term(xd, s.term("id", id));
        add_document_terms(xd, s, doc, c);
        if (!p.anchor.empty()) add_term(xd, s.term("anchor", p.anchor));
        if (!p.number.empty()) add_term(xd, s.term("para", p.number));
        add_term(xd, s.term("kind", to_string(p.kind)));
        std::vector<std::string> resolutions, decisions;
        add_reference_terms(xd, s, p.refs, resolutions, decisions);
        set_values(xd, s, doc, c, p.refs, ordinal, resolutions, decisions);
        xd.set_data(stored_record(p, id));
        out.push_back(std::move(xd));
    }
    return out;
}

std::string extraction_key(const std::string& thesaurus_fingerprint) {
    const std::string version = std::to_string(kExtractionVersion);
    return thesaurus_fingerprint.empty() ? version : version + "+" + thesaurus_fingerprint;
}

namespace {
std::string record_key(const std::string& path) {
    return kFileRecordPrefix + file_key(path);
}

// "x<extraction key>\t" then hash, mtime, size, paragraphs and path; a record without the
// leading "x" (a hex hash never starts with one) was written before keys were kept.
std::string encode_record(const FileRecord& r) {
    return 'x' + r.extraction + '\t' + hex64(r.hash) + '\t' + std::to_string(r.mtime) + '\t' +
           std::to_string(r.size) + '\t' + std::to_string(r.paragraphs) + '\t' + r.path;
}

std::optional<FileRecord> decode_record(std::string_view line) {
    FileRecord r;
    if (!line.empty() && line[0] == 'x') {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) return std::nullopt;
        r.extraction = std::string(line.substr(1, tab - 1));
        line.remove_prefix(tab + 1);
    }
    const std::string v(line);
    std::size_t a = v.find('\t'), b = v.find('\t', a + 1), c = v.find('\t', b + 1),
                d = v.find('\t', c + 1);
    if (d == std::string::npos) return std::nullopt;
    try {
        r.hash = std::stoull(v.substr(0, a), nullptr, 16);
        r.mtime = std::stoll(v.substr(a + 1, b - a - 1));
        r.size = std::stoull(v.substr(b + 1, c - b - 1));
        r.paragraphs = static_cast<std::uint32_t>(std::stoul(v.substr(c + 1, d - c - 1)));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    r.path = v.substr(d + 1);
    return r;
}

Xapian::WritableDatabase open_writable(const std::string& path, bool overwrite) {
    try {
        std::error_code ec;
        fs::create_directories(path, ec);
        return Xapian::WritableDatabase(
            path, overwrite ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        if (std::string why = database_access_problem(path, true); !why.empty())
            throw DatabaseError(why);
        throw DatabaseError(path +
                            ": the database is locked by another indexer; wait for it to "
                            "finish or stop it");
    } catch (const Xapian::Error& e) {
        if (std::string why = database_access_problem(path, true); !why.empty())
            throw DatabaseError(why);
        throw DatabaseError(path +
                            ": cannot open the database for writing: " + e.get_description());
    }
}
}  // namespace

IndexWriter::IndexWriter(const std::string& path, bool overwrite)
    : m_path(path), m_db(open_writable(path, overwrite)), m_schema(Schema::instance()) {}

std::optional<FileRecord> IndexWriter::record(const std::string& path) const {
    const std::string v = m_db.get_metadata(record_key(path));
    if (v.empty()) return std::nullopt;
    auto r = decode_record(v);
    if (r && r->path != path) return std::nullopt;
    return r;
}

std::vector<FileRecord> file_records(const Xapian::Database& db) {
    std::vector<FileRecord> out;
    for (auto it = db.metadata_keys_begin(kFileRecordPrefix);
         it != db.metadata_keys_end(kFileRecordPrefix); ++it) {
        if (auto r = decode_record(db.get_metadata(*it))) out.push_back(std::move(*r));
    }
    return out;
}

std::vector<FileRecord> IndexWriter::records() const {
    return file_records(m_db);
}

void IndexWriter::replace_file(const FileRecord& rec, const std::string& meta_json,
                               std::vector<Xapian::Document>& docs,
                               const std::string& copy_signature) {
    const std::string key = file_key(rec.path);
    m_db.begin_transaction(false);
    m_db.delete_document(m_schema.term("file", key));
    for (auto& d : docs) m_db.add_document(d);
    m_db.set_metadata(document_meta_key(key), meta_json);
    m_db.set_metadata(record_key(rec.path), encode_record(rec));
    m_db.set_metadata(kCopySignaturePrefix + key, copy_signature);
    m_db.set_metadata(shadow_meta_key(key), "");  // the new paragraphs are not marked yet
    m_db.commit_transaction();
}

std::string IndexWriter::shard_spec() const {
    return m_db.get_metadata(kShardSpecKey);
}

void IndexWriter::stamp_format() {
    m_db.set_metadata(kFormatVersionKey, std::to_string(kIndexFormatVersion));
    m_db.set_metadata(kExtractionVersionKey, std::to_string(kExtractionVersion));
    m_db.set_metadata(kSchemaKey, schema_signature(m_schema));
}

void IndexWriter::set_shard_spec(const std::string& spec) {
    m_db.set_metadata(kShardSpecKey, spec);
}

std::size_t IndexWriter::resolve_copies() {
    std::vector<CopySignature> sigs;
    for (auto it = m_db.metadata_keys_begin(kCopySignaturePrefix);
         it != m_db.metadata_keys_end(kCopySignaturePrefix); ++it) {
        auto sig = CopySignature::decode(m_db.get_metadata(*it));
        if (!sig) continue;
        sig->file_key = (*it).substr(std::string_view(kCopySignaturePrefix).size());
        sigs.push_back(std::move(*sig));
    }
    std::vector<bool> shadowed(sigs.size(), false);
    std::vector<std::string> copies(sigs.size());
    for (const auto& group : find_copies(sigs)) {
        std::string paths;
        for (const std::size_t i : group) paths += (paths.empty() ? "" : "\n") + sigs[i].path;
        for (std::size_t g = 0; g < group.size(); ++g) {
            shadowed[group[g]] = g > 0;
            copies[group[g]] = paths;
        }
    }
    const std::string mark = m_schema.term("shadowed", "1");
    std::size_t changed = 0;
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        const std::string& key = sigs[i].file_key;
        if (m_db.get_metadata(copies_meta_key(key)) != copies[i])
            m_db.set_metadata(copies_meta_key(key), copies[i]);
        const bool was = m_db.get_metadata(shadow_meta_key(key)) == "1";
        if (was == shadowed[i]) continue;
        const std::string file_term = m_schema.term("file", key);
        std::vector<Xapian::docid> ids(m_db.postlist_begin(file_term),
                                       m_db.postlist_end(file_term));
        m_db.begin_transaction(false);
        for (const Xapian::docid id : ids) {
            Xapian::Document d = m_db.get_document(id);
            if (shadowed[i])
                d.add_boolean_term(mark);
            else
                d.remove_term(mark);
            m_db.replace_document(id, d);
        }
        m_db.set_metadata(shadow_meta_key(key), shadowed[i] ? "1" : "");
        m_db.commit_transaction();
        ++changed;
    }
    return changed;
}

void IndexWriter::update_record(const FileRecord& rec) {
    m_db.set_metadata(record_key(rec.path), encode_record(rec));
}

void IndexWriter::remove_file(const std::string& path) {
    const std::string key = file_key(path);
    m_db.begin_transaction(false);
    m_db.delete_document(m_schema.term("file", key));
    m_db.set_metadata(document_meta_key(key), "");
    m_db.set_metadata(record_key(path), "");
    m_db.set_metadata(kCopySignaturePrefix + key, "");
    m_db.set_metadata(shadow_meta_key(key), "");
    m_db.set_metadata(copies_meta_key(key), "");
    m_db.commit_transaction();
}

void IndexWriter::commit() {
    try {
        m_db.commit();
    } catch (const Xapian::Error& e) {
        throw DatabaseError(failed_database_write(m_path + ": cannot commit", e.get_description()));
    }
}

Xapian::doccount IndexWriter::paragraph_count() const {
    return m_db.get_doccount();
}

void IndexWriter::close() {
    try {
        m_db.close();
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot close the database: " + e.get_description());
    }
}

}  // namespace plenary
