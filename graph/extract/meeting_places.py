"""Where the subject meeting took place (register and data places, Russian case forms, venue
before city), and whether it was online."""

from __future__ import annotations

import re
from functools import lru_cache

from ..register import Register
from .countries import country_mentions, country_name
from .dates import find_dates
from .doctype import Dateline
from .document import Document, as_document
from .gazetteer import city_name
from .inflection import declined, stem_pattern
from .meeting_lexicon import (
    _CUE_LINE,
    _FUTURE,
    _MEETING_WORD,
    _NOUN,
    _ONLINE,
    _ONLINE_PHRASES,
    _OTHER_MEETING,
    _alternation,
    _find_organisation,
    _words_data,
)
from .passages import clean_span

_PLACE_LINE = re.compile(r"[A-ZÀ-Þ][\w'’.-]+(?:,?\s[A-ZÀ-Þ][\w'’.-]+){0,2}")


@lru_cache(maxsize=8)
def _places(register: Register) -> frozenset[str]:
    return frozenset(name.lower() for name in _place_labels(register))


@lru_cache(maxsize=8)
def _place_labels(register: Register) -> dict[str, str]:
    """Every name of a register place (label or alias, lower case) -> its label."""
    names: dict[str, str] = {}
    for p in register.places.values():
        for name in (p.label, *p.aliases):
            names.setdefault(name.lower(), p.label)
    for label, others in _words_data("places.json").items():
        if label.startswith("_") or not isinstance(others, list):
            continue
        for name in (label, *others):
            names.setdefault(str(name).lower(), names.get(label.lower(), label))
    return names


@lru_cache(maxsize=8)
def _place_regex(register: Register) -> re.Pattern[str] | None:
    names = sorted(_place_labels(register), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(_place_pattern, names)) + r")(?!\w)", re.I)


def _place_pattern(name: str) -> str:
    """A place label as a pattern; Russian names in any case ("в Астане" for "Астана")."""
    return " ".join(stem_pattern(word) for word in name.split(" "))


def _place_label(register: Register, written: str) -> str | None:
    """The register label of a place as written, declined Russian forms included."""
    labels = _place_labels(register)
    found = labels.get(written.lower())
    if found is not None or not declined(written.split(" ")[0]):
        return found
    for name, label in labels.items():
        if re.fullmatch(_place_pattern(name), written, re.I):
            return label
    return None


def _find_place(text: str, s: int, e: int, register: Register) -> tuple[str, int, int] | None:
    """The first register place named in text[s:e]: (label, start, end)."""
    regex = _place_regex(register)
    m = regex.search(text, s, e) if regex is not None else None
    if m is None:
        return None
    label = _place_label(register, m.group(0))
    return (label, m.start(), m.end()) if label is not None else None


# capitalised words that name a body or a document part, not a place: "Permanent Council, 27 July"
_NOT_PLACE = re.compile(
    r"(?i)\b(?:council|committee|commission|assembly|conference|meeting|session|plenary|journal|"
    r"decision|agenda|forum|secretariat|office|mission|group|original|english|distribution|annex|"
    r"совет|комитет|заседание|conseil|comit[ée]|s[ée]ance)\b"
)


_IN_PLACE = re.compile(
    r"\b(?:in|at|à|в|во)\s+(?P<p>[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?:[ -][A-ZÀ-ÞА-ЯЁ][\w'’-]+)?)"
    r"(?=\s*,?\s*(?:on|from|les?|du|the)?\s*\d)"
)


def _place_in_sentence(
    text: str | Document, date_span: tuple[int, int], register: Register
) -> tuple[str, tuple[int, int]] | None:
    """The venue named right before the meeting's dates in their sentence: "in Vienna on 9 and
    10 November", "à Strasbourg les 23 et 24 juin"; a register place, or a capitalised name
    when the dates follow it at once."""
    doc = as_document(text)
    text = doc.text
    s, _ = doc.sentence_at(date_span[0])
    for m in _IN_PLACE.finditer(text, max(s, date_span[0] - 80), date_span[0] + 1):
        if m.end() > date_span[0]:
            break
        found = _find_place(text, m.start("p"), m.end("p"), register)
        if found:
            return found[0], found[1:]
        name = m.group("p")
        if (
            re.fullmatch(r"\s*,?\s*(?:on|from|les?|du|the)?\s*", text[m.end() : date_span[0]])
            and not _NOT_PLACE.search(name)
            and _find_organisation(name, register) is None
        ):
            return name, m.span("p")
    return None


_LOCATIVE_BEFORE = re.compile(r"(?i)(?:\b(?:in|at|à|en|в|во)|\bau|\bdans)\s+$")


_OFFICE_BEFORE = re.compile(
    rf"(?i)\b(?:{_alternation('offices')})\W*\s+(?:\w+\s+)?(?:in|à|en|в|во)\s+$"
)


