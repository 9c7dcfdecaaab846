"""The meetings a document is about (title, dates, place or online, organisers, counts) and
the other meetings it mentions, each fact with the passage that supports it.

When several passages give a fact, the most specific wins: a date range in the header over a
dateline, a unit ("OSR/CTHB") over the organisation it belongs to ("OSCE").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from ..model import DocumentInfo, Evidence, Meeting
from ..register import OrganisationEntry, Register
from .dates import DateMatch, find_dates
from .doctype import Dateline
from .inflection import declined, stem_pattern
from .organisations import organisation_mentions
from .organisers import Organiser, find_organisers, organisers_of_title
from .passages import PageOf, clean_span, evidence, header_end, lines, sentence_at, sentences

__all__ = ["find_meetings", "meeting_phrases", "title_case"]

_NOUNS = (
    r"meeting|conference|seminar|workshop|forum|round[- ]?table|consultation|dialogue|summit|"
    r"gathering|symposium|webinar|colloquium|r[ée]union|conf[ée]rence|s[ée]minaire|"
    r"совещание|конференция|семинар|встреча"
)
_NOUN = re.compile(rf"\b(?:{_NOUNS})\b", re.I)
_CONNECT = {
    "and",
    "or",
    "of",
    "for",
    "on",
    "in",
    "the",
    "to",
    "against",
    "&",
    "de",
    "la",
    "des",
    "et",
}
_PREFIXES = {"co", "re", "pre", "non", "inter", "multi", "sub", "self", "cross", "post"}
_LEFT_CONNECT = {"and", "of", "&", "in", "against", "for", "on", "to"}
_SMALL = {
    "a",
    "an",
    "and",
    "or",
    "of",
    "for",
    "on",
    "in",
    "the",
    "to",
    "against",
    "at",
    "by",
    "with",
}
_DOC_PREFIX = re.compile(
    r"^(?:(?:draft\s+)?(?:conclusions(?:\s+and\s+recommendations)?|summary|report|agenda|minutes|"
    r"programme|annotated\s+agenda)\s+(?:of|from|on|for)\s+(?:the\s+)?)",
    re.I,
)
_ONLINE = re.compile(
    r"\b(?:online|virtual(?:ly)?|zoom|webex|videoconferenc\w*|video-conferenc\w*|"
    r"ms teams|microsoft teams|en ligne|онлайн)\b",
    re.I,
)
_ORGANISED = re.compile(
    r"\b(?:(?:jointly\s+|co-?)?organi[sz](?:ed|es)|co-?host(?:ed|s)|hosted|convened|"
    r"in\s+co-?operation\s+with|in\s+co-?ordination\s+with|in\s+partnership\s+with|"
    r"will\s+(?:co-?)?(?:organi[sz]e|host|convene)|"
    r"(?:co-?)?organis[ée]e?s?(?=\s+par)|en\s+coop[ée]ration\s+avec|"
    r"at\s+the\s+invitation\s+of|[àa]\s+l['’]invitation\s+(?=d)|"
    r"(?:было\s+)?(?:со)?организ(?:ова|у)\w*|по\s+приглашению)\b|"
    r"\b(?:organi[sz]ers?|organisateurs?|организаторы?)\s*:",
    re.I,
)
_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# a count written in words, "Eighteen", "Twenty-two" (2 to 99)
_NUMBER_WORD = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_UNITS[:9])
    + r"))?|"
    + "|".join(sorted(_UNITS[1:], key=len, reverse=True))
    + r")"
)
_FR_UNITS = [
    "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
]  # fmt: skip
_FR_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
# a count in French words, "Trente-neuf", "vingt et un", "quatre-vingt-deux", "dix-huit" (2 to 99)
_FR_NUMBER_WORD = (
    r"(?:(?:quatre-vingts?|soixante|cinquante|quarante|trente|vingt)"
    r"(?:(?:-|\s+et\s+)(?:un|onze)|-(?:dix-(?:sept|huit|neuf)|"
    + "|".join(sorted(_FR_UNITS[1:], key=len, reverse=True))
    + r"))?|dix-(?:sept|huit|neuf)|"
    + "|".join(sorted(_FR_UNITS[1:], key=len, reverse=True))
    + r")"
)
_ABOUT = (
    r"(?:over|more than|some|about|around|almost|nearly|approximately|close to|plus de|"
    r"pr[eè]s de|environ|quelque|более|свыше|около|почти)"
)
_PARTICIPANTS = re.compile(
    rf"(?:(?P<q>{_ABOUT})\s+)?"
    rf"(?<![\w.,/-])(?P<n>\d{{1,5}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:(?:national|government|governmental|international|senior)\s+)?"
    r"(?:participants|representatives|delegates|experts|officials|attendees|practitioners|"
    r"focal\s+points|people|persons|participantes?|repr[ée]sentants|participants|"
    r"участник\w*|эксперт\w*|человек\w*|представител\w*|делегат\w*)\b",
    re.I,
)
_STATES = re.compile(
    r"\b(?:from|of|representing|across|de|из|представител\w*|делегаци\w*)\s+"
    rf"(?:{_ABOUT}\s+)?"
    rf"(?P<n>\d{{1,3}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:OSCE\s+|CoE\s+|European\s+|EU\s+)?(?:participating\s+|member\s+)?"
    r"(?:States|countries|nations|pays|[ÉE]tats|государств\w*|стран\w*)\b"
    rf"|(?<![\w-])(?P<n2>\d{{1,3}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:(?:participating\s+|member\s+)?(?:countries|States)|Parties|[ÉE]tats(?:\s+(?:parties|membres))?"
    r"|pays|государств\w*|стран\w*)\s+"
    r"(?:(?:à|to)\s+la\s+Convention\s+|to\s+the\s+Convention\s+)?"
    r"(?:meet|met|gathered|took part|participated|were\s+represented|"
    r"(?:y\s+)?(?:ont\s+particip[ée]|ont\s+pris\s+part|[ée]taient\s+repr[ée]sent[ée]e?s)|"
    r"приняли\s+участие|участвовали)\b"
    rf"|(?<![\w-])(?P<n3>\d{{1,3}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:Parties|[ÉE]tats\s+[Pp]arties|States\s+Parties|государств\w*-участник\w*)\s+(?:à|to|к)\s",
    re.I,
)


def _number(raw: str) -> int:
    """A count written in digits, English or French words ("Twenty-two" -> 22, "Trente-neuf" -> 39)."""
    if raw.isdigit():
        return int(raw)
    words = re.split(r"[- ]+", raw.lower())
    if any(w in _FR_TENS or w in _FR_UNITS or w in ("quatre", "vingts", "et") for w in words) and (
        words[0] not in _UNITS and words[0] not in _TENS
    ):
        return _french_number(words)
    total = 0
    for word in re.split(r"[- ]", raw.lower()):
        if word in _TENS:
            total += 10 * (_TENS.index(word) + 2)
        elif word in _UNITS:
            total += _UNITS.index(word) + 1
    return total


def _french_number(words: list[str]) -> int:
    """French number words to an integer: "quatre-vingt-dix-huit" -> 98, "vingt et un" -> 21."""
    total = 0
    i = 0
    while i < len(words):
        w = words[i]
        if w == "quatre" and i + 1 < len(words) and words[i + 1].startswith("vingt"):
            total += 80
            i += 2
            continue
        if w in _FR_TENS:
            total += _FR_TENS[w]
        elif w in _FR_UNITS:
            total += _FR_UNITS.index(w) + 1
        i += 1
    return total


_ORGANISING_VERB = re.compile(r"\b(?:co-?)?organi[sz]ed\b|\bco-?hosted\b|\bhosted\b|\bconvened\b")
_OBJECT_MEETING = re.compile(
    rf"\s+(?:the|this|a|an)?\s*(?:[\w’'-]+\s+){{0,8}}?(?:{_NOUNS})\b", re.I
)
_CLAUSE_END = re.compile(
    r"[.;\n]|,\s(?!and\b)|\b(?:in line with|in order|in accordance|with the (?:support|participation|aim)|"
    r"to (?:discuss|address|identify|exchange|promote|review)|which|where|who|under|"
    r"conform[ée]ment|dans le cadre|в соответствии|согласно|в рамках)\b"
)


@dataclass(frozen=True)
class MeetingPhrase:
    """A noun phrase naming a meeting: its span, the normalised title, and whether it is plural."""

    start: int
    end: int
    title: str
    named: bool  # has a proper name (capitalised words), not just "the meeting"


def title_case(text: str, acronyms: set[str]) -> str:
    """Title case for an ALL-CAPS heading, keeping known acronyms and small words."""
    words = text.split()
    out = []
    for i, w in enumerate(words):
        core = w.strip("()[],.:;")
        if core in acronyms or core.upper() in acronyms:
            out.append(
                w.replace(core, next((a for a in acronyms if a.upper() == core.upper()), core))
            )
        elif i > 0 and core.lower() in _SMALL:
            out.append(w.lower())
        else:
            parts = w.split("-")
            if parts[0].lower() in _PREFIXES:  # "CO-ORDINATORS" -> "Co-ordinators"
                out.append(w[:1].upper() + w[1:].lower())
            else:  # "ANTI-TRAFFICKING" -> "Anti-Trafficking"
                out.append("-".join(p[:1].upper() + p[1:].lower() for p in parts))
    return " ".join(out)


def _cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and len(word) == 4)


def meeting_phrases(
    text: str, start: int = 0, end: int | None = None, *, places: frozenset[str] = frozenset()
) -> list[MeetingPhrase]:
    """Noun phrases naming meetings ("the 18th Alliance ... conference", "meeting of National ...").

    `places` (lower case) end a name: "... Rapporteurs in Strasbourg" names the meeting without
    its venue.
    """
    end = len(text) if end is None else end
    out: list[MeetingPhrase] = []
    for m in _NOUN.finditer(text, start, end):
        if text[m.end() : m.end() + 1] == "s":
            continue
        s, e = m.start(), m.end()
        # left: capitalised words (and connectors between them), on the same line
        toks = list(re.finditer(r"[\w’'/-]+", text[max(start, s - 150) : s]))
        base = max(start, s - 150)
        left_words: list[str] = []
        for t in reversed(toks):
            gap = text[base + t.end() : s]
            if gap.strip() or "\n" in gap:
                break
            w = t.group(0)
            if (
                _cap(w)
                or re.fullmatch(r"\d+(?:st|nd|rd|th)", w)
                or (w.lower() in _LEFT_CONNECT and left_words)
            ):
                left_words.append(w)
                s = base + t.start()
            else:
                break
        while left_words and left_words[-1].lower() in _LEFT_CONNECT:
            left_words.pop()
            s = text.find(" ", s) + 1
        lead = re.match(r"(?:the|this|that|a|an|la|le|les|une|un)\s+", text[s:e], re.I)
        if lead and s < m.start():
            s += lead.end()
        ordinal = re.match(r"\d+(?:st|nd|rd|th)\s+", text[s:e])
        if ordinal:
            s += ordinal.end()
        # right: "of/on/for" + capitalised words with connectors
        right = re.match(
            r"\s+(?:of|on|for|against|de|sur)\s+(?:the\s+)?(?=[A-Z])", text[e:end], re.I
        )
        if right:
            pos = e + right.end()
            last = None
            prev = ""
            for t in re.finditer(r"[\w’'/-]+|[^\w\s]", text[pos:end]):
                w = t.group(0)
                if "\n" in text[last if last is not None else pos : pos + t.start()]:
                    break
                is_place = w.lower() in places or re.fullmatch(r"(?:19|20)\d\d", w)
                if is_place and prev.lower() in {"in", "at", "of"} and last is not None:
                    break  # "... Rapporteurs in Strasbourg": the venue is not in the name
                if _cap(w):
                    last = pos + t.end()
                elif w.lower() in _CONNECT:
                    pass
                else:
                    break
                prev = w
            if last is not None:
                e = last
        noun = m.group(0)
        named = any(_cap(w) for w in re.findall(r"[\w’'/-]+", text[s : m.start()])) or e > m.end()
        title = " ".join(text[s:e].split())
        if noun[:1].islower() and e > m.end() and s == m.start():
            title = "Meeting" + title[len(noun) :]
        elif noun[:1].islower() and s < m.start():
            title = title[: m.start() - s] + noun[:1].upper() + noun[1:] + title[m.end() - s :]
        out.append(MeetingPhrase(s, e, title, named))
    return out


def _acronyms(register: Register) -> set[str]:
    acr = {o.acronym for o in register.organisations.values() if o.acronym}
    return acr | {"OSCE", "CoE", "EU", "UN", "ODIHR", "GRETA", "SEE", "THB", "NGO", "CTHB"}


def _clean_title(raw: str, register: Register) -> str:
    title = " ".join(raw.split())
    title = _DOC_PREFIX.sub("", title)
    title = re.sub(r"\s*\([A-Z]{2,6}\)$", "", title)  # a trailing "(SEE)"
    if title.isupper():
        title = title_case(title, _acronyms(register))
    return title[:1].upper() + title[1:]


_PLACE_LINE = re.compile(r"[A-ZÀ-Þ][\w'’.-]+(?:,?\s[A-ZÀ-Þ][\w'’.-]+){0,2}")
# a date in the header that is not the meeting's: "Deadline for registration: 1 October 2020"
_NOT_MEETING_DATE = re.compile(
    r"(?i)\b(?:deadline|regist\w*|submi\w*|until|before|due|published|issued|adopted|revised|"
    r"original|updated|as of|draft|version|projet|publi[ée]e?|опубликовано|выпущено|проект)\b"
)
_CUE_LINE = re.compile(
    r"(?i)^(?:meeting\s+|draft\s+|annotated\s+|final\s+)?"
    r"(?:agenda|summary|press release|report|minutes|programme)\b"
)


def _is_prose(line: str) -> bool:
    """A sentence rather than a heading: ends with a full stop or runs on from a dateline."""
    sentence = bool(re.search(r"\.\s*$", line)) and len(line.split()) > 8
    dateline = bool(re.search(r"\s[–—-]\s", line[:60])) and bool(find_dates(line[:60]))
    return sentence or dateline


def _title_end(text: str, start: int, title: str) -> int:
    """Where a title (whitespace-normalised) that starts at `start` ends in the text."""
    pos = start
    for word in title.split():
        found = text.find(word, pos)
        if found == -1:
            return start + len(title)
        pos = found + len(word)
    return pos


def _subject_title(
    text: str, info: DocumentInfo, register: Register, head: int
) -> tuple[str, tuple[int, int]] | None:
    if info.title and info.evidence and _NOUN.search(info.title) and len(info.title) < 200:
        ev = info.evidence
        at = text.find(info.title.split()[0], ev.start)
        span = clean_span(text, at, _title_end(text, at, info.title))
        if not re.search(
            r"\b(?:conclude[sd]?|open(?:s|ed)?|held|took|meets?|met|end(?:s|ed)?|gathered)\b",
            text[span[0] : span[1]],
        ):
            return _clean_title(text[span[0] : span[1]], register), span
    for line in lines(text, 0, head):
        s, e = clean_span(text, line.start, line.end)
        if 12 <= e - s <= 200 and _NOUN.search(text, s, e) and not _ORGANISED.match(text, s, e):
            if _CUE_LINE.match(text[s:e]) or _is_prose(text[s:e]):
                continue
            return _clean_title(text[s:e], register), (s, e)
    for p in meeting_phrases(text, places=_places(register)):
        if p.named and p.title.startswith("Meeting of"):
            return p.title, (p.start, p.end)
    for p in meeting_phrases(text, places=_places(register)):
        if p.named:
            return p.title, (p.start, p.end)
    return None


_HELD = re.compile(
    r"\b(?:held|hold|took place|will take place|convened|met|gathered|attended|"
    r"s['’]est\s+tenue?s?|se\s+sont\s+r[ée]unis|r[ée]unis|a\s+eu\s+lieu|"
    r"проходил[аио]?|прошл[аио]|состоял[аио]?с[ья])\b",
    re.I,
)


def _words_data(name: str) -> dict[str, object]:
    """A word list of graph/extract/data/ (per language), as JSON."""
    path = resources.files("thbgraph.graph.extract") / "data" / name
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _alternation(kind: str) -> str:
    """The words of one kind ("nouns", "verbs") of meeting_words.json, every language, as a
    regex alternation (spaces match any whitespace)."""
    words: set[str] = set()
    for lang, entry in _words_data("meeting_words.json").items():
        if not lang.startswith("_") and isinstance(entry, dict):
            words.update(str(w).lower() for w in entry.get(kind, ()))
    parts = [r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)]
    return "|".join(parts) or r"(?!x)x"


_EXTRA_NOUNS = _alternation("nouns")
_EXTRA_VERBS = _alternation("verbs")
# a meeting sentence: a meeting noun (in any inflection) or a verb of meeting
_MEETING_WORD = re.compile(
    rf"\b(?:{_NOUNS})|\b(?:совещани|конференци|семинар|встреч|заседани)\w*|\b(?:{_EXTRA_NOUNS})",
    re.I,
)
# a sentence about another, later meeting: "A follow-up meeting will take place online on ..."
_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|is\s+(?:to\s+be|scheduled|planned)|are\s+(?:to\s+be|scheduled)|"
    r"next|upcoming|forthcoming|follow-?up|subsequent|se\s+tiendra|aura\s+lieu|prochaine?|"
    r"состоится|следующ\w*|пройд[её]т)\b"
)
# people who met: a meeting without a meeting noun ("prosecutors met in Belgrade on 6 and 7 ...")
_GATHERED = re.compile(
    r"(?i)\b(?:met|gathered|came\s+together|se\s+sont\s+r[ée]unis|"
    r"встретил[иа]сь|собрал[иа]сь)\b"
)
# a header line that is a document's number and issue date: "SEC.GAL/58/24 11 March 2024"
_DOCUMENT_NUMBER = re.compile(r"\b[A-Z]{2,}(?:\.[A-Z]{2,})+/\d+(?:/\d+)?\b|\b[A-Z]{2,}\.[A-Z]+/")
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
    document's, else the first year written at the top."""
    if dateline is not None:
        return dateline.date.first.year
    if info is not None and info.date:
        return int(info.date[:4])
    found = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[: max(head, 600)])
    return int(found.group(0)) if found else 0


