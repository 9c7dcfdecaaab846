"""The other meetings of a series that a document names: earlier ones listed by place and date
("prior meetings (Pristina 2001, Sarajevo June 2002)"), each dated to the precision the text
gives (a year, a month, days), and the next one it announces ("X will host the next meeting in
December/January"), with its status and the period as the text words it.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Meeting
from ..register import Register
from .countries import country_mentions, country_name
from .dates import MONTHS, find_dates
from .document import Document, as_document
from .meeting_lexicon import _NOUNS
from .meeting_places import _find_place
from .passages import PageOf, evidence

__all__ = ["listed_meetings", "planned_meetings"]

_MONTH = r"(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")"

_LISTED = re.compile(
    rf"(?P<head>(?:[\w’'-]+\s+){{0,4}}?)(?P<noun>{_NOUNS})s\s*\((?P<items>[^()]{{4,200}})\)", re.I
)


_LISTED_CUE = re.compile(rf"(?:{_NOUNS})s\s*\(", re.I)  # cheap test before `_LISTED`


_WORD = r"[A-ZÀ-Þ][\w’'-]+"

# "Pristina 2001", "Sarajevo June 2002", "Belgrade 17-20 July 2003": a place, then its date
_LIST_ITEM = re.compile(
    rf"(?P<place>(?!{_MONTH}\b){_WORD}(?:\s(?!{_MONTH}\b){_WORD})?)\s+"
    rf"(?P<when>(?:(?:\d{{1,2}}(?:\s?[-–]\s?\d{{1,2}})?\s+)?(?P<month>{_MONTH})\s+)?"
    r"(?P<year>(?:19|20)\d\d))(?!\d)",
    re.I,
)

# head words saying the listed meetings came before this one, of the same kind
_EARLIER_HEAD = re.compile(r"(?i)\b(?:prior|previous|earlier|past|preceding|former)\b")

_LEADING = re.compile(r"^(?:the|of|prior|previous|earlier|past|preceding|former)\s+", re.I)

MAX_LISTS = 50  # lists of meetings read in one document
MAX_ITEMS = 30  # places with dates read in one list


def _listed_matches(text: str) -> list[re.Match[str]]:
    """`_LISTED` read only around its cue ("meetings ("), which few texts have: the pattern
    itself would be tried at every word of the text."""
    out: list[re.Match[str]] = []
    last_end = 0
    for cue in _LISTED_CUE.finditer(text):
        if len(out) >= MAX_LISTS:
            break
        if cue.start() < last_end:
            continue
        line_start = text.rfind("\n", 0, cue.start()) + 1
        window = max(last_end, line_start, cue.start() - 200)
        for m in _LISTED.finditer(text, window, min(len(text), cue.end() + 220)):
            if m.start() >= last_end:
                out.append(m)
                last_end = m.end()
    return out


def _item_date(item: re.Match[str]) -> tuple[str, str] | None:
    """An item's date as ISO text to its precision: ("2001", "2001"), ("2002-06", "2002-06"),
    ("2003-07-17", "2003-07-20")."""
    year = item.group("year")
    if not item.group("month"):
        return year, year
    found = next(iter(find_dates(item.group("when"), 0, len(item.group("when")))), None)
    if found is not None and re.match(r"\d", item.group("when")):
        return found.first.isoformat(), found.last.isoformat()
    month = MONTHS[item.group("month").lower()]
    return f"{year}-{month:02d}", f"{year}-{month:02d}"


def _precision(value: str | None) -> int:
    return len(value or "")


def listed_meetings(text: str, register: Register, page_of: PageOf | None) -> list[Meeting]:
    """Meetings listed by place and date: "co-ordination meetings (Pristina 2001, Sarajevo 2002)";
    a later mention of the same place and year with a month or days ("reports from Sarajevo
    June 2002") makes the date more precise."""
    out: list[Meeting] = []
    for m in _listed_matches(text):
        raw = m.group("items")
        items = list(_LIST_ITEM.finditer(raw))[:MAX_ITEMS]
        if not items or len(items) != len(re.split(r"[,;]", raw)):
            continue
        head = m.group("head").strip()
        earlier = _EARLIER_HEAD.search(head) is not None
        while (dropped := _LEADING.sub("", head)) != head:
            head = dropped
        base = f"{head} {m.group('noun')}".strip()
        for item in items:
            s, e = m.start("items") + item.start(), m.start("items") + item.end()
            name_end = s + len(item.group("place"))
            found = _find_place(text, s, name_end, register)
            place = found[0] if found else item.group("place")
            meeting = Meeting(role="mentioned", title=f"{base}, {place}", same_series=earlier)
            meeting.evidence = meeting.facts["title"] = evidence(text, s, e, page_of)
            meeting.place, meeting.online = place, False
            meeting.facts["place"] = evidence(text, s, name_end, page_of)
            dated = _item_date(item)
            if dated is not None:
                meeting.start_date, meeting.end_date = dated
                when = m.start("items") + item.start("when")
                meeting.facts["start_date"] = evidence(text, when, e, page_of)
                meeting.facts["end_date"] = meeting.facts["start_date"]
            out.append(meeting)
    _refine(text, out, page_of)
    return out


def _refine(text: str, meetings: list[Meeting], page_of: PageOf | None) -> None:
    """A more precise date of a listed meeting given elsewhere in the text by its place and year."""
    by_place: dict[str, list[Meeting]] = {}
    for m in meetings:
        if m.place:
            by_place.setdefault(m.place.casefold(), []).append(m)
    if not by_place:
        return
    names = "|".join(sorted(map(re.escape, by_place), key=len, reverse=True))
    for found in re.finditer(rf"(?<!\w)(?:{names})(?!\w)", text, re.I):
        item = _LIST_ITEM.match(text, found.start())
        if item is None or not item.group("month"):
            continue
        dated = _item_date(item)
        for m in by_place.get(found.group(0).casefold(), []):
            if dated is None or not m.start_date or m.start_date[:4] != item.group("year"):
                continue
            if _precision(dated[0]) > _precision(m.start_date):
                m.start_date, m.end_date = dated
                when = item.start("when")
                m.facts["start_date"] = evidence(text, when, item.end(), page_of)
                m.facts["end_date"] = m.facts["start_date"]


# "The OSCE Presence in Albania will host the next OSCE Focal Point meeting in December/January";
# "the next meeting will be held in Vienna in March 2004"
_PLANNED = re.compile(
    rf"(?P<host>\b[\w’' -]{{0,80}}?)\s+(?:will|shall|is\s+to|agreed\s+to)\s+(?:host|hold|organi[sz]e|convene)\s+"
    rf"the\s+next\s+(?P<title>(?:[\w’'/-]+\s+){{0,6}}?(?:{_NOUNS}))\b"
    rf"|\bthe\s+next\s+(?P<title2>(?:[\w’'/-]+\s+){{0,6}}?(?:{_NOUNS}))\s+"
    r"(?:will|shall|is\s+to)\s+(?:be\s+held|take\s+place|be\s+hosted|be\s+organi[sz]ed)\b",
    re.I,
)

# "in December/January", "in March 2004", "in December 2003 or January 2004"
_PERIOD = re.compile(
    rf"\bin\s+(?P<period>(?P<m1>{_MONTH})(?:\s+(?P<y1>(?:19|20)\d\d))?"
    rf"(?:\s*(?:/|-|–|or|to)\s*(?P<m2>{_MONTH})(?:\s+(?P<y2>(?:19|20)\d\d))?)?)(?!\w)",
    re.I,
)


# between the meeting's name and its period: nothing, or its place ("in Vienna")
_GAP = re.compile(r"\s*(?:(?:in|at)\s+[A-ZÀ-Þ][\w’'-]+(?:\s[A-ZÀ-Þ][\w’'-]+)?\s*,?\s*)?")


def _months(found: re.Match[str], after: date | None) -> tuple[str, str] | None:
    """The first and last month of a period as ISO year-months; a month without a year is the
    first such month after `after` (the subject meeting's end), a second month before the first
    falls in the next year."""
    m1 = MONTHS[found.group("m1").lower()]
    m2 = MONTHS[found.group("m2").lower()] if found.group("m2") else m1
    y1 = int(found.group("y1")) if found.group("y1") else None
    y2 = int(found.group("y2")) if found.group("y2") else None
    if y1 is None:
        if y2 is not None:
            y1 = y2 if m1 <= m2 else y2 - 1
        elif after is not None:
            y1 = after.year if m1 > after.month else after.year + 1
        else:
            return None
    if y2 is None:
        y2 = y1 if m2 >= m1 else y1 + 1
    return f"{y1}-{m1:02d}", f"{y2}-{m2:02d}"


_NEXT_CUE = re.compile(r"(?i)\bthe\s+next\b")  # cheap test before `_PLANNED`


def _planned_matches(text: str | Document) -> list[re.Match[str]]:
    """`_PLANNED` read only in the sentences that say "the next": the pattern itself would be
    tried at every character of the text."""
    doc = as_document(text)
    text = doc.text
    out: list[re.Match[str]] = []
    last_end = 0
    for cue in _NEXT_CUE.finditer(text):
        if cue.start() < last_end or len(out) >= MAX_LISTS:
            continue
        s, e = doc.sentence_at(cue.start())
        found = _PLANNED.search(text, max(s, last_end), e)
        if found is not None:
            out.append(found)
            last_end = found.end()
    return out


def planned_meetings(
    text: str | Document, register: Register, subject: Meeting | None, page_of: PageOf | None
) -> list[Meeting]:
    """The next meeting a text announces, as a scheduled meeting: its host's place (the city
    named, else the country of the host, "the OSCE Presence in Albania"), the period as worded
    and its months."""
    doc = as_document(text)
    text = doc.text
    out: list[Meeting] = []
    after = None
    if subject is not None and subject.end_date and len(subject.end_date) == 10:
        after = date.fromisoformat(subject.end_date)
    for found in _planned_matches(doc):
        if len(out) >= MAX_LISTS:
            break
        key = "title" if found.group("title") else "title2"
        ts, te = found.span(key)
        s, e = doc.sentence_at(found.start(key))
        title = " ".join(found.group(key).split())
        title = title[0].upper() + title[1:]
        m = Meeting(role="mentioned", title=title, status="scheduled")
        m.evidence = m.facts["title"] = evidence(text, ts, te, page_of)
        m.facts["status"] = evidence(text, s, e, page_of)
        at = max(te, found.end())
        period = _PERIOD.search(text, at, min(e, at + 80))
        if period is not None and _GAP.fullmatch(text[at : period.start()]):
            m.period = period.group("period")
            months = _months(period, after)
            if months is not None:
                m.start_date, m.end_date = months
                m.facts["start_date"] = evidence(text, *period.span("period"), page_of)
                m.facts["end_date"] = m.facts["start_date"]
            m.facts["period"] = evidence(text, *period.span("period"), page_of)
        place = _find_place(text, te, e, register)  # "... meeting in Vienna"
        if place is None and found.group("host"):  # the host's seat: "Presence in Albania"
            place = _find_place(text, max(found.start("host"), s), found.end("host"), register)
        if place is not None:
            m.place, m.online = place[0], False
            m.facts["place"] = evidence(text, place[1], place[2], page_of)
        elif found.group("host"):
            hs, he = max(found.start("host"), s), found.end("host")
            country = next(iter(country_mentions(text[hs:he])), None)
            if country is not None:
                code, cs, ce = country
                m.place, m.place_country, m.online = country_name(code), code, False
                m.facts["place"] = evidence(text, hs + cs, hs + ce, page_of)
        out.append(m)
    return out