def _place_after_preposition(
    text: str | Document, date_span: tuple[int, int], register: Register
) -> tuple[str, tuple[int, int]] | None:
    """A register place right after "in", "à", "в" in the sentence of the meeting's dates, on
    either side of them: "from 2 to 6 October in Tashkent", "à Strasbourg", "в Душанбе"; a venue
    may stand before the city ("at the Hofburg Palace in Vienna")."""
    doc = as_document(text)
    text = doc.text
    s, e = doc.sentence_at(date_span[0])
    regex = _place_regex(register)
    if regex is None:
        return None
    for m in regex.finditer(text, s, e):
        if not _LOCATIVE_BEFORE.search(text, max(s, m.start() - 6), m.start()):
            continue
        if _OFFICE_BEFORE.search(text, max(s, m.start() - 40), m.start()):
            continue  # "the OSCE Programme Office in Astana": the body's seat
        label = _place_label(register, m.group(0))
        if label is not None:
            return label, m.span()
    return None


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _place_in_meeting_sentence(
    text: str | Document, register: Register, year: str | None = None
) -> tuple[str, tuple[int, int]] | None:
    """A register place after "in", "à", "в" in one of the first meeting sentences that is not
    about a later meeting ("В Кишиневе началась встреча", "a seminar in Tashkent"), nor about
    one of another year than the subject's `year` ("the summit in Istanbul in June 2004")."""
    doc = as_document(text)
    text = doc.text
    for s, e in doc.sentences_until(min(len(text), 1500)):
        if not _MEETING_WORD.search(text, s, e) or _FUTURE.search(text, s, e):
            continue
        if year is not None and any(y != year for y in _YEAR.findall(text, s, e)):
            continue
        found = _place_after_preposition(doc, (s, e), register)
        if found is not None:
            return found
    return None


# "evaluation visit to Serbia", "visite d'évaluation en France", "визит экспертов ГРЕТА в Белоруссию"
_VISIT_TO = re.compile(
    rf"(?i)\b(?:{_alternation('visits')})\b[^.;\n]{{0,60}}?\b(?:{_alternation('visit_to')})\s+$"
)


# "to visit the OSCE Mission to Bosnia": a body named after its country, not a visit to it
_AN_OFFICE = re.compile(rf"(?i)\b(?:{_alternation('offices')})\b")


_VISIT_REACH = 1_200  # how far into the story a visit to a country is looked for


def _visited_country(
    text: str, head: int, date_span: tuple[int, int] | None
) -> tuple[str, tuple[int, int]] | None:
    """The country of a visit ("GRETA carried out its third evaluation visit to Serbia"): a
    country visit's place is the country, not the towns it took in. Looked for in the sentence
    of the meeting's dates and the header lines, or in the first sentences of an undated one (not
    about another meeting)."""
    if date_span is not None:
        spans = [as_document(text).sentence_at(date_span[0])]
        spans += [
            clean_span(text, ln.start, ln.end)
            for ln in as_document(text).lines_in(0, head)
            if not ln.blank
        ]
    else:
        spans = as_document(text).sentences_until(min(len(text), max(head, 0) + _VISIT_REACH))
    mentions = country_mentions(text)
    for s, e in spans:
        if _OTHER_MEETING.search(text, s, e):
            continue
        for code, cs, ce in mentions:
            visit = _VISIT_TO.search(text, max(s, cs - 90), cs) if s <= cs < e else None
            if visit is not None and not _AN_OFFICE.search(text, visit.start(), cs):
                return country_name(code), (cs, ce)
    return None


