// The query language (QueryParser::parse), drill-down filters (split_filter, field_query) and
// the stemming languages, against the database of corpus/ so that wildcards, prefixes and
// exact facet values expand as they do in a search. Input: the first byte picks --lang (each
// paragraph's own, or one of the six), the rest is the query as typed, any bytes (the command
// line does not check UTF-8 first). A QueryError is the answer to a bad query; Xapian's own
// errors are caught at the boundary (the searcher reports them), so they are answers too.
#include <xapian.h>

#include "fuzz_common.h"
#include "fuzz_db.h"
#include "model/schema.h"
#include "refs/countries.h"
#include "search/query.h"

namespace {

const char* const kLangs[] = {"", "en", "fr", "es", "ru", "ar", "zh"};

}  // namespace

PLENARY_FUZZ_TARGET(query) {
    static const Xapian::Database db(plenary::fuzz::corpus_database());
    std::string_view input = plenary::fuzz::bytes_of(data, size);
    if (input.empty()) return 0;
    const char* lang = kLangs[static_cast<unsigned char>(input.front()) % std::size(kLangs)];
    input.remove_prefix(1);
    const plenary::QueryParser parser(plenary::Schema::instance(), plenary::Gazetteer::instance(),
                                      &db, lang);
    plenary::fuzz::run_guarded([&] {
        try {
            (void)parser.parse(input);
        } catch (const Xapian::Error&) {
        }
    });
    plenary::fuzz::run_guarded([&] {
        try {
            const auto [field, value] = parser.split_filter(input);
            (void)parser.field_query(field, value, true);
        } catch (const Xapian::Error&) {
        }
    });
    return 0;
}
