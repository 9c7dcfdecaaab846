"""The register's named graph as published: places as IRIs, entailed types and properties.

The register's Turtle writes a commitment's place of adoption as a name (`schema:location
"Vienna"`, easy to edit); meetings have `schema:location` a `schema:Place`. The published graph
uses one form: the name becomes the register place it names (label or alias, any language).
A name no register place carries stays a literal, which SHACL reports (add the place).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .entail import RDF_TYPE, with_entailed

__all__ = ["register_graph"]

_LOCATION = ox.NamedNode("https://schema.org/location")
_PLACE = ox.NamedNode("https://schema.org/Place")
_NAMES = frozenset(
    ox.NamedNode(p)
    for p in (
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2004/02/skos/core#altLabel",
        "https://schema.org/name",
    )
)


def register_graph(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The register's quads with place names resolved to place IRIs, then what they entail."""
    given = list(quads)
    places = {q.subject for q in given if q.predicate == RDF_TYPE and q.object == _PLACE}
    by_name: dict[str, ox.NamedNode] = {}
    for q in sorted(given, key=str):  # stable: the first place (in IRI order) owns a shared name
        if (
            isinstance(q.subject, ox.NamedNode)
            and q.subject in places
            and q.predicate in _NAMES
            and isinstance(q.object, ox.Literal)
        ):
            by_name.setdefault(q.object.value.casefold(), q.subject)
    out: list[ox.Quad] = []
    for q in given:
        if q.predicate == _LOCATION and isinstance(q.object, ox.Literal):
            place = by_name.get(q.object.value.strip().casefold())
            if place is not None:
                q = ox.Quad(q.subject, q.predicate, place, q.graph_name)
        out.append(q)
    return with_entailed(out)
