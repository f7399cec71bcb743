#!/usr/bin/python3
"""Gives a corpus without dates a publication date per article, N articles a day in input order, so a
long stream exercises the clusterer's retirement window (stories quiet for a week leave the index).

  make-dated-stream.py IN.jsonl OUT.jsonl [--per-day N] [--start 2020-01-01]
"""
import argparse
import datetime
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--start", default="2020-01-01")
    args = parser.parse_args()
    start = datetime.datetime.fromisoformat(args.start).replace(tzinfo=datetime.timezone.utc)
    step = 86400 / args.per_day
    with open(args.input) as source, open(args.output + ".tmp", "w") as out:
        for n, line in enumerate(source):
            article = json.loads(line)
            published = start + datetime.timedelta(seconds=int(n * step))
            article["published"] = published.strftime("%Y-%m-%dT%H:%M:%SZ")
            out.write(json.dumps(article) + "\n")
    import os
    os.replace(args.output + ".tmp", args.output)


if __name__ == "__main__":
    main()
