"""The ontology parses, declares every term the data model uses, passes its quality checks and,
with the register, has a consistent OWL RL closure."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import owlrl
import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL

from thbgraph.graph.vocab import CITO, ELI, OA, PROV, SCHEMA, THB

QUERIES = Path(__file__).parent / "queries"
DATA_MODEL = Path(__file__).parents[2] / "docs" / "data-model.md"
ONTOLOGY_IRI = URIRef("https://w3id.org/thbgraph/ontology")
ERRNS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # owlrl's error vocabulary
EX = Namespace("http://example.org/")

# Ontology checks (the register's own checks run in test_register_data.py).
TERM_CHECKS = sorted(
    p for p in QUERIES.glob("check-*.rq") if not p.name.startswith("check-register-")
)

# Terms the ontology declares beyond docs/data-model.md, each with why it is there.
EXTRA_TERMS = {
    "MeetingSeries": "class of the register's tb:series/ entries (schema:superEvent targets)",
    "Session": "numbered working sessions of a meeting programme (issue scope: sessions)",
    "FieldOperation": "OSCE missions and presences in the register (issue scope: field operations)",
    "ParticipatingState": "OSCE participating States (issue scope: actors)",
    "endTime": "written by graph/build/rdf.py for agenda items with an end time",
    "inRegister": "written by graph/build/rdf.py for cited commitments the register lacks",
    "mentionsPublication": "written by graph/build/rdf.py for publications a document names",
}


def _ontology_file() -> Path:
    return Path(str(resources.files("thbgraph.ontology") / "thbgraph.ttl"))


def _register_files() -> list[Path]:
    folder = Path(str(resources.files("thbgraph.ontology") / "register"))
    return sorted(folder.glob("*.ttl"))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(_ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def ontology_and_register(ontology: Graph) -> Graph:
    kg = Graph()
    kg += ontology
    for path in _register_files():
        kg.parse(path, format="turtle")
    return kg


def run_check(kg: Graph, query: Path) -> list[str]:
    """The rows a no-row quality check returns, each as one readable line."""
    kg.namespace_manager.bind("thb", THB)
    result = kg.query(query.read_text(encoding="utf-8"))
    return [
        " | ".join("" if v is None else v.n3(kg.namespace_manager) for v in row) for row in result
    ]


def inconsistencies(kg: Graph) -> list[str]:
    """What the OWL RL closure of a graph finds inconsistent (an empty list when consistent)."""
    closed = Graph()
    closed += kg
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    problems = [str(m) for m in closed.objects(None, ERRNS.error)]
    problems += [f"{s} is a member of owl:Nothing" for s in closed.subjects(RDF.type, OWL.Nothing)]
    problems += [
        f"{a} is both owl:sameAs and owl:differentFrom {b}"
        for a, b in closed.subject_objects(OWL.sameAs)
        if (a, OWL.differentFrom, b) in closed
    ]
    return sorted(set(problems))


def declared_terms(kg: Graph) -> set[str]:
    """Local names of the thb: terms the ontology declares (queries/declared-terms.rq)."""
    rows = kg.query((QUERIES / "declared-terms.rq").read_text(encoding="utf-8"))
    return {str(row[0])[len(str(THB)) :] for row in rows}


@pytest.mark.parametrize("path", [_ontology_file(), *_register_files()], ids=lambda p: p.name)
def test_turtle_parses_with_the_store_engine_too(path: Path) -> None:
    """The store loads these files with Oxigraph, a stricter Turtle parser than rdflib's."""
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(Graph().parse(path, format="turtle"))


