"""Entailed types and properties in the published graph (issue 15, item 5): queries in schema.org,
ELI, FOAF, ORG and PROV terms answer without a reasoner."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.build.entail import entailed, superclasses, superproperties
from thbgraph.graph.store import open_store

THB = "https://w3id.org/thbgraph/ontology#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
G = ox.NamedNode("https://w3id.org/thbgraph/graph/document/x")
X = ox.NamedNode("https://example.org/x")


def test_the_closure_follows_the_ontology_transitively() -> None:
    assert "https://schema.org/Event" in superclasses(
        THB + "Session"
    )  # Session < AgendaItem < Event
    assert "http://data.europa.eu/eli/ontology#LegalResource" in superclasses(
        THB + "MinisterialCouncilDecision"
    )
    assert "http://data.europa.eu/eli/ontology#LegalResource" not in superclasses(
        THB + "MinisterialDeclaration"
    )
    assert "http://xmlns.com/foaf/0.1/Organization" in superclasses(THB + "FieldOperation")
    assert superproperties(THB + "cites") == {"http://purl.org/spar/cito/cites"}
    assert superclasses("https://example.org/Unknown") == frozenset()


def test_entailed_quads_stay_in_the_graph_that_entails_them_and_are_new() -> None:
    given = [
        ox.Quad(X, TYPE, ox.NamedNode(THB + "Meeting"), G),
        ox.Quad(X, TYPE, ox.NamedNode("https://schema.org/Event"), G),  # already stated
        ox.Quad(X, ox.NamedNode(THB + "mentionsPerson"), ox.NamedNode("https://example.org/p"), G),
    ]
    out = entailed(given)
    assert {(q.predicate.value, q.object.value) for q in out} == {
        ("https://schema.org/mentions", "https://example.org/p")
    }
    assert all(q.graph_name == G for q in out)
    assert entailed(given + out) == []


@pytest.mark.parametrize(
    ("cls", "minimum"),
    [
        ("https://schema.org/Event", "meetings"),
        ("http://data.europa.eu/eli/ontology#LegalResource", 10),
        ("http://xmlns.com/foaf/0.1/Organization", 5),
        ("http://xmlns.com/foaf/0.1/Agent", 5),
        ("http://www.w3.org/ns/prov#Entity", 5),
        ("https://schema.org/Place", 5),
    ],
)
def test_standard_types_find_things_in_the_built_graph(
    built_store: Path, cls: str, minimum: int | str
) -> None:
    with open_store(built_store) as kg:
        found = {str(r["x"]) for r in kg.select(f"SELECT DISTINCT ?x WHERE {{ ?x a <{cls}> }}")}
        meetings = {
            str(r["x"]) for r in kg.select(f"SELECT DISTINCT ?x WHERE {{ ?x a <{THB}Meeting> }}")
        }
    if minimum == "meetings":  # ?m a schema:Event returns every meeting
        assert meetings and meetings <= found
    else:
        assert len(found) >= int(minimum)


def test_places_of_adoption_are_places_like_meetings_places(built_store: Path) -> None:
    with open_store(built_store) as kg:
        rows = kg.select(
            "SELECT ?c ?p WHERE { ?c a <https://w3id.org/thbgraph/ontology#Commitment> ; "
            "<https://schema.org/location> ?p }"
        )
    assert len(rows) >= 10
    assert all(str(r["p"]).startswith("https://w3id.org/thbgraph/id/place/") for r in rows)
