// plenary-index: reads UN documents and writes a Plenary database, one Xapian document per
// paragraph. Thin: options here, the work in core/index/indexer.cpp.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/exit_codes.h"
#include "index/index_writer.h"
#include "index/indexer.h"
#include "model/document_json.h"
#include "readers/reader.h"
#include "refs/references.h"
#include "refs/subjects.h"

namespace po = boost::program_options;

namespace {

using plenary::kExitDatabase;
using plenary::kExitFailure;
using plenary::kExitOk;
using plenary::kExitUsage;

const char* kExamples = R"(Examples:
  plenary-index corpus/                          index a folder into the default database
  plenary-index --db /srv/plenary/db --jobs 2 ~/un-docs/
  plenary-index --db db --prune ~/un-docs/        also remove files gone from ~/un-docs/
  plenary-index --dump report.md                 print what the reader makes of a file
  plenary-index --thesaurus unbis/thesaurus.lst corpus/   also assign UNBIS subjects (English)
  plenary-index --db shard2 --shard 2/3 ~/un-docs/   only the documents of shard 2 of 3

Exit status: 0 all files indexed (or unchanged); 1 some files failed (the rest are indexed
and committed); 2 usage error; 3 the database is locked or unusable.
)";

std::string human_seconds(double s) {
    char buf[32];
    const int total = static_cast<int>(s + 0.5);
    std::snprintf(buf, sizeof buf, "%d:%02d", total / 60, total % 60);
    return buf;
}

/// The command line, as read.
struct Options {
    po::options_description visible{"Usage: plenary-index [options] PATH...\nOptions"};
    po::variables_map vm;
    std::string db;
    int jobs = 1;
    std::size_t commit_every = 20000;
    std::string dump;
    std::string thesaurus;
    std::string shard;
};

/// Reads the command line into o; false (after saying why) when it is wrong.
bool parse_options(int argc, char** argv, Options& o) {
    o.visible.add_options()("help,h", "show this help")(
        "db,d", po::value(&o.db),
        "database directory (default: $PLENARY_DB, else ~/.local/share/plenary/db)")(
        "jobs,j", po::value(&o.jobs)->default_value(1),
        "worker threads reading and analysing files")(
        "prune", "remove from the database files that are gone from the given folders")(
        "commit-every", po::value(&o.commit_every)->default_value(20000),
        "paragraphs between commits")("dump", po::value(&o.dump),
                                      "print FILE's document and paragraphs as JSON (several "
                                      "files: one JSON per line); write nothing")(
        "quiet,q", "no progress display")(
        "thesaurus", po::value(&o.thesaurus),
        "UNBIS Thesaurus list (LABEL, pref_label=, uri=, kind= per line): English paragraphs get "
        "the subjects it names (default: $PLENARY_THESAURUS, else none)")(
        "shard", po::value(&o.shard),
        "K/N: keep only the documents of shard K of N (a hash of each document's symbol, else of "
        "its text), for a database of several parts searched through a stub file")(
        "no-references", "index text and metadata only (to measure what extraction costs)");
    po::options_description hidden;
    hidden.add_options()("path", po::value<std::vector<std::string>>(), "input");
    po::options_description all;
    all.add(o.visible).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  o.vm);
        po::notify(o.vm);
    } catch (const po::error& e) {
        std::cerr << "plenary-index: " << e.what() << " (see --help)\n";
        return false;
    }
    return true;
}

/// The thesaurus of --thesaurus, else $PLENARY_THESAURUS, else none; read before anything is
/// indexed, so a missing or malformed list stops the run (UsageError, exit 2) with its line.
std::optional<plenary::Thesaurus> load_thesaurus(const Options& o) {
    std::string path = o.thesaurus;
    if (path.empty())
        if (const char* env = std::getenv("PLENARY_THESAURUS"); env && *env) path = env;
    if (path.empty()) return std::nullopt;
    return plenary::Thesaurus::load(path);
}

