// The plain Xapian query parser the baselines search with (bench/query_bench's baseline
// database, bench/xapian_once): English stemmer on some words, AND between words.
#pragma once

#include <xapian.h>

/// A QueryParser over db with the baselines' settings.
inline Xapian::QueryParser baseline_parser(const Xapian::Database& db) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    return qp;
}
