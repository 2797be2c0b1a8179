#!/usr/bin/env bash
# Installs what Plenary needs from Debian 12's packages, builds it, and then either runs the
# demo on corpus/ (`scripts/setup.sh demo`) or runs every test (`scripts/setup.sh test`).
# Idempotent; run as root on a fresh machine, or as a user who already has the packages.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-build}"
build_dir="${PLENARY_BUILD_DIR:-build}"

packages=(
  g++ make cmake pkg-config
  libxapian-dev libicu-dev libpugixml-dev libboost-program-options-dev
  nlohmann-json3-dev libcpp-httplib-dev libgtest-dev
  xapian-tools time bc
  libpoppler-cpp-dev libzip-dev antiword poppler-utils
)

if [ "$mode" = test ]; then
  # The page's end-to-end test drives Debian's Chromium from Node (playwright-core from npm).
  packages+=(chromium ca-certificates)
  # The sanitizer pass (tests/fuzz/sanitizers.sh): clang with libFuzzer, ASan and UBSan, and
  # llvm-symbolizer for readable reports.
  packages+=(clang libclang-rt-14-dev llvm)
  # The code's rules (scripts/tidy.sh): formatting and a small set of clang-tidy checks.
  packages+=(clang-format clang-tidy)
  command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]} (run as root, or install them)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = test ]; then
  (cd tests/e2e && { npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null; }) ||
    echo "setup: npm could not install tests/e2e's packages; the page test is left out" >&2
fi

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
cmake --build "$build_dir" -j"$(nproc)"

case "$mode" in
  demo)
    db="${PLENARY_DB:-$build_dir/demo-db}"
    "$build_dir/indexer/plenary-index" --db "$db" corpus/
    # The seed report and two General Debate speeches of 2018 cite the Niger beside trafficking.
    "$build_dir/searcher/plenary-search" --db "$db" --facet country --facet year --limit 3 \
      'trafficking country:Niger'
    # One phrase in English or French: both Charters and speeches of several sessions.
    "$build_dir/searcher/plenary-search" --db "$db" --facet lang --facet year --group-by document \
      --per-document 1 --limit 4 '"Security Council" OR "Conseil de sécurité"'
    # Article 51 of the Charter: the Charter's own Article in English and French, and the
    # speeches that invoke the Charter's Articles and Chapters.
    "$build_dir/searcher/plenary-search" --db "$db" --facet charter --facet lang --limit 2 \
      'charter:art51 OR charter:ch7'
    ;;
  test)
    (cd "$build_dir" && ctest --output-on-failure -j"$(nproc)")
    # Formatting, no function over 100 lines, and the other checks of .clang-tidy.
    bash scripts/tidy.sh "$build_dir"
    # The unit tests and every fuzz target again, built with ASan and UBSan (build-fuzz/).
    bash tests/fuzz/sanitizers.sh
    ;;
  build) ;;
  *)
    echo "usage: scripts/setup.sh [build|demo|test]" >&2
    exit 2
    ;;
esac
