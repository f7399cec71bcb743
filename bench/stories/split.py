#!/usr/bin/python3
"""Splits a story gold set into a training and a held-out part by story: every article of a story goes to
the same side (a hash of the story id decides), so no story is seen in training and scored in testing.
With FIELD (default story) it splits by another label, e.g. storyline.

  split.py DATA_SET_DIR OUT_DIR [FIELD]     writes OUT_DIR/{train,test}/{articles,gold}.jsonl
"""
import hashlib
import json
import os
import sys


def side(story):
    return "train" if hashlib.sha256(str(story).encode()).digest()[0] % 2 == 0 else "test"


def main():
    source, out = sys.argv[1], sys.argv[2]
    field = sys.argv[3] if len(sys.argv) > 3 else "story"
    gold = {}
    for line in open(os.path.join(source, "gold.jsonl")):
        record = json.loads(line)
        gold[record["id"]] = record[field]
    files = {}
    for part in ("train", "test"):
        os.makedirs(os.path.join(out, part), exist_ok=True)
        files[part] = (open(os.path.join(out, part, "articles.jsonl"), "w"),
                       open(os.path.join(out, part, "gold.jsonl"), "w"))
    for line in open(os.path.join(source, "articles.jsonl")):
        article = json.loads(line)
        if article["id"] not in gold:
            continue
        articles, labels = files[side(gold[article["id"]])]
        articles.write(line)
        labels.write(json.dumps({"id": article["id"], field: gold[article["id"]]}) + "\n")


if __name__ == "__main__":
    main()
