// The query language. A hand-written pre-scan finds quotes, field:value clauses and UN
// references (whose slashes and parentheses would otherwise turn into loose words and
// groups) and replaces each with a placeholder that a FieldProcessor turns back into its
// query; Xapian::QueryParser then does the boolean structure, phrases and stemming on the
// folded rest.
#include "search/query.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>
#include <string>

#include "analysis/analyzer.h"
#include "analysis/language.h"
#include "analysis/tokenizer.h"
#include "base/ascii.h"
#include "base/error.h"
#include "base/input_limits.h"
#include "base/text_util.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "refs/resolutions.h"
#include "refs/symbols.h"
#include "refs/un_bodies.h"

namespace plenary {

namespace {

// Never a schema field, and the pre-scan rejects it as one if a user types it.
constexpr const char* kPlaceholder = "zzplenaryref";
// Folded words that name a body before "resolution" (six languages' stems, as typed).
constexpr const char* kBodyWords[] = {"assembl",  "asamblea",   "council",  "conseil",  "consejo",
                                      "conferen", "commission", "comision", "ассамбле", "совет"};

// Length of a quote mark at text[i]: ASCII " or a curly double quote; 0 if none.
std::size_t quote_len(std::string_view text, std::size_t i) {
    if (text[i] == '"') return 1;
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80) {
        const auto c = static_cast<unsigned char>(text[i + 2]);
        if (c == 0x9C || c == 0x9D || c == 0x9E) return 3;
    }
    return 0;
}

// The query with every code point that Xapian's parser reads as white space (control
// characters such as NUL or TAB, and Unicode spaces such as U+00A0) made a plain space, so
// that the words Plenary's phases see are the words Xapian's parser sees. One code point
// for one keeps every column of an error message where the user typed it. text is UTF-8.
std::string xapian_spaces_plain(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator();) {
        const char* begin = it.raw();
        const unsigned ch = *it;
        ++it;
        if (Xapian::Unicode::is_whitespace(ch))
            out += ' ';
        else
            out.append(begin, it.raw());
    }
    return out;
}

// A token that starts with + or -, as Xapian's parser will read it. The parser takes the
// sign as love or hate of the next term and skips the punctuation after it, but skipping it
// forgets that a term must follow, so the word after it may start a group; a group of
// stopwords closed by a wildcard ("x +*a the o*") is a null query that Xapian 1.4.22's
// parser then dereferences (a crash, found by fuzzing). So that punctuation goes here:
// "-*migrants" is read as "-migrants", and a sign followed by punctuation alone stays a
// bare sign, which loves or hates a quote or bracket glued to it and is otherwise ignored
// (as Xapian ignores a sign followed by a space). A sign followed by another sign is left
// as typed: Xapian ignores the first and reads the second as punctuation.
std::string without_skipped_after_sign(std::string_view token) {
    if (token.size() < 2 || (token[0] != '+' && token[0] != '-') || token[1] == '+' ||
        token[1] == '-')
        return std::string(token);
    Xapian::Utf8Iterator it(token.data() + 1, token.size() - 1);
    while (it != Xapian::Utf8Iterator() && !Xapian::Unicode::is_wordchar(*it) && *it != '"' &&
           *it != 0x201C && *it != 0x201D)
        ++it;
    std::string out(1, token[0]);
    if (it != Xapian::Utf8Iterator()) out.append(it.raw(), token.data() + token.size());
    return out;
}

int column_of(std::string_view text, std::size_t byte) {
    return static_cast<int>(code_point_count(text.substr(0, byte))) + 1;
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
}

std::optional<long> parse_long(std::string_view s) {
    long v = 0;
    if (s.empty()) return std::nullopt;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

// AND, OR and XOR: the operators that join two operands.
bool is_boolean_operator(std::string_view w) {
    return w == "AND" || w == "OR" || w == "XOR";
}

bool is_operator(std::string_view w) {
    if (w == "AND" || w == "OR" || w == "NOT" || w == "XOR") return true;
    for (std::string_view op : {"NEAR", "ADJ"}) {
        if (w == op) return true;
        if (w.size() > op.size() + 1 && w.substr(0, op.size()) == op && w[op.size()] == '/' &&
            parse_long(w.substr(op.size() + 1)))
            return true;
    }
    return false;
}

Xapian::Query boolean(Xapian::Query q) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0);
}

Xapian::Query any_of(const std::vector<Xapian::Query>& qs) {
    if (qs.size() == 1) return qs.front();
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

template <typename T>
void add_unique(std::vector<T>& v, const T& x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// Lower and upper YYYYMMDD bounds of "YYYY", "YYYY-MM" or "YYYY-MM-DD".
std::optional<std::pair<std::string, std::string>> date_bounds(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (s.size() < from + n) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (!is_ascii_digit(s[i])) return false;
        return true;
    };
    if (s.size() == 4 && digits(0, 4)) {
        const std::string y(s);
        return std::make_pair(y + "0000", y + "1231");
    }
    if ((s.size() == 7 || s.size() == 10) && digits(0, 4) && s[4] == '-' && digits(5, 2)) {
        const int month = (s[5] - '0') * 10 + (s[6] - '0');
        if (month < 1 || month > 12) return std::nullopt;
        const std::string ym = std::string(s.substr(0, 4)) + std::string(s.substr(5, 2));
        if (s.size() == 7) return std::make_pair(ym + "00", ym + "31");
        if (s[7] != '-' || !digits(8, 2)) return std::nullopt;
        const int day = (s[8] - '0') * 10 + (s[9] - '0');
        if (day < 1 || day > 31) return std::nullopt;
        const std::string d = ym + std::string(s.substr(8, 2));
        return std::make_pair(d, d);
    }
    return std::nullopt;
}

// Index words that start with prefix, counted up to limit + 1: enough to know they are too many.
std::size_t count_words(const Xapian::Database& db, const std::string& prefix, std::size_t limit) {
    std::size_t n = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && n <= limit; ++t) ++n;
    return n;
}

// Leaf terms of a query; wildcards are counted where they are expanded.
std::size_t term_count(const Xapian::Query& q) {
    return static_cast<std::size_t>(std::distance(q.get_terms_begin(), q.get_terms_end()));
}

QueryError too_many_terms(int column = 0) {
    return QueryError("the query stands for more than " + std::to_string(limits::max_query_terms) +
                          " terms (words with their stems, range values and wildcard words)",
                      column);
}

/// A document dated by its year alone (slot value YYYY0000) meets a date range when its year
/// overlaps the range: range, or that value for the year the range starts in (years after it
/// already fall inside the range).
Xapian::Query with_year_only(Xapian::valueno slot, const std::string& lo, Xapian::Query range) {
    if (lo.size() != 8 || lo.compare(4, 4, "0000") == 0) return range;
    const std::string year_only = lo.substr(0, 4) + "0000";
    return Xapian::Query(Xapian::Query::OP_OR, range,
                         Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, year_only, year_only));
}

