// Builders for small test inputs: a stored (uncompressed) zip, a one-font PDF, deep markup.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace plenary::testing {

inline std::uint32_t crc32(const std::string& data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline void put16(std::string& s, unsigned v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}

/// A zip with stored entries. declared_size, when not 0, is written as every entry's
/// uncompressed size (a lying header, as in a zip bomb).
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries,
                            std::uint32_t declared_size = 0) {
    std::string out, central;
    for (const auto& [name, data] : entries) {
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(data);
        const std::uint32_t size = static_cast<std::uint32_t>(data.size());
        const std::uint32_t usize = declared_size ? declared_size : size;
        out += "PK\x03\x04";
        put16(out, 20);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put32(out, crc);
        put32(out, size);
        put32(out, usize);
        put16(out, static_cast<unsigned>(name.size()));
        put16(out, 0);
        out += name;
        out += data;
        central += "PK\x01\x02";
        put16(central, 20);
        put16(central, 20);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, crc);
        put32(central, size);
        put32(central, usize);
        put16(central, static_cast<unsigned>(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += name;
    }
    const std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    out += "PK\x05\x06";
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<unsigned>(entries.size()));
    put16(out, static_cast<unsigned>(entries.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, cd_offset);
    put16(out, 0);
    return out;
}

/// A PDF whose pages each show the given lines in Helvetica 11 pt, top to bottom.
inline std::string make_pdf(const std::vector<std::vector<std::string>>& pages) {
    std::vector<std::string> objects;  // object i+1
    const std::size_t n = pages.size();
    // 1 catalog, 2 pages, 3 font, then per page: page object and content stream.
    std::string kids;
    for (std::size_t i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < n; ++i) {
        std::string content = "BT /F1 11 Tf 14 TL 72 760 Td\n";
        for (const auto& line : pages[i]) {
            std::string escaped;
            for (const char c : line) {
                if (c == '(' || c == ')' || c == '\\') escaped += '\\';
                escaped += c;
            }
            content += "(" + escaped + ") Tj T*\n";
        }
        content += "ET\n";
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
            ">> >> /Contents " +
            std::to_string(5 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                          content + "endstream");
    }
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto off : offsets) {
        std::string num = std::to_string(off);
        out += std::string(10 - num.size(), '0') + num + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

/// n elements named name, each inside the one before, around text.
inline std::string nested(const std::string& name, int n, const std::string& text) {
    std::string open, close;
    open.reserve(static_cast<std::size_t>(n) * (name.size() + 2));
    close.reserve(static_cast<std::size_t>(n) * (name.size() + 3));
    for (int i = 0; i < n; ++i) {
        open += "<" + name + ">";
        close += "</" + name + ">";
    }
    return open + text + close;
}

}  // namespace plenary::testing
