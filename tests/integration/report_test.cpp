// plenary-search report: the reports over small databases, the bundled corpus and, where
// ../shared is present, slices of corpus-real. Every entry's count is checked against the
// facet count of the same query, asked of the Searcher apart; speeches against counts taken
// from the files' names; documents against an order computed here.
#include "search/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "integration/test_support.h"
#include "refs/countries.h"
#include "refs/subjects.h"
#include "search/render_common.h"
#include "search/search.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

/// The facet counts of a query, every value, asked as a search asks them.
std::map<std::string, Xapian::doccount> facet_counts(Searcher& s, const ReportRequest& r,
                                                     const std::vector<std::string>& facets) {
    SearchRequest req;
    req.query = r.query;
    req.filters = r.filters;
    req.match_all = true;
    req.facets = facets;
    req.facet_limit = 0;
    req.limit = 0;
    std::map<std::string, Xapian::doccount> out;
    for (const Facet& f : s.search(req).facets)
        for (const FacetValue& v : f.values) out[f.name + "\n" + v.value] = v.count;
    return out;
}

std::vector<std::string> facets_of(const std::string& kind) {
    if (kind == "citations") return {"resolution", "symbol"};
    if (kind == "speeches") return {"speaker"};
    if (kind == "documents") return {"document"};
    if (kind == "subjects") return {"subject"};
    return {"country"};
}

/// The request whose subject facet counts a speeches-by-subject report's entries: the same
/// query and filters, with a speaker: filter for each speaker they select (asked here apart).
ReportRequest speeches_only(Searcher& s, ReportRequest r) {
    for (const auto& [value, count] : facet_counts(s, r, {"speaker"}))
        r.filters.push_back("speaker:" + value.substr(value.find('\n') + 1));
    return r;
}

/// Every entry's count is its facet count, every facet value has its entry, and the items
/// stand for exactly that many paragraphs.
void expect_counts_are_facet_counts(const std::string& db, const ReportRequest& r) {
    Searcher s({db});
    const Report report = build_report(s, r);
    const bool by_subject = r.kind == "speeches" && r.by == "subject";
    const auto facets = by_subject ? facet_counts(s, speeches_only(s, r), {"subject"})
                                   : facet_counts(s, r, facets_of(r.kind));
    std::size_t checked = 0;
    for (const ReportEntry& e : report.entries) {
        const auto it = facets.find(e.kind + "\n" + e.value);
        ASSERT_NE(it, facets.end()) << r.kind << ": " << e.value << " is no facet value";
        EXPECT_EQ(e.count, it->second) << r.kind << ": " << e.value;
        Xapian::doccount paragraphs = 0;
        for (const ReportItem& i : e.items) paragraphs += i.paragraphs;
        EXPECT_EQ(paragraphs, e.count) << r.kind << ": " << e.value;
        ++checked;
    }
    EXPECT_EQ(checked, facets.size()) << r.kind << ": facet values without an entry";
}

/// UN order, computed apart: digit runs compare as numbers, the rest case-blind.
bool un_before(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            const unsigned long na = std::stoul(a.substr(i, ie - i));
            const unsigned long nb = std::stoul(b.substr(j, je - j));
            if (na != nb) return na < nb;
            i = ie;
            j = je;
            continue;
        }
        const char ca = static_cast<char>(std::toupper(static_cast<unsigned char>(a[i])));
        const char cb = static_cast<char>(std::toupper(static_cast<unsigned char>(b[j])));
        if (ca != cb) {
            if (digit(a[i]) != digit(b[j])) return digit(a[i]) ? cb > '9' : ca < '0';
            return ca < cb;
        }
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

/// The speeches a folder of General Debate files holds, by the code their names start with
/// (NOR_74_2019.txt), for one session.
std::map<std::string, std::size_t> speeches_by_name(const fs::path& folder, int session) {
    std::map<std::string, std::size_t> out;
    const std::string tag = "_" + std::to_string(session) + "_";
    for (const auto& f : fs::recursive_directory_iterator(folder)) {
        const std::string name = f.path().filename().string();
        const auto cut = name.find(tag);
        if (f.is_regular_file() && f.path().extension() == ".txt" && cut != std::string::npos)
            ++out[name.substr(0, cut)];
    }
    return out;
}

/// Speeches by country in the report must be the files' own counts, each country once.
void expect_speeches_match_files(const Report& report,
                                 const std::map<std::string, std::size_t>& expected) {
    std::map<std::string, std::size_t> got;
    for (const ReportEntry& e : report.entries) {
        EXPECT_EQ(got.count(e.value), 0u) << e.value << " listed twice";
        got[e.value] = e.items.size();
        EXPECT_FALSE(e.label.empty()) << e.value;
    }
    EXPECT_EQ(got, expected);
}

// ---- the bundled corpus ----

class CorpusReport : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        db = new std::string(
            test::build_db("plenary-report", "corpus", {PLENARY_SOURCE_DIR "/corpus"}));
    }
    static void TearDownTestSuite() {
        fs::remove_all(*db);
        delete db;
    }
    static Report report(const std::string& kind, const std::string& query = "",
                         const std::vector<std::string>& filters = {}) {
        Searcher s({*db});
        return build_report(s, {kind, query, filters});
    }
    static std::string* db;
};
std::string* CorpusReport::db = nullptr;

