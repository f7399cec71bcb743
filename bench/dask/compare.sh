#!/usr/bin/env bash
# Acceptance check of the Dask driver (docs/dask.md): each labelled set is split into shards (in a
# temporary directory), run through `python3 -m storyline.dask` with two local workers, and compared with
# the single-process CLI on the whole file: the copy groups must be equal, and B-cubed F1 against the gold
# labels within 0.01 of the CLI's. Also prints how close the Dask stories are to the CLI's own.
#   STORYLINE_BUILD_DIR (default build/release), STORYLINE_DATA_DIR (default ../shared/data),
#   SHARDS (default 8), WORKERS (default 2), WINDOWS (default 8: more than the driver would choose on
#   these small sets, so that every set crosses window edges).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DATA_DIR=${STORYLINE_DATA_DIR:-../shared/data}
SHARDS=${SHARDS:-8}
WORKERS=${WORKERS:-2}
WINDOWS=${WINDOWS:-8}
source bench/dask/common.sh

f1() {  # gold pred field -> "F1 (P/R, clusters)"
  "$CLI" eval --quiet --field "$3" --gold "$1" --pred "$2" | "$PYTHON" -c '
import json, sys
s = json.load(sys.stdin)
print("%.4f (P %.4f, R %.4f; %d clusters)" % (s["bcubed_f1"], s["bcubed_precision"], s["bcubed_recall"],
                                              s["predicted_clusters"]))'
}

status=0
for set in timeline17 uci-news-subset; do
  input=$DATA_DIR/$set/articles.jsonl gold=$DATA_DIR/$set/gold.jsonl
  [ -f "$gold" ] || { echo "skipping $set: not in $DATA_DIR" >&2; continue; }
  field=story
  [ "$set" = timeline17 ] && field=storyline  # timeline17's gold labels storylines only
  out=$WORK/$set
  read -r -a shards <<<"$("$PYTHON" bench/dask/compare.py split "$input" "$out/shards" "$SHARDS")"
  echo "$set: $(wc -l <"$input") articles in ${#shards[@]} shards, $WORKERS workers, $WINDOWS windows; gold field: $field"

  start=$(date +%s.%N)
  "$CLI" dedup --quiet "$input" -o "$out/cli.dedup.jsonl"
  "$CLI" cluster --quiet "$input" -o "$out/cli.cluster.jsonl"
  cli_seconds=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  "$PYTHON" -m storyline.dask --quiet --workers "$WORKERS" --windows "$WINDOWS" -o "$out/dask.cluster.jsonl" \
    --dedup-output "$out/dask.dedup.jsonl" "${shards[@]}"
  dask_seconds=$(echo "$(date +%s.%N) - $start" | bc)

  "$PYTHON" bench/dask/compare.py dedup "$out/cli.dedup.jsonl" "$out/dask.dedup.jsonl" || status=1
  "$PYTHON" bench/dask/compare.py duplicate-of "$out/cli.cluster.jsonl" "$out/dask.cluster.jsonl" || true
  cli_f1=$(f1 "$gold" "$out/cli.cluster.jsonl" "$field")
  dask_f1=$(f1 "$gold" "$out/dask.cluster.jsonl" "$field")
  echo "  B3 F1 vs gold ($field): CLI $cli_f1, Dask $dask_f1"
  echo "  Dask stories against the CLI's as gold: B3 F1 $(f1 "$out/cli.cluster.jsonl" "$out/dask.cluster.jsonl" story)"
  if ! "$PYTHON" -c 'import sys; sys.exit(abs(float(sys.argv[1]) - float(sys.argv[2])) > 0.01)' \
      "${cli_f1%% *}" "${dask_f1%% *}"; then
    echo "  FAIL: B3 F1 differs by more than 0.01"; status=1
  fi
  printf '  wall time: CLI (dedup + cluster) %.1f s, Dask %.1f s (tiny sets: start-up dominates)\n' \
    "$cli_seconds" "$dask_seconds"
done
exit $status
