// Every PDF, DOC and DOCX of the real corpus reads or fails with a clear reason; PDF text
// covers the layout-preserving extractions; GA resolutions and UPR mastheads; UDHR XML.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/reader.h"

using namespace plenary;
namespace fs = std::filesystem;

namespace {

const fs::path corpus = fs::path(PLENARY_SHARED_DIR) / "corpus-real";

#define NEED_CORPUS()                               \
    if (!fs::is_directory(corpus / "upr-slovenia")) \
    GTEST_SKIP() << "no " << corpus.string() << " (the shared corpus is not beside the repository)"

std::vector<fs::path> files_under(const fs::path& dir, const std::set<std::string>& exts) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && exts.count(ascii_lower(e.path().extension().string())))
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

/// Distinct lower-cased words of three letters or more (ASCII letters, digits inside words).
std::set<std::string> words(std::string_view text) {
    std::set<std::string> out;
    std::string w;
    auto flush = [&] {
        if (w.size() >= 3) out.insert(w);
        w.clear();
    };
    for (const char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            w += static_cast<char>(c | 0x20);
        else
            flush();
    }
    flush();
    return out;
}

/// Reads every file once: the whole suite shares it.
const std::map<std::string, std::pair<Document, std::string>>& results() {
    static std::map<std::string, std::pair<Document, std::string>> all;
    if (!all.empty()) return all;
    for (const auto& dir : {corpus / "upr-slovenia", corpus / "ga-resolutions-pdf"}) {
        for (const auto& path : files_under(dir, {".pdf", ".doc", ".docx"})) {
            try {
                all[path.string()] = {read_document(path.string()), ""};
            } catch (const DocumentError& e) {
                all[path.string()] = {Document{}, e.message()};
            }
        }
    }
    return all;
}

TEST(Formats, EveryOfficeFileReadsOrFailsClearly) {
    NEED_CORPUS();
    int read = 0;
    for (const auto& [path, result] : results()) {
        SCOPED_TRACE(path);
        const auto& [doc, error] = result;
        if (path.find("Letter-OHCHR-HC-Slovenia.pdf") != std::string::npos) {
            EXPECT_EQ(error, "no text layer (a scanned PDF?)");
            continue;
        }
        if (path.find("g0917123.pdf") != std::string::npos) {
            // Its cross-reference table is broken (pdftotext cannot read it either).
            EXPECT_EQ(error, "damaged PDF (no pages)");
            continue;
        }
        EXPECT_EQ(error, "");
        if (!error.empty()) continue;
        ++read;
        EXPECT_FALSE(doc.paragraphs.empty());
        const std::string ext = ascii_lower(fs::path(path).extension().string());
        if (ext == ".pdf") {
            EXPECT_EQ(doc.format, "pdf");
        }
        if (path.find("2ndcycleunoriginal") != std::string::npos && ext == ".doc") {
            EXPECT_EQ(doc.format, "docx");
        }
        if (path.find("3rdcycleunoriginal") != std::string::npos && ext == ".doc") {
            EXPECT_EQ(doc.format, "doc");
        }
    }
    EXPECT_GE(read, 40);
}

TEST(Formats, PdfTextCoversTheExtractedText) {
    NEED_CORPUS();
    std::vector<double> coverage;
    for (const auto& [path, result] : results()) {
        const fs::path p(path);
        if (ascii_lower(p.extension().string()) != ".pdf" || !result.second.empty()) continue;
        // cycleN/extracted/NAME.txt holds the text of NAME.pdf, wherever the PDF sits.
        fs::path txt;
        for (const auto& c : {"cycle1", "cycle2", "cycle3", "cycle4"}) {
            const fs::path candidate =
                corpus / "upr-slovenia" / c / "extracted" / (p.stem().string() + ".txt");
            if (fs::exists(candidate)) txt = candidate;
        }
        if (txt.empty()) continue;
        std::string paragraphs;
        const Document& doc = result.first;
        for (const auto& para : doc.paragraphs) {
            paragraphs += para.text + " ";
            for (const auto& h : para.headings) paragraphs += h + " ";
            for (const auto& f : para.footnotes) paragraphs += f.text + " ";
        }
        const std::string all = doc.title + " " + doc.symbol + " " + paragraphs;
        // The first page's masthead ("United Nations", "Distr.: General", the date, the symbol
        // and the title) becomes metadata, not paragraphs: the body starts at the first line
        // found in a paragraph.
        const std::string extracted = read_file(txt.string());
        std::size_t body = 0;
        bool found_body = false;
        const std::size_t page_end = std::min(extracted.find('\f'), extracted.size());
        for (std::size_t at = 0; at < page_end;) {
            const std::size_t eol = std::min(extracted.find('\n', at), extracted.size());
            const std::string_view line = trim(std::string_view(extracted).substr(at, eol - at));
            if (line.size() >= 25 && line.find("   ") == std::string_view::npos &&
                paragraphs.find(std::string(line.substr(0, 25))) != std::string::npos) {
                body = at;
                found_body = true;
                break;
            }
            at = eol + 1;
        }
        // A first page that is all masthead (a corrigendum's cover page): the body is the rest.
        if (!found_body && page_end < extracted.size()) body = page_end + 1;
        const auto expected = words(std::string_view(extracted).substr(body));
        if (expected.size() < 20) continue;
        const auto found = words(all);
        std::size_t hit = 0;
        for (const auto& w : expected) hit += found.count(w);
        const double share = static_cast<double>(hit) / static_cast<double>(expected.size());
        coverage.push_back(share);
        EXPECT_GE(share, 0.95) << path;
    }
    ASSERT_GE(coverage.size(), 25u);
    std::sort(coverage.begin(), coverage.end());
    EXPECT_GE(coverage[coverage.size() / 2], 0.99);
    std::cout << "[ coverage ] " << coverage.size() << " PDFs, min " << coverage.front()
              << ", median " << coverage[coverage.size() / 2] << "\n";
}

