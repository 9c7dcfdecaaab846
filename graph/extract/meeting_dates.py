"""The subject meeting's dates: a range in the header, the sentence that tells of the meeting, or
the dateline with "today"/"yesterday", and a stated length ("three-day") that completes a range."""

from __future__ import annotations

import re
from datetime import timedelta

from ..model import DocumentInfo
from ..register import Register
from .datelines import posting_date
from .dates import DateMatch, find_dates
from .doctype import DOCUMENT_NUMBER, Dateline, only_date
from .document import Document, as_document
from .meeting_lexicon import (
    _EXTRA_VERBS,
    _FUTURE,
    _MEETING_WORD,
    _NOT_MEETING_DATE,
    _OTHER_MEETING,
    _alternation,
    _words_data,
)
from .meeting_places import _NOT_PLACE, _find_place
from .passages import clean_span

_HELD = re.compile(
    r"\b(?:held|hold|took place|will take place|convened|met|gathered|attended|"
    r"s['’]est\s+tenue?s?|se\s+sont\s+r[ée]unis|r[ée]unis|a\s+eu\s+lieu|"
    r"проходил[аио]?|прошл[аио]|состоял[аио]?с[ья])\b",
    re.I,
)


# a verb of holding right before a date: "s'est tenue le 18 octobre 2024", "was held on 3 May"
_HELD_ON = re.compile(_HELD.pattern + r"\s+(?:(?:on|le|les|du|from|с)\s+)?(?=\d)", re.I)


# people who met: a meeting without a meeting noun ("prosecutors met in Belgrade on 6 and 7 ...")
_GATHERED = re.compile(
    r"(?i)\b(?:met|gathered|came\s+together|se\s+sont\s+r[ée]unis|"
    r"встретил[иа]сь|собрал[иа]сь)\b"
)


# a header line that is a document's number and issue date: "SEC.GAL/58/24 11 March 2024"
_DOCUMENT_NUMBER = DOCUMENT_NUMBER
# a meeting's name with its place and date in brackets: "25e réunion du Comité (Strasbourg, 18 octobre 2019)"
_BRACKETED = re.compile(r"\((?:[^()\n]{1,40},\s*)?(?:le\s+|the\s+)?(?=\d)[^()\n]{4,40}\)")
_BRACKETED_LINE = 240  # longer lines are prose, where such a bracket names an earlier meeting
_BRACKETED_REACH = 3_000  # how far into the text the bracket is looked for


_VERB_OF_MEETING = re.compile(
    r"(?i)\b(?:held|hold|took place|take place|convened?|met|meet|gathered|"
    r"to hold|decides to hold|s['’]est\s+tenue?s?|se\s+sont\s+r[ée]unis|a\s+eu\s+lieu|"
    r"se\s+tiendra|проходил[аио]?|прошл[аио]|состоял[аио]?с[ья]|состоится|пройд[её]т)\b"
    rf"|\b(?:{_EXTRA_VERBS})"
)


def _body_and_date(text: str, line_s: int, d: DateMatch, register: Register) -> bool:
    """A body and a day ("Permanent Council, 27 July 2023"): the date a decision was taken."""
    return (
        not d.is_range
        and _NOT_PLACE.search(text, line_s, d.start) is not None
        and _find_place(text, line_s, d.start, register) is None
    )


def _year_hint(text: str, head: int, dateline: Dateline | None, info: DocumentInfo | None) -> int:
    """The year that dates without one ("met on 13 and 14 October") take: the dateline's, the
    document's, the first year written on a short line at the top, else the year of the first
    full date of the story (a year alone in the prose, "the Palermo Protocol of 2000", "the
    programme for 2007-2010", dates nothing)."""
    if dateline is not None:
        return dateline.date.first.year
    if info is not None and info.date:
        return int(info.date[:4])
    for line in as_document(text).lines_in(0, min(len(text), max(head, 600))):
        s, e = clean_span(text, line.start, line.end)
        if 0 < e - s <= _HINT_LINE:  # a header line, not prose ("Protocole de Palerme de 2000")
            found = _HINT_YEAR.search(text, s, e)
            if found:
                return int(found.group(0))
    dated = [d for d in find_dates(text, 0, min(len(text), max(head, 1500))) if d.has_year]
    return dated[0].last.year if dated else 0  # "24 and 25 September and 1 October 2019"


