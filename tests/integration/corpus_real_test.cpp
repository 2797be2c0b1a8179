// Reads the real documents of shared/corpus-real in place through read_document().
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"
#include "refs/countries.h"
#include "unit/readers/unpc_sample.h"

using namespace plenary;
namespace fs = std::filesystem;

namespace {

fs::path corpus_root() {
    return fs::path(PLENARY_SHARED_DIR) / "corpus-real";
}

/// What the tests need of one read, so each file is read once for all of them.
struct Outcome {
    std::string error;  ///< what() of the error, empty when the file read
    std::string symbol, date, lang, body, country, format, title;
    int session = 0;
    int year = 0;
    std::size_t paragraphs = 0;
    bool has_text = false;  ///< the file holds at least one letter or digit
};

Outcome read_one(const fs::path& path) {
    Outcome out;
    try {
        const Document doc = read_document(path.string());
        out.symbol = doc.symbol;
        out.date = doc.date;
        out.lang = doc.lang;
        out.body = doc.body;
        out.country = doc.country;
        out.format = doc.format;
        out.title = doc.title;
        out.session = doc.session;
        out.year = doc.year();
        out.paragraphs = doc.paragraphs.size();
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

bool has_alnum(const std::string& bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               static_cast<unsigned char>(c) >= 0x80;
    });
}

/// Every .txt and UNPC .xml file, read once and kept for the tests below.
class CorpusReal : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!fs::exists(corpus_root())) return;
        const auto start = std::chrono::steady_clock::now();
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(corpus_root())) {
            if (!entry.is_regular_file()) continue;
            const fs::path& p = entry.path();
            const bool unpc = p.extension() == ".xml" &&
                              p.string().find("unpc-v1-tei-sample") != std::string::npos;
            if (p.extension() == ".txt" || unpc) files.push_back(p);
        }
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            Outcome o = read_one(p);
            o.has_text = has_alnum(read_file(p.string()));
            s_bytes += fs::file_size(p);
            s_outcomes.emplace(p, std::move(o));
        }
        s_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    void SetUp() override {
        if (!fs::exists(corpus_root()))
            GTEST_SKIP() << "shared corpus not found at " << corpus_root();
    }

    static std::map<fs::path, Outcome> s_outcomes;
    static std::uintmax_t s_bytes;
    static double s_seconds;
};

std::map<fs::path, Outcome> CorpusReal::s_outcomes;
std::uintmax_t CorpusReal::s_bytes = 0;
double CorpusReal::s_seconds = 0;

TEST_F(CorpusReal, UnpcHeadersGiveSymbolDateAndLanguage) {
    std::size_t files = 0;
    for (const auto& [path, o] : s_outcomes) {
        if (path.extension() != ".xml") continue;
        ++files;
        SCOPED_TRACE(path.string());
        ASSERT_EQ(o.error, "");
        EXPECT_EQ(o.format, "unpc-xml");
        EXPECT_EQ(o.symbol, plenary::testing::unpc_symbol_from_path(
                                corpus_root() / "unpc-v1-tei-sample", path));
        EXPECT_EQ(o.body, "NPT/CONF.2015");
        EXPECT_EQ(o.lang, "en");
        // The header's own <date>YYYYMMDD</date>, read here without the reader.
        const std::string xml = read_file(path.string());
        const std::size_t d = xml.find("<date>");
        ASSERT_NE(d, std::string::npos);
        const std::string raw = xml.substr(d + 6, 8);
        EXPECT_EQ(o.date, raw.substr(0, 4) + "-" + raw.substr(4, 2) + "-" + raw.substr(6, 2));
        EXPECT_GT(o.paragraphs, 0u);
    }
    EXPECT_EQ(files, 71u);
}

// Codes of SOURCES.md that are not current ISO 3166 codes, kept as given.
const std::set<std::string> kLegacyCodes = {"EU", "YUG", "CSK", "DDR", "YMD"};

// Names as the United Nations writes them, written here by hand (not by the code under test).
const std::map<std::string, std::string> kPinnedNames = {
    {"USA", "United States of America"},
    {"GBR", "United Kingdom of Great Britain and Northern Ireland"},
    {"RUS", "Russian Federation"},
    {"BOL", "Bolivia (Plurinational State of)"},
    {"FRA", "France"},
};

