#!/usr/bin/env bash
# Throughput and peak memory of the whole `storyline cluster` command (read, analyse, cluster, write) on
# one core, on 100,000 and 1,000,000 articles of ~400 words: the near-duplicate benchmark corpora
# (bench/e2e/run-dedup-bench.sh makes them), given publication dates, 1,000 (100k) or 10,000 and 1,000
# (1M) a day, so that the seven-day retirement window bounds the live stories.
#
#   bench/stories/throughput.sh        (STORYLINE_BENCH_DIR, STORYLINE_CLI override)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

source bench/stories/common.sh

run() {
  local source=$1 dated=$2 per_day=$3
  if [ ! -f "$source" ]; then
    echo "missing $source: run bench/e2e/run-dedup-bench.sh first" >&2
    return 1
  fi
  [ -f "$dated" ] || "$PYTHON" bench/stories/make-dated-stream.py "$source" "$dated" --per-day "$per_day"
  local articles
  articles=$(wc -l <"$dated")
  local report
  report=$( { /usr/bin/time -f '%e %M' "$CLI" cluster --quiet "$dated" -o "$BENCH_DIR/cluster-out.jsonl"; } 2>&1 | tail -n 1)
  read -r seconds peak_kb <<<"$report"
  "$PYTHON" -c 'import sys; n, s, kb = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); print(f"{sys.argv[4]:<24} {n:>9} articles  {s:8.2f} s  {n / s:8.0f} articles/s  peak {kb / 1024:7.1f} MiB")' \
    "$articles" "$seconds" "$peak_kb" "$(basename "$dated")"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run "$BENCH_DIR/n100k/docs.jsonl" "$BENCH_DIR/n100k-dated.jsonl" 1000
run "$BENCH_DIR/million.jsonl" "$BENCH_DIR/million-dated.jsonl" 10000
# The same million at 100k's rate: ten times the days, the same live window. What memory adds over the
# 100k run is what outlives the window (vocabularies, and storylines, which live for years).
run "$BENCH_DIR/million.jsonl" "$BENCH_DIR/million-dated-1k.jsonl" 1000