# a year on a short header line that may date the page; not one of a span ("2007-2010")
_HINT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?![\d/-]|\s?[-–]\s?(?:19|20)\d\d)")
_HINT_LINE = 80


def _story_date(
    text: str | Document, dateline: Dateline, year: int | None = None
) -> DateMatch | None:
    """The meeting's own dates in a press release's story ("met ... on 3-4 November"): a date in a
    meeting sentence shortly before (or on) the dateline's day, which a story states more exactly."""
    doc = as_document(text)
    text = doc.text
    day = dateline.date.first
    after = dateline.date.end
    told = 0  # the sentences of the story read so far
    for s, e in doc.sentences_until(min(len(text), after + 2000)):
        if e <= after:
            continue
        told += 1
        opening = told <= _OPENING_SENTENCES and any(
            _opens(text, s, d) and d.is_range for d in find_dates(text, s, e, default_year=year)
        )  # "On 23 and 24 November, NGOs from 22 States worked together ..."
        if not (_HELD.search(text, s, e) or _MEETING_WORD.search(text, s, e) or opening):
            continue
        for d in find_dates(text, max(s, after), e, default_year=year):
            if d.start == dateline.date.start:
                continue
            if day - timedelta(days=45) <= d.last <= day and (d.is_range or d.first != day):
                return d
    return None


# how many sentences of a story may open on the meeting's dates without naming the meeting
_OPENING_SENTENCES = 3


# what may stand before a date that opens a sentence: "On 28 July 2022, ...", "Le 3 mars 2023, ...",
# also after a dateline without a date ("Tashkent, Uzbekistan (UzDaily.com) – On 28 July 2022, ...")
_BEFORE_OPENING_DATE = re.compile(
    r"[\s\W]*(?:[A-ZÀ-ÞА-ЯЁ][\w.'-]*(?:,\s[A-ZÀ-ÞА-ЯЁ][\w.'-]*)?\s(?:\([^()\n]{2,30}\)\s)?[–—-]\s?)?"
    r"(?i:(?:on|le|les|du|from|с)\s+)?"
)


def _opens(text: str, s: int, d: DateMatch) -> bool:
    """True when the date `d` opens the sentence at `s`, followed by a comma: the sentence is
    told of that day ("On 28 July 2022, the Commission organized the International Conference")."""
    m = _BEFORE_OPENING_DATE.match(text, s, d.start)
    return m is not None and m.end() == d.start and text[d.end : d.end + 1] == ","


def _sentence_dates(
    text: str | Document,
    end: int,
    dateline: Dateline | None,
    issued: str | None,
    year: int | None,
    *,
    skip: int = -1,
) -> DateMatch | None:
    """The date of the first sentence that says a meeting was (or will be) held, one that is not
    about a later meeting ("the next meeting will take place ...") when there is one; the date at
    `skip` (the page's posting date) is not the meeting's."""
    doc = as_document(text)
    text = doc.text
    later: DateMatch | None = None
    single: DateMatch | None = None  # "The OSCE, on 24 November 2014, launched a training course"
    for s, e in doc.sentences_until(end):
        noun = _MEETING_WORD.search(text, s, e) is not None
        verb = noun and _VERB_OF_MEETING.search(text, s, e) is not None
        # "s'est tenue le 18 octobre 2024 une journée": held on a day, with no meeting noun
        held_on = _HELD_ON.search(text, s, e) is not None
        if not (verb or noun or held_on or _GATHERED.search(text, s, e)):
            continue
        ranges_only = noun and not verb and not held_on and not _GATHERED.search(text, s, e)
        dated = [
            d
            for d in find_dates(text, s, e, default_year=year)
            if (dateline is None or d.start != dateline.date.start)
            and d.start != skip
            and not (issued and not d.is_range and d.first.isoformat() == issued)
            and not _NOT_MEETING_DATE.search(text, max(s, d.start - 25), d.start)
        ]
        found = [d for d in dated if not ranges_only or d.is_range or _opens(text, s, d)]
        if not found:
            # a month written in words: "12/02/2026" over an exchange-rate table dates the page
            worded = len(dated) == 1 and re.search(r"[^\W\d_]", dated[0].text) is not None
            if single is None and worded and dated[0].has_year:
                single = dated[0]  # the one full date of a sentence naming a meeting
            continue
        if dateline is not None and found[0].first > dateline.date.first:
            if later is None and _announces(text, s, e, dateline):
                return found[0]  # "VIENNA, 7 June - The OSCE is hosting ... from 14 to 16 June"
            later = later or found[0]  # after the release: announced, not reported
        elif _FUTURE.search(text, s, found[0].start) and dateline is not None:
            later = later or found[0]
        else:
            return found[0]
    return (later or single) if dateline is None else None


