"""Answers up to a date (issue 18 item 4): meetings kept by start date, bounds inclusive."""

from __future__ import annotations

from typing import Any

import pytest

from thbgraph.graph.errors import QueryError
from thbgraph.graph.timeline import within

ANSWER: dict[str, Any] = {
    "commitment": {"symbol": "X"},
    "meetings": [
        {"iri": "a", "start_date": "2019-05-01"},
        {"iri": "b", "start_date": "2020-11-03"},
        {"iri": "c", "start_date": "2022-10-12"},
        {"iri": "d", "start_date": None},
    ],
    "documents_without_meeting": [{"iri": "doc"}],
}


@pytest.mark.parametrize(
    ("since", "until", "kept"),
    [
        (None, None, ["a", "b", "c", "d"]),  # no bound: the answer as it was
        (None, "2020-11-03", ["a", "b"]),  # until is inclusive
        (None, "2020-11-02", ["a"]),
        ("2020-11-03", None, ["b", "c"]),  # since is inclusive
        ("2020-11-04", "2022-10-12", ["c"]),
        ("2023-01-01", None, []),
    ],
)
def test_meetings_are_kept_by_start_date(since: str | None, until: str | None, kept: list) -> None:
    got = within(ANSWER, since=since, until=until)
    assert [m["iri"] for m in got["meetings"]] == kept
    assert got["documents_without_meeting"] == ANSWER["documents_without_meeting"]


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("yesterday", None, "since 'yesterday': expected a date"),
        (None, "2020-13-01", "until '2020-13-01': expected a date"),
        ("2021-01-01", "2020-01-01", "since 2021-01-01 is after until 2020-01-01"),
    ],
)
def test_bad_bounds_say_what_is_wrong(since: str | None, until: str | None, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        within(ANSWER, since=since, until=until)
