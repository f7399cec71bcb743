#!/usr/bin/env bash
# Timeline quality on timeline17: per gold topic, the date F1 of the stories `storyline timeline --top N`
# keeps of its storyline, of its key dates, and of the key dates of the topic's own articles laid out alone,
# against the journalists' timelines (see timeline_eval.py), one line per topic; then, per topic, how many
# of the gold days are among the first N, 2N and 4N days the topic's own articles point at in the span.
#
#   bench/stories/timeline.sh            (STORYLINE_DATA_DIR, STORYLINE_CLI, STORYLINE_TIMELINE_ARGS override)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DATA_DIR=${STORYLINE_DATA_DIR:-../shared/data}
if [ ! -f "$DATA_DIR/timeline17/gold.jsonl" ]; then
  echo "skipping: no timeline17 in $DATA_DIR" >&2
  exit 0
fi
source bench/stories/common.sh
STORYLINE_CLI=$CLI "$PYTHON" bench/stories/timeline_eval.py "$DATA_DIR/timeline17"