TEST_F(CorpusReport, EveryKindsCountsAreTheFacetCounts) {
    for (const std::string& kind : report_kinds()) {
        expect_counts_are_facet_counts(*db, {kind, "", {}});
        expect_counts_are_facet_counts(*db, {kind, "trafficking OR migrants", {}});
        expect_counts_are_facet_counts(*db, {kind, "", {"lang:en", "year:2018..2022"}});
    }
}

TEST_F(CorpusReport, CitationsCiteTheSeedBySymbolAndParagraphNumber) {
    const Report r = report("citations", "", {"doc:CTOC/COP/2020/2"});
    ASSERT_FALSE(r.entries.empty());
    Searcher s({*db});
    std::size_t numbered = 0;
    for (const ReportEntry& e : r.entries)
        for (const ReportItem& i : e.items) {
            const ParagraphView p = s.show(i.id);  // the paragraph cites what the entry names
            const auto& cited = e.kind == "resolution" ? p.resolutions : p.symbols;
            EXPECT_NE(std::find(cited.begin(), cited.end(), e.value), cited.end()) << i.id;
            if (p.number.empty()) continue;
            EXPECT_EQ(i.citation, "CTOC/COP/2020/2, para. " + p.number);
            ++numbered;
        }
    EXPECT_GT(numbered, 0u);
    // Resolutions first, each kind in UN order.
    for (std::size_t k = 1; k < r.entries.size(); ++k) {
        const ReportEntry& a = r.entries[k - 1];
        const ReportEntry& b = r.entries[k];
        if (a.kind == b.kind)
            EXPECT_FALSE(un_before(b.value, a.value)) << a.value << " before " << b.value;
        else
            EXPECT_EQ(a.kind, "resolution");
    }
}

TEST_F(CorpusReport, AParagraphWithoutSymbolIsCitedByItsFileName) {
    DocumentInfo d;
    d.source = "/x/ungdc/NER_73_2018.txt";
    d.symbol = "A/73/8";
    EXPECT_EQ(paragraph_citation(d, "12", {}), "A/73/8, para. 12");
    const Report r = report("countries", "", {"speaker:NER"});
    ASSERT_FALSE(r.entries.empty());
    for (const ReportItem& i : r.entries.front().items)
        EXPECT_EQ(i.citation.rfind("NER_", 0), 0u) << i.citation;
}

/// The paragraphs of the document that holds paragraph id, in reading order.
std::vector<ParagraphView> document_of(Searcher& s, const std::string& id) {
    const std::string key = id.substr(0, id.rfind('-'));
    for (const DocumentView& v : s.show_document(id))
        if (v.document.key == key) return v.paragraphs;
    return {};
}

/// Every item of a citations or countries report is cited by its place in the document, as
/// counted here from the document itself: a number as printed; a resolution's preambular
/// paragraphs by rank after "The General Assembly,"; in a document without numbers (a
/// speech), by its rank among the paragraphs; otherwise by the numbered paragraph before it.
void expect_citations_by_place(Searcher& s, const Report& r, std::map<std::string, int>& seen) {
    for (const ReportEntry& e : r.entries)
        for (const ReportItem& i : e.items) {
            const auto paragraphs = document_of(s, i.id);
            const std::string who = !i.document.symbol.empty()
                                        ? i.document.symbol
                                        : fs::path(i.document.source).filename().string();
            bool numbered = false;
            for (const auto& p : paragraphs) numbered = numbered || !p.number.empty();
            std::string last;
            int preamble = 0, rank = 0;
            for (const auto& p : paragraphs) {
                const bool formula = p.kind == "preambular" && p.text.rfind("The General", 0) == 0;
                if (p.kind == "preambular" && !formula) ++preamble;
                if (p.kind != "heading" && p.kind != "table" && p.kind != "figure") ++rank;
                if (p.id != i.id) {
                    if (!p.number.empty()) last = p.number;
                    continue;
                }
                std::string want, what;
                if (!p.number.empty()) {
                    want = who + ", para. " + p.number;
                    what = "numbered";
                } else if (formula) {
                    want = who + ", preamble";
                    what = "formula";
                } else if (p.kind == "preambular") {
                    want = who + ", preambular para. " + std::to_string(preamble);
                    what = "preambular";
                } else if (!numbered && p.kind != "heading") {
                    want = who + ", paragraph " + std::to_string(rank) + " (unnumbered)";
                    what = "speech";
                } else if (!last.empty() && p.kind != "heading") {
                    want = who + ", unnumbered paragraph after para. " + last;
                    what = "after";
                } else {
                    break;  // headings, and what precedes every number: ParagraphPlaces below
                }
                ++seen[what];
                EXPECT_EQ(i.citation, want) << i.id;
                break;
            }
            EXPECT_EQ(i.citation.find(i.id), std::string::npos) << i.citation;
        }
}

