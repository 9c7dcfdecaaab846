"""The fast SHACL engine: core shapes in the Rust `shacl` validator, SPARQL shapes in pyoxigraph.

pySHACL (graph/validate/reference.py, engine "pyshacl") is the reference and gives the same report, but takes
minutes at a million triples. Here the shapes graph is split once: shapes with SPARQL targets or
`sh:sparql` constraints run as SPARQL queries over an in-memory pyoxigraph store (the target query,
then the constraint for all focus nodes at once, `$this` bound by a VALUES block), every other shape
is compiled by the Rust validator. Labels and passages of reported nodes are read from the same
store, so the data is never parsed into rdflib.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyoxigraph as ox
import shacl
from rdflib import BNode, Graph, Node, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.namespace import OWL, RDF, RDFS, SH

from ..cache import cache_file, read_cached, write_cached
from ..errors import ShapesError
from ..processes import kill_with_parent
from ..store import GraphStore, term_from_python
from ..vocab import OA, THB
from .report import ValidationReport, ValidationResult, result_order
from .shapes import _path_text, _shape_name, _shapes_text, _text_of, load_shapes

__all__ = ["CompiledShapes", "ShapesError", "compile_shapes", "validate_quads"]

_SKOLEM = "urn:thbgraph:shape:"  # property shapes get IRIs so the Rust results name them
_CITED = ox.NamedNode("http://purl.org/spar/cito/hasCitedEntity")
_LABELS = tuple(
    ox.NamedNode(str(p))
    for p in (
        RDFS.label,
        URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
        URIRef("http://xmlns.com/foaf/0.1/name"),
        URIRef("https://schema.org/name"),
        URIRef("http://purl.org/dc/terms/title"),
        URIRef("http://www.w3.org/2004/02/skos/core#notation"),
    )
)
_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_OA_ANNOTATION = ox.NamedNode(str(OA.Annotation))
_OA_TARGET = ox.NamedNode(str(OA.hasTarget))
_OA_SELECTOR = ox.NamedNode(str(OA.hasSelector))
_OA_EXACT = ox.NamedNode(str(OA.exact))
_OA_BODY = ox.NamedNode(str(OA.hasBody))
_EVIDENCE = ox.NamedNode(str(THB.evidence))
_AXIOMS_GRAPH = ox.NamedNode("urn:thbgraph:validation:axioms")
_CHUNK = 2000
PARALLEL_FROM = 200_000  # quads: below this a child process costs more than it saves  # focus nodes per VALUES block

# What a SPARQL shape may say besides its targets and SPARQL constraints.
_SPARQL_SHAPE_KEYS = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.name,
    SH.description,
    SH.message,
    SH.severity,
    SH.deactivated,
    SH.target,
    SH.sparql,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
}


@dataclass(frozen=True)
class _SparqlConstraint:
    label: str | None  # rdfs:label of the constraint, appended to the shape label
    select: str  # the SELECT text with its PREFIX declarations
    messages: tuple[str, ...]  # sh:message templates ({?var} / {$var})


@dataclass(frozen=True)
class _SparqlShape:
    iri: str
    label: str
    severity: str
    messages: tuple[str, ...]  # the shape's own sh:message texts
    targets: tuple[str, ...]  # SPARQL target SELECTs (each binds ?this)
    classes: tuple[ox.NamedNode, ...]
    nodes: tuple[Any, ...]
    subjects_of: tuple[ox.NamedNode, ...]
    objects_of: tuple[ox.NamedNode, ...]
    constraints: tuple[_SparqlConstraint, ...]


@dataclass(frozen=True)
class _SourceShape:
    shape: str  # IRI of the named shape a result is reported under
    label: str
    path: str | None
    message: str | None  # the shape's sh:message texts, sorted and joined (as pySHACL reports them)


@dataclass(frozen=True)
class CompiledShapes:
    """A shapes graph split for the two halves of the engine; compile once, validate many times."""

    core: shacl.Shapes
    sparql: tuple[_SparqlShape, ...]
    sources: dict[str, _SourceShape]  # N-Triples IRI of a core shape -> how to report it


# -- compiling the shapes ---------------------------------------------------------------------------


@functools.cache
def bundled_shapes() -> CompiledShapes:
    """The bundled shapes (shapes/thbgraph.ttl), compiled once per process.

    Parsing and splitting the shapes with rdflib takes a few tenths of a second, a large part of a
    one-document `thbgraph add`: the split is kept in a cache file (see `_cache_file`) and a
    later process only hands the core shapes to the Rust validator.
    """
    cache = _cache_file()
    split = _read_split(cache) if cache is not None else None
    if split is None:
        split = _split(load_shapes())
        if cache is not None:
            _write_split(cache, split)
    return _compiled(split)


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Split a shapes graph into Rust-compiled core shapes and SPARQL shapes run in pyoxigraph."""
    return _compiled(_split(shapes))


