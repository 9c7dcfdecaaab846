"""Enumerated filters (api/filters.py): a value the store does not know is a 400 naming the
parameter and the known values, never a 200 with an empty list; known values still filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest


@pytest.fixture(scope="module")
def built(built_store: Path, start_thbgraph_server: Any) -> Iterator[httpx.Client]:
    srv = start_thbgraph_server(built_store, processes=1)
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as c:
        yield c


@pytest.mark.parametrize(
    ("path", "params", "parameter", "known"),
    [
        ("/api/search", {"q": "trafficking", "body": "nope"}, "body", "org/osce"),
        ("/api/search", {"q": "trafficking", "body": "osce"}, "body", "org/osce"),  # id is org/...
        ("/api/search", {"q": "trafficking", "kind": "Nope"}, "kind", "Meeting"),
        ("/api/search", {"q": "trafficking", "kind": "meeting"}, "kind", "Meeting"),  # as written
        ("/api/commitments", {"body": "nope"}, "body", "org/osce-mc"),
        ("/api/meetings", {"organiser": "nope"}, "organiser", "org/osce"),
        ("/api/meetings", {"cites": "NOPE/1"}, "cites", "MC.DEC/6/18"),
    ],
)
def test_an_unknown_value_is_a_400_naming_the_parameter_and_the_known_values(
    built: httpx.Client, path: str, params: dict[str, str], parameter: str, known: str
) -> None:
    r = built.get(path, params=params)
    assert r.status_code == 400, r.text
    problem = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert problem["detail"].startswith(f"{parameter}: unknown ")
    assert repr(params[parameter]) in problem["detail"]
    assert known in problem["detail"].split("known: ", 1)[1]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/search", {"q": "trafficking", "body": "org/osce"}),
        ("/api/search", {"q": "trafficking", "body": "https://w3id.org/thbgraph/id/org/osce"}),
        ("/api/search", {"q": "trafficking", "kind": "Meeting"}),
        ("/api/commitments", {"body": "osce-mc"}),
        ("/api/commitments", {"body": "org/osce-mc"}),
        ("/api/meetings", {"organiser": "OSCE"}),
        ("/api/meetings", {"organiser": "org/osce"}),
        ("/api/meetings", {"cites": "mc.dec/6/18"}),
    ],
)
def test_a_known_value_filters(built: httpx.Client, path: str, params: dict[str, str]) -> None:
    r = built.get(path, params=params)
    assert r.status_code == 200, r.text
    assert r.json()["total"] > 0
    unfiltered = built.get(path, params={k: v for k, v in params.items() if k == "q"})
    assert r.json()["total"] <= unfiltered.json()["total"]


def test_free_text_filters_are_not_checked(built: httpx.Client) -> None:
    r = built.get("/api/meetings", params={"series": "no-such-series"})
    assert r.status_code == 200 and r.json()["total"] == 0
