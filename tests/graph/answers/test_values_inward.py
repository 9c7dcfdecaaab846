"""A VALUES block moved in front of the first triple patterns (graph/answers/values_inward.py):
only where SPARQL's algebra gives the same solutions, and then the same solutions for real.

The dataset below is written so that a careless move changes the answer: a value of the block
that the first patterns do not bind, an OPTIONAL or a FILTER reading a variable of the block
before it is bound, a GRAPH variable in the block, an aggregate. Each such query must be left as
it is; each query that is moved must give the same rows from the engine, original and moved.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.answers.values_inward import move_values_inward
from thbgraph.graph.queries import load_query, query_names
from thbgraph.graph.queryguard import inspect_query
from thbgraph.graph.store import open_store
from thbgraph.graph.store.embedded import union_kwargs

EX = "http://example.org/"
TRIG = f"""
@prefix : <{EX}> .
:g1 {{ :a :cites :c1 . :a :says "one" . :b :cites :c2 . :b :says "two" . :b :note "b's note" . }}
:g2 {{ :d :cites :c1 . :e :about :c1 . :e :cites :c3 . }}
"""
P = f"PREFIX : <{EX}>\n"


@pytest.fixture(scope="module")
def small() -> ox.Store:
    store = ox.Store()
    store.load(TRIG.encode(), format=ox.RdfFormat.TRIG)
    return store


def _rows(store: ox.Store, query: str, **options: object) -> Counter[tuple[str, ...]]:
    result = store.query(query, **options)  # type: ignore[arg-type]
    if isinstance(result, ox.QueryBoolean):
        return Counter([(str(bool(result)),)])
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return Counter(tuple(str(s[n]) if s[n] is not None else "-" for n in names) for s in result)
    return Counter((str(t),) for t in result)


MOVED = {
    "trailing, into GRAPH": (
        P + "SELECT ?s ?g WHERE { GRAPH ?g { ?s :cites ?c } } VALUES ?c { :c1 }",
        "GRAPH ?g { VALUES ?c { :c1 } ?s :cites ?c }",
    ),
    "trailing, two variables and UNDEF, with OPTIONAL and FILTER after": (
        P + "SELECT * WHERE { GRAPH ?g { ?s :cites ?c . OPTIONAL { ?s :says ?w } "
        "FILTER(?c != :c3) } } ORDER BY ?s VALUES (?c ?s) { (:c1 UNDEF) (:c2 :b) }",
        "GRAPH ?g { VALUES (?c ?s) { (:c1 UNDEF) (:c2 :b) } ?s :cites ?c .",
    ),
    "top of the WHERE group, into GRAPH": (
        P + "SELECT ?s WHERE { VALUES ?c { :c1 :c2 } GRAPH ?g { ?s :cites ?c } }",
        "WHERE {  GRAPH ?g { VALUES ?c { :c1 :c2 } ?s :cites ?c } }",
    ),
    "trailing, a plain nested group and a named graph IRI": (
        P + "SELECT ?s WHERE { { GRAPH :g2 { ?s :cites ?c } } } LIMIT 5 VALUES ?c { :c1 }",
        "GRAPH :g2 { VALUES ?c { :c1 } ?s :cites ?c }",
    ),
    "trailing, no GRAPH: the first block of the WHERE group": (
        P + "SELECT ?s WHERE { ?s :cites ?c OPTIONAL { ?s :note ?n } } VALUES ?c { :c2 }",
        "WHERE { VALUES ?c { :c2 } ?s :cites ?c",
    ),
    "ASK": (P + "ASK { GRAPH ?g { ?s :cites ?c } } VALUES ?c { :c3 }", "VALUES ?c { :c3 } ?s"),
    "CONSTRUCT with its template": (
        P + "CONSTRUCT { ?s :x ?c } WHERE { GRAPH ?g { ?s :cites ?c } } VALUES ?c { :c1 }",
        "GRAPH ?g { VALUES ?c { :c1 } ?s :cites ?c }",
    ),
}

LEFT = {
    "the first patterns do not bind the variable": (
        P + "SELECT ?s ?c WHERE { GRAPH ?g { ?s :says ?w . OPTIONAL { ?s :cites ?c } } } "
        "VALUES ?c { :c1 }"
    ),
    "an OPTIONAL comes first": (
        P + "SELECT * WHERE { GRAPH ?g { OPTIONAL { ?s :about ?c } ?s :cites ?x } } "
        "VALUES ?c { :c1 }"
    ),
    "a FILTER reads a variable only the block binds": (
        P + "SELECT ?s WHERE { ?s :cites ?x FILTER(BOUND(?c)) } VALUES ?c { :c1 }"
    ),
    "the block binds the GRAPH variable": (
        P + "SELECT ?s WHERE { GRAPH ?g { ?s :cites ?c } } VALUES ?g { :g2 }"
    ),
    "an aggregate": (
        P + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s :cites ?c } } VALUES ?c { :c1 }"
    ),
    "an aggregate in ORDER BY (an implicit group)": (
        P + "SELECT ?s WHERE { GRAPH ?g { ?s :cites ?c } } ORDER BY COUNT(?s) VALUES ?c { :c1 }"
    ),
    "GROUP BY": (P + "SELECT ?c WHERE { GRAPH ?g { ?s :cites ?c } } GROUP BY ?c VALUES ?c { :c1 }"),
    "a projection expression naming a variable of the block": (
        P + "SELECT (:c9 AS ?c) WHERE { ?s :cites ?x } VALUES ?c { :c1 }"
    ),
    "a UNION": (
        P + "SELECT ?s WHERE { { ?s :cites ?c } UNION { ?s :about ?c } } VALUES ?c { :c1 }"
    ),
    "a sub-query first": (
        P + "SELECT ?s WHERE { { SELECT ?s ?c WHERE { ?s :cites ?c } } } VALUES ?c { :c1 }"
    ),
    "the CONSTRUCT WHERE short form": (P + "CONSTRUCT WHERE { ?s :cites ?c } VALUES ?c { :c1 }"),
    "an escaped code point anywhere": (
        P + "SELECT ?s WHERE { GRAPH ?g { ?s :cites ?c } } VALUES ?c { :\\u00631 }"
    ),
    "the keyword only inside a string": (
        P + 'SELECT ?s WHERE { GRAPH ?g { ?s :says "VALUES ?c { :c1 }" } }'
    ),
}


@pytest.mark.parametrize("name", sorted(MOVED))
def test_a_block_that_can_move_is_moved_and_answers_the_same(small: ox.Store, name: str) -> None:
    query, expected = MOVED[name]
    moved = move_values_inward(query)
    assert " ".join(expected.split()) in " ".join(moved.split()), moved
    assert moved.upper().count("VALUES") == 1  # moved, not copied
    inspect_query(moved)  # still a query the guard (and its full parse) accepts
    for options in ({}, {"use_default_graph_as_union": True}):
        assert _rows(small, moved, **options) == _rows(small, query, **options), name


@pytest.mark.parametrize("name", sorted(LEFT))
def test_a_block_that_cannot_move_is_left_where_it_is(name: str) -> None:
    assert move_values_inward(LEFT[name]) == LEFT[name]


def test_the_careless_move_would_have_changed_the_answer(small: ox.Store) -> None:
    """Why the first two refusals: put first anyway, the OPTIONAL keeps rows the join drops."""
    query = LEFT["the first patterns do not bind the variable"]
    careless = query.replace("GRAPH ?g {", "GRAPH ?g { VALUES ?c { :c1 }").rsplit("VALUES", 1)[0]
    assert _rows(small, careless) != _rows(small, query)


def _sample(store: ox.Store, kind: str, n: int = 2) -> list[str]:
    found = store.query(
        f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a <{kind}> }} }} ORDER BY ?x LIMIT {n}"
    )
    assert isinstance(found, ox.QuerySolutions)
    return [str(s["x"]) for s in found]


THB = "https://w3id.org/thbgraph/ontology#"
SAMPLES = {"commitment": THB + "Commitment", "meeting": THB + "Meeting", "series": THB + "Series"}


def test_every_named_query_given_its_value_in_a_trailing_block_answers_the_same(
    built_store: Path,
) -> None:
    """The bundled queries as a SPARQL user would send them (the bound value in a trailing VALUES
    block): moved or not, the same rows; cited-by (the mix's SPARQL request) among the moved."""
    with open_store(built_store) as store:
        inner = store.inner
        options = union_kwargs(inner)
        moved = []
        for name in query_names():
            text = load_query(name)
            for var, kind in SAMPLES.items():
                if f"?{var}" not in text:
                    continue
                values = " ".join(f"{s}" for s in _sample(inner, kind))
                query = text + f"\nVALUES ?{var} {{ {values} }}\n"
                rewritten = move_values_inward(query)
                if rewritten != query:
                    moved.append(name)
                    assert _rows(inner, rewritten, **options) == _rows(inner, query, **options), (
                        name
                    )
    assert {"cited_by", "meeting_citations"} <= set(moved), moved
