"""Who organised the meeting a document is about: "organised by X and Y", "X held its 47th
meeting", "X, jointly with Y, conducted a workshop", "организованный Офисом программ ОБСЕ в
Душанбе", "an OSCE-organised course", and the body whose sitting the meeting is ("25e réunion du
Comité des Parties").

The cue words, the kinds of OSCE field operation and their places are data
(`data/organiser_words.json`, en/fr/ru). An organiser is named by its register acronym or name when
the register knows it, a field operation by its English name ("OSCE Programme Office in Dushanbe"),
any other body as written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..register import OrganisationEntry, Register
from .document import Document, as_document
from .inflection import stem, stem_pattern
from .meeting_lexicon import _NOUNS, _OTHER_MEETING, _alternation
from .organisations import OrgMention, organisation_mentions, outermost
from .spans import SpanIndex

__all__ = [
    "Organiser",
    "field_operations",
    "find_organisers",
    "organisers_of_title",
    "visiting_body",
]

_LANGS = ("en", "fr", "ru")
# how far a sentence is read for one cue, and how many organisers one document may give
_MAX_SENTENCE = 1_000
_MAX_ORGANISERS = 12
_MAX_NAME_WORDS = 12


@dataclass(frozen=True)
class Organiser:
    """One organiser: the name to print, its register key (None outside the register), the span."""

    name: str
    key: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    path = resources.files("thbgraph.graph.extract") / "data" / "organiser_words.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _words(kind: str) -> list[tuple[str, str]]:
    """(language, phrase) of one kind of cue, longest first."""
    out = [(lang, str(w)) for lang in _LANGS for w in _data()[lang].get(kind, [])]
    return sorted(out, key=lambda p: -len(p[1]))


def _phrase(lang: str, words: str) -> str:
    """A cue as a pattern: spaces match any space; a Russian cue's last word takes any ending."""
    parts = ["".join("['’]" if ch in "'’" else re.escape(ch) for ch in w) for w in words.split()]
    pattern = r"\s+".join(parts)
    if lang == "ru":
        return pattern + r"\w*"
    return pattern


def _cue_regex(kind: str) -> re.Pattern[str]:
    alternation = "|".join(_phrase(lang, w) for lang, w in _words(kind))
    end = r"(?!\w)" if kind != "by" else r"(?:(?!\w)|(?<=:))"
    return re.compile(rf"(?<![\w-])(?:{alternation}){end}", re.I)


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    return {kind: _cue_regex(kind) for kind in ("by", "with", "verbs")}


@lru_cache(maxsize=1)
def _adjective() -> re.Pattern[str] | None:
    words = [w for _, w in _words("adjectives")]
    if not words:
        return None
    return re.compile(r"\b([A-Z][A-Za-z/]{1,12})-(?:" + "|".join(map(re.escape, words)) + r")\b")


@lru_cache(maxsize=1)
def _event_noun() -> re.Pattern[str]:
    """Event nouns of meeting_words.json and the classic ones, as word starts."""
    path = resources.files("thbgraph.graph.extract") / "data" / "meeting_words.json"
    meeting_words: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    nouns = {
        "meeting", "conference", "seminar", "workshop", "forum", "round table", "roundtable",
        "round-table", "consultation", "dialogue", "summit", "symposium", "webinar", "session",
        "colloquium", "réunion", "conférence", "séminaire", "atelier", "table ronde", "visite",
        "colloque", "совещание", "конференци", "семинар", "встреч", "заседани", "тренинг",
        "круглый стол", "учени", "брифинг", "пресс-конференци", "debate", "débat", "plenary",
    }  # fmt: skip
    for lang in _LANGS:
        entry = meeting_words.get(lang)
        if isinstance(entry, dict):
            nouns.update(str(w) for w in entry.get("nouns", []))
    alternation = "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(nouns, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternation})", re.I)


# ------------------------------------------------------------------ OSCE field operations


@lru_cache(maxsize=1)
def _field_places() -> dict[str, str]:
    """Every name of a field operation's place (lower case; Russian by stem) -> English."""
    names: dict[str, str] = {}
    for english, others in _data()["field_places"].items():
        for name in (english, *others):
            names.setdefault(_place_key(str(name)), english)
    return names


def _place_key(name: str) -> str:
    return " ".join(stem(w) for w in name.split()).casefold()


