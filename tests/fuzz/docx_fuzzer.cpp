// Word 2007+ reader (parse_docx). Mutating a zip's bytes mostly breaks its checksums, so an
// input is either a whole .docx (starting "PK", as the real seeds are) or the XML parts
// themselves, separated by \x01 (a byte XML may not hold): word/document.xml, then
// word/numbering.xml, word/styles.xml, word/footnotes.xml and docProps/core.xml, zipped here
// (stored) into a .docx, so that mutations reach the XML walker, numbering and styles.
#include <array>
#include <utility>
#include <vector>

#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"
#include "unit/test_files.h"

namespace {

const std::array<const char*, 5> kParts = {"word/document.xml", "word/numbering.xml",
                                           "word/styles.xml", "word/footnotes.xml",
                                           "docProps/core.xml"};

const char* const kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

/// The input as a .docx: itself when it is a zip, else its parts zipped.
std::string as_docx(std::string_view input) {
    if (input.substr(0, 2) == "PK") return std::string(input);
    std::vector<std::pair<std::string, std::string>> entries = {
        {"[Content_Types].xml", kContentTypes}};
    for (const char* part : kParts) {
        const std::size_t cut = input.find('\x01');
        entries.emplace_back(part, std::string(input.substr(0, cut)));
        if (cut == std::string_view::npos) break;
        input.remove_prefix(cut + 1);
    }
    return plenary::testing::make_zip(entries);
}

}  // namespace

PLENARY_FUZZ_TARGET(docx) {
    const std::string docx = as_docx(plenary::fuzz::bytes_of(data, size));
    plenary::fuzz::run_guarded([&] {
        plenary::Document doc = plenary::parse_docx(docx, "fuzz.docx");
        plenary::fuzz::finish_document(doc);
    });
    return 0;
}
