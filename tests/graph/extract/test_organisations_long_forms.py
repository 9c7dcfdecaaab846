"""Register bodies written in a long or cut form (issue 14), in sentences written for these tests:
'UN' for 'United Nations' inside a longer name, a name whose end is left out or cut by the page,
'U.S.' inside a name and inside a list of organisers."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.organisations import find_organisations
from thbgraph.graph.extract.organisers import _cued_organisers, find_organisers
from thbgraph.graph.extract.passages import sentences
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


def _found(text: str, reg: Register) -> list[tuple[str, str | None]]:
    return [(o.name, o.key) for o in find_organisations(text, reg)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Trainers came from the UN Office on Drugs and Crime and a court.", "unodc"),
        (
            "Partners: the Ministry of Health, UN Office on Drugs and Crime, the Red Crescent.",
            "unodc",
        ),
        (
            "A guide by the Office of the OSCE Special Representative and Co-ordinator for "
            "Combating Trafficking was shown in Tirana.",
            "osr-cthb",
        ),
        ("The drill was run with the Office of the OSCE Special Rep", "osr-cthb"),
    ],
    ids=["UN inside a name", "UN inside a list", "end left out", "cut by the page"],
)
def test_a_long_form_names_the_register_body(bundled: Register, text: str, key: str) -> None:
    assert key in [k for _, k in _found(text, bundled)]
    assert "un" not in [k for _, k in _found(text, bundled)]  # not the shorter body 'UN'


def test_a_cut_name_of_several_bodies_is_not_resolved(bundled: Register) -> None:
    # 'Office of the' begins many register names: too little to say which
    assert all(k is None for _, k in _found("He thanked the Office of the Permanent Bar.", bundled))


def test_dotted_initials_stay_in_the_name_and_the_sentence(bundled: Register) -> None:
    text = "Funding came from the U.S. Embassy in Vilnius and the Nordic Council of Ministers."
    assert ("U.S. Embassy in Vilnius", None) in _found(text, bundled)
    assert len(sentences(text)) == 1


def test_a_list_of_organisers_runs_past_us(bundled: Register) -> None:
    text = (
        "TBILISI, 3 May 2019 - A course opened today. The course is organised by the OSCE Centre "
        "in Bishkek in co-operation with Georgia’s Justice Ministry, UN Office on Drugs and Crime, "
        "U.S. Embassy in Georgia, the OSCE Office in Tajikistan, and IOM."
    )
    cued, _ = _cued_organisers(text, bundled)
    names, _ = find_organisers(text, bundled, cued)
    for name in ["OSCE Centre in Bishkek", "UNODC", "U.S. Embassy in Georgia", "IOM"]:
        assert name in names
    assert "OSCE Office in Tajikistan" in names


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        ("Доклад подготовил Секретариат Конвенции Совета Европы о противодействии торговле людьми.", "coe"),
        ("Le rapport est établi par la Division anti-traite du Conseil de l'Europe à Strasbourg.", "coe"),
    ],
    ids=["Russian genitive", "French 'du Conseil de l'Europe'"],
)  # fmt: skip
def test_a_unit_whose_name_names_its_parent_names_both(
    bundled: Register, text: str, parent: str
) -> None:
    keys = [k for _, k in _found(text, bundled)]
    assert "coe-thb-secretariat" in keys and parent in keys


def test_a_leading_acronym_is_a_brand_not_the_parent_named(bundled: Register) -> None:
    keys = [k for _, k in _found("The OSCE Programme Office in Bishkek held a course.", bundled)]
    assert "osce" not in keys


@pytest.mark.parametrize(
    ("text", "name", "written"),
    [
        ("Trainers of the NGO 'Sahil' spoke.", "Sahil", "NGO 'Sahil'"),
        (
            "Выступила представитель правозащитной организации «Надежда Юга».",
            "Надежда Юга",
            "правозащитной организации «Надежда Юга»",
        ),
        ("Avec l’association « Les Amis du Port » à Brest.", "Les Amis du Port", None),
    ],
    ids=["English NGO", "Russian with its adjective", "French guillemets with spaces"],
)
def test_a_body_named_in_quotes_after_its_kind(
    bundled: Register, text: str, name: str, written: str | None
) -> None:
    [org] = [o for o in find_organisations(text, bundled) if o.name == name]
    if written is not None:
        assert org.evidence is not None and org.evidence.text == written


def test_a_field_operation_in_or_to_its_country(bundled: Register) -> None:
    keys = [k for _, k in _found("The visit was supported by the OSCE Mission in Serbia.", bundled)]
    assert "osce-mission-serbia" in keys


def test_a_long_name_ending_in_a_ministry_is_not_renamed_as_a_ministry(bundled: Register) -> None:
    text = (
        "They visited the Central Office for Countering Smuggling of the Danish Interior Ministry."
    )
    names = [n for n, _ in _found(text, bundled)]
    assert not any(n.startswith("Ministry of Central") for n in names)


def test_organisers_in_a_sentence_of_participants_are_counted(bundled: Register) -> None:
    text = (
        "Representatives of NGOs also participated in the event, which was organized by the OSCE "
        "Centre in Bishkek, the Swiss Embassy in Kyrgyzstan and the Ministry of Labour of the "
        "Kyrgyz Republic."
    )
    names = [n for n, _ in _found(text, bundled)]
    assert "Swiss Embassy in Kyrgyzstan" in names
    assert "Ministry of Labour of the Kyrgyz Republic" in names


def test_a_register_name_after_a_country_word_goes_on(bundled: Register) -> None:
    text = "Funds came from the Bureau of the U.S. Department of State on Narcotics Control here."
    names = [n for n, _ in _found(text, bundled)]
    assert "Bureau of the U.S. Department of State on Narcotics Control" in names


def test_an_acronym_of_the_names_last_words_is_its_own(bundled: Register) -> None:
    text = "with the Vienna Institute for the Prevention of Labour Exploitation (PLE) and others"
    assert "PLE" in [o.acronym for o in find_organisations(text, bundled)]