// Hands the parsed placeholder's query back to Xapian::QueryParser.
class PlaceholderProcessor : public Xapian::FieldProcessor {
  public:
    explicit PlaceholderProcessor(const std::vector<Xapian::Query>& queries) : m_queries(queries) {}
    Xapian::Query operator()(const std::string& value) override {
        const auto n = parse_long(value);
        if (!n || static_cast<std::size_t>(*n) >= m_queries.size())
            return Xapian::Query(Xapian::Query::MatchNothing);
        return m_queries[static_cast<std::size_t>(*n)];
    }

  private:
    const std::vector<Xapian::Query>& m_queries;
};

enum class SegmentKind { text, quoted, field };

struct Segment {
    SegmentKind kind;
    std::size_t begin = 0;  // bytes in the raw query
    std::size_t end = 0;
    std::string field;  // field segments
    std::string value;  // quoted content or field value
};

struct RefSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    Xapian::Query query;
};

// Xapian's own parse errors ("Syntax: <expression> OR <expression>") as Plenary messages, with
// the column of the first such operator in the query that lacks something beside it.
QueryError syntax_error(std::string_view text, const std::vector<Segment>& segments,
                        const std::string& msg) {
    struct Token {
        std::string_view word;  // empty for a quote or a field clause
        std::size_t pos;
    };
    std::vector<Token> tokens;
    for (const Segment& s : segments) {
        if (s.kind != SegmentKind::text) {
            tokens.push_back({{}, s.begin});
            continue;
        }
        for (std::size_t k = s.begin; k < s.end;) {
            if (is_ascii_space(text[k])) {
                ++k;
                continue;
            }
            std::size_t e = k + 1;
            if (text[k] != '(' && text[k] != ')')
                while (e < s.end && !is_ascii_space(text[e]) && text[e] != '(' && text[e] != ')')
                    ++e;
            tokens.push_back({text.substr(k, e - k), k});
            k = e;
        }
    }
    auto bare = [&](std::size_t i, std::string_view bracket) {  // no operand at tokens[i]
        return i >= tokens.size() || tokens[i].word == bracket || is_operator(tokens[i].word);
    };
    auto column_of_op = [&](std::string_view op, bool before_counts) {
        const bool and_not = op == "AND NOT";
        int first = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].word != (and_not ? "AND" : op)) continue;
            const std::size_t last = and_not ? i + 1 : i;
            if (and_not && (last >= tokens.size() || tokens[last].word != "NOT")) continue;
            if (!first) first = column_of(text, tokens[i].pos);
            if ((before_counts && (i == 0 || bare(i - 1, "("))) || bare(last + 1, ")"))
                return column_of(text, tokens[i].pos);
        }
        return first;
    };
    const std::string_view head = "Syntax: <expression> ", tail = " <expression>";
    if (msg.size() > head.size() + tail.size() && msg.compare(0, head.size(), head) == 0 &&
        msg.compare(msg.size() - tail.size(), tail.size(), tail) == 0) {
        const std::string op = msg.substr(head.size(), msg.size() - head.size() - tail.size());
        if (op == "NOT")
            return QueryError("NOT needs something to search for after it",
                              column_of_op(op, false));
        return QueryError(op + " needs something to search for on each side",
                          column_of_op(op, true));
    }
    if (msg.find("only currently support leaf subqueries") != std::string::npos) {
        for (const Token& t : tokens)
            if (is_operator(t.word) &&
                (t.word.substr(0, 4) == "NEAR" || t.word.substr(0, 3) == "ADJ"))
                return QueryError("NEAR and ADJ join words, not fields, references or groups",
                                  column_of(text, t.pos));
        return QueryError("NEAR and ADJ join words, not fields, references or groups");
    }
    return QueryError("cannot parse the query: " + msg);
}

// Function words dropped from queries outside phrases (Xapian keeps them when a query has
// nothing else).
std::vector<const char*> stopwords_for(const std::string& lang) {
    if (lang == "fr")
        return {"le", "la",  "les", "l",    "de",  "des", "du",  "d",   "un",   "une", "et", "en",
                "au", "aux", "a",   "pour", "par", "sur", "que", "qui", "dans", "est", "ou"};
    if (lang == "es")
        return {"el",  "la",  "los",  "las", "de",  "del", "y", "en", "un",
                "una", "por", "para", "con", "que", "es",  "o", "al", "se"};
    if (lang == "ru") return {"и", "в", "во", "на", "с", "о", "об", "по", "к", "из", "для", "от"};
    // Folded as fold_terms() leaves them ("إلى" -> "الي").
    if (lang == "ar") return {"في", "من", "علي", "الي", "عن"};
    if (lang == "en")
        return {"a",    "an",   "and",  "are",  "as", "at",  "be",   "by",    "for",
                "from", "has",  "have", "in",   "is", "it",  "its",  "of",    "on",
                "or",   "that", "the",  "this", "to", "was", "were", "which", "with"};
    return {};
}

// Where a body's name ends right before a citation ("General Assembly resolution 73/195")
// starts, when that body is the citation's; else at.
std::size_t body_named_before(std::string_view text, std::size_t at, const std::string& body) {
    const UnBody* named = UnBodies::instance().find(body);
    if (!named || named->code != body) return at;
    std::size_t e = at;
    while (e > 0 && is_ascii_space(text[e - 1])) --e;
    if (e >= 2 && text[e - 2] == '\'' && (text[e - 1] == 's' || text[e - 1] == 'S')) e -= 2;
    for (const std::string& name : named->names_in("en")) {
        if (e < name.size()) continue;
        const std::size_t b = e - name.size();
        if (ascii_lower(text.substr(b, name.size())) == ascii_lower(name) &&
            (b == 0 || is_ascii_space(text[b - 1]) || text[b - 1] == '('))
            return b;
    }
    return at;
}

// Fields whose values are UN references: they may carry a "(2019)" or "(XXX)" tail after a
// space, and take a prefix ending in "/*".
bool is_reference_field(const std::string& field) {
    return field == "resolution" || field == "decision" || field == "symbol" || field == "doc" ||
           field == "document";
}

