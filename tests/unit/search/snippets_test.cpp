// Snippets: words as written are marked, phrases as one span, offsets in code points.
#include "search/snippets.h"

#include <gtest/gtest.h>

#include <map>

#include "analysis/analyzer.h"
#include "base/text_util.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "search/query.h"

namespace plenary {
namespace {

ParsedQuery parse(const std::string& q) {
    return QueryParser(Schema::instance(), Gazetteer::instance(), nullptr, "en").parse(q);
}

// The highlighted substrings, for readable expectations.
std::vector<std::string> marked(const Snippet& s) {
    std::vector<std::string> out;
    for (const Highlight& h : s.highlights) {
        std::size_t i = 0, cp = 0, b = 0;
        while (cp < h.start) {
            next_code_point(s.text, i);
            ++cp;
        }
        b = i;
        while (cp < h.end) {
            next_code_point(s.text, i);
            ++cp;
        }
        out.push_back(s.text.substr(b, i - b));
    }
    return out;
}

struct Row {
    const char* query;
    const char* text;
    std::vector<std::string> marked;
};

TEST(SnippetsTest, MarksTheWordsAsWritten) {
    const Row rows[] = {
        {"migrant", "Smuggled migrants and one Migrant.", {"migrants", "Migrant"}},
        {"smuggling", "Smuggled migrants, smuggler.", {"Smuggled"}},
        {"\"migrant smuggling\"",
         "Migrant smuggling, migrant and smuggling.",
         {"Migrant smuggling"}},
        {"\"migrant smuggling\" routes",
         "On routes of migrant   smuggling.",
         {"routes", "migrant   smuggling"}},
        {"traffick*", "Trafficking and traffickers; traffic.", {"Trafficking", "traffickers"}},
        {"cote d'ivoire",
         "Côte d’Ivoire and COTE D'IVOIRE.",
         {"Côte", "d’Ivoire", "COTE", "D'IVOIRE"}},
        {"\"cote d'ivoire\"", "In Côte d’Ivoire.", {"Côte d’Ivoire"}},
        {"resolution 73/195",
         "Recalling General Assembly resolution 73/195 of 2018.",
         {"resolution 73/195"}},
        {"A/RES/73/195", "See A/RES/73/195.", {"A/RES/73/195"}},
        {"country:NER migrants", "Migrants in the Niger and Nigeria.", {"Migrants", "Niger"}},
        {"nothing", "No match here.", {}},
    };
    for (const Row& row : rows) {
        const ParsedQuery q = parse(row.query);
        Highlighter h(q);
        EXPECT_EQ(marked(h.snippet(row.text)), row.marked) << row.query << " / " << row.text;
    }
}

TEST(SnippetsTest, APhraseIsOneSpan) {
    const ParsedQuery q = parse("\"smuggling of migrants\"");
    Highlighter h(q);
    const Snippet s = h.snippet("The smuggling of migrants by sea.");
    EXPECT_EQ(s.highlights, (std::vector<Highlight>{{4, 25}}));
}

TEST(SnippetsTest, OffsetsCountCodePoints) {
    const ParsedQuery q = parse("migrants");
    Highlighter h(q);
    // "Côte d'Ivoire, où les " is 22 code points and 24 bytes.
    const Snippet s = h.snippet("Côte d'Ivoire, où les migrants");
    EXPECT_EQ(s.highlights, (std::vector<Highlight>{{22, 30}}));
    const Snippet zh = Highlighter(parse("\"移民\"")).snippet("关于偷运移民问题");
    EXPECT_EQ(zh.highlights, (std::vector<Highlight>{{4, 6}}));
}

TEST(SnippetsTest, LongParagraphsGiveWindowsAroundMatches) {
    std::string text = "Smuggling opens this paragraph.";
    for (int i = 0; i < 20; ++i)
        text += " Filler words about border management and data collection.";
    text += " It closes on trafficking in persons.";
    const ParsedQuery q = parse("smuggling OR trafficking");
    Highlighter h(q, SnippetOptions{80, 3});
    const Snippet s = h.snippet(text);
    EXPECT_EQ(marked(s), (std::vector<std::string>{"Smuggling", "trafficking"}));
    EXPECT_NE(s.text.find(" … "), std::string::npos) << s.text;
    EXPECT_LE(code_point_count(s.text), 2 * 80 + 6u) << s.text;
    EXPECT_EQ(s.text.substr(s.text.size() - 11), "in persons.");

    // One fragment only: the start is cut at a word and marked with an ellipsis.
    Highlighter one(q, SnippetOptions{80, 1});
    const Snippet t = one.snippet(text.substr(200));
    EXPECT_EQ(t.text.rfind("… ", 0), 0u) << t.text;
    EXPECT_EQ(marked(t), std::vector<std::string>{"trafficking"});
    EXPECT_LE(code_point_count(t.text), 80 + 4u);

    // No match: the start of the text.
    const Snippet none = Highlighter(parse("nothing"), SnippetOptions{40, 3}).snippet(text);
    EXPECT_EQ(none.text, "Smuggling opens this paragraph. Filler …");
    EXPECT_TRUE(none.highlights.empty());
}

TEST(SnippetsTest, RendersForTerminalAndHtml) {
    const Snippet s{"<b>migrants</b> & Côte", {{3, 11}, {18, 22}}};
    EXPECT_EQ(render_terminal(s, false), "<b>migrants</b> & Côte");
    EXPECT_EQ(render_terminal(s, true), "<b>\x1b[1;33mmigrants\x1b[0m</b> & \x1b[1;33mCôte\x1b[0m");
    EXPECT_EQ(render_html(s), "&lt;b&gt;<mark>migrants</mark>&lt;/b&gt; &amp; <mark>Côte</mark>");
}

TEST(SnippetsTest, WordSpans) {
    const std::string text = "Côte d’Ivoire, 73/195; 偷运";
    std::vector<std::string> words;
    for (const WordSpan& w : word_spans(text))
        words.push_back(text.substr(w.begin, w.end - w.begin));
    EXPECT_EQ(words, (std::vector<std::string>{"Côte", "d’Ivoire", "73", "195", "偷", "运"}));
}

TEST(SnippetsTest, PhrasesAreMarkedWithoutWhatFollowsThem) {
    const Row rows[] = {
        {"\"Security Council\"", "On the Security Council’s agenda.", {"Security Council"}},
        {"\"Security Council\"",
         "The Security Council's, the Security Council”.",
         {"Security Council", "Security Council"}},
        {"\"Secretary-General\"",
         "The Secretary General’s and the Secretary-General.",
         {"Secretary General", "Secretary-General"}},
        {"\"Arms Trade Treaty\"",
         "The Arms Trade Treaty12 entered into force.",
         {"Arms Trade Treaty"}},
        {"\"Arms Trade Treaty\"",
         "The Arms Trade Treaty¹ entered into force.",
         {"Arms Trade Treaty"}},
        {"\"Security Council’s agenda\"",
         "On the Security Council’s agenda.",
         {"Security Council’s agenda"}},
        {"council", "Council’s and councils.", {"Council", "councils"}},
    };
    for (const Row& row : rows)
        EXPECT_EQ(marked(Highlighter(parse(row.query)).snippet(row.text)), row.marked)
            << row.query << " / " << row.text;
}

TEST(SnippetsTest, ReferencesUnderAPrefixAreMarked) {
    const Row rows[] = {
        {"symbol:A/HRC/WG.6/*",
         "See A/HRC/WG.6/34/SVN/1 and A/HRC/43/15.",
         {"A/HRC/WG.6/34/SVN/1"}},
        {"resolution:A/HRC/RES/*",
         "Human Rights Council resolution 5/1, General Assembly resolution 60/251.",
         {"resolution 5/1"}},  // the Council's, not the Assembly's
        {"resolution:S/RES/*", "See A/RES/73/195 and S/RES/2482 (2019).", {"S/RES/2482 (2019)"}},
    };
    for (const Row& row : rows)
        EXPECT_EQ(marked(Highlighter(parse(row.query)).snippet(row.text)), row.marked)
            << row.query << " / " << row.text;
}

TEST(SnippetsTest, WordSpansLeavePossessivesAndMarksOut) {
    const std::string text =
        "Security Council’s agenda, Ecuador4 (on behalf), Council¹ and the States’ 1990's COVID19 "
        "G77";
    std::vector<std::string> words;
    for (const WordSpan& w : word_spans(text))
        words.push_back(text.substr(w.begin, w.end - w.begin));
    EXPECT_EQ(words, (std::vector<std::string>{"Security", "Council", "agenda", "Ecuador", "4",
                                               "on", "behalf", "Council", "and", "the", "States",
                                               "1990", "COVID", "19", "G77"}));
}

// The words the highlighter sees, folded, are the positional terms the indexer writes, in order:
// what is indexed, queried and marked is cut one way.
TEST(SnippetsTest, WordSpansAreTheIndexedWords) {
    const char* texts[] = {
        "The Security Council’s agenda and the Secretary-General’s report.",
        "Bahrain4 (on behalf of the Group of Arab States), Ecuador12, Spain3.",
        "The Arms Trade Treaty¹ and the States’ obligations; it's the 1990’s.",
        "Côte d’Ivoire, l’homme; COVID19 and G77, H1N1: resolution 73/195.",
        "International Community’s “Council’s” (Assembly's)",
    };
    for (const char* text : texts) {
        Xapian::Document doc;
        Analyzer analyzer("en");
        analyzer.start(doc);
        analyzer.index_text(text);
        std::map<Xapian::termpos, std::string> by_position;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                by_position[*p] = *t;
        std::vector<std::string> indexed, spans;
        for (const auto& [pos, term] : by_position) indexed.push_back(term);
        const std::string s(text);
        for (const WordSpan& w : word_spans(s))
            spans.push_back(fold_terms(s.substr(w.begin, w.end - w.begin)));
        EXPECT_EQ(spans, indexed) << text;
    }
}

}  // namespace
}  // namespace plenary
