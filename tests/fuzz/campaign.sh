#!/usr/bin/env bash
# A fuzzing campaign on demand: each fuzz target for N minutes (default 30), JOBS targets at a
# time (default 1), then one line per target with executions, executions per second and
# coverage (libFuzzer's final cov: and ft:). Builds build-fuzz/ first. Findings are left in
# build-fuzz/campaign/crashes/TARGET/; the corpus grown is kept in build-fuzz/campaign/corpus/
# and seeds the next campaign. Exits 1 if any target found anything.
#
#   tests/fuzz/campaign.sh [--minutes N] [--jobs JOBS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=30
jobs=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(tests/fuzz/run.sh --list)
build=${PLENARY_FUZZ_BUILD_DIR:-build-fuzz}
bash tests/fuzz/build.sh fuzzers >/dev/null
out=$build/campaign
echo "campaign: ${#targets[@]} targets, $minutes min each, $jobs at a time"
printf '%-12s %10s %9s %7s %7s %7s  %s\n' target execs execs/s cov ft corpus result
printf '%s\n' "${targets[@]}" |
  xargs -P "$jobs" -I{} tests/fuzz/run.sh --build "$build" --out "$out" --time $((minutes * 60)) {} |
  grep -v '^target '