// Every reference of the field under the prefix value ("A/HRC/RES/*"), as typed and upper
// case (canonical references are upper case but for Add./Corr./Rev.). With a database its
// terms are listed, at most limits::max_prefix_references; without one Xapian expands it
// at match time.
Xapian::Query reference_prefix_query(const Schema& schema, const Xapian::Database* db,
                                     const std::string& field, const std::string& value, int column,
                                     ParsedQuery& notes) {
    const std::string stem = value.substr(0, value.size() - 1);
    const std::string clause = field + ":" + value;
    if (stem.find('/') == std::string::npos || stem.find('*') != std::string::npos)
        throw QueryError("bad prefix '" + clause + "' (expected a symbol ending in /*, such as " +
                             (field == "resolution" ? "A/HRC/RES/*" : "A/HRC/43/*") + ")",
                         column);
    const std::string prefix = schema.field(field).prefix;
    std::vector<std::string> stems{stem};
    add_unique(stems, upper_ascii(stem));
    for (const std::string& st : stems) add_unique(notes.reference_prefixes, st);
    const std::string too_many = "'" + clause + "' stands for more than " +
                                 std::to_string(limits::max_prefix_references) +
                                 " references (give a longer prefix)";
    std::vector<Xapian::Query> qs;
    for (const std::string& st : stems) {
        if (!db) {
            qs.emplace_back(Xapian::Query::OP_WILDCARD, prefix + st, limits::max_prefix_references,
                            Xapian::Query::WILDCARD_LIMIT_ERROR, Xapian::Query::OP_OR);
            continue;
        }
        for (auto t = db->allterms_begin(prefix + st); t != db->allterms_end(prefix + st); ++t) {
            if (qs.size() == limits::max_prefix_references) throw QueryError(too_many, column);
            qs.emplace_back(*t);
        }
    }
    // Nothing under it: the prefix's own term, absent, matches nothing (an empty Query would
    // read as a query without words).
    if (qs.empty()) qs.emplace_back(prefix + stem);
    notes.prefix_references += qs.size() - 1;
    return boolean(any_of(qs));
}

// The query with each free word (a term QueryParser left unstemmed, outside phrases and
// NEAR) replaced by the synonym of its stems: one for each stemmer, and the word itself
// where as_is. Fields, references, wildcards and phrases stay as they are.
Xapian::Query spread_stems(const Xapian::Query& q, const std::vector<Xapian::Stem>& stemmers,
                           bool as_is) {
    using Q = Xapian::Query;
    switch (q.get_type()) {
        case Q::LEAF_TERM: {
            const std::string word = *q.get_terms_begin();
            if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z') || !is_stemmed_term(word))
                return q;
            std::vector<std::string> terms;
            for (const Xapian::Stem& stem : stemmers) add_unique(terms, "Z" + stem(word));
            if (as_is) add_unique(terms, "Z" + word);
            std::vector<Q> qs(terms.begin(), terms.end());
            return qs.size() == 1 ? qs.front() : Q(Q::OP_SYNONYM, qs.begin(), qs.end());
        }
        case Q::OP_AND:
        case Q::OP_OR:
        case Q::OP_AND_NOT:
        case Q::OP_XOR:
        case Q::OP_AND_MAYBE:
        case Q::OP_FILTER:
        case Q::OP_MAX: {
            std::vector<Q> subs;
            for (std::size_t n = 0; n < q.get_num_subqueries(); ++n)
                subs.push_back(spread_stems(q.get_subquery(n), stemmers, as_is));
            return Q(q.get_type(), subs.begin(), subs.end());
        }
        default:
            return q;  // phrases, NEAR, wildcards, value ranges, weighted placeholders
    }
}

}  // namespace

std::vector<std::string> QueryParser::latin_langs() const {
    std::vector<std::string> out;
    for (const std::string& l : m_langs)
        if (l != "ar" && l != "zh" && l != "ru") out.push_back(l);
    // Paragraphs without a language have English stems.
    if (std::find(out.begin(), out.end(), "en") == out.end()) out.push_back("en");
    return out;
}

std::vector<std::string> QueryParser::database_languages(const Schema& schema,
                                                         const Xapian::Database& db) {
    std::vector<std::string> out;
    const std::string prefix = schema.field("lang").prefix;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        const std::string code = (*t).substr(prefix.size());
        if (!code.empty() &&
            std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            out.push_back(code);
    }
    return out;
}

QueryParser::QueryParser(const Schema& schema, const Gazetteer& gazetteer,
                         const Xapian::Database* db, std::string lang)
    : QueryParser(
          schema, gazetteer, db, std::move(lang),
          db && lang.empty() ? database_languages(schema, *db) : std::vector<std::string>{}) {}

QueryParser::QueryParser(const Schema& schema, const Gazetteer& gazetteer,
                         const Xapian::Database* db, std::string lang,
                         const std::vector<std::string>& db_langs)
    : m_schema(schema), m_gazetteer(gazetteer), m_db(db) {
    if (!lang.empty())
        m_langs.push_back(ascii_lower(lang));
    else
        m_langs = db_langs;
    if (m_langs.empty()) m_langs.push_back("en");
}

