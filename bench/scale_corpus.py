#!/usr/bin/env python3
"""Writes the synthetic corpus of the scale benchmark (scale_bench.sh) from real paragraphs.

    scale_corpus.py DUMP OUT PARTS [PARAGRAPHS_PER_PART] [SEED]

DUMP is `plenary-index --dump` of corpus-real (one JSON document per line). OUT/part1 ..
OUT/partN each receive about PARAGRAPHS_PER_PART paragraphs (default 1,000,000) as UN Parallel
Corpus TEI files, the format whose metadata (symbol, date, language) Plenary reads exactly, so
every synthetic document has its own symbol, year and language. The parts are independent:
part1 is the 1M corpus, part1..part3 the 3M corpus.

How it is made, and why (the terms must spread as in a large record, not repeat a small one):
- Each synthetic document takes a real document of its language (a run of at most 300 of its
  paragraphs, from a random start) and its paragraphs in order. Languages are drawn 70 % English
  and 6 % each for French, Spanish, Russian, Arabic and Chinese (the record's own mix is closer
  to even; corpus-real's non-English text is small, so each of its paragraphs is reused more).
- Every word is kept with probability 0.96. Otherwise it becomes another word of the same
  language drawn by its frequency in corpus-real (p = 0.03), so common words stay common, or a
  new word (p = 0.01): the word with a suffix of letters coding a number drawn from a Pareto
  law (a = 0.7), so new words recur with a heavy tail and the vocabulary keeps growing with
  the corpus as Heaps' law has it, rather than stopping at corpus-real's.
- Symbols A/S/N, E/CN.4/Y/N, A/HRC/S/N and S/Y/N take a counter that is unique in the corpus,
  years run 1946 to 2024 evenly; the document hash that --shard uses is its symbol, so shards
  get even shares.
"""
import json
import os
import random
import sys
from xml.sax.saxutils import escape

LANGS = [("en", 0.70), ("fr", 0.06), ("es", 0.06), ("ru", 0.06), ("ar", 0.06), ("zh", 0.06)]
KEEP, SAME_LANGUAGE_WORD = 0.96, 0.03  # the rest (0.01) are new words
MAX_RUN = 300


def load(dump_path):
    docs = {lang: [] for lang, _ in LANGS}
    pools = {lang: [] for lang, _ in LANGS}
    with open(dump_path, encoding="utf-8") as dump:
        for line in dump:
            doc = json.loads(line)
            lang = doc["document"]["lang"]
            texts = [p["text"] for p in doc["paragraphs"] if p["text"].strip()]
            if lang not in docs or not texts:
                continue
            docs[lang].append(texts)
            for text in texts[:400]:
                pools[lang].extend(text.split())
    return docs, pools


def suffix(number):
    letters = ""
    while True:
        letters += chr(ord("a") + number % 26)
        number //= 26
        if number == 0:
            return letters


def perturb(text, pool, rng):
    words = text.split()
    for i in range(len(words)):
        r = rng.random()
        if r < KEEP:
            continue
        if r < KEEP + SAME_LANGUAGE_WORD:
            words[i] = rng.choice(pool)
        else:
            n = min(int(rng.paretovariate(0.7)), 10**9)
            words[i] = words[i] + suffix(n)
    return " ".join(words)


def symbol(counter, year):
    session = year - 1945
    return [f"A/{session}/{counter}", f"E/CN.4/{year}/{counter}",
            f"A/HRC/{session}/{counter}", f"S/{year}/{counter}"][counter % 4]


def write_doc(path, sym, lang, date, paragraphs):
    body = "\n".join(f'<p id="{i}"><s id="{i}:1" lang="{lang}">{escape(t)}</s></p>'
                     for i, t in enumerate(paragraphs, 1))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"""<?xml version="1.0" encoding="utf-8"?>
<TEI.2><teiHeader><fileDesc>
<titleStmt><title>Synthetic scale corpus - {escape(sym)}</title></titleStmt>
<publicationStmt><publisher>United Nations DGACM</publisher><pubPlace>New York</pubPlace>
<date>{date}</date><idno type="symbol">{escape(sym)}</idno></publicationStmt>
</fileDesc><profileDesc><langUsage><language ident="{lang}"/></langUsage></profileDesc>
</teiHeader><text><body>
{body}
</body></text></TEI.2>
""")


def main():
    dump, out, parts = sys.argv[1], sys.argv[2], int(sys.argv[3])
    per_part = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 20261201)
    docs, pools = load(dump)
    langs, weights = zip(*LANGS)
    counter = 0
    for part in range(1, parts + 1):
        written = 0
        while written < per_part:
            lang = rng.choices(langs, weights)[0]
            source = rng.choice(docs[lang])
            start = rng.randrange(max(1, len(source) - MAX_RUN + 1))
            run = source[start:start + MAX_RUN][:per_part - written]
            counter += 1
            year = rng.randint(1946, 2024)
            date = f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            path = os.path.join(out, f"part{part}", lang, str(year), f"{counter // 1000}",
                                f"{counter}.xml")
            write_doc(path, symbol(counter, year), lang, date,
                      [perturb(t, pools[lang], rng) for t in run])
            written += len(run)
        print(f"part{part}: {written} paragraphs, documents up to {counter}", flush=True)


if __name__ == "__main__":
    main()
