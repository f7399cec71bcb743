#!/usr/bin/env bash
# Story clustering quality and speed on every story gold set in ../shared/data: for each set, the whole
# set and its held-out half (the stories the shipped model was not trained on, see split.py), one line
# each: set, articles, stories, B-cubed P/R/F1, NMI, ARI, articles/s of the whole `storyline cluster` run.
# Then the same at the storyline level on timeline17 (the storyline model's training and held-out parts
# are split by storyline).
#
#   bench/stories/evaluate.sh            (STORYLINE_DATA_DIR, STORYLINE_CLI, STORYLINE_BENCH_DIR override)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

source bench/stories/common.sh
WORK=$BENCH_DIR/stories
mkdir -p "$WORK"

printf '%-28s %8s %8s %8s %7s %7s %7s %7s %7s %11s\n' set articles gold pred B3-P B3-R B3-F1 NMI ARI articles/s
row() {
  local name=$1 articles=$2 gold=$3 field=${4:-story} out="$WORK/$1.pred.jsonl"
  local start end
  start=$(date +%s.%N)
  "$CLI" cluster --quiet "$articles" -o "$out"
  end=$(date +%s.%N)
  "$CLI" eval --quiet --field "$field" --gold "$gold" --pred "$out" | "$PYTHON" -c '
import json, sys
s = json.loads(sys.stdin.read())
name, seconds = sys.argv[1], float(sys.argv[3]) - float(sys.argv[2])
values = (s["bcubed_precision"], s["bcubed_recall"], s["bcubed_f1"], s["nmi"], s["ari"])
print("%-28s %8d %8d %8d %7.4f %7.4f %7.4f %7.4f %7.4f %11.0f" %
      ((name, s["items"], s["gold_clusters"], s["predicted_clusters"]) + values + (s["items"] / seconds,)))
' "$name" "$start" "$end"
}

for set in googlenews-ts uci-news-subset; do
  [ -f "$DATA_DIR/$set/gold.jsonl" ] || { echo "skipping $set: not in $DATA_DIR" >&2; continue; }
  "$PYTHON" bench/stories/split.py "$DATA_DIR/$set" "$WORK/$set"
  row "$set" "$DATA_DIR/$set/articles.jsonl" "$DATA_DIR/$set/gold.jsonl"
  row "$set (held-out half)" "$WORK/$set/test/articles.jsonl" "$WORK/$set/test/gold.jsonl"
done
if [ -f "$DATA_DIR/timeline17/gold.jsonl" ]; then
  "$PYTHON" bench/stories/split.py "$DATA_DIR/timeline17" "$WORK/timeline17" storyline
  row "timeline17 storylines" "$DATA_DIR/timeline17/articles.jsonl" "$DATA_DIR/timeline17/gold.jsonl" storyline
  row "timeline17 storylines (held-out)" "$WORK/timeline17/test/articles.jsonl" "$WORK/timeline17/test/gold.jsonl" storyline
fi