std::pair<std::string, std::string> QueryParser::split_filter(std::string_view filter) const {
    if (Utf8Problem bad; !check_utf8(filter, &bad))
        throw QueryError("filter is not valid UTF-8 at byte " + std::to_string(bad.offset + 1));
    const auto colon = filter.find(':');
    if (colon == std::string_view::npos || colon == 0)
        throw QueryError("bad filter '" + std::string(filter) + "' (expected field:value)");
    std::string field(trim(filter.substr(0, colon)));
    std::string value(trim(filter.substr(colon + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
    return {field, value};
}

Xapian::Query QueryParser::text_field_query(const std::string& field, std::string_view value,
                                            int column) const {
    const std::string& prefix = m_schema.field(field).prefix;
    std::vector<Xapian::Query> words;
    for (const Word& w : words_of(value)) {
        const std::string& word = w.term;
        std::vector<Xapian::Query> forms{Xapian::Query(prefix + word)};
        for (const auto& lang : m_langs) {
            Xapian::Stem stem = stemmer_for(lang);
            forms.push_back(Xapian::Query("Z" + prefix + stem(word)));
        }
        words.push_back(Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end()));
    }
    if (words.empty())
        throw QueryError("no words to search for in '" + field + ":" + std::string(value) + "'",
                         column);
    if (words.size() == 1) return words.front();
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

Xapian::Query QueryParser::field_query(const std::string& field, std::string_view raw_value,
                                       bool exact, int column, ParsedQuery* notes) const {
    const Field* f = m_schema.find(field);
    if (!f || !f->filter)
        throw QueryError(
            "unknown field '" + field + "' (known fields: " + m_schema.filter_names() + ")",
            column);
    std::string value(trim(raw_value));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = std::string(trim(std::string_view(value).substr(1, value.size() - 2)));
    if (value.empty()) throw QueryError("missing value after '" + field + ":'", column);
    ParsedQuery scratch;
    ParsedQuery& n = notes ? *notes : scratch;

    // Drill-down: a facet value as shown is an indexed term; match exactly that.
    if (exact && m_db && f->has_prefix && !f->prefix.empty() &&
        m_db->term_exists(f->prefix + value))
        return boolean(Xapian::Query(f->prefix + value));

    if (field == "title" || field == "heading") return text_field_query(field, value, column);
    if (is_reference_field(field) && value.back() == '*')
        return reference_prefix_query(m_schema, m_db, field, value, column, n);
    if (field == "country" || field == "demonym" || field == "speaker")
        return country_query(field, value, column, n);
    if (field == "year" || field == "date") return date_query(*f, value, column);
    if (field == "session" || field == "mentioned_session")
        return number_query(field, value, column);
    if (field == "resolution" || field == "decision")
        return resolution_query(field, value, column, n);
    if (field == "symbol" || field == "doc" || field == "document")
        return symbol_query(field, value, exact, n);
    if (field == "body" || field == "organ")
        return boolean(Xapian::Query(m_schema.term(field, upper_ascii(value))));
    // A descriptor as the thesaurus spells it ("TRAFFICKING IN PERSONS") or in any case.
    if (field == "subject") return boolean(Xapian::Query(m_schema.term(field, fold(value))));
    if (field == "lang" || field == "kind" || field == "id")
        return boolean(Xapian::Query(m_schema.term(field, ascii_lower(value))));
    return boolean(Xapian::Query(m_schema.term(field, value)));
}

Xapian::Query QueryParser::country_query(const std::string& field, const std::string& value,
                                         int column, ParsedQuery& notes) const {
    // A value indexed as it is (a speaker such as "EU", not a country) matches as in a filter.
    if (m_db && m_db->term_exists(m_schema.term(field, upper_ascii(value))))
        return boolean(Xapian::Query(m_schema.term(field, upper_ascii(value))));
    const auto code = m_gazetteer.lookup(value);
    if (!code) throw QueryError("unknown country '" + field + ":" + value + "'", column);
    add_unique(notes.countries, *code);
    return boolean(Xapian::Query(m_schema.term(field, *code)));
}

Xapian::Query QueryParser::date_query(const Field& f, const std::string& value, int column) const {
    const std::string& field = f.name;
    const std::string clause = field + ":" + value;
    const auto dots = value.find("..");
    auto bounds = [&](std::string_view part) -> std::optional<std::pair<std::string, std::string>> {
        if (field == "year") {
            if (part.size() != 4 || !parse_long(part)) return std::nullopt;
            return std::make_pair(std::string(part), std::string(part));
        }
        return date_bounds(part);
    };
    const char* expected = field == "year" ? "(expected YYYY or YYYY..YYYY)"
                                           : "(expected YYYY, YYYY-MM or YYYY-MM-DD, or "
                                             "a range FROM..TO)";
    const Xapian::valueno slot = *f.slot;
    if (dots == std::string::npos) {
        const auto b = bounds(value);
        if (!b) throw QueryError("bad " + field + " '" + clause + "' " + expected, column);
        if (field == "year") return boolean(Xapian::Query(m_schema.term("year", value)));
        return boolean(with_year_only(
            slot, b->first,
            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, b->first, b->second)));
    }
    const std::string_view lo_text = std::string_view(value).substr(0, dots);
    const std::string_view hi_text = std::string_view(value).substr(dots + 2);
    if (lo_text.empty() && hi_text.empty())
        throw QueryError("bad range '" + clause + "' " + expected, column);
    std::optional<std::pair<std::string, std::string>> lo, hi;
    if (!lo_text.empty() && !(lo = bounds(lo_text)))
        throw QueryError("bad range '" + clause + "' " + expected, column);
    if (!hi_text.empty() && !(hi = bounds(hi_text)))
        throw QueryError("bad range '" + clause + "' " + expected, column);
    if (lo && hi && lo->first > hi->second)
        throw QueryError("bad range '" + clause + "' (the start is after the end)", column);
    if (!lo) return boolean(Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi->second));
    if (!hi)
        return boolean(with_year_only(slot, lo->first,
                                      Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo->first)));
    return boolean(
        with_year_only(slot, lo->first,
                       Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo->first, hi->second)));
}

Xapian::Query QueryParser::number_query(const std::string& field, const std::string& value,
                                        int column) const {
    const std::string clause = field + ":" + value;
    auto term = [&](long v) { return Xapian::Query(m_schema.term(field, std::to_string(v))); };
    const auto dots = value.find("..");
    if (dots == std::string::npos) {
        const auto v = parse_long(value);
        if (!v) throw QueryError("bad number '" + clause + "'", column);
        return boolean(term(*v));
    }
    const auto lo = parse_long(std::string_view(value).substr(0, dots));
    const auto hi = parse_long(std::string_view(value).substr(dots + 2));
    if (!lo || !hi) throw QueryError("bad range '" + clause + "' (expected N..M)", column);
    if (*lo > *hi)
        throw QueryError("bad range '" + clause + "' (the start is after the end)", column);
    // hi - lo + 1 values; both are at least 0, so neither the difference nor the loop
    // overflows (i <= hi never failed for hi = LONG_MAX: the loop never ended).
    if (*hi - *lo >= limits::max_number_range)
        throw QueryError("bad range '" + clause + "' (more than " +
                             std::to_string(limits::max_number_range) + " values)",
                         column);
    std::vector<Xapian::Query> qs;
    for (long k = 0; k <= *hi - *lo; ++k) qs.push_back(term(*lo + k));
    return boolean(any_of(qs));
}

Xapian::Query QueryParser::resolution_query(const std::string& field, const std::string& value,
                                            int column, ParsedQuery& notes) const {
    auto term = [&](const std::string& name, const std::string& v) {
        return Xapian::Query(m_schema.term(name, v));
    };
    const bool decision = field == "decision";
    const auto r = parse_resolution(value);
    if (r && !r->ref.id.empty()) {
        add_unique(notes.resolutions, r->ref.id);
        return boolean(term(r->ref.decision ? "decision" : field, r->ref.id));
    }
    std::string number = r ? r->number : std::string();
    if (number.empty()) {
        // "A/DEC/73/546" and friends that the resolution parser does not take.
        const std::string up = upper_ascii(value);
        if (up.find(decision ? "/DEC/" : "/RES/") != std::string::npos) {
            add_unique(notes.resolutions, up);
            return boolean(term(field, up));
        }
        bool numeric = !value.empty() && is_ascii_digit(value.front());
        if (!numeric) throw QueryError("not a " + field + " '" + field + ":" + value + "'", column);
        number = value;
    }
    add_unique(notes.resolution_numbers, number);
    if (decision && m_db) {
        // A bare decision number: every body's decision with that number, not resolutions.
        const std::string prefix = m_schema.field("decision").prefix;
        const std::string tail = "/DEC/" + number;
        std::vector<Xapian::Query> qs;
        for (auto t = m_db->allterms_begin(prefix); t != m_db->allterms_end(prefix); ++t) {
            const std::string& s = *t;
            if (s.size() >= tail.size() &&
                s.compare(s.size() - tail.size(), tail.size(), tail) == 0)
                qs.push_back(Xapian::Query(s));
        }
        // None indexed: a term no decision has (it would have ended in tail), so the clause
        // matches nothing and "peace decision:1" has no hits; MatchNothing would empty the
        // whole AND, and an empty query is an error.
        if (qs.empty()) return boolean(Xapian::Query(prefix + tail));
        return boolean(any_of(qs));
    }
    return boolean(term("resolution_number", number));
}

