#include "refs/references.h"

#include <algorithm>
#include <string>

#include "refs/charter.h"
#include "refs/countries.h"
#include "refs/resolutions.h"
#include "refs/sessions.h"
#include "refs/symbols.h"

namespace plenary {

namespace {

template <typename T>
void add_unique(std::vector<T>& out, const T& v) {
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

/// Adds the references found in one piece of text (a paragraph's text or one footnote).
void scan(std::string_view text, const Document& doc, const CitationContext& ctx,
          const Gazetteer& gazetteer, References& refs) {
    if (text.empty()) return;
    for (const auto& s : find_symbols(text)) {
        if (s.canonical == doc.symbol) continue;  // the document's own symbol is not a citation
        add_unique(refs.symbols, s.canonical);
        add_unique(refs.symbol_bases, s.base);
    }
    for (const auto& r : find_resolutions(text, ctx)) add_unique(refs.resolutions, r.ref);
    for (const auto& c : gazetteer.find(text)) {
        if (c.demonym)
            add_unique(refs.demonyms, c.code);
        else
            add_unique(refs.countries, c.code);
    }
    for (const auto& s : find_sessions(text, ctx.lang)) add_unique(refs.sessions, s.number);
    for (const auto& c : find_charter_refs(text, ctx.lang)) add_unique(refs.charter, c.id);
}

}  // namespace

void extract_references(Document& doc) {
    const Gazetteer& gazetteer = Gazetteer::instance();
    CitationContext ctx;
    ctx.organ = doc.body;
    ctx.lang = doc.lang.empty() ? "en" : doc.lang;
    const bool charter = is_charter_text(doc);
    for (Paragraph& p : doc.paragraphs) {
        p.refs = References{};
        if (charter) p.refs.charter = charter_refs_of_own_text(p);
        scan(p.text, doc, ctx, gazetteer, p.refs);
        for (const auto& f : p.footnotes) scan(f.text, doc, ctx, gazetteer, p.refs);
    }
}

}  // namespace plenary
