#!/usr/bin/python3
"""Turns `storyline dedup` output into the pairs file ../shared/tools/score-pairs.py reads: every pair of
articles in one copy group (idA<TAB>idB), since the gold lists every pair inside a cluster.

  storyline dedup docs.jsonl | bench/e2e/dedup_pairs.py > pairs.tsv
"""
import collections
import itertools
import json
import sys


def main():
    groups = collections.defaultdict(list)
    for line in sys.stdin:
        verdict = json.loads(line)
        root = verdict["duplicate_of"] or verdict["id"]
        groups[root].append(verdict["id"])
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            print(f"{a}\t{b}")


if __name__ == "__main__":
    main()
