"""A meeting dated by a year or a month only starts on that period's first day in date filters."""

from __future__ import annotations

import datetime as dt

from thbgraph.graph.timeline import starts_within


def test_a_year_or_a_month_starts_within_bounds_by_its_first_day() -> None:
    assert starts_within("2001", dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    assert starts_within("2002-06", None, dt.date(2002, 6, 1))
    assert not starts_within("2002-06", dt.date(2002, 6, 2), None)
    assert not starts_within("someday", None, dt.date(2030, 1, 1))