TEST_F(CorpusReport, AnUnnumberedParagraphIsCitedByItsPlace) {
    Searcher s({*db});
    std::map<std::string, int> seen;
    expect_citations_by_place(s, report("citations"), seen);
    expect_citations_by_place(s, report("countries"), seen);
    // The corpus has each: numbered paragraphs (the seed), A/RES/73/8's preamble citing its
    // earlier resolutions, the speeches without numbers.
    EXPECT_GT(seen["numbered"], 0);
    EXPECT_GT(seen["preambular"], 0);
    EXPECT_GT(seen["speech"], 0);
    const Report r = report("citations", "", {"doc:A/RES/73/8"});
    std::set<std::string> citations;
    for (const auto& e : r.entries)
        for (const auto& i : e.items) citations.insert(i.citation);
    // "Recalling its resolutions 47/19 of 24 November 1992, ...": the sixth preambular
    // paragraph, after the opening formula and five others.
    EXPECT_EQ(citations.count("A/RES/73/8, preambular para. 6"), 1u);
}

TEST(ParagraphPlaces, PlaceEachKindOfUnnumberedParagraph) {
    auto para = [](std::string number, std::string kind, std::string text) {
        ParagraphView p;
        p.number = std::move(number);
        p.kind = std::move(kind);
        p.text = std::move(text);
        return p;
    };
    const std::vector<ParagraphView> resolution{para("", "preambular", "The General Assembly,"),
                                                para("", "preambular", "Recalling,"),
                                                para("", "preambular", "Noting,"),
                                                para("", "heading", "I"),
                                                para("1", "numbered", "Decides"),
                                                para("", "unnumbered", "(a) as follows"),
                                                para("2", "numbered", "Requests")};
    DocumentInfo d;
    d.symbol = "A/RES/73/195";
    std::vector<std::string> got;
    const auto places = paragraph_places(resolution);
    ASSERT_EQ(places.size(), resolution.size());
    for (std::size_t k = 0; k < places.size(); ++k)
        got.push_back(paragraph_citation(d, resolution[k].number, places[k]));
    EXPECT_EQ(got, (std::vector<std::string>{
                       "A/RES/73/195, preamble", "A/RES/73/195, preambular para. 1",
                       "A/RES/73/195, preambular para. 2", "A/RES/73/195, heading before para. 1",
                       "A/RES/73/195, para. 1", "A/RES/73/195, unnumbered paragraph after para. 1",
                       "A/RES/73/195, para. 2"}));
    const std::vector<ParagraphView> speech{
        para("", "heading", "Statement"), para("", "unnumbered", "Mr. President,"),
        para("", "table", "1 | 2"), para("", "unnumbered", "Thank you.")};
    DocumentInfo f;
    f.source = "/x/NER_73_2018.txt";
    got.clear();
    const auto speech_places = paragraph_places(speech);
    for (std::size_t k = 0; k < speech.size(); ++k)
        got.push_back(paragraph_citation(f, "", speech_places[k]));
    EXPECT_EQ(got, (std::vector<std::string>{"NER_73_2018.txt, heading before paragraph 1",
                                             "NER_73_2018.txt, paragraph 1 (unnumbered)",
                                             "NER_73_2018.txt, table after paragraph 1",
                                             "NER_73_2018.txt, paragraph 2 (unnumbered)"}));
}

TEST_F(CorpusReport, SpeechesAreTheFilesByCountry) {
    const Report r = report("speeches");
    std::map<std::string, std::size_t> expected;
    for (const auto& f : fs::directory_iterator(PLENARY_SOURCE_DIR "/corpus/ungdc"))
        ++expected[f.path().filename().string().substr(0, 3)];
    std::map<std::string, std::size_t> got;
    for (const ReportEntry& e : r.entries)
        if (e.items.front().document.source.find("/ungdc/") != std::string::npos)
            got[e.value] = e.items.size();
    EXPECT_EQ(got, expected);
    for (const ReportEntry& e : r.entries) {
        if (e.value == "NER") {
            EXPECT_EQ(e.label, "Niger");
        }
        for (std::size_t k = 1; k < e.items.size(); ++k)
            EXPECT_LE(e.items[k - 1].document.session, e.items[k].document.session);
    }
    for (std::size_t k = 1; k < r.entries.size(); ++k)
        EXPECT_LE(r.entries[k - 1].label, r.entries[k].label);
}

TEST_F(CorpusReport, DocumentsGiveTheAgendaItemTheDocumentPrints) {
    const Report r = report("documents");
    const auto seed = std::find_if(r.entries.begin(), r.entries.end(), [](const ReportEntry& e) {
        return e.value == "CTOC/COP/2020/2";
    });
    ASSERT_NE(seed, r.entries.end());
    ASSERT_EQ(seed->items.size(), 1u);
    EXPECT_EQ(seed->items.front().document.agenda_item, "2 (b)");  // "Item 2 (b) of the ... agenda"
    EXPECT_NE(render_report(r, "markdown").find("; agenda item 2 (b);"), std::string::npos);
    // Symbolled documents first, in UN order; then the others by file name.
    bool unsymbolled = false;
    for (const ReportEntry& e : r.entries) {
        const bool has_symbol = !e.items.front().document.symbol.empty();
        EXPECT_FALSE(unsymbolled && has_symbol) << e.value;
        unsymbolled = unsymbolled || !has_symbol;
    }
    EXPECT_TRUE(unsymbolled);
}

