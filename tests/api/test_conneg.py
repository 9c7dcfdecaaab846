"""Content negotiation with q-values and wildcards."""

from __future__ import annotations

import pytest

from thbgraph.api.conneg import GRAPH_TYPES, SOLUTION_TYPES, negotiate


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("*/*", "json"),
        ("text/*", "csv"),
        ("text/csv;q=0.2, text/tab-separated-values", "tsv"),
        ("application/sparql-results+xml, application/sparql-results+json;q=0.9", "xml"),
        ("application/sparql-results+json;q=0, */*;q=0.1", "xml"),
        ("application/xml, text/xml;q=0.1", "xml"),
    ],
)
def test_solutions(accept: str | None, expected: str) -> None:
    chosen = negotiate(accept, SOLUTION_TYPES)
    assert chosen is not None and chosen[1] == expected


def test_nothing_acceptable() -> None:
    assert negotiate("image/png", SOLUTION_TYPES) is None
    assert negotiate("text/turtle;q=0", GRAPH_TYPES[:1]) is None


def test_graph_types_prefer_turtle_for_browsers_asking_anything() -> None:
    chosen = negotiate("text/html,application/xhtml+xml,*/*;q=0.8", GRAPH_TYPES)
    assert chosen == ("text/turtle", "turtle")
