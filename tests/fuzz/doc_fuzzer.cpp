// Legacy Word (.doc): antiword, a program of its own, does the parsing, in a subprocess with a
// time limit and an output cap (core/readers/doc_reader.cpp). What Plenary itself does with a .doc
// is read antiword's output, so this target fuzzes that: the checks parse_doc makes on the output
// and the plain-text reader on it. Its seeds are antiword's output for real .doc files
// (tests/fuzz/run.sh makes them). Fuzzing antiword is antiword's concern.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(doc) {
    const std::string_view out = plenary::fuzz::bytes_of(data, size);
    if (!plenary::check_utf8(out) || plenary::trim(out).empty())
        return 0;  // parse_doc refuses these
    plenary::fuzz::run_guarded([&] {
        plenary::Document doc = plenary::parse_text(plenary::normalise_newlines(out), "fuzz.doc");
        doc.format = "doc";
        plenary::fuzz::finish_document(doc);
    });
    return 0;
}
