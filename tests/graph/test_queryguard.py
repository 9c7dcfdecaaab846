"""The query guard: updates and SERVICE refused before anything runs, FROM graphs listed."""

from __future__ import annotations

import pytest

from thbgraph.graph.errors import QueryError
from thbgraph.graph.queryguard import inspect_query


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("prefix ex: <http://e/> ask { ex:a ?p ?o }", "ASK"),
        ("BASE <http://e/> CONSTRUCT { <a> <b> <c> } WHERE {}", "CONSTRUCT"),
        ("# comment\nDESCRIBE <http://e/x>", "DESCRIBE"),
    ],
)
def test_forms(query: str, form: str) -> None:
    assert inspect_query(query).form == form


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "select * where { service silent <http://x/> { ?s ?p ?o } }",
        "PREFIX r: <http://x/> SELECT * { SERVICE r:sparql { ?s ?p ?o } }",
        "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * { SE\\u0052VICE <http://x/> { ?s ?p ?o } }",
        "SELECT * { FILTER(1<2)SERVICE<http://x/>{ ?s ?p ?o } }",
    ],
)
def test_service_is_refused(query: str) -> None:
    with pytest.raises(QueryError, match="SERVICE is refused"):
        inspect_query(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * { BIND("SERVICE <http://x/>" AS ?v) }',
        "SELECT * { BIND('''a\nSERVICE <http://x/>''' AS ?v) }",
        "SELECT * { ?s <http://e/SERVICE> ?o }",
        "PREFIX ex: <http://e/> SELECT * { ?s ex:service ?service } # SERVICE <http://x/>",
    ],
)
def test_service_in_strings_iris_names_comments_is_fine(query: str) -> None:
    assert inspect_query(query).form == "SELECT"


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <a:b> <a:c> <a:d> }",
        "PREFIX ex: <http://e/> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:9/x.ttl>",
        "clear all",
        "WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DROP SILENT GRAPH <http://g/>",
    ],
)
def test_updates_are_refused(update: str) -> None:
    with pytest.raises(QueryError, match="read-only"):
        inspect_query(update)


def test_from_graphs_are_resolved() -> None:
    info = inspect_query(
        "PREFIX g: <http://127.0.0.1:8/> SELECT * FROM g:a FROM <http://b/> FROM NAMED <c> "
        "WHERE { ?s ?p ?o }"
    )
    assert info.from_graphs == ["http://127.0.0.1:8/a", "http://b/"]
    assert info.from_named_graphs == ["c"]


def test_empty_query() -> None:
    with pytest.raises(QueryError, match="empty"):
        inspect_query("  \n")