def test_ontology_header_has_title_version_and_licence(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    titles = {t.language for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert {"en", "ru"} <= titles
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )


@pytest.mark.parametrize("query", TERM_CHECKS, ids=lambda p: p.stem)
def test_quality_check_returns_no_rows(query: Path, ontology_and_register: Graph) -> None:
    rows = run_check(ontology_and_register, query)
    assert not rows, f"{query.name} found {len(rows)} offending row(s):\n" + "\n".join(rows)


def test_quality_checks_report_offending_terms() -> None:
    """The checks can fail: a term with only an English label is listed by the Russian one."""
    kg = Graph()
    kg.add((THB.Bogus, RDF.type, OWL.Class))
    kg.add((THB.Bogus, RDFS.label, Literal("Bogus", lang="en")))
    kg.add((EX.x, THB.undeclaredProperty, Literal(1)))
    assert run_check(kg, QUERIES / "check-term-missing-russian-label.rq") == ["thb:Bogus"]
    assert run_check(kg, QUERIES / "check-term-missing-definition.rq") == ["thb:Bogus"]
    assert run_check(kg, QUERIES / "check-term-missing-french-label.rq") == ["thb:Bogus"]
    for lang in ("fr", "ru"):
        assert run_check(kg, QUERIES / f"check-term-missing-{lang}-definition.rq") == ["thb:Bogus"]
    kg.add((THB.Bogus, RDFS.label, Literal("Bidon", lang="fr")))
    assert run_check(kg, QUERIES / "check-term-missing-french-label.rq") == []
    rows = run_check(kg, QUERIES / "check-undeclared-term-used.rq")
    assert rows == ['thb:undeclaredProperty | "property"']


def test_thb_cites_is_not_an_eli_citation(ontology: Graph) -> None:
    """Issue 15: eli:cites is for legal resources citing legal resources; meetings cite with
    thb:cites, a sub-property of cito:cites only."""
    assert (THB.cites, RDFS.subPropertyOf, ELI.cites) not in ontology
    assert (THB.cites, RDFS.subPropertyOf, CITO.cites) in ontology
    assert (THB.MinisterialDeclaration, RDFS.subClassOf, ELI.LegalResource) not in ontology


def test_every_term_of_the_data_model_is_declared(ontology: Graph) -> None:
    used = set(re.findall(r"\bthb:([A-Za-z_][A-Za-z0-9_]*)", DATA_MODEL.read_text("utf-8")))
    assert len(used) > 40, "docs/data-model.md should name the thb: terms it uses"
    missing = sorted(used - declared_terms(ontology))
    assert not missing, "used in docs/data-model.md but not declared: " + ", ".join(missing)


def test_terms_beyond_the_data_model_are_accounted_for(ontology: Graph) -> None:
    used = set(re.findall(r"\bthb:([A-Za-z_][A-Za-z0-9_]*)", DATA_MODEL.read_text("utf-8")))
    extra = sorted(declared_terms(ontology) - used - set(EXTRA_TERMS))
    assert not extra, "declared but neither in docs/data-model.md nor in EXTRA_TERMS: " + ", ".join(
        extra
    )


@pytest.mark.parametrize(
    ("term", "axiom", "parent"),
    [
        (THB.MinisterialCouncilDecision, RDFS.subClassOf, ELI.LegalResource),
        (THB.PermanentCouncilDecision, RDFS.subClassOf, ELI.LegalResource),
        (THB.Convention, RDFS.subClassOf, ELI.LegalResource),
        (THB.Article, RDFS.subClassOf, ELI.LegalResourceSubdivision),
        (THB.Meeting, RDFS.subClassOf, SCHEMA.Event),
        (THB.AgendaItem, RDFS.subClassOf, SCHEMA.Event),
        (THB.Citation, RDFS.subClassOf, CITO.Citation),
        (THB.Country, RDFS.subClassOf, SCHEMA.Country),
        (THB.Extraction, RDFS.subClassOf, PROV.Activity),
        (THB.MeetingDocument, RDFS.subClassOf, PROV.Entity),
        (THB.cites, RDFS.subPropertyOf, CITO.cites),
        (THB.isAbout, RDFS.subPropertyOf, SCHEMA.about),
        (THB.addendumTo, RDFS.subPropertyOf, ELI.amends),
        (THB.corrigendumOf, RDFS.subPropertyOf, ELI.corrects),
        (THB.evidence, RDFS.range, OA.Annotation),
    ],
)
def test_terms_reuse_standard_vocabularies(
    ontology: Graph, term: URIRef, axiom: URIRef, parent: URIRef
) -> None:
    assert (term, axiom, parent) in ontology


@pytest.mark.parametrize(
    "cls",
    [
        "Agenda",
        "Summary",
        "PressRelease",
        "Conclusions",
        "Report",
        "DecisionDocument",
        "OtherDocument",
    ],
)
def test_document_classes_are_meeting_documents(ontology: Graph, cls: str) -> None:
    assert (THB[cls], RDFS.subClassOf, THB.MeetingDocument) in ontology


@pytest.mark.parametrize(
    "cls",
    [
        "MinisterialCouncilDecision",
        "PermanentCouncilDecision",
        "MinisterialDeclaration",
        "ActionPlan",
        "Addendum",
        "Corrigendum",
        "Convention",
    ],
)
def test_commitment_classes_are_commitments(ontology: Graph, cls: str) -> None:
    assert (THB[cls], RDFS.subClassOf, THB.Commitment) in ontology


@pytest.mark.slow
def test_owl_rl_closure_of_ontology_and_register_is_consistent(
    ontology_and_register: Graph,
) -> None:
    problems = inconsistencies(ontology_and_register)
    assert not problems, "OWL RL inconsistencies:\n" + "\n".join(problems)


def test_owl_rl_closure_infers_through_the_ontology(ontology: Graph) -> None:
    """The closure really applies the ontology: a decision is inferred to be an ELI legal resource."""
    kg = Graph()
    kg += ontology
    kg.add((EX.decision, RDF.type, THB.MinisterialCouncilDecision))
    kg.add((EX.document, THB.isAbout, EX.meeting))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(kg)
    assert (EX.decision, RDF.type, ELI.LegalResource) in kg
    assert (EX.meeting, THB.describedBy, EX.document) in kg
    assert (EX.meeting, RDF.type, THB.Meeting) in kg


@pytest.mark.parametrize(
    "clash",
    [
        [(EX.a, OWL.sameAs, EX.b), (EX.a, OWL.differentFrom, EX.b)],
        [
            (THB.Meeting, OWL.disjointWith, THB.Commitment),
            (EX.x, RDF.type, THB.Meeting),
            (EX.x, RDF.type, THB.MinisterialCouncilDecision),
        ],
    ],
    ids=["same-and-different", "disjoint-classes"],
)
def test_consistency_check_detects_a_clash(ontology: Graph, clash: list) -> None:
    kg = Graph()
    kg += ontology
    for triple in clash:
        kg.add(triple)
    assert inconsistencies(kg)
