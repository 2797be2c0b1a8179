// In-process query time for the service benchmark: runs each line of a query mix (URL query
// strings, as the service takes them) through one Searcher, ROUNDS times, JSON included, and
// prints p50 and p99 in milliseconds, the floor for the service's latency.
//
//   service-query-bench DB QUERIES_FILE [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "search.h"

namespace {

std::string decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

plenary::SearchRequest request(const std::string& line) {
    plenary::SearchRequest r;
    std::size_t at = 0;
    while (at < line.size()) {
        const std::size_t amp = std::min(line.find('&', at), line.size());
        const std::string pair = line.substr(at, amp - at);
        const std::size_t eq = pair.find('=');
        const std::string key = pair.substr(0, eq), value = eq == std::string::npos ? "" : decode(pair.substr(eq + 1));
        if (key == "q") r.query = value;
        else if (key == "facet") r.facets.push_back(value);
        else if (key == "filter") r.filters.push_back(value);
        else if (key == "limit") r.limit = std::stoul(value);
        else if (key == "offset") r.offset = std::stoul(value);
        else if (key == "facet_limit") r.facet_limit = std::stoul(value);
        else if (key == "sort") r.sort = value;
        else if (key == "group") r.group_by_document = value == "document";
        at = amp + 1;
    }
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: service-query-bench DB QUERIES_FILE [ROUNDS]\n";
        return 2;
    }
    const int rounds = argc > 3 ? std::stoi(argv[3]) : 5;
    std::vector<plenary::SearchRequest> mix;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) mix.push_back(request(line));
    try {
        plenary::Searcher searcher({argv[1]});
        std::size_t bytes = 0;
        for (const auto& r : mix) bytes += plenary::to_json(searcher.search(r)).dump(2).size();  // warm caches
        std::vector<double> ms;
        for (int i = 0; i < rounds; ++i) {
            for (const auto& r : mix) {
                const auto start = std::chrono::steady_clock::now();
                bytes += plenary::to_json(searcher.search(r)).dump(2).size();  // what the service sends
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            }
        }
        std::sort(ms.begin(), ms.end());
        std::printf("RESULT queries=%zu p50=%.2f p99=%.2f bytes=%zu\n", ms.size(), ms[ms.size() / 2],
                    ms[std::min(ms.size() - 1, ms.size() * 99 / 100)], bytes);
    } catch (const std::exception& e) {
        std::cerr << "service-query-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
