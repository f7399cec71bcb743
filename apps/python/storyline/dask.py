"""storyline.dask: copies and stories of a corpus split into many JSON Lines shards, over a Dask cluster.

    python3 -m storyline.dask [--scheduler ADDRESS | --workers N] [-o OUT] [--dedup-output FILE] SHARD...

prints what `storyline cluster` prints for the concatenated shards (one JSON line per article, in
publication order: id, story, storyline, duplicate_of), and with --dedup-output also what `storyline dedup`
prints (one line per article, in input order). docs/dask.md has the measurements.

How the work is split, and why the answer matches the single-process one:

Copies. Copy groups are global: two articles in different shards, or years apart, are still copies. Each
shard is sketched on its own (content hash, LSH band keys, one byte per MinHash permutation: the library's
Sketcher, so the values are those `storyline dedup` computes). The band keys are then shuffled by
(band, key) into partitions; in each partition, articles sharing a key are candidate pairs. That is the set
of pairs the single-process index looks up, since its band tables match on the same keys, band by band.
Every candidate is verified by the library's rule (same content hash: exact copy; otherwise both texts
have words and the corrected b-bit estimate is >= the threshold), the verified pairs are joined into
connected components, and each group's representative is its earliest article by published time, then
input order (articles without a date last). The components do not depend on the order pairs arrive in,
so the groups are the same as `storyline dedup` on the shards concatenated in the order given.

Stories. A story is one event: once its first article is more than max_story_days old it takes no new
article. The articles are put in publication order and cut into windows of consecutive articles; each
window's task clusters its own articles plus an overlap, the articles of the overlap_days (default
max_story_days) before its first one. Any story holding an article of the window can only have begun
within max_story_days before it, so the task sees every article the single-process run could have put in
that story. (Copies are the exception: a copy joins its original's story whatever the story's age, if
the original is still in the clusterer's copy index, up to two retirement windows back; a larger
--overlap-days covers that too.) An article clustered by two tasks (its own window and the overlap of a
later one) links the two window-local stories it belongs to; union-find over those links gives the
stitched stories.

Storylines and the final numbering. A storyline's profile is built from all articles of its stories, in
stream order, so storylines are linked in one last pass over the whole stream: the library's clusterer,
with each article put into its stitched story (StoryClusterer::add_forced) and storylines chosen by the
storyline model exactly as in `storyline cluster`. That pass also numbers stories and storylines as they
open and finds each article's duplicate_of as `cluster` does. It is one task, on one worker, and costs
about as much as a single-process run without the model's story decisions: docs/dask.md discusses it.
"""

import argparse
import gzip
import json
import math
import operator
import sys
import time

import numpy as np

import storyline
from storyline import _storyline as _engine

__all__ = ["run", "DaskResult", "main"]

_SECONDS_PER_DAY = 86400.0
_UNDATED_LAST = np.iinfo(np.int64).max  # dedup: articles without a date come after dated ones
_UNDATED_FIRST = np.iinfo(np.int64).min


class DaskResult:
    """What run() returns: `cluster` (one dict per article, as `storyline cluster`, in publication order,
    or None with dedup_only), `dedup` (one dict per article, as `storyline dedup`, in input order) and
    `timings` (seconds per stage) and `windows` (how many time windows were clustered; 0 with
    dedup_only)."""

    def __init__(self, cluster, dedup, timings, windows=0):
        self.cluster = cluster
        self.dedup = dedup
        self.timings = timings
        self.windows = windows


def _shard_error(path, line, code, reason):
    # The same exception type, and the same fields, as the engine's errors about a file.
    error = storyline.Error(f"{path}:{line}: {reason}")
    error.code, error.reason, error.file, error.line, error.index = code, reason, path, line, None
    return error