def _story_date(text: str, dateline: Dateline, year: int | None = None) -> DateMatch | None:
    """The meeting's own dates in a press release's story ("met ... on 3-4 November"): a date in a
    meeting sentence shortly before (or on) the dateline's day, which a story states more exactly."""
    day = dateline.date.first
    after = dateline.date.end
    for s, e in sentences(text, 0, min(len(text), after + 2000)):
        if e <= after:
            continue
        if not (_HELD.search(text, s, e) or _MEETING_WORD.search(text, s, e)):
            continue
        for d in find_dates(text, max(s, after), e, default_year=year):
            if d.start == dateline.date.start:
                continue
            if day - timedelta(days=45) <= d.last <= day and (d.is_range or d.first != day):
                return d
    return None


def _sentence_dates(
    text: str,
    end: int,
    dateline: Dateline | None,
    issued: str | None,
    year: int | None,
) -> DateMatch | None:
    """The date of the first sentence that says a meeting was (or will be) held, one that is not
    about a later meeting ("the next meeting will take place ...") when there is one."""
    later: DateMatch | None = None
    for s, e in sentences(text, 0, end):
        noun = _MEETING_WORD.search(text, s, e) is not None
        verb = noun and _VERB_OF_MEETING.search(text, s, e) is not None
        if not (verb or noun or _GATHERED.search(text, s, e)):
            continue
        ranges_only = noun and not verb and not _GATHERED.search(text, s, e)
        found = [
            d
            for d in find_dates(text, s, e, default_year=year)
            if (not ranges_only or d.is_range)
            and (dateline is None or d.start != dateline.date.start)
            and not (issued and not d.is_range and d.first.isoformat() == issued)
            and not _NOT_MEETING_DATE.search(text, max(s, d.start - 25), d.start)
        ]
        if not found:
            continue
        if dateline is not None and found[0].first > dateline.date.first:
            later = later or found[0]  # after the release: announced, not reported
        elif _FUTURE.search(text, s, found[0].start) and dateline is not None:
            later = later or found[0]
        else:
            return found[0]
    return later if dateline is None else None


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
    text: str, dates: DateMatch | None, source: str, dateline: Dateline | None
) -> DateMatch | None:
    """A single day made the event's span by its story: "ended in Ashgabat today" under a
    dateline, "opened yesterday", "concluded on 1 March" with "the two-day event" nearby."""
    if dates is None or dates.is_range:
        return dates
    day = dates.first
    if source == "dateline" and dateline is not None:
        s, e = sentence_at(text, min(len(text) - 1, dateline.date.end + 2))
        if _YESTERDAY.search(text, s, e):
            day -= timedelta(days=1)
        elif not _TODAY.search(text, s, e):
            return dates
    else:
        s, e = sentence_at(text, dates.start)
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


