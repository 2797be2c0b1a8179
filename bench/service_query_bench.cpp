// In-process query time for the service benchmark: runs each line of a query mix (URL query
// strings, as the service takes them) through a Searcher, ROUNDS times, JSON included, and
// prints p50, p95 and p99 in milliseconds, the floor for the service's latency. With THREADS > 1,
// that many threads do so at once, each with its own Searcher as the service's workers have,
// each starting at another place in the mix: the in-process time at the concurrency of the
// service's connections, on the same cores.
//
//   service-query-bench DB QUERIES_FILE [ROUNDS] [THREADS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "search/search.h"

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
        const std::string key = pair.substr(0, eq),
                          value = eq == std::string::npos ? "" : decode(pair.substr(eq + 1));
        if (key == "q")
            r.query = value;
        else if (key == "facet")
            r.facets.push_back(value);
        else if (key == "filter")
            r.filters.push_back(value);
        else if (key == "limit")
            r.limit = std::stoul(value);
        else if (key == "offset")
            r.offset = std::stoul(value);
        else if (key == "facet_limit")
            r.facet_limit = std::stoul(value);
        else if (key == "sort")
            r.sort = value;
        else if (key == "group")
            r.group_by_document = value == "document";
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
    const int threads = argc > 4 ? std::max(1, std::stoi(argv[4])) : 1;
    std::vector<plenary::SearchRequest> mix;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) mix.push_back(request(line));
    if (mix.empty()) {
        std::cerr << "service-query-bench: no queries in " << argv[2] << '\n';
        return 2;
    }
    std::vector<std::vector<double>> times(static_cast<std::size_t>(threads));
    std::vector<std::string> errors(static_cast<std::size_t>(threads));
    std::vector<std::size_t> bytes(static_cast<std::size_t>(threads), 0);
    auto run = [&](std::size_t t) {
        try {
            plenary::Searcher searcher({argv[1]});
            for (const auto& r : mix)
                bytes[t] += plenary::to_json(searcher.search(r)).dump(2).size();  // warm caches
            const std::size_t start_at = t * mix.size() / static_cast<std::size_t>(threads);
            for (int i = 0; i < rounds; ++i) {
                for (std::size_t k = 0; k < mix.size(); ++k) {
                    const auto& r = mix[(start_at + k) % mix.size()];
                    const auto start = std::chrono::steady_clock::now();
                    bytes[t] += plenary::to_json(searcher.search(r))
                                    .dump(2)
                                    .size();  // what the service sends
                    times[t].push_back(std::chrono::duration<double, std::milli>(
                                           std::chrono::steady_clock::now() - start)
                                           .count());
                }
            }
        } catch (const std::exception& e) {
            errors[t] = e.what();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < static_cast<std::size_t>(threads); ++t) pool.emplace_back(run, t);
    for (auto& th : pool) th.join();
    plenary::Searcher::wait_for_background_work();
    std::vector<double> ms;
    std::size_t total_bytes = 0;
    for (std::size_t t = 0; t < times.size(); ++t) {
        if (!errors[t].empty()) {
            std::cerr << "service-query-bench: " << errors[t] << '\n';
            return 1;
        }
        ms.insert(ms.end(), times[t].begin(), times[t].end());
        total_bytes += bytes[t];
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](std::size_t percent) {
        return ms[std::min(ms.size() - 1, ms.size() * percent / 100)];
    };
    std::printf("RESULT threads=%d queries=%zu p50=%.2f p95=%.2f p99=%.2f bytes=%zu\n", threads,
                ms.size(), at(50), at(95), at(99), total_bytes);
    return 0;
}
