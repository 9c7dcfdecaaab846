"""Answers up to a date: keep the meetings whose start date lies within [since, until], inclusive."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import QueryError

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # English month names, for dates written for people (pages, synthetic documents)

__all__ = ["bounds", "parse_day", "starts_within", "within"]


def parse_day(value: str | dt.date | None, *, name: str) -> dt.date | None:
    """A date bound (YYYY-MM-DD) or None; QueryError naming the option when it is not a date."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(f"{name} {value!r}: expected a date as YYYY-MM-DD") from None


def bounds(
    since: str | dt.date | None, until: str | dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """Both bounds parsed (QueryError naming the bad one), and refused when since > until."""
    low, high = parse_day(since, name="since"), parse_day(until, name="until")
    if low is not None and high is not None and low > high:
        raise QueryError(f"since {low} is after until {high}")
    return low, high


def starts_within(start: object, low: dt.date | None, high: dt.date | None) -> bool:
    """Whether a start date (xsd:date text or date) lies in [low, high]; with a bound given, a
    missing or unreadable date is outside (it cannot be placed in time)."""
    if low is None and high is None:
        return True
    day = _start({"start_date": start})
    return day is not None and not (low and day < low) and not (high and day > high)


def _start(meeting: dict[str, Any]) -> dt.date | None:
    value = str(meeting.get("start_date") or "")[:10]
    if len(value) in (4, 7):  # a year or a month (xsd:gYear, xsd:gYearMonth): its first day
        value += "-01-01" if len(value) == 4 else "-01"
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def within(
    answer: dict[str, Any],
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> dict[str, Any]:
    """A cited-by answer with only the meetings starting between `since` and `until` (inclusive).

    With a bound given, a meeting without a start date is left out: it cannot be placed in time.
    Documents about no identified meeting are kept as they are. The bounds are echoed back.
    """
    low, high = bounds(since, until)
    if low is None and high is None:
        return answer
    kept = [m for m in answer["meetings"] if starts_within(m.get("start_date"), low, high)]
    return {
        **answer,
        "meetings": kept,
        "since": low.isoformat() if low else None,
        "until": high.isoformat() if high else None,
    }