// ---- formats ----

/// The fields of one CSV line (RFC 4180 quotes; no line breaks inside fields here).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto nl = text.find('\n', at);
        rows.push_back(csv_fields(text.substr(at, nl - at)));
        at = nl == std::string::npos ? text.size() : nl + 1;
    }
    return rows;
}

/// The subset of JSON Schema schemas/report.schema.json uses: type (a name or a list),
/// required, properties, additionalProperties false, items, enum, minimum.
std::string validate(const nlohmann::json& v, const nlohmann::json& s, const std::string& at) {
    if (auto t = s.find("type"); t != s.end()) {
        const auto types = t->is_array() ? t->get<std::vector<std::string>>()
                                         : std::vector<std::string>{t->get<std::string>()};
        bool ok = false;
        for (const std::string& type : types)
            ok = ok || (type == "object" && v.is_object()) || (type == "array" && v.is_array()) ||
                 (type == "string" && v.is_string()) || (type == "boolean" && v.is_boolean()) ||
                 (type == "integer" && v.is_number_integer()) || (type == "null" && v.is_null());
        if (!ok) return at + ": unexpected " + std::string(v.type_name());
    }
    if (auto e = s.find("enum"); e != s.end() && std::find(e->begin(), e->end(), v) == e->end())
        return at + ": not in enum";
    if (auto m = s.find("minimum");
        m != s.end() && v.is_number() && v.get<double>() < m->get<double>())
        return at + ": below minimum";
    if (v.is_object()) {
        for (const auto& key : s.value("required", nlohmann::json::array()))
            if (!v.contains(key.get<std::string>()))
                return at + ": missing " + key.get<std::string>();
        const auto props = s.value("properties", nlohmann::json::object());
        for (const auto& [key, value] : v.items()) {
            if (props.contains(key)) {
                if (auto e = validate(value, props[key], at + "." + key); !e.empty()) return e;
            } else if (s.value("additionalProperties", true) == false) {
                return at + ": unexpected property " + key;
            }
        }
    }
    if (v.is_array() && s.contains("items"))
        for (std::size_t i = 0; i < v.size(); ++i)
            if (auto e = validate(v[i], s["items"], at + "[" + std::to_string(i) + "]"); !e.empty())
                return e;
    return "";
}

std::size_t items_of(const Report& r) {
    std::size_t n = 0;
    for (const auto& e : r.entries) n += e.items.size();
    return n;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST_F(CorpusReport, JsonFollowsTheSchema) {
    std::ifstream in(PLENARY_SOURCE_DIR "/schemas/report.schema.json");
    ASSERT_TRUE(in) << "schemas/report.schema.json is missing";
    const nlohmann::json schema = nlohmann::json::parse(in);
    EXPECT_NE(validate(nlohmann::json{{"report", "citations"}}, schema, "$"), "");
    for (const std::string& kind : report_kinds()) {
        if (kind == "subjects") continue;  // indexed without a thesaurus: SubjectReport below
        const Report r = report(kind);
        ASSERT_FALSE(r.entries.empty()) << kind;
        const nlohmann::json j = nlohmann::json::parse(render_report(r, "json"));
        EXPECT_EQ(validate(j, schema, "$"), "") << kind;
        EXPECT_EQ(j["entries"].size(), r.entries.size());
        EXPECT_EQ(j["entries"][0]["count"], r.entries[0].count);
    }
}

TEST_F(CorpusReport, CsvHasARowPerItemUnderItsHeader) {
    for (const std::string& kind : report_kinds()) {
        const Report r = report(kind);
        const auto rows = csv_rows(render_report(r, "csv"));
        ASSERT_FALSE(rows.empty());
        EXPECT_EQ(rows.size(), items_of(r) + 1) << kind;
        for (const auto& row : rows) EXPECT_EQ(row.size(), rows.front().size()) << kind;
    }
    const auto edges = csv_rows(render_report(report("citations"), "csv"));
    const std::vector<std::string> head = edges.front();
    EXPECT_EQ(head[0], "citing_symbol");
    const auto col = [&head](const char* name) {
        return static_cast<std::size_t>(std::find(head.begin(), head.end(), name) - head.begin());
    };
    ASSERT_LT(col("cited_kind"), head.size());
    ASSERT_LT(col("citing_paragraph_id"), head.size());
    for (std::size_t k = 1; k < edges.size(); ++k) {
        EXPECT_TRUE(edges[k][col("cited_kind")] == "resolution" ||
                    edges[k][col("cited_kind")] == "symbol");
        EXPECT_FALSE(edges[k][col("citing_paragraph_id")].empty());
    }
}

TEST_F(CorpusReport, HtmlHasContentsAndLinksEachItemToItsParagraph) {
    const Report r = report("citations");
    const std::string html = render_report(r, "html", "http://example.org:9000/");
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<nav aria-label=\"Contents\">"), std::string::npos);
    for (std::size_t k = 1; k <= r.entries.size(); ++k) {
        const std::string n = std::to_string(k);
        EXPECT_NE(html.find("<a href=\"#e" + n + "\">"), std::string::npos) << k;
        EXPECT_NE(html.find("<h2 id=\"e" + n + "\">"), std::string::npos) << k;
    }
    EXPECT_EQ(occurrences(html, "href=\"http://example.org:9000/#para="), items_of(r));
    const ReportItem& first = r.entries.front().items.front();
    EXPECT_NE(html.find("/#para=" + first.id + "\">" + first.citation + "</a>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);  // self-contained and static
    EXPECT_EQ(occurrences(html, "<svg"), 1u);            // years 2015 to 2024 cite something
    // One bar a year, from the first year cited to the last, years without citations too.
    int first_year = 9999, last = 0;
    for (const auto& e : r.entries)
        for (const auto& i : e.items)
            if (i.document.date.size() >= 4) {
                first_year = std::min(first_year, std::stoi(i.document.date.substr(0, 4)));
                last = std::max(last, std::stoi(i.document.date.substr(0, 4)));
            }
    ASSERT_LT(first_year, last);
    EXPECT_EQ(occurrences(html, "<rect "), static_cast<std::size_t>(last - first_year + 1));
}

TEST_F(CorpusReport, MarkdownAndGraphmlHoldEveryEntry) {
    const Report r = report("citations");
    EXPECT_EQ(occurrences(render_report(r, "markdown"), "\n## "), r.entries.size());
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(render_report(r, "graphml").c_str()));
    const auto graph = xml.child("graphml").child("graph");
    std::size_t edges = 0;
    std::set<std::string> nodes;
    for (auto n : graph.children("node")) nodes.insert(n.attribute("id").value());
    for (auto e : graph.children("edge")) {
        ++edges;
        EXPECT_EQ(nodes.count(e.attribute("source").value()), 1u);
        EXPECT_EQ(nodes.count(e.attribute("target").value()), 1u);
    }
    EXPECT_EQ(edges, items_of(r));
    EXPECT_THROW(render_report(report("speeches"), "graphml"), QueryError);
    EXPECT_THROW(render_report(r, "pdf"), QueryError);
}

