#!/bin/bash
# Draws the subject-precision sample of bench/subjects_precision.md: `plenary-index --dump
# --thesaurus` of a mix of corpus-real English documents (every 40th General Debate speech from
# OFFSET, a third of the UPR Slovenia texts, the four GA resolution PDFs, the seed report), then
# 100 (paragraph, subject) assignments at random with SEED, each with the words matched in bold.
#   bench/subjects_sample.sh [OFFSET] [SEED] [BUILD] [SHARED]     (defaults: 33 4 build ../shared)
set -euo pipefail
OFFSET=${1:-33}
SEED=${2:-4}
BUILD=${3:-build}
SHARED=${4:-../shared}
REAL="$SHARED/corpus-real"
THESAURUS="$REAL/ga-resolutions-pdf/unbis-thesaurus/thesaurus.lst"
export PLENARY_SCHEMA_DIR=${PLENARY_SCHEMA_DIR:-$PWD/schemas}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo corpus/ctoc-cop-2020-2.md >"$work/files"
find "$REAL/ungdc/TXT" -name '*.txt' | sort | awk -v o="$OFFSET" 'NR % 40 == o' >>"$work/files"
find "$REAL/upr-slovenia" -name '*.txt' | sort | awk -v o="$OFFSET" 'NR % 3 == o % 3' >>"$work/files"
ls "$REAL"/ga-resolutions-pdf/sample-docs/*.pdf >>"$work/files"
mapfile -t files <"$work/files"
# Files that are not text (the zipped Office files saved as .txt) are named on stderr and left out.
"$BUILD/indexer/plenary-index" --thesaurus "$THESAURUS" --dump "${files[@]}" >"$work/dump.jsonl" 2>/dev/null || true
python3 - "$work/dump.jsonl" "$SEED" "$THESAURUS" "$REAL/" <<'PY'
import collections, json, random, re, sys
dump, seed, thesaurus, real = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
labels = collections.defaultdict(list)
for line in open(thesaurus, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    labels[f[1][len("pref_label="):]].append(f[0])
def pattern(label):  # to show where a label is written; the matching itself is Plenary's
    words = re.findall(r"[a-z0-9]+", label.lower())
    return re.compile(r"\b" + r"\W+".join(w + r"\w*" if len(w) <= 3 else w[:-1] + r"\w*"
                                          for w in words) + r"\b", re.I)
pairs, paragraphs = [], 0
for line in open(dump, encoding="utf-8"):
    d = json.loads(line)
    source = d["document"]["source"].replace(real, "")
    for i, p in enumerate(d["paragraphs"], 1):
        paragraphs += 1
        for s in p.get("subjects", []):
            pairs.append((source, i, p["text"], s["label"]))
print(f"{paragraphs} paragraphs, {len(pairs)} assignments; sample of 100 with seed {seed}\n")
for n, (source, i, text, label) in enumerate(random.Random(seed).sample(pairs, 100), 1):
    m = None
    for l in sorted(labels[label], key=len, reverse=True):
        m = pattern(l).search(text)
        if m:
            break
    if m:
        a, b = max(0, m.start() - 160), min(len(text), m.end() + 160)
        text = ("…" if a else "") + text[a:m.start()] + "**" + m.group(0) + "**" + \
               text[m.end():b] + ("…" if b < len(text) else "")
    print(f"{n}. {label} | {source} ¶{i}\n   {' '.join(text.split())}")
PY
