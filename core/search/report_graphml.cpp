// report_graphml: the citations as a network for researchers. Nodes are the citing documents
// and the cited references (one node where a cited reference is itself an indexed document's
// symbol); one directed edge per citing paragraph and cited reference, as the CSV edge list.
#include <map>
#include <sstream>

#include "search/render_common.h"
#include "search/report.h"
#include "search/report_common.h"

namespace plenary {

namespace {

struct Node {
    std::string label, kind, date, body;
    bool indexed = false;
};

/// A document's node id: its symbol, else its file key.
std::string node_id(const DocumentInfo& d) {
    return !d.symbol.empty() ? d.symbol : "file:" + d.key;
}

/// Every node: cited references by their value, citing documents by node_id (a citing
/// document that is also cited is one node, of kind "document").
std::map<std::string, Node> nodes(const Report& report) {
    std::map<std::string, Node> out;
    for (const ReportEntry& e : report.entries) {
        Node& cited = out[e.value];
        if (cited.kind.empty()) cited = Node{e.value, e.kind, "", "", false};
        if (e.indexed) {
            cited.indexed = true;
            cited.date = e.cited.date;
            cited.body = e.cited.body;
        }
        for (const ReportItem& i : e.items) {
            const DocumentInfo& d = i.document;
            out[node_id(d)] =
                Node{!d.symbol.empty() ? d.symbol : d.source, "document", d.date, d.body, true};
        }
    }
    return out;
}

void keys(std::ostringstream& out) {
    const char* node_keys[] = {"label", "kind", "date", "body"};
    for (const char* k : node_keys)
        out << "<key id=\"" << k << "\" for=\"node\" attr.name=\"" << k
            << "\" attr.type=\"string\"/>\n";
    out << "<key id=\"indexed\" for=\"node\" attr.name=\"indexed\" attr.type=\"boolean\"/>\n";
    const char* edge_keys[] = {"paragraph_id", "paragraph_number", "citation", "cited_kind"};
    for (const char* k : edge_keys)
        out << "<key id=\"" << k << "\" for=\"edge\" attr.name=\"" << k
            << "\" attr.type=\"string\"/>\n";
}

void data(std::ostringstream& out, const char* key, const std::string& value) {
    if (!value.empty()) out << "<data key=\"" << key << "\">" << escape_html(value) << "</data>";
}

}  // namespace

std::string report_graphml(const Report& report) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    keys(out);
    out << "<graph id=\"citations\" edgedefault=\"directed\">\n";
    for (const auto& [id, n] : nodes(report)) {
        out << "<node id=\"" << escape_html(id) << "\">";
        data(out, "label", n.label);
        data(out, "kind", n.kind);
        data(out, "date", n.date);
        data(out, "body", n.body);
        out << "<data key=\"indexed\">" << (n.indexed ? "true" : "false") << "</data></node>\n";
    }
    std::size_t k = 0;
    for (const ReportEntry& e : report.entries)
        for (const ReportItem& i : e.items) {
            out << "<edge id=\"e" << ++k << "\" source=\"" << escape_html(node_id(i.document))
                << "\" target=\"" << escape_html(e.value) << "\">";
            data(out, "paragraph_id", i.id);
            data(out, "paragraph_number", i.number);
            data(out, "citation", i.citation);
            data(out, "cited_kind", e.kind);
            out << "</edge>\n";
        }
    out << "</graph>\n</graphml>\n";
    return out.str();
}

}  // namespace plenary
