"""Entailed types and properties: the ontology's subclass and subproperty axioms, materialised.

A closure of our own over the ontology only (ontology/thbgraph.ttl, which also restates the few
axioms of the reused vocabularies that the published graph relies on, such as ORG's
`org:OrganizationalUnit rdfs:subClassOf org:Organization`): for every `?x a C` the graph also
states `?x a D` for each superclass D of C, and for every `?x p ?y` also `?x q ?y` for each
superproperty q of p (RDFS entailment rules rdfs9 and rdfs7). So `?m a schema:Event` finds every
meeting and `?d a eli:LegalResource` every decision without a reasoner. Each entailed quad is put in
the named graph of the statement that entails it, so a document's graph still holds all that
follows from it, and replacing or removing the document replaces or removes that too.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

import pyoxigraph as ox

__all__ = ["entailed", "superclasses", "superproperties", "with_entailed"]

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_SUBCLASS = ox.NamedNode(_RDFS + "subClassOf")
_SUBPROPERTY = ox.NamedNode(_RDFS + "subPropertyOf")
_EQUIVALENT_CLASS = ox.NamedNode(_OWL + "equivalentClass")
_EQUIVALENT_PROPERTY = ox.NamedNode(_OWL + "equivalentProperty")


def _closure(
    edges: dict[ox.NamedNode, set[ox.NamedNode]],
) -> dict[ox.NamedNode, frozenset[ox.NamedNode]]:
    """Every term's strict ancestors (a cycle, as from an equivalence, stops where it began)."""
    out: dict[ox.NamedNode, frozenset[ox.NamedNode]] = {}
    for term in edges:
        seen: set[ox.NamedNode] = set()
        stack = list(edges[term])
        while stack:  # bounded: each term is pushed at most once per start term
            t = stack.pop()
            if t in seen or t == term:
                continue
            seen.add(t)
            stack.extend(edges.get(t, ()))
        out[term] = frozenset(seen)
    return out


@lru_cache(maxsize=1)
def _hierarchies() -> tuple[
    dict[ox.NamedNode, frozenset[ox.NamedNode]], dict[ox.NamedNode, frozenset[ox.NamedNode]]
]:
    path = files("thbgraph.ontology") / "thbgraph.ttl"
    classes: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    properties: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for t in ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE):
        s, p, o = t.subject, t.predicate, t.object
        if not (isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)):
            continue
        if p == _SUBCLASS:
            classes.setdefault(s, set()).add(o)
        elif p == _SUBPROPERTY:
            properties.setdefault(s, set()).add(o)
        elif p == _EQUIVALENT_CLASS:
            classes.setdefault(s, set()).add(o)
            classes.setdefault(o, set()).add(s)
        elif p == _EQUIVALENT_PROPERTY:
            properties.setdefault(s, set()).add(o)
            properties.setdefault(o, set()).add(s)
    return _closure(classes), _closure(properties)


def superclasses(iri: str) -> frozenset[str]:
    """The ontology's strict superclasses of a class (transitively), as IRI strings."""
    return frozenset(c.value for c in _hierarchies()[0].get(ox.NamedNode(iri), ()))


def superproperties(iri: str) -> frozenset[str]:
    """The ontology's strict superproperties of a property (transitively), as IRI strings."""
    return frozenset(p.value for p in _hierarchies()[1].get(ox.NamedNode(iri), ()))


def entailed(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads that the ontology's subclass and subproperty axioms add to `quads` (each in the
    graph of the quad entailing it), without those already there, in a stable order."""
    classes, properties = _hierarchies()
    given = list(quads)
    have = set(given)
    out: list[ox.Quad] = []
    for q in given:
        if q.predicate == RDF_TYPE and isinstance(q.object, ox.NamedNode):
            for c in sorted(classes.get(q.object, ()), key=str):
                new = ox.Quad(q.subject, RDF_TYPE, c, q.graph_name)
                if new not in have:
                    have.add(new)
                    out.append(new)
        for p in sorted(properties.get(q.predicate, ()), key=str):
            new = ox.Quad(q.subject, p, q.object, q.graph_name)
            if new not in have:
                have.add(new)
                out.append(new)
    return out


def with_entailed(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """`quads` followed by what they entail."""
    given = list(quads)
    return given + entailed(given)
