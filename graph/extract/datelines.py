"""Press-release datelines: "STRASBOURG, France, 23 May 2018 – ..." running on into the story, or
"Strasbourg, le 16 novembre 2021" on a line of its own; found once per document model."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .dates import DateMatch, find_dates

if TYPE_CHECKING:
    from .document import Document

__all__ = [
    "BYLINE",
    "DATELINE",
    "Dateline",
    "PageWords",
    "dateline_of",
    "is_byline",
    "label_end",
    "page_words",
    "posting_date",
]

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOW = "a-zß-ÿа-яё"
DATELINE = re.compile(
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    rf"(?P<place>[{_UP}][{_UP}' .-]+[{_UP}]|[{_UP}][{_LOW}'-]+(?:\s[{_UP}][{_LOW}'-]+){{0,2}})"
    r"(?:,\s(?P<country>[A-Z][\w'.-]+(?:\s[A-Z][\w'.-]+)*))?,\s(?:le\s|the\s)?"
)
_HEADER_YEAR = re.compile(r"(?<![\d.])(?:\d{1,2}[./]\d{1,2}[./])?((?:19|20)\d\d)(?!\d)")


# a web page's posting date as the page states it before its headline: "date 2024-10-07 ..."
_POSTED = re.compile(
    r"\A\s*(?:date|posted|published|datum)\s*:?\s*(?=(?:19|20)\d\d-\d\d-\d\d\b)", re.I
)


def posting_date(text: str) -> DateMatch | None:
    """The posting date a page gives in ISO form before everything else ("date 2024-10-07"): the
    date of the page, never of the meeting it tells of."""
    m = _POSTED.match(text)
    if m is None:
        return None
    found = find_dates(text, m.end(), min(len(text), m.end() + 10))
    return found[0] if found and found[0].start == m.end() else None


@dataclass(frozen=True)
class Dateline:
    """A press-release dateline: "CITY, (Country,) date – text"."""

    place: str
    place_start: int
    place_end: int
    date: DateMatch
    agency: bool = False  # a news agency's mark after the date, "(TDI):": a news story, no release


def dateline_of(doc: Document, *, labelled: bool = False) -> Dateline | None:
    """The dateline of a document model (its `dateline` property, found once per document); with
    `labelled`, also one after a page-date label (" date 2024-04-10 VIENNA, 10 April 2024 – ...")."""
    text = doc.text
    reach = min(len(text), doc.header_end + 600)
    year = _HEADER_YEAR.search(text, 0, reach)  # "18 сентября" takes the year of "18.09.2023"
    posted = posting_date(text)
    for line in doc.lines_in(0, reach):
        s, e = doc.clean_line(line)
        if labelled:
            s = label_end(text, s, e)
        elif posted is not None and s <= posted.start < e:  # "date 2025-02-21 Sarajevo, 21 Feb..."
            s = posted.end + len(text[posted.end : e]) - len(text[posted.end : e].lstrip())
        m = DATELINE.match(text, s, e)
        if not m and not labelled:
            header_year = int(year.group(1)) if year else None
            stamp = find_dates(text, year.start(), year.end()) if year else []
            latest = stamp[0].first if stamp and stamp[0].has_year else None
            first = _date_first(text, s, e, header_year, latest) or _date_in_brackets(text, s, e)
            if first is not None:
                return first
        if not m or is_byline(text, s, e):  # "By Anna Berg, 3 May 2019": a writer, no place
            continue
        dates = find_dates(
            text, m.end(), min(e, m.end() + 40), default_year=int(year.group(1)) if year else None
        )
        if not dates or dates[0].start != m.end() or dates[0].is_range:
            continue
        rest = text[dates[0].end : e]
        # a dateline runs on into the story, maybe after the agency: "/МОЛДПРЕС/. Вице-премьер",
        # "7 June 2023 (TDI): Yesterday ..."
        runs_on = re.match(
            r"\s?(?:/[^/\n]{2,24}/\.?\s?(?=\S)|\([^()\n]{2,24}\)\s?[-–—:.]?\s?(?=\S)|[-–—:]\s?\S)",
            rest,
        )
        if not runs_on and not (rest.strip(" .") == "" and _prose_follows(doc, line.end)):
            continue
        agency = rest.lstrip().startswith("(")
        return Dateline(m.group("place"), m.start("place"), m.end("place"), dates[0], agency)
    return None


# the place after a dateline's date: "21 September 2023, Chisinau – The Secretary of State ...",
# "28 сентября, Минск /Мария Иванова - БЕЛТА/. Вопросы ..."
_PLACE_AFTER_DATE = re.compile(
    rf",\s(?P<place>[{_UP}][{_LOW}'-]+(?:\s[{_UP}][{_LOW}'-]+)?|[{_UP}]{{2,}}(?:\s[{_UP}]{{2,}})?)"
    r"\s?(?:[-–—]|/[^/\n]{2,40}/\.?)\s?(?=\S)"
)


def _date_first(
    text: str, s: int, e: int, year: int | None = None, latest: date | None = None
) -> Dateline | None:
    """A dateline written date first, "21 September 2023, Chisinau – ...", running on into the
    story; a date without its year takes the year written at the top of the page (`year`),
    unless that puts it after the page's own date (`latest`): then its year is unknown."""
    dates = find_dates(text, s, min(e, s + 40), default_year=year)
    if not dates or dates[0].start != s or dates[0].is_range:
        return None
    if not dates[0].has_year and (year is None or (latest and dates[0].first > latest)):
        return None
    m = _PLACE_AFTER_DATE.match(text, dates[0].end, e)
    if m is None:
        return None
    return Dateline(m.group("place"), m.start("place"), m.end("place"), dates[0])


