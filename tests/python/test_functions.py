"""storyline.analyze, similar, dedup and cluster: the CLI's answers, as plain Python objects."""

import datetime
import threading

import pytest

import storyline
from conftest import CHESS, HARBOUR, article


def test_analyze_one_article_is_what_the_cli_prints(articles, cli):
    result = storyline.analyze(articles[0])
    assert list(result) == ["id", "lang", "lang_detected", "published", "words", "terms", "entities", "dates"]
    assert result["id"] == "harbour-1"
    assert result["lang"] == "en"
    assert result["published"] == "2021-03-01"
    assert {"name": "Carlos Moedas", "kind": "person", "mentions": 1} in result["entities"]
    assert len(result["terms"]) == 10
    assert result == cli(["analyze", "--quiet"], articles[:1])[0]


def test_analyze_a_stream_weighs_terms_as_the_cli_does(articles, cli):
    results = storyline.analyze(iter(articles), top_terms=0)
    assert results == cli(["analyze", "--quiet", "--top-terms", "0"], articles)


def test_similar_is_similar_json(articles, tmp_path, cli):
    result = storyline.similar(articles[0], articles[4])
    assert list(result) == ["verdict", "score", "evidence", "signals"]
    assert result["verdict"] in ("same_story", "same_storyline")
    assert 1.0 <= result["score"] <= 4.0
    assert "Carlos Moedas" in result["evidence"]["shared_entities"]["people"]
    paths = []
    for a in (articles[0], articles[4]):
        path = tmp_path / f"{a['id']}.json"
        path.write_text(__import__("json").dumps(a), encoding="utf-8")
        paths.append(str(path))
    assert result == cli(["similar", "--json", *paths])[0]
    assert storyline.similar(articles[0], articles[2])["verdict"] == "duplicate"
    assert storyline.similar(articles[0], articles[1])["verdict"] == "unrelated"


def test_similar_options_reach_the_comparer(articles):
    # 0.5 days apart is over a limit of 0.1 days: one storyline, not one story.
    assert storyline.similar(articles[0], articles[4], same_story_days=0.1)["verdict"] != "same_story"
    with pytest.raises(storyline.Error) as raised:
        storyline.similar(articles[0], articles[4], duplicate_threshold=1.5)
    assert raised.value.code == "invalid argument"
    with pytest.raises(storyline.Error) as raised:
        storyline.similar(articles[0], articles[4], entities_across_languages=0)
    assert "storyline_min_entities_across_languages" in str(raised.value)


def test_similar_says_the_seeds_are_one_storyline(seeds):
    assert storyline.similar(seeds[0], seeds[1])["verdict"] == "same_storyline"


def test_dedup_gives_the_cli_verdicts(articles, cli):
    results = storyline.dedup(articles)
    assert results == cli(["dedup", "--quiet"], articles)
    by_id = {r["id"]: r for r in results}
    assert by_id["harbour-copy"] == {"id": "harbour-copy", "duplicate_of": "harbour-1", "similarity": 1.0,
                                     "exact": True}
    assert by_id["harbour-1"]["duplicate_of"] is None and by_id["rail"]["similarity"] is None
    assert [r["id"] for r in results] == [a["id"] for a in articles]


def test_dedup_options(articles):
    near = [article("a", CHESS), article("b", CHESS.replace("tense", "long"))]
    assert storyline.dedup(near)[1]["duplicate_of"] == "a"
    assert storyline.dedup(near, threshold=1.0, threads=1)[1]["duplicate_of"] is None
    assert storyline.dedup(near, shingle_kind="chars", shingle_size=5)[1]["duplicate_of"] == "a"
    with pytest.raises(storyline.Error, match="shingle_kind"):
        storyline.dedup(near, shingle_kind="lines")
    with pytest.raises(storyline.Error) as raised:
        storyline.dedup(near, threshold=0)
    assert raised.value.code == "invalid argument"


def test_dedup_streams_a_generator_in_batches():
    # Pairs of copies: n0 and n1 share their text, n2 and n3 theirs, ...
    many = (article(f"n{i}", " ".join(f"w{i // 2}x{j}" for j in range(40))) for i in range(5000))
    results = storyline.dedup(many)
    assert len(results) == 5000
    assert [r["duplicate_of"] for r in results[:4]] == [None, "n0", None, "n2"]
    assert sum(r["duplicate_of"] is not None for r in results) == 2500


def test_cluster_is_what_the_cli_prints(articles, cli):
    results = storyline.cluster(articles)
    assert results == cli(["cluster", "--quiet"], articles)
    assert all(list(r) == ["id", "story", "storyline", "duplicate_of"] for r in results)
    # Publication order: the chess final (18:00) comes before the harbour fire (21:00).
    assert [r["id"] for r in results][:2] == ["chess", "harbour-1"]
    by_id = {r["id"]: r for r in results}
    assert by_id["harbour-copy"]["duplicate_of"] == "harbour-1"
    assert by_id["harbour-copy"]["story"] == by_id["harbour-1"]["story"]
    assert by_id["rail"]["story"] != by_id["harbour-1"]["story"] != by_id["chess"]["story"]


def test_cluster_options(articles, cli):
    # A buffer of one article barely reorders a stream that runs backwards in time.
    backwards = articles[::-1]
    results = storyline.cluster(backwards, reorder_buffer=1)
    assert [r["id"] for r in results] != [r["id"] for r in storyline.cluster(backwards)]
    assert results == cli(["cluster", "--quiet", "--reorder-buffer", "1"], backwards)
    strict = storyline.cluster(articles, join_threshold=1.0, storyline_threshold=1.0)
    stories = {r["id"]: r["story"] for r in strict}
    assert stories["harbour-2"] != stories["harbour-1"]  # nothing reaches probability 1 ...
    assert stories["harbour-copy"] == stories["harbour-1"]  # ... but copies still join their original
    for bad in ({"retire_after_days": 0}, {"max_story_days": -1}, {"join_threshold": 2.0},
                {"storyline_retire_after_days": float("nan")}):
        with pytest.raises(storyline.Error) as raised:
            storyline.cluster(articles, **bad)
        assert raised.value.code == "invalid argument"


def test_dates_may_be_datetime_objects(articles):
    dated = dict(articles[0], published=datetime.datetime(2021, 3, 1, 21, 0, tzinfo=datetime.timezone.utc))
    assert storyline.analyze(dated)["published"] == "2021-03-01"
    assert storyline.analyze(dict(articles[0], published=datetime.date(2021, 3, 4)))["published"] == "2021-03-04"


def test_calls_run_in_threads(articles):
    # The GIL is released while the engine works; each call has its own engine objects.
    results = [None] * 4

    def work(slot):
        results[slot] = storyline.cluster(articles * 1 if slot % 2 else articles)

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == results[0] for result in results)
