"""The parser-based guard: hidden SERVICE, FROM-fetch, LOAD and updates never reach a listener.

Queries the guard accepts are run on an in-memory pyoxigraph store in this process, which has the
network: if the guard let a SERVICE through, the listener on 127.0.0.1 would see the request.
"""

from __future__ import annotations

import contextlib

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.listener import Listener
from thbgraph.graph.errors import QueryError
from thbgraph.graph.queryguard import inspect_query
from thbgraph.graph.queryparse import QueryLimits, check_parsed


def _escape_word(word: str, draw: st.DrawFn) -> str:
    """SERVICE with some letters as \\u / \\U code-point escapes and random case."""
    out = []
    for ch in word:
        how = draw(st.integers(0, 3))
        c = ch if draw(st.booleans()) else ch.lower()
        out.append({0: c, 1: f"\\u{ord(c):04X}", 2: f"\\U{ord(c):08x}", 3: c}[how])
    return "".join(out)


@st.composite
def hidden_service(draw: st.DrawFn, port: int) -> str:
    """A query with a real SERVICE to the listener, behind escapes, comments, strings, IRIs."""
    decoys = [
        r"?s ex:p\# ?o",
        r"?s ex:p\' ?o",
        r"?s ex:p\" ?o",
        '?s ?p "SERVICE <x> { #" ',
        "?s <http://e/#SERVICE> ?o",
        "?s ?p '''a\nb ' \\' ''' ",
        "?s ex:a\\.b\\~c ?o",
        "# }} comment SERVICE\n?s ?p ?o",
        "?s ?p ?o FILTER(?o != '#')",
        "{ SELECT ?s WHERE { ?s ?p ?o } }",
    ]
    decoy = " . ".join(draw(st.lists(st.sampled_from(decoys), min_size=1, max_size=3)))
    word = _escape_word("SERVICE", draw)
    silent = draw(st.sampled_from(["", "SILENT ", "silent "]))
    target = draw(
        st.sampled_from(
            [
                f"<http://127.0.0.1:{port}/sparql>",
                "ex:\\sparql",
                f"<http://127.0.0.1:{port}/\\u0073>",
            ]
        )
    )
    sep = draw(st.sampled_from([" ", "\n", "\t", "#x\n", " # } \n"]))
    body = f"OPTIONAL {{ {decoy} }}{sep}{word} {silent}{target} {{ ?x ?y ?z }}"
    if draw(st.booleans()):
        body = f"{{ {body} }}"
    return f"PREFIX ex: <http://127.0.0.1:{port}/> SELECT * WHERE {{ {body} }}"


def _run_if_accepted(query: str) -> bool:
    """True when the guard accepted the query (then it has been run); False when refused."""
    try:
        inspect_query(query)
    except QueryError:
        return False
    store = ox.Store()
    with contextlib.suppress(SyntaxError, OSError, RuntimeError, ValueError):
        list(store.query(query))
    return True


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_hidden_service_reaches_the_listener(listener: Listener, data: st.DataObject) -> None:
    query = data.draw(hidden_service(listener.port))
    before = len(listener.hits)
    _run_if_accepted(query)
    assert len(listener.hits) == before, query


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    form=st.sampled_from(
        [
            "LOAD <http://127.0.0.1:{p}/x.ttl>",
            "LO\\u0041D <http://127.0.0.1:{p}/x.ttl>",
            "# SELECT\nINSERT DATA {{ <a:b> <a:c> <a:d> }}",
            "CLEAR ALL ; LOAD <http://127.0.0.1:{p}/y>",
            "PREFIX ex: <http://e/> DELETE WHERE {{ ?s ex:p\\# ?o }}",
        ]
    )
)
def test_updates_and_load_are_refused(listener: Listener, form: str) -> None:
    with pytest.raises(QueryError, match=r"read-only|refused"):
        inspect_query(form.format(p=listener.port))
    assert not listener.hits


@pytest.mark.parametrize(
    "query",
    [
        r"PREFIX ex: <http://e/> SELECT * WHERE { OPTIONAL { ?s ex:p\# ?o } }",
        r"PREFIX ex: <http://e/> SELECT * WHERE { OPTIONAL { ?s ex:p\' ?o } }",
        'SELECT * { BIND("SERVICE <http://127.0.0.1:9/> { }" AS ?v) }',
        "SELECT * { ?s <http://e/SERVICE> ?o } # SERVICE <http://127.0.0.1:9/>",
        "PREFIX ex: <http://e/> SELECT * { ?s ex:SERVICE ?service }",
        r"SELECT * { ?s ?p '\u0053ERVICE' }",
        "SELECT * { { SELECT ?s { ?s ?p ?o } } }",
    ],
)
def test_harmless_queries_with_the_same_escapes_run(query: str) -> None:
    assert inspect_query(query).form == "SELECT"
    list(ox.Store().query(query))


def test_limits_are_named_before_parsing() -> None:
    limits = QueryLimits(max_query_chars=100, max_depth=4, max_triple_patterns=3)
    with pytest.raises(QueryError, match="max_query_chars=100"):
        check_parsed("SELECT * {}" + " " * 100, limits)
    with pytest.raises(QueryError, match="max_query_depth=4"):
        check_parsed("SELECT * {{{{{ }}}}}", limits)
    with pytest.raises(QueryError, match="max_triple_patterns=3"):
        check_parsed("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", limits)
    check_parsed('SELECT * { ?s ?p "{{{{{{{{" }', limits)  # brackets in strings do not count


@pytest.mark.parametrize("text", ["{" * 10_000, "(" * 10_000, "!" * 10_000])
def test_ten_thousand_deep_is_a_query_error(text: str) -> None:
    with pytest.raises(QueryError, match="max_query"):
        inspect_query(f"SELECT * WHERE {{ FILTER({text}) }}")
