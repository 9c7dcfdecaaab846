"""The date a web page prints as its own: after a label ("Issued on:", "Publié le", "Опубликовано:",
"date 2024-04-10") or on a date line under the headline ("18/04/2024", "Thursday, June 1, 2006
10:40 AM", "20.05.2017   3835 Views").

A page's date is never a meeting's date or a deadline: a label must stand right before the date, and
a date line must hold nothing but the date and its stamp (weekday, time, view counter). The words
are data (graph/extract/data/page_dates.json), per language; a date line in another language
("lunes, 17 de octubre de 2016") is read with CLDR's month and weekday names, generated from Babel
into data/cldr_dates.json (scripts/make_cldr_dates.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from .datelines import BYLINE as _BYLINE
from .datelines import is_byline, label_end
from .datelines import page_words as _words
from .dates import DateMatch, find_dates
from .document import as_document
from .passages import Line, clean_span

__all__ = ["PageDate", "cldr_names", "is_byline", "label_end", "page_date"]

_TOP_CHARS = 1500  # the chrome, headline, date line and first sentences of a page
_TOP_LINES = 12  # non-blank lines read for a date line under the headline
_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?(?!\d)")
# what follows a date that opens a line: "09.03.2010 17:30 — Новости | БелТА" (a stamp, then the
# site's section), "21 September 2023, Chisinau – The ..." (a dateline with the date first)
_STAMP_TAIL = re.compile(r"\s*(?:[01]?\d|2[0-3])[:.][0-5]\d\s*[—–|-]\s")
# a news site's stamp with hyphens, glued to the story: "5-08-2016, 12:59За два года ..."
_HYPHEN_STAMP = re.compile(
    r"(?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>(?:19|20)\d\d),?\s*(?:[01]?\d|2[0-3]):[0-5]\d"
)
_CAP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
# an outlet's dateline: "Strasbourg, 7 June 2023 (TDI): Yesterday ..." (place, date, agency tag)
_TAGGED_PLACE = re.compile(rf"[{_CAP}][\w'’.-]+(?:[ -][{_CAP}][\w'’.-]+){{0,2}},\s(?:le\s)?")
_TAG = re.compile(rf"\s?\([{_CAP}][\w.-]{{1,15}}\)\s?[:–—-]")
_BYLINE_CHARS = 2500
_PLACE_TAIL = re.compile(
    r",\s*[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+(?:\s[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+){0,2}\s*[—–-]\s"
)


@dataclass(frozen=True)
class PageDate:
    """The page's own date, and whether it is a posting stamp (a date line with a weekday, a time
    or a view counter: a blog's or a news site's date, not a press release's)."""

    date: DateMatch
    labelled: bool
    stamp: bool


def page_date(text: str) -> PageDate | None:
    """The page's own date near the top: a labelled date first, else a date line of its own."""
    return (
        _labelled(text)
        or _date_line(text)
        or _leading_date(text)
        or _hyphen_stamp(text)
        or _tagged_dateline(text)
        or _byline(text)
        or _other_locale_line(text)
    )


def _labelled(text: str) -> PageDate | None:
    """A date right after a label at the start of a line near the top ("Issued on: 3 May 2019",
    " date 2024-04-10 VIENNA, ...", "Опубликовано: 06.10.2022")."""
    words = _words()
    top = [ln for ln in as_document(text).lines_in(0, min(len(text), _TOP_CHARS)) if not ln.blank]
    for n, line in enumerate(top):
        s, e = clean_span(text, line.start, line.end)
        m = words.label.match(text, s, e)
        if m is None:
            continue
        at = m.end()
        if at >= e and n + 1 < len(top):  # "Дата:" on a line of its own, the date under it
            at, e = clean_span(text, top[n + 1].start, top[n + 1].end)
        found = find_dates(text, at, min(e, at + 60))
        if found and found[0].start == at and not found[0].is_range and found[0].has_year:
            return PageDate(found[0], labelled=True, stamp=False)
    return None


def _date_line(text: str) -> PageDate | None:
    """A line near the top that holds a full date and nothing but its stamp: weekday, time, view
    counter ("Thursday, June 1, 2006 10:40 AM", "20.05.2017 3835 Views", "18/04/2024")."""
    words = _words()
    for line in _top_lines(text):
        s, e = clean_span(text, line.start, line.end)
        if e - s > 60:
            continue
        found = find_dates(text, s, e)
        if len(found) != 1 or found[0].is_range or not found[0].has_year:
            continue
        d = found[0]
        rest = text[s : d.start] + " " + text[d.end : e]
        timed = _TIME.search(rest) is not None
        rest = _TIME.sub(" ", rest)
        tokens = [t.lower() for t in re.findall(r"[^\W\d_]+", rest)]
        if any(t not in words.stamp and t not in words.weekdays for t in tokens):
            continue
        weekday = any(t in words.weekdays for t in re.findall(r"[^\W\d_]+", d.text.lower()))
        stamp = timed or bool(tokens) or weekday
        return PageDate(d, labelled=False, stamp=stamp)
    return None


def _leading_date(text: str) -> PageDate | None:
    """A date that opens a line near the top and runs into a stamp or a story: "09.03.2010 17:30 —
    Новости Общества | БелТА", "21 September 2023, Chisinau – The Secretary of State ..."."""
    for line in _top_lines(text):
        s, e = clean_span(text, line.start, line.end)
        found = find_dates(text, s, min(e, s + 40))
        if not found or found[0].start != s or found[0].is_range or not found[0].has_year:
            continue
        if _STAMP_TAIL.match(text, found[0].end, e):
            return PageDate(found[0], labelled=False, stamp=True)
        if _PLACE_TAIL.match(text, found[0].end, e):
            return PageDate(found[0], labelled=False, stamp=False)
    return None


