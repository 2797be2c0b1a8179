#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz/ (built with -DPLENARY_FUZZ=ON) for a bounded time
# each, and prints one line per target: executions, executions per second, coverage (libFuzzer's
# cov: edges and ft: features) and the outcome. Exits 1 if any target reported anything (a
# sanitizer report, a crash, an unexpected exception, a timeout, running out of memory); the
# input that did it is left in OUT/crashes/TARGET/. A run taking over FUZZ_TIMEOUT seconds
# (default 25) is a timeout; a campaign on a machine shared with other work may raise it.
#
#   tests/fuzz/run.sh [--build DIR] [--time SECONDS] [--out DIR] [TARGET...]
#   tests/fuzz/run.sh --list       # the names of every target
#
# Seeds: tests/fuzz/seeds/TARGET/, the inputs kept in tests/data/fuzz/TARGET/ (so each run
# replays them first), the bundled corpus/ (its Markdown, text, UNPC XML and DOCX), and a
# few files of each format from ../shared/corpus-real/ (or $PLENARY_SHARED_DIR/corpus-real),
# read in place. Inputs the fuzzer finds interesting are kept in OUT/corpus/TARGET/ and
# reused by the next run.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

build=build-fuzz
seconds=20
out=""
targets=()
list_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --time) seconds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --list) list_only=1; shift ;;
    -h|--help) sed -n 2,15p "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
out=${out:-$build/fuzz-run}
all=(markdown text unpc_xml schema_xml html docx doc pdf yaml sidecar query symbols resolutions countries sessions charter http)
if [ $list_only = 1 ]; then printf '%s\n' "${all[@]}"; exit 0; fi
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
shared=${PLENARY_SHARED_DIR:-$root/../shared}
real=$shared/corpus-real
if [ ! -d "$real" ]; then
  echo "run.sh: no $real: fuzzing from the repository's seeds only" >&2
fi

# Files of corpus-real (globs relative to it) that seed each target; small ones, so that the
# fuzzer's mutations stay fast.
real_seeds() {
  case "$1" in
    markdown) echo "un-charter/README.md udhr/README.md m49-country-codes/README.md" ;;
    text|symbols|resolutions|countries|sessions|charter)
      echo "upr-slovenia/cycle2/extracted/g1510722.txt upr-slovenia/cycle3/extracted/g2007307.txt" \
           "ungdc/TXT/Session\ 70\ -\ 2015/FRA_70_2015.txt ungdc/TXT/Session\ 01\ -\ 1946/HTI_01_1946.txt" ;;
    unpc_xml) echo "unpc-v1-tei-sample/en/2014/npt/conf_2015/pc_iii/wp_44.xml unpc-v1-tei-sample/en/2014/npt/conf_2015/pc_iii/wp_37.xml unpc-v1-tei-sample/en/2014/npt/conf_2015/pc_iii/18.xml" ;;
    schema_xml) echo "udhr/xml/udhr_eng.xml udhr/xml/udhr_cmn_hans.xml udhr/xml/udhr_arb.xml" ;;
    html) echo "udhr/html/udhr_eng.html udhr/html/udhr_cmn_hant.html udhr/html/udhr_arb.html" ;;
    docx) echo "upr-slovenia/4thcycleunoriginal/UPR-wg48-Advance-Questions-Slovenia.docx" \
               "upr-slovenia/3rdcycleunoriginal/UPR34_Slovenia_Thematic_list_of_Recommendations.docx" \
               "upr-slovenia/2ndcycleunoriginal/AdvancedQuestionsSloveniaAdd1.doc" ;;  # a .docx so named
    pdf) echo "upr-slovenia/1stcyycleunoriginal/g0917825.pdf upr-slovenia/1stcyycleunoriginal/Slovenia.pdf" ;;
    yaml) echo "sdg-goals-targets-indicators/translations/en/global_goals.yml sdg-goals-targets-indicators/translations/ru/global_goals.yml" \
               "sdg-goals-targets-indicators/translations/zh-Hans/global_goals.yml" ;;
  esac
}

