#include "search/snippets.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_set>

#include "analysis/analyzer.h"
#include "analysis/tokenizer.h"
#include "base/text_util.h"
#include "refs/countries.h"
#include "refs/resolutions.h"
#include "refs/symbols.h"
#include "search/parsed_query.h"
#include "search/render_common.h"

namespace plenary {

namespace {

bool is_space_cp(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || u_isUWhiteSpace(static_cast<UChar32>(cp));
}

// Code points of a text with the byte offset of each (and the size at the end).
struct Decoded {
    std::vector<char32_t> cps;
    std::vector<std::size_t> offsets;

    explicit Decoded(std::string_view text) {
        std::size_t i = 0;
        while (i < text.size()) {
            offsets.push_back(i);
            cps.push_back(next_code_point(text, i));
        }
        offsets.push_back(text.size());
    }
    std::size_t cp_of(std::size_t byte) const {
        return static_cast<std::size_t>(std::lower_bound(offsets.begin(), offsets.end(), byte) -
                                        offsets.begin());
    }
};

// A marked range in code points, with what it stands for (so windows prefer variety).
struct Mark {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string key;
};

struct Window {
    std::size_t start = 0;
    std::size_t end = 0;
};

std::string encode(const Decoded& d, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) append_utf8(out, d.cps[i]);
    return out;
}

}  // namespace

Highlighter::Highlighter(const ParsedQuery& query, SnippetOptions options)
    : m_query(query), m_options(options) {
    if (m_options.length < 20) m_options.length = 20;
    if (m_options.max_fragments == 0) m_options.max_fragments = 1;
}

namespace {

std::vector<Mark> find_marks(const ParsedQuery& q, std::string_view text, const Decoded& d,
                             const std::string& text_lang) {
    const std::string lang = !text_lang.empty() ? text_lang
                             : q.langs.empty()  ? "en"
                                                : q.langs.front();
    std::vector<Mark> marks;
    // Words are looked at only when the query has words (a query of fields and references,
    // "country:NER", marks names and citations alone).
    const bool by_words = !q.terms.empty() || !q.wildcards.empty() || !q.phrases.empty();
    std::vector<Word> words = by_words ? words_of(text) : std::vector<Word>();
    // Spans in code points from here on.
    for (Word& w : words) w.span = {d.cp_of(w.span.begin), d.cp_of(w.span.end)};

    const std::unordered_set<std::string> terms(q.terms.begin(), q.terms.end());
    // The text's own stemmer, as the indexer stemmed it; and the query's, where the query was
    // analysed in one language only (a database of one language, or Cyrillic, Arabic or Chinese
    // words). A query over several languages already holds each word's stem in each of them.
    std::vector<Xapian::Stem> stemmers{stemmer_for(lang)};
    if (q.langs.size() == 1 && q.langs.front() != lang)
        stemmers.push_back(stemmer_for(q.langs.front()));
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i].term;
        std::string key;
        if (terms.count(w)) key = w;
        for (std::size_t k = 0; key.empty() && k < stemmers.size(); ++k) {
            const std::string z = "Z" + stemmers[k](w);
            if (terms.count(z)) key = z;
        }
        if (key.empty())
            for (const auto& p : q.wildcards)
                if (w.compare(0, p.size(), p) == 0) key = p + "*";
        if (!key.empty()) marks.push_back({words[i].span.begin, words[i].span.end, key});
    }
    for (const auto& phrase : q.phrases) {
        if (phrase.empty() || phrase.size() > words.size()) continue;
        for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
            bool all = true;
            for (std::size_t j = 0; j < phrase.size() && all; ++j)
                all = words[i + j].term == phrase[j];
            if (all) {
                std::string key = "\"";
                for (const auto& p : phrase) key += p + " ";
                marks.push_back({words[i].span.begin, words[i + phrase.size() - 1].span.end, key});
            }
        }
    }
    auto add_bytes = [&](std::size_t b, std::size_t e, const std::string& key) {
        if (e > b && e <= text.size()) marks.push_back({d.cp_of(b), d.cp_of(e), key});
    };
    // A reference under a prefix asked for ("A/HRC/RES/*").
    auto under_prefix = [&](const std::string& ref) {
        return std::any_of(q.reference_prefixes.begin(), q.reference_prefixes.end(),
                           [&](const std::string& p) { return ref.compare(0, p.size(), p) == 0; });
    };
    const bool by_prefix = !q.reference_prefixes.empty();
    if (!q.resolutions.empty() || !q.resolution_numbers.empty() || by_prefix) {
        for (const ResolutionMatch& m : find_resolutions(text, CitationContext{"", lang})) {
            const bool wanted = under_prefix(m.ref.id) ||
                                std::find(q.resolutions.begin(), q.resolutions.end(), m.ref.id) !=
                                    q.resolutions.end() ||
                                std::find(q.resolution_numbers.begin(), q.resolution_numbers.end(),
                                          m.number) != q.resolution_numbers.end();
            if (wanted) add_bytes(m.begin, m.end, "res:" + m.number);
        }
    }
    if (!q.symbols.empty() || !q.resolutions.empty() || by_prefix) {
        for (const SymbolMatch& m : find_symbols(text)) {
            auto in = [&](const std::vector<std::string>& v, const std::string& s) {
                return std::find(v.begin(), v.end(), s) != v.end();
            };
            if (in(q.symbols, m.canonical) || in(q.symbols, m.base) ||
                in(q.resolutions, m.canonical) || under_prefix(m.canonical))
                add_bytes(m.begin, m.end, "sym:" + m.canonical);
        }
    }
    if (!q.countries.empty()) {
        for (const CountryMatch& m : Gazetteer::instance().find(text))
            if (std::find(q.countries.begin(), q.countries.end(), m.code) != q.countries.end())
                add_bytes(m.begin, m.end, "c:" + m.code);
    }

    // Overlapping marks become one (a phrase swallows its words).
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Mark> merged;
    for (Mark& m : marks) {
        if (!merged.empty() && m.start < merged.back().end) {
            merged.back().end = std::max(merged.back().end, m.end);
            continue;
        }
        merged.push_back(std::move(m));
    }
    return merged;
}