def _open(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape")
    return open(path, "r", encoding="utf-8", errors="surrogateescape")


def _load_shard(path):
    """The articles of one JSON Lines shard (blank lines skipped, as the CLI's reader does) and the line
    each came from. A line that is not a JSON object raises storyline.Error with file and line."""
    articles, lines = [], []
    with _open(path) as stream:
        for number, text in enumerate(stream, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except ValueError as error:
                raise _shard_error(path, number, "malformed JSON", f"not valid JSON: {error}") from None
            if not isinstance(record, dict):
                raise _shard_error(path, number, "malformed JSON", "the record is not a JSON object")
            articles.append(record)
            lines.append(number)
    return articles, lines


def _sketch_shard(loaded, path, dedup):
    articles, lines = loaded
    out = _engine._sketch(articles, file=path, lines=lines, **dedup)
    n, bands, k = len(out["ids"]), out["bands"], out["permutations"]
    published = np.array([_UNDATED_LAST if p is None else p for p in out["published"]], dtype=np.int64)
    return {
        "ids": out["ids"],
        "published": published,
        "dated": np.array([p is not None for p in out["published"]], dtype=bool),
        "content": np.frombuffer(out["content"], dtype=np.uint64).reshape(n, 2),
        "band_keys": np.frombuffer(out["band_keys"], dtype=np.uint32).reshape(n, bands),
        "signatures": np.frombuffer(out["signatures"], dtype=np.uint8).reshape(n, k),
        "has_words": np.frombuffer(out["has_words"], dtype=np.uint8).astype(bool),
    }


def _sketch_summary(sketch):
    # Everything but the band keys, which stay on the workers for the shuffle.
    return (sketch["ids"], sketch["published"], sketch["dated"], sketch["content"], sketch["has_words"],
            sketch["signatures"])


def _band_buckets(sketch, first_doc, partitions):
    """Map side of the shuffle: every (band, key, doc) of the shard, split by a hash of (band, key)."""
    keys = sketch["band_keys"]
    n, bands = keys.shape
    band_key = (np.arange(bands, dtype=np.uint64)[None, :] << np.uint64(32)) | keys.astype(np.uint64)
    band_key = band_key.reshape(-1)
    docs = np.repeat(np.arange(first_doc, first_doc + n, dtype=np.uint32), bands)
    # A multiplicative hash spreads (band, key) evenly whatever the keys look like.
    part = ((band_key * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(40)) % np.uint64(partitions)
    return [(band_key[part == p], docs[part == p]) for p in range(partitions)]


def _candidate_pairs(*pieces):
    """Reduce side: the pairs of articles that share a band key, as unique (low << 32 | high) numbers."""
    keys = np.concatenate([piece[0] for piece in pieces]) if pieces else np.empty(0, np.uint64)
    docs = np.concatenate([piece[1] for piece in pieces]) if pieces else np.empty(0, np.uint32)
    if keys.size == 0:
        return np.empty(0, np.uint64)
    order = np.argsort(keys, kind="stable")
    keys, docs = keys[order], docs[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, keys.size])
    found = []
    two = starts[sizes == 2]
    if two.size:
        found.append((docs[two], docs[two + 1]))
    for start, size in zip(starts[sizes > 2], sizes[sizes > 2]):
        group = docs[start:start + size]
        i, j = np.triu_indices(size, k=1)
        found.append((group[i], group[j]))
    if not found:
        return np.empty(0, np.uint64)
    a = np.concatenate([f[0] for f in found]).astype(np.uint64)
    b = np.concatenate([f[1] for f in found]).astype(np.uint64)
    low, high = np.minimum(a, b), np.maximum(a, b)
    return np.unique((low << np.uint64(32)) | high)


def _verify(pairs, signatures, content, has_words, threshold):
    """The library's verification of candidates (DedupIndex): exact when the content hashes are equal,
    near when both texts have words and the estimated similarity reaches the threshold."""
    a = (pairs >> np.uint64(32)).astype(np.uint32)
    b = (pairs & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    exact = np.all(content[a] == content[b], axis=1)
    estimate = _engine._estimate_pairs(signatures, a, b)
    near = has_words[a] & has_words[b] & (estimate >= threshold)
    keep = exact | near
    return a[keep], b[keep]


def _components(n, a, b):
    """Connected components of the graph with edges (a[i], b[i]): each node's label is the smallest node of
    its component. Hooking every edge's larger root under the smaller, then pointer jumping, until no edge
    joins two labels; vectorised, so millions of pairs take well under a second."""
    label = np.arange(n, dtype=np.int64)
    while a.size:
        la, lb = label[a], label[b]
        if np.array_equal(la, lb):
            break
        low = np.minimum(la, lb)
        np.minimum.at(label, la, low)
        np.minimum.at(label, lb, low)
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
    return label


class _UnionFind:
    def __init__(self, size):
        self.parent = list(range(size))

    def find(self, x):
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def unite(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _split_for_windows(loaded, ranks, starts, ends):
    """Each article of the shard, with its rank in publication order, for every window that clusters it
    (its own, and the overlap of later ones)."""
    articles, _ = loaded
    out = [[] for _ in starts]
    for article, rank in zip(articles, ranks):
        # Windows whose [start, end) holds the rank: ends are increasing, so from the first end > rank on.
        w = int(np.searchsorted(ends, rank, side="right"))
        while w < len(starts) and starts[w] <= rank:
            out[w].append((int(rank), article))
            w += 1
    return out


def _cluster_window(params, *pieces):
    """One window: its articles (and its overlap) clustered as one stream, in publication order. Returns
    the ranks and the window-local story of each."""
    items = sorted((item for piece in pieces for item in piece), key=operator.itemgetter(0))
    articles = [article for _, article in items]
    # Already in publication order, so the reorder buffer keeps that order (ties stay in input order).
    result = storyline.cluster(articles, reorder_buffer=len(articles) + 1, **params)
    for (rank, article), assigned in zip(items, result):
        if str(article["id"]) != assigned["id"]:
            raise RuntimeError(f"window order changed at rank {rank}")
    return (np.array([rank for rank, _ in items], dtype=np.int64),
            np.array([assigned["story"] for assigned in result], dtype=np.int64))


def _link_storylines(params, labels_by_rank, *pieces):
    """The final pass: every article in publication order, in its stitched story."""
    items = sorted((item for piece in pieces for item in piece), key=operator.itemgetter(0))
    labels = [int(labels_by_rank[rank]) for rank, _ in items]
    return _engine._cluster_given_stories([article for _, article in items], labels, **params)


def _ranks_for_shard(loaded, ranks):
    """For the final pass: every article of the shard with its rank."""
    articles, _ = loaded
    return [(int(rank), article) for article, rank in zip(articles, ranks)]


def run(shards, client, *, threshold=0.45, shingle_kind="words", shingle_size=2, permutations=128,
        retire_after_days=7.0, max_story_days=7.0, storyline_retire_after_days=1095.0, join_threshold=None,
        storyline_threshold=None, windows=None, overlap_days=None, partitions=None, dedup_only=False):
    """Copies and stories of the shards (paths of JSON Lines files, read as if concatenated in this
    order) on the Dask `client`. Keyword arguments are those of storyline.dedup and storyline.cluster,
    plus windows (default: about 20,000 articles each, at least two per worker, none spanning less
    time than the overlap), overlap_days (default
    max_story_days) and partitions of the band-key shuffle (default: two per worker). Bad input raises
    storyline.Error naming the file and line."""
    shards = [str(path) for path in shards]
    if not shards:
        raise ValueError("no shards given")
    if overlap_days is None:
        overlap_days = max_story_days
    if overlap_days < max_story_days:
        raise ValueError("overlap_days must be at least max_story_days, or stories could cross a window edge unseen")
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    partitions = partitions or 2 * workers
    dedup_params = dict(threshold=threshold, shingle_kind=shingle_kind, shingle_size=shingle_size,
                        permutations=permutations)
    timings = {}
    started = time.perf_counter()

    # 1. Read and sketch every shard where it is read; only the small parts come back.
    loaded = [client.submit(_load_shard, path, pure=False) for path in shards]
    sketched = [client.submit(_sketch_shard, shard, path, dedup_params, pure=False)
                for shard, path in zip(loaded, shards)]
    meta = client.gather([client.submit(_sketch_summary, s, pure=False) for s in sketched])
    sizes = [len(m[0]) for m in meta]
    firsts = np.r_[0, np.cumsum(sizes)].astype(np.int64)
    ids = [i for m in meta for i in m[0]]
    published = np.concatenate([m[1] for m in meta]) if ids else np.empty(0, np.int64)
    dated = np.concatenate([m[2] for m in meta]) if ids else np.empty(0, bool)
    content = np.concatenate([m[3] for m in meta]) if ids else np.empty((0, 2), np.uint64)
    has_words = np.concatenate([m[4] for m in meta]) if ids else np.empty(0, bool)
    signatures = np.concatenate([m[5] for m in meta]) if ids else np.empty((0, permutations), np.uint8)
    n = len(ids)
    timings["read_and_sketch"] = time.perf_counter() - started
    if n == 0:
        client.cancel(loaded + sketched)
        return DaskResult(None if dedup_only else [], [], timings)

    # 2. Copies: shuffle the band keys, pair up, verify, group.
    step = time.perf_counter()
    buckets = [client.submit(_band_buckets, s, int(first), partitions, pure=False)
               for s, first in zip(sketched, firsts)]
    pair_futures = [client.submit(_candidate_pairs,
                                  *[client.submit(operator.getitem, b, p, pure=False) for b in buckets],
                                  pure=False)
                    for p in range(partitions)]
    pairs = client.gather(pair_futures)
    pairs = np.unique(np.concatenate(pairs)) if pairs else np.empty(0, np.uint64)
    shared = client.scatter([signatures, content, has_words], broadcast=True)
    chunks = client.scatter(np.array_split(pairs, partitions)) if pairs.size else []
    verified = client.gather([client.submit(_verify, chunk, *shared, threshold, pure=False) for chunk in chunks])
    first = np.concatenate([a for a, _ in verified]) if verified else np.empty(0, np.uint32)
    second = np.concatenate([b for _, b in verified]) if verified else np.empty(0, np.uint32)
    root = _components(n, first.astype(np.int64), second.astype(np.int64))
    # Representative: earliest by published time (undated last), then input order.
    by_age = np.lexsort((np.arange(n), published))
    roots_by_age, earliest = np.unique(root[by_age], return_index=True)
    best = np.empty(n, dtype=np.int64)
    best[roots_by_age] = by_age[earliest]
    representative_of = best[root]
    copies_array = np.flatnonzero(representative_of != np.arange(n)).astype(np.uint32)
    representative = representative_of[copies_array].astype(np.uint32)
    copies = copies_array.tolist()
    exact = np.all(content[copies_array] == content[representative], axis=1) if copies else np.empty(0, bool)
    similarity = _engine._estimate_pairs(signatures, copies_array, representative) if copies else []
    verdict_of = {doc: (int(rep), float(1.0 if ex else sim))
                  for doc, rep, ex, sim in zip(copies, representative, exact, similarity)}
    exact_of = dict(zip(copies, exact.tolist()))
    dedup = []
    for doc in range(n):
        if doc in verdict_of:
            rep, sim = verdict_of[doc]
            dedup.append(_engine._copy_verdict(ids[doc], ids[rep], sim, bool(exact_of[doc])))
        else:
            dedup.append(_engine._copy_verdict(ids[doc], None, 0.0, False))
    timings["dedup"] = time.perf_counter() - step
    if dedup_only:
        client.cancel(loaded + sketched)
        return DaskResult(None, dedup, timings)

    # 3. Stories: publication order as `storyline cluster` takes it (an undated article keeps the time of
    # the last dated article before it in the input), cut into windows with an overlap before each.
    step = time.perf_counter()
    last_dated = np.maximum.accumulate(np.where(dated, np.arange(n), -1)) if n else np.empty(0, np.int64)
    effective = np.where(last_dated >= 0, published[np.maximum(last_dated, 0)], _UNDATED_FIRST)
    order = np.lexsort((np.arange(n), effective))
    rank_of = np.empty(n, dtype=np.int64)
    rank_of[order] = np.arange(n)
    sorted_time = effective[order]
    overlap = int(overlap_days * _SECONDS_PER_DAY)
    if windows:
        count = windows
    else:
        # Enough windows to keep every worker busy, but none shorter than its overlap: on a dense stream
        # a shorter window would cluster more of its predecessors' articles than of its own.
        count = max(2 * workers, math.ceil(n / 20000))
        dated_times = sorted_time[sorted_time != _UNDATED_FIRST]
        if overlap > 0 and dated_times.size:
            count = min(count, max(1, int((dated_times[-1] - dated_times[0]) // overlap)))
    count = max(1, min(count, n))
    bounds = [n * w // count for w in range(count + 1)]
    starts, ends = [], []
    for w in range(count):
        lo, hi = bounds[w], bounds[w + 1]
        # Undated articles at the head of the stream all share the earliest time: an overlap takes them all.
        edge = sorted_time[lo] - overlap if sorted_time[lo] != _UNDATED_FIRST else _UNDATED_FIRST
        begin = int(np.searchsorted(sorted_time, edge, side="left"))
        starts.append(begin)
        ends.append(hi)
    starts_array, ends_array = np.array(starts), np.array(ends)
    cluster_params = dict(retire_after_days=retire_after_days, max_story_days=max_story_days,
                          storyline_retire_after_days=storyline_retire_after_days,
                          join_threshold=join_threshold, storyline_threshold=storyline_threshold)
    splits = [client.submit(_split_for_windows, shard, rank_of[firsts[s]:firsts[s + 1]], starts_array,
                            ends_array, pure=False)
              for s, shard in enumerate(loaded)]
    window_futures = [client.submit(_cluster_window, cluster_params,
                                    *[client.submit(operator.getitem, split, w, pure=False) for split in splits],
                                    pure=False)
                      for w in range(count)]
    window_results = client.gather(window_futures)
    client.cancel(splits)
    timings["windows"] = time.perf_counter() - step

    # 4. Stitch: an article clustered by two windows links their local stories.
    step = time.perf_counter()
    node_base = np.r_[0, np.cumsum([int(r[1].max()) + 1 if r[1].size else 0 for r in window_results])]
    owner_window = np.searchsorted(ends_array, np.arange(n), side="right")
    node_of_rank = np.full(n, -1, dtype=np.int64)
    links = _UnionFind(int(node_base[-1]))
    for w, (ranks, stories) in enumerate(window_results):
        nodes = stories + node_base[w]
        own = owner_window[ranks] == w
        node_of_rank[ranks[own]] = nodes[own]
    for w, (ranks, stories) in enumerate(window_results):
        nodes = stories + node_base[w]
        seen = owner_window[ranks] != w
        for rank, node in zip(ranks[seen].tolist(), nodes[seen].tolist()):
            links.unite(int(node_of_rank[rank]), node)
    labels_by_rank = np.array([links.find(int(node)) for node in node_of_rank], dtype=np.int64)
    timings["stitch"] = time.perf_counter() - step

    # 5. Storylines (and the final numbering) in one pass over the stitched stories.
    step = time.perf_counter()
    final_params = dict(retire_after_days=retire_after_days, max_story_days=max_story_days,
                        storyline_retire_after_days=storyline_retire_after_days,
                        storyline_threshold=storyline_threshold)
    pieces = [client.submit(_ranks_for_shard, shard, rank_of[firsts[s]:firsts[s + 1]], pure=False)
              for s, shard in enumerate(loaded)]
    labels_future = client.scatter(labels_by_rank)
    cluster = client.submit(_link_storylines, final_params, labels_future, *pieces, pure=False).result()
    client.cancel(loaded + sketched + pieces)
    timings["storylines"] = time.perf_counter() - step
    return DaskResult(cluster, dedup, timings, count)


def _write(lines, path):
    stream = sys.stdout if path in (None, "-") else open(path, "w", encoding="utf-8")
    try:
        for line in lines:
            stream.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
            stream.write("\n")
    finally:
        if stream is not sys.stdout:
            stream.close()


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m storyline.dask",
        description="Copies and stories of JSON Lines shards over a Dask cluster; prints what "
                    "`storyline cluster` prints for the shards concatenated in the order given.")
    parser.add_argument("shards", nargs="+", metavar="SHARD", help="JSON Lines files (.jsonl or .jsonl.gz)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler (`dask scheduler`)")
    where.add_argument("--workers", type=int, default=2, help="worker processes of a local cluster (default 2)")
    parser.add_argument("-o", "--output", metavar="FILE", help="the cluster output (default: stdout)")
    parser.add_argument("--dedup-output", metavar="FILE", help="also write `storyline dedup`'s output here")
    parser.add_argument("--dedup-only", action="store_true",
                        help="only copies: write `storyline dedup`'s output to --output")
    parser.add_argument("--threshold", type=float, default=0.45)
    parser.add_argument("--shingle-kind", choices=("words", "chars"), default="words")
    parser.add_argument("--shingle-size", type=int, default=2)
    parser.add_argument("--permutations", type=int, default=128)
    parser.add_argument("--retire-after-days", type=float, default=7.0)
    parser.add_argument("--max-story-days", type=float, default=7.0)
    parser.add_argument("--storyline-retire-after-days", type=float, default=1095.0)
    parser.add_argument("--join-threshold", type=float)
    parser.add_argument("--storyline-threshold", type=float)
    parser.add_argument("--windows", type=int, help="time windows clustered in parallel (default: ~20,000 "
                                                    "articles each, at least two per worker, none shorter "
                                                    "than the overlap)")
    parser.add_argument("--overlap-days", type=float,
                        help="articles before each window clustered with it (default: --max-story-days)")
    parser.add_argument("--quiet", action="store_true", help="no timings on stderr")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster  # here, so that importing the module stays cheap

    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    try:
        result = run(args.shards, client, threshold=args.threshold, shingle_kind=args.shingle_kind,
                     shingle_size=args.shingle_size, permutations=args.permutations,
                     retire_after_days=args.retire_after_days, max_story_days=args.max_story_days,
                     storyline_retire_after_days=args.storyline_retire_after_days,
                     join_threshold=args.join_threshold, storyline_threshold=args.storyline_threshold,
                     windows=args.windows, overlap_days=args.overlap_days, dedup_only=args.dedup_only)
    except storyline.Error as error:
        print(f"storyline.dask: {error}", file=sys.stderr)
        return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if args.dedup_only:
        _write(result.dedup, args.output)
    else:
        _write(result.cluster, args.output)
        if args.dedup_output:
            _write(result.dedup, args.dedup_output)
    if not args.quiet:
        figures = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in result.timings.items())
        print(f"storyline.dask: {len(result.dedup)} articles, {result.windows} windows; {figures}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    # Run through the package's name, so that the tasks pickle as storyline.dask.* and workers find them.
    import storyline.dask as _driver

    sys.exit(_driver.main())
