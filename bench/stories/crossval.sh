#!/usr/bin/env bash
# The other fold of evaluate.sh's held-out figures: learns a story model on the held-out halves of the story
# gold sets (split.py), the way train_story_model.py learns the shipped one on the training halves, and
# scores it on the training halves. With evaluate.sh's held-out rows this gives a two-fold estimate: every
# article is scored once by a model that never saw its story. The shipped model is left as it is.
#
#   bench/stories/crossval.sh            (STORYLINE_DATA_DIR, STORYLINE_CLI, STORYLINE_BENCH_DIR override)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

source bench/stories/common.sh
WORK=$BENCH_DIR/crossval

sets=()
for set in googlenews-ts uci-news-subset; do
  [ -f "$DATA_DIR/$set/gold.jsonl" ] || { echo "skipping $set: not in $DATA_DIR" >&2; continue; }
  "$PYTHON" bench/stories/split.py "$DATA_DIR/$set" "$WORK/split/$set"
  # The trainer reads SET/train: here that is the held-out half, and SET/test the training half.
  mkdir -p "$WORK/swapped/$set"
  ln -sfn "$WORK/split/$set/test" "$WORK/swapped/$set/train"
  ln -sfn "$WORK/split/$set/train" "$WORK/swapped/$set/test"
  sets+=("$WORK/swapped/$set")
done
[ ${#sets[@]} -gt 0 ] || exit 0

STORYLINE_CLI=$CLI "$PYTHON" bench/stories/train_story_model.py "$WORK/model" "${sets[@]}" >"$WORK/train.log"
printf '%-40s %8s %7s %7s %7s %7s %7s\n' "set (model learned on the held-out half)" articles B3-P B3-R B3-F1 NMI ARI
for swapped in "${sets[@]}"; do
  set=$(basename "$swapped")
  "$CLI" cluster --quiet --model "$WORK/model/story-model.json" "$swapped/test/articles.jsonl" -o "$WORK/$set.pred.jsonl"
  "$CLI" eval --quiet --gold "$swapped/test/gold.jsonl" --pred "$WORK/$set.pred.jsonl" | "$PYTHON" -c '
import json, sys
s = json.loads(sys.stdin.read())
print("%-40s %8d %7.4f %7.4f %7.4f %7.4f %7.4f" % (sys.argv[1] + ", training half", s["items"], s["bcubed_precision"],
      s["bcubed_recall"], s["bcubed_f1"], s["nmi"], s["ari"]))
' "$set"
done
