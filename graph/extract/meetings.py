"""The meetings a document is about and the other meetings it mentions, each fact with the
passage that supports it: this module puts together what its stages read.

Stages, one module each: `meeting_titles` (names of meetings), `meeting_dates` (the subject's
dates), `meeting_places` (place, online), `organisers`, `counts` (participants, States), with the
shared words of `meeting_lexicon`. When several passages give a fact, the most specific wins: a
date range in the header over a dateline, a unit ("OSR/CTHB") over the organisation it belongs to.
"""

from __future__ import annotations

import copy
import re
from datetime import timedelta

from rapidfuzz import fuzz

from ..model import DocumentInfo, Evidence, Meeting
from ..register import Register
from .countries import country_mentions, country_name
from .counts import _counts
from .dates import DateMatch, find_dates
from .doctype import Dateline
from .document import Document, as_document
from .meeting_dates import _subject_dates, _told_span
from .meeting_lexicon import _MEETING_WORD, _NOUNS, _ONLINE, _OTHER_MEETING
from .meeting_places import _AN_OFFICE, _VISIT_TO, _find_place, _online, _places, _subject_place
from .meeting_series import listed_meetings, planned_meetings
from .meeting_titles import (
    MeetingPhrase,
    _cap,
    _subject_title,
    meeting_phrases,
    named_in_sentence,
    title_case,
    told_meeting,
)
from .organisers import _cued_organisers, find_organisers, organisers_of_title, visiting_body
from .passages import PageOf, evidence

__all__ = ["find_meetings", "meeting_phrases", "title_case"]  # the last two from meeting_titles


def find_meetings(
    text: str | Document,
    register: Register,
    *,
    info: DocumentInfo,
    dateline: Dateline | None = None,
    page_of: PageOf | None = None,
) -> tuple[list[Meeting], list[str]]:
    """The subject meeting (with its facts and evidence) and the meetings mentioned in passing."""
    doc = as_document(text)
    text = doc.text
    warnings: list[str] = []
    head = doc.header_end

    def ev(s: int, e: int) -> Evidence:
        return evidence(text, s, e, page_of)

    titled = _subject_title(doc, info, register, head)
    dates, source = _subject_dates(doc, head, dateline, info, register)
    dates = _told_span(doc, dates, source, dateline)
    if titled is None and dates is None:
        titled = told_meeting(
            text, info, head
        )  # "une conférence s'est tenue à Kiev les 10 et 11 juin"
        if titled is None:
            return [], warnings
    if titled is None and not _tells_of_a_meeting(doc, info, source, dateline):
        return [], warnings  # "WARSAW, 14 May 2004 - A new handbook published by ..."
    meeting = Meeting(role="subject", title=titled[0] if titled else None)
    if titled:
        meeting.facts["title"] = ev(*titled[1])
    if dates is not None:
        meeting.start_date, meeting.end_date = dates.first.isoformat(), dates.last.isoformat()
        meeting.evidence = meeting.facts["start_date"] = ev(dates.start, dates.end)
        meeting.facts["end_date"] = meeting.facts["start_date"]
    elif titled:
        meeting.evidence = meeting.facts["title"]
    online = _online(doc, head)
    place = _subject_place(
        doc, head, register, (dates.start, dates.end) if dates else None, dateline
    )
    if online is not None:
        meeting.online = True
        meeting.facts["online"] = ev(*online)
        if place is not None and _hybrid(text, place[1]):  # "in Strasbourg ... and online"
            meeting.place = place[0]
            meeting.facts["place"] = ev(*place[1])
    elif place is not None:
        meeting.place = place[0]
        meeting.online = False
        meeting.facts["place"] = ev(*place[1])
    elif dates is not None and source != "dateline":
        # met on stated days with no word of being online: an in-person meeting
        meeting.online = False
        meeting.facts["online"] = ev(dates.start, dates.end)
    if meeting.place is not None:
        meeting.place_country = _country_code(meeting.place)  # a visit to Serbia
    cued, cued_spans = _cued_organisers(text, register)
    organisers, spans = find_organisers(text, register, cued)
    spans = cued_spans + [sp for sp in spans if sp not in cued_spans]
    if meeting.title and titled:
        for body in organisers_of_title(meeting.title, register):
            if body not in organisers:
                organisers.insert(0, body)
                spans.insert(0, titled[1])
    if not organisers:
        visitor = visiting_body(text, register)  # "визит экспертов ГРЕТА в Белоруссию"
        if visitor is not None:
            organisers, spans = [visitor[0]], [visitor[1]]
    if organisers:
        meeting.organisers = organisers
        meeting.facts["organisers"] = ev(*spans[0])
    participants, states = _counts(doc)
    if participants:
        meeting.participants_count = participants[0]
        meeting.facts["participants_count"] = ev(*participants[1])
    if states:
        meeting.states_count = states[0]
        meeting.facts["states_count"] = ev(*states[1])
    if dates is None:
        warnings.append(f"meeting '{meeting.title}': no date found in the document")
    elif (
        source != "dateline"
        and dateline is not None
        and not (dates.first <= dateline.date.first <= dates.last + timedelta(days=7))
    ):
        warnings.append(
            f"meeting '{meeting.title}': dated {dates.text!r} at {dates.start}-{dates.end}, "
            f"but the dateline says {dateline.date.text!r}"
        )
    meetings = [meeting]
    if dates is not None and source in ("header", "sentence"):
        meetings += _sessions(text, meeting, dates, page_of)  # "on 3-4 May and on 10-11 May"
    if meeting.place_country is not None and dates is not None:
        meetings += _further_visits(doc, meeting, page_of)  # "GRETA carried out a visit to Italy"
    meetings += _mentioned(text, meeting, register, page_of)
    listed = listed_meetings(text, register, page_of)
    meetings += listed
    taken = {(m.place, m.start_date) for m in meetings}
    meetings += [
        m
        for m in planned_meetings(doc, register, meeting, page_of)
        if (m.place, m.start_date) not in taken or m.place is None
    ]
    return meetings, warnings


