// Sidecars (apply_sidecar): NAME.meta.json, or NAME.meta.xml when the input starts with '<',
// beside a document, read from a file as the indexer reads them. Each process writes its own
// folder under the temporary directory and removes it at exit.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fuzz_common.h"
#include "readers/reader.h"

namespace {

namespace fs = std::filesystem;

/// A folder of this process's own, removed when the process exits.
struct ScratchFolder {
    fs::path path =
        fs::temp_directory_path() / ("plenary-fuzz-sidecar-" + std::to_string(::getpid()));
    ScratchFolder() { fs::create_directories(path); }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

PLENARY_FUZZ_TARGET(sidecar) {
    static const ScratchFolder scratch;
    const std::string_view bytes = plenary::fuzz::bytes_of(data, size);
    const bool xml = !bytes.empty() && bytes.front() == '<';
    const fs::path document = scratch.path / (xml ? "x.txt" : "j.txt");
    {
        std::ofstream out(scratch.path / (xml ? "x.meta.xml" : "j.meta.json"),
                          std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    plenary::fuzz::run_guarded([&] {
        plenary::Document doc;
        doc.lang = "en";
        plenary::apply_sidecar(doc, document.string());
    });
    return 0;
}
