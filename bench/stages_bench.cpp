// Throughput of each stage the indexer runs per file, over a folder of text files (default:
// the General Debate speeches): reading and paragraph splitting, then each reference finder
// over every paragraph. Prints MB/s per stage, medians of RUNS runs (argv[2], default 3).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/text_util.h"
#include "model/document.h"
#include "readers/reader.h"
#include "refs/countries.h"
#include "refs/resolutions.h"
#include "refs/sessions.h"
#include "refs/symbols.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: stages-bench FOLDER [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(argv[1]))
        if (e.is_regular_file() && e.path().extension() == ".txt")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());

    std::vector<plenary::Document> docs;
    std::uint64_t bytes = 0;
    for (const auto& f : files) {
        try {
            docs.push_back(plenary::read_document(f));
            bytes += fs::file_size(f);
        } catch (const std::exception&) {
        }
    }
    const plenary::Gazetteer& gazetteer = plenary::Gazetteer::instance();
    plenary::CitationContext ctx{"A", "en"};
    std::size_t sink = 0;

    struct Stage {
        const char* name;
        std::function<void()> run;
    };
    auto each_paragraph = [&](const std::function<void(const std::string&)>& f) {
        for (const auto& d : docs)
            for (const auto& p : d.paragraphs) f(p.text);
    };
    const std::vector<Stage> stages = {
        {"read + split into paragraphs",
         [&] {
             for (const auto& f : files) {
                 try {
                     sink += plenary::read_document(f).paragraphs.size();
                 } catch (const std::exception&) {
                 }
             }
         }},
        {"find_symbols",
         [&] {
             each_paragraph([&](const std::string& t) { sink += plenary::find_symbols(t).size(); });
         }},
        {"find_resolutions",
         [&] {
             each_paragraph(
                 [&](const std::string& t) { sink += plenary::find_resolutions(t, ctx).size(); });
         }},
        {"Gazetteer::find",
         [&] { each_paragraph([&](const std::string& t) { sink += gazetteer.find(t).size(); }); }},
        {"find_sessions",
         [&] {
             each_paragraph(
                 [&](const std::string& t) { sink += plenary::find_sessions(t, "en").size(); });
         }},
        {"fold",
         [&] { each_paragraph([&](const std::string& t) { sink += plenary::fold(t).size(); }); }},
    };
    std::printf(
        "%zu files, %.1f MB, %d runs (medians)\n\n| stage | seconds | MB/s |\n|---|---|---|\n",
        files.size(), bytes / 1e6, runs);
    for (const auto& s : stages) {
        std::vector<double> times;
        for (int r = 0; r < runs; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            s.run();
            times.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(times.begin(), times.end());
        const double med = times[times.size() / 2];
        std::printf("| %s | %.2f | %.1f |\n", s.name, med, bytes / 1e6 / med);
    }
    return sink == 0;
}