_STORY_SENTENCES = 4  # the sentences of a story after its dateline that must name a meeting


def _tells_of_a_meeting(
    doc: Document, info: DocumentInfo, source: str, dateline: Dateline | None
) -> bool:
    """False for a page that names no meeting and is dated only by its dateline or its
    publication ("A new handbook published by ODIHR ..."): a publication's news, no meeting."""
    if info.type == "publication_page":
        return False
    if source != "dateline" or dateline is None:
        return True
    text = doc.text
    after = doc.sentences_between(dateline.date.end, min(len(text), dateline.date.end + 1500))
    return any(_MEETING_WORD.search(text, s, e) for s, e in after[:_STORY_SENTENCES])


# between two sessions of one series in a sentence: " and on ", ", et du "
_NEXT_SESSION = re.compile(r"\s*,?\s*(?:and|et|и)\s+(?:on|le|les|du|from|с)\s+")


def _sessions(
    text: str, meeting: Meeting, dates: DateMatch, page_of: PageOf | None
) -> list[Meeting]:
    """Further sessions of a series the sentence of the subject's dates gives ("courses were held
    on 24 and 25 September and on 30 September and 1 October 2019"): one subject meeting each,
    with the same other facts; none in a sentence about a next or previous meeting."""
    s, e = as_document(text).sentence_at(dates.start)
    if _OTHER_MEETING.search(text, s, e):
        return []
    out: list[Meeting] = []
    prev = dates
    year = dates.last.year
    for d in find_dates(text, dates.end, e, default_year=year):
        if not _NEXT_SESSION.fullmatch(text, prev.end, d.start) or not d.is_range:
            break
        m = copy.deepcopy(meeting)
        m.start_date, m.end_date = d.first.isoformat(), d.last.isoformat()
        m.evidence = m.facts["start_date"] = m.facts["end_date"] = evidence(
            text, d.start, d.end, page_of
        )
        out.append(m)
        prev = d
    return out


def _further_visits(doc: Document, visit: Meeting, page_of: PageOf | None) -> list[Meeting]:
    """The other country visits of a page that reports several ("GRETA carried out a visit to
    Italy from 21 to 23 September 2016 ... GRETA's first evaluation visit to Greece will take
    place from 3-7 October 2016"): one subject meeting each, the country its place, dated in its
    own sentence; the other facts are the first visit's."""
    text = doc.text
    out: list[Meeting] = []
    seen = {(visit.place_country, visit.start_date)}
    for code, cs, ce in country_mentions(text):
        s, e = doc.sentence_at(cs)
        if _VISIT_TO.search(text, max(s, cs - 90), cs) is None:
            continue
        if _AN_OFFICE.search(text, max(s, cs - 90), cs) or _OTHER_MEETING.search(text, s, e):
            continue
        found = [d for d in find_dates(text, ce, e) if d.has_year]
        if not found or (code, found[0].first.isoformat()) in seen:
            continue
        d = found[0]
        seen.add((code, d.first.isoformat()))
        m = copy.deepcopy(visit)
        m.place, m.place_country = country_name(code), code
        m.title = " ".join(text[s:ce].split()) if ce - s <= 160 else visit.title
        m.start_date, m.end_date = d.first.isoformat(), d.last.isoformat()
        m.evidence = m.facts["start_date"] = m.facts["end_date"] = evidence(
            text, d.start, d.end, page_of
        )
        m.facts["place"] = evidence(text, cs, ce, page_of)
        m.facts["title"] = evidence(text, s, ce, page_of)
        out.append(m)
    return out


def _country_code(place: str) -> str | None:
    """The ISO code when a meeting's place is a country ("Serbia" for a country visit)."""
    found = country_mentions(place)
    return found[0][0] if len(found) == 1 and found[0][1:] == (0, len(place)) else None


def _hybrid(text: str, place: tuple[int, int]) -> bool:
    """True when the sentence naming the place also says the meeting was online: a hybrid
    meeting ("took place in Strasbourg on 16 June and online") has both a place and online; a
    dateline's city ("WARSAW, 4 March – ... met by videoconference") is where the news was issued."""
    s, e = as_document(text).sentence_at(place[0])
    stated = re.search(
        r"(?i)\b(?:in|at|à|в|во)\s+(?:the\s+)?$", text[max(s, place[0] - 12) : place[0]]
    )
    return stated is not None and _ONLINE.search(text, s, e) is not None