@dataclass(frozen=True)
class _Split:
    """A shapes graph split for the engine, before the Rust validator reads its core shapes."""

    core: str  # the core shapes as N-Triples
    sparql: tuple[_SparqlShape, ...]
    sources: dict[str, _SourceShape]


def _compiled(split: _Split) -> CompiledShapes:
    core = shacl.Shapes.from_text(split.core, format="ntriples")
    return CompiledShapes(core=core, sparql=split.sparql, sources=split.sources)


_TERM_FIELDS = ("classes", "nodes", "subjects_of", "objects_of")  # RDF terms of a _SparqlShape


def _cache_file() -> Path | None:
    """Where the bundled shapes' split is cached (graph/cache.py): one file per version of the
    shapes, of this module and of the Rust validator."""
    version = str(getattr(shacl, "__version__", ""))
    sources = [_shapes_text().encode("utf-8"), Path(__file__).read_bytes(), version.encode()]
    return cache_file("shapes", sources, ".json")


def _read_split(path: Path) -> _Split | None:
    """The cached split, or None when it is missing or unreadable (then it is compiled anew)."""
    try:
        data = json.loads(read_cached(path) or b"")
        return _Split(
            core=data["core"],
            sparql=tuple(_sparql_from_json(d) for d in data["sparql"]),
            sources={k: _SourceShape(**v) for k, v in data["sources"].items()},
        )
    except (ValueError, KeyError, TypeError, SyntaxError):
        return None


def _write_split(path: Path, split: _Split) -> None:
    data = {
        "core": split.core,
        "sparql": [_sparql_to_json(s) for s in split.sparql],
        "sources": {k: asdict(v) for k, v in split.sources.items()},
    }
    write_cached(path, json.dumps(data).encode("utf-8"))


def _sparql_to_json(shape: _SparqlShape) -> dict[str, Any]:
    out: dict[str, Any] = {
        k: v for k, v in vars(shape).items() if k not in _TERM_FIELDS and k != "constraints"
    }
    out.update({k: [str(t) for t in getattr(shape, k)] for k in _TERM_FIELDS})  # N-Triples
    out["constraints"] = [asdict(c) for c in shape.constraints]
    return out


def _sparql_from_json(data: dict[str, Any]) -> _SparqlShape:
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    fields.update({k: tuple(_term(t) for t in data[k]) for k in _TERM_FIELDS})
    fields["constraints"] = tuple(
        _SparqlConstraint(c["label"], c["select"], tuple(c["messages"]))
        for c in data["constraints"]
    )
    return _SparqlShape(**fields)  # type: ignore[arg-type]  # fields is the dataclass's own JSON form