# a page's own date in digits on a header line ("18/04/2024", "20.05.2017"): when it was posted
_PUBLISHED_NUMERIC = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{4}")


def _subject_dates(
    text: str,
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
    issued = (
        info.date
        if info is not None and (info.type in ("report", "decision") or dateline is None)
        else None
    )
    # a press release's dateline dates the release; elsewhere a "Place, date" line dates the meeting
    released = dateline if info is None or info.type == "press_release" else None
    year = _year_hint(text, head, dateline, info) or None
    for line in lines(text, 0, head):
        s, e = clean_span(text, line.start, line.end)
        if _DOCUMENT_NUMBER.search(text, s, e):
            continue
        found = [
            d
            for d in find_dates(text, s, e)
            if not _NOT_MEETING_DATE.search(text, s, d.start)
            and not _body_and_date(text, s, d, register)
            and (released is None or d.start != released.date.start)
            and not (issued and not d.is_range and d.first.isoformat() == issued)
            and not _PUBLISHED_NUMERIC.fullmatch(d.text)
        ]
        if found and e - s < 80:
            return found[0], "header"
    if dateline is not None:
        story = _sentence_dates(text, min(len(text), head + 1500), dateline, issued, year)
        story = story or _story_date(text, dateline, year)
        if story is not None:
            return story, "sentence"
        return dateline.date, "dateline"
    found_date = _sentence_dates(text, len(text), None, issued, year)
    if found_date is not None:
        return found_date, "sentence"
    return None, ""


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
    text: str, date_span: tuple[int, int], register: Register
) -> tuple[str, tuple[int, int]] | None:
    """The venue named right before the meeting's dates in their sentence: "in Vienna on 9 and
    10 November", "à Strasbourg les 23 et 24 juin"; a register place, or a capitalised name
    when the dates follow it at once."""
    s, _ = sentence_at(text, date_span[0])
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
    text: str, date_span: tuple[int, int], register: Register
) -> tuple[str, tuple[int, int]] | None:
    """A register place right after "in", "à", "в" in the sentence of the meeting's dates, on
    either side of them: "from 2 to 6 October in Tashkent", "à Strasbourg", "в Душанбе"; a venue
    may stand before the city ("at the Hofburg Palace in Vienna")."""
    s, e = sentence_at(text, date_span[0])
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


