"""An entity's evidence is the passages supporting statements about it, never the whole store's (issue 15, item 2)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph import answers
from thbgraph.graph.queries import load_query
from thbgraph.graph.store import open_store

_NAMES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX thb: <https://w3id.org/thbgraph/ontology#>
SELECT DISTINCT ?name WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel thb:acronym dcterms:title thb:symbol
    <https://schema.org/url> <http://schema.org/url> <http://xmlns.com/foaf/0.1/homepage> }
  ?e ?p ?name
}
"""


def _names(store: object, iri: str) -> set[str]:
    rows = store.select(_NAMES.replace("?e ?p", f"<{iri}> ?p"))  # type: ignore[attr-defined]
    return {str(r["name"]).lower() for r in rows}


@pytest.fixture(scope="module")
def store(built_store: Path) -> object:
    return open_store(built_store)


def _all_passages(store: object) -> int:
    rows = store.select(  # type: ignore[attr-defined]
        "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a oa:hasBody ?b }"
    )
    return int(str(rows[0]["n"]))


def test_each_actors_and_publications_evidence_is_about_it(store: object) -> None:
    total = _all_passages(store)
    entities = [a["iri"] for a in answers.actors(store)] + [  # type: ignore[arg-type]
        p["iri"]
        for p in answers.publications(store)  # type: ignore[arg-type]
    ]
    assert entities
    for iri in entities:
        evidence = answers.describe(store, iri)["evidence"]  # type: ignore[arg-type]
        assert len(evidence) < total, f"<{iri}> lists every passage of the store"
        for e in evidence:
            assert e["supports"] is not None
            names = _names(store, iri) | _names(store, e["supports"])
            quote = str(e["quote"]).lower()
            assert any(n in quote for n in names), f"{e['quote']!r} does not name <{iri}>"


def test_the_query_binds_the_entity_in_every_branch(store: object) -> None:
    """An IRI no annotation mentions has no evidence (the UNION bug returned all of them)."""
    rows = store.select(  # type: ignore[attr-defined]
        load_query("entity_evidence"),
        bindings={"entity": ox.NamedNode("https://w3id.org/thbgraph/id/nobody")},
    )
    assert rows == []


def test_each_passage_comes_with_its_sentence(store: object) -> None:
    """Issue 15, item 3: the passage (exact offsets in the text) lies inside its sentence."""
    texts = {
        str(r["d"]): str(r["t"])
        for r in store.select(  # type: ignore[attr-defined]
            "SELECT ?d ?t WHERE { ?d <https://w3id.org/thbgraph/ontology#text> ?t }"
        )
    }
    checked = 0
    for a in answers.actors(store):  # type: ignore[arg-type]
        for e in answers.describe(store, a["iri"])["evidence"]:  # type: ignore[arg-type]
            text, s = texts[e["document"]], e["sentence"]
            assert text[e["start"] : e["end"]] == e["quote"]
            assert text[s["start"] : s["end"]] == s["text"]
            assert s["start"] <= e["start"] <= e["end"] <= s["end"]
            checked += 1
    assert checked >= 5
