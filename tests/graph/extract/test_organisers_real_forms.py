"""Organisers as real pages name them (issue 14), in sentences written for these tests: a body
that only supports is no organiser, the one that implements is; names kept as written."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.organisers import _cued_organisers, find_organisers
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


def _organisers(text: str, reg: Register) -> list[str]:
    cued, _ = _cued_organisers(text, reg)
    return find_organisers(text, reg, cued)[0]


def test_supporters_are_not_organisers(reg: Register) -> None:
    text = (
        "RIGA, 4 May 2021 - Experts met in Riga this week for consultations organized by ODIHR, "
        "and supported by the Latvian Ministry of Welfare and the Nordic Council of Ministers."
    )
    assert _organisers(text, reg) == ["ODIHR"]


def test_the_implementer_organises_the_funder_does_not(reg: Register) -> None:
    text = (
        "A workshop for social workers opened today near Balti. The courses are financed by the "
        "OSCE Mission to Moldova and implemented by its partner, the non-governmental "
        "organization (NGO) La Strada."
    )
    assert [n for n in _organisers(text, reg) if "Strada" in n]
    assert "OSCE Mission to Moldova" not in _organisers(text, reg)


def test_a_ministry_of_a_republic_is_named_as_written(reg: Register) -> None:
    text = (
        "The seminar, held on 3 May 2022 in Taraz, was jointly organized by the OSCE Programme "
        "Office in Astana and the Ministry of Health of the Republic of Kazakhstan."
    )
    assert "Ministry of Health of the Republic of Kazakhstan" in _organisers(text, reg)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "From 3 to 5 May 2003, the OSCE Office in Baku, in co-operation with the NGO 'Sahil', "
            "conducted a seminar for police officers.",
            "Sahil",
        ),
        (
            "В Одессе пройдёт семинар по предупреждению торговли людьми. Организатор семинара — "
            "благотворительный фонд «Надежда Юга».",
            "Надежда Юга",
        ),
    ],
    ids=["NGO in single quotes", "Russian fund after a dash"],
)
def test_a_body_named_in_quotes_organises(reg: Register, text: str, name: str) -> None:
    assert name in _organisers(text, reg)