def _place_in_meeting_sentence(text: str, register: Register) -> tuple[str, tuple[int, int]] | None:
    """A register place after "in", "à", "в" in one of the first meeting sentences that is not
    about a later meeting: "В Кишиневе началась встреча", "a seminar in Tashkent"."""
    for s, e in sentences(text, 0, min(len(text), 1500)):
        if not _MEETING_WORD.search(text, s, e) or _FUTURE.search(text, s, e):
            continue
        found = _place_after_preposition(text, (s, e), register)
        if found is not None:
            return found
    return None


def _subject_place(
    text: str,
    head: int,
    register: Register,
    date_span: tuple[int, int] | None,
    dateline: Dateline | None,
) -> tuple[str, tuple[int, int]] | None:
    venue = _VENUE.search(text)  # "Venue: Hotel Europe, Sarajevo" states the place outright
    if venue is not None:
        found = _find_place(
            text, venue.end(), text.find("\n", venue.end()) % (len(text) + 1), register
        )
        if found:
            return found[0], found[1:]
    if date_span is not None and (dateline is None or dateline.date.start != date_span[0]):
        stated = _place_in_sentence(text, date_span, register)  # "met in Chisinau on 13 and 14 ..."
        if stated is not None:
            return stated
        stated = _place_after_preposition(text, date_span, register)
        if stated is not None:
            return stated
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
    for s, e in sentences(text):
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
    told = _place_in_meeting_sentence(text, register)
    if told is not None:
        return told
    header = [clean_span(text, ln.start, ln.end) for ln in lines(text, 0, head) if not ln.blank]
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
    r"(?i)\b(?:virtual|online|hybrid)\s+(?:meeting|conference|event|format|session|mode)\b|"
    r"\b(?:held|took\s+place|take\s+place|met|convened|gathered|conducted)\s+(?:online|virtually|"
    r"remotely|(?:by|via)\s+video-?conferenc\w*|in\s+an?\s+(?:online|virtual|hybrid)\s+format)\b|"
    r"\b(?:by|via)\s+(?:video-?conferenc\w*|video\s+link|zoom|webex|(?:ms|microsoft)\s+teams)\b|"
    r"\b(?:s['’]est\s+tenue?s?|se\s+sont\s+r[ée]unis|a\s+eu\s+lieu)\s+en\s+ligne\b|"
    r"\bpar\s+visioconf[ée]rence\b|\ben\s+(?:format|mode)\s+(?:virtuel|hybride|en\s+ligne)\b|"
    r"\bв\s+(?:режиме|формате)\s+(?:видео-?конференц\w*|онлайн\w*|видеосвязи)|"
    r"\bв\s+(?:онлайн|онлайн-|гибридном|виртуальном|дистанционном|смешанном)\s*-?\s*формате|"
    r"\bонлайн-(?:совещани|конференци|семинар|встреч)\w*"
)
# a sentence about another meeting ("the next meeting will take place online"): not this one's format
_OTHER_MEETING = re.compile(
    r"(?i)\b(?:next|upcoming|forthcoming|follow-?up|subsequent|previous|prochaine?|"
    r"следующ\w*|предыдущ\w*)\b"
)