// ---- small databases ----

class ScratchReport : public test::ScratchFolderTest {
  protected:
    ScratchReport() : ScratchFolderTest("plenary-report") {}
    /// A Markdown document with its sidecar naming its symbol.
    void document(const std::string& name, const std::string& symbol, const std::string& text) {
        write(name + ".md", "# A report\n\n" + text + "\n");
        write(name + ".meta.json",
              R"({"symbol": ")" + symbol + R"(", "date": "2019-05-02", "lang": "en"})");
    }
    std::string index() { return test::build_db("plenary-report", "scratch", {docs.string()}); }
};

TEST_F(ScratchReport, CitedDocumentsInTheIndexAreMarked) {
    document("a", "A/74/10", "1. As in document A/74/8 and resolution 73/195, and A/74/999.");
    document("b", "A/74/8",
             "1. The Assembly recalled resolution 73/195, and again resolution 73/195.");
    const std::string db = index();
    Searcher s({db});
    const Report r = build_report(s, {"citations", "", {}});
    std::map<std::string, const ReportEntry*> by_value;
    for (const auto& e : r.entries) by_value[e.value] = &e;
    ASSERT_TRUE(by_value.count("A/74/8") && by_value.count("A/74/999") &&
                by_value.count("A/RES/73/195"));
    EXPECT_TRUE(by_value["A/74/8"]->indexed);
    EXPECT_EQ(by_value["A/74/8"]->cited.symbol, "A/74/8");
    EXPECT_EQ(by_value["A/74/8"]->items.front().citation, "A/74/10, para. 1");
    EXPECT_FALSE(by_value["A/74/999"]->indexed);
    EXPECT_FALSE(by_value["A/RES/73/195"]->indexed);
    EXPECT_EQ(by_value["A/RES/73/195"]->count, 2u);
    EXPECT_EQ(r.entries.front().value, "A/RES/73/195");  // resolutions first
    expect_counts_are_facet_counts(db, {"citations", "", {}});
    fs::remove_all(db);
}

TEST_F(ScratchReport, DocumentsComeInUnOrder) {
    const std::vector<std::string> symbols{"A/73/10",      "E/2019/1", "A/73/8",    "A/72/100",
                                           "A/73/9/Add.1", "A/73/9",   "S/2019/10", "S/2019/9"};
    for (std::size_t k = 0; k < symbols.size(); ++k)
        document("d" + std::to_string(k), symbols[k], "1. Text " + std::to_string(k) + ".");
    const std::string db = index();
    Searcher s({db});
    const Report r = build_report(s, {"documents", "", {}});
    std::vector<std::string> got;
    for (const auto& e : r.entries) got.push_back(e.value);
    EXPECT_EQ(got, (std::vector<std::string>{"A/72/100", "A/73/8", "A/73/9", "A/73/9/Add.1",
                                             "A/73/10", "E/2019/1", "S/2019/9", "S/2019/10"}));
    expect_counts_are_facet_counts(db, {"documents", "", {}});
    fs::remove_all(db);
}