# Seeds from the repository itself, beyond tests/fuzz/seeds/.
repo_seeds() {
  case "$1" in
    markdown) echo corpus/*.md ;;
    sidecar) echo corpus/*.meta.json ;;
    text|symbols|resolutions|countries|sessions|charter) echo corpus/ungdc/*.txt corpus/un-charter/*.txt ;;
    unpc_xml) echo corpus/unpc/en/2014/npt/conf_2015/pc_iii/*.xml ;;
    docx) echo corpus/upr/*.docx ;;
    schema_xml) echo tests/data/akn/*.xml ;;
    pdf) echo tests/data/pdf/*.pdf ;;
  esac
}

# The largest input the fuzzer makes, in bytes.
max_len() {
  case "$1" in
    query|symbols|resolutions|countries|sessions|charter|sidecar) echo 4096 ;;
    http) echo 8192 ;;
    *) echo 65536 ;;
  esac
}

# antiword's output for the real .doc files: what the doc target reads.
doc_seeds() {
  local dir=$out/seeds/doc
  mkdir -p "$dir"
  command -v antiword >/dev/null || return 0
  for f in "$real"/upr-slovenia/3rdcycleunoriginal/*.doc; do
    [ -f "$f" ] && antiword -m UTF-8.txt -w 0 "$f" >"$dir/$(basename "$f").txt" 2>/dev/null
  done
  echo "$dir"
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export PLENARY_SCHEMA_DIR=${PLENARY_SCHEMA_DIR:-$root/schemas}

failed=0
printf '%-12s %10s %9s %7s %7s %7s  %s\n' target execs execs/s cov ft corpus result
for t in "${targets[@]}"; do
  bin=$build/tests/fuzz/fuzz_$t
  if [ ! -x "$bin" ]; then
    echo "run.sh: no $bin (cmake -DPLENARY_FUZZ=ON, build target fuzzers)" >&2
    failed=1
    continue
  fi
  mkdir -p "$out/corpus/$t" "$out/crashes/$t" "$out/logs"
  list=$out/logs/$t.seeds
  : >"$list"
  for f in $(repo_seeds "$t"); do [ -f "$f" ] && printf '%s,' "$root/$f" >>"$list"; done
  if [ -d "$real" ]; then
    eval "set -- $(real_seeds "$t")"
    for f in "$@"; do [ -f "$real/$f" ] && printf '%s,' "$real/$f" >>"$list"; done
  fi
  dirs=("$out/corpus/$t")
  for d in tests/fuzz/seeds/$t tests/data/fuzz/$t; do [ -d "$d" ] && dirs+=("$d"); done
  [ "$t" = doc ] && [ -d "$real" ] && dirs+=("$(doc_seeds)")
  flags=(-max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-25}" -rss_limit_mb=2048 -max_len="$(max_len "$t")"
         -print_final_stats=1 -artifact_prefix="$out/crashes/$t/")
  [ -s "$list" ] && flags+=(-seed_inputs=@"$list")
  [ -f tests/fuzz/$t.dict ] && flags+=(-dict=tests/fuzz/$t.dict)
  log=$out/logs/$t.log
  "$bin" "${flags[@]}" "${dirs[@]}" >"$log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  if [ $status -eq 0 ]; then
    result=clean
  else
    result="FAILED (exit $status): see $log"
    failed=1
  fi
  printf '%-12s %10s %9s %7s %7s %7s  %s\n' "$t" "${execs:--}" "${rate:--}" "${cov:--}" "${ft:--}" "${corp:--}" "$result"
  if [ $status -ne 0 ]; then
    grep -m2 -E '^SUMMARY: |fuzz finding: |runtime error: ' "$log" | sed 's/^/  /'
  fi
done
exit $failed
