// Copies: signatures, resemblance, quality and which files are one document.
#include "index/copies.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "readers/reader.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

Document make_doc(const std::string& lang, const std::string& symbol,
                  const std::vector<std::string>& texts, const std::string& format = "text") {
    Document d;
    d.lang = lang;
    d.symbol = symbol;
    d.format = format;
    for (const auto& t : texts) {
        Paragraph p;
        p.text = t;
        d.paragraphs.push_back(p);
    }
    return d;
}

const std::vector<std::string> kArticles{
    "Everyone has the right to life, liberty and the security of person.",
    "No one shall be held in slavery or servitude; slavery and the slave trade shall be prohibited "
    "in all their forms.",
    "No one shall be subjected to torture or to cruel, inhuman or degrading treatment or "
    "punishment.",
    "Everyone has the right to recognition everywhere as a person before the law.",
};

// The sketch keeps the k smallest distinct hashes: the same as sorting them all, removing
// equal ones and keeping k, for few values, many, and many equal ones at the cut.
TEST(Copies, SmallestDistinctValuesAreThoseOfAFullSort) {
    std::mt19937_64 random(7);
    for (const std::size_t n : {0, 5, 128, 256, 257, 1000, 100000}) {
        for (const std::uint64_t spread : {3ULL, 200ULL, 1ULL << 62}) {
            std::vector<std::uint64_t> values(n);
            for (auto& v : values) v = random() % spread;
            auto expected = values;
            std::sort(expected.begin(), expected.end());
            expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
            if (expected.size() > 128) expected.resize(128);
            keep_smallest_distinct(values, 128);
            EXPECT_EQ(values, expected) << n << " values below " << spread;
        }
    }
}

TEST(Copies, ResemblanceOfSameAndDifferentTexts) {
    const auto a = copy_signature(make_doc("en", "", kArticles), "a", "/a.txt");
    const auto b = copy_signature(make_doc("en", "", kArticles), "b", "/b.html");
    const auto c = copy_signature(make_doc("en", "",
                                           {"The General Assembly decides to convene a high-level "
                                            "meeting on ocean acidification in the year 2030."}),
                                  "c", "/c.txt");
    EXPECT_DOUBLE_EQ(resemblance(a.sketch, b.sketch), 1.0);
    EXPECT_LT(resemblance(a.sketch, c.sketch), 0.1);
    EXPECT_EQ(resemblance(a.sketch, {}), 0.0);
    // Case, punctuation and line breaks do not make texts different.
    std::vector<std::string> shouted;
    for (const auto& t : kArticles) shouted.push_back("  " + t + "\n");
    shouted[0] = "EVERYONE HAS THE RIGHT TO LIFE, LIBERTY AND THE SECURITY OF PERSON";
    const auto d = copy_signature(make_doc("en", "", shouted), "d", "/d.txt");
    EXPECT_GE(resemblance(a.sketch, d.sketch), 0.9);
}

TEST(Copies, SignatureSurvivesItsEncoding) {
    const auto a =
        copy_signature(make_doc("fr", "A/RES/217(III)", kArticles, "html"), "k", "/x/udhr fr.html");
    const auto back = CopySignature::decode(a.encode());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->lang, "fr");
    EXPECT_EQ(back->symbol, "A/RES/217(III)");
    EXPECT_EQ(back->format, "html");
    EXPECT_EQ(back->path, "/x/udhr fr.html");
    EXPECT_NEAR(back->quality, a.quality, 1e-6);
    EXPECT_EQ(back->sketch, a.sketch);
    EXPECT_FALSE(CopySignature::decode("en\tA/1\ttext"));
    EXPECT_FALSE(CopySignature::decode("en\t\ttext\tnot-a-number\t/p\t1,2"));
}

TEST(Copies, QualityPrefersWholeParagraphsToFragments) {
    const Document whole = make_doc("en", "", kArticles);
    Document fragments =
        make_doc("en", "",
                 {"Everyone has the right to life, liberty", "and the security of person.",
                  "2000–02", "FIGURE 6", "No one shall be held in slavery or servitude;"});
    EXPECT_DOUBLE_EQ(paragraph_quality(whole), 1.0);
    EXPECT_LT(paragraph_quality(fragments), 0.5);
    EXPECT_EQ(paragraph_quality(Document{}), 0.0);
}

