#!/usr/bin/env bash
# Per-language indexing and querying on the same kind of text in each of the six official
# languages: the Charter, the UDHR (XML), the SDG goals, targets and indicators (YAML) and the
# UN Parallel Corpus dev set, read in place. English is the baseline row: every other
# language's ratios are beside it, measured in the same invocation.
#
#   bench/languages_bench.sh [BUILD_DIR] [CORPUS_REAL_DIR]
#
# Prints one row per language: input size, paragraphs, compacted index size, indexing time
# and MB/s (median of RUNS runs, default 3, --jobs 1), and the p50 / p90 latency of QUERIES
# queries (default 21: the first words of dev-set lines, Chinese typed without spaces) as
# wall time of plenary-search --format json, process start included.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build="${1:-$here/build}"
corpus="${2:-$here/../shared/corpus-real}"
runs="${RUNS:-3}"
queries="${QUERIES:-21}"
[ -d "$corpus/un-charter" ] || { echo "languages_bench: no corpus at $corpus" >&2; exit 1; }

pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; print a[i]}'; }

files_of() {
  local l="$1" u s
  case "$l" in ar) u=arb;; zh) u=cmn_hans;; en) u=eng;; fr) u=fra;; ru) u=rus;; es) u=spa;; esac
  s="$l"; [ "$l" = zh ] && s=zh-Hans
  printf '%s\n' "$corpus/un-charter/raw/raw_un_charter_$l.txt" "$corpus/udhr/xml/udhr_$u.xml" \
    "$corpus/sdg-goals-targets-indicators/translations/$s/global_goals.yml" \
    "$corpus/sdg-goals-targets-indicators/translations/$s/global_targets.yml" \
    "$corpus/sdg-goals-targets-indicators/translations/$s/global_indicators.yml" \
    "$corpus/unpc-v1-devset/UNv1.0.devset.$l"
}

# Queries: the first words of every n-th dev-set line (Chinese: its first eight characters).
make_queries() {
  local l="$1"
  awk -v n="$queries" -v zh="$([ "$l" = zh ] && echo 1 || echo 0)" '
    NR % 97 == 5 && length($0) > 20 && c < n {
      if (zh) { q = substr($0, 1, 8); gsub(/[ 　，。、：；（）()0-9.]/, "", q) }
      else { q = $1 " " $2 " " $3; gsub(/[",;:().]/, "", q) }
      if (length(q) > 1) { print q; c++ }
    }' "$corpus/unpc-v1-devset/UNv1.0.devset.$l"
}

printf '%-4s %9s %7s %9s %8s %7s %8s %8s\n' lang input_kB paras index_kB index_s MB/s p50_ms p90_ms
for l in en fr es ru ar zh; do
  mapfile -t files < <(files_of "$l")
  bytes=$(stat -c %s "${files[@]}" | awk '{s+=$1} END {print s}')
  : > "$work/$l.s"
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$work/$l-db"
    start=$(date +%s%N)
    "$build/indexer/plenary-index" --quiet --jobs 1 --db "$work/$l-db" "${files[@]}" >/dev/null
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc >> "$work/$l.s"
  done
  secs=$(median < "$work/$l.s")
  paras=$(xapian-delve "$work/$l-db" | awk '/number of documents/ {print $NF}')
  rm -rf "$work/c"; xapian-compact -F "$work/$l-db" "$work/c" >/dev/null
  size=$(du -sk "$work/c" | awk '{print $1}')
  : > "$work/$l.q"
  while IFS= read -r q; do
    start=$(date +%s%N)
    "$build/searcher/plenary-search" --db "$work/$l-db" --format json -n 10 -- "$q" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >> "$work/$l.q"
  done < <(make_queries "$l")
  p50=$(pct 50 < "$work/$l.q"); p90=$(pct 90 < "$work/$l.q")
  mbs=$(echo "scale=2; $bytes / 1048576 / $secs" | bc)
  printf '%-4s %9d %7d %9d %8s %7s %8s %8s\n' "$l" $((bytes / 1024)) "$paras" "$size" "$secs" "$mbs" "$p50" "$p90"
done
