"""Dates and ranges as meeting documents write them become ISO dates."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [
        ("3-4 November 2020", "2020-11-03", "2020-11-04"),
        ("3–4 November 2020", "2020-11-03", "2020-11-04"),
        ("17-20 JULY 2003", "2003-07-17", "2003-07-20"),
        ("23 May 2018", "2018-05-23", "2018-05-23"),
        ("November 3-4, 2020", "2020-11-03", "2020-11-04"),
        ("November 3, 2020", "2020-11-03", "2020-11-03"),
        ("30 November - 1 December 2020", "2020-11-30", "2020-12-01"),
        ("30 December 2020 - 2 January 2021", "2020-12-30", "2021-01-02"),
        ("3 and 4 November 2020", "2020-11-03", "2020-11-04"),
        ("3.11.2020", "2020-11-03", "2020-11-03"),
        ("2020-11-03", "2020-11-03", "2020-11-03"),
        ("3 Nov. 2020", "2020-11-03", "2020-11-03"),
        ("3 novembre 2020", "2020-11-03", "2020-11-03"),
        ("3 au 4 novembre 2020", "2020-11-03", "2020-11-04"),
        ("1er décembre 2020", "2020-12-01", "2020-12-01"),
        ("3-4 ноября 2020 г.", "2020-11-03", "2020-11-04"),
        ("16 ноября 2021 года", "2021-11-16", "2021-11-16"),
        # an ordinal set apart from its day, as flyers print it
        ("30 th January 2013", "2013-01-30", "2013-01-30"),
        ("21 st and 22 nd June 2018", "2018-06-21", "2018-06-22"),
        ("1 er mars 2020", "2020-03-01", "2020-03-01"),
        ("October the 4th 2016", "2016-10-04", "2016-10-04"),
        ("November 3 2020", "2020-11-03", "2020-11-03"),
    ],
)
def test_written_dates(written: str, first: str, last: str) -> None:
    found = parse_date(written)
    assert found is not None, written
    assert (found.first.isoformat(), found.last.isoformat(), found.text) == (first, last, written)


def test_a_dateline_and_its_offsets() -> None:
    text = "STRASBOURG, 16 November 2021 - The largest annual gathering took place."
    (d,) = find_dates(text)
    assert text[d.start : d.end] == "16 November 2021"
    assert not d.is_range


def test_from_to_ranges() -> None:
    (d,) = find_dates("held its 36th plenary meeting from 23 to 27 September 2019.")
    assert (d.text, d.first.isoformat(), d.last.isoformat()) == (
        "23 to 27 September 2019",
        "2019-09-23",
        "2019-09-27",
    )
    (d,) = find_dates("la réunion du 3 au 4 novembre 2020")
    assert d.text == "3 au 4 novembre 2020"


def test_a_sentence_end_is_not_part_of_the_date() -> None:
    (d,) = find_dates("The meeting took place on 3 May 2019.")
    assert d.text == "3 May 2019"


def test_no_year_needs_a_default_year() -> None:
    assert find_dates("THURSDAY, 17 JULY") == []
    (d,) = find_dates("THURSDAY, 17 JULY", default_year=2003)
    assert (d.first.isoformat(), d.has_year) == ("2003-07-17", False)


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2020",  # no such day
        "13:00 - 13:30",
        "Sarajevo 2002",
        "in June 2003",  # a month, not a day
        "the 2019-2020 period",
        "4-3 November 2020",  # a range must not run backwards
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []
