"""The names of meetings: capitalised phrases around an event noun, and the subject meeting's title
(a heading, a cue line, or the first meeting phrase), cleaned of document prefixes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import DocumentInfo
from ..register import Register
from .dates import find_dates
from .document import Document, as_document
from .meeting_dates import _GATHERED, _VERB_OF_MEETING, bracketed_heading
from .meeting_lexicon import _CUE_LINE, _MEETING_WORD, _NOUN, _OTHER_MEETING
from .meeting_places import _places
from .organisers import _ORGANISED
from .passages import clean_span

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


_RIGHT = re.compile(r"\s+(?:of|on|for|against|de|sur)\s+(?:the\s+)?(?=[A-Z])", re.I)
_RIGHT_WORD = re.compile(r"[\w’'/-]+|[^\w\s]")


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
        # right: "of/on/for" + capitalised words with connectors
        right = _RIGHT.match(text, e, end)  # in place: a slice to `end` is quadratic
        if right:
            pos = right.end()
            last = None
            prev = ""
            for t in _RIGHT_WORD.finditer(text, pos, end):
                w = t.group(0)
                if "\n" in text[last if last is not None else pos : t.start()]:
                    break
                is_place = w.lower() in places or re.fullmatch(r"(?:19|20)\d\d", w)
                if is_place and prev.lower() in {"in", "at", "of"} and last is not None:
                    break  # "... Rapporteurs in Strasbourg": the venue is not in the name
                if _cap(w):
                    last = t.end()
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


@lru_cache(maxsize=1)
def _chrome() -> re.Pattern[str]:
    """Page chrome at a headline's start (data/page_chrome.json), any number of its words."""
    path = resources.files("thbgraph.graph.extract") / "data" / "page_chrome.json"
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    words = {str(w) for lang, ws in data.items() if not lang.startswith("_") and isinstance(ws, list)
             for w in ws}  # fmt: skip
    alternation = "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"^(?:(?:{alternation})(?![\w-])[\s:|»>•·-]*)+", re.I)


def strip_chrome(title: str) -> str:
    """A headline without the page chrome before it ("Back", "Retour", "Home » Press » ...")."""
    if "»" in title:
        title = title.rsplit("»", 1)[1]
    stripped = _chrome().sub("", title.strip())
    return stripped if len(stripped) >= 8 else title.strip()


def _clean_title(raw: str, register: Register) -> str:
    title = strip_chrome(" ".join(raw.split()))
    title = _DOC_PREFIX.sub("", title)
    title = re.sub(r"\s*\([A-Z]{2,6}\)$", "", title)  # a trailing "(SEE)"
    if title.isupper():
        title = title_case(title, _acronyms(register))
    return title[:1].upper() + title[1:]


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


# an ordinal before an event noun: "47th", "25e", "25ème", "1re", "first", "vingt-neuvième"
_ORDINAL = re.compile(
    r"(?i)(?:\b\d{1,3}(?:st|nd|rd|th|e|ème|eme|er|re|ère|-?[йяе])?|\b(?:first|second|third|"
    r"fourth|fifth|premi[èe]re?|deuxi[èe]me|troisi[èe]me|перв\w+|втор\w+|трет\w+)|"
    r"\b[\w-]+i[èe]me)\s+(?:(?:plenary|plénière|annual|regional|joint|conjointe?|"
    r"пленарн\w+)\s+)?$"
)
_STOP = re.compile(
    r"\s(?:from|on|in|at|du\s+\d+|le\s+\d+|les\s+\d+|à|au|en|в|с\s+\d+|\d+)\b|[,;:(–—]|"
    r"\.(?=\s|$)|\s-\s"
)
_VERB_BEFORE = re.compile(
    r"(?i)\b(?:held|holds|hosted|kicked\s+off|opened|organi[sz]ed|convened|a\s+tenu|tient|"
    r"a\s+organisé|a\s+accueilli|состоял\w*|прош[её]л\w*|провел\w*|провёл\w*|началась|"
    r"начался|открыл\w*)\b"
)


def named_in_sentence(title: str) -> str:
    """A meeting's name out of a sentence that tells of it ("GRETA held its 47th plenary meeting
    from ..." -> "47th plenary meeting of GRETA"; "... kicked off the NGO Platform Meeting in
    Amsterdam" -> "NGO Platform Meeting"); any other title as it is."""
    verb = _VERB_BEFORE.search(title)
    if verb is None:
        return title
    noun = _NOUN.search(title, verb.end())
    if noun is None:
        return title
    start = noun.start()
    ordinal = _ORDINAL.search(title[verb.end() : start])
    if ordinal:
        start = verb.end() + ordinal.start()
    else:  # capitalised words before the noun belong to the name ("the NGO Platform Meeting")
        for w in reversed(list(re.finditer(r"[\w’'-]+", title[verb.end() : start]))):
            russian_adjective = re.fullmatch(
                r"[а-яё-]{3,}(?:ая|яя|ый|ий|ой|ое|ее|ые|ие)", w.group(0)
            )
            if not (w.group(0)[:1].isupper() or russian_adjective):
                break
            start = verb.end() + w.start()  # "началась региональная встреча"
    stop = _STOP.search(title, noun.end())
    name = title[start : stop.start() if stop else len(title)].strip()
    body = re.search(r"\(([A-ZА-Я]{2,10})\)|^(?:The\s+|Le\s+|La\s+)?([A-ZА-Я]{2,10})\b", title)
    if body and ordinal and name == title[start : noun.end()].strip():
        acronym = body.group(1) or body.group(2)
        joint = {"r": " du ", "m": " of "}.get(noun.group(0)[:1].lower(), " ")
        name = f"{name}{joint}{acronym}"
    return name[:1].upper() + name[1:] if len(name) >= 6 else title