def _online(text: str, head: int) -> tuple[int, int] | None:
    for line in lines(text, 0, head):
        s, e = clean_span(text, line.start, line.end)
        if e - s < 60 and _ONLINE.search(text, s, e):
            if _AGENDA_ITEM.match(text, s, e) or _ONLINE_SUBJECT.search(text, s, e):
                continue
            return (s, e)
    for s, e in sentences(text):
        if _ONLINE_SENTENCE.search(text, s, e) and not _OTHER_MEETING.search(text, s, e):
            return (s, e)
    return None


@lru_cache(maxsize=8)
def _organisation_index(register: Register) -> dict[str, OrganisationEntry]:
    """Every name, acronym and alias (case-folded) -> its organisation; built once per register."""
    index: dict[str, OrganisationEntry] = {}
    for label, key in register.organisation_names():
        index.setdefault(label.strip().casefold(), register.organisations[key])
    return index


def _find_organisation(name: str, register: Register) -> OrganisationEntry | None:
    """`Register.find_organisation` through an index (it scans every name on each call)."""
    found = _organisation_index(register).get(name.strip().casefold())
    return found if found is not None else register.organisations.get(name)


def _cued_organisers(
    text: str, register: Register
) -> tuple[list[Organiser], list[tuple[int, int]]]:
    """Organisers from "(co-)organised by X and Y", "X and Y co-organised the meeting",
    "In co-ordination with X, Y organised ...", as register mentions."""
    mentions = organisation_mentions(text, register)
    found: list[Organiser] = []
    spans: list[tuple[int, int]] = []
    for m in _ORGANISED.finditer(text):
        s, e = sentence_at(text, m.start())
        verb = m.group(0).lower()
        if re.match(r"organi[sz]es", verb):  # "organizes meetings": a habit, not this meeting
            continue
        if verb.startswith("will") and _OTHER_MEETING.search(text, s, e):
            continue  # "X will host the next meeting": another meeting's organiser
        if re.search(r"\b(?:will|shall)\s+be\s+$", text[max(s, m.start() - 12) : m.start()]):
            continue  # "the third meeting will be hosted by X": another meeting's organiser
        by = re.match(r"\s+(?:jointly\s+)?(?:by|par)\s+", text[m.end() : m.end() + 14])
        if not by and (
            re.match(r"(?:at\s|[àa]\s|было|организ|соорг|по\s)", verb) or verb.endswith(":")
        ):
            by = m  # "at the invitation of X", "организовано X": the organisers follow
        comma = text.find(",", m.end(), e)
        held = comma != -1 and re.match(
            r",\s*(?:held|organi[sz]ed|hosted|convened|co-?organi[sz]ed)\b", text[comma:e]
        )
        if verb.startswith(("in ", "en ")) and held and text[s : m.start()].rstrip().endswith(","):
            clause_s, clause_e = s, comma  # "X, in co-operation with Y, held ...": both organise
        elif verb.startswith(("in ", "en ")):  # "In co-ordination with X, Y organised the meeting"
            if not _ORGANISING_VERB.search(text, s, e):
                continue
            comma = text.find(",", m.end(), e)
            clause_s, clause_e = m.end(), comma if comma != -1 else e
        elif by:
            clause_s = m.end()
            end_of = re.compile(r"[.;\n]") if verb.endswith(":") else _CLAUSE_END  # a list
            stop = end_of.search(text, clause_s, e)
            clause_e = stop.start() if stop else e
        elif _OBJECT_MEETING.match(text, m.end()):  # "X and Y co-organized the meeting"
            clause_s, clause_e = s, m.start()
        else:
            continue
        here = [x for x in mentions if clause_s <= x.start and x.end <= clause_e and x.key]
        if not here:
            continue
        spans.append((s, e))
        for x in here:
            entry = register.organisations.get(x.key) if x.key else None
            name = (entry.acronym or entry.name) if entry else x.name
            found.append(Organiser(name, x.key, x.start, x.end))
    return found, spans


