// Symbols as real reports print them (shared/corpus-real): cut at a line end after a slash, in
// links, from series beyond the main organs, and the own symbol of a UN publication, which
// stands on its copyright page rather than in a masthead.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/document.h"
#include "readers/reader.h"
#include "refs/references.h"

using namespace plenary;
namespace fs = std::filesystem;

namespace {

fs::path reports() {
    return fs::path(PLENARY_SHARED_DIR) / "corpus-real" / "un-flagship-reports-txt";
}

/// Each file is read once for every test.
const Document& read_report(const std::string& name) {
    static std::map<std::string, Document> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        Document doc = read_document((reports() / name).string());
        extract_references(doc);
        it = cache.emplace(name, std::move(doc)).first;
    }
    return it->second;
}

/// The symbols of the paragraphs whose text or footnotes hold every piece of `where`.
std::vector<std::string> symbols_where(const Document& doc, const std::vector<std::string>& where) {
    std::vector<std::string> out;
    for (const Paragraph& p : doc.paragraphs) {
        std::string all = p.text;
        for (const Footnote& f : p.footnotes) all += "\n" + f.text;
        if (std::all_of(where.begin(), where.end(),
                        [&](const std::string& w) { return all.find(w) != std::string::npos; }))
            out.insert(out.end(), p.refs.symbols.begin(), p.refs.symbols.end());
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

class SymbolsRealTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(reports())) GTEST_SKIP() << "shared corpus not found at " << reports();
    }
};

struct Expected {
    const char* file;
    std::vector<std::string> where;  ///< pieces of the paragraph's text, as printed
    const char* symbol;
};

TEST_F(SymbolsRealTest, FindsEachNewKindInRealReports) {
    const std::vector<Expected> cases = {
        // In links, the symbol after "undocs.org/" or "symbol=", cut or not.
        {"CBD gbo4-en-hr.txt", {"undocs.org/A/RES/61/105"}, "A/RES/61/105"},
        {"CBD gbo4-en-hr.txt", {"view_doc.asp?symbol=A/", "RES/67/212"}, "A/RES/67/212"},
        {"hdr14-report-vulnaerability and resilience en-1.txt",
         {"asp?symbol=A/RES/66/288&Lang=E"},
         "A/RES/66/288"},
        {"ILO World Social Protection Report 2014 2015.txt",
         {"view_doc.asp?symbol=A/67/L.36"},
         "A/67/L.36"},
        // Series beyond the main organs, some cut after a slash at a line end.
        {"UNCTAD sceince techno for sust urbanization_en.txt",
         {"DTL/STICT/2012/3"},
         "UNCTAD/DTL/STICT/2012/3"},
        {"UNCTAD sceince techno for sust urbanization_en.txt", {"ESA/P/WP/224"}, "ESA/P/WP/224"},
        {"UNEP GEO5_report_full_en.txt",
         {"ESCWA/SDPD/2004/6/Summary"},
         "ESCWA/SDPD/2004/6/Summary"},
        {"UNDESA 2011wess.txt", {"DWP/2006/21"}, "ST/ESA/DWP/2006/21"},
        {"UNW_progressreport 2015 2016.txt", {"CN.6/2015/L.1"}, "E/CN.6/2015/L.1"},
    };
    for (const Expected& c : cases) {
        const auto found = symbols_where(read_report(c.file), c.where);
        EXPECT_TRUE(has(found, c.symbol))
            << c.file << ": " << c.symbol << " not found where " << c.where.front() << " stands";
    }
}

TEST_F(SymbolsRealTest, PublicationsTakeTheSymbolOfTheirCopyrightPage) {
    // No masthead: the symbol stands alone beside the ISBN and sales number, or the
    // designations disclaimer (UNCTAD); a report that is also an ECOSOC document
    // ("E/2013/50/Rev. 1" a line above) is the publication of the copyright page.
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"UNDESA WESS2013.txt", "ST/ESA/344"},
        {"UNDESA 2011wess.txt", "ST/ESA/333"},
        {"DESA 2013 InequalityMatters.txt", "ST/ESA/345"},
        {"UNCTAD sceince techno for sust urbanization_en.txt", "UNCTAD/DTL/STICT/2014/2"},
    };
    for (const auto& [file, symbol] : cases) EXPECT_EQ(read_report(file).symbol, symbol) << file;
    // Publications of bodies outside the table's series keep no symbol: an ISBN is no symbol.
    EXPECT_EQ(read_report("hdr2013_the rise of the south en_complete.txt").symbol, "");
}

}  // namespace
