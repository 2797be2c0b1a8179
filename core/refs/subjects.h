// Subjects: the UNBIS Thesaurus descriptors whose labels a paragraph's text names.
//
// The thesaurus is a list read in place (never bundled), one label per line:
//   LABEL<TAB>pref_label=PREFERRED<TAB>uri=http://metadata.un.org/thesaurus#NNN<TAB>kind=pref|alt
// Each label is analysed as the index analyses English text (folding, Snowball stems), so a
// label matches the phrases the index would match ("migrants smuggling" is "MIGRANT
// SMUGGLING"); an alternative label stands for its preferred one. Labels too general or
// ambiguous to stand alone are left out by schemas/subject_exclusions.json, which says why.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/document.h"

namespace plenary {

/// Labels and descriptors left out of matching: a label (every line of the list that has it),
/// a whole descriptor (every label whose preferred label it is), or one label of one descriptor.
struct SubjectExclusions {
    std::vector<std::string> labels;                            ///< as the thesaurus spells them
    std::vector<std::string> descriptors;                       ///< preferred labels
    std::vector<std::pair<std::string, std::string>> label_of;  ///< label, its preferred label
};

/// schemas/subject_exclusions.json (in dir); throws SchemaError naming the file.
SubjectExclusions load_subject_exclusions(const std::string& dir);

/// The thesaurus, made ready for matching: one per run, shared by all workers (const use is
/// thread-safe).
class Thesaurus {
  public:
    /// Reads the list at path; throws UsageError "PATH: cannot read ..." or
    /// "PATH:LINE: malformed thesaurus line (...)". Exclusions from schemas/.
    static Thesaurus load(const std::string& path);
    /// The list given as text (name is what messages call it), with these exclusions.
    static Thesaurus parse(std::string_view text, const std::string& name,
                           const SubjectExclusions& exclusions);

    /// The descriptors named in text, de-duplicated, in order of first mention: the longest
    /// label wins at each place, and no label inside a longer one that matched counts.
    std::vector<SubjectRef> find(std::string_view text) const;
    /// Labels kept for matching.
    std::size_t labels() const { return m_labels; }
    /// A hash of the list and exclusions: a database indexed with another must be indexed anew.
    const std::string& fingerprint() const { return m_fingerprint; }

  private:
    /// One label: the plural keys of its words after the first, the stems of all, and its
    /// descriptor.
    struct Label {
        std::vector<std::string> rest;
        std::vector<std::string> stems;
        std::uint32_t descriptor = 0;
        bool capitals = false;  ///< an acronym-like label: matched only where written in capitals
    };
    /// The descriptor of an excluded label: it takes its words and names no subject.
    static constexpr std::uint32_t kExcluded = UINT32_MAX;
    void add_label(std::string_view label, std::uint32_t descriptor);
    struct TextWords;  ///< a text's words, as find() reads them
    /// True if label l is written at word i of text (t its words).
    bool matches(const Label& l, const TextWords& t, std::size_t i, std::string_view text) const;

    std::vector<SubjectRef> m_descriptors;
    std::unordered_map<std::string, std::uint32_t> m_descriptor_index;  ///< by uri
    /// By the label's first analysed word; longest label first.
    std::unordered_map<std::string, std::vector<Label>> m_by_first;
    std::size_t m_labels = 0;
    std::string m_fingerprint;
};

/// The words of a label or a text as the index cuts and folds them (analysis/tokenizer.h).
std::vector<std::string> subject_words(std::string_view text);

/// Fills Paragraph::refs.subjects of every paragraph of an English document (doc.lang "en", or
/// empty) from its text (not its footnotes, mostly citations of other documents' titles).
/// Call after extract_references(), which clears the references.
void assign_subjects(Document& doc, const Thesaurus& thesaurus);

}  // namespace plenary
