// Search: opens Plenary databases, runs a request, and returns results as structs and JSON.
//
// The same Searcher serves plenary-search and any other front end: a request in, a
// SearchResult out, and to_json() gives the document described by
// schemas/search-result.schema.json. This header gathers the three that say so:
// search/results.h (request and answer), search/searcher.h (Searcher), search/render.h
// (JSON, text and HTML).
#pragma once

#include "search/render.h"
#include "search/results.h"
#include "search/searcher.h"
