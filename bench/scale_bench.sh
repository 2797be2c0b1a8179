#!/usr/bin/env bash
# Scale benchmark: a synthetic corpus made from corpus-real's paragraphs (scale_corpus.py says
# how) in parts of PER_PART paragraphs (default 1,000,000), indexed part after part, so each
# step is a library adding documents to what it has:
#   - one database, `plenary-index --jobs 1` (one core);
#   - 2 shards, `--shard 1/2` and `--shard 2/2` run at once (two cores): the speedup over one;
#   - SHARDS shards (default 3), run at once, the layout searched below.
# After each part, the faceted query mix (scale_queries.txt: 35 queries, each with every facet,
# JSON included, service-query-bench) over one database, the shards as a stub of local parts
# in one process, and the same shards served by `plenary-search serve-shard` on loopback
# through a stub of remote parts, and by Debian's xapian-tcpsrv (the baseline: facets counted
# with Xapian's own spy); ROUNDS (3) alternating runs of 3 passes each, p50 and p95 of each
# run, medians over the runs. Prints a Markdown table, also written to WORK/results.md.
#
#   bench/scale_bench.sh [BUILD_DIR] [SHARED_DIR]
#
# WORK (default /var/tmp/plenary-scale) keeps the corpus and indexes between runs (about 1.3 GB
# of XML and 3 GB of indexes per 1M paragraphs); PARTS (default 3) parts are added. Needs
# python3 and xapian-tools. Takes about 25 minutes per million paragraphs on two cores.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build="${1:-$here/build}"
shared="${2:-$here/../shared}"
W="${WORK:-/var/tmp/plenary-scale}"
parts="${PARTS:-3}"; per_part="${PER_PART:-1000000}"; shards="${SHARDS:-3}"; rounds="${ROUNDS:-3}"
index="$build/indexer/plenary-index"; search="$build/searcher/plenary-search"
qbench="$build/bench/service-query-bench"; queries="$here/bench/scale_queries.txt"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$W"

if [ ! -s "$W/dump.jsonl" ]; then
  echo "reading corpus-real's paragraphs..." >&2
  find "$shared/corpus-real" -type f ! -name '*.md' ! -path '*m49*' ! -name '*.pdf' \
    ! -name '*.doc' ! -name '*.docx' ! -name '*.xlsx' -print0 | sort -z |
    xargs -0 "$index" --quiet --dump > "$W/dump.jsonl" 2>/dev/null || true
fi
if [ ! -d "$W/corpus/part$parts" ]; then
  echo "writing $parts parts of $per_part paragraphs..." >&2
  rm -rf "$W/corpus"
  python3 "$here/bench/scale_corpus.py" "$W/dump.jsonl" "$W/corpus" "$parts" "$per_part" >&2
fi

# timed LABEL CMD...: runs CMD, prints "wall cpu rss_kb" (cpu = user + system).
timed() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/$1.time" "${@:2}" >"$work/$1.out" 2>"$work/$1.err" ||
    { echo "scale_bench: $1 failed:" >&2; tail -3 "$work/$1.err" >&2; exit 1; }
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$work/$1.time"
}
# at_once N LABEL PART: N shard indexers at once; prints the wall time of all and their cpu.
at_once() {
  local n=$1 label=$2 part=$3 start end cpu=0 k
  start=$(date +%s.%N)
  for k in $(seq 1 "$n"); do
    timed "$label-$k" "$index" --quiet --jobs 1 --shard "$k/$n" --db "$W/$label-$k" "$part" >"$work/$label-$k.line" &
  done
  wait
  end=$(date +%s.%N)
  for k in $(seq 1 "$n"); do
    [ -s "$work/$label-$k.line" ] || { echo "scale_bench: shard $k/$n of $part failed" >&2; exit 1; }
  done
  for k in $(seq 1 "$n"); do cpu=$(awk -v c="$cpu" '{print c + $2}' "$work/$label-$k.line"); done
  awk -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN {printf "%.2f %.2f\n", e - s, c}'
}
size_mb() { du -sbc "$@" | awk 'END {printf "%.0f", $1 / 1e6}'; }
paragraphs() { xapian-delve "$1" 2>/dev/null | awk '/number of documents/ {print $NF}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

start_servers() {
  local k
  : > "$W/remote.stub"; : > "$W/local.stub"; : > "$W/stock.stub"; servers=()
  for k in $(seq 1 "$shards"); do
    echo "auto $W/three-$k" >> "$W/local.stub"
    echo "remote 127.0.0.1:$((7400 + k))" >> "$W/remote.stub"
    echo "remote 127.0.0.1:$((7500 + k))" >> "$W/stock.stub"
    setsid "$search" serve-shard --db "$W/three-$k" --port "$((7400 + k))" >/dev/null 2>&1 &
    servers+=($!)
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$((7500 + k))" "$W/three-$k" >/dev/null 2>&1 &
    servers+=($!)
  done
  sleep 2
}
stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  servers=()
}
# query_round DB: "p50 p95 rss_kb" of 3 passes of the mix.
query_round() {
  local line
  line=$(/usr/bin/time -f "%M" -o "$work/q.time" "$qbench" "$1" "$queries" 3 1 | sed -n 's/^RESULT //p')
  echo "$(field p50 "$line") $(field p95 "$line") $(cat "$work/q.time")"
}

