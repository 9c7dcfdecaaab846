"""Organisations as real pages write them (issue 14), in sentences written for these tests:
assemblies that are not PACE, long French names in lower case, acronyms in brackets that belong
to a phrase rather than the body, register bodies named in a list of speakers."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.organisations import organisation_mentions
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


def _keys(text: str, reg: Register) -> list[str | None]:
    return [m.key for m in organisation_mentions(text, reg)]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Le Conseil de l’Europe salue le texte adopté par l’Assemblée nationale hier.", ["coe"]),
        ("At the Council of Europe, the Assembly of the Republic was praised.", ["coe", None]),
        ("Au Conseil de l’Europe, l’Assemblée a adopté la résolution.", ["coe", "coe-pace"]),
        (
            "Un séminaire organisé par le bureau des Institutions démocratiques et des droits de "
            "l’Homme à Varsovie.",
            ["odihr"],
        ),
        (
            "Other speakers included European Parliament, UNODC and African Union Commission.",
            ["european-parliament", "unodc", "african-union-commission"],
        ),
        ("In Strasbourg the Committee on Migration said so.", ["pace-migration"]),
    ],
    ids=["Assemblée nationale", "Assembly of the Republic", "bare Assemblée in a CoE text",
         "French long name in lower case", "register bodies in a list", "PACE committee short"],
)  # fmt: skip
def test_bodies_as_written(bundled: Register, text: str, keys: list[str]) -> None:
    assert _keys(text, bundled) == keys


def test_an_acronym_of_a_phrase_is_not_the_bodys(bundled: Register) -> None:
    text = "in partnership with the Bureau for Combating Trafficking in Human Beings (THB) here"
    [m] = [m for m in organisation_mentions(text, bundled) if m.key is None]
    assert m.acronym is None
    text = "and the Bureau of International Narcotics and Law Enforcement Affairs (INL) office"
    assert [m.acronym for m in organisation_mentions(text, bundled)] == ["INL", "INL"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Семинар провели совместно с Министерством юстиции Республики Казахстан.",
            ["Министерство юстиции Республики Казахстан"],
        ),
        ("Об этом сообщает пресс-служба МИД Грузии.", ["МИД Грузии"]),
        (
            "Встреча с Государственной пограничной службой Украины Ольги Ивановой.",
            ["Государственная пограничная служба Украины"],
        ),
        ("Об этом заявили сотрудники полиции Армении.", []),
    ],
    ids=["ministry in the instrumental", "acronym and country", "adjectives before the head",
         "a generic noun and a country"],
)  # fmt: skip
def test_russian_national_bodies_in_the_nominative(
    bundled: Register, text: str, names: list[str]
) -> None:
    found = [m for m in organisation_mentions(text, bundled) if m.key is None]
    assert [m.name for m in found] == names
    for m in found:
        assert text[m.start : m.end] == m.text
