"""SHACL per document graph (graph/validate/batches.py) finds what the whole-graph run finds.

The fixture set: the five seed documents' graphs, made invalid by statements that only break a
node together with another document's graph: a second start date for a meeting another document
describes (maxCount), a second meeting claiming an agenda item of another document (an inverse
path), and one document-local break (an agenda item without its title). Each document is a batch
of its own, validated before it is loaded into the store, as a streaming build does.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.build import MeetingResolver
from thbgraph.graph.pipeline import _document_quads, _static_quads, extract_file
from thbgraph.graph.register import load_register
from thbgraph.graph.store import GraphStore
from thbgraph.graph.validate import validate_quads
from thbgraph.graph.validate.batches import BatchValidator, inverse_predicates
from thbgraph.graph.vocab import THB

SCHEMA = "https://schema.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUB_EVENT = ox.NamedNode(SCHEMA + "subEvent")
START = ox.NamedNode(SCHEMA + "startDate")
NAME = ox.NamedNode(SCHEMA + "name")
AGENDA_ITEM = ox.NamedNode(str(THB.AgendaItem))
MEETING = ox.NamedNode(str(THB.Meeting))
DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def _key(r: object) -> tuple[object, ...]:
    return tuple(
        getattr(r, f) for f in ("severity", "shape", "focus", "path", "component", "value")
    )


@pytest.fixture(scope="module")
def documents(seed_dir: Path) -> tuple[list[ox.Quad], list[list[ox.Quad]]]:
    """The register-wide quads, and each seed document's quads made invalid as described above."""
    register = load_register()
    extractions = [extract_file(p, register) for p in sorted(seed_dir.glob("*.txt"))]
    quads, _ = _document_quads(extractions, register, MeetingResolver())
    by_graph: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(q)  # type: ignore[arg-type]
    docs = [by_graph[g] for g in sorted(by_graph, key=str)]
    assert len(docs) >= 4
    first = docs[0]
    items = [q.object for q in first if q.predicate == SUB_EVENT]
    assert items, "the first seed document's meeting has agenda items"
    meeting = next(q.subject for q in first if q.predicate == SUB_EVENT)
    # a document that does not name that meeting claims one of its agenda items for its own
    # meeting (maxCount 1 of ^schema:subEvent): only an inverse path links them
    apart = [
        i
        for i, d in enumerate(docs)
        if i > 0
        and all(meeting not in (q.subject, q.object) for q in d)
        and any(q.predicate == RDF_TYPE and q.object == MEETING for q in d)
    ]
    assert apart, "a seed document with a meeting of its own"
    claimant = docs[apart[0]]
    own = next(q.subject for q in claimant if q.predicate == RDF_TYPE and q.object == MEETING)
    claimant.append(ox.Quad(own, SUB_EVENT, items[0], claimant[0].graph_name))
    # another later document gives the first document's meeting a second start date (maxCount)
    later = docs[-1] if apart[0] != len(docs) - 1 else docs[-2]
    later.append(
        ox.Quad(meeting, START, ox.Literal("1999-01-01", datatype=DATE), later[0].graph_name)
    )
    # a document-local break: an agenda item of the second document loses its title
    second = docs[1]
    local = next((q.subject for q in second if q.object == AGENDA_ITEM), None)
    if local is not None:
        docs[1] = [q for q in second if not (q.subject == local and q.predicate == NAME)]
    return _static_quads(), docs


def _load(store: GraphStore, quads: list[ox.Quad], union: bool) -> None:
    store.inner.extend(quads)
    if union:  # as a Generation writes it: the union of the named graphs in the default graph
        store.inner.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)


def _per_document(
    static: list[ox.Quad], docs: list[list[ox.Quad]], union: bool
) -> set[tuple[object, ...]]:
    store = GraphStore(ox.Store())
    _load(store, static, union)
    validator = BatchValidator(store)
    validator.register_wide(static)
    assert validator.union == union
    for doc in docs:
        validator.batch(doc)  # validated before it is loaded, as a build does
        _load(store, doc, union)
    return {_key(r) for r in validator.finish().results}


@pytest.mark.parametrize("union", [False, True], ids=["graphs", "union-copy"])
def test_per_document_validation_finds_every_violation_of_the_whole_graph_run(
    documents: tuple[list[ox.Quad], list[list[ox.Quad]]], union: bool
) -> None:
    static, docs = documents
    whole = {_key(r) for r in validate_quads(static + [q for d in docs for q in d]).results}
    violations = {k for k in whole if k[0] == "Violation"}
    components = {str(k[4]) for k in violations}
    # the fixture really is invalid, across documents: a maxCount on the shared meeting, and the
    # inverse path of the agenda item
    assert any(c.endswith("MaxCountConstraintComponent") for c in components), violations
    assert any(str(k[3]).startswith("^") for k in violations), violations
    got = _per_document(static, docs, union)
    assert violations - got == set(), "missed by per-document validation"
    assert got == whole  # and nothing else: the same warnings and infos too


def test_the_inverse_paths_of_the_shapes_are_read_from_them() -> None:
    assert SCHEMA + "subEvent" in inverse_predicates()
