"""Agenda items with days, dates and times, robust to the debris of PDF conversion."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from thbgraph.graph.extract.agenda import find_agenda

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(str(resources.files("thbgraph.graph.corpus"))) / "documents"


def test_days_times_and_an_html_day_heading() -> None:
    text = (FIXTURES / "alliance-2019-agenda.md").read_text("utf-8")
    items, _ = find_agenda(text, start_date="2019-04-08", end_date="2019-04-09")
    rows = [(i.day, i.date, i.start_time, i.end_time, i.title) for i in items]
    assert rows == [
        (1, "2019-04-08", "09:00", "10:00", "Registration of participants"),
        (1, "2019-04-08", "10:00", "11:00", "Opening session"),
        (
            1,
            "2019-04-08",
            "11:00",
            "12:30",
            "Panel 1 – Prevention through supply chain due diligence",
        ),
        (1, "2019-04-08", "12:30", "14:00", "Lunch"),
        (2, "2019-04-09", "09:30", "11:00", "Panel 2 – Trafficking for forced criminality"),
        (2, "2019-04-09", "11:00", "11:30", "Closing remarks"),  # time line, then its heading
    ]
    for i in items:
        assert i.evidence is not None and text[i.evidence.start : i.evidence.end] == i.evidence.text


def test_a_stray_time_line_is_placed_where_it_fits_and_reported() -> None:
    text = (
        "DAY 1:\n\n10:00 - 11:00\n\n09:00 - 10:00\tOpening\n"
        "<b>DAY 2:</b>\t\n09:00 - 10:00\tSession 3 – Funding\n\nSession 4 – Access to protection\n\n"
        "11:00 - 12:00 Session 5 – Closing\n"
    )
    items, warnings = find_agenda(text, start_date="2020-11-03")
    by_title = {i.title: i for i in items}
    s4 = by_title["Session 4 – Access to protection"]
    assert (s4.day, s4.date, s4.start_time, s4.end_time) == (2, "2020-11-04", "10:00", "11:00")
    assert len(warnings) == 1 and "stray time line '10:00 - 11:00'" in warnings[0]


def test_a_stray_time_line_that_fits_nowhere_is_skipped_with_a_warning() -> None:
    text = "DAY 1\n\n15:00 - 16:00\n\n09:00 - 10:00\tOpening\n10:00 - 11:00\tSession 1 – Risks\n"
    items, warnings = find_agenda(text, start_date="2020-11-03")
    assert [i.title for i in items] == ["Opening", "Session 1 – Risks"]
    assert warnings and "skipped" in warnings[0]


def test_weekday_headings_give_dates() -> None:
    text = (
        "AGENDA\n\nTHURSDAY, 17 JULY\n\n18:00 Gathering of participants\n\n"
        "FRIDAY, 18 JULY\n\n9:00 - 18:00 HRS\n\nIntroduction\n\n- Presentation of each Mission\n"
    )
    items, _ = find_agenda(text, start_date="2003-07-17")
    rows = [(i.day, i.date, i.start_time, i.end_time, i.title) for i in items]
    assert rows == [
        (1, "2003-07-17", "18:00", None, "Gathering of participants"),
        (2, "2003-07-18", "09:00", "18:00", "Introduction"),
    ]


def test_summary_session_headings_and_the_seed_agenda() -> None:
    summary = (SEEDS / "002_2e1ad919f53edd39.txt").read_text("utf-8")
    items, _ = find_agenda(summary, start_date="2020-11-03")
    assert [(i.day, i.title[:9]) for i in items] == [
        (1, "Session 1"),
        (1, "Session 2"),
        (2, "Session 3"),
        (2, "Session 5"),
    ]
    agenda = (SEEDS / "000_46f1c8b510004226.txt").read_text("utf-8")
    items, warnings = find_agenda(agenda, start_date="2020-11-03")
    assert [i.title for i in items if i.title.startswith("Discussion")] == []
    session4 = next(i for i in items if i.title.startswith("Session 4"))
    assert (session4.day, session4.start_time, session4.end_time) == (2, "13:50", "14:50")
    assert len(warnings) == 1