TEST_F(ScratchReport, TheCommandLineAnswersAndFailsInOneLine) {
    document("a", "A/74/10", "1. As in resolution 73/195.");
    const std::string db = index();
    const std::string cmd = test::kSearch + " report ";
    const auto ok =
        test::run_captured(cmd + "citations --db " + test::q(db) + " --format json", dir);
    EXPECT_EQ(ok.status, 0) << ok.err;
    EXPECT_EQ(nlohmann::json::parse(ok.out)["entries"][0]["value"], "A/RES/73/195");
    const auto bad_kind = test::run_captured(cmd + "subjectz --db " + test::q(db), dir);
    EXPECT_EQ(bad_kind.status, 2);
    EXPECT_EQ(occurrences(bad_kind.err, "\n"), 1u) << bad_kind.err;
    EXPECT_NE(bad_kind.err.find("unknown report 'subjectz'"), std::string::npos);
    EXPECT_EQ(test::run_captured(cmd + "citations '\"unclosed' --db " + test::q(db), dir).status,
              2);
    EXPECT_EQ(test::run_captured(cmd + "speeches --format graphml --db " + test::q(db), dir).status,
              2);
    EXPECT_EQ(test::run_captured(cmd + "citations --format pdf --db " + test::q(db), dir).status,
              2);
    const auto missing =
        test::run_captured(cmd + "citations --db " + test::q(dir / "nowhere"), dir);
    EXPECT_EQ(missing.status, 3);
    EXPECT_EQ(occurrences(missing.err, "\n"), 1u) << missing.err;
    fs::remove_all(db);
}

// ---- corpus-real slices ----

fs::path shared_corpus() {
    return fs::path(PLENARY_SHARED_DIR) / "corpus-real";
}

TEST(SharedReport, Session74SpeechesAreTheFilesByCountry) {
    const fs::path folder = shared_corpus() / "ungdc" / "TXT" / "Session 74 - 2019";
    if (!fs::is_directory(folder))
        GTEST_SKIP() << "no " << folder << " (the shared corpus is absent)";
    const fs::path other = shared_corpus() / "ungdc" / "TXT" / "Session 73 - 2018";
    const std::string db =
        test::build_db("plenary-report", "ungdc", {folder.string(), other.string()});
    Searcher s({db});
    const Report r = build_report(s, {"speeches", "", {"session:74"}});
    expect_speeches_match_files(r, speeches_by_name(folder, 74));
    expect_counts_are_facet_counts(db, {"speeches", "", {"session:74"}});
    expect_counts_are_facet_counts(db, {"citations", "", {"session:74"}});
    // 20 citations, spread over the report, each a session 74 paragraph that cites its entry.
    const Report citations = build_report(s, {"citations", "", {"session:74"}});
    std::vector<std::pair<const ReportEntry*, const ReportItem*>> all;
    for (const auto& e : citations.entries)
        for (const auto& i : e.items) all.emplace_back(&e, &i);
    ASSERT_GE(all.size(), 20u);
    for (std::size_t k = 0; k < 20; ++k) {
        const auto& [entry, item] = all[k * all.size() / 20];
        const ParagraphView p = s.show(item->id);
        const auto& cited = entry->kind == "resolution" ? p.resolutions : p.symbols;
        EXPECT_NE(std::find(cited.begin(), cited.end(), entry->value), cited.end()) << item->id;
        EXPECT_EQ(p.document.session, 74) << item->id;
    }
    fs::remove_all(db);
}

TEST(SharedReport, UnpcSampleDocumentsComeInUnOrder) {
    const fs::path folder = shared_corpus() / "unpc-v1-tei-sample";
    if (!fs::is_directory(folder))
        GTEST_SKIP() << "no " << folder << " (the shared corpus is absent)";
    const std::string db = test::build_db("plenary-report", "unpc", {folder.string()});
    Searcher s({db});
    const Report r = build_report(s, {"documents", "", {}});
    ASSERT_EQ(r.entries.size(), 71u);
    for (const auto& e : r.entries)
        EXPECT_EQ(e.value.rfind("NPT/CONF.2015/PC.III/", 0), 0u) << e.value;
    for (std::size_t k = 1; k < r.entries.size(); ++k)
        EXPECT_TRUE(un_before(r.entries[k - 1].value, r.entries[k].value))
            << r.entries[k - 1].value << " before " << r.entries[k].value;
    expect_counts_are_facet_counts(db, {"documents", "", {}});
    fs::remove_all(db);
}

// ---- subjects: the seed, a resolution and five General Debate speeches, with the thesaurus ----

const fs::path kThesaurus =
    shared_corpus() / "ga-resolutions-pdf" / "unbis-thesaurus" / "thesaurus.lst";
