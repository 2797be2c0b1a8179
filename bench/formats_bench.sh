#!/usr/bin/env bash
# Reading speed of the office-format readers: pages/s for PDF and files/s for DOCX with
# `plenary-index --dump` (reading, structure and reference extraction, JSON out), beside
# `pdftotext -layout` (poppler-utils) on the same files; medians of 3 runs.
# Usage: bench/formats_bench.sh [BUILD_DIR] [CORPUS_REAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
corpus="${2:-../shared/corpus-real}"
index="$build/indexer/plenary-index"
[ -x "$index" ] || { echo "formats_bench: no $index (build first)" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "formats_bench: pdftotext missing (poppler-utils)" >&2; exit 2; }

mapfile -t pdfs < <(find "$corpus/upr-slovenia" "$corpus/ga-resolutions-pdf" -name '*.pdf' \
  ! -name 'Letter-OHCHR-HC-Slovenia.pdf' ! -name 'g0917123.pdf' | sort)
# DOCX by content: several .doc files are really DOCX (zip, "PK").
docx=()
while IFS= read -r f; do
  [ "$(head -c 2 "$f")" = "PK" ] && docx+=("$f")
done < <(find "$corpus/upr-slovenia" \( -name '*.docx' -o -name '*.doc' \) | sort)
pages=0
for f in "${pdfs[@]}"; do pages=$((pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'))); done

now() { date +%s.%N; }
median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
time_of() {  # median seconds of 3 runs of "$@"
  local runs=()
  for _ in 1 2 3; do
    local t0; t0=$(now)
    "$@" >/dev/null 2>&1 || true
    runs+=("$(echo "$(now) - $t0" | bc -l)")
  done
  median3 "${runs[@]}"
}
plenary_each() { for f in "$@"; do PLENARY_SCHEMA_DIR=schemas "$index" --dump "$f"; done; }
pdftotext_each() { for f in "$@"; do pdftotext -layout "$f" -; done; }

t_pdf=$(time_of plenary_each "${pdfs[@]}")
t_pdftotext=$(time_of pdftotext_each "${pdfs[@]}")
t_docx=$(time_of plenary_each "${docx[@]}")

printf '| reader | files | pages | median s | rate |\n|---|---|---|---|---|\n'
printf '| plenary-index --dump, PDF | %d | %d | %.2f | %.1f pages/s |\n' "${#pdfs[@]}" "$pages" "$t_pdf" "$(echo "$pages / $t_pdf" | bc -l)"
printf '| pdftotext -layout, PDF | %d | %d | %.2f | %.1f pages/s |\n' "${#pdfs[@]}" "$pages" "$t_pdftotext" "$(echo "$pages / $t_pdftotext" | bc -l)"
printf '| plenary-index --dump, DOCX | %d | - | %.2f | %.1f files/s |\n' "${#docx[@]}" "$t_docx" "$(echo "${#docx[@]} / $t_docx" | bc -l)"
