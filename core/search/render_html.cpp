// to_html: an HTML fragment of hits, every text escaped.
#include <sstream>
#include <string_view>

#include "search/render.h"
#include "search/render_common.h"

namespace plenary {

std::string to_html(const SearchResult& r) {
    std::ostringstream out;
    out << "<p class=\"plenary-total\">" << escape_html(count_line(r)) << "</p>\n";
    if (!r.failed_shards.empty())
        out << "<p class=\"plenary-partial\">" << escape_html(partial_line(r)) << "</p>\n";
    out << "<ol class=\"plenary-hits\" start=\"" << r.offset + 1 << "\">\n";
    for (const Hit& h : r.hits) {
        out << "<li id=\"" << escape_html(h.id) << "\"><p class=\"plenary-doc\">"
            << escape_html(document_line(h.document));
        if (!h.paragraph.empty()) out << " ¶ " << escape_html(h.paragraph);
        out << "</p>";
        if (!h.headings.empty())
            out << "<p class=\"plenary-headings\">" << escape_html(join_strings(h.headings, " › "))
                << "</p>";
        out << "<p class=\"plenary-snippet\">" << render_html(h.snippet) << "</p></li>\n";
    }
    out << "</ol>\n";
    return out.str();
}

}  // namespace plenary
