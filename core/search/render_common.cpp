#include "search/render_common.h"

#include <filesystem>

namespace plenary {

void append_escaped_html(std::string& out, std::string_view s) {
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
}

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_escaped_html(out, s);
    return out;
}

std::string join_strings(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::string count_line(const SearchResult& r) {
    auto grouped_digits = [](std::size_t n) {
        std::string digits = std::to_string(n), out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
        return out;
    };
    const std::string unit = r.grouped ? "document" : "paragraph";
    if (!r.total_exact) {
        if (r.total > r.exact_up_to)
            return "more than " + grouped_digits(r.exact_up_to) + " " + unit + "s match";
        return "at least " + grouped_digits(r.total) + " " + unit +
               "s match (counting stopped at the time limit)";
    }
    if (r.total == 1) return "1 " + unit + " matches";
    return grouped_digits(r.total) + " " + unit + "s match";
}

std::string partial_line(const SearchResult& r) {
    if (r.failed_shards.empty()) return "";
    return "Partial answer: the total, the hits and the facet counts cover only the shards that "
           "answered; left out: " +
           join_strings(r.failed_shards, ", ");
}

std::string document_line(const DocumentInfo& d) {
    std::string out =
        d.symbol.empty() ? std::filesystem::path(d.source).filename().string() : d.symbol;
    for (const std::string& part : {d.date, d.lang, d.body})
        if (!part.empty()) out += " · " + part;
    return out;
}

}  // namespace plenary
