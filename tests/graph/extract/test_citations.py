"""Citations: by symbol, by register alias, by article, and unresolved references by name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thbgraph.graph.extract.citations import find_citations, flag_anachronisms
from thbgraph.graph.register import Register, load_register

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register([FIXTURES / "register-mini.ttl"])


def test_one_citation_per_occurrence_with_exact_offsets(reg: Register) -> None:
    text = "Recalling PC.DEC/557 and MC.DEC/6/18, and again PC.DEC/557."
    cites, _ = find_citations(text, reg)
    assert [c.symbol for c in cites] == ["PC.DEC/557", "MC.DEC/6/18", "PC.DEC/557"]
    assert all(text[c.start : c.end] == c.text for c in cites)


def test_a_repair_is_a_warning_never_silent(reg: Register) -> None:
    text = "in line with co-operation modalities outlined in PC.EC/637 (2004)."
    (c,), warnings = find_citations(text, reg)
    assert (c.symbol, c.text, c.method, c.resolved) == (
        "PC.DEC/637",
        "PC.EC/637",
        "repaired-symbol",
        True,
    )
    assert c.note == "read as PC.DEC/637: 'PC.EC' is not a document series"
    assert any("PC.EC/637" in w and "read as PC.DEC/637" in w for w in warnings)


@pytest.mark.parametrize(
    "written",
    [
        "the Council of Europe Convention on Action against Trafficking in Human Beings",
        "the Council of Europe (CoE) Convention on Action against Trafficking in Human Beings",
        "the CoE Convention on Action against Trafficking in Human Beings",
        "the Council of Europe's Convention on Action against Trafficking in Human Beings",
        "the council of europe convention on action against trafficking in human beings",
    ],
)
def test_names_resolve_through_register_aliases(reg: Register, written: str) -> None:
    (c,), _ = find_citations(f"States Parties to {written} are asked to report.", reg)
    assert (c.symbol, c.method) == ("CETS No. 197", "alias")
    assert c.text == written.removeprefix("the ")


def test_french_alias(reg: Register) -> None:
    text = "la mise en œuvre de la Convention sur la lutte contre la traite des êtres humains"
    (c,), _ = find_citations(text, reg)
    assert c.symbol == "CETS No. 197"


def test_a_name_followed_by_its_symbol_is_one_citation(reg: Register) -> None:
    text = "the OSCE Action Plan to Combat Trafficking in Human Beings (PC.DEC/557/Rev.1) and more"
    cites, _ = find_citations(text, reg)
    assert [(c.symbol, c.text) for c in cites] == [("PC.DEC/557/Rev.1", "PC.DEC/557/Rev.1")]


def test_a_symbol_span_is_not_counted_twice(reg: Register) -> None:
    text = "Permanent Council Decision No. 557 on the OSCE Action Plan."
    cites, _ = find_citations(text, reg)
    assert [c.symbol for c in cites] == ["PC.DEC/557", "PC.DEC/557"]
    assert cites[0].text == "Permanent Council Decision No. 557"


def test_article_of_a_named_convention(reg: Register) -> None:
    text = "as required by Article 5(2) of the Council of Europe Convention on Action against Trafficking in Human Beings."
    (c,), _ = find_citations(text, reg)
    assert (c.symbol, c.article) == ("CETS No. 197", "5(2)")


def test_article_of_the_convention_named_before(reg: Register) -> None:
    text = (
        "The Council of Europe Convention on Action against Trafficking in Human Beings requires "
        "co-ordination. Further, pursuant to Article 29(4) of the Convention, each Party shall ..."
    )
    cites, _ = find_citations(text, reg)
    assert [(c.symbol, c.article, c.method) for c in cites] == [
        ("CETS No. 197", None, "alias"),
        ("CETS No. 197", "29(4)", "name"),
    ]
    assert cites[1].text == "Article 29(4) of the Convention"
    assert "read as CETS No. 197" in (cites[1].note or "")


def test_an_office_named_after_a_convention_is_not_a_citation(reg: Register) -> None:
    text = "said Jane Doe, Executive Secretary of the Council of Europe Convention on Action against Trafficking in Human Beings."
    assert find_citations(text, reg)[0] == []


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        (
            "This is in accordance with the Vienna and Porto OSCE Ministerial Decisions, where States committed.",
            "the Vienna and Porto OSCE Ministerial Decisions",
        ),
        (
            "on the developments of the Draft OSCE Action Plan, Draft Guidelines",
            "the Draft OSCE Action Plan",
        ),
        (
            "recalling the Ljubljana OSCE Ministerial Declaration.",
            "the Ljubljana OSCE Ministerial Declaration",
        ),
    ],
)
def test_unresolved_references_keep_their_passage(reg: Register, text: str, reference: str) -> None:
    cites, warnings = find_citations(text, reg)
    (c,) = [c for c in cites if not c.resolved]
    assert (c.symbol, c.text, c.method) == (None, reference, "unresolved")
    assert text[c.start : c.end] == reference
    assert any(reference in w for w in warnings)


@pytest.mark.parametrize(
    "text",
    [
        "the need for National Action Plan (NAP) implementation",
        "promote the implementation of relevant OSCE commitments and the Convention.",
        "Ministerial Council Decisions on Strengthening Efforts to Prevent Trafficking (MC.DEC/6/17)",
    ],
)
def test_generic_or_already_symbolised_names_are_not_references(reg: Register, text: str) -> None:
    cites, _ = find_citations(text, reg)
    assert all(c.resolved for c in cites)


def test_a_name_of_a_later_commitment_means_its_draft() -> None:
    reg = load_register()  # the bundled register knows when PC.DEC/557 was adopted
    if "PC.DEC/557" not in reg.commitments:
        pytest.skip("the bundled register has no PC.DEC/557")
    text = "informed the participants about the OSCE's Anti-Trafficking Action Plan."
    cites, _ = find_citations(text, reg)
    assert cites and cites[0].symbol == "PC.DEC/557"
    warnings = flag_anachronisms(cites, reg, date(2003, 7, 20))
    assert (cites[0].symbol, cites[0].resolved) == (None, False)
    assert "adopted 2003-07-24" in (cites[0].note or "") and warnings
    again, _ = find_citations(text, reg)
    assert flag_anachronisms(again, reg, date(2004, 1, 1)) == []
    assert again[0].symbol == "PC.DEC/557"
