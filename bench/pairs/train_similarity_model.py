#!/usr/bin/python3
"""Learns models/similarity-model.json from SemEval-2022 Task 8's training set (en-en pairs) only.

1. bench/pairs/semeval.sh --rows training_set ROWS writes each training pair's gold Overall and signals.
2. A least-squares line from the signals onto Overall (a light ridge on the weights, not the bias).
   Every weight must be <= 0: more of any signal may never make a pair look less similar. A signal whose
   fitted weight comes out positive is set to 0 and the rest refitted. On this set that happens to the
   word-bigram Jaccard (given the cosine, pages sharing a site's boilerplate look alike in wording but
   were rated apart) and to the title cosine; learned there, Jaccard's positive weight would score an
   exact copy near 3 of 4. Copies are caught by the duplicate rule instead.
3. same_story_score: the score at or below which a pair counts as "very similar content", chosen on the
   same training pairs as the cut that best separates pairs rated at most 1.5 (the annotators' "very
   similar": one event) from the others (highest F1 of that class).
The testing set is never read here.

  train_similarity_model.py ROWS [OUT]     (OUT defaults to standard output)
"""
import json
import sys

import numpy

L2 = 1e-3  # ridge per pair on the weights: there are only ~160 training pairs
STORY_RATING = 1.5


def read_rows(path):
    with open(path) as f:
        names = f.readline().rstrip("\n").split("\t")[1:]
        rows = [[float(v) for v in line.rstrip("\n").split("\t")] for line in f if line.strip()]
    return names, [r[0] for r in rows], [r[1:] for r in rows]


def solve(matrix, vector):
    """Solves matrix . x = vector (a small dense system)."""
    return [float(v) for v in numpy.linalg.solve(numpy.array(matrix), numpy.array(vector))]


def fit(xs, ys, active):
    """Ridge least squares over the active signals; returns (bias, weights with 0 for inactive ones)."""
    z = [[1.0] + [x[i] for i in active] for x in xs]
    k = len(active) + 1
    normal = [[sum(r[i] * r[j] for r in z) + (L2 * len(z) if i == j and i > 0 else 0.0) for j in range(k)]
              for i in range(k)]
    rhs = [sum(r[i] * y for r, y in zip(z, ys)) for i in range(k)]
    solution = solve(normal, rhs)
    weights = [0.0] * len(xs[0])
    for position, i in enumerate(active):
        weights[i] = solution[position + 1]
    return solution[0], weights


def score(bias, weights, x):
    return min(4.0, max(1.0, bias + sum(w * v for w, v in zip(weights, x))))


def pearson(xs, ys):
    """Pearson correlation (nan when either side is constant)."""
    if len(xs) < 2 or numpy.std(xs) == 0 or numpy.std(ys) == 0:
        return float("nan")
    return float(numpy.corrcoef(xs, ys)[0, 1])


def main(argv):
    if len(argv) not in (2, 3):
        raise SystemExit(__doc__)
    names, ys, xs = read_rows(argv[1])
    active = list(range(len(names)))
    while True:
        bias, weights = fit(xs, ys, active)
        positive = [i for i in active if weights[i] > 0.0]
        if not positive:
            break
        active.remove(max(positive, key=lambda i: weights[i]))
    scores = [score(bias, weights, x) for x in xs]

    best = (-1.0, 1.0)
    for cut in sorted(set(scores)):
        tp = sum(1 for s, y in zip(scores, ys) if s <= cut and y <= STORY_RATING)
        fp = sum(1 for s, y in zip(scores, ys) if s <= cut and y > STORY_RATING)
        fn = sum(1 for s, y in zip(scores, ys) if s > cut and y <= STORY_RATING)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        best = max(best, (f1, cut))
    f1, cut = best

    model = {
        "format_version": 1,
        "trained_on": "least squares onto Overall, weights held <= 0 (%s set to 0), on the %d en-en pairs of "
                      "SemEval-2022 Task 8 training_set.csv (train Pearson %.4f); same_story_score chosen there "
                      "(F1 %.3f for pairs rated <= %.1f); bench/pairs/train_similarity_model.py"
                      % (", ".join(n for i, n in enumerate(names) if i not in active) or "none", len(ys),
                         pearson(scores, ys), f1, STORY_RATING),
        "features": names,
        "weights": [round(w, 6) for w in weights],
        "bias": round(bias, 6),
        "same_story_score": round(cut, 4),
    }
    text = json.dumps(model, indent=2) + "\n"
    if len(argv) == 3:
        with open(argv[2], "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
