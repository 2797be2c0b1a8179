#!/usr/bin/env bash
# Load on `plenary-search serve` with wrk at 1, 8 and 64 connections (DURATION s each, default
# 10) over a fixed mix of 30 queries (bench/service_queries.txt: words, phrases, references,
# facets, filters, sorting, grouping), while plenary-index adds documents in the background;
# beside the in-process query time of the same mix (service-query-bench, JSON included), taken
# on a quiet machine with one thread, and under the same indexer load with 1 and 8 threads at
# once (the concurrency of the 1- and 8-connection runs, on the same cores).
#
#   bench/service_bench.sh [BUILD_DIR] [CORPUS_REAL]
#
# The index: the corpus-real text files (General Debate speeches and flagship reports); 60 % are
# indexed first, the rest while the load runs. Files that fail to index are skipped. Needs wrk.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build="${1:-$here/build}"
corpus="${2:-$here/../shared/corpus-real}"
duration="${DURATION:-10}"
server_pid=""; indexer_pid=""
cleanup() {
  [ -n "$indexer_pid" ] && kill "$indexer_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "service_bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ -d "$corpus" ] || { echo "service_bench: no corpus at $corpus" >&2; exit 1; }

find "$corpus/ungdc/TXT" "$corpus/un-flagship-reports-txt" -type f -name '*.txt' 2>/dev/null | sort > "$work/all"
total=$(wc -l < "$work/all")
first=$((total * 6 / 10))
head -n "$first" "$work/all" > "$work/first"
tail -n +"$((first + 1))" "$work/all" > "$work/rest"
db="$work/db"
echo "indexing $first of $total files..." >&2
tr '\n' '\0' < "$work/first" | xargs -0 "$build/indexer/plenary-index" --quiet --db "$db" >/dev/null 2>"$work/index.err" || true
paragraphs=$(xapian-delve "$db" 2>/dev/null | awk '/number of documents/ {print $NF}')

inproc() { "$build/bench/service-query-bench" "$db" "$here/bench/service_queries.txt" "$1" "$2" | sed -n 's/^RESULT //p'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
quiet=$(inproc 5 1)

"$build/searcher/plenary-search" serve --db "$db" --port 0 --threads 8 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do grep -q "on http://" "$work/server.log" && break; sleep 0.1; done
url=$(sed -n 's/.* on \(http:\/\/[^ ]*\) with.*/\1/p' "$work/server.log" | head -1)
[ -n "$url" ] || { echo "service_bench: the server did not start: $(cat "$work/server.log")" >&2; exit 1; }

# The indexer adds the remaining files in batches, committing as it goes.
(
  split -l 40 "$work/rest" "$work/batch."
  for b in "$work"/batch.*; do
    tr '\n' '\0' < "$b" | xargs -0 "$build/indexer/plenary-index" --quiet --commit-every 2000 --db "$db" >/dev/null 2>>"$work/index.err" || true
  done
) &
indexer_pid=$!

# In process, under the same load: one thread, then eight at once.
loaded1=$(inproc 5 1)
loaded8=$(inproc 3 8)

declare -a rows
crashes=0
for c in 1 8 64; do
  t=$(( c < 2 ? c : 2 ))
  out=$(wrk -t"$t" -c"$c" -d"${duration}s" --timeout 10s -s "$here/bench/service_mix.lua" "$url" -- "$here/bench/service_queries.txt" 2>&1)
  line=$(sed -n 's/^RESULT //p' <<<"$out")
  [ -n "$line" ] || { echo "$out" >&2; line="rps=0 p50=0 p99=0 errors=? non2xx=? requests=0"; }
  kill -0 "$server_pid" 2>/dev/null || crashes=$((crashes + 1))
  rows+=("$c $line")
  echo "c=$c $line" >&2
done
kill "$indexer_pid" 2>/dev/null || true; wait "$indexer_pid" 2>/dev/null || true; indexer_pid=""
revisions=$(grep -c . "$work/server.log" || true)
kill -TERM "$server_pid"; status=0; wait "$server_pid" || status=$?; server_pid=""
after=$(xapian-delve "$db" 2>/dev/null | awk '/number of documents/ {print $NF}')

echo
echo "Index: $paragraphs paragraphs at the start, $after at the end (indexer running throughout); $(nproc) cores"
echo "In process (service-query-bench, same mix, JSON included):"
echo "  quiet machine, 1 thread:       p50 $(field p50 "$quiet") ms, p99 $(field p99 "$quiet") ms"
echo "  indexer running, 1 thread:     p50 $(field p50 "$loaded1") ms, p99 $(field p99 "$loaded1") ms"
echo "  indexer running, 8 threads:    p50 $(field p50 "$loaded8") ms, p99 $(field p99 "$loaded8") ms"
printf '\n| connections | requests/s | p50 ms | p99 ms | socket errors | non-2xx | requests |\n|---|---|---|---|---|---|---|\n'
for r in "${rows[@]}"; do
  read -r c rest <<<"$r"
  eval "$(tr ' ' '\n' <<<"$rest" | sed 's/^/local_/')"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$local_rps" "$local_p50" "$local_p99" "$local_errors" "$local_non2xx" "$local_requests"
done
echo
echo "Server crashes: $crashes; exit status after SIGTERM: $status; log lines: $revisions"
