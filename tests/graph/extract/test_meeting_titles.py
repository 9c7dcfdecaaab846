"""Names of meetings: ordinal + kind + body, without page chrome, out of the sentence that tells of
the meeting, or from a heading with the meeting's place and date in brackets. Own fixtures."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.doctype import document_info, find_dateline
from thbgraph.graph.extract.meeting_titles import named_in_sentence, strip_chrome
from thbgraph.graph.extract.meetings import find_meetings
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        (
            "Back 12th meeting of the Committee of the Parties",
            "12th meeting of the Committee of the Parties",
        ),
        ("Retour Visite du GRETA en Espagne", "Visite du GRETA en Espagne"),
        ("Home » Press » News » Seminar on labour exploitation", "Seminar on labour exploitation"),
        ("Назад Семинар в Бишкеке", "Семинар в Бишкеке"),
        ("Backstage meeting of experts", "Backstage meeting of experts"),  # a word, not chrome
    ],
)
def test_page_chrome_leaves_the_headline(headline: str, name: str) -> None:
    assert strip_chrome(headline) == name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Group of Experts on Action against Trafficking in Human Beings (GRETA) held its "
            "12th plenary meeting from 3 to 7 May 2010 in Strasbourg",
            "12th plenary meeting of GRETA",
        ),
        (
            "Le GRETA a tenu sa 18e réunion du 2 au 6 avril 2014 à Strasbourg",
            "18e réunion du GRETA",
        ),
        (
            "Yesterday, the Network opened the Annual Partners Meeting in Oslo",
            "Annual Partners Meeting",
        ),
        (
            "В Бишкеке началась региональная встреча экспертов по миграции",
            "Региональная встреча экспертов по миграции",
        ),
        ("Expert Seminar on Labour Exploitation", "Expert Seminar on Labour Exploitation"),
    ],
)
def test_a_name_out_of_the_sentence_that_tells_of_the_meeting(sentence: str, name: str) -> None:
    assert named_in_sentence(sentence) == name


def test_a_bracketed_heading_names_the_meeting_not_the_sitting_header(reg: Register) -> None:
    text = (
        "CM(2011)14 3 mai 2011\n\n901 Réunion, 11 mai 2011\n\n"
        "Rapport abrégé de la 6e réunion du Comité ad hoc (Strasbourg, 4-6 avril 2011)\n\n"
        "1. Le Comité ad hoc a tenu sa 6e réunion du 4 au 6 avril 2011 à Strasbourg.\n"
    )
    found, _ = find_meetings(text, reg, info=document_info(text), dateline=find_dateline(text))
    subject = next(m for m in found if m.role == "subject")
    assert subject.title == "6e réunion du Comité ad hoc"
    ev = subject.facts["title"]
    assert text[ev.start : ev.end] == ev.text


def test_a_bodys_own_numbered_sitting_is_the_meeting_when_nothing_else_is(reg: Register) -> None:
    text = (
        "GRETA looks back on ten years of monitoring\n\n"
        "The Group of Experts (GRETA) marked ten years of country visits on the occasion of its "
        "30th plenary meeting. Its latest reports were presented.\n"
    )
    found, _ = find_meetings(text, reg, info=document_info(text), dateline=find_dateline(text))
    subject = next(m for m in found if m.role == "subject")
    assert (subject.title, subject.organisers) == ("30th plenary meeting of GRETA", ["GRETA"])
