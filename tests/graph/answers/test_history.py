"""The citing sentence of a passage (graph/answers/history.py), as a table of cases."""

from __future__ import annotations

import pytest

from thbgraph.graph.answers.history import MAX_SENTENCE, sentence_around

TEXT = "First sentence. The meeting recalled MC.DEC/6/18; it asked for more! Last one?\nNext line."


@pytest.mark.parametrize(
    ("quote", "before", "after"),
    [
        ("MC.DEC/6/18", "The meeting recalled ", "; it asked for more!"),
        ("First", "", " sentence."),
        ("Last one", "", "?"),
        ("Next line", "", "."),
    ],
)
def test_the_sentence_holding_the_quote(quote: str, before: str, after: str) -> None:
    start = TEXT.index(quote)
    s = sentence_around(TEXT, start, start + len(quote))
    assert s is not None
    assert (s["before"], s["quote"], s["after"]) == (before, quote, after)
    assert not s["cut_before"] and not s["cut_after"]


def test_a_long_sentence_is_cut_around_the_quote() -> None:
    text = "word " * 300 + "MC.DEC/6/18" + " word" * 300 + "."
    start = text.index("MC")
    s = sentence_around(text, start, start + 11)
    assert s is not None and s["cut_before"] and s["cut_after"]
    assert len(s["before"] + s["quote"] + s["after"]) <= MAX_SENTENCE


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 2), (0, len(TEXT) + 1)])
def test_offsets_outside_the_text_give_none(start: int, end: int) -> None:
    assert sentence_around(TEXT, start, end) is None