def _announces(text: str, s: int, e: int, dateline: Dateline) -> bool:
    """True for the lead of a release that announces its own meeting: the sentence the dateline
    opens (or the next one), about no next or follow-up meeting."""
    lead_s, lead_e = as_document(text).sentence_at(min(len(text) - 1, dateline.date.end + 2))
    return s <= lead_e + 2 and e >= lead_s and not _OTHER_MEETING.search(text, s, e)


def _durations() -> dict[str, int]:
    """Words of an event's length (meeting_words.json, every language) -> days."""
    found: dict[str, int] = {}
    for lang, entry in _words_data("meeting_words.json").items():
        if not lang.startswith("_") and isinstance(entry, dict):
            found.update({str(k).lower(): int(v) for k, v in entry.get("durations", {}).items()})
    return found


_DAYS = _durations()


_DURATION = re.compile(
    r"(?i)\b(?:"
    + "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(_DAYS, key=len, reverse=True))
    + r")"
)


_ENDS = re.compile(rf"(?i)\b(?:{_alternation('ends')})")


_STARTS = re.compile(rf"(?i)\b(?:{_alternation('starts')})")


_TODAY = re.compile(rf"(?i)\b(?:{_alternation('today')})\b")


_YESTERDAY = re.compile(rf"(?i)\b(?:{_alternation('yesterday')})\b")


def _told_span(
    text: str | Document, dates: DateMatch | None, source: str, dateline: Dateline | None
) -> DateMatch | None:
    """A single day made the event's span by its story: "ended in Ashgabat today" under a
    dateline, "opened yesterday", "concluded on 1 March" with "the two-day event" nearby."""
    doc = as_document(text)
    text = doc.text
    if dates is None or dates.is_range:
        return dates
    day = dates.first
    if source == "dateline" and dateline is not None:
        s, e = doc.sentence_at(min(len(text) - 1, dateline.date.end + 2))
        # and the next sentence: "... a course. The five-day session, which started yesterday"
        if e + 1 < len(text):
            e = max(e, doc.sentence_at(e + 1)[1])
        if _YESTERDAY.search(text, s, e):
            day -= timedelta(days=1)
        elif not _TODAY.search(text, s, e):
            return dates
    else:
        s, e = doc.sentence_at(dates.start)
    found = _DURATION.search(text, s, min(len(text), e + 600))
    n = _DAYS.get(re.sub(r"\s+", " ", found.group(0).lower()), 1) if found else 1
    first = last = day
    if _ENDS.search(text, s, e):
        first = day - timedelta(days=n - 1)
    elif _STARTS.search(text, s, e):
        last = day + timedelta(days=n - 1)
    if (first, last) == (dates.first, dates.last):
        return dates
    return DateMatch(dates.start, dates.end, dates.text, first, last, dates.has_year)


# a posting time after a header date: "Wednesday, October 3, 2007 8:37 AM", "09.03.2010 17:30"
_CLOCK_AFTER = re.compile(r"\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\b")


# a page's own date in digits on a header line ("18/04/2024", "20.05.2017"): when it was posted
_PUBLISHED_NUMERIC = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{4}")


