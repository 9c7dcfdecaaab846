"""Commitments named in words (issue 14), in sentences written for these tests: the Council of
Europe Convention by a shortened name or by its body and subject, the OSCE Action Plan described
in French and Russian (after the head: "de 2003 de l'OSCE", "adopté par l'OSCE en 2003", "... de
l'OSCE" at the end of its subject), an action plan or convention that only its sentence describes
(the one body and the year it names), "the Helsinki decisions" resolved against the register; and
the other authorities' texts that must stay no citation (national and EU action plans, the UN and
ILO conventions, a Council of Europe convention on another subject, EU directives, which the
register does not list)."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.citations import find_citations
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


def _resolved(text: str, reg: Register) -> list[str | None]:
    cites, _ = find_citations(text, reg)
    for c in cites:
        assert text[c.start : c.end] == c.text
    return [c.symbol for c in cites if c.resolved]


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        ("The press briefing recalls the Council of Europe Convention on Action against "
         "Trafficking, in force since 2008.", ["CETS No. 197"]),
        ("Reporters may ask how Parties apply the Convention against Trafficking in Human Beings.",
         ["CETS No. 197"]),
        ("The Council of Europe convention on action against trafficking was the panel's theme.",
         ["CETS No. 197"]),
        ("Le séminaire a rappelé le Plan d'action de 2003 de l'OSCE contre la traite.",
         ["PC.DEC/557"]),
        ("Le Plan d'action adopté par l'OSCE en 2003 reste la référence du bureau.", ["PC.DEC/557"]),
        ("Les experts ont relu le plan d'action contre la traite des êtres humains de l'OSCE.",
         ["PC.DEC/557"]),
        ("Ils citent le plan d'action de l'Organisation pour la sécurité et la coopération en Europe "
         "contre la traite des êtres humains.", ["PC.DEC/557"]),
        ("Le travail de l’OSCE a changé d'échelle en 2003, quand ses Etats ont adopté un plan "
         "d’action en trois volets.", ["PC.DEC/557"]),
        ("In 2003 the OSCE participating States agreed an action plan with three pillars.",
         ["PC.DEC/557"]),
        ("В 2003 году государства ОБСЕ утвердили план действий по борьбе с торговлей людьми.",
         ["PC.DEC/557"]),
        ("Эксперты обсудили применение Конвенции Совета Европы о мерах по противодействию "
         "торговле людьми.", ["CETS No. 197"]),
        ("Докладчик напомнил о Варшавской конвенции.", ["CETS No. 197"]),
        ("Speakers returned to the Helsinki decisions on criminal justice.", ["MC.DEC/5/08"]),
        ("The panel marks ten years of the Anti-Trafficking Convention of the Council of Europe.",
         ["CETS No. 197"]),
        ("Interviews on the Convention on Action against THB are possible.", ["CETS No. 197"]),
    ],
    ids=["en shortened name", "en name without the body", "en body and subject, lower case",
         "fr year and body after the head", "fr 'adopté par l'OSCE en 2003'",
         "fr body at the end of the subject", "fr OSCE by its full name",
         "fr described by its sentence", "en described by its sentence",
         "ru described by its sentence", "ru official title, genitive", "ru Warsaw Convention",
         "en 'the Helsinki decisions'", "en qualifiers before the head, body after it",
         "en THB abbreviated"],
)  # fmt: skip
def test_commitments_named_in_words(bundled: Register, text: str, symbols: list[str]) -> None:
    assert _resolved(text, bundled) == symbols


@pytest.mark.parametrize(
    "text",
    [
        "In 2003 the OSCE helped Albania adopt its national action plan.",
        "In 2003 the OSCE supported the action plan of Moldova.",
        "En 2003, l'OSCE a soutenu le plan d'action national de la Moldavie.",
        "В 2003 году ОБСЕ поддержала национальный план действий Молдовы.",
        "In 2003, the OSCE and the Council of Europe presented an action plan.",
        "In 2005 the Council of Europe adopted a convention on the prevention of terrorism.",
        "In 2011 the Council of Europe adopted a convention on violence against women.",
        "The speaker cited the Council of Europe Convention on Human Rights.",
        "The UN Convention against Transnational Organized Crime was recalled.",
        "Le plan d'action de l'Union européenne et le plan d'action national 2019-2021.",
        "La Convention des Nations unies contre la criminalité transnationale organisée.",
        "Национальный план действий по борьбе с торговлей людьми утверждён в 2003 году.",
        "The EU Directive 2011/36/EU on preventing trafficking was mentioned.",
        "la directive 2011/36/UE du 5 avril 2011",
        "The panel recalled the Istanbul Convention of the Council of Europe.",
        "The Convention on Preventing and Combating Violence against Women was recalled.",
    ],
    ids=["en national plan", "en plan of a country", "fr national plan", "ru national plan",
         "two organisations in the sentence", "CoE convention on another subject (same year)",
         "CoE convention of another year", "CoE convention on human rights", "UN convention",
         "fr EU and national plans", "fr UN convention", "ru national plan with a year",
         "en EU directive", "fr EU directive", "another CoE convention by its qualifier",
         "another convention by its subject"],
)  # fmt: skip
def test_other_authorities_texts_cite_no_register_commitment(bundled: Register, text: str) -> None:
    assert _resolved(text, bundled) == []


def test_an_eu_directive_is_recorded_with_its_symbol_unresolved(bundled: Register) -> None:
    text = "Member States transposed Directive 2011/36/EU in 2013."
    cites, warnings = find_citations(text, bundled)
    [c] = cites
    assert (c.symbol, c.resolved, c.method) == ("Directive 2011/36/EU", False, "unresolved")
    assert "does not list" in (c.note or "")
    assert any("Directive 2011/36/EU" in w for w in warnings)


def test_a_sentence_description_says_how_it_was_read(bundled: Register) -> None:
    text = "In 2003 the OSCE participating States agreed an action plan with three pillars."
    [c] = find_citations(text, bundled)[0]
    assert (c.symbol, c.text, c.method) == ("PC.DEC/557", "action plan", "description")
    assert c.confidence < 0.8 and "described by its sentence" in (c.note or "")
