"""The SELECT/ASK serialisers parse back with rdflib and stop at the row cap."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from rdflib.query import Result

from thbgraph.api._results import ResultTooLarge, serialize_boolean, serialize_solutions


@pytest.fixture()
def solutions() -> ox.QuerySolutions:
    store = ox.Store()
    g = ox.NamedNode("http://g/")
    store.add(
        ox.Quad(
            ox.NamedNode("http://a/"),
            ox.NamedNode("http://p/"),
            ox.Literal('x, "y"\nz', language="en"),
            g,
        )
    )
    store.add(
        ox.Quad(
            ox.BlankNode("b1"),
            ox.NamedNode("http://p/"),
            ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
            g,
        )
    )
    return store.query(
        "SELECT ?s ?o ?none WHERE { ?s ?p ?o } ORDER BY ?o", use_default_graph_as_union=True
    )


@pytest.mark.parametrize(
    ("fmt", "rdflib_fmt"), [("json", "json"), ("xml", "xml"), ("csv", "csv"), ("tsv", "tsv")]
)
def test_round_trip(solutions: ox.QuerySolutions, fmt: str, rdflib_fmt: str) -> None:
    data = serialize_solutions(solutions, ["s", "o", "none"], fmt, max_rows=10)
    result = Result.parse(io.BytesIO(data), format=rdflib_fmt)
    rows = list(result)
    assert len(rows) == 2
    assert {str(r[1]) for r in rows} == {'x, "y"\nz', "5"}


def test_cap(solutions: ox.QuerySolutions) -> None:
    with pytest.raises(ResultTooLarge, match="more than 1 rows"):
        serialize_solutions(solutions, ["s", "o", "none"], "json", max_rows=1)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_boolean(fmt: str) -> None:
    result = Result.parse(io.BytesIO(serialize_boolean(True, fmt)), format=fmt)
    assert result.askAnswer is True
