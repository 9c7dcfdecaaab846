"""SHACL validation: run the bundled shapes over the register and document graphs, read the report."""

from __future__ import annotations

import functools
import importlib.resources
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Node, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.collection import Collection
from rdflib.namespace import FOAF, RDF, RDFS, SH, SKOS

from .errors import UnknownEntityError, ValidationFailed
from .store import GraphStore
from .vocab import BASE, DCTERMS, GRAPH_DOCUMENT_PREFIX, GRAPH_REGISTER, OA, SCHEMA, THB

if TYPE_CHECKING:
    from rdflib.plugins.sparql.sparql import Query

# pySHACL and rdflib's SPARQL engine take about half a second to import and only the "pyshacl"
# engine (or inference) uses them: they are imported there, not here.

__all__ = [
    "SEVERITIES",
    "ValidationReport",
    "ValidationResult",
    "load_ontology",
    "load_shapes",
    "validate_graph",
    "validate_quads",
    "validate_store",
]

Severity = Literal["Violation", "Warning", "Info"]
Inference = Literal["none", "rdfs", "owlrl", "both"]
Engine = Literal["fast", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("fast", "pyshacl")
SEVERITIES: tuple[Severity, ...] = ("Violation", "Warning", "Info")

# Properties that name a node in a report, most telling first.
_LABEL_PROPERTIES = (
    RDFS.label,
    SKOS.prefLabel,
    FOAF.name,
    SCHEMA.name,
    DCTERMS.title,
    SKOS.notation,
)

# Prefixes used to shorten IRIs in the readable report.
_PREFIXES = {
    "thb:": str(THB),
    "tb:": BASE + "id/",
    "thbsh:": BASE + "shapes#",
    "sh:": str(SH),
    "schema:": str(SCHEMA),
    "oa:": str(OA),
    "cito:": "http://purl.org/spar/cito/",
    "eli:": "http://data.europa.eu/eli/ontology#",
    "skos:": str(SKOS),
    "rdfs:": str(RDFS),
    "rdf:": str(RDF),
    "dcterms:": str(DCTERMS),
    "foaf:": str(FOAF),
    "org:": "http://www.w3.org/ns/org#",
    "prov:": "http://www.w3.org/ns/prov#",
}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with the names and passage a reader needs to find and fix the data."""

    severity: Severity
    shape: str  # IRI of the named shape that reported it (a property shape's node shape)
    shape_label: str  # e.g. "Meeting / start date"
    focus: str  # IRI (or blank node id) of the offending node
    focus_label: str | None
    path: str | None  # property IRI, "^IRI" for an inverse path
    component: str  # constraint component IRI, e.g. sh:MinCountConstraintComponent
    message: str
    value: str | None = None
    passage: str | None = None  # the quoted passage of the focus node's evidence, when it has one

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ValidationReport:
    """All results of one validation run; conforms when no result is a Violation."""

    results: list[ValidationResult] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)  # the named graphs validated (store only)
    triples: int = 0  # size of the validated data graph

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    @property
    def counts(self) -> dict[str, int]:
        """Number of results per severity (every severity present, zero when none)."""
        found = Counter(r.severity for r in self.results)
        return {s: found.get(s, 0) for s in SEVERITIES}

    def raise_for_violations(self) -> None:
        """Raise ValidationFailed (carrying the readable report) when the data does not conform."""
        if not self.conforms:
            n = self.counts["Violation"]
            raise ValidationFailed(
                f"SHACL validation failed with {n} violation{'s' if n != 1 else ''}", self.text()
            )

    def text(self) -> str:
        """A readable report: results grouped by shape, each with its focus label and passage."""
        counts = self.counts
        verdict = "conforms" if self.conforms else "does NOT conform"
        summary = ", ".join(f"{counts[s]} {s.lower()}{_plural(s, counts[s])}" for s in SEVERITIES)
        lines = [f"SHACL validation: {verdict} ({summary}; {self.triples} triples)"]
        groups: dict[tuple[str, str], list[ValidationResult]] = {}
        for r in self.results:
            groups.setdefault((r.shape_label, r.shape), []).append(r)
        for (label, shape), results in groups.items():
            per = Counter(r.severity for r in results)
            tally = ", ".join(f"{per[s]} {s}" for s in SEVERITIES if per[s])
            lines.append("")
            lines.append(f"{label} [{_short(shape)}]: {tally}")
            for r in results:
                focus = f"{r.focus_label!r} <{r.focus}>" if r.focus_label else f"<{r.focus}>"
                lines.append(f"  {r.severity}: {focus}")
                where = [f"component {_short(r.component)}"]
                if r.path:
                    where.insert(0, f"path {_short(r.path)}")
                lines.append(f"    {'; '.join(where)}")
                lines.append(f"    {r.message}")
                if r.value is not None:
                    lines.append(f"    value: {_short(r.value)}")
                if r.passage is not None:
                    lines.append(f"    passage: {r.passage!r}")
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "counts": self.counts,
            "triples": self.triples,
            "graphs": list(self.graphs),
            "results": [r.to_json() for r in self.results],
        }


def result_order(r: ValidationResult) -> tuple[int, str, str, str, str, str, str]:
    """The order of results in a report, the same for both engines: severity, shape, focus, ..."""
    return (
        SEVERITIES.index(r.severity) if r.severity in SEVERITIES else 9,
        r.shape_label,
        r.focus,
        r.path or "",
        r.message,
        r.component,
        r.value or "",
    )


def _plural(severity: str, n: int) -> str:
    return "" if n == 1 or severity == "Info" else "s"


def _short(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return prefix + iri[len(ns) :]
    return iri


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


class _PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL text once.

    pySHACL runs a SPARQL constraint once per focus node and rdflib parses the text every time
    (tens of milliseconds each); parsed queries are kept here, keyed by their text.
    """

    _prepared: ClassVar[dict[str, Query]] = {}

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
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
    for s, p, o, g in data.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        if wanted is None or name in wanted:
            kg.add((s, p, o))
    return kg


@functools.cache
def _class_axioms() -> tuple[tuple[Node, Node, Node], ...]:
    """The ontology's rdfs:subClassOf triples (none while the ontology is not there)."""
    ontology = load_ontology()
    if ontology is None:
        return ()
    return tuple(ontology.triples((None, RDFS.subClassOf, None)))


def validate_quads(quads: Iterable[ox.Quad | ox.Triple]) -> ValidationReport:
    """Validate pyoxigraph quads (their triples, as one graph) with the fast engine, no rdflib."""
    from .shacl_engine import validate_quads as fast

    return fast(quads)


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
    SPARQL shapes in pyoxigraph, graph/shacl_engine.py) gives the same report as "pyshacl", the
    reference, in a fraction of the time.
    """
    _check_engine(engine)
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


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"engine: unknown SHACL engine {engine!r} (one of {', '.join(ENGINES)})")


def validate_store(
    store: GraphStore,
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
    _check_engine(engine)
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


# -- reading pySHACL's results graph ---------------------------------------------------------------


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


def _message(results_graph: Graph, node: Node, shapes: Graph, source: Node | None) -> str:
    """The most specific message: a SPARQL constraint's own message before its shape's generic one."""
    messages = sorted({str(m) for m in results_graph.objects(node, SH.resultMessage)})
    generic = {str(m) for m in shapes.objects(source, SH.message)} if source is not None else set()
    specific = [m for m in messages if m not in generic]
    chosen = specific or messages
    return " ".join(chosen) if chosen else "(no message)"


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
