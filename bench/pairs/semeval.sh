#!/usr/bin/env bash
# Pair scoring quality of `storyline similar` on SemEval-2022 Task 8: Pearson's r of the score against the
# gold `Overall` rating on the en-en pairs of the training and the testing set (the shipped model was fitted
# on the training set only, see train_similarity_model.py), and how the verdicts spread over the ratings.
#
#   bench/pairs/semeval.sh                (STORYLINE_DATA_DIR, STORYLINE_CLI, STORYLINE_BENCH_DIR,
#                                          STORYLINE_SIMILAR_ARGS override)
#   bench/pairs/semeval.sh --rows training_set FILE   (also write the training pairs' signals for the trainer)
#   bench/pairs/semeval.sh --langs en-en,de-de,de-en  (other language pairs: lang1-lang2, originals only)
#   bench/pairs/semeval.sh --langs pl-en,zh-en --translated  (machine-translated copies too)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DATA_DIR=${STORYLINE_DATA_DIR:-../shared/data}/semeval2022-task8
CLI=${STORYLINE_CLI:-build/release/bin/storyline}
WORK=${STORYLINE_BENCH_DIR:-$HOME/.cache/storyline-bench}/pairs
PYTHON=/usr/bin/python3  # Debian's; the helper needs nothing beyond the standard library

if [ ! -x "$CLI" ]; then
  echo "semeval.sh: no storyline binary at $CLI; build one (scripts/demo) or set STORYLINE_CLI" >&2
  exit 1
fi
if [ ! -d "$DATA_DIR" ]; then
  echo "semeval.sh: no SemEval-2022 Task 8 data at $DATA_DIR; set STORYLINE_DATA_DIR" >&2
  exit 1
fi
exec "$PYTHON" bench/pairs/semeval.py "$CLI" "$DATA_DIR" "$WORK" "$@"
