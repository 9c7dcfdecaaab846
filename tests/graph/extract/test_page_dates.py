"""The page's own date (graph/extract/pagedate.py, words in data/page_dates.json) and the news /
press release line it helps draw, in English, French and Russian (texts written for these tests).

Truth rule: the document date is the date the page prints as its own (a label, a date line under
the headline, a dateline), never a meeting's date or a deadline."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.doctype import document_info
from thbgraph.graph.extract.pagedate import label_end, page_date

_STORY_EN = (
    "The regional office held a three-day course on interviewing presumed victims for twenty "
    "border guards and social workers, with trainers from the national police academy.\n"
)
_STORY_FR = (
    "Le bureau régional a organisé une formation de trois jours sur l'audition des victimes "
    "présumées pour une vingtaine de gardes-frontières et de travailleurs sociaux du pays.\n"
)
_STORY_RU = (
    "Региональный офис провел трехдневный курс по опросу предполагаемых жертв для двадцати "
    "пограничников и социальных работников с участием преподавателей полицейской академии.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Border guards trained\nIssued on: 3 May 2019\n\n{_STORY_EN}", "2019-05-03"),
        (f" date 2021-11-08 {_STORY_EN}", "2021-11-08"),
        (f"Formation des gardes-frontières\nPublié le 24 mai 2016\n\n{_STORY_FR}", "2016-05-24"),
        (f"Пограничники прошли обучение\nОпубликовано: 06.10.2022\n\n{_STORY_RU}", "2022-10-06"),
        (f"Пограничники прошли обучение\n\nДата:\nOct 06, 2022\n\n{_STORY_RU}", "2022-10-06"),
    ],
    ids=["issued-on", "date-iso", "publie-le", "opublikovano", "label-over-date"],
)
def test_a_labelled_page_date(text: str, expected: str) -> None:
    found = page_date(text)
    assert found is not None and found.labelled
    assert found.date.first.isoformat() == expected
    assert document_info(text).date == expected


@pytest.mark.parametrize(
    ("line", "expected", "stamp"),
    [
        ("18/04/2024", "2024-04-18", False),
        ("03.10.2007", "2007-10-03", False),
        ("2007-10-03", "2007-10-03", False),
        ("20.05.2017   1204 Views", "2017-05-20", True),
        ("Wednesday, October 3, 2007 8:37 AM", "2007-10-03", True),
        ("14.02.2011 09:15 — Общество | Агентство", "2011-02-14", True),
    ],
    ids=["slashes", "dots", "iso", "views", "us-weekday-time", "stamp-and-section"],
)
def test_a_date_line_under_the_headline(line: str, expected: str, stamp: bool) -> None:
    text = f"Border guards trained in the capital\n\n{line}\n\n{_STORY_EN}"
    found = page_date(text)
    assert found is not None and not found.labelled
    assert (found.date.first.isoformat(), found.stamp) == (expected, stamp)
    assert document_info(text).date == expected


def test_a_date_first_dateline_dates_a_news_page() -> None:
    text = f"Border guards trained\n\n9 March 2021, Chisinau – {_STORY_EN}"
    info = document_info(text)
    assert (info.type, info.date) == ("news", "2021-03-09")


@pytest.mark.parametrize(
    "text",
    [
        # a meeting's date in a sentence is not the page's date
        f"Border guards trained\n\nThe course took place on 3 May 2019 in the capital.\n\n{_STORY_EN}",
        # a deadline on a line of its own is not a date line (a word beside it)
        f"Border guards trained\n\nApply by 3 May 2019\n\n{_STORY_EN}",
        # a range is a meeting's dates
        f"Border guards trained\n\n3-5 May 2019\n\n{_STORY_EN}",
    ],
    ids=["in-a-sentence", "deadline", "range"],
)
def test_no_page_date(text: str) -> None:
    assert page_date(text) is None
    assert document_info(text).date is None


def test_a_label_before_a_dateline_is_skipped() -> None:
    text = " date 2024-04-10 RIGA, 10 April 2024 – The Mission held a course."
    assert text[label_end(text, 1, len(text)) :].startswith("RIGA,")
    assert label_end(text, 17, len(text)) == 17  # no label there


def test_a_labelled_release_keeps_its_dateline_and_type() -> None:
    text = f" date 2024-04-10 RIGA, 10 April 2024 – {_STORY_EN}"
    info = document_info(text)
    assert (info.type, info.date) == ("press_release", "2024-04-10")


def test_a_release_re_posted_under_a_posting_stamp_is_news() -> None:
    """A blog's post of a release: its own stamp line above the release's dateline; the page's date
    is the stamp, not the dateline."""
    text = (
        "Mission trains border guards\nThursday, June 1, 2006 10:40 AM\n\n"
        f"RIGA, 26 May 2006 - {_STORY_EN}"
    )
    info = document_info(text)
    assert (info.type, info.date) == ("news", "2006-06-01")


def test_a_news_label_over_a_report_headline_is_news() -> None:
    text = (
        "News\n\nReport on the 12th Forum against Forced Labour – Riga, 4 and 5 May 2023\n"
        f"08/05/2023\n\n{_STORY_EN}"
    )
    info = document_info(text)
    assert (info.type, info.date) == ("news", "2023-05-08")


@pytest.mark.parametrize(
    "text",
    [
        f"Border guards trained\n\n{_STORY_EN}\n“We learnt a lot,” said Anna Berzina.\n",
        f"{_STORY_EN}\nThe course was the first of three planned this year.\n",
        f"Formation des gardes-frontières\n\n{_STORY_FR}",
        f"Facebook tracking code\n\n{_STORY_RU}",
    ],
    ids=["quotes-no-dateline", "no-headline", "fr", "chrome-line-first"],
)
def test_a_story_without_release_marks_is_news(text: str) -> None:
    assert document_info(text).type == "news"


@pytest.mark.parametrize(
    "text",
    [
        f"Border guards trained\n\n{_STORY_EN}“We learnt a lot,” said Anna Berzina.\n\n"
        "Media contact: Press Unit, +371 000 0000\n",
        f"Border guards trained\n\nRIGA – {_STORY_EN}“We learnt a lot,” said Anna Berzina.\n",
        f"Border guards trained\n\n{_STORY_EN}“We learnt a lot,” said Anna Berzina.\n\n"
        "Published 9 March 2021\n",
    ],
    ids=["press-contact", "dateline-without-date", "closing-line"],
)
def test_a_story_with_release_marks_is_a_press_release(text: str) -> None:
    assert document_info(text).type == "press_release"


@pytest.mark.parametrize(
    "text",
    [
        "Provisional edition\n\nFighting forced labour in supply chains\n\n"
        "Recommendation 2101 (2017)\n\n1. The Assembly recalls its earlier texts on the subject.\n",
        "Édition provisoire\nLutter contre le travail forcé\nRésolution 1999 (2016)\n1. L’Assemblée "
        "rappelle ses textes antérieurs.\n",
        "Fighting forced labour\n- Author(s): Assembly\nText adopted by the Assembly on 3 March 2017 "
        "(9th Sitting).\n1. The Assembly recalls its earlier texts.\n",
    ],
    ids=["recommendation-en", "resolution-fr", "text-adopted"],
)
def test_an_adopted_assembly_text_is_a_decision(text: str) -> None:
    assert document_info(text).type == "decision"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Пограничники прошли обучение\n14-03-2019, 10:05{_STORY_RU}", "2019-03-14"),
        (f"Border guards trained\n\nRiga, 9 March 2021 (BNA): {_STORY_EN}", "2021-03-09"),
        (
            f"Formation des gardes-frontières\n{_STORY_FR}[Capitaine Morel, 18 mai 2012]\n",
            "2012-05-18",
        ),
        (f"Border guards trained\nBy Anna Berg, 3 May 2019\n\n{_STORY_EN}", "2019-05-03"),
    ],
    ids=["hyphen-stamp-glued", "outlet-tag", "bracketed-byline", "by-line"],
)
def test_a_news_site_s_own_date(text: str, expected: str) -> None:
    info = document_info(text)
    assert (info.type, info.date) == ("news", expected)


def test_a_decision_dated_with_its_place() -> None:
    text = (
        "Совет министров\n\nРЕШЕНИЕ\n\nот 4 марта 2015 года          город Минск\n\n"
        "о программе сотрудничества в борьбе с торговлей людьми\n"
    )
    info = document_info(text)
    assert (info.type, info.date) == ("decision", "2015-03-04")


@pytest.mark.parametrize(
    ("stated", "dateline", "expected"),
    [
        ("News", "", "news"),
        ("Press release", "RIGA, 4 October 2022 – ", "press_release"),
        ("Press release", "", "press_release"),
    ],
    ids=["news", "release", "release-without-dateline"],
)
def test_the_content_type_a_page_states(stated: str, dateline: str, expected: str) -> None:
    text = (
        f"Border guards trained\nPublishing date: 4 October 2022\nContent type: {stated}\n\n"
        f"{dateline}{_STORY_EN}"
    )
    info = document_info(text)
    assert (info.type, info.date) == (expected, "2022-10-04")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("martes, 8 de marzo de 2016", "2016-03-08"),
        ("Mittwoch, 14. September 2022", "2022-09-14"),
        ("3 lutego 2021, 10:15", "2021-02-03"),
    ],
    ids=["es", "de", "pl-genitive"],
)
def test_a_date_line_in_another_locale(line: str, expected: str) -> None:
    """A blog in another language re-posting a French story dates it in its own words (CLDR)."""
    text = f"Formation des gardes-frontières\n\n{line}\n\n{_STORY_FR}"
    info = document_info(text)
    assert (info.type, info.date) == ("news", expected)


def test_a_foreign_line_with_other_words_is_no_date() -> None:
    text = f"Formation des gardes-frontières\n\nmartes 8 de marzo de 2016 en Madrid\n\n{_STORY_FR}"
    assert page_date(text) is None


def test_an_agenda_with_two_modifiers() -> None:
    text = (
        "Regional Forum, 4-5 May, Riga\n\nFighting forced labour in supply chains\n\n"
        "Riga, 4-5 May 2022\n\nDRAFT Annotated Agenda\n\n"
        "Forced labour is a human rights violation and a lucrative crime, and this forum looks at "
        "what labour inspectors and prosecutors can do together against it in supply chains.\n"
    )
    info = document_info(text)
    assert (info.type, info.date) == ("agenda", None)


def test_an_event_page_s_date_line_is_the_event_s() -> None:
    """Under an event page's title (not a story), a date line is the event's date, not the
    page's; only a labelled date would date the page."""
    text = "Regional Forum on Forced Labour\n\n15 April 2024\n\nVenue: City Hall, Riga\nRegister online\n"
    info = document_info(text)
    assert (info.type, info.date) == ("other", None)
    labelled = (
        "Regional Forum on Forced Labour\n\nPosted on: 2 March 2024\n\nVenue: City Hall, Riga\n"
    )
    assert document_info(labelled).date == "2024-03-02"


def test_the_cldr_names_file_matches_babel() -> None:
    """data/cldr_dates.json is what scripts/make_cldr_dates.py writes from Babel's CLDR data."""
    import json
    from importlib import resources

    from thbgraph.graph.extract.pagedate import cldr_names

    folder = resources.files("thbgraph.graph.extract") / "data"
    stored = json.loads((folder / "cldr_dates.json").read_text(encoding="utf-8"))
    locales = json.loads((folder / "page_dates.json").read_text(encoding="utf-8"))["cldr_locales"]
    assert stored["locales"] == locales
    fresh = cldr_names(locales)
    assert (stored["months"], stored["weekdays"]) == (fresh["months"], fresh["weekdays"])
    assert stored["months"]["octubre"] == 10


def test_a_superscript_digit_on_a_date_line_is_no_day() -> None:
    """'¹' is a digit to str.isdigit() but not to int(): a footnote mark glued to a day is no
    reason for extraction to fail (found by the hypothesis test of tests/hostile)."""
    text = (
        "Actualité\n\nlunes, ¹ 17 de octubre de 2016\n\nLe GRETA a tenu une réunion à Strasbourg.\n"
    )
    page_date(text)  # must not raise
    assert extract(text).text == text