def _split(shapes: Graph) -> _Split:
    """Split a shapes graph: core shapes (N-Triples, blank property shapes named), SPARQL shapes."""
    sparql_nodes = set(shapes.subjects(SH.sparql, None)) | {
        s for s, t in shapes.subject_objects(SH.target) if (t, RDF.type, SH.SPARQLTarget) in shapes
    }
    sparql_shapes = tuple(_sparql_shape(shapes, node) for node in sorted(sparql_nodes, key=str))
    core = Graph()
    removed = set()
    for node in sparql_nodes:
        removed |= _closure(shapes, node)
    skolem: dict[BNode, URIRef] = {}
    for i, prop in enumerate(sorted(set(shapes.objects(None, SH.property)), key=str)):
        if isinstance(prop, BNode):
            skolem[prop] = URIRef(f"{_SKOLEM}{i}")
    for s, p, o in shapes:
        if s in removed:
            continue
        subject = skolem.get(s, s) if isinstance(s, BNode) else s
        obj = skolem.get(o, o) if isinstance(o, BNode) else o
        core.add((subject, p, obj))
    sources: dict[str, _SourceShape] = {}
    for node in set(core.subjects(RDF.type, SH.NodeShape)) | set(shapes.objects(None, SH.property)):
        named = skolem.get(node) if isinstance(node, BNode) else node
        key = f"<{named}>" if named is not None else ""
        if not key:
            continue
        shape, label = _shape_name(shapes, node)
        path = _path_text(shapes, shapes.value(node, SH.path))
        messages = sorted({str(m) for m in shapes.objects(node, SH.message)})
        sources[key] = _SourceShape(shape, label, path, " ".join(messages) or None)
    return _Split(core=core.serialize(format="nt"), sparql=sparql_shapes, sources=sources)


def _closure(g: Graph, node: Node) -> set[Node]:
    """The node and every blank node reachable from it (its targets, constraints, lists)."""
    seen = {node}
    todo = [node]
    while todo:
        for o in g.objects(todo.pop(), None):
            if isinstance(o, BNode) and o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def _sparql_shape(shapes: Graph, node: Node) -> _SparqlShape:
    name = _shape_name(shapes, node)[1]
    extra = {p for p in shapes.predicates(node, None) if p not in _SPARQL_SHAPE_KEYS}
    if (None, SH.property, node) in shapes or shapes.value(node, SH.path) is not None:
        raise ShapesError(
            f"shapes: {node}: SPARQL constraints on a property shape are not supported"
        )
    if any(str(p).startswith(str(SH)) for p in extra):
        raise ShapesError(
            f"shapes: {node} mixes SPARQL and core constraints ({', '.join(sorted(map(str, extra)))})"
        )
    if any(
        isinstance(p, URIRef) and str(p).startswith(str(SH))
        for _s, p in shapes.subject_predicates(node)
    ):
        raise ShapesError(
            f"shapes: {node} is used by another shape; a SPARQL shape must stand alone"
        )
    targets = []
    for target in shapes.objects(node, SH.target):
        if (target, RDF.type, SH.SPARQLTarget) not in shapes:
            raise ShapesError(f"shapes: {node}: only SPARQL targets are supported in sh:target")
        targets.append(_prefixes(shapes, target) + str(shapes.value(target, SH.select)))
    constraints = []
    for c in shapes.objects(node, SH.sparql):
        if _true(shapes.value(c, SH.deactivated)):
            continue
        select = shapes.value(c, SH.select)
        if select is None:
            raise ShapesError(f"shapes: {node}: only SELECT-based SPARQL constraints are supported")
        if re.search(r"\$(shapesGraph|currentShape|PATH)\b", str(select)):
            raise ShapesError(f"shapes: {node}: $shapesGraph/$currentShape/$PATH are not supported")
        constraints.append(
            _SparqlConstraint(
                label=_text_of(shapes, c, RDFS.label),
                select=_prefixes(shapes, c) + str(select),
                messages=tuple(sorted({str(m) for m in shapes.objects(c, SH.message)})),
            )
        )
    severity = shapes.value(node, SH.severity)
    return _SparqlShape(
        iri=str(node),
        label=name,
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        messages=tuple(sorted({str(m) for m in shapes.objects(node, SH.message)})),
        targets=tuple(targets),
        classes=tuple(ox.NamedNode(str(c)) for c in shapes.objects(node, SH.targetClass)),
        nodes=tuple(term_from_python(n) for n in shapes.objects(node, SH.targetNode)),
        subjects_of=tuple(ox.NamedNode(str(p)) for p in shapes.objects(node, SH.targetSubjectsOf)),
        objects_of=tuple(ox.NamedNode(str(p)) for p in shapes.objects(node, SH.targetObjectsOf)),
        constraints=() if _true(shapes.value(node, SH.deactivated)) else tuple(constraints),
    )