# a dateline with its date in brackets: "GENEVE (22 février 2019) - Le Comité ..."
_PLACE_BEFORE_BRACKET = re.compile(
    rf"(?P<place>[{_UP}][{_UP}'-]+[{_UP}](?:\s[{_UP}][{_UP}'-]+[{_UP}])?|[{_UP}][{_LOW}'-]+)\s\("
)


def _date_in_brackets(text: str, s: int, e: int) -> Dateline | None:
    """A dateline "PLACE (date) - ...", running on into the story."""
    m = _PLACE_BEFORE_BRACKET.match(text, s, e)
    if m is None:
        return None
    dates = find_dates(text, m.end(), min(e, m.end() + 40))
    if not dates or dates[0].start != m.end() or dates[0].is_range or not dates[0].has_year:
        return None
    if re.match(r"\)\s?[-–—]\s?\S", text[dates[0].end : dates[0].end + 6]) is None:
        return None
    return Dateline(m.group("place"), m.start("place"), m.end("place"), dates[0])


def _prose_follows(doc: Document, pos: int) -> bool:
    """True when the next non-blank line is a paragraph of prose (a story, not a schedule)."""
    for line in doc.lines_in(pos + 1, min(len(doc.text), pos + 3000)):
        if line.blank:
            continue
        body = line.text.strip()
        return len(body) >= 100 and body.count(" ") >= 12
    return False


# ---- page-date labels and bylines (data/page_dates.json): the dateline reader skips a label
# before a dateline and never takes a byline for one; the page-date reader (pagedate.py) reads them too

# a byline with its date: "[Lieutenant-colonel Martin, 18 mai 2012]", "By Anna Berg, 3 May 2019"
BYLINE = re.compile(
    r"(?i)\[\s*[^\W\d][^\d\[\]\n]{1,60}?,\s*(?:le\s+)?|(?:by|par)\s+[^\W\d][^\d\n]{1,60}?,\s*(?:le\s+)?"
)


@dataclass(frozen=True)
class PageWords:
    """Page-date words: the label pattern, the words of a posting stamp, weekday names."""

    label: re.Pattern[str]
    stamp: frozenset[str]
    weekdays: frozenset[str]


@lru_cache(maxsize=1)
def page_words() -> PageWords:
    """The page-date words of data/page_dates.json: labels (one pattern), stamp words, weekdays."""
    path = resources.files("thbgraph.graph.extract") / "data" / "page_dates.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    labels = sorted(
        (phrase for per_language in data["labels"].values() for phrase in per_language),
        key=len,
        reverse=True,
    )
    body = "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in labels)
    # a label at the start of a line (after chrome such as "|" or "•"), then ":" or a space
    label = re.compile(rf"(?i)(?<!\w)(?:{body})(?!\w)\s*[:：,]?\s*")
    stamp = frozenset(w.lower() for ws in data["stamp_words"].values() for w in ws)
    weekdays = frozenset(w.lower() for ws in data["weekdays"].values() for w in ws)
    return PageWords(label, stamp, weekdays)


def label_end(text: str, s: int, e: int) -> int:
    """Where a line's leading page-date label and date end (" date 2024-04-10 VIENNA, ..." -> the
    offset of "VIENNA"), or `s` when the line does not open with one."""
    m = page_words().label.match(text, s, e)
    if m is None:
        return s
    found = find_dates(text, m.end(), min(e, m.end() + 60))
    if not found or found[0].start != m.end():
        return s
    rest = re.match(r"\s*", text[found[0].end : e])
    return found[0].end + (rest.end() if rest else 0)


def is_byline(text: str, s: int, e: int) -> bool:
    """True when text[s:e] opens as a byline ("By Anna Berg, 3 May 2019", "[Name, date]"): a
    writer's name, not a dateline's place."""
    return BYLINE.match(text, s, e) is not None