_Count = tuple[int, tuple[int, int]]  # the number and the span that states it


def _counts(text: str) -> tuple[_Count | None, _Count | None]:
    """How many participants and how many States took part, each from its first statement."""
    participants: _Count | None = None
    states: _Count | None = None
    for s, e in sentences(text):
        seg = text[s:e]
        if participants is None:
            m = _PARTICIPANTS.search(seg)
            if m and not re.match(r"\s*(?:of which|percent|%)", seg[m.end() :]):
                participants = (_number(m.group("n")), (s + m.start(), s + m.end()))
        if states is None:
            m = _STATES.search(seg)
            if m:
                n = m.group("n") or m.group("n2") or m.group("n3")
                states = (_number(n), (s + m.start(), s + m.end()))
    return participants, states


def find_meetings(
    text: str,
    register: Register,
    *,
    info: DocumentInfo,
    dateline: Dateline | None = None,
    page_of: PageOf | None = None,
) -> tuple[list[Meeting], list[str]]:
    """The subject meeting (with its facts and evidence) and the meetings mentioned in passing."""
    warnings: list[str] = []
    head = header_end(text)

    def ev(s: int, e: int) -> Evidence:
        return evidence(text, s, e, page_of)

    titled = _subject_title(text, info, register, head)
    dates, source = _subject_dates(text, head, dateline, info, register)
    dates = _told_span(text, dates, source, dateline)
    if titled is None and dates is None:
        return [], warnings
    meeting = Meeting(role="subject", title=titled[0] if titled else None)
    if titled:
        meeting.facts["title"] = ev(*titled[1])
    if dates is not None:
        meeting.start_date, meeting.end_date = dates.first.isoformat(), dates.last.isoformat()
        meeting.evidence = meeting.facts["start_date"] = ev(dates.start, dates.end)
        meeting.facts["end_date"] = meeting.facts["start_date"]
    elif titled:
        meeting.evidence = meeting.facts["title"]
    online = _online(text, head)
    place = _subject_place(
        text, head, register, (dates.start, dates.end) if dates else None, dateline
    )
    if online is not None:
        meeting.online = True
        meeting.facts["online"] = ev(*online)
    elif place is not None:
        meeting.place = place[0]
        meeting.online = False
        meeting.facts["place"] = ev(*place[1])
    elif dates is not None and source != "dateline":
        # met on stated days with no word of being online: an in-person meeting
        meeting.online = False
        meeting.facts["online"] = ev(dates.start, dates.end)
    cued, cued_spans = _cued_organisers(text, register)
    organisers, spans = find_organisers(text, register, cued)
    spans = cued_spans + [sp for sp in spans if sp not in cued_spans]
    if meeting.title and titled:
        for body in organisers_of_title(meeting.title, register):
            if body not in organisers:
                organisers.insert(0, body)
                spans.insert(0, titled[1])
    if organisers:
        meeting.organisers = organisers
        meeting.facts["organisers"] = ev(*spans[0])
    participants, states = _counts(text)
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
    meetings += _mentioned(text, meeting, register, page_of)
    meetings += _listed(text, register, page_of)
    return meetings, warnings


