"""Meeting sentences of real pages' genre: event nouns and verbs from data/meeting_words.json,
places from data/places.json (fixtures written for this test)."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract import extract

CASES = [
    (
        "Border guards from Freedonia finished a five-day course on spotting forced labour, "
        "which was conducted from 4 to 8 September 2019 in Tashkent.\n",
        "2019-09-04",
        "Tashkent",
    ),
    (
        "Le Comité d'experts a tenu sa 12ème réunion du 14 au 18 mai 2021 au Palais des congrès "
        "à Strasbourg.\nIl a adopté deux rapports.\n",
        "2021-05-14",
        "Strasbourg",
    ),
    (
        "Новости\n\nВ Душанбе 9 октября 2020 года завершился двухдневный тренинг для "
        "сотрудников полиции по выявлению жертв.\n",
        "2020-10-08",
        "Dushanbe",
    ),
    (
        "On 3 and 4 May 2018, the Field Office conducted a two-day workshop in Bishkek on "
        "referral of victims.\n",
        "2018-05-03",
        "Bishkek",
    ),
]


@pytest.mark.parametrize(("text", "start", "place"), CASES)
def test_subject_meeting_date_and_place(text: str, start: str, place: str) -> None:
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject, "no subject meeting"
    assert subject[0].start_date == start
    assert subject[0].place == place


def test_city_of_an_office_is_not_the_meeting_place() -> None:
    text = (
        "The OSCE Field Centre in Bishkek held a round table for judges on 5 May 2016 "
        "in the town of Karakol.\n"
    )
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject and subject[0].start_date == "2016-05-05"
    assert subject[0].place != "Bishkek"


SPANS = [
    (
        "Rangers learn to spot forced labour\nKARAKOL, 9 May 2015 – Twenty rangers finished an "
        "OSCE training course that ended in Karakol today.\nThe three-day event covered victims' "
        "rights.\n",
        ("2015-05-07", "2015-05-09"),
    ),
    (
        "Forum on labour exploitation opens\nOSH, 21 June 2016 – A regional forum on labour "
        "exploitation opened in Osh yesterday.\nThe two-day event gathers sixty experts.\n",
        ("2016-06-20", "2016-06-21"),
    ),
    (
        "Новости\n\nВ Бишкеке 14 апреля 2019 года завершился двухдневный семинар для судей "
        "по делам о торговле людьми.\n",
        ("2019-04-13", "2019-04-14"),
    ),
]


@pytest.mark.parametrize(("text", "span"), SPANS)
def test_single_day_made_a_span_by_the_story(text: str, span: tuple[str, str]) -> None:
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject
    assert (subject[0].start_date, subject[0].end_date) == span


def test_meeting_noun_and_a_range_without_a_verb() -> None:
    text = (
        "Résumé :\nLors\nde sa 40ème réunion, au siège à Strasbourg, du 2 au 6 octobre\n"
        "2023, le Comité a adopté trois rapports.\n"
    )
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject
    assert (subject[0].start_date, subject[0].end_date) == ("2023-10-02", "2023-10-06")


def test_visit_carried_out_with_a_range() -> None:
    text = (
        "Une délégation du Comité a effectué une visite d'évaluation en Ruritanie "
        "du 3 au 7 février 2024 dans le cadre du troisième cycle.\n"
    )
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject and subject[0].start_date == "2024-02-03"


def test_numeric_posting_date_is_not_the_meeting_date() -> None:
    text = (
        "News\n03/06/2022\n\nThe Field Office held a two-day seminar for labour inspectors "
        "on 24 and 25 May 2022 in Osh.\n"
    )
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject and subject[0].start_date == "2022-05-24"


def test_place_of_the_meeting_sentence_when_the_date_is_elsewhere() -> None:
    text = (
        "Дата: 12.03.2021\n\nВ Кишиневе открылась встреча экспертов по вопросам "
        "трудовой эксплуатации.\nУчастники обсудили новые методы.\n"
    )
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject and subject[0].place == "Chisinau"


def test_dated_meeting_without_online_words_is_in_person() -> None:
    text = "The Committee held its 9th meeting on 4 and 5 March 2020.\nIt adopted a report.\n"
    subject = [m for m in extract(text).meetings if m.role == "subject"]
    assert subject and subject[0].online is False