# query_rows N: the query rounds over what WORK holds now, and their rows of the table.
query_rows() {
  local n=$1
  start_servers
  : > "$work/q-one"; : > "$work/q-local"; : > "$work/q-remote"; : > "$work/q-stock"
  for r in $(seq 1 "$rounds"); do
    echo "$n paragraphs: queries, round $r of $rounds..." >&2
    query_round "$W/one" >> "$work/q-one"
    query_round "$W/local.stub" >> "$work/q-local"
    query_round "$W/remote.stub" >> "$work/q-remote"
    query_round "$W/stock.stub" >> "$work/q-stock"
  done
  stop_servers
}
med() { awk -v c="$2" '{print $c}' "$work/q-$1" | median; }
rss_mb() { awk -v c=3 '{print $c}' "$work/q-$1" | median | awk '{printf "%.0f", $1 / 1024}'; }

# QUERIES_ONLY=1: the query rounds alone, over the indexes a previous run left in WORK.
if [ -n "${QUERIES_ONLY:-}" ]; then
  n=$(paragraphs "$W/one")
  query_rows "$n"
  echo "| paragraphs | layout | query p50 ms | query p95 ms | query RSS MB |"
  echo "|---|---|---|---|---|"
  for l in one local remote stock; do
    echo "| $n | $l | $(med "$l" 1) | $(med "$l" 2) | $(rss_mb "$l") |"
  done
  exit 0
fi

results="$W/results.md"
{
  echo "| paragraphs | layout | index wall s | index cpu s | paragraphs/s per core | peak RSS MB | index MB | query p50 ms | query p95 ms | query RSS MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$results"
cum_one_wall=0; cum_one_cpu=0; cum_two_wall=0; cum_two_cpu=0; cum_three_wall=0; cum_three_cpu=0
for p in $(seq 1 "$parts"); do
  part="$W/corpus/part$p"
  echo "part $p: one database, one core..." >&2
  read -r wall cpu rss < <(timed one "$index" --quiet --jobs 1 --db "$W/one" "$part")
  cum_one_wall=$(awk -v a="$cum_one_wall" -v b="$wall" 'BEGIN {print a + b}')
  cum_one_cpu=$(awk -v a="$cum_one_cpu" -v b="$cpu" 'BEGIN {print a + b}')
  one_rss=$rss
  echo "part $p: 2 shards at once..." >&2
  read -r wall cpu < <(at_once 2 two "$part")
  cum_two_wall=$(awk -v a="$cum_two_wall" -v b="$wall" 'BEGIN {print a + b}')
  cum_two_cpu=$(awk -v a="$cum_two_cpu" -v b="$cpu" 'BEGIN {print a + b}')
  echo "part $p: $shards shards at once..." >&2
  read -r wall cpu < <(at_once "$shards" three "$part")
  cum_three_wall=$(awk -v a="$cum_three_wall" -v b="$wall" 'BEGIN {print a + b}')
  cum_three_cpu=$(awk -v a="$cum_three_cpu" -v b="$cpu" 'BEGIN {print a + b}')

  n=$(paragraphs "$W/one")
  query_rows "$n"
  rate() { awk -v n="$n" -v c="$1" 'BEGIN {printf "%.0f", n / c}'; }
  threes=$(for k in $(seq 1 "$shards"); do echo "$W/three-$k"; done)
  {
    echo "| $n | one database | $cum_one_wall | $cum_one_cpu | $(rate "$cum_one_cpu") | $((one_rss / 1024)) | $(size_mb "$W/one") | $(med one 1) | $(med one 2) | $(rss_mb one) |"
    echo "| $n | 2 shards at once | $cum_two_wall | $cum_two_cpu | $(rate "$cum_two_cpu") | | $(size_mb "$W"/two-*) | | | |"
    # shellcheck disable=SC2086
    echo "| $n | $shards local shards | $cum_three_wall | $cum_three_cpu | $(rate "$cum_three_cpu") | | $(size_mb $threes) | $(med local 1) | $(med local 2) | $(rss_mb local) |"
    echo "| $n | $shards remote shards | | | | | | $(med remote 1) | $(med remote 2) | $(rss_mb remote) |"
    echo "| $n | $shards remote, xapian-tcpsrv | | | | | | $(med stock 1) | $(med stock 2) | $(rss_mb stock) |"
  } >> "$results"
  echo "speedup of 2 shards on 2 cores over one core, $n paragraphs: $(awk -v a="$cum_one_wall" -v b="$cum_two_wall" 'BEGIN {printf "%.2f", a / b}')" >&2
done
cat "$results"
