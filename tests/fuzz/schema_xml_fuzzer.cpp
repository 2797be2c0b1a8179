// XML read through a schema of schemas/xml/ (UDHR, Akoma Ntoso): as parse_document does, the
// schema is the one whose root element and namespace match; other XML is refused before.
#include "fuzz_common.h"
#include "fuzz_reader.h"
#include "readers/reader.h"

PLENARY_FUZZ_TARGET(schema_xml) {
    const auto text = plenary::fuzz::reader_text(data, size);
    if (!text) return 0;
    plenary::fuzz::run_guarded([&] {
        const std::string schema = plenary::find_xml_schema(*text);
        if (schema.empty()) return;
        plenary::Document doc = plenary::parse_schema_xml(*text, "fuzz.xml", schema);
        plenary::fuzz::finish_document(doc);
    });
    return 0;
}
