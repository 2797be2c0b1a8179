// plenary-serve: the search service, run by `plenary-search serve`. A binary of its own so
// that only the service loads cpp-httplib and, through it, OpenSSL and Brotli: linked into
// plenary-search, their loading and relocation took a one-shot query's time.
#include "server.h"

int main(int argc, char** argv) {
    return plenary::serve_main(argc, argv);
}