@lru_cache(maxsize=1)
def _field_regex() -> re.Pattern[str]:
    """'OSCE <kind> in|to <Place>' in en/fr/ru, and 'OSCE <Place> Field Office'."""
    kinds = _data()["field_operations"]
    en = "|".join(map(re.escape, sorted(kinds["en"], key=len, reverse=True)))
    fr = "|".join(map(re.escape, sorted(kinds["fr"], key=len, reverse=True)))
    ru = "|".join(
        r"\s+".join(stem_pattern(w) for w in k.split())
        for k in sorted(kinds["ru"], key=len, reverse=True)
    )
    place = r"[A-ZÀ-ÞА-ЯЁ][\w’'-]+(?:\s(?:and\s|и\s)?[A-ZÀ-ÞА-ЯЁ][\w’'-]+)?"
    return re.compile(
        rf"\bOSCE\s+(?P<en>{en})\s+(?:in|to)\s+(?:the\s+)?(?P<enp>{place})"
        rf"|\bOSCE\s+(?P<fo>[A-Z][\w-]+)\s+Field\s+Office\b"
        rf"|\b(?P<fr>{fr})\s+de\s+l['’]OSCE\s+(?:à|en|au|aux|pour\s+l['’]|pour\s+la|pour\s+le)\s*(?P<frp>{place})"
        rf"|(?<!\w)(?P<ru>{ru})\s+ОБСЕ\s+(?:в|во|по)\s+(?P<rup>{place})"
    )


def _english_place(written: str) -> str | None:
    places = _field_places()
    found = places.get(_place_key(written))
    if found is None and " " in written:
        found = places.get(_place_key(written.split()[0]))
    return found


def _ru_kind(written: str) -> str | None:
    for kind, english in sorted(
        _data()["field_operations"]["ru"].items(), key=lambda p: -len(p[0])
    ):
        if re.fullmatch(r"\s+".join(stem_pattern(w) for w in kind.split()), written, re.I):
            return str(english)
    return None


def field_operations(text: str, start: int = 0, end: int | None = None) -> list[Organiser]:
    """The OSCE field operations named in text[start:end], by their English names."""
    end = len(text) if end is None else end
    out: list[Organiser] = []
    for m in _field_regex().finditer(text, start, end):
        kinds = _data()["field_operations"]
        if m.group("en"):
            kind = kinds["en"][m.group("en")]
            written = re.sub(r"[’']s$", "", m.group("enp"))  # "OSCE Office in Tajikistan's work"
            place = _english_place(written) or written
            span_end = m.start("enp") + len(written)
            if _english_place(written) is None and " " in written:
                place = written.split()[0]  # "OSCE Centre in Astana Stefan ..."
                span_end = m.start("enp") + len(place)
            name = f"OSCE {kind} {place}"
        elif m.group("fo"):
            name, span_end = f"OSCE {m.group('fo')} Field Office", m.end()
        elif m.group("fr"):
            english = _english_place(m.group("frp"))
            if english is None:
                continue
            name, span_end = f"OSCE {kinds['fr'][m.group('fr')]} {english}", m.end("frp")
        else:
            english = _english_place(m.group("rup"))
            kind = _ru_kind(m.group("ru"))
            if english is None or kind is None:
                continue
            name, span_end = f"OSCE {kind} {english}", m.end("rup")
        out.append(Organiser(name, None, m.start(), span_end))
    return out


# ------------------------------------------------------------------ names in a clause