_AFTER_NAME = re.compile(
    r"[\s,]*(?:(?:which\s+|that\s+)?(?:was\s+)?(?:held|took place|organi[sz]ed|convened)\s+)?"
    r"(?:in\s+(?P<place>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s*,?\s*)?(?:on\s+|from\s+)?$"
)


def _own_facts(
    text: str, phrase: MeetingPhrase, register: Register
) -> tuple[DateMatch | None, tuple[str, int, int] | None]:
    """The date and place written right after a meeting's name ("... held in Vienna on 4 March 2019")."""
    _, e = sentence_at(text, phrase.start)
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
    text: str, subject: Meeting, register: Register, page_of: PageOf | None
) -> list[Meeting]:
    out: list[Meeting] = []
    seen: set[str] = set()
    subject_title = (subject.title or "").lower()
    for p in meeting_phrases(text, places=_places(register)):
        caps = [w for w in re.findall(r"[\w’'/-]+", p.title) if _cap(w)]
        if len(caps) < 3:
            continue
        heading = subject.facts.get("title")
        if heading is not None and p.start < heading.end and heading.start < p.end:
            continue
        when, place = _own_facts(text, p, register)
        other_date = when is not None and when.first.isoformat() != subject.start_date
        if subject_title and not other_date:
            if fuzz.token_set_ratio(p.title.lower(), subject_title) >= 80:
                continue
            if fuzz.partial_ratio(p.title.lower(), subject_title) >= 90:
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
    out += _earlier(text, subject, register, page_of, taken=[m.evidence for m in out])
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
    text: str,
    subject: Meeting,
    register: Register,
    page_of: PageOf | None,
    *,
    taken: list[Evidence | None],
) -> list[Meeting]:
    out: list[Meeting] = []
    spans = [(ev.start, ev.end) for ev in taken if ev is not None]
    for found in _EARLIER.finditer(text):
        s, e = found.span()
        if any(a < e and s < b for a, b in spans):
            continue
        phrase = MeetingPhrase(s, e, found.group(0), named=False)
        when, place = _own_facts(text, phrase, register)
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


