"""The shapes against their fixtures: each valid/invalid file states the results it expects."""

from __future__ import annotations

import functools
import importlib.resources
import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.namespace import RDF, RDFS, SH

from thbgraph.graph.errors import ShapesError
from thbgraph.graph.validate import (
    ENGINES,
    Engine,
    ValidationReport,
    load_shapes,
    validate_graph,
)
from thbgraph.graph.validate.engine import compile_shapes

HERE = Path(__file__).parent
VALID = sorted((HERE / "valid").glob("*.ttl"))
INVALID = sorted((HERE / "invalid").glob("*.ttl"))

PREFIXES = {
    "sh": "http://www.w3.org/ns/shacl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "cito": "http://purl.org/spar/cito/",
    "oa": "http://www.w3.org/ns/oa#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "thb": "https://w3id.org/thbgraph/ontology#",
}
EXPECT = re.compile(r"^# expect: (.*)$", re.MULTILINE)

Expected = tuple[str, str | None, str, str]  # focus, path, component, severity


def _expand(term: str) -> str:
    """A full IRI for '<iri>', '^iri', 'prefix:local', 'prefix:a/prefix:b' (a sequence path)."""
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    if term.startswith("^"):
        return "^" + _expand(term[1:])
    if "/" in term and not term.startswith("http"):
        return "/".join(_expand(step) for step in term.split("/"))
    prefix, _, local = term.partition(":")
    if prefix in PREFIXES:
        return PREFIXES[prefix] + local
    return term


def expectations(path: Path) -> set[Expected]:
    """The results a fixture announces in its leading `# expect:` lines ('no results' -> none)."""
    found: set[Expected] = set()
    lines = EXPECT.findall(path.read_text(encoding="utf-8"))
    assert lines, f"{path.name}: no '# expect:' line"
    for line in lines:
        if line.strip() == "no results":
            continue
        fields = dict(item.split("=", 1) for item in line.split())
        found.add(
            (
                _expand(fields["focus"]),
                _expand(fields["path"]) if "path" in fields else None,
                _expand(fields["component"]),
                fields["severity"],
            )
        )
    return found


@functools.cache
def report_of(path: Path, engine: Engine) -> ValidationReport:
    """The report of one fixture by one engine (each is computed once per test session)."""
    return validate_graph(Graph().parse(path, format="turtle"), engine=engine)


def observed(path: Path, engine: Engine = "fast") -> set[Expected]:
    report = report_of(path, engine)
    return {(r.focus, r.path, r.component, r.severity) for r in report.results}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.stem)
def test_valid_fixture_gives_exactly_the_expected_results(fixture: Path, engine: Engine) -> None:
    report = report_of(fixture, engine)
    assert report.conforms, report.text()
    assert observed(fixture, engine) == expectations(fixture), report.text()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_gives_exactly_the_expected_results(fixture: Path, engine: Engine) -> None:
    expected = expectations(fixture)
    got = observed(fixture, engine)
    assert any(sev == "Violation" for *_, sev in expected), "an invalid fixture expects a Violation"
    assert got == expected


def _full(report: ValidationReport) -> list[tuple[object, ...]]:
    return [tuple(r.to_json().values()) for r in report.results]