std::vector<Highlight> to_highlights(const std::vector<Mark>& marks) {
    std::vector<Highlight> out;
    for (const Mark& m : marks) out.push_back({m.start, m.end});
    return out;
}

}  // namespace

std::vector<Highlight> Highlighter::highlight(std::string_view text,
                                              const std::string& lang) const {
    const Decoded d(text);
    return to_highlights(find_marks(m_query, text, d, lang));
}

Snippet Highlighter::whole(std::string_view text, const std::string& lang) const {
    return Snippet{std::string(text), highlight(text, lang)};
}

Snippet Highlighter::snippet(std::string_view text, const std::string& lang) const {
    const Decoded d(text);
    const std::vector<Mark> marks = find_marks(m_query, text, d, lang);
    const std::size_t n = d.cps.size();
    const std::size_t len = m_options.length;
    if (n <= len) return Snippet{std::string(text), to_highlights(marks)};

    // Windows: each starts a little before a mark; the best holds the most distinct keys.
    std::vector<Window> chosen;
    std::unordered_set<std::string> covered;
    auto overlaps_chosen = [&](std::size_t s, std::size_t e) {
        for (const Window& w : chosen)
            if (s < w.end && w.start < e) return true;
        return false;
    };
    while (chosen.size() < m_options.max_fragments) {
        long best_score = -1;
        Window best;
        for (const Mark& m : marks) {
            if (covered.count(m.key) && !chosen.empty()) continue;
            const std::size_t lead = std::min<std::size_t>(m.start, len / 5);
            std::size_t s = m.start - lead;
            std::size_t e = std::min(n, s + len);
            if (e - s < len) s = e > len ? e - len : 0;
            if (overlaps_chosen(s, e)) continue;
            std::unordered_set<std::string> keys;
            long count = 0;
            for (const Mark& o : marks)
                if (o.start >= s && o.end <= e) {
                    if (!covered.count(o.key)) keys.insert(o.key);
                    ++count;
                }
            const long score = static_cast<long>(keys.size()) * 1000 + count;
            if (keys.empty()) continue;
            if (score > best_score) {
                best_score = score;
                best = {s, e};
            }
        }
        if (best_score < 0) break;
        for (const Mark& o : marks)
            if (o.start >= best.start && o.end <= best.end) covered.insert(o.key);
        chosen.push_back(best);
    }
    if (chosen.empty()) chosen.push_back({0, std::min(n, len)});
    std::sort(chosen.begin(), chosen.end(),
              [](const Window& a, const Window& b) { return a.start < b.start; });

    // Cut at spaces without cutting a mark.
    for (Window& w : chosen) {
        std::size_t first_mark = w.end, last_mark = w.start;
        for (const Mark& m : marks)
            if (m.start >= w.start && m.end <= w.end) {
                first_mark = std::min(first_mark, m.start);
                last_mark = std::max(last_mark, m.end);
            }
        if (w.start > 0 && !is_space_cp(d.cps[w.start - 1])) {
            std::size_t s = w.start;
            while (s < first_mark && s < w.end && !is_space_cp(d.cps[s])) ++s;
            if (s < first_mark && s < w.end) w.start = s + 1;
        }
        if (w.end < n && !is_space_cp(d.cps[w.end])) {
            std::size_t e = w.end;
            while (e > last_mark && e > w.start && !is_space_cp(d.cps[e - 1])) --e;
            if (e > last_mark && e > w.start) w.end = e;
        }
        while (w.end > w.start && is_space_cp(d.cps[w.end - 1])) --w.end;
        while (w.start < w.end && is_space_cp(d.cps[w.start])) ++w.start;
    }

    Snippet out;
    std::size_t out_len = 0;  // code points in out.text
    auto append = [&](const std::string& s) {
        out.text += s;
        out_len += code_point_count(s);
    };
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const Window& w = chosen[k];
        if (k == 0 && w.start > 0) append("… ");
        if (k > 0) append(" … ");
        const std::size_t base = out_len;
        append(encode(d, w.start, w.end));
        for (const Mark& m : marks)
            if (m.start >= w.start && m.end <= w.end)
                out.highlights.push_back({base + m.start - w.start, base + m.end - w.start});
    }
    if (chosen.back().end < n) append(" …");
    return out;
}