_LISTED = re.compile(
    rf"(?P<head>(?:[\w’'-]+\s+){{0,4}}?)(?P<noun>{_NOUNS})s\s*\((?P<items>[^()]{{4,200}})\)", re.I
)
_LISTED_CUE = re.compile(rf"(?:{_NOUNS})s\s*\(", re.I)  # cheap test before `_LISTED`
_LIST_ITEM = re.compile(
    r"(?P<place>[A-ZÀ-Þ][\w’'-]+(?:\s[A-ZÀ-Þ][\w’'-]+)?)\s+(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>(?:19|20)\d\d)"
)


def _listed_matches(text: str) -> list[re.Match[str]]:
    """`_LISTED` read only around its cue ("meetings ("), which few texts have: the pattern
    itself would be tried at every word of the text."""
    out: list[re.Match[str]] = []
    last_end = 0
    for cue in _LISTED_CUE.finditer(text):
        if cue.start() < last_end:
            continue
        line_start = text.rfind("\n", 0, cue.start()) + 1
        window = max(last_end, line_start, cue.start() - 200)
        for m in _LISTED.finditer(text, window, min(len(text), cue.end() + 220)):
            if m.start() >= last_end:
                out.append(m)
                last_end = m.end()
    return out


def _listed(text: str, register: Register, page_of: PageOf | None) -> list[Meeting]:
    """Earlier meetings listed by place and year: "co-ordination meetings (Pristina 2001, Sarajevo 2002)"."""
    out: list[Meeting] = []
    for m in _listed_matches(text):
        items = list(_LIST_ITEM.finditer(m.group("items")))
        if not items or len(items) != len(re.split(r"[,;]", m.group("items"))):
            continue
        head = re.sub(
            r"^(?:the|of|prior|previous|earlier|past)\s+", "", m.group("head").strip(), flags=re.I
        )
        while (
            dropped := re.sub(r"^(?:the|of|prior|previous|earlier|past)\s+", "", head, flags=re.I)
        ) != head:
            head = dropped
        noun = m.group("noun")
        base = f"{head} {noun}".strip()
        for item in items:
            s, e = m.start("items") + item.start(), m.start("items") + item.end()
            found = _find_place(text, s, s + len(item.group("place")), register)
            place = found[0] if found else item.group("place")
            meeting = Meeting(role="mentioned", title=f"{base}, {place}")
            meeting.evidence = meeting.facts["title"] = evidence(text, s, e, page_of)
            meeting.place, meeting.online = place, False
            meeting.facts["place"] = evidence(text, s, s + len(item.group("place")), page_of)
            out.append(meeting)
    return out
