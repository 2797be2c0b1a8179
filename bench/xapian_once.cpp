// The minimal Xapian program run once per process, the baseline of bench/startup_bench.sh:
// open the database, QueryParser (English stemmer, AND), Enquire for ten matches,
// MSet::snippet of each. Links Xapian only, so its start-up is the least a search can cost.
// Usage: xapian-once DB QUERY
#include <xapian.h>

#include <cstdio>
#include <string>

#include "baseline_parser.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: xapian-once DB QUERY\n");
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);
        Xapian::QueryParser qp = baseline_parser(db);
        Xapian::Enquire enquire(db);
        enquire.set_query(qp.parse_query(argv[2], Xapian::QueryParser::FLAG_DEFAULT));
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        std::printf("%u matches\n", mset.get_matches_estimated());
        for (auto it = mset.begin(); it != mset.end(); ++it)
            std::printf("%s\n", mset.snippet(it.get_document().get_data(), 240).c_str());
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "xapian-once: %s\n", e.get_description().c_str());
        return 1;
    }
    return 0;
}