def _subject_place(
    text: str | Document,
    head: int,
    register: Register,
    date_span: tuple[int, int] | None,
    dateline: Dateline | None,
) -> tuple[str, tuple[int, int]] | None:
    doc = as_document(text)
    text = doc.text
    visited = _visited_country(text, head, date_span)
    if visited is not None:
        return visited
    venue = _VENUE.search(text)  # "Venue: Hotel Europe, Sarajevo" states the place outright
    if venue is not None:
        found = _find_place(
            text, venue.end(), text.find("\n", venue.end()) % (len(text) + 1), register
        )
        if found:
            return found[0], found[1:]
    if date_span is not None and (dateline is None or dateline.date.start != date_span[0]):
        stated = _place_in_sentence(doc, date_span, register)  # "met in Chisinau on 13 and 14 ..."
        if stated is not None:
            return stated
        stated = _place_after_preposition(doc, date_span, register)
        if stated is not None:
            return stated
    held = _held_in_town(text, register, date_span)  # "took place in Neum", "в Намангане"
    if held is not None:
        return held
    if date_span is not None:  # "BELGRADE, 17-20 JULY 2003"
        line_s = max(text.rfind("\n", 0, date_span[0]) + 1, date_span[0] - 60)
        found = _find_place(text, line_s, date_span[0], register)
        if found and not _OFFICE_BEFORE.search(text, max(0, found[1] - 40), found[1]):
            return found[0], found[1:]
        if dateline is not None and dateline.date.start == date_span[0]:
            return dateline.place.title(), (dateline.place_start, dateline.place_end)
        city = re.match(
            r"[\W_]*([A-ZÀ-ÞА-ЯЁ][\w'-]+(?:\s[A-ZÀ-ÞА-ЯЁ][\w'-]+)?),", text[line_s : date_span[0]]
        )
        if (
            city
            and not _ONLINE.search(city.group(1))
            and not re.match(r"(?i)(?:day|день|jour)\b", city.group(1))
            and not _NOT_PLACE.search(city.group(1))
            and _find_organisation(city.group(1), register) is None
        ):
            name = city.group(1)
            return (name.title() if name.isupper() else name), (
                line_s + city.start(1),
                line_s + city.end(1),
            )
    if dateline is not None:
        found = _find_place(text, dateline.place_start, dateline.place_end, register)
        if found:
            return found[0], found[1:]
        return dateline.place.title(), (dateline.place_start, dateline.place_end)
    for s, e in doc.sentences_until():
        if not re.search(
            r"\b(?:meeting|conference|seminar|held|took place|conclude[sd]?)\b", text[s:e], re.I
        ) or _FUTURE.search(text, s, e):
            continue
        for m in re.finditer(
            r"\b(?:held|took place|concluded?s?|hosted|met|gathered)\b[^.]{0,60}?\bin\s+", text[s:e]
        ):
            found = _find_place(text, s + m.end(), min(e, s + m.end() + 40), register)
            if found and found[1] == s + m.end():
                return found[0], found[1:]
    year = _YEAR.search(text, *date_span) if date_span else None
    told = _place_in_meeting_sentence(doc, register, year.group(0) if year else None)
    if told is not None:
        return told
    header = [doc.clean_line(ln) for ln in doc.lines_in(0, head) if not ln.blank]
    for ls, le in header:
        if le - ls < 60:
            found = _find_place(text, ls, le, register)
            if found:
                return found[0], found[1:]
    if date_span is not None:  # a short line of capitalised words next to the date line
        at = next((k for k, (ls, le) in enumerate(header) if ls <= date_span[0] < le + 1), None)
        for k in (at - 1, at + 1) if at is not None else ():
            if not 0 <= k < len(header):
                continue
            ls, le = header[k]
            seg = text[ls:le]
            if (
                _PLACE_LINE.fullmatch(seg)
                and not _ONLINE.search(seg)
                and not _NOUN.search(seg)
                and not _CUE_LINE.match(seg)
                and not find_dates(text, ls, le)
            ):
                last = seg.split(",")[-1].strip()  # "Hofburg, Vienna" -> Vienna
                start = ls + seg.rindex(last)
                return last, (start, start + len(last))
    return None


# "took place in the Lviv region", "s'est tenu à Nice", "состоялся в Минске": a verb of holding,
# a few words (a date), a locative and a capitalised name
_HELD_IN = re.compile(
    rf"(?i:\b(?:{_alternation('held')})\b)[^.;\n]{{0,80}}?"
    rf"(?i:\b(?:{_alternation('locatives')}))\s+(?:the\s+)?"
    r"(?P<p>[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?:[ -][A-ZÀ-ÞА-ЯЁ][\w'’-]+)?)"
)


# the Russian order, place before verb: "в Москве состоится конференция", "à Vienne s'est tenue"
_IN_HELD = re.compile(
    rf"(?i:\b(?:{_alternation('locatives_before_verb')}))\s+"
    r"(?P<p>[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?:[ -][A-ZÀ-ÞА-ЯЁ][\w'’-]+)?)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?i:(?:{_alternation('held')}))\b"
)


# a story that opens on its place: "В Намангане, УНП ООН ... провели семинар", "In Osh, ..."
_OPENS_IN = re.compile(
    rf"(?i:(?:{_alternation('locatives')}))\s+(?P<p>[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?:[ -][A-ZÀ-ÞА-ЯЁ][\w'’-]+)?),"
)


# a meeting told as past: "the next session of the dialogue took place today in Khujand"
_TOOK_PLACE = re.compile(
    r"(?i)\b(?:took\s+place|was\s+held|were\s+held|s['’]est\s+tenue?|a\s+eu\s+lieu|"
    r"состоял\w*|прош[её]л\w*|прошл[аио])\b"
)