/// --dump: what the reader and the reference pass make of each file, as JSON; writes nothing.
int dump_files(const Options& o) {
    // One file: indented JSON. Several (--dump FILE PATH...): one JSON per line.
    std::vector<std::string> files{o.dump};
    if (o.vm.count("path"))
        for (const auto& p : o.vm["path"].as<std::vector<std::string>>()) files.push_back(p);
    const std::optional<plenary::Thesaurus> thesaurus = load_thesaurus(o);
    int status = kExitOk;
    for (const auto& file : files) {
        try {
            plenary::Document doc = plenary::read_document(file);
            plenary::extract_references(doc);
            if (thesaurus) plenary::assign_subjects(doc, *thesaurus);
            const auto j = plenary::dump_json(doc);
            std::cout << (files.size() == 1 ? j.dump(2) : j.dump()) << "\n";
        } catch (const plenary::DocumentError& e) {
            std::cerr << "plenary-index: " << e.what() << "\n";
            status = kExitFailure;
        }
    }
    return status;
}

/// Indexes the paths given, with a progress line on a terminal and a summary line at the end.
int index_paths(const Options& o) {
    const po::variables_map& vm = o.vm;
    if (!vm.count("path")) {
        std::cerr << "plenary-index: no PATH given (see --help)\n";
        return kExitUsage;
    }
    if (o.jobs < 1 || o.jobs > 256) {
        std::cerr << "plenary-index: --jobs must be between 1 and 256\n";
        return kExitUsage;
    }
    plenary::IndexOptions options;
    options.db = o.db.empty() ? plenary::default_db_path() : o.db;
    options.paths = vm["path"].as<std::vector<std::string>>();
    options.jobs = o.jobs;
    options.prune = vm.count("prune") > 0;
    options.commit_every = o.commit_every == 0 ? 1 : o.commit_every;
    options.references = vm.count("no-references") == 0;
    if (!o.shard.empty()) {
        const auto spec = plenary::ShardSpec::parse(o.shard);
        if (!spec) {
            std::cerr << "plenary-index: --shard must be K/N with 1 <= K <= N <= 1024, not '"
                      << o.shard << "'\n";
            return kExitUsage;
        }
        options.shard = *spec;
    }
    const std::optional<plenary::Thesaurus> thesaurus = load_thesaurus(o);
    if (thesaurus) options.thesaurus = &*thesaurus;

    const bool progress = !vm.count("quiet") && isatty(STDERR_FILENO);
    bool progress_shown = false;
    plenary::IndexListener listener;
    listener.on_error = [&](const std::string& line) {
        if (progress_shown) std::cerr << "\r\033[K";
        std::cerr << "plenary-index: " << line << "\n";
    };
    if (progress) {
        listener.on_progress = [&](const plenary::IndexReport& r, std::size_t total) {
            const std::size_t done = r.indexed + r.unchanged + r.failed + r.elsewhere;
            const double mbps = r.seconds > 0 ? r.bytes / 1e6 / r.seconds : 0;
            const double left = done > 0 ? r.seconds * (total - std::min(done, total)) / done : 0;
            std::fprintf(stderr, "\r\033[K%zu/%zu files  %zu paragraphs  %.1f MB/s  %s left", done,
                         total, r.paragraphs, mbps, human_seconds(left).c_str());
            progress_shown = true;
        };
    }
    const plenary::IndexReport r = plenary::run_index(options, listener);
    if (progress_shown) std::cerr << "\r\033[K";
    std::string where = options.db;
    if (options.shard.sharded())
        where += ", shard " + options.shard.str() + ": " + std::to_string(r.elsewhere) +
                 " files read belong to other shards";
    std::printf(
        "%zu documents indexed, %zu unchanged, %zu removed, %zu paragraphs, %zu failed, %.1f s "
        "(%s)\n",
        r.indexed, r.unchanged, r.removed, r.paragraphs, r.failed, r.seconds, where.c_str());
    return r.failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, o)) return kExitUsage;
    if (o.vm.count("help")) {
        std::cout << o.visible << "\n" << kExamples;
        return kExitOk;
    }
    try {
        return o.dump.empty() ? index_paths(o) : dump_files(o);
    } catch (const Xapian::Error& e) {
        // Xapian's errors are not std::exceptions: one that escapes core (a damaged table read
        // mid-run) still ends in one line and exit 3, never in std::terminate.
        const std::string db = o.db.empty() ? plenary::default_db_path() : o.db;
        std::cerr << "plenary-index: " << plenary::unreadable_database(db, e.get_description())
                  << "\n";
        return kExitDatabase;
    } catch (const std::exception& e) {
        // UsageError 2, DatabaseError 3, anything else (a DocumentError, ...) 1.
        std::cerr << "plenary-index: " << e.what() << "\n";
        return plenary::exit_status(e);
    }
}