Xapian::Query QueryParser::symbol_query(const std::string& field, const std::string& value,
                                        bool exact, ParsedQuery& notes) const {
    auto term = [&](const std::string& name, const std::string& v) {
        return Xapian::Query(m_schema.term(name, v));
    };
    const auto s = parse_symbol(value);
    const std::string canonical = s ? s->canonical : value;
    add_unique(notes.symbols, canonical);
    if (field == "document") {
        if (canonical == value) return boolean(term(field, value));
        return boolean(
            Xapian::Query(Xapian::Query::OP_OR, term(field, value), term(field, canonical)));
    }
    const std::string base_field = field == "doc" ? "doc_base" : "symbol_base";
    if (exact) return boolean(term(field, canonical));
    return boolean(
        Xapian::Query(Xapian::Query::OP_OR, term(field, canonical), term(base_field, canonical)));
}

Xapian::Query QueryParser::reference_query(std::string_view text, ParsedQuery& notes) const {
    // A resolution or decision: its full id only when the text names the body (an explicit
    // symbol or "General Assembly resolution ..."); otherwise the number, for every body.
    if (const auto r = parse_resolution(text)) {
        const std::string f = fold(text);
        const bool explicit_body =
            f.find("/res/") != std::string::npos || f.find("/dec/") != std::string::npos ||
            std::any_of(std::begin(kBodyWords), std::end(kBodyWords),
                        [&](const char* w) { return f.find(w) != std::string::npos; });
        if (explicit_body && !r->ref.id.empty()) {
            add_unique(notes.resolutions, r->ref.id);
            const Xapian::Query q(
                m_schema.term(r->ref.decision ? "decision" : "resolution", r->ref.id));
            return boolean(Xapian::Query(Xapian::Query::OP_OR, q,
                                         Xapian::Query(m_schema.term("symbol", r->ref.id))));
        }
        if (!r->number.empty()) {
            add_unique(notes.resolution_numbers, r->number);
            return boolean(Xapian::Query(m_schema.term("resolution_number", r->number)));
        }
    }
    // A symbol finds the paragraphs citing it, as a resolution does; doc: finds the document.
    if (const auto s = parse_symbol(text)) {
        add_unique(notes.symbols, s->canonical);
        return boolean(Xapian::Query(m_schema.term("symbol", s->canonical)));
    }
    return Xapian::Query();
}

namespace {

// Where the mark closing a quote opened at i starts; QueryError if the quote is not closed.
std::size_t closing_quote(std::string_view text, std::size_t i, std::size_t open_len) {
    std::size_t j = i + open_len;
    while (j < text.size() && !quote_len(text, j)) ++j;
    if (j >= text.size()) throw QueryError("unbalanced quote", column_of(text, i));
    return j;
}

// Where an unquoted field value starting at v ends: at a space, a quote or an unopened ")";
// a reference field's value keeps its "(2019)" or "(XXX)" tail.
std::size_t field_value_end(std::string_view text, std::size_t v, const std::string& name) {
    std::size_t end = v;
    int depth = 0;
    while (end < text.size() && !is_ascii_space(text[end]) && !quote_len(text, end)) {
        if (text[end] == '(') ++depth;
        if (text[end] == ')' && --depth < 0) break;
        ++end;
    }
    if (!is_reference_field(name)) return end;
    // "resolution:2482 (2019)": the year tail belongs to the value.
    std::size_t k = end;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k < text.size() && text[k] == '(') {
        std::size_t m = k + 1;
        while (m < text.size() && (is_ascii_digit(text[m]) || text[m] == 'X' || text[m] == 'V' ||
                                   text[m] == 'I' || text[m] == 'L'))
            ++m;
        if (m > k + 1 && m < text.size() && text[m] == ')') end = m + 1;
    }
    return end;
}

// The field:value clause whose name runs from i to j (text[j] is ':'), if the name is a
// filter field; QueryError for an unknown field with a value or a known one without.
std::optional<Segment> field_clause(std::string_view text, std::size_t i, std::size_t j,
                                    const Schema& schema) {
    const std::string name = ascii_lower(text.substr(i, j - i));
    const Field* f = schema.find(name);
    const bool known = f && f->filter;
    const std::size_t v = j + 1;
    const bool has_value = v < text.size() && !is_ascii_space(text[v]);
    if (!known && has_value)
        throw QueryError("unknown field '" + std::string(text.substr(i, j - i)) +
                             "' (known fields: " + schema.filter_names() + ")",
                         column_of(text, i));
    if (!known) return std::nullopt;
    if (!has_value) throw QueryError("missing value after '" + name + ":'", column_of(text, i));
    if (const std::size_t ql = quote_len(text, v)) {
        const std::size_t k = closing_quote(text, v, ql);
        return Segment{SegmentKind::field, i, k + quote_len(text, k), name,
                       std::string(text.substr(v + ql, k - v - ql))};
    }
    const std::size_t end = field_value_end(text, v, name);
    return Segment{SegmentKind::field, i, end, name, std::string(text.substr(v, end - v))};
}

// Phase 1: the query as text, "quotes" and field:value clauses, in order.
std::vector<Segment> scan_segments(std::string_view text, const Schema& schema) {
    std::vector<Segment> segments;
    std::size_t text_start = 0;
    auto flush_text = [&](std::size_t to) {
        if (to > text_start) segments.push_back({SegmentKind::text, text_start, to, {}, {}});
    };
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t ql = quote_len(text, i)) {
            const std::size_t j = closing_quote(text, i, ql);
            flush_text(i);
            segments.push_back({SegmentKind::quoted,
                                i,
                                j + quote_len(text, j),
                                {},
                                std::string(text.substr(i + ql, j - i - ql))});
            i = text_start = j + quote_len(text, j);
            continue;
        }
        const bool token_start =
            i == 0 || is_ascii_space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '+' ||
            (text[i - 1] == '-' && (i == 1 || is_ascii_space(text[i - 2]) || text[i - 2] == '('));
        if (!token_start || !is_ascii_alpha(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && (is_ascii_alpha(text[j]) || text[j] == '_')) ++j;
        if (j < text.size() && text[j] == ':' && j - i >= 2) {
            if (auto field = field_clause(text, i, j, schema)) {
                flush_text(i);
                i = text_start = field->end;
                segments.push_back(std::move(*field));
                continue;
            }
        }
        i = j;
    }
    flush_text(text.size());
    return segments;
}

