"""B-cubed precision/recall/F1 and NMI of a predicted clustering against gold, for the training scripts
(the product's own implementation is `storyline eval`)."""
import collections
import json
import math


def read_labels(path, field="story"):
    labels = {}
    for line in open(path):
        record = json.loads(line)
        labels[record["id"]] = str(record[field])
    return labels


def scores(gold, pred):
    ids = [i for i in gold if i in pred]
    n = len(ids)
    g = [gold[i] for i in ids]
    p = [pred[i] for i in ids]
    gc, pc = collections.Counter(g), collections.Counter(p)
    joint = collections.Counter(zip(g, p))
    precision = sum(joint[(a, b)] / pc[b] for a, b in zip(g, p)) / n
    recall = sum(joint[(a, b)] / gc[a] for a, b in zip(g, p)) / n
    f1 = 2 * precision * recall / (precision + recall)
    entropy = lambda c: -sum(v / n * math.log(v / n) for v in c.values())
    mutual = sum(v / n * math.log(v * n / (gc[a] * pc[b])) for (a, b), v in joint.items())
    denominator = entropy(gc) + entropy(pc)
    nmi = 2 * mutual / denominator if denominator > 0 else 1.0
    return {"bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": f1, "nmi": nmi}
