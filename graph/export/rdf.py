"""RDF dumps (Turtle, N-Triples, N-Quads, TriG, JSON-LD) of a view's part of the store.

What is dumped: the whole store for the unfiltered `full` view; the triples whose subject is a
node of the view otherwise; the constructed triples for `--construct`. The volatile `runs` graph
is left out, and statements are sorted, so equal stores give equal bytes.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pyoxigraph as ox

from ..errors import QueryError
from ..store import GraphStore, Store
from ._entities import PREFIXES

__all__ = ["RDF_FORMATS", "construct_triples", "store_quads", "to_rdf"]

GRAPH_RUNS = "https://w3id.org/thbgraph/graph/runs"
# format name -> (pyoxigraph format, whether it holds named graphs)
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}
_PREFIX_MAP = {prefix: ns for ns, prefix in PREFIXES.items() if ns != "http://schema.org/"}


def store_quads(store: Store, kg: nx.Graph | None = None) -> list[ox.Quad]:
    """The store's quads (without the runs graph), or only those whose subject is a node of `kg`."""
    subjects = None if kg is None else {str(n) for n in kg.nodes}
    out = []
    candidates: Iterable[ox.Quad]
    if not isinstance(store, GraphStore):  # a remote store: its dump, filtered here
        dumped = ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        candidates = (
            q
            for q in dumped
            if subjects is None
            or (isinstance(q.subject, ox.NamedNode) and q.subject.value in subjects)
        )
    elif subjects is None:
        candidates = store.inner.quads_for_pattern(None, None, None, None)
    else:
        candidates = (
            q
            for s in sorted(subjects)
            if not s.startswith("_:")
            for q in store.inner.quads_for_pattern(ox.NamedNode(s), None, None, None)
        )
    for q in candidates:
        if isinstance(q.graph_name, ox.DefaultGraph):  # the store's copy of the union
            continue
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == GRAPH_RUNS:
            continue
        out.append(q)
    return out


def construct_triples(store: Store, sparql: str) -> list[ox.Quad]:
    """The triples of a CONSTRUCT query, in the default graph."""
    try:
        result = store.query(sparql)
    except (SyntaxError, OSError, ValueError) as exc:
        raise QueryError(f"--construct: the query cannot be run: {exc}") from exc
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("--construct: the query must be a CONSTRUCT (or DESCRIBE) query")
    return [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result]


def to_rdf(quads: Iterable[ox.Quad], fmt: str) -> bytes:
    """Sorted serialisation in one of RDF_FORMATS; triple formats merge the graphs."""
    rdf_format, with_graphs = RDF_FORMATS[fmt]
    if with_graphs:
        unique_quads = {str(q): q for q in quads}
        items: list[ox.Quad] | list[ox.Triple] = [unique_quads[k] for k in sorted(unique_quads)]
    else:
        unique = {}
        for q in quads:
            t = ox.Triple(q.subject, q.predicate, q.object)
            unique[str(t)] = t
        items = [unique[k] for k in sorted(unique)]
    prefixes = _PREFIX_MAP if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    data = ox.serialize(items, format=rdf_format, prefixes=prefixes)
    return data if data is not None else b""
