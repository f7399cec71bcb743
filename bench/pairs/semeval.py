#!/usr/bin/python3
"""Scores `storyline similar` on SemEval-2022 Task 8 (multilingual news article similarity).

Keeps the en-en pairs (or the language pairs --langs names) and drops rows whose pair_id carries a
language suffix (machine-translated copies, see ../shared/data/README.md). Each text becomes a one-article
JSON file: the first line is the title when the text has more than one line (the sets are headline + body
cuts), otherwise there is no title. The
sets carry no dates, so time never plays a part here. Prints, per set and language pair, the number of
pairs, Pearson's r of the score against the gold `Overall` (1 = very similar ... 4 = very dissimilar), the
F1 of calling a pair related (any verdict but `unrelated`) for the pairs rated at most 1.5, and how the
verdicts spread over the gold ratings. $STORYLINE_SIMILAR_ARGS adds options to each `storyline similar` run
(e.g. "--entities-across-languages 3").

  semeval.py CLI DATA_DIR WORK_DIR [--langs en-en,de-de,de-en,...] [--translated] [--rows SET FILE]...

--translated keeps the machine-translated copies too: a pair whose article was translated into another
language (in these sets, every pl-en, es-en, es-it, de-fr, zh-en and zh-zh pair), rated as its original.

--rows writes one TSV line per pair of SET (training_set or testing_set): Overall, then the signals, which
train_similarity_model.py reads. Debian's python3, standard library only.
"""
import csv
import json
import os
import subprocess
import sys

import numpy

SETS = ("training_set", "testing_set")
VERDICTS = ("duplicate", "same_story", "same_storyline", "unrelated")
RELATED_RATING = 1.5  # rated at most this: "very similar", one event (as train_similarity_model.py)


def language_pairs(path, langs, translated=False):
    """The rows of one language pair ("en-en", "de-en": lang1-lang2): the originals, and with `translated`
    the machine-translated copies too."""
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if "%s-%s" % (row["lang1"], row["lang2"]) != langs:
                continue
            # "1484039360it_1484180228it": a translated copy of a pair, not an original.
            if not translated and not all(part.isdigit() for part in row["pair_id"].split("_")):
                continue
            yield row


def article(article_id, text):
    text = text.strip()
    head, _, rest = text.partition("\n")
    if rest.strip():
        return {"id": article_id, "title": head.strip(), "text": rest.strip()}
    return {"id": article_id, "text": text}


def compare(cli, work, pair_id, text1, text2, extra=()):
    paths = []
    for side, text in (("a", text1), ("b", text2)):
        path = os.path.join(work, "%s.json" % side)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(article("%s-%s" % (pair_id, side), text), f, ensure_ascii=False)
        paths.append(path)
    run = subprocess.run([cli, "similar", "--json"] + list(extra) + paths, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("storyline similar failed on pair %s: %s" % (pair_id, run.stderr.strip()))
    return json.loads(run.stdout)


def related_f1(verdicts, gold):
    """F1 of calling a pair related (any verdict but unrelated) for the pairs rated very similar."""
    said = [v != "unrelated" for v in verdicts]
    truth = [g <= RELATED_RATING for g in gold]
    tp = sum(s and t for s, t in zip(said, truth))
    wrong = sum(s != t for s, t in zip(said, truth))
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def pearson(xs, ys):
    """Pearson correlation (nan when either side is constant)."""
    if len(xs) < 2 or numpy.std(xs) == 0 or numpy.std(ys) == 0:
        return float("nan")
    return float(numpy.corrcoef(xs, ys)[0, 1])


def main(argv):
    if len(argv) < 4:
        raise SystemExit(__doc__)
    cli, data_dir, work = argv[1], argv[2], argv[3]
    rows_out = {}
    lang_pairs = ["en-en"]
    translated = False
    rest = argv[4:]
    while rest:
        if rest[0] == "--translated":
            translated = True
            rest = rest[1:]
            continue
        if rest[0] == "--langs" and len(rest) >= 2:
            lang_pairs = [pair for pair in rest[1].split(",") if pair]
            rest = rest[2:]
            continue
        if rest[0] != "--rows" or len(rest) < 3 or rest[1] not in SETS:
            raise SystemExit(__doc__)
        rows_out[rest[1]] = rest[2]
        rest = rest[3:]
    os.makedirs(work, exist_ok=True)

    extra = os.environ.get("STORYLINE_SIMILAR_ARGS", "").split()
    print("%-14s %-6s %6s %9s %10s   %s" % ("set", "langs", "pairs", "pearson", "related F1",
                                             "verdicts by gold Overall (rounded): " + " / ".join(VERDICTS)))
    for name in SETS:
        path = os.path.join(data_dir, name + ".csv")
        if not os.path.exists(path):
            print("skipping %s: %s not found" % (name, path), file=sys.stderr)
            continue
        signal_names, signal_rows = [], []  # (Overall, signals) over every language pair, for --rows
        for langs in lang_pairs:
            gold, scores, verdicts = [], [], []
            spread = {}
            for row in language_pairs(path, langs, translated):
                result = compare(cli, work, row["pair_id"], row["text1"], row["text2"], extra)
                overall = float(row["Overall"])
                gold.append(overall)
                scores.append(result["score"])
                verdicts.append(result["verdict"])
                signal_names = list(result["signals"].keys())
                signal_rows.append((overall, list(result["signals"].values())))
                counts = spread.setdefault(int(round(overall)), dict.fromkeys(VERDICTS, 0))
                counts[result["verdict"]] += 1
            summary = "  ".join("%d: %s" % (rating, "/".join(str(spread[rating][v]) for v in VERDICTS))
                                for rating in sorted(spread))
            print("%-14s %-6s %6d %9.4f %10.3f   %s" % (name, langs, len(gold), pearson(scores, gold),
                                                      related_f1(verdicts, gold), summary))
        if name in rows_out:
            with open(rows_out[name], "w", encoding="utf-8") as f:
                f.write("overall\t" + "\t".join(signal_names) + "\n")
                for overall, signals in signal_rows:
                    f.write("%s\t%s\n" % (overall, "\t".join(repr(v) for v in signals)))


if __name__ == "__main__":
    main(sys.argv)