def _subject_dates(
    text: str | Document,
    head: int,
    dateline: Dateline | None,
    info: DocumentInfo | None,
    register: Register,
) -> tuple[DateMatch | None, str]:
    """The meeting's dates: a date line in the header, else a meeting sentence, else the dateline.

    A dateline, a document number's issue date ("SEC.GAL/58/24 11 March 2024") or the adoption
    date of a decision is the document's date, not the meeting's: it is used only when nothing
    says more. Dates without a year take the year of the dateline or document.
    """
    doc = as_document(text)
    text = doc.text
    issued = (
        info.date
        if info is not None
        and (info.type in ("report", "decision") or (dateline is None and info.type != "news"))
        else None
    )
    # a press release's dateline dates the release; elsewhere a "Place, date" line dates the meeting
    released = dateline if info is None or info.type == "press_release" else None
    year = _year_hint(text, head, dateline, info) or None
    posted = posting_date(text)
    bracketed = _bracketed_date(text, min(len(text), max(head, _BRACKETED_REACH)))
    if bracketed is not None:
        return bracketed, "header"
    numbered = False  # the date line right after a document number dates the document
    for line in doc.lines_in(0, head):
        s, e = doc.clean_line(line)
        if s == e:
            continue
        if _DOCUMENT_NUMBER.search(text, s, e):
            numbered = True
            continue
        if numbered and _only_date(text, s, e):
            numbered = False
            continue
        numbered = False
        found = [
            d
            for d in find_dates(text, s, e)
            if not _NOT_MEETING_DATE.search(text, s, d.start)
            and not _body_and_date(text, s, d, register)
            and (released is None or d.start != released.date.start)
            and not (issued and not d.is_range and d.first.isoformat() == issued)
            and not _PUBLISHED_NUMERIC.fullmatch(d.text)
            and (posted is None or d.start != posted.start)
            and not _CLOCK_AFTER.match(text, d.end)
        ]
        if found and e - s < 80:
            return found[0], "header"
    if dateline is not None:
        story = _sentence_dates(
            text,
            min(len(text), head + 1500),
            dateline,
            issued,
            year,
            skip=posted.start if posted else -1,
        )
        story = story or _story_date(text, dateline, year)
        if story is not None:
            return story, "sentence"
        return dateline.date, "dateline"
    found_date = _sentence_dates(
        text, len(text), None, issued, year, skip=posted.start if posted else -1
    )
    if found_date is not None:
        return found_date, "sentence"
    if posted is not None and _told_today(text, posted.end):
        return posted, "page"  # "took place today in Khujand" under the page's posting date
    own = _own_date_line(doc, head, info)
    if own is not None and _told_today(text, own.end):
        return own, "page"  # "02 Juin 2010" over "Le Conseil a tenu cet après-midi une réunion"
    return None, ""


def _own_date_line(doc: Document, head: int, info: DocumentInfo | None) -> DateMatch | None:
    """The line near the top that gives the document's own date (one day, nothing else)."""
    if info is None or not info.date:
        return None
    for line in doc.lines_in(0, min(len(doc.text), max(head, 600))):
        s, e = doc.clean_line(line)
        found = only_date(doc.text, s, e) if e > s else None
        if found is not None and not found.is_range and found.first.isoformat() == info.date:
            return found
    return None


def _told_today(text: str, after: int) -> bool:
    """True when the first meeting sentence after `after` says the meeting is held today."""
    for s, e in as_document(text).sentences_between(after, min(len(text), after + 1500)):
        if _MEETING_WORD.search(text, s, e) or _HELD.search(text, s, e):
            return _TODAY.search(text, s, e) is not None
    return False


def _only_date(text: str, s: int, e: int) -> bool:
    """A line that is one date and nothing else ("10 avril 2019[1]", "1er avril 2021")."""
    return only_date(text, s, e) is not None


def _bracketed_date(text: str | Document, end: int) -> DateMatch | None:
    """The date of a heading that names a meeting with its place and date in brackets."""
    doc = as_document(text)
    found = bracketed_heading(doc, end)
    return found[1] if found is not None else None


def bracketed_heading(text: str | Document, end: int) -> tuple[tuple[int, int], DateMatch] | None:
    """A heading that names a meeting with its place and date in brackets ("25e réunion du
    Comité des Parties (Strasbourg, le 18 octobre 2019)"): the span before the bracket, the date."""
    doc = as_document(text)
    text = doc.text
    for line in doc.lines_in(0, end):
        s, e = doc.clean_line(line)
        if e - s > _BRACKETED_LINE or not _MEETING_WORD.search(text, s, e):
            continue
        for b in _BRACKETED.finditer(text, s, e):
            if not _MEETING_WORD.search(text, s, b.start()):
                continue
            found = find_dates(text, b.start(), b.end())
            if len(found) == 1 and found[0].has_year:
                return (s, b.start()), found[0]
    return None
