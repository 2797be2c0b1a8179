#!/usr/bin/env bash
# The sanitizer pass of CI (scripts/setup.sh test runs it after the normal tests): builds the
# unit tests and the fuzz targets with ASan and UBSan (tests/fuzz/build.sh), runs the unit tests
# with every report fatal, then each fuzz target for PLENARY_FUZZ_SECONDS (20) seconds from its
# seeds and kept inputs (tests/fuzz/run.sh), one target per core at a time. Fails on any test
# failure or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
build=${PLENARY_FUZZ_BUILD_DIR:-build-fuzz}
seconds=${PLENARY_FUZZ_SECONDS:-20}

# Unit tests of the modules that read untrusted bytes or text: readers, references, query
# parsing, snippets, search, and the facet counts shard servers send (the slow integration
# tests run in the normal build only).
unit_tests=(text_util_test schema_test markdown_reader_test text_reader_test unpc_reader_test
  reader_test pdf_reader_test docx_reader_test html_reader_test xml_reader_test symbols_test
  resolutions_test countries_test sessions_test references_test language_test query_test
  query_limits_test snippets_test search_test charter_test subjects_test ignore_rules_test
  facets_test shard_facets_test)

bash tests/fuzz/build.sh fuzzers "${unit_tests[@]}"
echo "sanitizers: built in $(( $(date +%s) - start )) s"

export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export PLENARY_SCHEMA_DIR=$PWD/schemas
failed=()
for t in "${unit_tests[@]}"; do
  # At most 5 minutes each: a hang fails (status 124) instead of holding the pass.
  if ! timeout 300 "$build/tests/$t" --gtest_brief=1 >"$build/tests/$t.log" 2>&1; then
    failed+=("$t")
    tail -40 "$build/tests/$t.log" >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "sanitizers: unit tests failed under ASan/UBSan: ${failed[*]}" >&2
  exit 1
fi
echo "sanitizers: ${#unit_tests[@]} unit test programs clean under ASan and UBSan ($(( $(date +%s) - start )) s)"

status=0
printf '%-12s %10s %9s %7s %7s %7s  %s\n' target execs execs/s cov ft corpus result
tests/fuzz/run.sh --list |
  xargs -P "$(nproc)" -I{} tests/fuzz/run.sh --build "$build" --time "$seconds" {} |
  grep -v '^target ' || status=1
echo "sanitizers: done in $(( $(date +%s) - start )) s"
exit $status