namespace {

template <typename Open, typename Close, typename Emit>
std::string render(const Snippet& s, Open open, Close close, Emit emit) {
    std::string out;
    std::size_t i = 0, cp = 0, h = 0;
    bool inside = false;
    while (i <= s.text.size()) {
        if (inside && h < s.highlights.size() && s.highlights[h].end == cp) {
            close(out);
            inside = false;
            ++h;
        }
        if (!inside && h < s.highlights.size() && s.highlights[h].start == cp &&
            s.highlights[h].end > cp) {
            open(out);
            inside = true;
        }
        if (i == s.text.size()) break;
        const std::size_t from = i;
        next_code_point(s.text, i);
        emit(out, std::string_view(s.text).substr(from, i - from));
        ++cp;
    }
    if (inside) close(out);
    return out;
}

}  // namespace

std::string render_terminal(const Snippet& snippet, bool color) {
    if (!color) return snippet.text;
    return render(
        snippet, [](std::string& o) { o += "\x1b[1;33m"; }, [](std::string& o) { o += "\x1b[0m"; },
        [](std::string& o, std::string_view c) { o += c; });
}

std::string render_html(const Snippet& snippet) {
    return render(
        snippet, [](std::string& o) { o += "<mark>"; }, [](std::string& o) { o += "</mark>"; },
        [](std::string& o, std::string_view c) { append_escaped_html(o, c); });
}

}  // namespace plenary