TEST(Copies, WhichFilesAreOneDocument) {
    std::vector<std::string> cut;  // the same text cut into lines: worse formed
    for (const auto& t : kArticles) {
        cut.push_back(t.substr(0, t.size() / 2));
        cut.push_back(t.substr(t.size() / 2));
    }
    std::vector<CopySignature> sigs{
        copy_signature(make_doc("en", "", cut, "pdf"), "0", "/0.pdf"),
        copy_signature(make_doc("en", "", kArticles, "text"), "1", "/1.txt"),
        copy_signature(make_doc("en", "", kArticles, "html"), "2", "/2.html"),
        copy_signature(make_doc("fr", "", kArticles, "text"), "3", "/3.txt"),  // another language
        copy_signature(make_doc("en", "A/1", kArticles, "text"), "4", "/4.txt"),  // symbols differ:
        copy_signature(make_doc("en", "A/2", kArticles, "text"), "5", "/5.txt"),  // never copies
        copy_signature(
            make_doc("en", "A/9", {"Short and unrelated words about oceans and fisheries here."}),
            "6", "/6.txt"),
        copy_signature(
            make_doc("en", "A/9", {"Short and unrelated words about oceans and fisheries here."},
                     "pdf"),
            "7", "/7.pdf"),
    };
    const auto groups = find_copies(sigs);
    ASSERT_EQ(groups.size(), 2u);
    // Whole paragraphs first, then the more structured format; the cut PDF last.
    EXPECT_EQ(groups[0], (std::vector<std::size_t>{2, 1, 4, 0}));
    EXPECT_EQ(groups[1], (std::vector<std::size_t>{7, 6}));
}

TEST(Copies, FilesOfOneFormatAreCopiesOnlyWhenTheirTextIsTheSame) {
    // Form letters that differ in one number are two documents; the same file saved twice is one.
    const auto letter = [](const std::string& day) {
        std::vector<std::string> text = kArticles;
        text.push_back("The General Assembly met on day " + day + " in Geneva about trafficking.");
        return text;
    };
    std::vector<CopySignature> sigs{
        copy_signature(make_doc("en", "", letter("1")), "1", "/f1.txt"),
        copy_signature(make_doc("en", "", letter("11")), "11", "/f11.txt"),
        copy_signature(make_doc("en", "", letter("12")), "12", "/f12.txt"),
        copy_signature(make_doc("en", "", letter("12")), "12b", "/f12 (copy).txt"),
    };
    EXPECT_GE(resemblance(sigs[0].sketch, sigs[1].sketch), kSameText);  // alike as texts go
    const auto groups = find_copies(sigs);
    ASSERT_EQ(groups.size(), 1u);
    auto same_file = groups[0];
    std::sort(same_file.begin(), same_file.end());
    EXPECT_EQ(same_file, (std::vector<std::size_t>{2, 3}));
    // In two formats the same near-identical text is one document.
    sigs[1].format = "pdf";
    const auto two_formats = find_copies({sigs[0], sigs[1]});
    ASSERT_EQ(two_formats.size(), 1u);
    EXPECT_EQ(two_formats[0].size(), 2u);
}

TEST(Copies, RealFilesOfOneDocumentAndOfTwo) {
    const fs::path real = fs::path(PLENARY_SHARED_DIR) / "corpus-real";
    if (!fs::exists(real)) GTEST_SKIP() << "corpus-real not found at " << real;
    auto sig = [&](const std::string& rel) {
        const std::string path = (real / rel).string();
        return copy_signature(read_document(path), rel, path);
    };
    const auto xml = sig("udhr/xml/udhr_eng.xml"), html = sig("udhr/html/udhr_eng.html"),
               txt = sig("udhr/txt/udhr_eng.txt");
    const auto hans = sig("udhr/xml/udhr_cmn_hans.xml"), hant = sig("udhr/xml/udhr_cmn_hant.xml");
    const auto hans_txt = sig("udhr/txt/udhr_cmn_hans.txt"),
               hans_html = sig("udhr/html/udhr_cmn_hans.html");
    for (const auto* s : {&hans_txt, &hans_html})
        EXPECT_GE(resemblance(hans.sketch, s->sketch), kSameText) << s->path;
    const auto pdf = sig("upr-slovenia/3rdcycleunoriginal/g1924226.pdf"),
               extracted = sig("upr-slovenia/cycle3/extracted/g1924226.txt");
    for (const auto* s : {&html, &txt})
        EXPECT_GE(resemblance(xml.sketch, s->sketch), kSameText) << s->path;
    EXPECT_LT(resemblance(hans.sketch, hant.sketch), 0.3)
        << "simplified and traditional Chinese are two texts";
    EXPECT_GE(resemblance(pdf.sketch, extracted.sketch), 0.5);
    const auto groups =
        find_copies({xml, html, txt, hans, hant, pdf, extracted, hans_txt, hans_html});
    ASSERT_EQ(groups.size(), 3u);
    std::vector<std::size_t> sizes;
    for (const auto& g : groups) sizes.push_back(g.size());
    std::sort(sizes.begin(), sizes.end());
    EXPECT_EQ(sizes, (std::vector<std::size_t>{2, 3, 3}))
        << "UPR pdf+txt; UDHR en; UDHR zh-Hans (not zh-Hant)";
    std::printf(
        "quality: udhr xml %.3f html %.3f txt %.3f; upr pdf %.3f txt %.3f; resemblance pdf/txt "
        "%.3f, hans/hant %.3f\n",
        xml.quality, html.quality, txt.quality, pdf.quality, extracted.quality,
        resemblance(pdf.sketch, extracted.sketch), resemblance(hans.sketch, hant.sketch));
}

}  // namespace
}  // namespace plenary