def _hyphen_stamp(text: str) -> PageDate | None:
    """A stamp "D-MM-YYYY, HH:MM" opening a line near the top ("5-08-2016, 12:59За ...")."""
    for line in _top_lines(text):
        m = _HYPHEN_STAMP.match(text, line.start, line.end)
        if m is None:
            continue
        try:
            day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        d = DateMatch(m.start(), m.end("y"), text[m.start() : m.end("y")], day, day)
        return PageDate(d, labelled=False, stamp=True)
    return None


def _tagged_dateline(text: str) -> PageDate | None:
    """An outlet's dateline near the top: "Strasbourg, 7 June 2023 (TDI): ..."."""
    for line in _top_lines(text):
        s, e = clean_span(text, line.start, line.end)
        m = _TAGGED_PLACE.match(text, s, e)
        if m is None:
            continue
        found = find_dates(text, m.end(), min(e, m.end() + 40))
        if not found or found[0].start != m.end() or found[0].is_range or not found[0].has_year:
            continue
        if _TAG.match(text, found[0].end, e):
            return PageDate(found[0], labelled=False, stamp=False)
    return None


def _byline(text: str) -> PageDate | None:
    """A byline line with its date near the top: "[Lieutenant-colonel Martin, 18 mai 2012]"."""
    for line in as_document(text).lines_in(0, min(len(text), _BYLINE_CHARS)):
        s = line.start + len(line.text) - len(line.text.lstrip())  # keep the "[" of "[Name, date]"
        e = clean_span(text, line.start, line.end)[1]
        if line.blank or e - s > 90:
            continue
        m = _BYLINE.match(text, s, e)
        if m is None:
            continue
        found = find_dates(text, m.end(), e)
        if len(found) != 1 or found[0].start != m.end() or found[0].is_range:
            continue
        if text[found[0].end : e].strip(" ]") == "" and found[0].has_year:
            return PageDate(found[0], labelled=False, stamp=True)  # a writer's post
    return None


def _top_lines(text: str) -> list[Line]:
    """The first non-blank lines near the top (chrome, headline, date line, first sentences)."""
    top = [ln for ln in as_document(text).lines_in(0, min(len(text), _TOP_CHARS)) if not ln.blank]
    return top[:_TOP_LINES]


@dataclass(frozen=True)
class _Cldr:
    months: dict[str, int]
    other_words: frozenset[str]  # weekday names and joiners ("de")


def cldr_names(locales: list[str]) -> dict[str, object]:
    """Month names (format and stand-alone, wide; a name two locales give different months is
    dropped) and weekday names of `locales`, from CLDR through Babel: the content of
    data/cldr_dates.json, which scripts/make_cldr_dates.py writes (Babel takes ~2 s to load them)."""
    import babel
    from babel import Locale

    months: dict[str, int] = {}
    clashes: set[str] = set()
    weekdays: set[str] = set()
    for code in locales:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for number, name in locale.months[context]["wide"].items():
                key = name.lower()
                if len(key) < 3:
                    continue
                if months.setdefault(key, number) != number:
                    clashes.add(key)
            weekdays.update(name.lower() for name in locale.days[context]["wide"].values())
    for key in clashes:
        del months[key]
    return {
        "_about": "Month and weekday names of other locales for page date lines, generated from "
        "CLDR by scripts/make_cldr_dates.py (locales: page_dates.json 'cldr_locales'); do not edit.",
        "babel": babel.__version__,
        "locales": list(locales),
        "months": dict(sorted(months.items())),
        "weekdays": sorted(weekdays),
    }


@lru_cache(maxsize=1)
def _cldr() -> _Cldr:
    """The CLDR names of data/cldr_dates.json, with the joiners of page_dates.json."""
    folder = resources.files("thbgraph.graph.extract") / "data"
    names = json.loads((folder / "cldr_dates.json").read_text(encoding="utf-8"))
    words = json.loads((folder / "page_dates.json").read_text(encoding="utf-8"))
    other = {w.lower() for w in words["cldr_joiners"]} | set(names["weekdays"])
    return _Cldr({k: int(v) for k, v in names["months"].items()}, frozenset(other))


_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _other_locale_line(text: str) -> PageDate | None:
    """A date line near the top in a language other than English, French or Russian: day, month
    name and year, with a weekday and joiners at most ("lunes, 17 de octubre de 2016")."""
    for line in _top_lines(text):
        s, e = clean_span(text, line.start, line.end)
        if e - s > 60 or not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[s:e]):
            continue
        found = _cldr_date(text, s, e)
        if found is not None:
            return PageDate(found, labelled=False, stamp=True)
    return None


def _cldr_date(text: str, s: int, e: int) -> DateMatch | None:
    """The date of a line that holds only a CLDR date (and a weekday, joiners, a time)."""
    cldr = _cldr()
    stamp = _words().stamp
    body = _TIME.sub(lambda m: " " * len(m.group(0)), text[s:e])
    day = month = year = None
    first = last = None
    for m in _TOKEN.finditer(body):
        word = m.group(0).lower()
        if word.isdecimal():  # "¹" is a digit int() refuses
            if len(word) == 4 and year is None and word[:2] in ("19", "20"):
                year = int(word)
            elif len(word) <= 2 and day is None and 1 <= int(word) <= 31:
                day = int(word)
            else:
                return None
        elif word in cldr.months and month is None:
            month = cldr.months[word]
        elif word in cldr.other_words or word in stamp:
            continue
        else:
            return None
        first = m.start() if first is None else first
        last = m.end()
    if day is None or month is None or year is None or first is None or last is None:
        return None
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return DateMatch(s + first, s + last, text[s + first : s + last], when, when)
