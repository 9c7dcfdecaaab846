"""Countries: pycountry names, the bundled table of historical names, demonyms before nouns."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.extract.countries import country_name, find_countries

FIXTURES = Path(__file__).parent / "fixtures"


def seed(name: str) -> str:
    path = resources.files("thbgraph.graph.corpus") / "documents" / name
    return path.read_text(encoding="utf-8")


def codes(text: str) -> list[str]:
    return [c.code for c in find_countries(text)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("000_46f1c8b510004226.txt", ["BY"]),
        ("001_c7656a1bae82c630.txt", ["FR"]),
        (
            "002_2e1ad919f53edd39.txt",
            ["GR", "AL", "BG", "FR", "DE", "RS", "ES", "MD", "GB", "PT", "EE", "IT"],
        ),
        ("003_36499e4a6194a2d9.txt", []),
        ("004_958b14d90dff92ed.txt", ["CS", "AL", "BA", "XK", "MK", "MD"]),
    ],
)
def test_seed_countries_in_order_of_first_mention(source: str, expected: list[str]) -> None:
    assert codes(seed(source)) == expected


def test_languages_are_not_countries() -> None:
    """Seed 000 lists 'English, Russian' as working languages: neither GB nor RU."""
    assert codes("Working languages of the meeting: English, Russian.") == []


def test_demonym_before_a_noun_counts() -> None:
    text = "The meeting was opened by the Greek National Rapporteur and German authorities."
    found = find_countries(text)
    assert [c.code for c in found] == ["GR", "DE"]
    assert found[0].evidence is not None and found[0].evidence.text == "Greek"


def test_longest_name_wins() -> None:
    text = (
        "Experts from Papua New Guinea, Nigeria, Serbia and Montenegro and the Republic of Moldova."
    )
    assert codes(text) == ["PG", "NG", "CS", "MD"]


def test_historical_and_alternate_names() -> None:
    text = (
        "Missions in Kosovo, the former Yugoslav Republic of Macedonia, BiH, the UK, the USA, "
        "Türkiye, Turkey, Czechia and the Russian Federation."
    )
    assert codes(text) == ["XK", "MK", "BA", "GB", "US", "TR", "CZ", "RU"]


def test_lower_case_words_and_caps_headings() -> None:
    assert codes("a turkey and some china on the table; tell us more") == []
    assert codes("OSCE MISSION TO SERBIA AND MONTENEGRO") == ["CS"]
    assert codes("ABOUT US") == []


def test_first_names_are_not_countries() -> None:
    assert codes("The panel was moderated by Michael Jordan and Georgia Smith.") == []
    assert codes("Delegations from Jordan and Georgia attended.") == ["JO", "GE"]


def test_evidence_quotes_the_text_and_names_are_canonical() -> None:
    text = (FIXTURES / "b_press_fr.txt").read_text(encoding="utf-8")
    found = find_countries(text)
    assert [c.code for c in found] == ["MD", "GE", "CH", "GB", "FR"]
    for c in found:
        assert c.evidence is not None
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert found[0].name == "Moldova"
    assert country_name("XK") == "Kosovo"
    assert country_name("CS") == "Serbia and Montenegro"
    assert country_name("DE") == "Germany"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # French names from CLDR, with elided articles
        ("La délégation s'est rendue en Tunisie puis auprès de l'Ouganda et de l'Andorre.",
         ["TN", "UG", "AD"]),
        # a French name that is also a first name is no country next to another name
        ("M. Dominique Lefort, député, a ouvert la séance.", []),
        # the Sovereign Order is no country; the island state is
        ("The Sovereign Order of Malta sent a delegate; Malta sent two.", ["MT"]),
        ("L'Ordre Souverain de Malte était représenté.", []),
        # a nationality adjective in an institution's name
        ("a lecturer at the American University of Kosmara and the Swiss Agency for Aid", []),
        ("the German authorities replied", ["DE"]),
    ],
)  # fmt: skip
def test_unseen_real_page_forms(text: str, codes: list[str]) -> None:
    """Issue 14: country names as real pages write them (our own words)."""
    assert [c.code for c in find_countries(text)] == codes
