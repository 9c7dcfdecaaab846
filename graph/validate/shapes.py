"""The bundled shapes and ontology, and the names of shapes and paths as a report prints them."""

from __future__ import annotations

import functools
import importlib.resources
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Node, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

if TYPE_CHECKING:
    pass

from .report import _short


@functools.cache
def _shapes_text() -> str:
    return importlib.resources.files("thbgraph.shapes").joinpath("thbgraph.ttl").read_text("utf-8")


def load_shapes() -> Graph:
    """The bundled shapes graph (shapes/thbgraph.ttl), parsed afresh."""
    return Graph().parse(data=_shapes_text(), format="turtle")


def load_ontology() -> Graph | None:
    """The bundled ontology (ontology/thbgraph.ttl), or None while it is not there."""
    resource = importlib.resources.files("thbgraph.ontology").joinpath("thbgraph.ttl")
    if not resource.is_file():
        return None
    return Graph().parse(data=resource.read_text("utf-8"), format="turtle")


@functools.cache
def _class_axioms() -> tuple[tuple[Node, Node, Node], ...]:
    """The ontology's rdfs:subClassOf triples (none while the ontology is not there)."""
    ontology = load_ontology()
    if ontology is None:
        return ()
    return tuple(ontology.triples((None, RDFS.subClassOf, None)))


def _local(term: Node | None) -> str:
    text = str(term or "")
    return text.rsplit("#", 1)[-1]


def _text_of(g: Graph, node: Node, prop: URIRef) -> str | None:
    """The English (or untagged, or any) literal of `prop` on `node`."""
    values = [v for v in g.objects(node, prop) if isinstance(v, RDFLiteral)]
    if not values:
        return None
    values.sort(key=lambda v: (v.language not in (None, "en"), v.language or "", str(v)))
    return str(values[0])


def _shape_name(shapes: Graph, source: Node | None) -> tuple[str, str]:
    """The IRI and readable label of the shape that reported a result.

    A property shape is a blank node: it is named after its node shape plus its sh:name.
    """
    if source is None:
        return "", "(unknown shape)"
    own = _text_of(shapes, source, SH.name) or _text_of(shapes, source, RDFS.label)
    if isinstance(source, URIRef):
        return str(source), own or _short(str(source))
    parent = next(iter(shapes.subjects(SH.property, source)), None)
    if parent is None:
        return str(source), own or "(anonymous shape)"
    parent_label = _text_of(shapes, parent, RDFS.label) or _short(str(parent))
    return str(parent), f"{parent_label} / {own}" if own else parent_label


def _path_text(results_graph: Graph, path: Node | None) -> str | None:
    """A property IRI; '^IRI' for an inverse path, 'IRI/IRI' for a sequence path."""
    if path is None:
        return None
    if isinstance(path, BNode):
        inverse = results_graph.value(path, SH.inversePath)
        if inverse is not None:
            return f"^{inverse}"
        if results_graph.value(path, RDF.first) is not None:
            steps = [_path_text(results_graph, step) for step in Collection(results_graph, path)]
            return "/".join(step or "?" for step in steps)
        return "(complex path)"
    return str(path)
