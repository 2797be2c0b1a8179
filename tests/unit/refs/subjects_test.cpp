// Tests for core/refs/subjects: UNBIS Thesaurus descriptors found in paragraph text.
#include "refs/subjects.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/error.h"
#include "model/document.h"
#include "unit/thrown_message.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

const char* kUri = "uri=http://metadata.un.org/thesaurus#";

/// One line of the list.
std::string line(const std::string& label, const std::string& pref, const std::string& id,
                 const std::string& kind) {
    return label + "\tpref_label=" + pref + "\t" + kUri + id + "\tkind=" + kind + "\n";
}

/// A small list in the thesaurus's form.
std::string small_list() {
    return line("TRAFFICKING IN PERSONS", "TRAFFICKING IN PERSONS", "1006622", "pref") +
           line("MIGRANT SMUGGLING", "TRAFFICKING IN PERSONS", "1006622", "alt") +
           line("HUMAN TRAFFICKING", "TRAFFICKING IN PERSONS", "1006622", "alt") +
           line("PERSONS", "PERSONS", "9000001", "pref") +
           line("SMUGGLING", "SMUGGLING", "1005947", "pref") +
           line("ORGANIZED CRIME", "ORGANIZED CRIME", "1004560", "pref") +
           line("CRIME", "CRIME", "1001900", "pref") +
           line("ORGANIZATION", "ORGANIZATION", "9000002", "pref") +
           line("ART", "ANTIRETROVIRAL THERAPY", "1000500", "alt") +
           line("CHILDREN'S RIGHTS", "RIGHTS OF THE CHILD", "1005500", "alt") +
           line("LINGUISTICS", "LINGUISTICS", "1003700", "pref");
}

Thesaurus small(const SubjectExclusions& ex = {}) {
    return Thesaurus::parse(small_list(), "test.lst", ex);
}

std::vector<std::string> labels(const std::vector<SubjectRef>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) out.push_back(r.label);
    return out;
}

using V = std::vector<std::string>;

TEST(Subjects, PreferredLabelWithItsUri) {
    const auto found = small().find("Efforts against trafficking in persons continued.");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].label, "TRAFFICKING IN PERSONS");
    EXPECT_EQ(found[0].uri, "http://metadata.un.org/thesaurus#1006622");
}

TEST(Subjects, AlternativeLabelStandsForItsPreferredOne) {
    EXPECT_EQ(labels(small().find("Migrant smuggling is a growing business.")),
              V{"TRAFFICKING IN PERSONS"});
    // Two labels of one descriptor count once.
    EXPECT_EQ(labels(small().find("Human trafficking and migrant smuggling")),
              V{"TRAFFICKING IN PERSONS"});
}

TEST(Subjects, LongestMatchHidesTheShorterInsideIt) {
    // PERSONS and SMUGGLING are labels of their own, but inside a longer label they do not count.
    EXPECT_EQ(labels(small().find("trafficking in persons; migrant smuggling")),
              V{"TRAFFICKING IN PERSONS"});
    EXPECT_EQ(labels(small().find("organized crime")), V{"ORGANIZED CRIME"});
    // Alone, they do; in order of first mention.
    EXPECT_EQ(labels(small().find("Smuggling of goods by persons unknown: a crime.")),
              (V{"SMUGGLING", "PERSONS", "CRIME"}));
}

TEST(Subjects, DerivationsAreOtherWords) {
    // The index's stem of "organization" and "organizations" is "organ"; only the plural is
    // the label's word here, and "organizational" is not.
    EXPECT_EQ(labels(small().find("organizations")), V{"ORGANIZATION"});
    EXPECT_EQ(labels(small().find("organizational")), V{});
    EXPECT_EQ(labels(small().find("criminal")), V{});
    // A discipline in -ics is not its adjective.
    EXPECT_EQ(labels(small().find("linguistic minorities")), V{});
    EXPECT_EQ(labels(small().find("applied linguistics")), V{"LINGUISTICS"});
}

TEST(Subjects, NamesAndTitlesAreNoSubjects) {
    // A label inside a longer capitalized name names the name, not the subject.
    EXPECT_EQ(labels(small().find("the Global Smuggling Observatory met.")), V{});
    EXPECT_EQ(labels(small().find("the Office on Organized Crime met.")), V{});
    EXPECT_EQ(labels(small().find("Smuggling is a concern.")), V{"SMUGGLING"});
    // In capitals inside a title heading other text; a heading in capitals alone counts.
    EXPECT_EQ(labels(small().find("5 - CRIME AND SMUGGLING 140.2 Do more about it")), V{});
    EXPECT_EQ(labels(small().find("CRIME AND SMUGGLING")), (V{"CRIME", "SMUGGLING"}));
    // A list of names (here of organizations) names no subject.
    EXPECT_EQ(labels(small().find("Observers: Crime Watch, Smuggling Alert, Persons United, "
                                  "Trafficking Survivors Network, Justice Now")),
              V{});
}

TEST(Subjects, WholeWordsOnly) {
    // "crimes" stems to "crime", but "crimea" and "smugglingly" are other words.
    EXPECT_EQ(labels(small().find("Crimea")), V{});
    EXPECT_EQ(labels(small().find("war crimes")), V{"CRIME"});
    EXPECT_EQ(labels(small().find("trafficking in personsX")), V{});
}