TEST_F(CorpusReal, GeneralDebateSpeechesTakeCountrySessionAndYearFromTheirNames) {
    std::size_t speeches = 0;
    std::size_t pinned = 0;
    std::set<std::string> countries;
    for (const auto& [path, o] : s_outcomes) {
        const std::string folder = path.parent_path().filename().string();
        if (path.string().find("/ungdc/TXT/") == std::string::npos) continue;
        ++speeches;
        SCOPED_TRACE(path.string());
        ASSERT_EQ(o.error, "");
        // "Session 70 - 2015" / "USA_70_2015.txt": the folder says the same as the name.
        ASSERT_EQ(folder.rfind("Session ", 0), 0u) << folder;
        const int folder_session = std::stoi(folder.substr(8, 2));
        const int folder_year = std::stoi(folder.substr(folder.size() - 4));
        const std::string name = path.stem().string();
        const std::string code = name.substr(0, name.find('_'));
        EXPECT_EQ(name, code + "_" + folder.substr(8, 2) + "_" + folder.substr(folder.size() - 4));
        EXPECT_EQ(o.country, code);
        EXPECT_EQ(o.session, folder_session);
        EXPECT_EQ(o.year, folder_year);
        EXPECT_EQ(o.date, std::to_string(folder_year));
        EXPECT_EQ(o.body, "A");
        EXPECT_EQ(o.lang, "en");
        // Session 79's speeches are Markdown (bold salutations, italics) whatever their extension.
        EXPECT_TRUE(o.format == "text" || o.format == "markdown") << o.format;
        EXPECT_EQ(o.title.rfind("General Debate, ", 0), 0u) << o.title;
        // The title names the country for people; the code is o.country. display_name() falls
        // back to the code, so a name equal to it counts only for the codes no table knows.
        const std::string named = plenary::Gazetteer::instance().display_name(code);
        EXPECT_EQ(o.title.substr(o.title.size() - std::min(o.title.size(), named.size() + 2)),
                  ": " + named)
            << o.title;
        if (kLegacyCodes.count(code) == 0) {
            EXPECT_NE(named, code) << "no name for a current code";
        }
        if (const auto pin = kPinnedNames.find(code); pin != kPinnedNames.end()) {
            EXPECT_EQ(
                o.title.substr(o.title.size() - std::min(o.title.size(), pin->second.size() + 2)),
                ": " + pin->second)
                << o.title;
            ++pinned;
        }
        if (o.has_text) {
            EXPECT_GT(o.paragraphs, 0u);
        }
        countries.insert(o.country);
    }
    // SOURCES.md: 2,946 speeches, 200 codes, five of them not current ISO codes, kept as given.
    EXPECT_EQ(speeches, 2946u);
    EXPECT_EQ(countries.size(), 200u);
    for (const std::string& legacy : kLegacyCodes) EXPECT_EQ(countries.count(legacy), 1u) << legacy;
    EXPECT_GE(pinned, kPinnedNames.size()) << "each pinned country speaks at least once";
}

TEST_F(CorpusReal, EveryTextFileReads) {
    std::size_t files = 0;
    std::size_t empty = 0;
    std::size_t zip_strings = 0;
    for (const auto& [path, o] : s_outcomes) {
        if (path.extension() != ".txt") continue;
        ++files;
        SCOPED_TRACE(path.string());
        if (path.filename().string().rfind("AdvancedQuestions", 0) == 0) {
            // Four UPR files are `strings` output of .docx files, not text: refused, named.
            EXPECT_EQ(o.error, path.string() +
                                   ": not text: the printable strings of a zipped Office file "
                                   "([Content_Types].xml, _rels/.rels); index the .docx itself");
            ++zip_strings;
            continue;
        }
        EXPECT_EQ(o.error, "");
        EXPECT_TRUE(o.format == "text" || o.format == "markdown") << o.format;
        // A scan with no text layer (seven form feeds) may give no paragraph; nothing else may.
        if (o.has_text) {
            EXPECT_GT(o.paragraphs, 0u);
        } else {
            ++empty;
        }
    }
    EXPECT_EQ(files, 3031u);
    EXPECT_EQ(zip_strings, 4u);
    EXPECT_LE(empty, 1u);
    std::printf("[ info ] %zu files, %.1f MB in %.1f s (%.1f MB/s, with file checks)\n",
                s_outcomes.size(), s_bytes / 1e6, s_seconds,
                s_bytes / 1e6 / std::max(s_seconds, 1e-9));
}

TEST_F(CorpusReal, LanguageVersionsAreNamedByTheirFiles) {
    const std::map<std::string, std::string> expected = {
        {"un-charter/raw/raw_un_charter_ar.txt", "ar"},
        {"un-charter/raw/raw_un_charter_en.txt", "en"},
        {"un-charter/raw/raw_un_charter_es.txt", "es"},
        {"un-charter/raw/raw_un_charter_fr.txt", "fr"},
        {"un-charter/raw/raw_un_charter_ru.txt", "ru"},
        {"un-charter/raw/raw_un_charter_zh.txt", "zh"},
        {"udhr/txt/udhr_arb.txt", "ar"},
        {"udhr/txt/udhr_cmn_hans.txt", "zh"},
        {"udhr/txt/udhr_cmn_hant.txt", "zh"},
        {"udhr/txt/udhr_eng.txt", "en"},
        {"udhr/txt/udhr_fra.txt", "fr"},
        {"udhr/txt/udhr_rus.txt", "ru"},
        {"udhr/txt/udhr_spa.txt", "es"},
    };
    for (const auto& [rel, lang] : expected) {
        const auto it = s_outcomes.find(corpus_root() / rel);
        ASSERT_NE(it, s_outcomes.end()) << rel;
        EXPECT_EQ(it->second.error, "") << rel;
        EXPECT_EQ(it->second.lang, lang) << rel;
    }
}

}  // namespace