// Phase 4: Xapian::QueryParser over the rewritten query, with lang's stems (empty: the words
// as typed) and the stopwords of stop_langs.
Xapian::Query xapian_parse(const std::string& rewritten,
                           const std::vector<Xapian::Query>& placeholders, const std::string& lang,
                           const std::vector<std::string>& stop_langs, const Xapian::Database* db,
                           std::string_view text, const std::vector<Segment>& segments) {
    PlaceholderProcessor processor(placeholders);
    Xapian::QueryParser qp;
    // Without a stopper "smuggling of migrants" would require "of" in every paragraph.
    Xapian::SimpleStopper stopper;
    for (const std::string& l : stop_langs)
        for (const char* w : stopwords_for(l)) stopper.add(w);
    qp.set_stopper(&stopper);
    if (lang.empty()) {
        // Words as typed: spread_stems() gives each its stems.
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    } else {
        qp.set_stemmer(stemmer_for(lang));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    qp.set_default_op(Xapian::Query::OP_AND);
    if (db) qp.set_database(*db);
    // The words were counted above; this bounds a wildcard the count could not see.
    qp.set_max_expansion(static_cast<Xapian::termcount>(limits::max_wildcard_terms),
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    qp.add_prefix(kPlaceholder, &processor);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    try {
        return qp.parse_query(rewritten, flags);
    } catch (const Xapian::Error& e) {
        throw syntax_error(text, segments, e.get_msg());
    }
}

// The free-text terms the highlighter marks: folded words and Z-stems, not those of phrases
// (a phrase's words are marked only where the whole phrase stands) nor prefixed terms.
std::vector<std::string> highlight_terms(const ParsedQuery& q) {
    std::vector<std::string> out;
    for (auto t = q.query.get_unique_terms_begin(); t != q.query.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        if (term.empty()) continue;
        const char c0 = term[0];
        const bool upper = c0 >= 'A' && c0 <= 'Z';
        if (upper && !(c0 == 'Z' && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z')))
            continue;
        const bool in_phrase = std::any_of(q.phrases.begin(), q.phrases.end(), [&](const auto& p) {
            return std::find(p.begin(), p.end(), term) != p.end();
        });
        if (!in_phrase) out.push_back(term);
    }
    return out;
}

}  // namespace

/// The query's segments and the references typed as free text in them (phases 1 and 2).
struct QueryParser::Scan {
    std::string_view text;
    std::vector<Segment> segments;
    std::vector<RefSpan> refs;  // by position
};

void QueryParser::find_references(Scan& scan, ParsedQuery& out) const {
    const std::string_view text = scan.text;
    std::vector<RefSpan>& refs = scan.refs;
    // Found with quotes and fields blanked out.
    std::string masked(text);
    for (const Segment& s : scan.segments)
        if (s.kind != SegmentKind::text)
            std::fill(masked.begin() + s.begin, masked.begin() + s.end, ' ');
    auto overlaps = [&](std::size_t b, std::size_t e) {
        for (const RefSpan& r : refs)
            if (b < r.end && r.begin < e) return true;
        return false;
    };
    for (const ResolutionMatch& m : find_resolutions(masked, CitationContext{"", "en"})) {
        if (m.end <= m.begin || m.end > masked.size()) continue;
        const std::string_view span = std::string_view(masked).substr(m.begin, m.end - m.begin);
        Xapian::Query q = reference_query(span, out);
        std::size_t begin = m.begin;
        if (const std::size_t named = body_named_before(masked, m.begin, m.ref.body);
            named != m.begin && !m.ref.id.empty()) {
            // "General Assembly resolution 73/195": the words name the body, so the id is meant.
            begin = named;
            std::erase(out.resolution_numbers, m.number);
            add_unique(out.resolutions, m.ref.id);
            q = boolean(
                Xapian::Query(m_schema.term(m.ref.decision ? "decision" : "resolution", m.ref.id)));
        }
        if (q.empty() && !m.number.empty()) {
            add_unique(out.resolution_numbers, m.number);
            q = boolean(Xapian::Query(m_schema.term("resolution_number", m.number)));
        }
        if (q.empty()) continue;
        // Lists ("resolutions 2331 (2016) and 2388 (2017)") share a span: all are asked for.
        bool merged = false;
        for (RefSpan& r : refs) {
            if (begin < r.end && r.begin < m.end) {
                r.begin = std::min(r.begin, begin);
                r.end = std::max(r.end, m.end);
                r.query = Xapian::Query(Xapian::Query::OP_AND, r.query, q);
                merged = true;
                break;
            }
        }
        if (!merged) refs.push_back({begin, m.end, q});
    }
    for (const SymbolMatch& m : find_symbols(masked)) {
        if (m.end <= m.begin || m.end > masked.size() || overlaps(m.begin, m.end)) continue;
        Xapian::Query q = reference_query(m.canonical, out);
        if (!q.empty()) refs.push_back({m.begin, m.end, q});
    }
    // Tokens the scanners leave (lower-case "a/res/73/195"): parsed one by one.
    for (const Segment& s : scan.segments) {
        if (s.kind != SegmentKind::text) continue;
        std::size_t k = s.begin;
        while (k < s.end) {
            while (k < s.end && is_ascii_space(text[k])) ++k;
            std::size_t e = k;
            while (e < s.end && !is_ascii_space(text[e])) ++e;
            std::string_view tok = text.substr(k, e - k);
            while (!tok.empty() && (tok.back() == ',' || tok.back() == ';' || tok.back() == '.'))
                tok.remove_suffix(1);
            const bool slashed = tok.find('/') != std::string_view::npos &&
                                 std::any_of(tok.begin(), tok.end(), is_ascii_digit) &&
                                 std::any_of(tok.begin(), tok.end(), is_ascii_alpha);
            // "NEAR/3" and "ADJ/2" are operators, not symbols.
            if (slashed && !is_operator(tok) && !overlaps(k, k + tok.size())) {
                Xapian::Query q = reference_query(tok, out);
                if (!q.empty()) refs.push_back({k, k + tok.size(), q});
            }
            k = e;
        }
    }
    std::sort(refs.begin(), refs.end(),
              [](const RefSpan& a, const RefSpan& b) { return a.begin < b.begin; });
}

/// Phase 3: the folded query with placeholders for quotes that are references, fields and
/// references, checking parentheses and counting terms on the way.
class QueryParser::Rewriter {
  public:
    Rewriter(const QueryParser& parser, const Scan& scan, ParsedQuery& out)
        : m_parser(parser), m_scan(scan), m_text(scan.text), m_out(out) {}

    void run() {
        for (const Segment& s : m_scan.segments) {
            if (s.kind == SegmentKind::quoted)
                quoted(s);
            else if (s.kind == SegmentKind::field)
                field(s);
            else
                free_text(s);
        }
        if (!m_open_parens.empty())
            throw QueryError("unbalanced parenthesis", m_open_parens.back());
        if (m_near_column) throw near_needs_words(*m_near_column);  // "migrants NEAR" at the end
        check_near_neighbours();
        check_boolean_operands();
    }

    std::string rewritten;
    std::vector<Xapian::Query> placeholders;
    std::size_t wildcard_terms = 0;  // the words the wildcards stand for

  private:
    const QueryParser& m_parser;
    const Scan& m_scan;
    std::string_view m_text;
    ParsedQuery& m_out;
    std::vector<int> m_open_parens;
    // NEAR and ADJ join two words. Where Xapian's parser refuses anything else beside them
    // (a field, a reference, a group, another operator, nothing), it throws from inside its
    // parser and leaks what it had built (found by fuzzing), so the rewriter refuses first.
    // What was last written, as Xapian's parser will see it; punctuation alone is not seen.
    enum class Last { nothing, word, operator_, group };
    Last m_last = Last::nothing;
    std::optional<int> m_near_column;    ///< a NEAR or ADJ whose right side is still to come
    std::vector<int> m_near_columns;     ///< every NEAR and ADJ, in order
    std::vector<int> m_boolean_columns;  ///< every AND, OR and XOR, in order
    std::size_t m_next_ref = 0;
    std::size_t m_terms = 0;  // range values and wildcard words so far: the limit stops them early

    static QueryError near_error(int column) {
        return QueryError("NEAR and ADJ join words, not fields, references or groups", column);
    }
    static QueryError near_needs_words(int column) {
        return QueryError("NEAR and ADJ need a word on each side", column);
    }

    /// Notes a field, reference, phrase or group written next.
    void group_next() {
        if (m_near_column) throw near_error(*m_near_column);
        m_last = Last::group;
    }

    /// A space before a field, reference, phrase or bracket, unless a bare + or - stands just
    /// before it: glued to the sign, love or hate applies to it ("-(a OR b)", "-\"a b\"").
    void space_unless_after_sign() {
        const std::size_t n = rewritten.size();
        const bool sign = n > 0 && (rewritten[n - 1] == '-' || rewritten[n - 1] == '+') &&
                          (n == 1 || rewritten[n - 2] == ' ' || rewritten[n - 2] == '(');
        if (!sign) rewritten += ' ';
    }

    void placeholder(Xapian::Query q) {
        group_next();
        space_unless_after_sign();
        rewritten += kPlaceholder;
        rewritten += ':' + std::to_string(placeholders.size()) + ' ';
        placeholders.push_back(std::move(q));
    }

    void quoted(const Segment& s) {
        Xapian::Query q;
        if (s.value.find('/') != std::string::npos)
            q = m_parser.reference_query(trim(s.value), m_out);
        if (!q.empty()) {
            placeholder(q);
            return;
        }
        const std::string folded = fold_terms(s.value);
        std::vector<std::string> words;
        for (Word& w : words_of(s.value)) words.push_back(std::move(w.term));
        if (words.empty()) return;
        if (words.size() > 1) m_out.phrases.push_back(words);
        group_next();
        space_unless_after_sign();
        rewritten += "\"" + segment_cjk(folded) + "\" ";
    }

    void field(const Segment& s) {
        const std::size_t references_before = m_out.prefix_references;
        Xapian::Query q =
            m_parser.field_query(s.field, s.value, false, column_of(m_text, s.begin), &m_out);
        // A reference prefix's boolean terms are bounded by its own limit: it counts as one.
        if ((m_terms += term_count(q) - (m_out.prefix_references - references_before)) >
            limits::max_query_terms)
            throw too_many_terms(column_of(m_text, s.begin));
        placeholder(q);
    }

    void free_text(const Segment& s) {
        const std::vector<RefSpan>& refs = m_scan.refs;
        std::size_t k = s.begin;
        while (k < s.end) {
            while (m_next_ref < refs.size() && refs[m_next_ref].end <= k) ++m_next_ref;
            if (m_next_ref < refs.size() && refs[m_next_ref].begin == k) {
                placeholder(refs[m_next_ref].query);
                k = refs[m_next_ref].end;
                ++m_next_ref;
                continue;
            }
            const char c = m_text[k];
            if (is_ascii_space(c)) {
                rewritten += ' ';
                ++k;
                continue;
            }
            if (c == '(' || c == ')') {
                parenthesis(k);
                ++k;
                continue;
            }
            std::size_t e = k;
            const std::size_t limit =
                m_next_ref < refs.size() ? std::min(s.end, refs[m_next_ref].begin) : s.end;
            while (e < limit && !is_ascii_space(m_text[e]) && m_text[e] != '(' && m_text[e] != ')')
                ++e;
            word(m_text.substr(k, e - k), k);
            k = e;
        }
    }

    /// A token of the rewritten query that Xapian reads as one plain term: no love or hate
    /// sign, no wildcard, no phrase of hyphenated parts, nothing around the word.
    static bool plain_word(std::string_view token) {
        if (token.empty() || token[0] == '+' || token[0] == '-') return false;
        const std::vector<Word> words = words_of(token);
        return words.size() == 1 && words[0].span.begin == 0 && words[0].span.end == token.size();
    }

    /// The rewritten query's tokens, as split at spaces.
    std::vector<std::string_view> rewritten_tokens() const {
        std::vector<std::string_view> tokens;
        for (std::size_t i = 0; i < rewritten.size();) {
            while (i < rewritten.size() && rewritten[i] == ' ') ++i;
            const std::size_t b = i;
            while (i < rewritten.size() && rewritten[i] != ' ') ++i;
            if (i > b) tokens.push_back(std::string_view(rewritten).substr(b, i - b));
        }
        return tokens;
    }

    /// The last word on NEAR and ADJ, over the string Xapian will parse: each stands between
    /// two plain words, or the query is refused here rather than by Xapian's parser (which
    /// leaks when it refuses; "-01/ ADJ x" was the fuzzer's third such input).
    void check_near_neighbours() const {
        const std::vector<std::string_view> tokens = rewritten_tokens();
        std::size_t nth = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const std::string_view t = tokens[i];
            if (!is_operator(t) || (t.substr(0, 4) != "NEAR" && t.substr(0, 3) != "ADJ")) continue;
            const int column = nth < m_near_columns.size() ? m_near_columns[nth] : 0;
            ++nth;
            if (i == 0 || i + 1 == tokens.size() || !plain_word(tokens[i - 1]) ||
                !plain_word(tokens[i + 1]))
                throw near_needs_words(column);
        }
    }

    /// AND, OR and XOR over the string Xapian will parse: each stands between two operands
    /// (a NOT may start the right one), or the query is refused here. Xapian's parser does not
    /// refuse a query that starts with one ("OR migrants -smuggling"): it leaks what it had
    /// built (found by fuzzing) and parses the whole query again as plain words, so that OR
    /// became a word and -smuggling no longer excluded anything.
    void check_boolean_operands() const {
        std::vector<std::string_view> tokens = rewritten_tokens();
        // Punctuation alone and bare signs: Xapian's parser skips them.
        std::erase_if(tokens, [](std::string_view t) {
            return t.back() != '(' && t != ")" && words_of(t).empty();
        });
        std::size_t nth = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!is_boolean_operator(tokens[i])) continue;
            const int column = nth < m_boolean_columns.size() ? m_boolean_columns[nth] : 0;
            ++nth;
            const bool before = i > 0 && tokens[i - 1].back() != '(' && !is_operator(tokens[i - 1]);
            const bool after = i + 1 < tokens.size() && tokens[i + 1] != ")" &&
                               (tokens[i + 1] == "NOT" || !is_operator(tokens[i + 1]));
            if (!before || !after)
                throw QueryError(
                    std::string(tokens[i]) + " needs something to search for on each side", column);
        }
    }

    /// Checks NEAR and ADJ as Xapian will read word: a word on each side of them.
    void follow_word(std::string_view word, int column) {
        const bool op = is_operator(word);
        if (!op && words_of(word).empty()) return;  // punctuation alone: Xapian skips it
        const bool near = op && (word.substr(0, 4) == "NEAR" || word.substr(0, 3) == "ADJ");
        if (m_near_column && op) throw near_needs_words(*m_near_column);  // "a NEAR OR b"
        if (near && m_last == Last::group) throw near_error(column);
        if (near && m_last != Last::word) throw near_needs_words(column);  // "a OR NEAR/3 b"
        m_near_column.reset();
        if (near) m_near_column = column;
        if (near) m_near_columns.push_back(column);
        m_last = op ? Last::operator_ : Last::word;
    }

    void parenthesis(std::size_t k) {
        if (m_text[k] == '(') {
            group_next();
        } else {
            if (m_near_column) throw near_needs_words(*m_near_column);  // "(a NEAR)"
            m_last = Last::group;
        }
        if (m_text[k] == '(') {
            m_open_parens.push_back(column_of(m_text, k));
            if (m_open_parens.size() > static_cast<std::size_t>(limits::max_query_depth))
                throw QueryError("parentheses nested deeper than " +
                                     std::to_string(limits::max_query_depth) + " levels",
                                 m_open_parens.back());
            space_unless_after_sign();
            rewritten += "( ";
            return;
        }
        if (m_open_parens.empty()) throw QueryError("unbalanced parenthesis", column_of(m_text, k));
        m_open_parens.pop_back();
        rewritten += " ) ";
    }

    void word(std::string_view typed, std::size_t k) {
        const std::string signed_word = without_skipped_after_sign(typed);
        const std::string_view word = signed_word;
        const int column = column_of(m_text, k);
        follow_word(word, column);
        if (is_boolean_operator(word)) m_boolean_columns.push_back(column);
        if (is_operator(word)) {
            rewritten += ' ';
            rewritten += word;
            rewritten += ' ';
            return;
        }
        const std::string folded = fold_terms(word);
        if (folded.size() > 1 && folded.back() == '*') wildcard(folded, k);
        // A Chinese query typed without spaces: its words, as the index has them
        // (the default AND joins them).
        rewritten += segment_cjk(folded);
    }

    void wildcard(const std::string& folded, std::size_t k) {
        std::string_view stem_part(folded);
        stem_part.remove_suffix(1);
        while (!stem_part.empty() && (stem_part.front() == '+' || stem_part.front() == '-'))
            stem_part.remove_prefix(1);
        if (!stem_part.empty()) add_unique(m_out.wildcards, std::string(stem_part));
        // Each word a wildcard stands for is a term to match: an OR of 480 of
        // them took 15 s and 456 MB.
        if (stem_part.empty() || !m_parser.m_db) return;
        const std::size_t n =
            count_words(*m_parser.m_db, std::string(stem_part), limits::max_wildcard_terms);
        if (n > limits::max_wildcard_terms)
            throw QueryError("wildcard '" + std::string(stem_part) + "*' matches more than " +
                                 std::to_string(limits::max_wildcard_terms) + " words",
                             column_of(m_text, k));
        wildcard_terms += n;
        if ((m_terms += n) > limits::max_query_terms) throw too_many_terms(column_of(m_text, k));
    }
};

