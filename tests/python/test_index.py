"""storyline.Index: the persistent store, as `storyline ingest` and the HTTP API use it."""

import pytest

import storyline
from conftest import CHESS, article


def test_add_answers_as_post_articles(index, articles):
    results = index.add(iter(articles))
    assert [r["id"] for r in results] == [a["id"] for a in articles]  # the input's order
    assert all(list(r) == ["id", "status", "position", "story", "storyline", "duplicate_of"] for r in results)
    assert all(r["status"] == "added" for r in results)
    # The clusterer took them in publication order: the chess final (18:00) first.
    by_id = {r["id"]: r for r in results}
    assert by_id["chess"]["position"] == 0 and by_id["harbour-1"]["position"] == 1
    assert by_id["harbour-copy"]["duplicate_of"] == "harbour-1"
    assert by_id["harbour-copy"]["story"] == by_id["harbour-1"]["story"]
    assert len(index) == len(articles)
    assert "rail" in index and "nothing" not in index


def test_add_gives_what_storyline_ingest_gives(tmp_path, articles, cli):
    with storyline.Index(str(tmp_path / "py.db")) as py_index:
        results = py_index.add(articles)
    printed = cli(["ingest", "--quiet", "--db", str(tmp_path / "cli.db"), "-o", "-"], articles)
    assert sorted(({k: r[k] for k in printed[0]} for r in results), key=lambda r: r["id"]) == \
        sorted(printed, key=lambda r: r["id"])
    assert py_index.stories() == [{**s} for s in storyline.Index(str(tmp_path / "cli.db")).stories()]


def test_ids_already_stored_are_reported_not_added(index, articles):
    first = index.add(articles)
    again = index.add([articles[1], article("new", CHESS), articles[1]])
    assert [r["status"] for r in again] == ["already_present", "added", "already_present"]
    assert {k: v for k, v in again[0].items() if k != "status"} == \
        {k: v for k, v in first[1].items() if k != "status"}
    twice = index.add([article("dup", CHESS), article("dup", CHESS)])
    assert [r["status"] for r in twice] == ["added", "already_present"]
    assert twice[1]["position"] == twice[0]["position"]
    assert len(index) == len(articles) + 2


def test_a_later_index_continues_the_store(tmp_path, articles):
    path = str(tmp_path / "store.db")
    with storyline.Index(path) as index:
        first = index.add(articles[:3])
    with storyline.Index(path, batch_size=2) as index:
        second = index.add(articles[3:])
        assert len(index) == len(articles)
    assert min(r["position"] for r in second) == 3
    assert {r["position"] for r in first + second} == set(range(len(articles)))


def test_stories_storylines_and_timeline(index, articles):
    results = index.add(articles)
    stories = index.stories()
    assert list(stories[0]) == ["story", "storyline", "articles", "first_published", "last_published",
                                "first_article", "title"]
    assert sum(s["articles"] for s in stories) == len(articles)
    storylines = index.storylines()
    assert list(storylines[0]) == ["storyline", "stories", "articles", "first_published", "last_published",
                                   "first_article", "title"]
    harbour = next(r for r in results if r["id"] == "harbour-1")["storyline"]
    timeline = index.timeline(harbour)
    assert list(timeline) == ["storyline", "articles", "stories_total", "first", "last", "entities", "stories",
                             "key_dates"]
    assert timeline["storyline"] == harbour and timeline["first"] == "2021-03-01"
    assert "harbour-1" in [i for story in timeline["stories"] for i in story["ids"]]
    assert len(index.timeline(harbour, top=1)["stories"]) == 1
    assert timeline["key_dates"][0] == {"date": "2021-03-01", "articles": 2, "story": timeline["stories"][0]["story"]}
    assert len(index.timeline(harbour, top=1)["key_dates"]) == 1
    later = index.timeline(harbour, since="2021-03-02")
    assert later["articles"] < timeline["articles"] and later["first"] == "2021-03-02"
    assert index.timeline(harbour, until="2020-12-31")["articles"] == 0
    with pytest.raises(ValueError, match="since"):
        index.timeline(harbour, since="March")
    with pytest.raises(KeyError):
        index.timeline(999)


def test_article(index, articles):
    index.add(articles)
    stored = index.article("harbour-copy")
    assert stored["duplicate_of"] == "harbour-1" and stored["text"] == articles[2]["text"]
    assert index.article("harbour-1")["extra"] == {"section": "world"}
    with pytest.raises(KeyError):
        index.article("nothing")


def test_a_bad_article_stores_everything_before_it_and_nothing_after(index, articles):
    stream = [article(f"a{i}", CHESS, published=f"2021-01-{1 + i % 28:02d}") for i in range(1200)]
    stream[1100] = {"id": "broken", "text": CHESS, "published": "2021-13-01"}
    with pytest.raises(storyline.Error) as raised:
        index.add(iter(stream))
    assert raised.value.index == 1100 and raised.value.code == "invalid field"
    assert len(index) == 1100
    assert "a1099" in index and "a1101" not in index
    # Re-adding the corrected input completes it.
    stream[1100] = article("fixed", CHESS)
    results = index.add(stream)
    assert sum(r["status"] == "added" for r in results) == 100
    assert len(index) == 1200


def test_index_errors(tmp_path):
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("just text\n" * 100)
    with pytest.raises(storyline.Error) as raised:
        storyline.Index(str(not_a_store))
    assert raised.value.code in ("unsupported format", "unreadable input", "I/O error")
    with pytest.raises(storyline.Error):
        storyline.Index(str(tmp_path / "missing-dir" / "store.db"))
    with pytest.raises(storyline.Error):
        storyline.Index(str(tmp_path / "x.db"), batch_size=0)


def test_close_keeps_the_index_readable(tmp_path, articles):
    index = storyline.Index(str(tmp_path / "store.db"))
    index.add(articles)
    index.close()
    assert len(index.stories()) > 0
    index.add([article("later", CHESS)])  # a new run
    index.close()
    assert repr(index).startswith("storyline.Index(")


def test_related(index, articles):
    index.add(articles)
    related = index.related("harbour-1")
    assert list(related) == ["id", "story", "storyline", "same_story_total", "same_storyline_total",
                             "same_story", "same_storyline"]
    same_story = {a["id"] for a in related["same_story"]}
    assert "harbour-copy" in same_story and "harbour-1" not in same_story
    assert related["same_story_total"] == len(related["same_story"])
    assert len(index.related("harbour-1", limit=1)["same_story"]) == 1
    with pytest.raises(KeyError):
        index.related("nothing")


def test_search(index, articles, tmp_path, cli):
    index.add(articles)
    hits = index.search("Lisbon harbour")
    assert {h["id"] for h in hits} == {"harbour-1", "harbour-copy", "harbour-2"}
    assert list(hits[0])[-1] == "score" and "text" not in hits[0]
    assert hits == sorted(hits, key=lambda h: -h["score"])
    assert len(index.search("Lisbon harbour", limit=1)) == 1
    assert index.search("zeppelin") == []
    printed = cli(["search", "--db", index.path, "--json", "Lisbon", "harbour"])
    assert [h["id"] for h in hits] == [h["id"] for h in printed]
    with pytest.raises(storyline.Error) as raised:
        index.search("   ")
    assert raised.value.code == "invalid argument"
