"""Loading researchers' own RDF files into named graphs beside the extracted graph."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError, ThbGraphError
from ..vocab import BASE, GRAPH_RUNS
from .embedded import Generation, GraphStore
from .remote import remote_location

__all__ = ["FORMATS", "guess_format", "load_rdf_file"]

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".nq": "nquads",
    ".trig": "trig",
    ".rdf": "rdfxml",
    ".owl": "rdfxml",
    ".xml": "rdfxml",
    ".jsonld": "jsonld",
    ".json": "jsonld",
}
RESERVED = BASE + "graph/"


def guess_format(path: Path, given: str | None = None) -> ox.RdfFormat:
    """The RDF format of a file, from --format or its extension."""
    name = given or _SUFFIXES.get(path.suffix.lower())
    if name is None or name not in FORMATS:
        raise ThbGraphError(
            f"{path}: cannot tell the RDF format from {given or path.suffix or 'no extension'!r}; "
            f"use --format with one of {', '.join(FORMATS)}"
        )
    return FORMATS[name]


def load_rdf_file(store_root: Path, path: Path, graph: str, *, fmt: str | None = None) -> int:
    """Replace named graph `graph` with the triples of an RDF file, atomically; returns the count."""
    if remote_location(store_root) is not None:
        raise StoreError(
            "`thbgraph load` works on an embedded store; load into a remote server with its own tools"
        )
    if graph.startswith(RESERVED):
        raise StoreError(
            f"--graph {graph}: graphs under {RESERVED} hold the extracted graph; choose another IRI"
        )
    if not graph.startswith(("http://", "https://", "urn:")):
        raise StoreError(f"--graph {graph!r}: a graph name must be an absolute IRI")
    rdf_format = guess_format(path, fmt)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ThbGraphError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if rdf_format == ox.RdfFormat.RDF_XML and re.search(
        rb"<!(ENTITY|DOCTYPE[^>]*\b(SYSTEM|PUBLIC)\b)", data, re.I
    ):
        raise ThbGraphError(
            f"{path}: RDF/XML that declares entities or external DTDs is refused "
            "(entity expansion and external entities are a known attack); remove the DOCTYPE"
        )
    target = ox.NamedNode(graph)
    try:
        # pyoxigraph's parsers resolve no external entities and fetch nothing
        triples = [
            ox.Quad(q.subject, q.predicate, q.object, target)
            for q in ox.parse(data, format=rdf_format, base_iri="file:///" + path.name)
        ]
    except (SyntaxError, ValueError) as exc:
        raise ThbGraphError(f"{path}: not valid {fmt or path.suffix} RDF: {exc}") from exc
    from ..changes import ChangeRecorder  # the change log and its patch (graph/changes.py)

    with Generation(store_root, copy_current=True) as gen:
        recorder = ChangeRecorder(store_root, gen.path, gen.store.inner, "load")
        recorder.watch([target])
        gen.touch(target)
        gen.store.inner.remove_graph(target)
        gen.store.inner.extend(triples)
        gen.touch(ox.NamedNode(str(GRAPH_RUNS)))
        recorder.finish([path.name])
        gen.commit()
    return len(triples)


def graph_sizes(store: GraphStore) -> list[tuple[str, int]]:
    """Each named graph with its number of triples."""
    return store.named_graphs()