def _true(term: Node | None) -> bool:
    return isinstance(term, RDFLiteral) and term.toPython() is True


def _prefixes(shapes: Graph, node: Node) -> str:
    """PREFIX lines for the sh:declare entries of the node's sh:prefixes (following owl:imports)."""
    lines = []
    todo = list(shapes.objects(node, SH.prefixes))
    seen: set[Node] = set()
    while todo:
        holder = todo.pop()
        if holder in seen:
            continue
        seen.add(holder)
        todo.extend(shapes.objects(holder, OWL.imports))
        for declaration in shapes.objects(holder, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>\n")
    return "".join(sorted(set(lines)))


# -- validating -------------------------------------------------------------------------------------


@functools.cache
def _axioms() -> list[ox.Triple]:
    """The ontology's rdfs:subClassOf triples (validate._class_axioms), read by pyoxigraph:
    parsing the ontology with rdflib cost a one-document `add` about a tenth of a second."""
    resource = importlib.resources.files("thbgraph.ontology").joinpath("thbgraph.ttl")
    if not resource.is_file():
        return []
    return [
        q.triple
        for q in ox.parse(resource.read_bytes(), format=ox.RdfFormat.TURTLE)
        if q.predicate == _SUBCLASS
    ]


@functools.cache
def _axioms_text() -> bytes:
    return ox.serialize(_axioms(), format=ox.RdfFormat.N_TRIPLES) or b""


def validate_quads(
    quads: Iterable[ox.Quad | ox.Triple],
    *,
    shapes: CompiledShapes | None = None,
    parallel: bool | None = None,
) -> ValidationReport:
    """Validate the union of the quads' triples (graph names ignored) against the bundled shapes.

    The ontology's subclass axioms are added, as validate_graph does; the report is the one
    pySHACL gives for the same data. The Rust validator holds the GIL, so with `parallel` (by
    default from PARALLEL_FROM quads on, bundled shapes only) it runs in a child process while
    this one loads the store and runs the SPARQL shapes.
    """
    items = [
        q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object) for q in quads
    ]
    data = (ox.serialize(items, format=ox.RdfFormat.N_QUADS) or b"") + _axioms_text()
    if parallel is None:
        parallel = shapes is None and len(items) >= PARALLEL_FROM
    compiled = shapes or bundled_shapes()
    child = _CoreChild(data) if parallel else None
    core = (
        None
        if child
        else compiled.core.validate_text(
            data.decode("utf-8"), format="nquads", allow_warnings=True
        ).results
    )
    del data
    store = ox.Store()
    store.extend(items)
    graphs = [*store.named_graphs(), ox.DefaultGraph()]
    store.extend(ox.Quad(t[0], t[1], t[2], _AXIOMS_GRAPH) for t in _axioms())
    triples = _distinct_triples(store, graphs)
    lookup = _Lookup(store)
    kg = GraphStore(store)
    results: list[ValidationResult] = []
    for shape in compiled.sparql:
        results += _sparql_results(shape, kg, lookup)
    core_results = child.results() if child else (core or [])
    results += [_core_result(compiled, r, lookup) for r in core_results]
    results.sort(key=result_order)
    return ValidationReport(results=results, triples=triples)


class _CoreChild:
    """The Rust validator over the data in a child process (`python -m thbgraph.graph.validate.engine`)."""

    def __init__(self, data: bytes) -> None:
        self.file = tempfile.NamedTemporaryFile(suffix=".nq", prefix="thbgraph-validate-")  # noqa: SIM115
        self.file.write(data)
        self.file.flush()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", __name__, self.file.name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=kill_with_parent,  # dies with the build, whatever kills it
        )

    def results(self) -> list[Any]:
        out, err = self.proc.communicate()
        self.file.close()
        if self.proc.returncode != 0:
            last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise RuntimeError(f"SHACL core validation in a child process failed: {last[0]}")
        return [SimpleNamespace(**r) for r in json.loads(out)]


