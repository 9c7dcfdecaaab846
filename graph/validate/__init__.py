"""SHACL validation: run the bundled shapes over the register and document graphs, read the report.

The package: `report` (the report), `shapes` (the bundled shapes and their names), `engine` (the fast
engine: Rust core shapes plus SPARQL shapes in pyoxigraph), `reference` (pySHACL, the reference).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from ..errors import UnknownEntityError
from ..store import Store
from ..vocab import GRAPH_DOCUMENT_PREFIX, GRAPH_REGISTER
from .engine import validate_quads
from .reference import validate_graph
from .report import (
    ENGINES,
    SEVERITIES,
    Engine,
    Inference,
    ValidationReport,
    ValidationResult,
    check_engine,
    result_order,
)
from .shapes import load_ontology, load_shapes

__all__ = [
    "ENGINES",
    "SEVERITIES",
    "Engine",
    "Inference",
    "ValidationReport",
    "ValidationResult",
    "check_engine",
    "load_ontology",
    "load_shapes",
    "result_order",
    "validate_graph",
    "validate_quads",
    "validate_store",
]


def validate_store(
    store: Store,
    *,
    graphs: list[str] | None = None,
    all_graphs: bool = False,
    inference: Inference = "none",
    engine: Engine = "fast",
) -> ValidationReport:
    """Validate the graphs of a store as one union graph.

    By default the register graph and every document graph; graphs loaded by users are left out
    unless `all_graphs` is set or they are listed in `graphs`.
    """
    check_engine(engine)
    present = [name for name, _n in store.named_graphs()]
    if graphs is not None:
        missing = [g for g in graphs if g not in present]
        if missing:
            raise UnknownEntityError(
                f"graphs: no graph {', '.join(f'<{g}>' for g in missing)} in the store"
                + (f" at {store.location}" if store.location else ""),
                suggestions=present,
            )
        chosen = list(graphs)
    elif all_graphs:
        chosen = present
    else:
        chosen = [
            g for g in present if g == str(GRAPH_REGISTER) or g.startswith(GRAPH_DOCUMENT_PREFIX)
        ]
    if engine == "fast" and inference == "none":
        report = validate_quads(
            q
            for name in chosen
            for q in ox.parse(
                store.dump(ox.RdfFormat.N_TRIPLES, graph=name), format=ox.RdfFormat.N_TRIPLES
            )
        )
        report.graphs = chosen
        return report
    kg = Graph()
    for name in chosen:
        kg.parse(data=store.dump(ox.RdfFormat.N_TRIPLES, graph=name), format="nt")
    report = validate_graph(kg, inference=inference, engine="pyshacl")
    report.graphs = chosen
    return report
