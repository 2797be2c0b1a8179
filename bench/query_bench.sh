#!/usr/bin/env bash
# Query latency: Plenary (facets off and on) beside a minimal Xapian program, SQLite FTS5 and
# ripgrep, over the same paragraphs, on a fixed mix of queries (bench/queries.tsv).
#
#   bench/query_bench.sh [BUILD_DIR] [CORPUS_DIR]
#
# Defaults: build/, ../shared/corpus-real. Builds the four indexes first (untimed), then
# prints p50/p95 in milliseconds. REPEATS (default 5) runs of the whole mix.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
corpus="${2:-$here/../shared/corpus-real}"
repeats="${REPEATS:-5}"
# WORK=DIR keeps the four indexes in DIR and reuses them on the next run (the index must be
# rebuilt by hand, by emptying DIR, after a change to the indexer).
if [[ -n "${WORK:-}" ]]; then work="$WORK"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
command -v rg >/dev/null || { echo "query_bench: needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }

if [[ ! -f "$work/fts5.db" ]]; then
  echo "indexing $corpus ..." >&2
  "$build/indexer/plenary-index" --quiet --jobs 2 --db "$work/plenary" "$corpus" >&2 2>/dev/null || true
  find "$corpus" -type f -print0 | sort -z |
    xargs -0 "$build/indexer/plenary-index" --dump > "$work/paragraphs.jsonl" 2>/dev/null || true
  "$build/bench/baseline-index" "$work/xapian" "$work/paragraphs.jsonl" >&2
  "$build/bench/query-bench" load-fts5 "$work/paragraphs.jsonl" "$work/fts5.db" >&2
fi

echo >&2
"$build/bench/query-bench" "$work/plenary" "$work/xapian" "$work/fts5.db" "$here/bench/queries.tsv" "$repeats" \
  | grep -v "^hits" > "$work/table"

# ripgrep over the raw text files, one run per query and repeat.
: > "$work/rg"
for ((r = 0; r < repeats; r++)); do
  while IFS=$'\t' read -r kind plen fts pattern; do
    case "$kind" in '#'*|'') continue ;; esac
    t0=$(date +%s%N)
    rg -i -c -e "$pattern" "$corpus" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000 ))" >> "$work/rg"
  done < "$here/bench/queries.tsv"
done
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(p*(NR-1)+0.5)+1; printf "%.2f", a[i]/1000}'; }
cat "$work/table"
printf '| ripgrep (raw files) | %d | %s | %s |\n' "$(wc -l < "$work/rg")" "$(pct "$work/rg" 0.5)" "$(pct "$work/rg" 0.95)"
echo
awk -F'|' '/^\| plenary\+facets \|/ {f=$4} /^\| plenary\+facets\/per-match \|/ {m=$4} /^\| xapian \|/ {x=$4} /^\| sqlite-fts5 \|/ {q=$4}
  END {printf "plenary+facets p50 / xapian plain p50 = %.2f (per match: %.2f); / sqlite-fts5 p50 = %.2f (per match: %.2f)\n", f/x, m/x, f/q, m/q}' "$work/table"