const fs::path kSession74 = shared_corpus() / "ungdc" / "TXT" / "Session 74 - 2019";
const char* kTrafficking = "TRAFFICKING IN PERSONS";

/// The seed (corpus/, its sidecar giving its symbol and agenda item), A/RES/73/8 and five
/// speeches of session 74 read in place, indexed with the UNBIS Thesaurus.
class SubjectReport : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kThesaurus) || !fs::is_directory(kSession74)) return;
        const Thesaurus thesaurus = Thesaurus::load(kThesaurus.string());
        db = new std::string((fs::temp_directory_path() /
                              ("plenary-report-" + std::to_string(::getpid()) + "-subjects"))
                                 .string());
        fs::remove_all(*db);
        IndexOptions o;
        o.db = *db;
        o.jobs = 2;
        o.thesaurus = &thesaurus;
        o.paths = {PLENARY_SOURCE_DIR "/corpus/ctoc-cop-2020-2.md",
                   PLENARY_SOURCE_DIR "/corpus/ga-resolutions"};
        for (const char* code : {"BGD", "COL", "NGA", "NOR", "PHL"})
            o.paths.push_back((kSession74 / (std::string(code) + "_74_2019.txt")).string());
        run_index(o, {});
    }
    static void TearDownTestSuite() {
        if (db) fs::remove_all(*db);
        delete db;
        db = nullptr;
    }
    void SetUp() override {
        if (!db)
            GTEST_SKIP() << "no " << kThesaurus << " or " << kSession74
                         << " (the shared corpus is absent)";
    }
    static Report report(const ReportRequest& r) {
        Searcher s({*db});
        return build_report(s, r);
    }
    static const ReportEntry* entry(const Report& r, const std::string& value) {
        for (const auto& e : r.entries)
            if (e.value == value) return &e;
        return nullptr;
    }
    static std::string* db;
};
std::string* SubjectReport::db = nullptr;

TEST_F(SubjectReport, CountsAreTheSubjectFacetCounts) {
    const std::vector<ReportRequest> asked{
        {"subjects", "", {}, "country"},
        {"subjects", "trafficking OR migrants", {}, "country"},
        {"subjects", "", {"lang:en", "year:2019"}, "country"},
        {"speeches", "", {}, "subject"},
        {"speeches", "trafficking OR migrants", {}, "subject"},
        {"speeches", "", {"speaker:PHL", "speaker:NGA"}, "subject"}};
    for (const ReportRequest& r : asked) {
        EXPECT_FALSE(report(r).entries.empty()) << r.kind << " " << r.query;
        expect_counts_are_facet_counts(*db, r);
    }
}

TEST_F(SubjectReport, SeedTraffickingParagraphsAreUnderTraffickingInPersons) {
    const Report r = report({"subjects", "", {}, "country"});
    const ReportEntry* e = entry(r, kTrafficking);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->label, kTrafficking);
    EXPECT_EQ(e->uri, "http://metadata.un.org/thesaurus#1006622");
    std::set<std::string> under;
    for (const auto& i : e->items) under.insert(i.id);
    // Every paragraph of the seed that speaks of trafficking in persons, read here from the
    // document, is under the descriptor, cited by its number, under the seed's agenda item.
    Searcher s({*db});
    const auto views = s.show_document("CTOC/COP/2020/2");
    ASSERT_EQ(views.size(), 1u);
    std::size_t speaking = 0;
    for (const ParagraphView& p : views.front().paragraphs) {
        if (p.text.find("trafficking in persons") == std::string::npos) continue;
        ++speaking;
        EXPECT_EQ(under.count(p.id), 1u) << p.id << " " << p.text.substr(0, 120);
    }
    EXPECT_GT(speaking, 20u);
    std::size_t seed_items = 0;
    for (const auto& i : e->items) {
        if (i.document.symbol != "CTOC/COP/2020/2") continue;
        ++seed_items;
        EXPECT_EQ(i.group, "CTOC/COP, session 10, agenda item 2 (b)") << i.id;
        if (!i.number.empty()) {
            EXPECT_EQ(i.citation, "CTOC/COP/2020/2, para. " + i.number);
        }
    }
    EXPECT_GE(seed_items, speaking);
    // Speeches give no agenda item: their paragraphs come after the seed's, ungrouped.
    ASSERT_GT(e->items.size(), seed_items) << "no speech under " << kTrafficking;
    for (std::size_t k = 0; k < e->items.size(); ++k)
        EXPECT_EQ(e->items[k].group.empty(), k >= seed_items) << e->items[k].id;
    // Entries by label.
    for (std::size_t k = 1; k < r.entries.size(); ++k)
        EXPECT_LT(r.entries[k - 1].label, r.entries[k].label);
}

