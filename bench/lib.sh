# What the benchmark scripts share; sourced after `set -euo pipefail`. Sets `here` (the
# repository root) and `work` (a scratch folder, removed on exit unless the script sets its
# own EXIT trap, which must then remove it), and defines `median` (of the numbers on stdin).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