TEST(Subjects, StemmingAsTheIndexDoes) {
    EXPECT_EQ(labels(small().find("migrants smuggling")), V{"TRAFFICKING IN PERSONS"});
    // Another spelling is another word: only CRIME.
    EXPECT_EQ(labels(small().find("Organised crimes")), V{"CRIME"});
    EXPECT_EQ(labels(small().find("organized crimes")), V{"ORGANIZED CRIME"});
    // Possessives as the index cuts them: "children's" and "children’s" alike.
    EXPECT_EQ(labels(small().find("children’s rights")), V{"RIGHTS OF THE CHILD"});
}

TEST(Subjects, ShortLabelsOnlyInCapitals) {
    EXPECT_EQ(labels(small().find("access to ART for all")), V{"ANTIRETROVIRAL THERAPY"});
    EXPECT_EQ(labels(small().find("a work of art")), V{});
}

TEST(Subjects, ExcludedLabelIsNotMatched) {
    SubjectExclusions ex;
    ex.labels.push_back("ORGANIZATION");
    EXPECT_EQ(labels(small().find("the organization of work")), V{"ORGANIZATION"});
    EXPECT_EQ(labels(small(ex).find("the organization of work")), V{});
    EXPECT_EQ(small(ex).labels() + 1, small().labels());
    // A descriptor excluded takes all its labels with it (and their words: not SMUGGLING).
    SubjectExclusions whole;
    whole.descriptors.push_back("TRAFFICKING IN PERSONS");
    EXPECT_EQ(labels(small(whole).find("human trafficking, migrant smuggling")), V{});
    EXPECT_EQ(labels(small(whole).find("smuggling")), V{"SMUGGLING"});
    EXPECT_NE(small(whole).fingerprint(), small().fingerprint());
    // One label of one descriptor: the other descriptor's same label still counts.
    const std::string two = line("ASYLUM", "DIPLOMATIC ASYLUM", "1", "alt") +
                            line("ASYLUM", "RIGHT OF ASYLUM", "2", "alt");
    SubjectExclusions one;
    one.label_of.emplace_back("ASYLUM", "DIPLOMATIC ASYLUM");
    EXPECT_EQ(labels(Thesaurus::parse(two, "t", {}).find("asylum")), V{"DIPLOMATIC ASYLUM"});
    EXPECT_EQ(labels(Thesaurus::parse(two, "t", one).find("asylum")), V{"RIGHT OF ASYLUM"});
    // An excluded label still takes its words: no shorter label inside it counts.
    SubjectExclusions longer;
    longer.labels.push_back("ORGANIZED CRIME");
    EXPECT_EQ(labels(small(longer).find("organized crime")), V{});
    EXPECT_EQ(labels(small(longer).find("a crime")), V{"CRIME"});
}

TEST(Subjects, MalformedLineNamesFileAndLine) {
    const std::string bad = line("CRIME", "CRIME", "1", "pref") + "CRIME\tpref_label=CRIME\n";
    EXPECT_EQ(testing::thrown_message<UsageError>([&] { Thesaurus::parse(bad, "t.lst", {}); }),
              "t.lst:2: malformed thesaurus line (expected LABEL<TAB>pref_label=...<TAB>uri=..."
              "<TAB>kind=pref|alt)");
    const std::string bad_kind = line("CRIME", "CRIME", "1", "other");
    EXPECT_EQ(testing::thrown_message<UsageError>([&] {
                  Thesaurus::parse(bad_kind, "t.lst", {});
              }).substr(0, 8),
              "t.lst:1:");
    // Blank lines and CRLF endings are fine.
    EXPECT_EQ(
        Thesaurus::parse("\n" + line("CRIME", "CRIME", "1", "pref") + "\r\n", "t", {}).labels(),
        1u);
}

TEST(Subjects, MissingFileIsAUsageError) {
    EXPECT_EQ(
        testing::thrown_message<UsageError>([] { Thesaurus::load("/nonexistent/thesaurus.lst"); }),
        "/nonexistent/thesaurus.lst: cannot read the thesaurus: no such file or not "
        "readable");
}

TEST(Subjects, OnlyEnglishDocuments) {
    const Thesaurus t = small();
    Document en, fr;
    en.lang = "en";
    fr.lang = "fr";
    Paragraph p;
    p.text = "human trafficking";
    en.paragraphs.push_back(p);
    fr.paragraphs.push_back(p);
    assign_subjects(en, t);
    assign_subjects(fr, t);
    EXPECT_EQ(labels(en.paragraphs[0].refs.subjects), V{"TRAFFICKING IN PERSONS"});
    EXPECT_TRUE(fr.paragraphs[0].refs.subjects.empty());
}

TEST(Subjects, ExclusionsInSchemasHaveReasons) {
    // The shipped list loads (every entry has a reason, else SchemaError).
    const char* dir = std::getenv("PLENARY_SCHEMA_DIR");
    const std::string schemas = dir && *dir ? dir : PLENARY_SOURCE_DIR "/schemas";
    const SubjectExclusions ex = load_subject_exclusions(schemas);
    EXPECT_FALSE(ex.labels.empty() && ex.descriptors.empty());
}

}  // namespace
}  // namespace plenary
