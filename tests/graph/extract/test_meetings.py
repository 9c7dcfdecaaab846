"""The subject meeting and its facts, on unseen documents of the seeds' genres."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thbgraph.graph.extract.agenda import find_agenda
from thbgraph.graph.extract.doctype import document_info, find_dateline
from thbgraph.graph.extract.meetings import find_meetings, meeting_phrases, title_case
from thbgraph.graph.model import Meeting
from thbgraph.graph.register import Register, load_register

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register([FIXTURES / "register-mini.ttl"])


def meetings_of(text: str, reg: Register) -> list[Meeting]:
    found, _ = find_meetings(text, reg, info=document_info(text), dateline=find_dateline(text))
    for m in found:
        for name, ev in m.facts.items():
            assert text[ev.start : ev.end] == ev.text, name
    return found


def test_an_agenda_of_an_unseen_conference(reg: Register) -> None:
    text = (FIXTURES / "alliance-2019-agenda.md").read_text("utf-8")
    (m,) = meetings_of(text, reg)
    assert m.role == "subject"
    assert m.title == "19th Alliance against Trafficking in Persons Conference: Everyone Has a Role"
    assert (m.start_date, m.end_date, m.place, m.online) == (
        "2019-04-08",
        "2019-04-09",
        "Vienna",
        False,
    )
    assert m.organisers == ["OSR/CTHB"]
    assert (m.participants_count, m.states_count) == (300, 57)
    assert m.facts["start_date"].text == "8-9 April 2019"
    assert m.facts["participants_count"].text == "over 300 participants"


def test_a_summary_with_mentioned_meetings(reg: Register) -> None:
    text = (FIXTURES / "summary-warsaw-2019.txt").read_text("utf-8")
    subject, *mentioned = meetings_of(text, reg)
    assert subject.title == "Expert Seminar on Combating Trafficking for Labour Exploitation"
    assert (subject.start_date, subject.end_date) == ("2019-09-30", "2019-10-01")
    assert (subject.place, subject.online, subject.organisers) == ("Warsaw", False, ["ODIHR"])
    assert (subject.participants_count, subject.states_count) == (85, 30)
    earlier = next(m for m in mentioned if m.start_date == "2019-03-04")
    assert (earlier.role, earlier.place) == ("mentioned", "Vienna")
    assert any("Alliance against Trafficking in Persons" in (m.title or "") for m in mentioned)


def test_a_french_press_release(reg: Register) -> None:
    text = (FIXTURES / "communique-fr.txt").read_text("utf-8")
    m = meetings_of(text, reg)[0]
    assert (m.start_date, m.end_date, m.place, m.online) == (
        "2019-03-12",
        "2019-03-12",
        "Strasbourg",
        False,
    )
    assert m.states_count == 45


def test_online_meeting_from_its_header(reg: Register) -> None:
    text = (
        "SUMMARY\n\nRegional Round Table on Victim Identification\n\n5 October 2021\n\nVideoconference\n\n"
        + (
            "The round table was organised by the ODIHR and brought together 40 representatives "
            "of 12 OSCE participating States to discuss victim identification in the region."
        )
    )
    (m,) = meetings_of(text, reg)
    assert (m.title, m.start_date, m.online, m.place) == (
        "Regional Round Table on Victim Identification",
        "2021-10-05",
        True,
        None,
    )
    assert m.facts["online"].text == "Videoconference"
    assert (m.participants_count, m.states_count, m.organisers) == (40, 12, ["ODIHR"])


def test_the_most_specific_organiser_wins(reg: Register) -> None:
    text = (
        "SUMMARY\n\nMeeting of National Rapporteurs\n\nCo-organized by the Council of Europe and OSCE\n\n"
        "3 May 2022\n\nVienna\n\nThe meeting was co-organized by the Office of the OSCE Special "
        "Representative and Co-ordinator for Combating Trafficking in Human Beings and the Council "
        "of Europe in line with earlier practice. It was a very long and detailed meeting indeed."
    )
    (m,) = meetings_of(text, reg)
    assert sorted(m.organisers) == ["CoE", "OSR/CTHB"]


def test_a_habit_is_not_an_organiser(reg: Register) -> None:
    text = (
        "AGENDA\n\nMeeting of National Rapporteurs\n\n3 May 2022\n\nVienna\n\n"
        "The ODIHR organizes meetings of rapporteurs every year, and this one continues the practice "
        "of exchanging experience between the participating States of the region concerned."
    )
    (m,) = meetings_of(text, reg)
    assert m.organisers == []


def test_meeting_phrases() -> None:
    text = (
        "participants discussed the recommendations of this year’s 18th Alliance Against Trafficking in "
        "Persons conference and the meeting of National Co-ordinators in Vienna."
    )
    titles = [p.title for p in meeting_phrases(text, places=frozenset({"vienna"}))]
    assert titles == [
        "18th Alliance Against Trafficking in Persons Conference",  # the ordinal names which one
        "Meeting of National Co-ordinators",
    ]


def test_title_case_keeps_acronyms_and_hyphenated_words() -> None:
    assert (
        title_case("ANTI-TRAFFICKING FOCAL POINT MEETING OF THE OSCE MISSIONS", {"OSCE"})
        == "Anti-Trafficking Focal Point Meeting of the OSCE Missions"
    )
    assert title_case("MEETING OF CO-ORDINATORS", set()) == "Meeting of Co-ordinators"


FRAGMENTS = [
    "AGENDA",
    "SUMMARY",
    "PRESS RELEASE",
    "Meeting of National Rapporteurs",
    "co-organised by the Council of Europe and OSCE",
    "Online (Zoom)",
    "Vienna",
    "3-4 November 2020",
    "STRASBOURG, 16 November 2021 - The meeting took place.",
    "DAY 1:",
    "<b>DAY 2:</b>",
    "13:50 - 14:50",
    "09:00 - 10:00\tRegistration",
    "Session 4 – Access",
    "¹ See <https://www.osce.org/cthb/1>",
    "over 110 participants from 51 OSCE participating States",
    "PC.EC/637 (2004)",
    "Article 29(4) of the Convention",
    "the Vienna and Porto OSCE Ministerial Decisions",
    "",
    "   ",
    "**",
    "### ",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14), st.sampled_from(["\n", "\n\n", " "]))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_arrangement_of_debris_gives_exact_evidence(
    reg: Register, parts: list[str], sep: str
) -> None:
    """Whatever order PDF conversion leaves the pieces in, nothing raises and offsets hold."""
    text = sep.join(parts)
    for m in meetings_of(text, reg):  # asserts every fact's evidence quotes the text
        items, _ = find_agenda(text, start_date=m.start_date)
        for item in items:
            assert item.evidence is not None
            assert text[item.evidence.start : item.evidence.end] == item.evidence.text


def test_a_russian_agenda(reg: Register) -> None:
    text = (FIXTURES / "povestka-ru.txt").read_text("utf-8")
    (m,) = meetings_of(text, reg)
    assert m.title == "Совещание национальных координаторов по борьбе с торговлей людьми"
    assert (m.start_date, m.end_date, m.place, m.online) == (
        "2020-11-03",
        "2020-11-04",
        "Vienna",
        False,
    )
    assert (m.participants_count, m.states_count) == (80, 40)
    items, _ = find_agenda(text, start_date=m.start_date)
    assert [(i.day, i.start_time, i.title) for i in items] == [
        (1, "10:00", "Открытие"),
        (1, "11:00", "Сессия 1 – Предотвращение торговли людьми"),
        (2, "10:00", "Сессия 2 – Защита жертв"),
    ]


def test_a_registration_deadline_is_not_the_meeting_date(reg: Register) -> None:
    text = (
        "Draft AGENDA\n\nRegional Seminar on Child Trafficking\n\n"
        "Deadline for registration: 1 October 2020\n\nVienna, 12-13 October 2020\n\n"
        "The seminar is organised by the ODIHR. It brings together experts from 20 OSCE "
        "participating States to exchange experience on child protection systems."
    )
    (m,) = meetings_of(text, reg)
    assert (m.start_date, m.end_date, m.place) == ("2020-10-12", "2020-10-13", "Vienna")
    assert (m.organisers, m.states_count) == (["ODIHR"], 20)


def test_a_range_in_the_story_beats_the_dateline(reg: Register) -> None:
    text = (
        "Strasbourg, 27.09.2019 – The Group of Experts on Action against Trafficking in Human "
        "Beings held its 36th plenary meeting from 23 to 27 September 2019."
    )
    (m,) = meetings_of(text, reg)
    assert (m.start_date, m.end_date, m.place) == ("2019-09-23", "2019-09-27", "Strasbourg")
    assert m.facts["start_date"].text == "23 to 27 September 2019"