def _subject_title(
    text: str | Document, info: DocumentInfo, register: Register, head: int
) -> tuple[str, tuple[int, int]] | None:
    doc = as_document(text)
    found = _titled(doc, info, register, head)
    if found is None:
        return None
    return named_in_sentence(found[0]), found[1]


def _titled(
    text: str | Document, info: DocumentInfo, register: Register, head: int
) -> tuple[str, tuple[int, int]] | None:
    doc = as_document(text)
    text = doc.text
    bracketed = bracketed_heading(doc, min(len(text), max(head, 3_000)))
    if bracketed is not None:
        (s, e), _ = bracketed
        noun = _NOUN.search(text, s, e)
        if noun is not None:
            ordinal = _ORDINAL.search(text[s : noun.start()])
            start = s + ordinal.start() if ordinal else noun.start()
            start, e = clean_span(text, start, e)
            return _clean_title(text[start:e], register), (start, e)
    if info.title and info.evidence and _NOUN.search(info.title) and len(info.title) < 200:
        ev = info.evidence
        at = text.find(info.title.split()[0], ev.start)
        span = clean_span(text, at, _title_end(text, at, info.title))
        if not re.search(
            r"\b(?:conclude[sd]?|open(?:s|ed)?|held|took|meets?|met|end(?:s|ed)?|gathered)\b",
            text[span[0] : span[1]],
        ):
            return _clean_title(text[span[0] : span[1]], register), span
    for line in doc.lines_in(0, head):
        s, e = doc.clean_line(line)
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
    return _own_sitting(doc)


# a body's own numbered sitting: "GRETA ... on the occasion of its 50th plenary meeting"
_OWN_SITTING = re.compile(
    r"(?i)\b(?:its|their|sa|son|leur)\s+(\d{1,3}(?:st|nd|rd|th|e|ème|eme|er|re)\s+"
    r"(?:plenary\s+|plénière\s+)?(?:meeting|session|réunion)(?:\s+plénière)?)\b"
)
_SITTING_REACH = 1_500


def _own_sitting(text: str | Document) -> tuple[str, tuple[int, int]] | None:
    """The numbered sitting of the body a sentence is about, named with the body's acronym
    ("50th plenary meeting of GRETA"), when the text names no meeting otherwise."""
    doc = as_document(text)
    text = doc.text
    for s, e in doc.sentences_until(min(len(text), _SITTING_REACH)):
        m = _OWN_SITTING.search(text, s, e)
        if m is None:
            continue
        body = re.findall(r"\b[A-Z]{3,8}\b", text[s : m.start()])
        if not body:
            continue
        joint = " du " if m.group(1).lower().rstrip().endswith(("réunion", "plénière")) else " of "
        return f"{m.group(1)}{joint}{body[-1]}", (m.start(1), m.end(1))
    return None


_TOLD_SENTENCES = 4  # how many sentences of a story's lead may tell of its meeting
_TOLD_TITLE = 160  # the longest name read out of such a sentence
_NOT_TOLD = ("publication_page", "decision")  # documents that tell of no meeting of their own


def told_meeting(text: str, info: DocumentInfo, head: int) -> tuple[str, tuple[int, int]] | None:
    """A meeting the lead of a story tells of without naming or dating it: one of its first
    sentences has an event noun and a verb of meeting ("Une conférence s'est tenue à Kiev les
    10 et 11 juin", "Танзила Нарбаева провела встречу с делегацией"), and is about no next or
    previous meeting. The name is the event noun's phrase ("conférence", "встречу с делегацией")."""
    if info.type in _NOT_TOLD:
        return None
    lead = head if head < len(text) // 2 else 0  # a short text is all header
    for k, (s, e) in enumerate(
        as_document(text).sentences_between(lead, min(len(text), lead + 2_000))
    ):
        if k >= _TOLD_SENTENCES:
            break
        noun = _MEETING_WORD.search(text, s, e)
        if noun is None or _OTHER_MEETING.search(text, s, e):
            continue
        if not (_VERB_OF_MEETING.search(text, s, e) or _GATHERED.search(text, s, e)):
            continue
        stop = _STOP.search(text, noun.end(), min(e, noun.start() + _TOLD_TITLE))
        end = stop.start() if stop else min(e, noun.start() + _TOLD_TITLE)
        start, end = clean_span(text, noun.start(), end)
        name = " ".join(text[start:end].split())
        return name[:1].upper() + name[1:], (start, end)
    return None
