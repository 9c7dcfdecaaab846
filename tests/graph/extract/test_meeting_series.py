"""Series members read from lists of earlier meetings and from the announcement of the next one
(fixtures written for these tests)."""

from __future__ import annotations

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.meeting_series import listed_meetings, planned_meetings
from thbgraph.graph.model import Meeting
from thbgraph.graph.register import load_register

TEXT = (
    "REGIONAL WORKSHOP OF THE LIAISON OFFICERS\n\nVIENNA, 3-5 MAY 2011\n\n"
    "The liaison officers met for the fourth time. Building on earlier regional meetings "
    "(Sarajevo 2008, Pristina 2009, Belgrade 2010) the officers agreed on a joint plan.\n\n"
    "- The OSCE Mission to Moldova will host the next regional workshop in November/February.\n\n"
    "Annexed: the minutes of Belgrade 12-14 October 2010 and of Pristina March 2009.\n"
)


def test_listed_meetings_take_the_precision_the_text_gives() -> None:
    found = listed_meetings(TEXT, load_register(), None)
    got = {m.place: (m.start_date, m.end_date) for m in found}
    assert got == {
        "Sarajevo": ("2008", "2008"),
        "Pristina": ("2009-03", "2009-03"),
        "Belgrade": ("2010-10-12", "2010-10-14"),
    }
    assert all(m.same_series for m in found)
    belgrade = next(m for m in found if m.place == "Belgrade")
    ev = belgrade.facts["start_date"]
    assert TEXT[ev.start : ev.end] == ev.text == "12-14 October 2010"


def test_a_later_mention_of_another_year_does_not_redate_a_listed_meeting() -> None:
    text = "Earlier meetings (Skopje 2005) were useful. A report from Skopje June 2007 followed."
    (m,) = listed_meetings(text, load_register(), None)
    assert (m.start_date, m.end_date) == ("2005", "2005")


def test_the_next_meeting_is_scheduled_with_its_stated_period_and_host_country() -> None:
    subject = Meeting(role="subject", title="x", start_date="2011-05-03", end_date="2011-05-05")
    (m,) = planned_meetings(TEXT, load_register(), subject, None)
    assert m.status == "scheduled"
    assert m.period == "November/February"
    assert (m.start_date, m.end_date) == ("2011-11", "2012-02")
    assert (m.place, m.place_country) == ("Moldova", "MD")
    assert TEXT[m.facts["place"].start : m.facts["place"].end] == "Moldova"


def test_a_next_meeting_in_a_named_city_and_year() -> None:
    text = "The next expert meeting will be held in Vienna in March 2013."
    (m,) = planned_meetings(text, load_register(), None, None)
    assert (m.start_date, m.end_date, m.place, m.place_country) == (
        "2013-03",
        "2013-03",
        "Vienna",
        None,
    )


def test_no_year_and_no_dated_subject_gives_no_months() -> None:
    text = "The OSCE Mission to Skopje will host the next regional meeting in May."
    (m,) = planned_meetings(text, load_register(), None, None)
    assert m.period == "May" and m.start_date is None


def test_extract_puts_listed_and_planned_meetings_beside_the_subject() -> None:
    ex = extract(TEXT)
    roles = [(m.role, m.place, m.status) for m in ex.meetings]
    assert ("mentioned", "Moldova", "scheduled") in roles
    assert (
        sum(
            1 for r in roles if r[0] == "mentioned" and r[1] in {"Sarajevo", "Pristina", "Belgrade"}
        )
        == 3
    )