def _core_main(path: str) -> None:
    """Child process: validate an N-Quads file with the bundled core shapes, print results as JSON."""
    results = bundled_shapes().core.validate_file(path, allow_warnings=True).results
    fields = ("severity", "source_shape", "root_shape", "focus_node", "path", "component_iri")
    rows = [
        {
            **{f: getattr(r, f) for f in fields},
            "value": r.value,
            "value_plain": r.value_plain,
            "messages": list(r.messages),
        }
        for r in results
    ]
    sys.stdout.write(json.dumps(rows))


def _distinct_triples(store: ox.Store, graphs: list[Any]) -> int:
    """The number of distinct triples in the graphs (a triple of several graphs counts once)."""
    rows = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
        default_graph=graphs,
    )
    if not isinstance(rows, ox.QuerySolutions):  # a SELECT answers solutions
        raise TypeError("COUNT query answered no solutions")
    return int(next(iter(rows))["n"].value)


def _core_result(compiled: CompiledShapes, r: Any, lookup: _Lookup) -> ValidationResult:
    source = compiled.sources.get(r.source_shape)
    if source is None:  # an anonymous shape the compiled split did not name
        root = r.root_shape[1:-1] if r.root_shape.startswith("<") else r.root_shape
        source = _SourceShape(root, root, _nt_path(r.path), None)
    focus = _term(r.focus_node)
    value = None if r.value is None or r.value == r.focus_node else r.value_plain
    return ValidationResult(
        severity=r.severity,
        shape=source.shape,
        shape_label=source.label,
        focus=focus.value,
        focus_label=lookup.label(focus),
        path=source.path,
        component=r.component_iri,
        message=source.message or " ".join(sorted(set(r.messages))) or "(no message)",
        value=value,
        passage=lookup.passage(focus),
    )


def _nt_path(path: str | None) -> str | None:
    if path is None:
        return None
    return re.sub(r"<([^<>]*)>", r"\1", path)


@functools.lru_cache(maxsize=65536)
def _term(nt: str) -> Any:
    """An RDF term from its N-Triples text (as the Rust validator reports nodes)."""
    if nt.startswith("<") and nt.endswith(">"):
        return ox.NamedNode(nt[1:-1])
    if nt.startswith("_:"):
        return ox.BlankNode(nt[2:])
    (triple,) = ox.parse(f"<urn:s> <urn:p> {nt} .", format=ox.RdfFormat.N_TRIPLES)
    return triple.object


def _focus_nodes(shape: _SparqlShape, kg: GraphStore) -> list[Any]:
    found: set[Any] = set(shape.nodes)
    for target in shape.targets:
        found.update(row["this"] for row in kg.query(target) if row["this"] is not None)
    store = kg.inner
    for cls in shape.classes:
        rows = kg.query(
            "SELECT DISTINCT ?this WHERE { ?this a/<" + str(RDFS.subClassOf) + ">* ?class }",
            bindings={"class": cls},
        )
        found.update(row["this"] for row in rows)
    for p in shape.subjects_of:
        found.update(q.subject for q in store.quads_for_pattern(None, p, None))
    for p in shape.objects_of:
        found.update(q.object for q in store.quads_for_pattern(None, p, None))
    return sorted(found, key=str)


def _sparql_results(shape: _SparqlShape, kg: GraphStore, lookup: _Lookup) -> list[ValidationResult]:
    """SHACL-SPARQL: one result per distinct solution of each constraint, for each focus node."""
    if not shape.constraints:
        return []
    focus = _focus_nodes(shape, kg)
    out: list[ValidationResult] = []
    for constraint in shape.constraints:
        projects_this = "this" in _projected(constraint.select)
        # without ?this in the answers a row cannot be told apart by focus node: one query each
        size = _CHUNK if projects_this else 1
        for i in range(0, len(focus), size):
            chunk = focus[i : i + size]
            rows = kg.query(constraint.select, bindings={"this": chunk})
            names = [v.value for v in rows.variables]
            seen: set[tuple[Any, ...]] = set()
            for row in rows:
                values = tuple(row[n] for n in names)
                if values in seen:
                    continue
                seen.add(values)
                bound = {n: v for n, v in zip(names, values, strict=True) if v is not None}
                out.append(_sparql_result(shape, constraint, bound, chunk[0], lookup))
    return out


