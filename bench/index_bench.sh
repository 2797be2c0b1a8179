#!/usr/bin/env bash
# Indexing throughput and peak memory of plenary-index beside a minimal Xapian baseline,
# run side by side on the same paragraphs. Reports medians of RUNS runs (default 3).
# The baseline indexes the paragraphs Plenary's readers make (taken once, untimed, from
# `plenary-index --dump`); plenary-j1-norefs is Plenary without reference extraction.
# BEFORE=path/to/an/older/plenary-index adds before-j1, that binary run the same way in the
# same rounds, and the ratio of the two: a change measured side by side.
#
#   [BEFORE=OLD_BINARY] bench/index_bench.sh [BUILD_DIR] [CORPUS_DIR]
#
# Defaults: build/, ../shared/corpus-real/ungdc/TXT. Needs GNU time (package "time") and
# xapian-compact (package "xapian-tools"), which scripts/setup.sh installs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build="${1:-$here/build}"
corpus="${2:-$here/../shared/corpus-real/ungdc/TXT}"
runs="${RUNS:-3}"

[ -d "$corpus" ] || { echo "index_bench: no corpus at $corpus" >&2; exit 1; }
bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')

# The paragraphs, once, for the baseline.
find "$corpus" -type f -name '*.txt' -print0 | sort -z |
  xargs -0 "$build/indexer/plenary-index" --dump > "$work/paragraphs.jsonl" 2>/dev/null || true


# run NAME COMMAND...: one timed run into $work/NAME-db; prints "seconds peak_kb cpu_seconds"
# (cpu: user + system, steadier than wall time where other work shares the machine).
run_one() {
  local name="$1"; shift
  rm -rf "$work/$name-db"
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/$name.err" || true
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$work/time"
}

names=(baseline plenary-j1 plenary-j1-norefs plenary-j2)
[ -n "${BEFORE:-}" ] && names+=(before-j1)
for name in "${names[@]}"; do
  : > "$work/$name.s"; : > "$work/$name.m"; : > "$work/$name.c"
done
for ((i = 1; i <= runs; i++)); do
  for name in "${names[@]}"; do
    case "$name" in
      baseline)   out=$(run_one "$name" "$build/bench/baseline-index" "$work/$name-db" "$work/paragraphs.jsonl") ;;
      plenary-j1-norefs) out=$(run_one "$name" "$build/indexer/plenary-index" --quiet --no-references --jobs 1 --db "$work/$name-db" "$corpus") ;;
      plenary-j1) out=$(run_one "$name" "$build/indexer/plenary-index" --quiet --jobs 1 --db "$work/$name-db" "$corpus") ;;
      plenary-j2) out=$(run_one "$name" "$build/indexer/plenary-index" --quiet --jobs 2 --db "$work/$name-db" "$corpus") ;;
      before-j1) out=$(run_one "$name" "$BEFORE" --quiet --jobs 1 --db "$work/$name-db" "$corpus") ;;
    esac
    echo "$out" | awk '{print $1}' >> "$work/$name.s"
    echo "$out" | awk '{print $2}' >> "$work/$name.m"
    echo "$out" | awk '{print $3}' >> "$work/$name.c"
    echo "run $i $name: $out" >&2
  done
done

count_docs() { xapian-delve "$1" | awk '/number of documents/ {print $NF}'; }
compacted() { rm -rf "$work/c"; xapian-compact -F "$1" "$work/c" >/dev/null; du -sk "$work/c" | awk '{print $1}'; }

base_paras=$(count_docs "$work/baseline-db")
plen_paras=$(count_docs "$work/plenary-j1-db")
base_size=$(compacted "$work/baseline-db")
plen_size=$(compacted "$work/plenary-j1-db")

printf '\nCorpus: %s (%.1f MB), %d runs, medians\n\n' "$corpus" "$(echo "$bytes/1000000" | bc -l)" "$runs"
printf '| indexer | seconds | MB/s | paragraphs | paragraphs/s | peak RSS MB |\n|---|---|---|---|---|---|\n'
for name in "${names[@]}"; do
  s=$(median < "$work/$name.s"); m=$(median < "$work/$name.m")
  case "$name" in
    baseline) p=$base_paras ;;
    before-j1) p=$(count_docs "$work/before-j1-db") ;;
    *) p=$plen_paras ;;
  esac
  printf '| %s | %.2f | %.2f | %d | %.0f | %.0f |\n' "$name" "$s" "$(echo "$bytes/1000000/$s" | bc -l)" "$p" \
    "$(echo "$p/$s" | bc -l)" "$(echo "$m/1024" | bc -l)"
  eval "s_${name//-/_}=$s"
done
printf '\nratios: plenary-j1 paragraphs/s / baseline = %.2f; plenary-j2 / plenary-j1 = %.2f; reference extraction adds %.0f%%; compacted index %d KB vs baseline %d KB = %.2f\n' \
  "$(echo "($plen_paras/$s_plenary_j1)/($base_paras/$s_baseline)" | bc -l)" \
  "$(echo "$s_plenary_j1/$s_plenary_j2" | bc -l)" "$(echo "100*($s_plenary_j1/$s_plenary_j1_norefs-1)" | bc -l)" \
  "$plen_size" "$base_size" "$(echo "$plen_size/$base_size" | bc -l)"
# Each round's ratio of the two, then their median: runs of one round share the machine's
# state, so a round-by-round ratio is steadier than a ratio of medians on a shared machine.
round_ratios() {  # FILE_A FILE_B SCALE: median and range over rounds of SCALE * a/b
  paste "$1" "$2" | awk -v k="$3" '{print k * $1 / $2}' | sort -g |
    awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      printf "%.2f (rounds %.2f..%.2f)", m, v[1], v[NR]}'
}
scale=$(echo "$plen_paras/$base_paras" | bc -l)
printf 'one-core throughput against the baseline, round by round: wall %s, cpu %s\n' \
  "$(round_ratios "$work/baseline.s" "$work/plenary-j1.s" "$scale")" \
  "$(round_ratios "$work/baseline.c" "$work/plenary-j1.c" "$scale")"
if [ -n "${BEFORE:-}" ]; then
  printf 'before: %s; plenary-j1 seconds / before-j1 seconds = %.2f\n' "$BEFORE" \
    "$(echo "$s_plenary_j1/$s_before_j1" | bc -l)"
fi
