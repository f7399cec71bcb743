"""Bad input raises, with the engine's message, and nothing is lost silently."""

import math

import pytest

import storyline
from conftest import CHESS, article

GOOD = article("good", CHESS)


def test_error_is_a_value_error_with_the_engine_context():
    assert issubclass(storyline.Error, ValueError)
    with pytest.raises(storyline.Error) as raised:
        storyline.analyze({"id": "x"})
    error = raised.value
    assert error.code == "missing field"
    assert "text" in error.reason
    assert error.file is None and error.line is None and error.index is None
    assert str(error).startswith("article: ")


def test_a_repeated_id_raises_where_ids_name_the_output():
    for call in (storyline.dedup, storyline.cluster):
        with pytest.raises(storyline.Error) as raised:
            call([GOOD, article("other", CHESS), GOOD])
        assert raised.value.code == "repeated id"
        assert raised.value.index == 2 and "article 0's too" in str(raised.value)
    assert len(storyline.analyze([GOOD, GOOD])) == 2  # one analysis per article, ids or not


@pytest.mark.parametrize("record, code, words", [
    ({"text": CHESS}, "missing field", "id"),
    ({"id": "", "text": CHESS}, "missing field", "id"),
    ({"id": "x", "text": ""}, "missing field", "text"),
    ({"id": "x", "text": 5}, "invalid field", "text"),
    ({"id": "x", "text": CHESS, "title": 5}, "invalid field", "title"),
    ({"id": "x", "text": CHESS, "published": "2021-02-30"}, "invalid field", "published"),
    ({"id": "x", "text": CHESS, "published": "yesterday"}, "invalid field", "published"),
    ({"id": "x", "text": CHESS + "\udcff"}, "invalid UTF-8", "UTF-8"),
])
def test_bad_articles_raise(record, code, words):
    for call in (storyline.analyze, lambda a: storyline.similar(a, GOOD), lambda a: storyline.dedup([a]),
                 lambda a: storyline.cluster([a])):
        with pytest.raises(storyline.Error) as raised:
            call(record)
        assert raised.value.code == code
        assert words in str(raised.value)


def test_values_json_cannot_hold_raise_python_errors():
    with pytest.raises(TypeError, match="article 1: .*bytes"):
        storyline.dedup([GOOD, article("b", b"raw bytes")])
    with pytest.raises(ValueError, match="article 0"):
        storyline.cluster([article("n", CHESS, score=math.nan)])
    with pytest.raises(TypeError, match="a: an article is a dict"):
        storyline.similar(["id", "text"], GOOD)
    with pytest.raises(TypeError, match="article 1: an article is a dict"):
        storyline.cluster([GOOD, "not an article"])
    with pytest.raises(TypeError):
        storyline.cluster(5)


def test_the_bad_article_of_a_stream_is_named_by_position():
    stream = [article(f"a{i}", CHESS) for i in range(700)]
    stream[600] = {"id": "broken"}
    for call in (storyline.dedup, storyline.cluster, storyline.analyze):
        with pytest.raises(storyline.Error) as raised:
            call(iter(stream))
        assert raised.value.index == 600
        assert str(raised.value).startswith("article 600: ")


def test_an_error_raised_by_the_input_itself_propagates():
    def articles():
        yield GOOD
        raise KeyError("the feed broke")

    with pytest.raises(KeyError, match="the feed broke"):
        storyline.cluster(articles())


def test_extra_fields_are_kept_not_rejected(index):
    index.add([article("x", CHESS, section="sport", tags=["chess", "oslo"], rank=3, nested={"a": None})])
    assert index.article("x")["extra"] == {"section": "sport", "tags": ["chess", "oslo"], "rank": 3,
                                           "nested": {"a": None}}


def test_an_article_over_one_mib_is_refused_with_advice_for_python():
    big = article("big", "word " * (1 << 18))  # 1.25 MiB of text
    with pytest.raises(storyline.Error) as raised:
        storyline.analyze(big)
    assert raised.value.code == "too large"
    assert "over the limit of 1048576 bytes" in raised.value.reason
    assert "split longer ones" in raised.value.reason
    assert "--max-article-bytes" not in str(raised.value)  # a flag the module does not have
