"""storyline.dask against the module's single-process answers: the same copy groups, the same stories,
on a corpus split into shards out of publication order, and bad input named by file and line."""

import datetime
import json
import random

import pytest

import storyline

distributed = pytest.importorskip("distributed")
storyline_dask = pytest.importorskip("storyline.dask")

START = datetime.datetime(2024, 1, 1, 8)
SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vu", "zel", "pri", "don", "sha", "qu", "bel", "nor", "fi"]


def made_up_words(rng, count):
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def corpus():
    """Eight events a few days apart, each reported six times in its own words over three days, plus
    exact copies (case and punctuation changed) and lightly edited copies. Returns articles in input
    order (not publication order)."""
    rng = random.Random(7)
    articles = []
    for event in range(8):
        vocabulary = made_up_words(rng, 60)
        place = vocabulary[0].capitalize() + " " + vocabulary[1].capitalize()
        for report in range(6):
            words = [rng.choice(vocabulary) for _ in range(70)]
            text = f"{place} officials said. " + " ".join(words) + "."
            published = START + datetime.timedelta(days=event * 5 + report // 2, hours=report)
            articles.append({"id": f"e{event}r{report}", "title": f"{place} report {report}", "text": text,
                             "published": published.isoformat() + "Z"})
        original = articles[-6]
        articles.append({"id": f"e{event}exact", "text": original["text"].upper().replace(".", "!"),
                         "published": original["published"].replace("T08", "T18")})
        edited = original["text"].split()
        for i in range(0, len(edited), 12):
            edited[i] = "changed"
        articles.append({"id": f"e{event}edit", "text": " ".join(edited),
                         "published": original["published"][:10] + "T23:30:00Z"})
    rng.shuffle(articles)
    return articles


def write_shards(directory, articles, count):
    paths = []
    for shard in range(count):
        path = directory / f"shard{shard}.jsonl"
        with open(path, "w", encoding="utf-8") as stream:
            for article in articles[shard::count]:
                stream.write(json.dumps(article) + "\n")
        paths.append(path)
    # Read in shard order, the concatenation is every count-th article from each offset.
    concatenated = [article for shard in range(count) for article in articles[shard::count]]
    return paths, concatenated


def partition(lines, field):
    groups = {}
    for line in lines:
        groups.setdefault(line[field], set()).add(line["id"])
    return sorted(sorted(group) for group in groups.values())


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=":0")
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def test_same_copy_groups_as_dedup(client, tmp_path):
    paths, concatenated = write_shards(tmp_path, corpus(), 5)
    result = storyline_dask.run(paths, client, dedup_only=True)
    expected = storyline.dedup(concatenated, threads=1)
    assert result.cluster is None
    assert result.dedup == expected
    assert sum(line["duplicate_of"] is not None for line in expected) == 16
    assert sum(line["exact"] for line in expected) == 8


def test_same_stories_as_cluster(client, tmp_path):
    paths, concatenated = write_shards(tmp_path, corpus(), 5)
    # Four windows over forty days: every event's reports meet a window edge or an overlap somewhere.
    result = storyline_dask.run(paths, client, windows=4)
    expected = storyline.cluster(concatenated, reorder_buffer=len(concatenated))
    assert [line["id"] for line in result.cluster] == [line["id"] for line in expected]
    assert partition(result.cluster, "story") == partition(expected, "story")
    assert 8 <= len(partition(expected, "story")) <= 10  # one or two events may split in two
    assert [line["duplicate_of"] for line in result.cluster] == [line["duplicate_of"] for line in expected]
    assert [line["storyline"] for line in result.cluster] == [line["storyline"] for line in expected]
    assert result.dedup == storyline.dedup(concatenated, threads=1)


def test_one_window_is_the_single_process_run(client, tmp_path):
    paths, concatenated = write_shards(tmp_path, corpus(), 3)
    result = storyline_dask.run(paths, client, windows=1)
    assert result.cluster == storyline.cluster(concatenated, reorder_buffer=len(concatenated))


def test_malformed_json_names_file_and_line(client, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "text": "one two three"}) + "\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "b", "text": "four five"}) + "\n\n{\"id\": \"c\", \"text\": \n")
    with pytest.raises(storyline.Error) as caught:
        storyline_dask.run([good, bad], client)
    assert caught.value.file == str(bad) and caught.value.line == 3
    assert f"{bad}:3:" in str(caught.value)


def test_missing_text_names_file_and_line(client, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "fine"}) + "\n" + json.dumps({"id": "b"}) + "\n")
    with pytest.raises(storyline.Error) as caught:
        storyline_dask.run([bad], client)
    assert caught.value.code == "missing field"
    assert caught.value.file == str(bad) and caught.value.line == 2


def test_empty_shards_give_nothing(client, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    result = storyline_dask.run([empty, empty], client)
    assert result.cluster == [] and result.dedup == []


def test_overlap_shorter_than_a_story_is_refused(client, tmp_path):
    paths, _ = write_shards(tmp_path, corpus(), 2)
    with pytest.raises(ValueError):
        storyline_dask.run(paths, client, overlap_days=1.0)
