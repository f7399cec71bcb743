#!/usr/bin/python3
"""Learns models/storyline-model.json: when a new story continues a storyline.

1. The training part of a storyline gold set (split.py ... storyline) is clustered with `storyline cluster
   --gold --gold-field storyline --training-data`: stories are formed by the shipped story model, and each
   new story is put in its gold storyline; every storyline candidate scored for it is written as a row.
2. A logistic regression is fitted on those rows (train_story_model.fit), over the two cosines (terms and
   IDF-weighted entities), which are normalised by the storyline's mass. The other signals are set, not
   learned: the overlaps and shared-entity count measure how much of the article a storyline already
   contains, which grows with the storyline until a large one contains every article (one storyline then
   swallows the year's news); time apart, because each timeline17 topic has its own years, so learned there
   time would separate topics by calendar, not by content; titles, because timeline17 has none.
3. The threshold is the one maximising storyline-level B-cubed F1 on the same training part.
The held-out part is never read here.

  train_storyline_model.py WORK_DIR SET_SPLIT_DIR      (a directory with train/{articles,gold}.jsonl)
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics  # noqa: E402
from train_story_model import CLI, fit, read_rows, write_model  # noqa: E402

# A storyline may rest for months or years, so time apart costs little: -0.1 per ln(1 + hours), about
# -0.9 in log-odds after a year.
FIXED = {"hours_apart": -0.1, "time_known": 0.0, "title_cosine": 0.0, "story_size": 0.0, "person_overlap": 0.0,
         "place_overlap": 0.0, "org_overlap": 0.0, "shared_entities": 0.0}
THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]


def cluster(model, articles, out, threshold):
    subprocess.run([CLI, "cluster", "--quiet", "--storyline-model", model, "--storyline-threshold", str(threshold),
                    articles, "-o", out], check=True)


def main():
    work, data = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    articles = os.path.join(data, "train", "articles.jsonl")
    gold = os.path.join(data, "train", "gold.jsonl")
    rows_path = os.path.join(work, "storyline.train.tsv")
    subprocess.run([CLI, "cluster", "--quiet", "--gold", gold, "--gold-field", "storyline", "--training-data",
                    rows_path, articles, "-o", os.devnull], check=True)
    names, rows = read_rows(rows_path)
    print(f"{data}: {len(rows)} candidate rows, {sum(l for l, _ in rows)} positive", flush=True)
    learned = [i for i, n in enumerate(names) if n not in FIXED]
    offsets = [sum(FIXED[n] * features[i] for i, n in enumerate(names) if n in FIXED) for _, features in rows]
    fitted, bias = fit([(label, [features[i] for i in learned], 1.0 / len(rows)) for label, features in rows], offsets)
    weights = [FIXED.get(n, 0.0) for n in names]
    for i, w in zip(learned, fitted):
        weights[i] = w
    print("weights:", {n: round(w, 4) for n, w in zip(names, weights)}, "bias:", round(bias, 4), flush=True)

    model_path = os.path.join(work, "storyline-model.json")
    write_model(model_path, names, weights, bias, 0.5, "")
    best = None
    truth = metrics.read_labels(gold, "storyline")
    for threshold in THRESHOLDS:
        out = os.path.join(work, "train-pred.jsonl")
        cluster(model_path, articles, out, threshold)
        f1 = metrics.scores(truth, metrics.read_labels(out, "storyline"))["bcubed_f1"]
        print(f"threshold {threshold}: train storyline B3 F1 {f1:.4f}", flush=True)
        if best is None or f1 > best[0]:
            best = (f1, threshold)
    trained_on = (f"logistic regression ({', '.join(FIXED)} set, not learned) on the training part (split.py, by "
                  f"storyline) of {os.path.basename(data.rstrip('/'))}; threshold {best[1]} chosen on the same part "
                  f"(storyline B3 F1 {best[0]:.4f})")
    write_model(model_path, names, weights, bias, best[1], trained_on)
    print("wrote", model_path)


if __name__ == "__main__":
    main()