TEST(Formats, GeneralAssemblyResolutions) {
    NEED_CORPUS();
    const struct {
        std::string file, symbol, date;
        int operative;  // operative paragraphs printed "1." to "N."
    } rows[] = {
        {"A_RES_73_3-EN.pdf", "A/RES/73/3", "2018-10-18", 53},
        {"A_RES_73_6-EN.pdf", "A/RES/73/6", "2018-10-31", 0},
        {"A_RES_73_7-EN.pdf", "A/RES/73/7", "2018-10-31", 0},
        {"A_RES_73_8-EN.pdf", "A/RES/73/8", "2018-11-05", 0},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.file);
        const auto& all = results();
        const auto it =
            all.find((corpus / "ga-resolutions-pdf" / "sample-docs" / row.file).string());
        ASSERT_NE(it, all.end());
        const Document& doc = it->second.first;
        EXPECT_EQ(it->second.second, "");
        EXPECT_EQ(doc.symbol, row.symbol);
        EXPECT_EQ(doc.date, row.date);
        EXPECT_EQ(doc.session, 73);
        // Operative paragraphs are numbered 1, 2, 3... in order, as printed.
        int expected = 1;
        for (const auto& p : doc.paragraphs)
            if (p.kind == ParagraphKind::numbered && p.number == std::to_string(expected))
                ++expected;
        EXPECT_GE(expected - 1, row.operative == 0 ? 3 : row.operative);
        // Preambular paragraphs come before the first operative one, of their own kind.
        bool preamble = false;
        for (const auto& p : doc.paragraphs) {
            if (p.kind == ParagraphKind::numbered) break;
            preamble = preamble || p.kind == ParagraphKind::preambular;
        }
        EXPECT_TRUE(preamble);
    }
}

TEST(Formats, UprPdfMastheads) {
    NEED_CORPUS();
    int checked = 0;
    for (const auto& [path, result] : results()) {
        const fs::path p(path);
        const std::string stem = p.stem().string();
        if (p.extension() != ".pdf" || stem.size() != 8 || stem[0] != 'g' || !result.second.empty())
            continue;
        SCOPED_TRACE(path);
        const Document& doc = result.first;
        ++checked;
        EXPECT_EQ(doc.symbol.rfind("A/HRC/", 0), 0u) << doc.symbol;
        EXPECT_EQ(doc.date.size(), 10u) << doc.date;
        // No paragraph is only the running header (the symbol, perhaps with a page number).
        for (const auto& para : doc.paragraphs) {
            std::string t = para.text;
            t.erase(std::remove_if(t.begin(), t.end(),
                                   [](char c) { return c == ' ' || (c >= '0' && c <= '9'); }),
                    t.end());
            std::string s = doc.symbol;
            s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }),
                    s.end());
            EXPECT_NE(t, s) << para.text;
        }
    }
    EXPECT_GE(checked, 25);
    const auto& all = results();
    const auto it =
        all.find((corpus / "upr-slovenia" / "3rdcycleunoriginal" / "g1925890.pdf").string());
    ASSERT_NE(it, all.end());
    EXPECT_EQ(it->second.first.symbol.rfind("A/HRC/WG.6/34/SVN/", 0), 0u);
}

TEST(Formats, UdhrXmlInSixLanguages) {
    NEED_CORPUS();
    const std::pair<std::string, std::string> rows[] = {
        {"udhr_eng.xml", "en"},     {"udhr_fra.xml", "fr"}, {"udhr_spa.xml", "es"},
        {"udhr_rus.xml", "ru"},     {"udhr_arb.xml", "ar"}, {"udhr_cmn_hans.xml", "zh"},
        {"udhr_cmn_hant.xml", "zh"}};
    for (const auto& [file, lang] : rows) {
        SCOPED_TRACE(file);
        const Document doc = read_document((corpus / "udhr" / "xml" / file).string());
        EXPECT_EQ(doc.lang, lang);
        EXPECT_EQ(doc.format, "udhr-xml");
        std::vector<std::string> numbers;
        for (const auto& p : doc.paragraphs)
            if (p.kind == ParagraphKind::numbered) {
                numbers.push_back(p.number);
                EXPECT_EQ(p.anchor, "art" + p.number);
                EXPECT_FALSE(p.text.empty());
            }
        ASSERT_EQ(numbers.size(), 30u);
        for (int i = 0; i < 30; ++i)
            EXPECT_EQ(numbers[static_cast<std::size_t>(i)], std::to_string(i + 1));
    }
}

TEST(Formats, UdhrXhtml) {
    NEED_CORPUS();
    const Document doc = read_document((corpus / "udhr" / "html" / "udhr_fra.html").string());
    EXPECT_EQ(doc.format, "html");
    EXPECT_EQ(doc.lang, "fr");
    EXPECT_GT(doc.paragraphs.size(), 40u);
}

}  // namespace
