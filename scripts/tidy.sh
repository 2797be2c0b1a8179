#!/bin/bash
# Runs clang-tidy (checks in .clang-tidy) on every source file of core/, indexer/ and searcher/.
# usage: scripts/tidy.sh BUILD_DIR   (a build configured with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
set -euo pipefail
build=${1:?usage: scripts/tidy.sh BUILD_DIR}
cd "$(dirname "$0")/.."
[ -f "$build/compile_commands.json" ] || { echo "tidy.sh: $build/compile_commands.json missing (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2; exit 2; }
find core indexer searcher -name '*.cpp' ! -name gen_fold_table.cpp | sort |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>/dev/null |
  grep -E '^[^ ].*(warning|error):' | sort -u > "$build/tidy.txt" || true
if [ -s "$build/tidy.txt" ]; then
  cat "$build/tidy.txt"
  echo "tidy.sh: $(wc -l < "$build/tidy.txt") finding(s)" >&2
  exit 1
fi
echo "tidy.sh: clean"
