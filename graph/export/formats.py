"""The export formats: one writer each, their media types and file names; `export()` runs one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from ..errors import ThbGraphError
from ..store import Store
from .csv import to_csv_zip
from .cytoscape import to_cytoscape
from .d3 import to_d3
from .dot import to_dot
from .gexf import to_gexf
from .graphml import to_graphml
from .rdf import construct_triples, store_quads, to_rdf
from .views import ViewOptions, build_view

__all__ = ["FORMATS", "Export", "Format", "export"]


@dataclass(frozen=True)
class Format:
    """An export format: its media type, file extension and (for graph formats) writer."""

    name: str
    media_type: str
    extension: str
    writer: Callable[[nx.Graph], bytes] | None = None  # None: an RDF dump


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("graphml", "application/graphml+xml", "graphml", to_graphml),
        Format("gexf", "application/gexf+xml", "gexf", to_gexf),
        Format("cytoscape", "application/json", "cyjs", to_cytoscape),
        Format("d3", "application/json", "json", to_d3),
        Format("dot", "text/vnd.graphviz", "dot", to_dot),
        Format("csv", "application/zip", "zip", to_csv_zip),
        Format("turtle", "text/turtle", "ttl"),
        Format("ntriples", "application/n-triples", "nt"),
        Format("nquads", "application/n-quads", "nq"),
        Format("trig", "application/trig", "trig"),
        Format("jsonld", "application/ld+json", "jsonld"),
    )
}


@dataclass(frozen=True)
class Export:
    """The bytes of one export, with what an HTTP response or a file needs."""

    content: bytes
    media_type: str
    filename: str


def _unfiltered(options: ViewOptions) -> bool:
    return not (options.focus or options.year_from or options.year_to or options.types)


def export(store: Store, options: ViewOptions, fmt: str) -> Export:
    """Build the view and write it in `fmt`: graph formats via networkx, RDF formats as dumps."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise ThbGraphError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    view_name = "construct" if options.construct is not None else options.view
    filename = f"thbgraph-{view_name}.{spec.extension}"
    if spec.writer is not None:
        return Export(spec.writer(build_view(store, options)), spec.media_type, filename)
    if options.construct is not None and _unfiltered(options):
        quads = construct_triples(store, options.construct)
    elif options.construct is None and options.view == "full" and _unfiltered(options):
        quads = store_quads(store)
    else:
        kg = build_view(store, ViewOptions(**{**options.__dict__, "metrics": False}))
        quads = store_quads(store, kg)
    return Export(to_rdf(quads, fmt), spec.media_type, filename)
