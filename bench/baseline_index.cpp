// Baseline for bench/index_bench.sh: the least a Xapian indexer can do with the same files.
// Each file is split into paragraphs at blank lines (and at single newlines, as the General
// Debate speeches are written one paragraph per line); each paragraph is indexed with
// TermGenerator and the English stemmer, its text stored as document data, nothing more.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: baseline-index DB PATH...\n");
        return 2;
    }
    std::vector<fs::path> files;
    for (int i = 2; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (const auto& e : fs::recursive_directory_iterator(argv[i]))
                if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
        } else {
            files.push_back(argv[i]);
        }
    }
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::uint64_t bytes = 0, paragraphs = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string line;
        while (std::getline(in, line)) {
            bytes += line.size() + 1;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t\f") == std::string::npos) continue;
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(line);
            doc.set_data(line);
            db.add_document(doc);
            ++paragraphs;
        }
    }
    db.commit();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("baseline: %zu files, %llu paragraphs, %.1f MB, %.2f s, %.2f MB/s, %.0f paragraphs/s\n",
                files.size(), static_cast<unsigned long long>(paragraphs), bytes / 1e6, s,
                bytes / 1e6 / s, paragraphs / s);
    return 0;
}
