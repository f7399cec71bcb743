#!/usr/bin/python3
"""Measures what the copy-detection defaults rest on: for word n-gram shingles of size 2..5, the exact
Jaccard similarity of the planted copies of neardup-10k (gold pairs) against the most similar pairs
that are NOT copies (different texts that share a passage), and of SemEval-2022 Task 8 English pairs
that report the same event in different words (Overall <= 1.5). Pure Python, no dependencies.

  bench/e2e/measure-shingle-gap.py [DATA_DIR]      (default ../shared/data)
"""
import collections
import csv
import gzip
import json
import os
import re
import sys

TOKEN = re.compile(r"[a-z0-9]+")


def shingles(words, n):
    return {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 0.0


def quantile(values, q):
    return values[int(q * (len(values) - 1))]


def neardup(data, n):
    words = {}
    with gzip.open(os.path.join(data, "neardup-10k", "docs.jsonl.gz"), "rt") as f:
        for line in f:
            doc = json.loads(line)
            words[doc["id"]] = TOKEN.findall(doc["text"].lower())
    gold = set()
    for line in open(os.path.join(data, "neardup-10k", "gold_pairs.jsonl")):
        pair = json.loads(line)
        gold.add(tuple(sorted((pair["a"], pair["b"]))))
    sets = {i: shingles(w, n) for i, w in words.items()}
    # Pairs sharing at least two shingles that are each in at most 50 documents: every pair with a
    # noticeable overlap, without enumerating the 50 million pairs.
    postings = collections.defaultdict(list)
    for i, s in sets.items():
        for x in s:
            postings[x].append(i)
    shared = collections.Counter()
    for ids in postings.values():
        if len(ids) > 50:
            continue
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                shared[tuple(sorted((ids[a], ids[b])))] += 1
    copies = sorted(jaccard(sets[a], sets[b]) for a, b in gold)
    others = sorted((jaccard(sets[a], sets[b]) for (a, b), c in shared.items() if c >= 2 and (a, b) not in gold),
                    reverse=True)
    return copies, others


def same_event(data, n):
    csv.field_size_limit(1 << 30)
    values = []
    with open(os.path.join(data, "semeval2022-task8", "training_set.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["lang1"] != "en" or row["lang2"] != "en" or float(row["Overall"]) > 1.5:
                continue
            a = shingles(TOKEN.findall(row["text1"].lower()), n)
            b = shingles(TOKEN.findall(row["text2"].lower()), n)
            values.append(jaccard(a, b))
    return sorted(values, reverse=True)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    print("n | copies: min p1 p5 median | not copies: max, 10th highest | same event (SemEval en, Overall<=1.5): max")
    for n in (2, 3, 4, 5):
        copies, others = neardup(data, n)
        events = same_event(data, n)
        print(f"{n} | {copies[0]:.3f} {quantile(copies, .01):.3f} {quantile(copies, .05):.3f} "
              f"{quantile(copies, .5):.3f} | {others[0]:.3f} {others[9]:.3f} | {events[0]:.3f} (n={len(events)})")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
