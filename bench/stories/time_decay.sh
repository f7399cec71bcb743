#!/usr/bin/env bash
# What the story model's time decay trades: for each weight of ln(1 + hours apart), a story model is learned
# on the training halves as train_story_model.py learns the shipped one (the other weights are refitted,
# and the join threshold chosen again), then scored on both story sets, whole and held-out, and on the
# project's own follow-ups in samples/articles.jsonl (a wire story's report the next day, and a storm's
# reports one and three days after its first). "learn" learns the decay too; the last row ("UCI,
# learned") learns everything on uci-news-subset's training half only. The shipped model is left as it is.
#
#   bench/stories/time_decay.sh [WEIGHT|learn ...]   (default: -1 -2 -3 -4 learn, then the UCI row)
#                                                     STORYLINE_DATA_DIR, STORYLINE_CLI, STORYLINE_BENCH_DIR
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

source bench/stories/common.sh
WORK=$BENCH_DIR/time-decay
mkdir -p "$WORK"
weights=("$@")
[ ${#weights[@]} -gt 0 ] || weights=(-1 -2 -3 -4 learn)

sets=()
for set in googlenews-ts uci-news-subset; do
  [ -f "$DATA_DIR/$set/gold.jsonl" ] || { echo "skipping $set: not in $DATA_DIR" >&2; continue; }
  "$PYTHON" bench/stories/split.py "$DATA_DIR/$set" "$WORK/split/$set"
  sets+=("$WORK/split/$set")
done
[ ${#sets[@]} -gt 0 ] || exit 0

# Prints, for one model: the decay it uses, B3 F1 of each set whole and of its held-out half, and how many
# of the samples' three follow-ups joined the story of their first report.
score() {
  local label=$1 model=$2 line
  line=$(printf '%-18s %8s' "$label" "$("$PYTHON" -c '
import json, sys
m = json.load(open(sys.argv[1]))
print("%.2f" % m["weights"][m["features"].index("hours_apart")])' "$model")")
  for split in "${sets[@]}"; do
    local set
    set=$(basename "$split")
    for part in "$DATA_DIR/$set" "$split/test"; do
      "$CLI" cluster --quiet --model "$model" "$part/articles.jsonl" -o "$WORK/pred.jsonl"
      line+=$(printf ' %9.4f' "$("$CLI" eval --quiet --gold "$part/gold.jsonl" --pred "$WORK/pred.jsonl" |
        "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["bcubed_f1"])')")
    done
  done
  line+=$(printf ' %9s' "$("$CLI" cluster --quiet --model "$model" samples/articles.jsonl | "$PYTHON" -c '
import json, sys
story = {r["id"]: r["story"] for r in map(json.loads, sys.stdin)}
follow_ups = [("fish-2019-03-c", "fish-2019-03-a"), ("storm-2020-11-b", "storm-2020-11-a"),
              ("storm-2020-11-c", "storm-2020-11-a")]
print("%d of 3" % sum(story[a] == story[b] for a, b in follow_ups))')")
  echo "$line"
}

header=$(printf '%-18s %8s' "trained on, decay" weight)
for split in "${sets[@]}"; do
  case $(basename "$split") in googlenews-ts) short=GN ;; *) short=UCI ;; esac
  header+=$(printf ' %9s %9s' "$short whole" "$short half")
done
echo "$header $(printf '%9s' follow-ups)"
for weight in "${weights[@]}"; do
  STORYLINE_CLI=$CLI "$PYTHON" bench/stories/train_story_model.py --hours-apart "$weight" "$WORK/model$weight" \
    "${sets[@]}" >"$WORK/train$weight.log"
  label="both sets, set"
  [ "$weight" = learn ] && label="both sets, learned"
  score "$label" "$WORK/model$weight/story-model.json"
done
if [ -d "$WORK/split/uci-news-subset" ] && [ $# -eq 0 ]; then
  STORYLINE_CLI=$CLI "$PYTHON" bench/stories/train_story_model.py --hours-apart learn "$WORK/model-uci" \
    "$WORK/split/uci-news-subset" >"$WORK/train-uci.log"
  score "UCI, learned" "$WORK/model-uci/story-model.json"
fi
