// Baseline for bench/index_bench.sh: the least a Xapian indexer can do with the same
// paragraphs Plenary makes. Input: the JSON lines of `plenary-index --dump FILE...`; each
// paragraph's text is indexed with TermGenerator and the English stemmer and stored as the
// document's data, nothing more. Only the indexing is timed (reading the input is not), so
// the baseline is as fast as it can be.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: baseline-index DB DUMP.jsonl\n");
        return 2;
    }
    std::vector<std::string> paragraphs;
    std::uint64_t bytes = 0;
    {
        std::ifstream in(argv[2]);
        std::string line;
        while (std::getline(in, line)) {
            const auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded()) continue;
            for (const auto& p : j["paragraphs"]) {
                paragraphs.push_back(p["text"].get<std::string>());
                bytes += paragraphs.back().size();
            }
        }
    }
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto& text : paragraphs) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        doc.set_data(text);
        db.add_document(doc);
    }
    db.commit();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("baseline: %zu paragraphs, %.1f MB of paragraph text, %.2f s, %.0f paragraphs/s\n",
                paragraphs.size(), bytes / 1e6, s, paragraphs.size() / s);
    return 0;
}