def _town(text: str, m: re.Match[str], register: Register) -> tuple[str, tuple[int, int]] | None:
    """The place a `_HELD_IN`/`_OPENS_IN` match names: a register place, else a town or city the
    gazetteer knows by that name (one word, or two), not a body."""
    s, e = m.span("p")
    if _OFFICE_BEFORE.search(text, max(0, s - 40), s):
        return None  # "hosted by the OSCE Centre in Bishkek": the body's seat
    found = _find_place(text, s, e, register)
    if found is not None:
        return found[0], found[1:]
    written = m.group("p")
    if _NOT_PLACE.search(written) or _find_organisation(written, register) is not None:
        return None
    for name, end in ((written, e), (written.split()[0], s + len(written.split()[0]))):
        city = city_name(name)
        if city is not None:
            return city, (s, end)
    return None


def _held_in_town(
    text: str, register: Register, date_span: tuple[int, int] | None
) -> tuple[str, tuple[int, int]] | None:
    """The town a meeting sentence says the meeting was held in, or opens on: the sentence of
    the meeting's dates first, then the first meeting sentences (not about another meeting)."""
    spans = [as_document(text).sentence_at(date_span[0])] if date_span is not None else []
    spans += as_document(text).sentences_until(min(len(text), 1500))
    for s, e in spans:
        if _OTHER_MEETING.search(text, s, e) and not _TOOK_PLACE.search(text, s, e):
            continue  # "the next meeting will be held in ...", but "the next session took place"
        opening = _OPENS_IN.match(text, s, e)
        if opening is not None and _MEETING_WORD.search(text, s, e):
            found = _town(text, opening, register)
            if found is not None:
                return found
        for m in (*_HELD_IN.finditer(text, s, e), *_IN_HELD.finditer(text, s, e)):
            found = _town(text, m, register)
            if found is not None:
                return found
    return None


# a venue line: "Venue: Hotel Europe, Sarajevo", "Lieu : Palais de l'Europe", "Место проведения:"
_VENUE = re.compile(r"(?im)^[\W_]*(?:venue|location|lieu|место\s+проведения)\s*:[ \t]*")


# an agenda item ("14:30 – 16:30 Session 1: Online recruitment"): its subject, not the format
_AGENDA_ITEM = re.compile(
    r"(?i)^[\W_]*(?:\d{1,2}[:.h]\d{2}|(?:session|item|panel|topic|part|заседание|séance|"
    r"сессия|point)\s*\d*\s*[:.–-])"
)


# "online" naming a subject ("online recruitment", "online exploitation"), not the meeting's format
_ONLINE_SUBJECT = re.compile(
    r"(?i)\b(?:online|virtual)\s+(?:recruitment|exploitation|grooming|abuse|trafficking|"
    r"platforms?|advertis\w*|sexual|child|content|services?|space|environment|marketplaces?)\b"
)


# a sentence saying the meeting was held online or in a hybrid format, in English, French, Russian
_ONLINE_SENTENCE = re.compile(
    r"(?i)\b(?:virtual|online|hybrid)\s+(?:meeting|conference|event|format|session|mode|seminar|"
    r"workshop|training|course|round[- ]?table|briefing|consultation)s?\b|\bwebinars?\b|"
    r"\br[ée]union\s+\(\s*[àa]\s+distance\s*\)|\b(?:plateforme|platform)\s+(?:KUDO|Zoom|Interprefy)\b|"
    r"\b(?:held|took\s+place|take\s+place|met|convened|gathered|conducted)\s+(?:online|virtually|"
    r"remotely|(?:by|via)\s+video-?conferenc\w*|in\s+an?\s+(?:online|virtual|hybrid)\s+format)\b|"
    r"\b(?:by|via)\s+(?:video-?conferenc\w*|video\s+link|zoom|webex|(?:ms|microsoft)\s+teams)\b|"
    r"\b(?:s['’]est\s+tenue?s?|se\s+sont\s+r[ée]unis|a\s+eu\s+lieu)\s+en\s+ligne\b|"
    r"\bpar\s+visioconf[ée]rence\b|\ben\s+(?:format|mode)\s+(?:virtuel|hybride|en\s+ligne)\b|"
    rf"\b(?:{_ONLINE_PHRASES})|\b(?:{_alternation('online_too')})(?=\s*[.,;)]|\s*$)"
)


def _online(text: str | Document, head: int) -> tuple[int, int] | None:
    doc = as_document(text)
    text = doc.text
    for line in doc.lines_in(0, head):
        s, e = doc.clean_line(line)
        if e - s < 60 and _ONLINE.search(text, s, e):
            if _AGENDA_ITEM.match(text, s, e) or _ONLINE_SUBJECT.search(text, s, e):
                continue
            return (s, e)
    for s, e in doc.sentences_until():
        if _ONLINE_SENTENCE.search(text, s, e) and not _OTHER_MEETING.search(text, s, e):
            return (s, e)
    return None
