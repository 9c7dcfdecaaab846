"""Organisers of the subject meeting: cue words (en/fr/ru), field operations, the body of a sitting.

Fixtures are written for these tests (no page text): each reproduces one class of error seen on
real pages of the genre.
"""

from __future__ import annotations

import pytest

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.organisers import field_operations, find_organisers, organisers_of_title
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


def _subject_organisers(text: str) -> list[str]:
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject, "no subject meeting"
    return subject[0].organisers


def test_a_passive_list_with_a_republic_and_an_embassy(reg: Register) -> None:
    text = (
        "The two-day seminar, held on 3 May 2022 in Almaty, was jointly organized by the OSCE "
        "Programme Office in Astana, the Embassy of Norway in Kazakhstan and the Ministry of "
        "Justice of the Republic of Kazakhstan, the Office said."
    )
    names, spans = find_organisers(text, reg)
    assert names == [
        "OSCE Programme Office in Astana",
        "Embassy of Norway in Kazakhstan",
        "Ministry of Justice of the Republic of Kazakhstan",  # as written (truth convention)
    ]
    assert spans and text[spans[0][0] : spans[0][1]].startswith("The two-day seminar")


def test_the_subject_of_held_and_its_partners_after_jointly_with(reg: Register) -> None:
    text = (
        "On 4 and 5 March 2024, the OSCE Centre in Ashgabat, jointly with the Office of the OSCE "
        "Special Representative and Co-ordinator for Combating Trafficking in Human Beings, "
        "conducted a two-day workshop for border guards."
    )
    assert find_organisers(text, reg)[0] == ["OSCE Centre in Ashgabat", "OSR/CTHB"]


def test_a_dateline_and_a_person_are_not_organisers(reg: Register) -> None:
    text = (
        "TARAZ, Kazakhstan, 9 June 2015 – The OSCE Centre in Astana held a seminar on victim "
        "identification today. Today, Ambassador Jane Doe opened a conference."
    )
    assert find_organisers(text, reg)[0] == ["OSCE Centre in Astana"]


def test_a_verb_without_an_event_is_no_organiser(reg: Register) -> None:
    text = "The OSCE Centre in Astana held talks with the Ministry of Education on a new law."
    assert find_organisers(text, reg)[0] == []


def test_russian_instrumental_field_operation(reg: Register) -> None:
    text = "Семинар для сотрудников полиции был организован Офисом программ ОБСЕ в Бишкеке."
    assert find_organisers(text, reg)[0] == ["OSCE Programme Office in Bishkek"]


def test_french_field_operation_and_a_body_holding_its_session(reg: Register) -> None:
    assert [o.name for o in field_operations("la Mission de l’OSCE en Moldavie a organisé")] == [
        "OSCE Mission to Moldova"
    ]
    text = "Le GRETA a tenu sa 12e réunion plénière du 2 au 4 avril 2019 à Strasbourg."
    assert find_organisers(text, reg)[0] == ["GRETA"]


def test_a_group_between_two_bodies_names_neither(reg: Register) -> None:
    text = (
        "1. Le Groupe de liaison entre le Conseil de l'Europe et l'OSCE, créé en 2010 par le "
        "Comité des Ministres, a tenu sa deuxième réunion à Vienne le 3 mai 2011."
    )
    assert find_organisers(text, reg)[0] == []


def test_an_adjective_made_the_one_field_operation_named(reg: Register) -> None:
    text = (
        "DUSHANBE, 3 May 2016 – Judges took part in an OSCE-organized training course on human "
        "trafficking that ended today. “We support the judiciary,” said the Head of the OSCE "
        "Programme Office in Dushanbe."
    )
    assert find_organisers(text, reg)[0] == ["OSCE Programme Office in Dushanbe"]


def test_the_next_meeting_hosted_by_another_body_is_not_this_one(reg: Register) -> None:
    text = "The seminar took place on 3 May 2022. The next seminar will be hosted by the ILO."
    assert find_organisers(text, reg)[0] == []


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("47th plenary meeting of GRETA", ["GRETA"]),
        (
            "12e réunion du Comité des Parties (Strasbourg, 3 mai 2019)",
            ["Committee of the Parties"],
        ),
        ("Regional meeting of the OSCE Missions in South-Eastern Europe", []),
        ("Meeting of the Friends of the Chair", []),
    ],
)
def test_the_body_whose_sitting_the_meeting_is(reg: Register, title: str, body: list[str]) -> None:
    found = organisers_of_title(title, reg)
    if body == ["Committee of the Parties"]:
        entry = reg.find_organisation("Committee of the Parties")
        assert entry is not None
        body = [entry.acronym or entry.name]
    assert found == body


def test_extract_fills_the_subject_meetings_organisers() -> None:
    text = (
        "OSCE trains prosecutors in Tajikistan\n\n"
        "DUSHANBE, 12 October 2019 – The OSCE Programme Office in Dushanbe held a three-day "
        "training course for prosecutors, in co-operation with the General Prosecutor’s Office "
        "of Tajikistan, which ended today in Dushanbe.\n"
    )
    assert _subject_organisers(text)[0] == "OSCE Programme Office in Dushanbe"
