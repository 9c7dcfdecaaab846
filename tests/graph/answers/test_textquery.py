"""thb:textMatch in SPARQL: answered from the full-text index, joined like any pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbgraph.graph.answers import search
from thbgraph.graph.answers.textquery import rewrite_text_match
from thbgraph.graph.errors import QueryError
from thbgraph.graph.queryguard import inspect_query
from thbgraph.graph.store import open_store

PREFIXES = """PREFIX thb: <https://w3id.org/thbgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def _select(store_path: Path, query: str) -> list[dict[str, object]]:
    inspect_query(query)  # the guard reads the query as written
    with open_store(store_path) as store:
        return store.select(rewrite_text_match(query, store))


def test_the_matches_are_the_search_answers_entities(built_store: Path) -> None:
    q = PREFIXES + 'SELECT ?s WHERE { ?s thb:textMatch "trafficking victims" }'
    found = {r["s"] for r in _select(built_store, q)}
    with open_store(built_store) as store:
        expected = {h["iri"] for h in search(store, "trafficking victims", limit=1000)}
    assert found == expected and found


def test_score_limit_and_a_join_with_other_patterns(built_store: Path) -> None:
    q = PREFIXES + (
        "SELECT ?s ?score ?label WHERE {\n"
        '  (?s ?score) thb:textMatch ("trafficked" 5) # a comment; with a semicolon\n'
        "  ; rdfs:label ?label .\n"
        "} ORDER BY DESC(?score)"
    )
    found = _select(built_store, q)
    assert found and len({r["s"] for r in found}) <= 5
    assert all(isinstance(r["score"], float) and r["label"] for r in found)
    scores = [r["score"] for r in found]
    assert scores == sorted(scores, reverse=True)


def test_stemmed_words_in_a_full_iri_pattern(built_store: Path) -> None:
    q = 'SELECT ?s WHERE { ?s <https://w3id.org/thbgraph/ontology#textMatch> "convention" . }'
    assert _select(built_store, q)
    none = 'SELECT ?s WHERE { ?s <https://w3id.org/thbgraph/ontology#textMatch> "zzqx" }'
    assert _select(built_store, none) == []


def test_the_words_in_strings_and_comments_are_left_alone(built_store: Path) -> None:
    q = PREFIXES + (
        '# ?s thb:textMatch "x"\nSELECT ?t WHERE { BIND("?s thb:textMatch \\"x\\"" AS ?t) }'
    )
    with open_store(built_store) as store:
        assert rewrite_text_match(q, store) == q


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ('<urn:x> thb:textMatch "w"', "subject must be a variable"),
        ("?s thb:textMatch ?w", "object must be a string"),
        ('?s thb:textMatch ("w" 0)', "limit must be between"),
        ('?s thb:textMatch "w", "v"', "one string per pattern"),
    ],
)
def test_a_misused_property_is_one_clear_error(
    built_store: Path, pattern: str, message: str
) -> None:
    with open_store(built_store) as store, pytest.raises(QueryError, match=message):
        rewrite_text_match(PREFIXES + f"SELECT * WHERE {{ {pattern} }}", store)


def test_the_guard_still_refuses_what_it_refuses() -> None:
    q = (
        PREFIXES
        + 'SELECT * WHERE { ?s thb:textMatch "w" SERVICE <http://example.org/> { ?s ?p ?o } }'
    )
    with pytest.raises(QueryError, match="SERVICE"):
        inspect_query(q)
