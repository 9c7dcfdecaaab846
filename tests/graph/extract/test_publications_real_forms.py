"""Publications as real pages name them without quotes (issue 14), in sentences written for
these tests: a work in title case headed by its noun or after it, an apposition title, a
capitals heading with a subtitle, GRETA country and general reports in French and English; and
the quoted names of events and talks that are no works."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.publications import find_publications
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


def _titles(text: str, reg: Register) -> list[str]:
    """The titles found (compared without case by the tests: re-casing a title in capitals is
    presentation)."""
    found = find_publications(text, reg)
    for p in found:
        assert p.evidence is not None and text[p.evidence.start : p.evidence.end] == p.evidence.text
    return [p.title for p in found]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "The OSCE Office’s Handbook on Screening Migrant Workers for Forced Labour, published "
            "in May 2021, was handed out.",
            ["Handbook on Screening Migrant Workers for Forced Labour"],
        ),
        (
            "Participants received the Practitioners Guide for Labour Inspectors on Trafficking "
            "in Human Beings and other material.",
            ["Practitioners Guide for Labour Inspectors on Trafficking in Human Beings"],
        ),
        (
            "Experts discussed the update of the handbook Referral Pathways – Protecting the "
            "Rights of Exploited Workers (2010).",
            ["Referral Pathways – Protecting the Rights of Exploited Workers"],
        ),
        (
            "Moreover, the 2019 IOM report, Debts and Chains: The Price of Recruitment, found that "
            "fees are high.",
            ["Debts and Chains: The Price of Recruitment"],
        ),
        (
            "A BLUEPRINT FOR PROTECTION: DELIVERING THE VIENNA AGENDA ON VICTIMS\nSize: 2 MB",
            ["A blueprint for protection: delivering the vienna agenda on victims"],
        ),
    ],
    ids=["headed, after an owner", "modifiers before the noun",
         "after a lower-case noun", "apposition between commas", "capitals heading"],
)  # fmt: skip
def test_titles_without_quotes(bundled: Register, text: str, titles: list[str]) -> None:
    assert [t.casefold() for t in _titles(text, bundled)] == [t.casefold() for t in titles]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "Le Groupe d'experts (GRETA) du Conseil de l’Europe a publié son troisième rapport "
            "d’évaluation sur la Norvège.",
            ["Troisième rapport d’évaluation sur la Norvège"],
        ),
        (
            "GRETA welcomed the progress. 14th GENERAL REPORT ON GRETA'S ACTIVITIES was released.",
            ["14th GENERAL REPORT ON GRETA'S ACTIVITIES"],
        ),
    ],
)
def test_greta_report_series(bundled: Register, text: str, titles: list[str]) -> None:
    assert [t.casefold() for t in _titles(text, bundled)] == [t.casefold() for t in titles]


@pytest.mark.parametrize(
    "text",
    [
        "Journée d'étude « Mineurs exploités : repérer pour protéger » organisée à Lille.",
        "С основным докладом «Риски трудовой миграции молодёжи» выступила эксперт.",
        "Speakers include the Training Unit of the Police Academy and the Head of Section.",
        "ICMPD Releases New Study Wednesday, October 3",
    ],
    ids=["study day", "a talk in Russian", "no work noun heads it", "a headline"],
)
def test_no_work(bundled: Register, text: str) -> None:
    assert _titles(text, bundled) == []
