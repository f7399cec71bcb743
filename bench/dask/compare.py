"""Helpers of compare.sh and scale.sh (Debian's python3).

    compare.py split INPUT OUTDIR SHARDS [LIMIT [COPIES]]
        writes INPUT's first LIMIT articles (all by default) as SHARDS consecutive shards, so that the shards
        concatenated in order are the input; with COPIES > 1 the input is repeated, ids suffixed #2, #3, ...
        (published unchanged), and the shards are cut from that. Prints the shard paths.
    compare.py dedup CLI.jsonl DASK.jsonl
        whether two `dedup` outputs give the same copy groups (and the same lines).
    compare.py duplicate-of CLI.jsonl DASK.jsonl
        whether two `cluster` outputs give every article the same duplicate_of.
"""

import itertools
import json
import os
import sys


def split(source, outdir, shards, limit=None, copies=1):
    os.makedirs(outdir, exist_ok=True)
    with open(source, encoding="utf-8") as stream:
        lines = [line for line in itertools.islice(stream, limit) if line.strip()]
    records = []
    for copy in range(1, copies + 1):
        for line in lines:
            if copy == 1:
                records.append(line if line.endswith("\n") else line + "\n")
            else:
                article = json.loads(line)
                article["id"] = f"{article['id']}#{copy}"
                records.append(json.dumps(article, ensure_ascii=False) + "\n")
    paths = []
    for shard in range(shards):
        path = os.path.join(outdir, f"shard{shard:03d}.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(records[len(records) * shard // shards:len(records) * (shard + 1) // shards])
        paths.append(path)
    print(" ".join(paths))


def read(path):
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def groups(lines):
    out = {}
    for line in lines:
        out.setdefault(line["duplicate_of"] or line["id"], set()).add(line["id"])
    return {frozenset(group) for group in out.values() if len(group) > 1}


def compare_dedup(cli_path, dask_path):
    cli, dask = read(cli_path), read(dask_path)
    a, b = groups(cli), groups(dask)
    copies = sum(len(group) - 1 for group in a)
    same_lines = cli == dask
    verdict = "equal" if a == b else f"DIFFERENT ({len(a - b)} groups only in CLI, {len(b - a)} only in Dask)"
    print(f"  dedup groups: {verdict}; {len(a)} groups, {copies} copies; identical lines: {same_lines}")
    return a == b


def compare_duplicate_of(cli_path, dask_path):
    cli = {line["id"]: line["duplicate_of"] for line in read(cli_path)}
    dask = {line["id"]: line["duplicate_of"] for line in read(dask_path)}
    differ = sum(cli.get(key) != value for key, value in dask.items()) + len(cli.keys() - dask.keys())
    marked = sum(value is not None for value in cli.values())
    print(f"  cluster duplicate_of: {'equal' if differ == 0 else f'{differ} articles DIFFER'} ({marked} copies)")
    return differ == 0


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "split":
        split(args[0], args[1], int(args[2]), int(args[3]) if len(args) > 3 and int(args[3]) > 0 else None,
              int(args[4]) if len(args) > 4 else 1)
    elif command == "dedup":
        sys.exit(0 if compare_dedup(*args) else 1)
    elif command == "duplicate-of":
        sys.exit(0 if compare_duplicate_of(*args) else 1)
    else:
        sys.exit(f"unknown command {command}")