@pytest.mark.parametrize("fixture", VALID + INVALID, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_fast_engine_gives_the_pyshacl_report(fixture: Path) -> None:
    """pySHACL is the reference: same results, and the same labels, messages, values, passages."""
    fast, reference = report_of(fixture, "fast"), report_of(fixture, "pyshacl")

    def keys(report: ValidationReport) -> set[tuple[str, str, str, str, str | None]]:
        return {(r.severity, r.shape, r.focus, r.component, r.path) for r in report.results}

    assert keys(fast) == keys(reference)
    assert _full(fast) == _full(reference)
    assert fast.triples == reference.triples


def test_fixture_names_say_class_and_fault() -> None:
    for path in INVALID:
        assert re.fullmatch(r"[A-Z][A-Za-z]+-[a-z0-9]+(-[a-z0-9]+)*", path.stem), path.name


@pytest.mark.parametrize("engine", ENGINES)
def test_repaired_citation_info_quotes_the_repair_note(engine: Engine) -> None:
    report = validate_graph(Graph().parse(HERE / "valid" / "repaired-citation.ttl"), engine=engine)
    (info,) = report.results
    assert info.severity == "Info"
    assert "'PC.EC' is not a document series" in info.message
    assert info.passage == "PC.EC/637"


@pytest.mark.parametrize("engine", ENGINES)
def test_unresolved_warning_names_the_reference(engine: Engine) -> None:
    report = validate_graph(
        Graph().parse(HERE / "valid" / "unresolved-reference.ttl"), engine=engine
    )
    (warning,) = report.results
    assert warning.severity == "Warning"
    assert "the Vienna and Porto Ministerial Decisions" in warning.message


@pytest.mark.parametrize("engine", ENGINES)
def test_quote_mismatch_message_shows_the_actual_text(engine: Engine) -> None:
    report = validate_graph(
        Graph().parse(HERE / "invalid" / "Citation-quote-mismatch.ttl"), engine=engine
    )
    (annotation,) = [r for r in report.results if r.path == PREFIXES["oa"] + "hasTarget"]
    assert "'PC.DEC/673'" in annotation.message
    assert "'PC.DEC/637'" in annotation.message
    assert "29-39" in annotation.message


@pytest.mark.parametrize("engine", ENGINES)
def test_offsets_count_characters_not_bytes(engine: Engine) -> None:
    """The valid fixture has 'Côte d’Ivoire' before the quote; shifting by the UTF-8 byte count fails."""
    text = (HERE / "valid" / "meeting-citation.ttl").read_text(encoding="utf-8")
    shifted = text.replace("oa:start 125 ; oa:end 143", "oa:start 129 ; oa:end 147")
    assert shifted != text
    report = validate_graph(Graph().parse(data=shifted, format="turtle"), engine=engine)
    assert not report.conforms


def test_fast_engine_refuses_a_sparql_shape_with_core_constraints() -> None:
    """The split needs SPARQL shapes to stand alone; a mixed one is named, never half-checked."""
    shapes = load_shapes()
    passage = URIRef("https://w3id.org/thbgraph/shapes#CitationPassageShape")
    shapes.add((passage, SH.minCount, RDFLiteral(1)))
    with pytest.raises(ShapesError, match="CitationPassageShape mixes SPARQL and core"):
        compile_shapes(shapes)


def test_shapes_conform_to_shacl_for_shacl() -> None:
    shacl_shacl = Graph().parse(HERE / "shacl-shacl.ttl", format="turtle")
    conforms, _graph, text = pyshacl.validate(load_shapes(), shacl_graph=shacl_shacl)
    assert conforms, text


def test_shapes_are_packaged_with_the_code() -> None:
    resource = importlib.resources.files("thbgraph.shapes").joinpath("thbgraph.ttl")
    assert resource.is_file()


def test_every_shape_has_an_english_name_and_message() -> None:
    shapes = load_shapes()
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.objects(None, SH.property))
    assert len(named) > 50
    for shape in named:
        names = list(shapes.objects(shape, RDFS.label)) + list(shapes.objects(shape, SH.name))
        messages = list(shapes.objects(shape, SH.message))
        assert any(n.language == "en" for n in names), f"{shape}: no English rdfs:label/sh:name"
        assert any(m.language == "en" for m in messages), f"{shape}: no English sh:message"
    for constraint in shapes.objects(None, SH.sparql):
        assert list(shapes.objects(constraint, SH.message)), f"{constraint}: no sh:message"


def test_every_data_class_has_a_shape() -> None:
    """Each class of docs/data-model.md is targeted by some shape."""
    thb = PREFIXES["thb"]
    classes = [
        *(
            thb + c
            for c in ("Commitment", "MinisterialCouncilDecision", "PermanentCouncilDecision")
        ),
        *(thb + c for c in ("MinisterialDeclaration", "ActionPlan", "Addendum", "Corrigendum")),
        *(thb + c for c in ("Convention", "Article", "Meeting", "AgendaItem", "Citation")),
        *(thb + c for c in ("Agenda", "Summary", "PressRelease", "Conclusions", "Report")),
        *(thb + c for c in ("DecisionDocument", "OtherDocument", "UnresolvedReference")),
        *(thb + c for c in ("Publication", "Country", "FollowUpAction", "Extraction")),
        PREFIXES["oa"] + "Annotation",
        PREFIXES["oa"] + "SpecificResource",
        PREFIXES["oa"] + "TextQuoteSelector",
        PREFIXES["oa"] + "TextPositionSelector",
        PREFIXES["org"] + "Organization",
        PREFIXES["org"] + "Post",
        PREFIXES["foaf"] + "Person",
        PREFIXES["schema"] + "Place",
    ]
    targeted = {str(c) for c in load_shapes().objects(None, SH.targetClass)}
    assert [c for c in classes if c not in targeted] == []
