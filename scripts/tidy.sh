#!/bin/bash
# The code's own rules, checked: clang-format (.clang-format) on every C++ file of core/,
# indexer/, searcher/, tests/ and bench/, then clang-tidy (.clang-tidy: among others, no
# function over 100 lines) on every source file of core/, indexer/ and searcher/.
# usage: scripts/tidy.sh BUILD_DIR   (a build configured with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
set -euo pipefail
build=${1:?usage: scripts/tidy.sh BUILD_DIR}
cd "$(dirname "$0")/.."
for tool in clang-format clang-tidy; do
  command -v "$tool" >/dev/null || { echo "tidy.sh: $tool is missing (package $tool)" >&2; exit 2; }
done
[ -f "$build/compile_commands.json" ] || { echo "tidy.sh: $build/compile_commands.json missing (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2; exit 2; }
unformatted=$(find core indexer searcher tests bench -name node_modules -prune -o -path tests/data -prune -o \
  \( -name '*.cpp' -o -name '*.h' -o -name '*.cpp.in' \) -print | sort |
  xargs clang-format --dry-run 2>&1 | grep -oE '^[^ :]+:[0-9]+' | cut -d: -f1 | sort -u || true)
if [ -n "$unformatted" ]; then
  echo "tidy.sh: not formatted as .clang-format says (run clang-format -i on them):" $unformatted >&2
  exit 1
fi
find core indexer searcher -name '*.cpp' ! -name gen_fold_table.cpp | sort |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>/dev/null |
  grep -E '^[^ ].*(warning|error):' | sort -u > "$build/tidy.txt" || true
if [ -s "$build/tidy.txt" ]; then
  cat "$build/tidy.txt"
  echo "tidy.sh: $(wc -l < "$build/tidy.txt") finding(s)" >&2
  exit 1
fi
echo "tidy.sh: clean"
