// PDF through poppler's C++ binding: the text of each page with its physical layout (the form
// pdftotext -layout gives, which keeps the UN masthead's two columns apart), pages separated by
// form feeds, then the plain-text reader's structure logic (masthead, page furniture, numbered
// paragraphs, footnotes, page-break rejoining, hyphenation) over it.
//
// A resolution ("Resolution adopted by the General Assembly") is read from the words' places
// and fonts instead (pdf_geometry.cpp): its paragraphs are told apart only
// by the indent of their first line, and its footnote marks only by their small raised type.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <string>

#include "base/error.h"
#include "base/text_util.h"
#include "readers/pdf_geometry.h"
#include "readers/reader.h"

namespace plenary {

namespace {

/// poppler reports syntax errors of damaged files on stderr; the reader reports them itself.
void quiet(const std::string&, void*) {}

/// A page's text in UTF-8; poppler's ustring is UTF-16.
std::string page_text(const poppler::page& page) {
    const poppler::byte_array utf8 =
        page.text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

bool has_letters(std::string_view text) {
    for (const char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80) return true;
    }
    return false;
}

bool digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The job number of a page-foot line "18-16895 (E)     241018" or "GE.19-14064 (E)": the
/// print shop's stamp with its date code, which the text reader's furniture rules do not
/// expect with spaces inside. Empty when the line is not one.
std::string job_line(std::string_view line) {
    line = trim(line);
    std::size_t i = 0;
    if (line.substr(0, 3) == "GE.") i = 3;
    const std::size_t begin = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i - begin != 2 || i >= line.size() || line[i] != '-') return {};
    const std::size_t dash = i++;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i - dash - 1 < 4 || i - dash - 1 > 6) return {};
    const std::string job(line.substr(0, i));
    std::string_view rest = trim(line.substr(i));
    if (rest.substr(0, 1) != "(" || rest.size() < 3 || rest[2] != ')') return {};
    rest = trim(rest.substr(3));
    // What may follow: the date code, a slash and page numbers ("18-16895 3/12").
    while (!rest.empty()) {
        const std::size_t end = rest.find(' ');
        const std::string_view cell = rest.substr(0, end);
        if (!digits(cell) && cell.find('/') == std::string_view::npos) return {};
        rest = end == std::string_view::npos ? std::string_view() : trim(rest.substr(end));
    }
    return job;
}

/// Appends line, with the wide gap after a leading paragraph number ("72.          Slovenia
/// accepts") narrowed to one space: gaps of three spaces are column breaks to the text reader,
/// and this one is only the hanging indent of a numbered paragraph.
void append_line_closing_number_gap(std::string& out, std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = i;
    while (j < line.size() && j - i < 4 && line[j] >= '0' && line[j] <= '9') ++j;
    if (j > i && j < line.size() && line[j] == '.' && j + 4 < line.size() &&
        line.substr(j + 1, 3) == "   ") {
        std::size_t k = j + 1;
        while (k < line.size() && line[k] == ' ') ++k;
        if (k < line.size()) {
            out.append(line.substr(0, j + 1));
            out += ' ';
            out.append(line.substr(k));
            return;
        }
    }
    out.append(line);
}

/// Drops job-number lines, remembering the first as the document's job number.
std::string drop_job_lines(const std::string& text, std::string& job_number) {
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of("\n\f", start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        const std::string job = job_line(line);
        if (job.empty())
            append_line_closing_number_gap(out, line);
        else if (job_number.empty())
            job_number = job;
        if (end < text.size()) out += text[end];
        start = end + 1;
    }
    return out;
}

/// A paragraph the text reading made of a footnote it could not place: "12 text".
bool note_like(const Paragraph& p) {
    std::size_t i = 0;
    while (i < p.text.size() && i < 4 && p.text[i] >= '0' && p.text[i] <= '9') ++i;
    return p.kind == ParagraphKind::unnumbered && i > 0 && i < 4 && i < p.text.size() &&
           p.text[i] == ' ';
}

/// Opens the PDF, or throws DocumentError saying why it cannot be read.
std::unique_ptr<poppler::document> open_pdf(std::string_view bytes, const std::string& source) {
    poppler::set_debug_error_function(quiet, nullptr);
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        throw DocumentError(source, "PDF too large");
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) throw DocumentError(source, "damaged PDF (poppler cannot open it)");
    if (pdf->is_locked()) throw DocumentError(source, "password-protected PDF");
    if (pdf->pages() <= 0) throw DocumentError(source, "damaged PDF (no pages)");
    return pdf;
}

std::string layout_text(const poppler::document& pdf, const std::string& source) {
    std::string text;
    for (int i = 0; i < pdf.pages(); ++i) {
        if (i > 0) text += '\f';
        const std::unique_ptr<poppler::page> page(pdf.create_page(i));
        if (!page) continue;
        std::string t = page_text(*page);
        // poppler ends a page with its own form feed; the separator is written here, once.
        t.erase(std::remove(t.begin(), t.end(), '\f'), t.end());
        // pdftotext ends each page with a newline before the form feed; keep that shape.
        if (!t.empty() && t.back() != '\n') t += '\n';
        text += t;
    }
    if (!has_letters(text)) throw DocumentError(source, "no text layer (a scanned PDF?)");
    if (!check_utf8(text)) throw DocumentError(source, "PDF text is not valid UTF-8");
    return text;
}

}  // namespace

std::string pdf_text(std::string_view bytes, const std::string& source, int* pages) {
    const auto pdf = open_pdf(bytes, source);
    if (pages) *pages = pdf->pages();
    return layout_text(*pdf, source);
}

Document parse_pdf(std::string_view bytes, const std::string& source) {
    const auto pdf = open_pdf(bytes, source);
    std::string job;
    const std::string text = drop_job_lines(layout_text(*pdf, source), job);
    Document doc = parse_text(normalise_newlines(text), source);
    doc.format = "pdf";
    if (doc.job_number.empty()) doc.job_number = job;
    // The words' places cost a second pass over the pages: only where the text says it is a
    // resolution, or where the text reading left notes as paragraphs ("4 E/C.12/...").
    read_pdf_geometry(*pdf, doc, text.find("Resolution adopted by") != std::string::npos,
                      std::any_of(doc.paragraphs.begin(), doc.paragraphs.end(), note_like));
    return doc;
}

}  // namespace plenary
