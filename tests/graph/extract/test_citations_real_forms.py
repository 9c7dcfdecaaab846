"""Citations as real pages write them (issue 14), in sentences written for these tests: the
Council of Europe Convention by its French and Russian names and variants, "the Convention" in a
text that named it only inside a body's name, a description whose body takes several words, a
symbol after a comma that is the next item of a list, the OSCE Action Plan in French."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.citations import find_citations
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


def _symbols(text: str, reg: Register) -> list[str | None]:
    cites, _ = find_citations(text, reg)
    for c in cites:
        assert text[c.start : c.end] == c.text
    return [c.symbol for c in cites if c.resolved]


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        (
            "Le groupe a évalué la mise en œuvre de la Convention sur la lutte contre la traite "
            "des êtres humains par la Norvège.",
            ["CETS No. 197"],
        ),
        (
            "Le rapport porte sur la Convention du Conseil de l’Europe sur l’action contre la "
            "traite des êtres humains.",
            ["CETS No. 197"],
        ),
        (
            "Государства обязаны соблюдать требования, предусмотренные Конвенцией о "
            "противодействии торговле людьми.",
            ["CETS No. 197"],
        ),
        (
            "Les instruments (Protocole de 2000, Convention du Conseil de l’Europe de 2005, "
            "directive européenne 2011/36) ont été rappelés.",
            ["CETS No. 197"],
        ),
        ("À l'occasion de l'anniversaire du plan d'action de l'OSCE, la réunion ...", ["PC.DEC/557"]),
    ],
    ids=["fr short name", "fr variant 'sur l'action contre'", "ru short name, instrumental",
         "fr description with a body of several words, then a symbol after a comma",
         "fr OSCE Action Plan"],
)  # fmt: skip
def test_names_and_descriptions_in_french_and_russian(
    bundled: Register, text: str, symbols: list[str]
) -> None:
    assert _symbols(text, bundled) == symbols


def test_the_convention_cites_what_a_body_was_named_after(bundled: Register) -> None:
    text = (
        "The 40th meeting of the Committee of the Parties to the Council of Europe Convention on "
        "Action against Trafficking in Human Beings was held. It considered a report from a "
        "Party to the Convention."
    )
    cites, _ = find_citations(text, bundled)
    [c] = cites
    assert (c.symbol, c.text, c.method) == ("CETS No. 197", "the Convention", "name")
    assert text[c.start : c.end] == "the Convention"


@pytest.mark.parametrize(
    "text",
    [
        "said Jane Roe, Executive Secretary of the Council of Europe Convention on Action against "
        "Trafficking in Human Beings.",  # no anaphor: nothing cited
        "The Committee of the Parties to the Council of Europe Convention on Action against "
        "Trafficking in Human Beings met. The Convention on the Rights of the Child was recalled.",
    ],
)
def test_no_anaphor_no_citation(bundled: Register, text: str) -> None:
    assert _symbols(text, bundled) == []
