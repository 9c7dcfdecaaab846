"""The reference engine: pySHACL over an rdflib copy of the data, its results graph read into a report.

pySHACL and rdflib's SPARQL engine take about half a second to import and only this engine (or
inference) uses them: they are imported when it runs, not with this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import pyoxigraph as ox
from rdflib import Dataset, Graph, Node, URIRef
from rdflib.namespace import RDF, RDFS, SH

from ..vocab import OA, THB

if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query

from .engine import validate_quads
from .report import (
    _LABEL_PROPERTIES,
    Engine,
    Inference,
    ValidationReport,
    ValidationResult,
    check_engine,
    result_order,
)
from .shapes import (
    _class_axioms,
    _local,
    _path_text,
    _shape_name,
    _text_of,
    load_ontology,
    load_shapes,
)


class _PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL text once.

    pySHACL runs a SPARQL constraint once per focus node and rdflib parses the text every time
    (tens of milliseconds each); parsed queries are kept here, keyed by their text.
    """

    _prepared: ClassVar[dict[str, Query]] = {}

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                from rdflib.plugins.sparql import prepareQuery

                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, *args, **kwargs)


def _union(data: Graph | Dataset, graphs: list[str] | None) -> Graph:
    """A new graph holding the triples of `data` (for a dataset: of the chosen named graphs)."""
    kg = _PreparedQueryGraph()
    if not data.context_aware:  # a plain Graph (a Dataset or ConjunctiveGraph holds named graphs)
        kg += data
        return kg
    wanted = {URIRef(g) for g in graphs} if graphs is not None else None
    for s, p, o, g in data.quads((None, None, None, None)):  # type: ignore[attr-defined]  # context-aware here
        name = g.identifier if isinstance(g, Graph) else g
        if wanted is None or name in wanted:
            kg.add((s, p, o))
    return kg


def validate_graph(
    data: Graph | Dataset,
    *,
    graphs: list[str] | None = None,
    inference: Inference = "none",
    ont_graph: Graph | None = None,
    engine: Engine = "fast",
) -> ValidationReport:
    """Validate a graph (or the union of a dataset's named graphs) against the bundled shapes.

    The data is copied, never changed. The ontology's subclass axioms are added to the copy, so
    `sh:class thb:Commitment` accepts every kind of commitment without running inference. With
    `inference` other than "none", the bundled ontology (or `ont_graph`) is mixed in and pySHACL
    expands the copy first (slower, same results on well-formed data); `ont_graph` is only
    used then, and pySHACL runs whatever the engine. `engine` "fast" (Rust core shapes plus
    SPARQL shapes in pyoxigraph, graph/validate/engine.py) gives the same report as "pyshacl", the
    reference, in a fraction of the time.
    """
    check_engine(engine)
    kg = _union(data, graphs)
    if engine == "fast" and inference == "none":
        nt = kg.serialize(format="nt", encoding="utf-8")
        return validate_quads(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))
    triples = len(kg)
    for axiom in _class_axioms():
        kg.add(axiom)
    if inference != "none" and ont_graph is None:
        ont_graph = load_ontology()
    shapes = load_shapes()
    import pyshacl

    _conforms, results_graph, _text = pyshacl.validate(
        kg,
        shacl_graph=shapes,
        ont_graph=ont_graph if inference != "none" else None,
        inference=inference,
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        meta_shacl=False,
        advanced=True,  # SPARQL targets (SHACL-AF) preselect the nodes of the SPARQL checks
        inplace=True,  # kg is our own copy
    )
    results = _read_results(results_graph, shapes, kg)
    return ValidationReport(results=results, triples=triples)


def _read_results(results_graph: Graph, shapes: Graph, kg: Graph) -> list[ValidationResult]:
    out = []
    for node in results_graph.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, node) in results_graph:
            continue  # a nested result (sh:detail) explains a top-level one; not reported alone
        severity = _local(results_graph.value(node, SH.resultSeverity))
        source = results_graph.value(node, SH.sourceShape)
        focus = results_graph.value(node, SH.focusNode)
        path = results_graph.value(node, SH.resultPath)
        value = results_graph.value(node, SH.value)
        shape, shape_label = _shape_name(shapes, source)
        constraint = results_graph.value(node, SH.sourceConstraint)
        constraint_label = _text_of(shapes, constraint, RDFS.label) if constraint else None
        if constraint_label:
            shape_label = f"{shape_label} / {constraint_label}"
        out.append(
            ValidationResult(
                severity=severity,  # type: ignore[arg-type]
                shape=shape,
                shape_label=shape_label,
                focus=str(focus),
                focus_label=_label(kg, focus),
                path=_path_text(results_graph, path),
                component=str(results_graph.value(node, SH.sourceConstraintComponent)),
                message=_message(results_graph, node, shapes, source),
                value=None if value is None or value == focus else str(value),
                passage=_passage(kg, focus),
            )
        )
    out.sort(key=result_order)
    return out


def _message(results_graph: Graph, node: Node, shapes: Graph, source: Node | None) -> str:
    """The most specific message: a SPARQL constraint's own message before its shape's generic one."""
    messages = sorted({str(m) for m in results_graph.objects(node, SH.resultMessage)})
    generic = {str(m) for m in shapes.objects(source, SH.message)} if source is not None else set()
    specific = [m for m in messages if m not in generic]
    chosen = specific or messages
    return " ".join(chosen) if chosen else "(no message)"


def _label(kg: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    for prop in _LABEL_PROPERTIES:
        text = _text_of(kg, node, prop)
        if text:
            return text
    for cited in sorted(
        kg.objects(node, URIRef("http://purl.org/spar/cito/hasCitedEntity")), key=str
    ):
        cited_label = _label(kg, cited)
        if cited_label:
            return f"citation of {cited_label}"
    return _quote_of(kg, node)


def _quote_of(kg: Graph, annotation: Node) -> str | None:
    """The oa:exact of an evidence annotation (the first in IRI/text order, when it has several)."""
    for target in sorted(kg.objects(annotation, OA.hasTarget), key=str):
        for selector in sorted(kg.objects(target, OA.hasSelector), key=str):
            exact = sorted(kg.objects(selector, OA.exact), key=str)
            if exact:
                return str(exact[0])
    return None


def _passage(kg: Graph, focus: Node | None) -> str | None:
    """The passage supporting the focus node: its own quote, its thb:evidence, or an annotation of it."""
    if focus is None:
        return None
    if (focus, RDF.type, OA.Annotation) in kg:
        return _quote_of(kg, focus)
    annotations = sorted(kg.objects(focus, THB.evidence), key=str) or sorted(
        kg.subjects(OA.hasBody, focus), key=str
    )
    for annotation in annotations:
        quote = _quote_of(kg, annotation)
        if quote is not None:
            return quote
    return None