Xapian::Query QueryParser::analyse(const Scan& scan, const Rewriter& rewriter,
                                   ParsedQuery& out) const {
    auto parse_as = [&](const std::string& lang) {
        return xapian_parse(rewriter.rewritten, rewriter.placeholders, lang,
                            lang.empty() ? latin_langs() : std::vector<std::string>{lang}, m_db,
                            scan.text, scan.segments);
    };
    // A query in Arabic, Chinese or Cyrillic script is analysed as that language's documents
    // are, whatever else the database holds.
    std::string script_lang;
    if (m_langs.size() > 1) {
        std::string words;  // the free text and quotes, not field values such as country:
        for (const Segment& seg : scan.segments)
            if (seg.kind != SegmentKind::field)
                words.append(scan.text.substr(seg.begin, seg.end - seg.begin));
        script_lang = script_language(words);
        if (std::find(m_langs.begin(), m_langs.end(), script_lang) == m_langs.end())
            script_lang.clear();
    }
    if (!script_lang.empty()) {
        out.langs = {script_lang};
        return parse_as(script_lang);
    }
    if (m_langs.size() == 1) return parse_as(m_langs.front());
    // Each paragraph's words are indexed with the stems of its own language, so a word
    // of the query stands for the stems every Latin-script language gives it, as one
    // term: "migrants" is Zmigrant (English) or Zmigr (French), and a paragraph matches
    // whichever its language made. One parse, no per-language branches: the cost of a
    // query stays that of one analysis.
    std::vector<Xapian::Stem> stemmers;
    for (const std::string& l : latin_langs()) stemmers.push_back(stemmer_for(l));
    // Russian and Arabic leave a Latin word as it is: those paragraphs' stem is the word.
    const bool as_is = std::any_of(m_langs.begin(), m_langs.end(),
                                   [](const std::string& l) { return l == "ru" || l == "ar"; });
    return spread_stems(parse_as(""), stemmers, as_is);
}

ParsedQuery QueryParser::parse(std::string_view text) const {
    ParsedQuery out;
    out.langs = m_langs;
    if (Utf8Problem bad; !check_utf8(text, &bad))
        throw QueryError("query is not valid UTF-8 at byte " + std::to_string(bad.offset + 1));
    const std::string spaced = xapian_spaces_plain(text);
    text = spaced;
    if (trim(text).empty()) throw QueryError("empty query");

    // 1. Quotes and field:value clauses. 2. References typed as free text.
    Scan scan{text, scan_segments(text, m_schema), {}};
    find_references(scan, out);
    // 3. The folded query with placeholders. 4. Xapian does the rest.
    Rewriter rewriter(*this, scan, out);
    rewriter.run();
    out.query = analyse(scan, rewriter, out);
    if (out.query.empty()) throw QueryError("the query has no words to search for");
    const std::size_t leaves = term_count(out.query);
    const std::size_t counted =
        leaves > out.prefix_references ? leaves - out.prefix_references : leaves;
    if (counted + rewriter.wildcard_terms > limits::max_query_terms) throw too_many_terms();
    out.terms = highlight_terms(out);
    return out;
}

}  // namespace plenary
