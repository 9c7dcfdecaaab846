"""SHACL validation of a graph written in parts: one document (or one batch of documents) at a time.

A streaming build never holds the whole graph, so it cannot hand the SHACL engine the union of
every document. It validates the register-wide graphs (register, ontology) once, then each batch
with its *neighbourhood* read from the store being written: what the earlier document graphs state
about the batch's nodes (a meeting merged across documents, a shared person), the descriptions of
the nodes those triples name, and the triples that reach the batch's nodes by an inverse path of
the shapes (an agenda item is a sub-event of exactly one meeting). Results are kept per focus
node, the batch's own nodes only (the subjects and the IRIs named by its triples); a later batch
that states something about a node validates it again and its results replace the earlier ones.
At the end each node with a result is validated once more with its neighbourhood in the finished
graph, so a result that a later document made wrong (the class of a value stated later) goes.

`add` uses the same neighbourhood for one new document (`neighbourhood`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache

import pyoxigraph as ox

from ..store import GraphStore
from ..store.embedded import has_union_copy
from ..vocab import BASE, GRAPH_DOCUMENT_PREFIX, GRAPH_REGISTER
from .engine import validate_quads
from .report import ValidationReport, ValidationResult, result_order
from .shapes import load_shapes

__all__ = ["BatchValidator", "inverse_predicates", "neighbourhood", "stated_about"]

GRAPH_ONTOLOGY = BASE + "graph/ontology"
_UNION = ox.DefaultGraph()  # a store written by a Generation keeps the union of its graphs here
RECHECK_CHUNK = 200  # focus nodes validated again at once at the end (bounds the memory it takes)
_SH_INVERSE = "http://www.w3.org/ns/shacl#inversePath"


@lru_cache(maxsize=1)
def inverse_predicates() -> frozenset[str]:
    """The predicates a bundled shape follows backwards (`sh:inversePath`): a triple of another
    document with one of them can change the results of the node it points to."""
    from rdflib import URIRef

    shapes = load_shapes()
    return frozenset(
        str(o) for o in shapes.objects(None, URIRef(_SH_INVERSE)) if isinstance(o, URIRef)
    )


def _static(store: GraphStore) -> Iterator[ox.Quad]:
    return itertools.chain.from_iterable(
        store.inner.quads_for_pattern(None, None, None, ox.NamedNode(g))
        for g in (str(GRAPH_REGISTER), GRAPH_ONTOLOGY)
    )


def neighbourhood(
    store: GraphStore,
    doc_quads: list[ox.Quad],
    *,
    inverse: frozenset[str] | None = None,
    skip_own_graphs: bool = True,
    union: bool = False,
) -> list[ox.Quad]:
    """What validating new document graphs needs: them, the register, the ontology, and what
    other documents say about the entities they describe (shared meetings, publications...).

    The rest of the store was valid before and is unchanged, so this keeps `add` fast. What other
    documents say about the new subjects names further nodes (the documents describing a shared
    meeting, its speakers...): their own descriptions come too, so the new subjects' sh:class and
    sh:node checks see them (results about those further nodes are not the change's: see
    `_validate_change`). Validation reads triples, so a triple stated in several graphs is given once.

    With `inverse` (predicates), the triples of other documents with one of them whose object is
    a node of `doc_quads` come too, with their subjects' descriptions (a shape's inverse path).
    `skip_own_graphs=False` reads the graphs of `doc_quads` from the store as well (they are
    there already: the final check of a streaming build). With `union`, the other documents'
    triples are read from the store's union copy (each distinct triple once, however many
    documents state it: a node every document names costs its distinct triples, not one quad per
    document); for a store that holds only document graphs and the register (a build's).
    """
    quads: list[ox.Quad] = []
    seen: set[ox.Triple] = set()
    for q in itertools.chain(doc_quads, _static(store)):
        if q.triple not in seen:
            seen.add(q.triple)
            quads.append(q)
    new_graphs: set[object] = {q.graph_name for q in doc_quads} if skip_own_graphs else set()
    subjects = {q.subject for q in doc_quads if isinstance(q.subject, ox.NamedNode)}
    first = stated_about(store, subjects, new_graphs, seen, union=union)
    described = {q.subject for q in quads} | subjects
    values = {q.object for q in doc_quads + first if isinstance(q.object, ox.NamedNode)}
    if inverse:
        nodes = subjects | {q.object for q in doc_quads if isinstance(q.object, ox.NamedNode)}
        backwards = _stated_to(store, nodes, inverse, new_graphs, seen, union=union)
        first += backwards
        values |= {q.subject for q in backwards if isinstance(q.subject, ox.NamedNode)}
    return quads + first + stated_about(store, values - described, new_graphs, seen, union=union)


def stated_about(
    store: GraphStore,
    subjects: set[ox.NamedNode],
    skip_graphs: set[object],
    seen: set[ox.Triple],
    *,
    union: bool = False,
) -> list[ox.Quad]:
    """The triples document graphs (other than `skip_graphs`) state about `subjects`, not yet
    `seen`, one quad of a document graph each: point reads of the store's subject index (a
    subject no other document describes costs one empty read)."""
    out = []
    graph = _UNION if union else None
    for s in subjects:
        for q in store.inner.quads_for_pattern(s, None, None, graph):
            if union:
                if q.triple not in seen:
                    seen.add(q.triple)
                    out.append(q)
                continue
            if (
                q.graph_name in skip_graphs
                or not isinstance(q.graph_name, ox.NamedNode)
                or not q.graph_name.value.startswith(GRAPH_DOCUMENT_PREFIX)
                or q.triple in seen
            ):
                continue
            seen.add(q.triple)
            out.append(q)
    return out


def _stated_to(
    store: GraphStore,
    objects: set[ox.NamedNode],
    predicates: frozenset[str],
    skip_graphs: set[object],
    seen: set[ox.Triple],
    *,
    union: bool = False,
) -> list[ox.Quad]:
    """The triples document graphs (other than `skip_graphs`) state with one of `predicates`
    and an object among `objects`, not yet `seen` (point reads of the store's object index)."""
    out = []
    for p in sorted(predicates):
        pred = ox.NamedNode(p)
        for o in objects:
            for q in store.inner.quads_for_pattern(None, pred, o, _UNION if union else None):
                if union:
                    if q.triple not in seen:
                        seen.add(q.triple)
                        out.append(q)
                    continue
                if (
                    q.triple in seen
                    or q.graph_name in skip_graphs
                    or not isinstance(q.graph_name, ox.NamedNode)
                    or not q.graph_name.value.startswith(GRAPH_DOCUMENT_PREFIX)
                ):
                    continue
                seen.add(q.triple)
                out.append(q)
    return out


def _nodes(quads: Iterable[ox.Quad]) -> tuple[set[str], set[str]]:
    """The nodes a batch states something about, and those it only names (as a value)."""
    subjects: set[str] = set()
    named: set[str] = set()
    for q in quads:
        if not isinstance(q.subject, ox.Triple):
            subjects.add(str(q.subject.value))
        if isinstance(q.object, ox.NamedNode):
            named.add(q.object.value)
    return subjects, named - subjects


def _inverse(r: ValidationResult) -> bool:
    return bool(r.path and r.path.startswith("^"))


class BatchValidator:
    """Validates a graph loaded in batches into `store` (see the module docstring).

    Call `register_wide(static)` once (the register and ontology: they must be in the store before
    the first batch's neighbourhood is read), `batch(quads)` before each batch is loaded, and
    `finish()` after the last one is: its report is the whole graph's.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.inverse = inverse_predicates()
        self.results: dict[str, list[ValidationResult]] = {}  # per focus node, only those with any
        self.quads_checked = 0
        self.union = False  # set once the register-wide graphs are in the store
        self._static_subjects: set[str] = set()

    def _keep(
        self,
        report: ValidationReport,
        focus: set[str] | None,
        named: AbstractSet[str] = frozenset(),
    ) -> None:
        """Keep a report's results about `focus` (all of them: their earlier results go) and its
        inverse-path results about `named` (nodes a batch only names: their other results need
        their own values, which the batch's neighbourhood does not read, so earlier ones stay)."""
        if focus is None:
            focus = {r.focus for r in report.results}
        for node in focus:
            self.results.pop(node, None)
        for node in named & self.results.keys():
            kept = [r for r in self.results[node] if not _inverse(r)]
            if kept:
                self.results[node] = kept
            else:
                del self.results[node]
        for r in report.results:
            if r.focus in focus or (r.focus in named and _inverse(r)):
                self.results.setdefault(r.focus, []).append(r)

    def register_wide(self, static: list[ox.Quad]) -> None:
        """The register-wide shapes, once: the register and ontology graphs on their own."""
        self.quads_checked += len(static)
        self._static_subjects = {
            str(q.subject.value) for q in static if not isinstance(q.subject, ox.Triple)
        }
        self.union = has_union_copy(self.store.inner)
        self._keep(validate_quads(static), None)

    def batch(self, doc_quads: list[ox.Quad]) -> None:
        """Validate a batch of document graphs (not yet in the store) with its neighbourhood."""
        quads = neighbourhood(self.store, doc_quads, inverse=self.inverse, union=self.union)
        self.quads_checked += len(quads)
        subjects, named = _nodes(doc_quads)
        self._keep(validate_quads(quads), subjects, named)

    def _graphs_of(self, node: str) -> set[ox.NamedNode]:
        """The document graphs that state something about `node`, or name it by an inverse path."""
        inner, n = self.store.inner, ox.NamedNode(node)
        found = itertools.chain(
            inner.quads_for_pattern(n, None, None, None),
            *(
                inner.quads_for_pattern(None, ox.NamedNode(p), n, None)
                for p in sorted(self.inverse)
            ),
        )
        return {
            q.graph_name
            for q in found
            if isinstance(q.graph_name, ox.NamedNode)
            and q.graph_name.value.startswith(GRAPH_DOCUMENT_PREFIX)
        }

    def _maybe_stale(self, node: str) -> bool:
        """Whether a later batch may have changed a node's results without validating it: a
        violation (always checked again), or a node one of whose values (or inverse-path
        neighbours) is described by a document graph that does not describe the node itself."""
        if not node.startswith(("http://", "https://", "urn:")):
            return False
        if any(r.severity == "Violation" for r in self.results[node]):
            return True
        inner, n = self.store.inner, ox.NamedNode(node)
        own = self._graphs_of(node)
        values = {q.object for q in inner.quads_for_pattern(n, None, None, None)}
        for p in sorted(self.inverse):
            values |= {q.subject for q in inner.quads_for_pattern(None, ox.NamedNode(p), n, None)}
        for v in values:
            if not isinstance(v, ox.NamedNode) or v.value in self._static_subjects:
                continue  # a register node: a batch reads it from the register only
            for q in inner.quads_for_pattern(v, None, None, None):
                g = q.graph_name
                if (
                    isinstance(g, ox.NamedNode)
                    and g.value.startswith(GRAPH_DOCUMENT_PREFIX)
                    and g not in own
                ):
                    return True
        return False

    def finish(self) -> ValidationReport:
        """Each node with a result validated again in the finished graph (with the whole document
        graphs that describe it, and their neighbourhood); the whole report."""
        nodes = sorted(n for n in self.results if self._maybe_stale(n))
        chunk: set[str] = set()
        graphs: set[ox.NamedNode] = set()
        for i, node in enumerate(nodes):
            chunk.add(node)
            graphs |= self._graphs_of(node)
            if len(chunk) < RECHECK_CHUNK and i + 1 < len(nodes):
                continue
            about = [
                q
                for g in sorted(graphs, key=str)
                for q in self.store.inner.quads_for_pattern(None, None, None, g)
            ]
            quads = neighbourhood(
                self.store, about, inverse=self.inverse, skip_own_graphs=False, union=self.union
            )
            self._keep(validate_quads(quads), chunk)
            chunk, graphs = set(), set()
        results = sorted((r for rs in self.results.values() for r in rs), key=result_order)
        return ValidationReport(results=results, triples=self.quads_checked)
