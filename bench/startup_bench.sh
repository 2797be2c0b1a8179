#!/usr/bin/env bash
# One query per process, as scripts and other tools call the CLI: plenary-search (plain, and
# with two facets) beside the minimal Xapian program run the same way (xapian-once), and
# plenary-search --help (the process start alone). Runs are interleaved so that a loaded
# machine slows every row alike; prints the median and p95 wall time in milliseconds and, where
# perf is installed, the median CPU time (task-clock), which a loaded machine disturbs less.
#
#   bench/startup_bench.sh PLENARY_DB BASELINE_DB [BUILD_DIR]
#
# BASELINE_DB: a baseline-index database of the same paragraphs (see query_bench.sh).
# RUNS (default 20) runs of each row; QUERY (default "nuclear disarmament"); BEFORE=PATH adds
# the rows of another plenary-search binary (a build before a change), interleaved with these.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db="$1"
base="$2"
build="${3:-$here/build}"
runs="${RUNS:-20}"
query="${QUERY:-nuclear disarmament}"
search="$build/searcher/plenary-search"
perf="$(command -v perf || true)"
rows=("xapian-once" "plenary-search --help" "plenary-search" "plenary-search --facet year --facet country")
command_of() {  # sets cmd to row $1's command line
  case "$1" in
    0) cmd=("$build/bench/xapian-once" "$base" "$query") ;;
    1) cmd=("$search" --help) ;;
    2) cmd=("$search" --db "$db" --color never "$query") ;;
    3) cmd=("$search" --db "$db" --color never --facet year --facet country "$query") ;;
    4) cmd=("$BEFORE" --db "$db" --color never "$query") ;;
    5) cmd=("$BEFORE" --db "$db" --color never --facet year --facet country "$query") ;;
  esac
}
[[ -n "${BEFORE:-}" ]] && rows+=("before: plenary-search" "before: plenary-search --facet year --facet country")
run_row() { command_of "$1"; "${cmd[@]}"; }
for k in "${!rows[@]}"; do run_row "$k" > /dev/null; done  # warm the page cache
for ((r = 0; r < runs; r++)); do
  for k in "${!rows[@]}"; do
    t0=$(date +%s%N)
    run_row "$k" > /dev/null
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000 ))" >> "$work/$k"
    if [[ -n "$perf" ]]; then
      command_of "$k"
      "$perf" stat -x, -e task-clock -o "$work/stat" "${cmd[@]}" > /dev/null
      awk -F, '/task-clock/ {printf "%d\n", $1 * 1000}' "$work/stat" >> "$work/cpu$k"
    fi
  done
done
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(p*(NR-1)+0.5)+1; printf "%.2f", a[i]/1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "| one query per process | runs | wall p50 ms | wall p95 ms | p50 / xapian-once | CPU p50 ms | CPU / xapian-once |"
echo "|---|---|---|---|---|---|---|"
x=$(pct "$work/0" 0.5)
[[ -n "$perf" ]] && xc=$(pct "$work/cpu0" 0.5)
for k in "${!rows[@]}"; do
  p=$(pct "$work/$k" 0.5)
  c="-"; cr="-"
  if [[ -n "$perf" ]]; then c=$(pct "$work/cpu$k" 0.5); cr=$(ratio "$c" "$xc"); fi
  printf '| %s | %d | %s | %s | %s | %s | %s |\n' "${rows[$k]}" "$runs" "$p" "$(pct "$work/$k" 0.95)" "$(ratio "$p" "$x")" "$c" "$cr"
done
