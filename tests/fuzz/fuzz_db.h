// A small database for the targets that search: corpus/ indexed once per process into a
// temporary folder of its own, removed when the process exits.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "index/indexer.h"

namespace plenary::fuzz {

/// The path of the database of corpus/ (PLENARY_SOURCE_DIR/corpus), built on first use.
inline const std::string& corpus_database() {
    struct Database {
        std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                       ("plenary-fuzz-db-" + std::to_string(::getpid()));
        std::string path = (folder / "db").string();
        Database() {
            std::filesystem::remove_all(folder);
            std::filesystem::create_directories(folder);
            IndexOptions options;
            options.db = path;
            options.paths = {std::string(PLENARY_SOURCE_DIR) + "/corpus"};
            const IndexReport report = run_index(options, {});
            if (report.indexed == 0 || report.failed != 0)
                throw std::runtime_error("fuzz: cannot index " + options.paths[0]);
        }
        ~Database() {
            std::error_code ec;
            std::filesystem::remove_all(folder, ec);
        }
    };
    static const Database database;
    return database.path;
}

}  // namespace plenary::fuzz
