#!/usr/bin/python3
"""Builds the 1,000,000-article dedup benchmark set from a 100k corpus made by
../shared/tools/make-neardup-corpus.py: ten rounds of the corpus's documents. Round 0 is the corpus
unchanged; in rounds 1..9 every id gets the suffix "-r<k>" and every text is lightly edited (two
sentences swapped, ~2% of its words replaced by words of the same document), with a random generator
seeded by the round, so the output is the same on every run. The million thus keeps the corpus's
vocabulary, lengths and planted copies without being ten byte-identical copies of it.

The input is streamed once per round and the output written line by line (the result is ~2.4 GB),
to OUT.jsonl.tmp first and renamed at the end, so an interrupted run never leaves a partial OUT.jsonl.

  bench/e2e/make-million.py CORPUS_DIR/docs.jsonl OUT.jsonl
"""
import json
import os
import random
import re
import sys

ROUNDS = 10
WORD_EDIT_RATE = 0.02
WORD_RE = re.compile(r"[A-Za-z0-9]+")
# Splits after sentence-ending punctuation, keeping the whitespace (spaces or paragraph breaks) as
# separate items so the text's layout survives the swap.
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])(\s+)")


def swap_two_sentences(text, rng):
    parts = SENTENCE_SPLIT_RE.split(text)
    sentences = list(range(0, len(parts), 2))  # odd items are the separators
    if len(sentences) < 2:
        return text
    i, j = rng.sample(sentences, 2)
    parts[i], parts[j] = parts[j], parts[i]
    return "".join(parts)


def replace_words(text, rng):
    spans = [m.span() for m in WORD_RE.finditer(text)]
    if len(spans) < 2:
        return text
    words = [text[start:end] for start, end in spans]
    edits = max(1, round(WORD_EDIT_RATE * len(spans)))
    chosen = sorted(rng.sample(range(len(spans)), edits))
    out, last = [], 0
    for index in chosen:
        start, end = spans[index]
        out.append(text[last:start])
        out.append(rng.choice(words))
        last = end
    out.append(text[last:])
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-million.py CORPUS_DIR/docs.jsonl OUT.jsonl")
    source, target = sys.argv[1], sys.argv[2]
    partial = target + ".tmp"
    written = 0
    with open(partial, "w", encoding="utf-8") as out:
        for round_number in range(ROUNDS):
            rng = random.Random(round_number)
            with open(source, encoding="utf-8") as docs:
                for line in docs:
                    if round_number == 0:
                        out.write(line if line.endswith("\n") else line + "\n")
                    else:
                        doc = json.loads(line)
                        doc["id"] = f"{doc['id']}-r{round_number}"
                        doc["text"] = replace_words(swap_two_sentences(doc["text"], rng), rng)
                        out.write(json.dumps(doc) + "\n")
                    written += 1
            print(f"make-million: round {round_number} done, {written} articles", file=sys.stderr)
    os.replace(partial, target)
    print(f"make-million: wrote {written} articles to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
