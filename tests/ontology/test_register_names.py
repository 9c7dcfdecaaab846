"""Names resolve through the register: a commitment, body or place named in words (English or
French) is read as the register entry, with the method and confidence recorded; a name the
register does not know stays an unresolved reference with its passage."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from thbgraph.graph.extract.citations import find_citations, flag_anachronisms
from thbgraph.graph.register import Register, load_register
from thbgraph.graph.vocab import TB


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


@pytest.mark.parametrize(
    ("text", "name", "symbol"),
    [
        (
            "Participants recalled the Vilnius Ministerial Declaration and its call on States.",
            "Vilnius Ministerial Declaration",
            "MC.DOC/1/11",
        ),
        (
            "implementation of the 2013 Addendum to the Action Plan remains uneven.",
            "2013 Addendum",
            "PC.DEC/1107/Corr.1",
        ),
        (
            "guided by the Declaration on Combating All Forms of Human Trafficking of 2011,",
            "Declaration on Combating All Forms of Human Trafficking",
            "MC.DOC/1/11",
        ),
        (
            "mettre en œuvre le Plan d’action de l’OSCE pour lutter contre la traite des êtres "
            "humains, adopté en 2003.",
            "Plan d’action de l’OSCE pour lutter contre la traite des êtres humains",
            "PC.DEC/557",
        ),
        (
            "les obligations de la Convention du Conseil de l’Europe sur la lutte contre la traite "
            "des êtres humains.",
            "Convention du Conseil de l’Europe sur la lutte contre la traite des êtres humains",
            "CETS No. 197",
        ),
    ],
)
def test_a_registered_name_resolves_with_method_and_confidence(
    reg: Register, text: str, name: str, symbol: str
) -> None:
    cites, warnings = find_citations(text, reg)
    (c,) = cites
    assert (c.symbol, c.text, c.resolved, c.method) == (symbol, name, True, "alias")
    assert 0.9 <= c.confidence < 1.0  # below a symbol written out (1.0)
    assert text[c.start : c.end] == name
    assert not warnings


def test_a_registered_symbol_form_resolves_to_the_new_decision(reg: Register) -> None:
    text = "Ljubljana Ministerial Council Decision No. 16/05 on persons serving on missions"
    cites, _ = find_citations(text, reg)
    assert [c.symbol for c in cites] == ["MC.DEC/16/05"]
    assert cites[0].resolved


@pytest.mark.parametrize(
    "name",
    [
        # the register leaves out the Kyiv 2013 decision (no source read supports it) ...
        "the Kyiv Ministerial Decision",
        # ... and knows no declaration of the Ljubljana Council
        "the Ljubljana OSCE Ministerial Declaration",
    ],
)
def test_an_unknown_name_stays_unresolved_with_its_passage(reg: Register, name: str) -> None:
    text = f"This is in line with {name}, as participants recalled."
    cites, warnings = find_citations(text, reg)
    (c,) = cites
    assert (c.symbol, c.text, c.resolved, c.method) == (None, name, False, "unresolved")
    assert c.confidence == 0.5
    assert text[c.start : c.end] == name
    assert warnings == [f"unresolved reference at {c.start}-{c.end}: '{name}'"]


def test_a_name_used_before_adoption_reads_as_a_draft(reg: Register) -> None:
    """The register's adoption date of the Vilnius Declaration (2011) unresolves its name in a
    document of 2010."""
    cites, _ = find_citations("a draft text like the Vilnius Ministerial Declaration", reg)
    warnings = flag_anachronisms(cites, reg, date(2010, 11, 30))
    (c,) = cites
    assert (c.symbol, c.resolved, c.method) == (None, False, "unresolved")
    assert "MC.DOC/1/11" in (c.note or "") and warnings


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (
            "Comité des Parties à la Convention du Conseil de l'Europe sur la lutte contre la "
            "traite des êtres humains",
            "coe-committee-parties",
        ),
        ("Division anti-traite du Conseil de l'Europe", "coe-thb-secretariat"),
        (
            "Bureau du Représentant spécial et coordinateur de l'OSCE pour la lutte contre la "
            "traite des êtres humains",
            "osr-cthb",
        ),
        ("Groupe d'experts sur la lutte contre la traite des êtres humains", "greta"),
        ("Office des Nations Unies contre la drogue et le crime", "unodc"),
    ],
)
def test_french_names_of_organisations_resolve(reg: Register, name: str, key: str) -> None:
    found = reg.find_organisation(name)
    assert found is not None and found.key == key


@pytest.mark.parametrize(("key", "french"), [("vienna", "Vienne"), ("brussels", "Bruxelles")])
def test_a_french_preferred_label_is_a_name_of_a_place(
    reg: Register, key: str, french: str
) -> None:
    place = reg.places[key]
    assert place.label != french  # the English name stays the printed one
    assert french in place.aliases


def test_other_language_preferred_labels_are_aliases_but_not_for_commitments(
    reg: Register,
) -> None:
    """A commitment's preferred labels start with its symbol ("PC.DEC/557 : Plan ..."), so only its
    altLabels and English title name it; another entry's French prefLabel names it as an alias."""
    assert not any(a.startswith("PC.DEC/557") for a in reg.commitments["PC.DEC/557"].aliases)
    g = Graph()
    iri = URIRef(TB["place/x-town"])
    g.add((iri, SKOS.prefLabel, Literal("X Town", lang="en")))
    g.add((iri, SKOS.prefLabel, Literal("Ville X", lang="fr")))
    g.add((iri, SKOS.altLabel, Literal("Xtown", lang="en")))
    place = Register(g).places["x-town"]
    assert (place.label, place.aliases) == ("X Town", ("Ville X", "Xtown"))


def test_french_name_check_finds_a_council_of_europe_body_without_one() -> None:
    """The check can fail: a new Council of Europe unit with only an English name is reported."""
    from importlib import resources
    from pathlib import Path

    from rdflib.namespace import ORG

    g = Graph()
    folder = Path(str(resources.files("thbgraph.ontology")))
    for path in [folder / "thbgraph.ttl", *sorted((folder / "register").glob("*.ttl"))]:
        g.parse(path, format="turtle")
    unit = URIRef(TB["org/coe-new-unit"])
    g.add((unit, ORG.unitOf, URIRef(TB["org/coe"])))
    g.add((unit, SKOS.prefLabel, Literal("New unit", lang="en")))
    query = Path(__file__).parent / "queries" / "check-register-missing-french-name.rq"
    rows = list(g.query(query.read_text("utf-8")))
    assert [(str(r[0]), int(r[1])) for r in rows] == [(str(unit), 0)]
