#!/usr/bin/env bash
# Wall time of the Dask driver against the single-process CLI on >= 200,000 dated articles: the first
# ARTICLES lines of $STORYLINE_BENCH_DIR/million-dated.jsonl (or n100k-dated.jsonl repeated with distinct
# ids), split into SHARDS shards in a temporary directory. Runs niced: it is CPU-heavy.
#   STORYLINE_BUILD_DIR (default build/release), STORYLINE_BENCH_DIR (default ~/.cache/storyline-bench),
#   ARTICLES (default 200000), SHARDS (default 16).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

BENCH=${STORYLINE_BENCH_DIR:-$HOME/.cache/storyline-bench}
ARTICLES=${ARTICLES:-200000}
SHARDS=${SHARDS:-16}
source bench/dask/common.sh
if [ -f "$BENCH/million-dated.jsonl" ]; then
  source=$BENCH/million-dated.jsonl copies=1
else
  source=$BENCH/n100k-dated.jsonl copies=$(( (ARTICLES + 99999) / 100000 ))
fi
read -r -a shards <<<"$("$PYTHON" bench/dask/compare.py split "$source" "$WORK/shards" "$SHARDS" \
  "$(( copies == 1 ? ARTICLES : 0 ))" "$copies")"
cat "${shards[@]}" >"$WORK/all.jsonl"
echo "$(wc -l <"$WORK/all.jsonl") articles from $source in ${#shards[@]} shards; $(nproc) cores"

timed() {  # label command... -> prints seconds
  local start end
  start=$(date +%s.%N)
  nice -n 10 "${@:2}"
  end=$(date +%s.%N)
  printf '%-34s %8.1f s\n' "$1" "$(echo "$end - $start" | bc)"
}

timed "CLI dedup (1 thread)" "$CLI" dedup --quiet --threads 1 "$WORK/all.jsonl" -o "$WORK/cli.dedup.jsonl"
timed "CLI cluster" "$CLI" cluster --quiet "$WORK/all.jsonl" -o "$WORK/cli.cluster.jsonl"
for workers in 1 2; do
  timed "Dask, $workers worker(s), dedup only" "$PYTHON" -m storyline.dask --workers "$workers" --dedup-only \
    -o "$WORK/dask$workers.dedup.jsonl" "${shards[@]}"
  timed "Dask, $workers worker(s), cluster + dedup" "$PYTHON" -m storyline.dask --workers "$workers" \
    -o "$WORK/dask$workers.cluster.jsonl" --dedup-output "$WORK/dask$workers.dedup2.jsonl" "${shards[@]}"
  "$PYTHON" bench/dask/compare.py dedup "$WORK/cli.dedup.jsonl" "$WORK/dask$workers.dedup.jsonl" || true
done
echo "Dask stories against the CLI's as gold:"
"$CLI" eval --quiet --field story --gold "$WORK/cli.cluster.jsonl" --pred "$WORK/dask2.cluster.jsonl"
