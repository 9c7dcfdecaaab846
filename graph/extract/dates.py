"""Dates and date ranges as meeting documents write them, in English, French and Russian.

"3-4 November 2020", "17-20 JULY 2003", "30 November - 1 December 2020", "November 3-4, 2020",
"3 and 4 November", "3.11.2020", "3 novembre 2020", "3-4 ноября 2020 г." all become ISO dates.
A range grammar is needed because date libraries only read single dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["MONTHS", "DateMatch", "find_dates", "parse_date"]

MONTHS: dict[str, int] = {}
_NAMES = {
    1: "january jan janvier janv января январь янв",
    2: "february feb février fevrier févr февраля февраль фев",
    3: "march mar mars марта март мар",
    4: "april apr avril avr апреля апрель апр",
    5: "may mai мая май",
    6: "june jun juin июня июнь",
    7: "july jul juillet juil июля июль",
    8: "august aug août aout августа август авг",
    9: "september sept sep septembre сентября сентябрь сент",
    10: "october oct octobre октября октябрь окт",
    11: "november nov novembre ноября ноябрь нояб",
    12: "december dec décembre decembre déc декабря декабрь дек",
}
for _n, _words in _NAMES.items():
    for _w in _words.split():
        MONTHS[_w] = _n

_MONTH = r"(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:\s?(?:st|nd|rd|th|er)(?![^\W\d_]))?"
_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s?(?:-|–|—|to|au|до|по|and|et|и)\s?"
_YEAR_TAIL = r"(?:\s?(?:г\.|года|год))?"
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s)?"
)
# a time in brackets inside a range: "Du lundi 28 novembre (9 h 30) au mardi 29 novembre 2022"
_TIME = r"(?:\s?\(\d{1,2}(?:[:.]\d\d|\s?h\s?\d{0,2})\))?"

# Order matters: longer forms first; each named group set is read by `_build`.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 30 November - 1 December 2020 / 30 November 2020 - 1 December 2020
    (
        "dmy-dmy",
        re.compile(
            rf"{_WEEKDAY}(?P<d1>{_DAY})\s(?P<m1>{_MONTH})(?:\s(?P<y1>{_YEAR}))?{_TIME},?{_DASH}"
            rf"{_WEEKDAY}(?P<d2>{_DAY})\s(?P<m2>{_MONTH})(?:,?\s(?P<y2>{_YEAR}){_YEAR_TAIL})?",
            re.IGNORECASE,
        ),
    ),
    # 3-4 November 2020, 17-20 JULY 2003, 3 and 4 November, du 3 au 4 novembre 2020
    (
        "dd-my",
        re.compile(
            rf"(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s(?P<m2>{_MONTH})"
            rf"(?:,?\s(?P<y2>{_YEAR}){_YEAR_TAIL})?",
            re.IGNORECASE,
        ),
    ),
    # November 30 - December 1, 2020
    (
        "md-md",
        re.compile(
            rf"(?P<m1>{_MONTH})\s(?P<d1>{_DAY}){_DASH}(?P<m2>{_MONTH})\s(?P<d2>{_DAY})"
            rf"(?:,?\s(?P<y2>{_YEAR}))?",
            re.IGNORECASE,
        ),
    ),
    # November 3-4, 2020
    (
        "mdd-y",
        re.compile(
            rf"(?P<m2>{_MONTH})\s(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})(?:,?\s(?P<y2>{_YEAR}))?",
            re.IGNORECASE,
        ),
    ),
    # 23 May 2018, THURSDAY, 17 JULY, 3 novembre 2020, 3 ноября 2020 г.
    (
        "dmy",
        re.compile(
            rf"{_WEEKDAY}(?P<d2>{_DAY})\s(?P<m2>{_MONTH})(?:,?\s(?P<y2>{_YEAR}){_YEAR_TAIL})?",
            re.IGNORECASE,
        ),
    ),
    # November 3, 2020; October the 4th 2016
    (
        "md-y",
        re.compile(
            rf"{_WEEKDAY}(?P<m2>{_MONTH})\s(?:the\s)?(?P<d2>{_DAY})(?:(?:,\s?|\s)(?P<y2>{_YEAR}))?(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # 3.11.2020, 03/11/2020, 2020-11-03
    (
        "numeric",
        re.compile(rf"(?P<d2>{_DAY})[./](?P<m2>0?[1-9]|1[0-2])[./](?P<y2>{_YEAR})"),
    ),
    ("iso", re.compile(rf"(?P<y2>{_YEAR})-(?P<m2>0[1-9]|1[0-2])-(?P<d2>[0-3]\d)")),
]


_DIGIT = re.compile(r"\d")
_LONG_RANGE_START = re.compile(rf"(?i)\s+(?:to|until|au|до|по)\s+{_DAY}\s+{_MONTH}")
# the end of a span too long to be a meeting's ("from 1 January to 31 December", "du 1er janvier au")
_LONG_RANGE_END = re.compile(rf"(?i)\b{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?\s+(?:to|until|au|до|по)\s+$")
_MONTH_WORD = re.compile(rf"(?<!\w){_MONTH}", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date or range in the text: offsets, text as written, and first/last day.

    `has_year` is False when the year was taken from the `default_year` (e.g. "THURSDAY, 17 JULY").
    """

    start: int
    end: int
    text: str
    first: date
    last: date
    has_year: bool = True

    @property
    def is_range(self) -> bool:
        return self.first != self.last


