"""French names of bodies outside the register (issue 14), in sentences written for these tests:
ministries in lower case with their portfolios, adjectives after the head, phrases in lower case,
names cut where they run on in lower case, territories, headings in capitals."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.bodies_fr import french_bodies
from thbgraph.graph.extract.organisations import find_organisations
from thbgraph.graph.register import Register, load_register

_FRENCH = " Les participants et les experts des pays de la région ont pris part à une réunion."


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


def _names(text: str) -> list[str]:
    return [b.name for b in french_bodies(text + _FRENCH, [])]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "La délégation a rencontré des agents du ministère de l’Intérieur (services de "
            "police), du ministère des Affaires sociales et de la Santé et du ministère du "
            "Travail, de l’Emploi et du Dialogue social, puis de l’Office belge de la Migration.",
            [
                "ministère de l’Intérieur",
                "ministère des Affaires sociales et de la Santé",
                "ministère du Travail, de l’Emploi et du Dialogue social",
                "Office belge de la Migration",
            ],
        ),
        (
            "Un cours avec l’Institut national judiciaire moldave et l’Ecole nationale de la "
            "magistrature à Bordeaux.",
            ["Institut national judiciaire moldave", "Ecole nationale de la magistrature"],
        ),
        (
            "Organisé par l’Ambassade de France en Lettonie, avec l’Agence nationale lettone "
            "contre la traite des êtres humains.",
            [
                "Ambassade de France en Lettonie",
                "Agence nationale lettone contre la traite des êtres humains",
            ],
        ),
        (
            "Un commandant de l’office central pour la répression de la traite des êtres humains "
            "(OCRTEH) a parlé.",
            ["office central pour la répression de la traite des êtres humains"],
        ),
        ("Le ministère français de la Justice co-organise le séminaire.", ["ministère français de la Justice"]),
    ],
    ids=["ministries in lower case", "adjectives after the head", "country and phrase objects",
         "lower-case office with its acronym", "nationality after the head"],
)  # fmt: skip
def test_french_names_as_written(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Le Conseil national a voté.",  # a head and one generic adjective: no name of its own
        "À Sarajevo, dans la Fédération de Bosnie-Herzégovine, un atelier.",  # a territory
        "L’Institut de Santé de l’enfant a ouvert.",  # the name runs on in lower case: unsure
        "CONSEIL DE L EUROPE SUR LA TRAITE",  # a heading in capitals
    ],
    ids=["generic", "territory", "cut short", "capitals"],
)
def test_no_french_name(text: str) -> None:
    assert _names(text) == []


def test_an_english_text_is_not_read_so() -> None:
    text = "The Office of the Prosecutor en route met the Commission de Venise and the delegates."
    assert french_bodies(text, []) == []


def test_a_register_name_is_one_object(bundled: Register) -> None:
    text = (
        "Le Secrétariat de la Convention du Conseil de l'Europe sur la lutte contre la traite des "
        "êtres humains et la Représentation permanente de la Lettonie auprès de l’OSCE ont "
        "organisé la table ronde." + _FRENCH
    )
    found = {(o.name, o.key) for o in find_organisations(text, bundled)}
    assert ("Représentation permanente de la Lettonie auprès de l’OSCE", None) in found
    assert "coe-thb-secretariat" in {k for _, k in found}


def test_an_acronym_spelt_out_in_brackets_is_the_register_body(bundled: Register) -> None:
    text = (
        "Selon la MIPROF (Mission interministérielle pour la Protection des Femmes) cette année."
        + _FRENCH
    )
    assert [o.key for o in find_organisations(text, bundled)] == ["fr-miprof"]


def test_one_ministry_named_twice_is_one_body(bundled: Register) -> None:
    text = (
        "Le ministère letton de la Justice accueille le séminaire au siège du Ministère de la "
        "Justice à Riga." + _FRENCH
    )
    assert [o.name for o in find_organisations(text, bundled)] == ["ministère letton de la Justice"]


def test_ministries_met_by_a_delegation_are_counted(bundled: Register) -> None:
    text = (
        "La délégation s’est entretenue avec des représentants du ministère de l’Intérieur, du "
        "ministère de la Justice et du ministère de la Santé." + _FRENCH
    )
    assert len(find_organisations(text, bundled)) == 3


def test_the_members_a_roster_lists_are_not_counted(bundled: Register) -> None:
    text = (
        "Liste des associations du Réseau Alpha, organisateur de la journée : Association des "
        "Amis du Port, Comité Laïque pour la Dignité, Fondation Berthier, Amicale du Nid." + _FRENCH
    )
    assert [o.key for o in find_organisations(text, bundled)] == ["amicale-du-nid"]


def test_a_ministry_of_equality_between_women_and_men() -> None:
    text = "Le ministère de l’Égalité entre les femmes et les hommes, de la Diversité et de l’Égalité des chances publie un guide."
    assert _names(text) == [
        "ministère de l’Égalité entre les femmes et les hommes, de la Diversité et de l’Égalité des chances"
    ]
