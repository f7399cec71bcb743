#!/usr/bin/python3
"""Date F1 of `storyline timeline` against timeline17's journalist-written timelines.

Runs `storyline timeline --json` over timeline17's articles. Each gold topic (gold.jsonl, field
`storyline`) is mapped to the predicted storyline holding most of its articles. For each of the topic's
gold timelines (timelines/<Topic>_<source>.jsonl, one timeline per line: a list of [date, [sentences]]),
the dates of the stories `storyline timeline --top N` keeps (N = the timeline's number of dates) are the
predicted dates, and date F1 counts same-day matches between the two date sets. One line per topic: the mapped storyline,
how much of the topic it holds and how much of it is the topic, and precision, recall and F1 averaged
over the topic's timelines; then the same F1 for the storyline's first N key dates (the days most of its
articles were published on or name), which date events a day at a time where a story can span a week;
and last, as a reference, the F1 of the key dates the topic's own articles give, laid out alone (their
storylines' key-date counts summed): what the key-date rule scores when the storylines are perfect;
and the F1 of `--top N` within each gold timeline's own span (--since its first date, --until its last),
the protocol of the timeline-summarisation literature. A last table is the ceiling of counting: the topic's
own articles in each span, the F1 of the N days most of them point at, and the share of the gold days among
the first 2N and 4N such days (what any reordering of the counted days has to pick from).

    bench/stories/timeline_eval.py [ARTICLES_DIR]
        ARTICLES_DIR defaults to $STORYLINE_DATA_DIR/timeline17 ($STORYLINE_DATA_DIR: ../shared/data);
        the binary is $STORYLINE_CLI (build/release/bin/storyline); $STORYLINE_TIMELINE_ARGS adds
        options to the timeline run (e.g. "--max-story-days 2").
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

BAR = 0.50  # the bar: date F1 per topic
REACH = (2, 4)  # the ceiling table also looks this many times N days down the count


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def date_scores(predicted, gold):
    """Precision, recall and F1 of two sets of ISO dates, a match being the same day."""
    if not predicted or not gold:
        return 0.0, 0.0, 0.0
    matched = len(predicted & gold)
    precision, recall = matched / len(predicted), matched / len(gold)
    f1 = 0.0 if matched == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def by_count(pointing):
    """The days of a day -> articles count, as `storyline timeline` ranks key dates: most articles first,
    the earlier day on a tie."""
    return [day for day, _ in sorted(pointing.items(), key=lambda item: (-item[1], item[0]))]


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    data_dir = os.environ.get("STORYLINE_DATA_DIR", os.path.join(root, "..", "shared", "data"))
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(data_dir, "timeline17")
    cli = os.environ.get("STORYLINE_CLI", os.path.join(root, "build", "release", "bin", "storyline"))

    extra = os.environ.get("STORYLINE_TIMELINE_ARGS", "").split()

    def lay_out(top, window=()):
        """Storyline number -> storyline, as `storyline timeline --top TOP` lays them out (0: all stories);
        `window`, (first day, last day), adds --since and --until."""
        span = ["--since", window[0], "--until", window[1]] if window else []
        run = subprocess.run([cli, "timeline", "--json", "--all", "--quiet", "--top", str(top)] + span + extra +
                             [os.path.join(corpus, "articles.jsonl")], check=True, capture_output=True, text=True)
        return {s["storyline"]: s for s in (json.loads(line) for line in run.stdout.splitlines() if line.strip())}

    with open(os.path.join(corpus, "articles.jsonl"), encoding="utf-8") as f:
        article_lines = {json.loads(line)["id"]: line for line in f if line.strip()}

    def own_key_dates(ids, window=()):
        """Day -> articles pointing at it, over the given articles laid out alone: each article is in one
        storyline and points at a day at most once, so the storylines' counts add up to the articles'.
        `window`, (first day, last day), keeps the articles published in it and the days within it."""
        wanted = set(ids)
        span = ["--since", window[0], "--until", window[1]] if window else []
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as subset:
            subset.writelines(line for i, line in article_lines.items() if i in wanted)  # in stream order
            subset.flush()
            run = subprocess.run([cli, "timeline", "--json", "--all", "--quiet"] + span + extra + [subset.name],
                                 check=True, capture_output=True, text=True)
        pointing = collections.Counter()
        for line in run.stdout.splitlines():
            if line.strip():
                for key in json.loads(line)["key_dates"]:
                    pointing[key["date"]] += key["articles"]
        return pointing

    by_number = lay_out(0)
    storylines = list(by_number.values())
    top_runs = {}  # N -> that run's storylines
    window_runs = {}  # (N, first day, last day) -> that run's storylines
    storyline_of = {}
    for storyline in storylines:
        for story in storyline["stories"]:
            for article in story["ids"]:
                storyline_of[article] = storyline["storyline"]

    topics = collections.defaultdict(list)
    for record in read_jsonl(os.path.join(corpus, "gold.jsonl")):
        topics[record["storyline"]].append(record["id"])
    timelines = collections.defaultdict(list)  # topic -> [set of gold dates], one per timeline
    timeline_dir = os.path.join(corpus, "timelines")
    for name in sorted(os.listdir(timeline_dir)):
        if not name.endswith(".jsonl"):
            continue
        topic = name[: -len(".jsonl")].rsplit("_", 1)[0]
        for timeline in read_jsonl(os.path.join(timeline_dir, name)):
            timelines[topic].append({date for date, _ in timeline})

    print("%-16s %9s %8s %9s %10s %9s %6s %6s %6s %12s %14s %10s" %
          ("topic", "storyline", "articles", "holds", "is topic", "timelines", "P", "R", "F1", "key-dates F1",
           "own key dates", "in span F1"))
    f1s, key_f1s, own_f1s, window_f1s, ceilings = [], [], [], [], []
    for topic in sorted(timelines):
        ids = topics.get(topic, [])
        votes = collections.Counter(storyline_of[i] for i in ids if i in storyline_of)
        if not votes:
            print("%-16s no articles in the input; skipped" % topic)
            continue
        number, held = min(votes.items(), key=lambda item: (-item[1], item[0]))
        storyline = by_number[number]
        own = own_key_dates(ids)
        scores, key_scores, own_scores, window_scores = [], [], [], []
        ceiling = []  # per timeline: N, days pointed at, F1 of the first N, gold shares (first 2N, 4N, all)
        for gold in timelines[topic]:
            if len(gold) not in top_runs:
                top_runs[len(gold)] = lay_out(len(gold))
            kept = top_runs[len(gold)][number]
            scores.append(date_scores({s["date"] for s in kept["stories"] if s["date"]}, gold))
            # The protocol of the timeline-summarisation literature: the input limited to the reference
            # timeline's own span, from its first date to its last.
            window = (min(gold), max(gold))
            run = (len(gold),) + window
            if run not in window_runs:
                window_runs[run] = lay_out(len(gold), window)
            in_window = window_runs[run].get(number, {"stories": []})  # none of its articles in the span
            window_scores.append(date_scores({s["date"] for s in in_window["stories"] if s["date"]}, gold)[2])
            key_dates = {k["date"] for k in kept["key_dates"]}
            key_scores.append(date_scores(key_dates, gold)[2])
            own_scores.append(date_scores(set(by_count(own)[: len(gold)]), gold)[2])
            # The ceiling of counting: the topic's own articles in the span, and how many of the gold days
            # are among the first N (the F1), 2N and 4N days they point at most. Where the first 2N hold about
            # half the gold days, N days reach the bar only if some other signal tells those apart from the
            # rest nearly without a miss.
            in_span = by_count(own_key_dates(ids, window))
            ceiling.append([len(gold), len(in_span), date_scores(set(in_span[: len(gold)]), gold)[2]] +
                           [len(set(in_span[: k * len(gold)]) & gold) / len(gold) for k in REACH] +
                           [len(set(in_span) & gold) / len(gold)])
        p, r, f1 = (sum(column) / len(scores) for column in zip(*scores))
        key_f1 = sum(key_scores) / len(key_scores)
        own_f1 = sum(own_scores) / len(own_scores)
        window_f1 = sum(window_scores) / len(window_scores)
        window_f1s.append(window_f1)
        ceilings.append((topic, [sum(column) / len(ceiling) for column in zip(*ceiling)]))
        f1s.append(f1)
        key_f1s.append(key_f1)
        own_f1s.append(own_f1)
        below = [name for name, value in (("stories", f1), ("key dates", key_f1), ("in span", window_f1))
                 if value < BAR]
        print("%-16s %9d %8d %8.1f%% %9.1f%% %9d %6.3f %6.3f %6.3f %12.3f %14.3f %10.3f%s" %
              (topic, number, len(ids), 100.0 * held / len(ids), 100.0 * held / storyline["articles"],
               len(scores), p, r, f1, key_f1, own_f1, window_f1,
               "  (below %.2f: %s)" % (BAR, ", ".join(below)) if below else ""))
    if f1s:
        print("%-16s %76.3f %12.3f %14.3f %10.3f  (at or above %.2f: stories %d, key dates %d, own key dates %d, "
              "in span %d of %d topics)" %
              ("mean", sum(f1s) / len(f1s), sum(key_f1s) / len(key_f1s), sum(own_f1s) / len(own_f1s),
               sum(window_f1s) / len(window_f1s), BAR, sum(f >= BAR for f in f1s), sum(f >= BAR for f in key_f1s),
               sum(f >= BAR for f in own_f1s), sum(f >= BAR for f in window_f1s), len(key_f1s)))
        print()
        print("The topic's own articles within each gold timeline's span, days ranked by how many point at them:")
        # With N days for N gold days, precision, recall and F1 are the same: the share of gold days found.
        # Per topic, averaged over its timelines: N, the days pointed at in the span, then shares of the gold
        # days: among the first N (the F1), 2N and 4N of them, and among all of them.
        print("%-16s %6s %12s %14s %s %16s" % ("topic", "N", "days counted", "first N: F1",
                                            " ".join("gold in first %dN" % k for k in REACH), "gold counted"))
        means = [sum(column) / len(ceilings) for column in zip(*(row for _, row in ceilings))]
        for topic, row in ceilings + [("mean", means)]:
            print("%-16s %6.1f %12.1f %14.3f %s" % (topic, row[0], row[1], row[2],
                                                   " ".join("%16.3f" % share for share in row[3:])))


if __name__ == "__main__":
    main()