def _month(raw: str) -> int:
    raw = raw.rstrip(".").lower()
    return int(raw) if raw.isdecimal() else MONTHS[raw]


def _day(raw: str) -> int:
    return int(re.match(r"\d+", raw).group(0))  # type: ignore[union-attr]


def _build(kind: str, m: re.Match[str], default_year: int | None) -> tuple[date, date, bool] | None:
    g = m.groupdict()
    year_raw = g.get("y2") or g.get("y1")
    if year_raw is None and default_year is None:
        return None
    year = int(year_raw) if year_raw else default_year
    assert year is not None
    m2 = _month(g["m2"])
    d2 = _day(g["d2"])
    m1 = _month(g["m1"]) if g.get("m1") else m2
    d1 = _day(g["d1"]) if g.get("d1") else d2
    y1 = int(g["y1"]) if g.get("y1") else (year - 1 if m1 > m2 else year)
    try:
        first, last = date(y1, m1, d1), date(year, m2, d2)
    except ValueError:
        return None
    if last < first or last - first > timedelta(days=60):
        return None
    if kind in ("dd-my", "dmy-dmy", "md-md", "mdd-y") and first == last:
        return None
    return first, last, year_raw is not None


def _trim(raw: str) -> str:
    """The match without trailing commas, spaces, or a full stop that ends the sentence."""
    raw = raw.rstrip(" ,")
    if raw.endswith(".") and not raw.endswith("г."):
        word = re.split(r"[\s\d]", raw[:-1])[-1].lower()
        if word in MONTHS and not _is_abbreviation(word):
            raw = raw[:-1]
    return raw


def _is_abbreviation(word: str) -> bool:
    n = MONTHS[word]
    return any(w != word and w.startswith(word) and MONTHS[w] == n for w in MONTHS)


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, default_year: int | None = None
) -> list[DateMatch]:
    """Every date or range in text[start:end], in order, without overlaps (longest first).

    Dates without a year are kept only when `default_year` is given.
    """
    end = len(text) if end is None else end
    if not _DIGIT.search(text, start, end):
        return []
    named = _MONTH_WORD.search(text, start, end) is not None
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        if not named and kind not in ("numeric", "iso"):
            continue
        for m in pattern.finditer(text, start, end):
            s, e = m.start(), m.end()
            if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                continue
            if re.search(r"\d\s?[-–—]\s?$", text[max(0, s - 3) : s]):
                continue  # the end of a range that did not parse ("4-3 November")
            if _LONG_RANGE_END.search(text, max(0, s - 80), s) or _LONG_RANGE_START.match(text, e):
                continue  # "from 1 January to 31 December 2019": a period, not a day
            if any(s < te and ts < e for ts, te in taken):
                continue
            built = _build(kind, m, default_year)
            if built is None:
                continue
            stripped = _trim(m.group(0))
            found.append(DateMatch(s, s + len(stripped), stripped, *built))
            taken.append((s, e))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str, *, default_year: int | None = None) -> DateMatch | None:
    """The one date or range that makes up `text` (surrounding spaces allowed), or None."""
    if len(text.strip()) > 60:  # longer than any date or range
        return None
    found = find_dates(text, default_year=default_year)
    if len(found) == 1 and not text[: found[0].start].strip() and not text[found[0].end :].strip():
        return found[0]
    return None