TEST_F(SubjectReport, SpeechesBySubjectAreSpeechesByTheirCountrysName) {
    const Report r = report({"speeches", "", {}, "subject"});
    EXPECT_EQ(r.by, "subject");
    const ReportEntry* e = entry(r, kTrafficking);
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->uri.empty());
    std::set<std::string> countries;
    for (const auto& x : r.entries) {
        std::string last;
        for (const auto& i : x.items) {
            EXPECT_FALSE(i.document.country.empty()) << i.citation << ": not a speech";
            const std::string name = Gazetteer::instance().display_name(i.document.country);
            EXPECT_LE(last, name) << x.value;
            last = name;
        }
    }
    for (const auto& i : e->items) countries.insert(i.document.country);
    // Each speech under it has a paragraph with the subject, read here from the speech.
    Searcher s({*db});
    for (const auto& i : e->items) {
        std::size_t with = 0;
        for (const DocumentView& v : s.show_document(i.id))
            for (const ParagraphView& p : v.paragraphs)
                for (const SubjectRef& subject : p.subjects) with += subject.label == kTrafficking;
        EXPECT_EQ(with, i.paragraphs) << i.citation;
    }
    EXPECT_GE(countries.size(), 2u);
    EXPECT_EQ(countries.count("NOR"), 0u) << "Norway's speech does not name trafficking";
}

TEST_F(SubjectReport, FormatsHoldEveryDescriptor) {
    const Report r = report({"subjects", "", {}, "country"});
    ASSERT_FALSE(r.entries.empty());
    // HTML: a table of contents entry per descriptor, each linking to its section; a heading
    // per agenda item; every paragraph linked.
    const std::string html = render_report(r, "html");
    for (std::size_t k = 0; k < r.entries.size(); ++k) {
        const std::string n = std::to_string(k + 1);
        EXPECT_NE(
            html.find("<li><a href=\"#e" + n + "\">" + escape_html(r.entries[k].label) + "</a>"),
            std::string::npos)
            << r.entries[k].label;
        EXPECT_NE(html.find("<h2 id=\"e" + n + "\">"), std::string::npos) << k;
    }
    EXPECT_EQ(occurrences(html, "/#para="), items_of(r));
    EXPECT_NE(html.find("<h3>CTOC/COP, session 10, agenda item 2 (b)</h3>"), std::string::npos);
    EXPECT_NE(html.find("href=\"http://metadata.un.org/thesaurus#1006622\""), std::string::npos);
    // CSV: parses, a row per paragraph under its header, the subject and URI in each.
    const auto rows = csv_rows(render_report(r, "csv"));
    ASSERT_EQ(rows.size(), items_of(r) + 1);
    EXPECT_EQ(rows.front()[0], "subject");
    EXPECT_EQ(rows.front()[1], "uri");
    std::size_t k = 1;
    for (const auto& e : r.entries)
        for (const auto& i : e.items) {
            ASSERT_EQ(rows[k].size(), rows.front().size()) << k;
            EXPECT_EQ(rows[k][0], e.value);
            EXPECT_EQ(rows[k][1], e.uri);
            EXPECT_EQ(rows[k][4], i.id);
            ++k;
        }
    // JSON: follows the schema, with the URI and the group.
    std::ifstream in(PLENARY_SOURCE_DIR "/schemas/report.schema.json");
    const nlohmann::json schema = nlohmann::json::parse(in);
    for (const ReportRequest& asked : {ReportRequest{"subjects", "", {}, "country"},
                                       ReportRequest{"speeches", "", {}, "subject"}}) {
        const nlohmann::json j = nlohmann::json::parse(render_report(report(asked), "json"));
        EXPECT_EQ(validate(j, schema, "$"), "") << asked.kind;
        EXPECT_FALSE(j["entries"][0]["uri"].get<std::string>().empty()) << asked.kind;
    }
    // Markdown: a heading per descriptor; GraphML: refused, since subjects are no network.
    EXPECT_EQ(occurrences(render_report(r, "markdown"), "\n## "), r.entries.size());
    EXPECT_THROW(render_report(r, "graphml"), QueryError);
}

TEST_F(SubjectReport, TheCommandLineTakesBySubject) {
    const fs::path dir = test::test_dir("plenary-report");
    fs::create_directories(dir);
    const std::string cmd = test::kSearch + " report ";
    const auto ok =
        test::run_captured(cmd + "speeches --by subject --format json --db " + test::q(*db), dir);
    ASSERT_EQ(ok.status, 0) << ok.err;
    const nlohmann::json j = nlohmann::json::parse(ok.out);
    EXPECT_EQ(j["by"], "subject");
    EXPECT_EQ(j["entries"][0]["kind"], "subject");
    const auto graphml =
        test::run_captured(cmd + "subjects --format graphml --db " + test::q(*db), dir);
    EXPECT_EQ(graphml.status, 2);
    EXPECT_EQ(occurrences(graphml.err, "\n"), 1u) << graphml.err;
    EXPECT_NE(graphml.err.find("graphml is for the citations report"), std::string::npos);
    EXPECT_EQ(test::run_captured(cmd + "speeches --by colour --db " + test::q(*db), dir).status, 2);
    EXPECT_EQ(test::run_captured(cmd + "countries --by subject --db " + test::q(*db), dir).status,
              2);
    const auto help = test::run_captured(cmd + "--help", dir);
    EXPECT_NE(help.out.find("subjects    the subject index"), std::string::npos);
    EXPECT_NE(help.out.find("--by"), std::string::npos);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace plenary
