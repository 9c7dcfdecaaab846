"""Persons: names with roles as written, honorifics stripped, roles mapped to organisations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.extract.persons import find_persons, post_for_role
from thbgraph.graph.register import Register, load_register

FIXTURES = Path(__file__).parent / "fixtures"
SR = "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register(paths=[FIXTURES / "b_register.ttl"])


def seed(name: str) -> str:
    path = resources.files("thbgraph.graph.corpus") / "documents" / name
    return path.read_text(encoding="utf-8")


def triples(text: str, reg: Register) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.role, p.organisation) for p in find_persons(text, reg)]


def test_seed_001_speakers_after_said(reg: Register) -> None:
    assert triples(seed("001_c7656a1bae82c630.txt"), reg) == [
        ("Madina Jarbussynova", SR, "osr-cthb"),
        (
            "Petya Nestorova",
            "Executive Secretary of the Council of Europe Anti-trafficking Convention",
            "coe",
        ),
    ]


def test_seed_003_caption_and_quote_once_each(reg: Register) -> None:
    text = seed("003_36499e4a6194a2d9.txt")
    found = find_persons(text, reg)
    assert [(p.name, p.role) for p in found] == [
        ("Valiant Richey", SR),
        (
            "Petya Nestorova",
            "Executive Secretary of the Council of Europe's Convention on Action against "
            "Trafficking in Human Beings",
        ),
    ]
    first = found[0].evidence
    assert first is not None and first.start < 10  # the caption, the first occurrence
    assert text[first.start : first.end] == first.text
    assert first.text.startswith("Valiant Richey, OSCE Special Representative")


def test_seed_004_name_with_organisation_as_role(reg: Register) -> None:
    assert triples(seed("004_958b14d90dff92ed.txt"), reg) == [("Gabriele Reiter", "ODIHR", "odihr")]


@pytest.mark.parametrize("source", ["000_46f1c8b510004226.txt", "002_2e1ad919f53edd39.txt"])
def test_seeds_naming_speakers_by_office_only_give_no_persons(source: str, reg: Register) -> None:
    """'The President of GRETA', 'Human Beings', 'Tech Against Trafficking' are not persons."""
    assert find_persons(seed(source), reg) == []


def test_honorifics_are_stripped_and_title_like_ones_kept_as_role(reg: Register) -> None:
    text = (FIXTURES / "b_conclusions_en.txt").read_text(encoding="utf-8")
    assert triples(text, reg) == [
        ("Marek Novak", "Ambassador", None),
        (
            "Anna Lindqvist",
            "Head of the Anti-Trafficking Unit of the Swedish Police Authority",
            "Anti-Trafficking Unit of the Swedish Police Authority",
        ),
        ("Ingrid Berger", "ODIHR", "odihr"),
    ]  # "Michael Jordan, a journalist": no role word, no speech verb -> not read


def test_french_press_release(reg: Register) -> None:
    text = (FIXTURES / "b_press_fr.txt").read_text(encoding="utf-8")
    assert triples(text, reg) == [
        (
            "Claire Dubois",
            "Directrice du Bureau national de lutte contre la traite",
            "Bureau national de lutte contre la traite",  # read in French (bodies_fr)
        )
    ]


def test_role_before_name_and_particles(reg: Register) -> None:
    text = (
        "The keynote was given by Executive Secretary Jan van der Berg. "
        "Mr. Jean DUPONT (ODIHR) closed the session."
    )
    assert triples(text, reg) == [
        ("Jan van der Berg", "Executive Secretary", None),
        ("Jean Dupont", "ODIHR", "odihr"),  # a surname in capitals is given in title case
    ]


def test_places_and_organisations_are_not_persons(reg: Register) -> None:
    text = (
        "Participants from Bosnia and Herzegovina, Serbia and Montenegro attended. "
        "Tech Against Trafficking, a coalition, presented. The Palais de l'Europe hosted it."
    )
    assert find_persons(text, reg) == []


def test_post_for_role_maps_written_roles_to_register_posts(reg: Register) -> None:
    post = post_for_role(
        "OSCE Special Representative and Coordinator for Combating Trafficking in Human Beings", reg
    )
    assert post is not None and post.key == "osce-special-representative-cthb"
    assert post_for_role("Head of Unit", reg) is None


def test_speech_verb_without_role_and_no_person_after_by(reg: Register) -> None:
    text = (
        "\u201cWe must act together,\u201d said Maria Rossi. "
        "The project was supported by Western Balkans partners."
    )
    found = find_persons(text, reg)
    assert [(p.name, p.role) for p in found] == [("Maria Rossi", None)]
    assert found[0].evidence is not None and found[0].evidence.text == "Maria Rossi"


def test_evidence_spans_name_and_role(reg: Register) -> None:
    text = "Opening remarks: Dr Helena Varga, Director of ODIHR, welcomed everyone."
    (person,) = find_persons(text, reg)
    assert (person.name, person.role, person.organisation) == (
        "Helena Varga",
        "Director of ODIHR",
        "odihr",
    )
    assert person.evidence is not None
    assert person.evidence.text == "Helena Varga, Director of ODIHR"
    assert text[person.evidence.start : person.evidence.end] == person.evidence.text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Le rapporteur est M. Marc Durand.", ["Marc Durand"]),
        ("sous la présidence de M. Jean-Paul RIVIERE (France).", ["Jean-Paul Riviere"]),
        (
            "La délégation a rencontré M. Paul Garnier, député, et M. Louis Vidal.",
            ["Paul Garnier", "Louis Vidal"],
        ),
        ('"We act," said Anna M. Berg.', ["Anna M. Berg"]),
    ],
)
def test_the_french_honorific_m_is_not_a_middle_initial(text: str, names: list[str]) -> None:
    from thbgraph.graph.extract.persons import find_persons
    from thbgraph.graph.register import load_register

    assert [p.name for p in find_persons(text, load_register())] == names


def test_a_role_after_the_country_in_brackets_is_read() -> None:
    from thbgraph.graph.extract.persons import find_persons
    from thbgraph.graph.register import load_register

    text = (
        "La séance a eu lieu sous la présidence de M. Luc Marchand (Belgique), président du Groupe."
    )
    [person] = find_persons(text, load_register())
    assert (person.name, person.role) == ("Luc Marchand", "président du Groupe")


def _cases() -> list[dict[str, object]]:
    import json

    data = json.loads((FIXTURES / "person_cases.json").read_text(encoding="utf-8"))
    return list(data["cases"])


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["class"]))
def test_persons_as_written_on_real_pages(case: dict[str, object]) -> None:
    """Issue 14: one case per class of phrasing (fixtures/person_cases.json, our own words)."""
    text = str(case["text"])
    found = find_persons(text, load_register())
    assert [p.name for p in found] == case["names"]
    if "roles" in case:
        assert [p.role for p in found] == case["roles"]
    for p in found:
        assert p.evidence is not None and text[p.evidence.start : p.evidence.end] == p.evidence.text