@lru_cache(maxsize=1)
def _drop() -> re.Pattern[str]:
    words = sorted({w for _, w in _words("drop")}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:(?:{alternation})(?:\s+|(?<=['’])))+", re.I)


_CONNECTORS = frozenset(
    [
        "of",
        "for",
        "in",
        "to",
        "on",
        "the",
        "and",
        "against",
        "de",
        "du",
        "des",
        "la",
        "le",
        "l",
        "d",
        "à",
        "en",
        "et",
        "pour",
        "sur",
        "contre",
    ]
)
_SEPARATOR = re.compile(r",\s*|;\s*|\s+(?:and|et|as well as|ainsi que)\s+|\s+и\s+")
_WORD = re.compile(r"[\w’'`./-]+|\(|\)")


def _name_in(piece: str) -> str | None:
    """The capitalised name a piece of a list of organisers holds, or None."""
    piece = _drop().sub("", piece.strip())
    words = _WORD.findall(piece)
    kept: list[str] = []
    for w in words:
        bare = w.strip("’'")
        if w in "()":
            break
        if (
            bare[:1].isupper()
            or (bare[:1].isdigit() and kept)
            or (bare.lower().rstrip("’'") in _CONNECTORS and kept)
        ):
            kept.append(w)
        else:
            break
        if len(kept) > _MAX_NAME_WORDS:
            return None
    while kept and kept[-1].lower().rstrip("’'") in _CONNECTORS:
        kept.pop()
    if not kept or not kept[0][:1].isupper() or re.search(r"[А-Яа-яЁё]", kept[0]):
        return None
    if len(kept) < 2 or not any(w in _heads() for w in kept):
        return None  # "Today", "TALDYKORGAN", a person, a bare "Comité": not a body
    name = " ".join(kept)
    return name if len(name) >= 3 else None


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(w for h in _data()["heads"] for w in str(h).split())


def _in_clause(
    text: str, s: int, e: int, mentions: list[OrgMention], register: Register
) -> list[Organiser]:
    """The organisers named in text[s:e]: field operations, register bodies, then any other
    capitalised name of the list."""
    found: list[Organiser] = []
    for m in mentions:
        if s <= m.start and m.end <= e and m.key is not None:
            entry = register.organisations.get(m.key)
            name = (entry.acronym or entry.name) if entry else m.name
            found.append(Organiser(name, m.key, m.start, m.end))
        elif s <= m.start and m.end <= e and _quoted(m):
            found.append(Organiser(m.name, None, m.start, m.end))  # "the NGO 'Modar'"
    for f in field_operations(text, s, e):
        if not any(
            (o.start < f.end and f.start < o.end and len(o.name) >= len(f.name) - 8)
            or (o.start <= f.start and f.end <= o.end)
            for o in found
        ):
            entry = _find(register, f.name)
            if entry is not None:
                f = Organiser(entry.acronym or entry.name, entry.key, f.start, f.end)
            found = [o for o in found if not (f.start <= o.start and o.end <= f.end)] + [f]
    pos = s
    for sep in [*_SEPARATOR.finditer(text, s, e), None]:
        piece_end = sep.start() if sep else e
        if not any(f.start < piece_end and pos < f.end for f in found):
            written = _name_in(text[pos:piece_end])
            if written is not None:
                entry = _known(register, written)
                found.append(
                    Organiser(entry.acronym or entry.name, entry.key, pos, piece_end)
                    if entry is not None
                    else Organiser(written, None, pos, piece_end)
                )
        pos = sep.end() if sep else e
    return sorted(found, key=lambda o: o.start)


# ------------------------------------------------------------------ the document


def find_organisers(
    text: str | Document, register: Register, first: list[Organiser] | None = None
) -> tuple[list[str], list[tuple[int, int]]]:
    """The organisers of the meeting a text is about, most specific first, and the sentences
    that name them; `first`: organisers another reading found, kept before these."""
    doc = as_document(text)
    text = doc.text
    mentions = outermost(
        [m for m in organisation_mentions(text, register) if m.key is not None or _quoted(m)]
    )
    cues = _cues()
    found: list[Organiser] = list(first or [])
    spans: list[tuple[int, int]] = []
    for s, e in doc.sentences_until():
        e = min(e, s + _MAX_SENTENCE)
        here: list[Organiser] = []
        for m in cues["by"].finditer(text, s, e):
            before = text[max(s, m.start() - 16) : m.start()]
            if re.search(r"\b(?:will|shall)\s+be\s+$|\bto\s+be\s+$|\bwill\s+$", before):
                continue  # "the next meeting will be hosted by X": another meeting's organiser
            here += _list_after(text, m.end(), e, mentions, register)
        for m in cues["verbs"].finditer(text, s, e):
            after = text[m.end() : min(e, m.end() + 120)]
            if re.match(r"\s+(?:jointly\s+)?(?:by|par)\b", after):
                continue  # "organised by X": the cue above reads it
            noun = _event_noun().search(after)
            if noun is None or len(after[: noun.start()].split()) > 8:
                continue  # "X held talks", "X launched a project": not a meeting
            subject = _subject(text, s, m.start(), mentions, register)
            here += subject
            if subject:
                with_cue = cues["with"].search(text, s, m.start())
                if with_cue:
                    here += _list_after(text, with_cue.end(), m.start(), mentions, register)
        for m in cues["with"].finditer(text, s, e):
            if cues["verbs"].search(text, s, e) is None and not here:
                continue
            here += _list_after(text, m.end(), e, mentions, register)
        adjective = _adjective()
        if adjective is not None:
            for m in adjective.finditer(text, s, e):
                entry = _find(register, m.group(1))
                if entry is not None:
                    here.append(
                        Organiser(entry.acronym or entry.name, entry.key, m.start(), m.end(1))
                    )
        if here:
            spans.append((s, e))
            found += here
        if len(found) >= _MAX_ORGANISERS:
            break
    return _names(text, found, register), spans


# what ends a list of organisers: a full stop (not the dots of "U.S."), a dash, a relative clause
_LIST_STOP = re.compile(
    r"(?<!\b[A-Z])\.|[;\n]|\s[–—]\s|\b(?:which|who|where|that|qui|которы\w*)\b|\s\d"
)


_DASH = re.compile(r"[ \t]*[–—:][ \t]+")
_ONE_WORD = re.compile(r"[ \t]+[^\W\d_]+")


def _after_dash(text: str, start: int, e: int) -> int:
    """Where a list opened by a dash begins: "Организатор тренинга — фонд «X»" (a cue, at most
    two words, a dash or colon); `start` itself otherwise."""
    pos = start
    for _ in range(3):
        dash = _DASH.match(text, pos, e)
        if dash is not None:
            return dash.end()
        word = _ONE_WORD.match(text, pos, e)
        if word is None:
            break
        pos = word.end()
    return start


def _list_after(
    text: str, start: int, e: int, mentions: list[OrgMention], register: Register
) -> list[Organiser]:
    """The organisers listed from `start` to the clause's end."""
    start = _after_dash(text, start, e)
    stop = _LIST_STOP.search(text, start, e)
    end = stop.start() if stop else e
    listed = _in_clause(text, start, end, mentions, register)
    # a list ends at the first piece that is not a name ("by X and Y on 5 May in ...")
    out: list[Organiser] = []
    for o in listed:
        gap = text[out[-1].end : o.start] if out else text[start : o.start]
        gap = _cues()["with"].sub(" ", gap)  # "by X jointly with Y"
        if out and not re.fullmatch(
            r"[\s,]*(?:(?:and|et|и|as well as|ainsi que|with|avec|с)\s+)?"
            r"(?:the\s+|la\s+|le\s+|les\s+|l['’]|\w+\s+)?[\s,]*",
            gap,
        ):
            break
        if not out and len(_loose_words(gap)) > 4:
            break  # "implemented by its partner, the NGO (NGO) X": the words of 'drop' do not count
        out.append(o)
    return out


@lru_cache(maxsize=1)
def _drop_anywhere() -> re.Pattern[str]:
    words = sorted({w for _, w in _words("drop")}, key=len, reverse=True)
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _loose_words(gap: str) -> list[str]:
    """The words between a cue and the first organiser that are not 'drop' words."""
    return re.findall(r"\w[\w’'-]*", _drop_anywhere().sub(" ", gap))


# a clause that opens on its place: "В Намангане, ...", "In Osh, ...", "À Lyon, ..."
_PLACE_OPENER = re.compile(
    r"(?:В|Во|In|At|À|A)\s+[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?:\s[A-ZÀ-ÞА-ЯЁ][\w'’-]+)?,\s+"
)


_INNER = re.compile(
    r"\b([A-ZÀ-Þ][\w-]+)\s+(?:[\w’'-]+\s+){0,3}?(?:between|entre|of|du|de\s+la|de\s+l['’]|des|de)\s+"
    r"(?:the\s+|le\s+|la\s+|l['’])?$"
)


def _subject(
    text: str, s: int, verb: int, mentions: list[OrgMention], register: Register
) -> list[Organiser]:
    """The organisers that are the subject of a verb at `verb`: the bodies before it in its
    clause ("On 5 May, the OSCE Centre in Astana held ..."; "X and Y held ...")."""
    clause_s = s
    dash = list(re.finditer(r"\s[–—-]\s", text[s:verb]))
    if dash:
        s = clause_s = s + dash[-1].end()  # "ASHGABAT, 11 April 2014 – The OSCE Centre held"
    opener = _PLACE_OPENER.match(text, s, verb)
    if opener is not None:
        s = clause_s = opener.end()  # "В Намангане, УНП ООН ... провели": not a body
    for m in re.finditer(r",\s", text[s:verb]):
        tail = text[s + m.end() : verb]
        if not re.match(r"\s*(?:jointly|together|in\s+co|en\s+co|совместно)", tail):
            head = re.sub(r"^\s*\d+[.)]\s", "", text[s : s + m.start()])  # "1. Le Groupe"
            if re.search(r"\d", head) and not any(
                s <= x.start < s + m.start() for x in mentions if x.key
            ):
                clause_s = s + m.end()  # "On 16 June 2025, the OSCE ... held"
    cut = re.search(
        r",\s*(?:jointly|together|in\s+co|en\s+co|совместно|в\s+сотрудничестве)",
        text[clause_s:verb],
    )
    clause_e = clause_s + cut.start() if cut else verb
    apposition = text.find(", ", clause_s, clause_e)
    if apposition != -1:
        clause_e = apposition  # "X, set up in 2004 by Y and Z, held": X
    found = _in_clause(text, clause_s, clause_e, mentions, register)
    # "The Co-ordination Group between the CoE and the OSCE held": neither CoE nor OSCE
    kept: list[Organiser] = []
    dropped: Organiser | None = None
    for o in found:
        before = text[max(clause_s, o.start - 60) : o.start]
        inner = _INNER.search(before)
        if o.key is not None and inner and any(w in _heads() for w in inner.group(0).split()):
            dropped = o
            continue
        if dropped is not None and re.fullmatch(
            r"\s+(?:and|et|и)\s+(?:the\s+|l['’]|la\s+|le\s+)?", text[dropped.end : o.start]
        ):
            dropped = o
            continue
        kept.append(o)
    return kept


def _quoted(m: OrgMention) -> bool:
    """A body outside the register named in quotes after its kind ("фонд «Каритас Харьков»")."""
    return m.key is None and m.name != m.text and bool(re.search(r"[«“\"'‘]", m.text))


def _known(register: Register, name: str) -> OrganisationEntry | None:
    """The register body a name read in a list stands for: by any of its names, or as the start
    of its full name ("Office of the OSCE Special Representative")."""
    entry = _find(register, name)
    if entry is not None or len(name.split()) < 4:
        return entry
    wanted = name.casefold() + " "
    for label, key in register.organisation_names():
        if label.casefold().startswith(wanted):
            return register.organisations[key]
    return None


def _find(register: Register, name: str) -> OrganisationEntry | None:
    found = register.find_organisation(name)
    return found if found is not None else register.organisations.get(name)


def _names(text: str, found: list[Organiser], register: Register) -> list[str]:
    """Distinct names in order; a unit's parent dropped ('OSCE' with 'OSR/CTHB' or a field
    operation), a bare 'OSCE' made the one field operation the document names."""
    names: list[str] = []
    keys: dict[str, str | None] = {}
    for o in found:
        if o.name not in names:
            names.append(o.name)
            keys[o.name] = o.key
    if not names:
        return []
    ancestors: set[str] = set()
    for n in names:
        entry = register.organisations.get(keys[n] or "") or _find(register, n)
        parent = entry.parent if entry else None
        while parent is not None and parent not in ancestors:
            ancestors.add(parent)
            parent_entry = register.organisations.get(parent)
            parent = parent_entry.parent if parent_entry else None
    if any(n.startswith("OSCE ") and keys[n] is None for n in names):
        ancestors.add("osce")
    if "osce" in {keys[n] for n in names} and "osce" not in ancestors:
        operations = {o.name for o in field_operations(text)}
        if len(operations) == 1:
            (only,) = operations
            names = [only if keys[n] == "osce" else n for n in names]
            keys[only] = None
    out: list[str] = []
    for n in names:
        entry = register.organisations.get(keys.get(n) or "") or _find(register, n)
        if entry is not None and entry.key in ancestors:
            continue
        if n not in out:
            out.append(n)
    return out[:_MAX_ORGANISERS]


def organisers_of_title(title: str, register: Register) -> list[str]:
    """The body whose sitting a meeting's name says it is ("47th meeting of GRETA", "25e réunion
    du Comité des Parties"), by its register name; empty when the register does not know it."""
    bodies = "|".join(
        r"\s+".join(map(re.escape, w.split()))
        for _, w in sorted(_words("bodies"), key=lambda p: -len(p[1]))
    )
    m = re.search(
        rf"(?i)\b(?:{bodies})\s+(?:of\s+the\s+|of\s+|du\s+|de\s+la\s+|de\s+l['’]|des\s+|de\s+)(?P<body>[^()\n]+)",
        title,
    )
    if m is None:
        return []
    body = m.group("body").strip(" ,.")
    for mention in outermost(organisation_mentions(body, register)):
        rest = body[mention.end :]
        if rest[:1].isalpha() or re.match(r"\s+[A-ZÀ-Þ]", rest):
            continue  # "OSCE Missions in ...", "OSCE Mission Staff": not the body itself
        if mention.key is not None and mention.start == 0:
            entry = register.organisations.get(mention.key)
            if entry is not None:
                return [entry.acronym or entry.name]
    entry = _find(register, body)
    return [entry.acronym or entry.name] if entry is not None else []


# ------------------------------------------------------------------ the first reading: cue and clause


_ORGANISED = re.compile(
    r"\b(?:(?:jointly\s+|co-?)?organi[sz](?:ed|es)|co-?host(?:ed|s)|hosted|convened|"
    r"in\s+co-?operation\s+with|in\s+co-?ordination\s+with|in\s+partnership\s+with|"
    r"will\s+(?:co-?)?(?:organi[sz]e|host|convene)|"
    r"(?:co-?)?organis[ée]e?s?(?=\s+(?:[\w’'-]+\s+){0,5}?par\b)|en\s+coop[ée]ration\s+avec|"
    r"at\s+the\s+invitation\s+of|[àa]\s+l['’]invitation\s+(?=d)|"
    r"(?:было\s+)?(?:со)?организ(?:ова|у)\w*|по\s+приглашению)\b|"
    r"\b(?:organi[sz]ers?|organisateurs?|организаторы?)\s*:",
    re.I,
)


_ORGANISING_VERB = re.compile(r"\b(?:co-?)?organi[sz]ed\b|\bco-?hosted\b|\bhosted\b|\bconvened\b")


_OBJECT_MEETING = re.compile(
    rf"\s+(?:the|this|a|an)?\s*(?:[\w’'-]+\s+){{0,8}}?(?:{_NOUNS})\b", re.I
)


_CLAUSE_END = re.compile(
    r"[.;\n]|,\s(?!and\b)|\b(?:in line with|in order|in accordance|with the (?:support|participation|aim)|"
    r"to (?:discuss|address|identify|exchange|promote|review)|which|where|who|under|"
    r"conform[ée]ment|dans le cadre|в соответствии|согласно|в рамках)\b"
)


# "organised by", "jointly organised for the fourth year by", "organisé conjointement pour la
# quatrième année par": a few words may stand between the verb and its agent
_BY_AFTER = re.compile(r"\s+(?:[\w’'-]+\s+){0,5}?(?:by|par)\s+(?=\S)", re.I)


# the joint between two items of a list of bodies: ", ", ", and the ", " et l'"
# what may stand between two bodies of a list: commas, "and", the rest of a name the register
# knows in part ("UN Office on Drugs and Crime"), articles; no other word, no full stop
_LIST_GAP = re.compile(
    r"(?:[\s,]|[A-ZÀ-Þ][\w.’'&-]*|(?:of|on|and|for|in|the|de|du|des|la|le|les|et|и)(?=\s)|l['’])*"
)


_LIST_JOINT = re.compile(r",|\s(?:and|et|и)\s")


def _list_end(text: str, end: int, limit: int, index: SpanIndex[OrgMention]) -> int:
    """The end of a list of bodies that runs on past `end` ("in co-operation with the Interior
    Ministry, UNODC, IOM and the OSCE Centre in Bishkek"): item after item, while only names,
    commas and "and" stand between a body and the next."""
    while end < limit:
        following = index.inside(end, min(limit, end + 120))
        nxt = min((x for x in following if x.start >= end), key=lambda x: x.start, default=None)
        if nxt is None or not _LIST_JOINT.search(text, end, nxt.start):
            return end
        if not _LIST_GAP.fullmatch(text, end, nxt.start):
            return end
        end = nxt.end
    return end


def _cued_organisers(
    text: str | Document, register: Register
) -> tuple[list[Organiser], list[tuple[int, int]]]:
    """Organisers from "(co-)organised by X and Y", "X and Y co-organised the meeting",
    "In co-ordination with X, Y organised ...", as register mentions."""
    doc = as_document(text)
    text = doc.text
    mentions = organisation_mentions(text, register)
    index = SpanIndex(mentions, lambda x: (x.start, x.end))
    found: list[Organiser] = []
    spans: list[tuple[int, int]] = []
    for m in _ORGANISED.finditer(text):
        s, e = doc.sentence_at(m.start())
        verb = m.group(0).lower()
        if re.match(r"organi[sz]es", verb):  # "organizes meetings": a habit, not this meeting
            continue
        if verb.startswith("will") and _OTHER_MEETING.search(text, s, e):
            continue  # "X will host the next meeting": another meeting's organiser
        if re.search(r"\b(?:will|shall)\s+be\s+$", text[max(s, m.start() - 12) : m.start()]):
            continue  # "the third meeting will be hosted by X": another meeting's organiser
        by = _BY_AFTER.match(text, m.end(), min(e, m.end() + 60))
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
        if verb.startswith(("in ", "en ", "в ")) or by:
            clause_e = _list_end(text, clause_e, e, index)  # "..., UNODC, IOM and the OSCE Centre"
        elif _OBJECT_MEETING.match(text, m.end()):  # "X and Y co-organized the meeting"
            clause_s, clause_e = s, m.start()
        else:
            continue
        here = [x for x in index.inside(clause_s, clause_e) if x.key]
        if not here:
            continue
        spans.append((s, e))
        for x in here:
            entry = register.organisations.get(x.key) if x.key else None
            name = (entry.acronym or entry.name) if entry else x.name
            short = _short_operation(text, x, register) if x.key == "osce" else None
            found.append(short or Organiser(name, x.key, x.start, x.end))
    return found, spans


def _short_operation(text: str, x: OrgMention, register: Register) -> Organiser | None:
    """ "the OSCE Presence" in a text that names one OSCE Presence in full ("OSCE Presence in
    Albania"): that field operation, not the OSCE as a whole."""
    kinds = _data()["field_operations"]["en"]
    after = re.match(
        r"\s+("
        + "|".join(map(re.escape, sorted(kinds, key=len, reverse=True)))
        + r")\b(?!\s+(?:in|to)\b)",
        text[x.end : x.end + 40],
    )
    if after is None:
        return None
    kind = kinds[after.group(1)]
    named = {o.name for o in field_operations(text) if o.name.startswith(f"OSCE {kind} ")}
    if len(named) != 1:
        return None
    (only,) = named
    entry = _find(register, only)
    key = entry.key if entry is not None else None
    name = (entry.acronym or entry.name) if entry is not None else only
    return Organiser(name, key, x.start, x.end + after.end())


# "visit of GRETA", "визит экспертов ГРЕТА", "visite du GRETA": the body named after a visit noun
_VISIT_OF = re.compile(
    rf"(?i)\b(?:{_alternation('visits')})\b(?:\s+(?:of|by|du|de|des|de\s+la|d['’]|the|la|le|l['’]|"
    r"delegation|délégation|экспертов|делегации|представителей|members?|membres?|experts?))*\s*"
)
_VISIT_REACH = 1_500


def visiting_body(text: str, register: Register) -> tuple[str, tuple[int, int]] | None:
    """The body a visit is of ("evaluation visit of GRETA", "визит экспертов ГРЕТА в
    Белоруссию", "GRETA's visit"), by its register name: the organiser of a country visit."""
    reach = min(len(text), _VISIT_REACH)
    mentions = [m for m in organisation_mentions(text, register) if m.key and m.start < reach]
    for visit in _VISIT_OF.finditer(text, 0, reach):
        for m in mentions:
            if m.start == visit.end():
                entry = register.organisations.get(m.key or "")
                if entry is not None:
                    return entry.acronym or entry.name, (visit.start(), m.end)
    return None
