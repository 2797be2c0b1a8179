#!/usr/bin/env bash
# Configures and builds the sanitizer configuration in its own folder (build-fuzz/, or
# $PLENARY_FUZZ_BUILD_DIR): clang, -DPLENARY_FUZZ=ON (ASan + UBSan everywhere, libFuzzer's
# coverage hooks), -O1 with line tables for readable reports. Builds the targets given
# (default: the fuzz targets). The normal build in build/ is untouched.
#
#   tests/fuzz/build.sh [CMAKE_TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${PLENARY_FUZZ_BUILD_DIR:-build-fuzz}
[ $# -gt 0 ] || set -- fuzzers
cmake -S . -B "$build" -DPLENARY_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "$@"