@functools.lru_cache(maxsize=256)
def _projected(select: str) -> tuple[str, ...]:
    """The variables a SELECT answers with (read by running it over an empty store)."""
    rows = ox.Store().query(select)
    if not isinstance(rows, ox.QuerySolutions):
        raise ValueError(f"a SPARQL shape's query must be a SELECT: {select[:60]}")
    return tuple(v.value for v in rows.variables)


def _sparql_result(
    shape: _SparqlShape,
    constraint: _SparqlConstraint,
    bound: dict[str, Any],
    only_focus: Any,
    lookup: _Lookup,
) -> ValidationResult:
    focus = bound.get("this", only_focus)
    value = bound.get("value", focus)
    path = bound.get("path")
    messages = {_fill(m, bound) for m in (*constraint.messages, *shape.messages)}
    specific = sorted(m for m in messages if m not in shape.messages)
    chosen = specific or sorted(messages)
    label = f"{shape.label} / {constraint.label}" if constraint.label else shape.label
    return ValidationResult(
        severity=shape.severity,  # type: ignore[arg-type]
        shape=shape.iri,
        shape_label=label,
        focus=focus.value,
        focus_label=lookup.label(focus),
        path=None if path is None else path.value,
        component=str(SH.SPARQLConstraintComponent),
        message=" ".join(chosen) if chosen else "(no message)",
        value=None if value == focus else value.value,
        passage=lookup.passage(focus),
    )


def _fill(template: str, bound: dict[str, Any]) -> str:
    """A message with each {?var} / {$var} replaced by the bound value (left as is when unbound)."""

    def sub(m: re.Match[str]) -> str:
        term = bound.get(m.group(1))
        return m.group(0) if term is None else term.value

    return re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}", sub, template)


def _text(term: Any) -> str:
    """What rdflib's str() gives for a term: the IRI, the blank node id, the lexical form."""
    return str(term.value)


class _Lookup:
    """Names and passages of reported nodes, read from the validated data."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def objects(self, s: Any, p: ox.NamedNode) -> list[Any]:
        if isinstance(s, ox.Literal):
            return []
        return [q.object for q in self.store.quads_for_pattern(s, p, None)]

    def text(self, node: Any, prop: ox.NamedNode) -> str | None:
        values = [v for v in self.objects(node, prop) if isinstance(v, ox.Literal)]
        if not values:
            return None
        values.sort(key=lambda v: (v.language not in (None, "en"), v.language or "", v.value))
        return str(values[0].value)

    def label(self, node: Any) -> str | None:
        for prop in _LABELS:
            text = self.text(node, prop)
            if text:
                return text
        for cited in sorted(self.objects(node, _CITED), key=_text):
            cited_label = self.label(cited)
            if cited_label:
                return f"citation of {cited_label}"
        return self.quote(node)

    def quote(self, annotation: Any) -> str | None:
        """The oa:exact of an evidence annotation (the first in IRI/text order, when several)."""
        for target in sorted(self.objects(annotation, _OA_TARGET), key=_text):
            for selector in sorted(self.objects(target, _OA_SELECTOR), key=_text):
                exact = sorted(self.objects(selector, _OA_EXACT), key=_text)
                if exact:
                    return _text(exact[0])
        return None

    def passage(self, focus: Any) -> str | None:
        if isinstance(focus, ox.Literal):
            return None
        if ox.Quad(focus, _TYPE, _OA_ANNOTATION) in self.store:
            return self.quote(focus)
        annotations = sorted(self.objects(focus, _EVIDENCE), key=_text) or sorted(
            (q.subject for q in self.store.quads_for_pattern(None, _OA_BODY, focus)), key=_text
        )
        for annotation in annotations:
            quote = self.quote(annotation)
            if quote is not None:
                return quote
        return None


if __name__ == "__main__":
    _core_main(sys.argv[1])