_AFTER_NAME = re.compile(
    r"[\s,]*(?:(?:which\s+|that\s+)?(?:was\s+)?(?:held|took place|organi[sz]ed|convened)\s+)?"
    r"(?:in\s+(?P<place>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s*,?\s*)?(?:on\s+|from\s+)?$"
)


def _own_facts(
    text: str | Document, phrase: MeetingPhrase, register: Register
) -> tuple[DateMatch | None, tuple[str, int, int] | None]:
    """The date and place written right after a meeting's name ("... held in Vienna on 4 March 2019")."""
    doc = as_document(text)
    text = doc.text
    _, e = doc.sentence_at(phrase.start)
    limit = min(e, phrase.end + 60)
    date_found = next(iter(find_dates(text, phrase.end, limit)), None)
    gap_end = date_found.start if date_found else limit
    gap = _AFTER_NAME.match(text[phrase.end : gap_end])
    if date_found is not None and gap is None:
        date_found = None
    place = None
    m = re.search(r"\b(?:held|took place)?\s*in\s+", text[phrase.end : gap_end])
    if m and m.start() < 30:
        place = _find_place(
            text, phrase.end + m.end(), min(gap_end, phrase.end + m.end() + 30), register
        )
    return date_found, place


def _mentioned(
    text: str | Document, subject: Meeting, register: Register, page_of: PageOf | None
) -> list[Meeting]:
    doc = as_document(text)
    text = doc.text
    out: list[Meeting] = []
    seen: set[str] = set()
    subject_title = (subject.title or "").lower()
    for p in meeting_phrases(text, places=_places(register)):
        caps = [w for w in re.findall(r"[\w’'/-]+", p.title) if _cap(w)]
        if len(caps) < 3:
            continue
        if p.title.isupper() and not re.search(r"\d", p.title):
            continue  # a heading in capitals: "OPENING OF THE MEETING", "RAPPORT DE REUNION"
        heading = subject.facts.get("title")
        if heading is not None and p.start < heading.end and heading.start < p.end:
            continue
        when, place = _own_facts(doc, p, register)
        other_date = when is not None and when.first.isoformat() != subject.start_date
        if subject_title and not other_date:
            named = named_in_sentence(p.title).lower()  # a headline: "X BEGAN A MEETING"
            if fuzz.token_set_ratio(p.title.lower(), subject_title) >= 80:
                continue
            if max(fuzz.partial_ratio(t, subject_title) for t in {p.title.lower(), named}) >= 90:
                continue
        key = p.title.lower()
        if key in seen:
            continue
        seen.add(key)
        titled = evidence(text, p.start, p.end, page_of)
        m = Meeting(role="mentioned", title=p.title, evidence=titled)
        m.facts["title"] = titled
        if when is not None:
            m.start_date, m.end_date = when.first.isoformat(), when.last.isoformat()
            m.facts["start_date"] = evidence(text, when.start, when.end, page_of)
            m.evidence = m.facts["start_date"]
        if place is not None:
            m.place, m.online = place[0], False
            m.facts["place"] = evidence(text, place[1], place[2], page_of)
        out.append(m)
    out += _earlier(doc, subject, register, page_of, taken=[m.evidence for m in out])
    return out


# "the previous meeting of national co-ordinators held in Strasbourg on 16 November 2021": an
# earlier meeting named in lower case, known by its own date
_EARLIER = re.compile(
    rf"\b(?:previous|last|preceding|earlier|former|first|second|third|fourth|fifth)\s+(?:{_NOUNS})"
    r"(?:\s+(?:of|on|for)\s+[\w’'/ -]{3,120}?)?"
    r"(?=\s*,?\s+(?:which\s+|that\s+)?(?:was\s+)?(?:held|took\s+place|organi[sz]ed|convened)\b)",
    re.I,
)


def _earlier(
    text: str | Document,
    subject: Meeting,
    register: Register,
    page_of: PageOf | None,
    *,
    taken: list[Evidence | None],
) -> list[Meeting]:
    doc = as_document(text)
    text = doc.text
    out: list[Meeting] = []
    spans = [(ev.start, ev.end) for ev in taken if ev is not None]
    for found in _EARLIER.finditer(text):
        s, e = found.span()
        if any(a < e and s < b for a, b in spans):
            continue
        phrase = MeetingPhrase(s, e, found.group(0), named=False)
        when, place = _own_facts(doc, phrase, register)
        if when is None or not when.has_year or when.first.isoformat() == subject.start_date:
            continue
        m = Meeting(role="mentioned", title=" ".join(found.group(0).split()))
        m.facts["title"] = evidence(text, s, e, page_of)
        m.start_date, m.end_date = when.first.isoformat(), when.last.isoformat()
        m.evidence = m.facts["start_date"] = evidence(text, when.start, when.end, page_of)
        if place is not None:
            m.place, m.online = place[0], False
            m.facts["place"] = evidence(text, place[1], place[2], page_of)
        out.append(m)
    return out
