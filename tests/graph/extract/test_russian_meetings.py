"""Russian meetings: event nouns in any case, "во время брифинга", a visit told by its verb, and
a place in a sentence about a meeting of another year. Fixtures written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from thbgraph.graph.extract.doctype import document_info, find_dateline
from thbgraph.graph.extract.meetings import find_meetings
from thbgraph.graph.model import Meeting
from thbgraph.graph.register import Register

About = Callable[[str], Meeting]  # the `meeting_about` fixture of conftest.py


def test_a_visit_told_by_its_verb_is_dated(meeting_about: About) -> None:
    text = (
        "Координатор ОБСЕ посещает Совет Европы\n"
        "14 апреля 2011 г. Совет Европы в Страсбурге посетил Координатор ОБСЕ по борьбе с "
        "торговлей людьми. Ранее, на встрече на высшем уровне в Стамбуле в июне 2004 г., "
        "государства приняли план.\n"
    )
    subject = meeting_about(text)
    assert subject.start_date == "2011-04-14"
    assert subject.place != "Istanbul"


def test_during_a_briefing_dates_the_briefing(meeting_about: About) -> None:
    text = (
        "ОБСЕ отмечает рост числа жертв\n"
        "Во время брифинга 7 октября 2015 года Специальный представитель ОБСЕ рассказала о "
        "новых формах эксплуатации.\n"
    )
    assert meeting_about(text).start_date == "2015-10-07"


def test_a_pace_document_number_dates_the_document_not_a_meeting(reg: Register) -> None:
    text = (
        "Rapport | Doc. 13421 | 5 février 2014\n\n"
        "La lutte contre la traite des êtres humains : rapport de la commission.\n"
    )
    found, _ = find_meetings(text, reg, info=document_info(text), dateline=find_dateline(text))
    assert [m.start_date for m in found if m.role == "subject"] in ([], [None])


def test_an_agency_dateline_without_a_year_takes_the_headers_year(meeting_about: About) -> None:
    from thbgraph.graph.extract.doctype import find_dateline

    text = (
        "Министр открыл учения по борьбе с торговлей людьми\n\n"
        "10:15 | 04.05.2022 Категория: Общество\n\n"
        "Кишинэу, 4 мая /АГЕНТСТВО/. Министр внутренних дел принял сегодня участие в открытии "
        "национальных учений по борьбе с торговлей людьми.\n"
    )
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.date.first.isoformat()) == ("Кишинэу", "2022-05-04")
    assert meeting_about(text).place == "Chisinau"
