"""Commitments described rather than named, resolved through the register's metadata.

"The Ljubljana Ministerial Council decision", "the 2006 Brussels decision on labour exploitation",
"Дополнение 2005 года к Плану действий ОБСЕ": a description is read into constraints (the kind
of act, the adopting body, place, year, the commitment it is an addendum to, words of its
subject) and looked up among the register's commitments (class, eli:passed_by, schema:location,
eli:date_document, thb:addendumTo, title). It resolves only when exactly one commitment meets
every constraint; otherwise the candidates are reported and the reference stays unresolved.
No phrase is listed here: the register's data decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..register import CommitmentEntry, Register

__all__ = [
    "Description", "Resolution", "body_in", "fits_subject", "head_kind", "read_description", "resolve",
]  # fmt: skip

# The head noun of a description and the register classes it can stand for.
_KINDS: dict[str, frozenset[str]] = {
    "decision": frozenset({"MinisterialCouncilDecision", "PermanentCouncilDecision"}),
    "declaration": frozenset({"MinisterialDeclaration"}),
    "action plan": frozenset({"ActionPlan"}),
    "addendum": frozenset({"Addendum"}),
    "convention": frozenset({"Convention"}),
}
_HEAD_KIND = [
    ("decision", re.compile(r"D[eé]cisions?|Решени\w*", re.I)),
    ("declaration", re.compile(r"D[eé]clarations?|Деклараци\w*", re.I)),
    ("action plan", re.compile(r"Action\s+Plans?|Plans?\s+d['’]action|План\w*\s+действий", re.I)),
    ("addendum", re.compile(r"Addend(?:um|ums|a)|Дополнени\w*", re.I)),
    ("convention", re.compile(r"Conventions?|Конвенци\w*", re.I)),
]
# Adopting bodies as written; "osce" and "coe" match any body of that organisation.
_BODIES = [
    ("osce-mc", re.compile(r"\bMinisterial(?:\s+Council)?\b|\bMC\b|Conseil\s+minist[eé]riel"
                           r"|Совета?\s+министров|(?-i:\bСМ\b)|\bминистерск\w*", re.I)),
    ("osce-pc", re.compile(r"\bPermanent\s+Council\b|\bPC\b|Conseil\s+permanent"
                           r"|Постоянн\w+\s+[сС]овет\w*|(?-i:\bПС\b)", re.I)),
    ("coe", re.compile(r"\bCouncil\s+of\s+Europe\b|\bCoE\b|Committee\s+of\s+Ministers"
                       r"|Conseil\s+de\s+l['’]Europe|Совета\s+Европы", re.I)),
    ("osce", re.compile(r"\bOSCE\b|\bОБСЕ\b|Organi[sz]ation\s+(?:for\s+Security\s+and\s+Co-?operation"
                        r"\s+in\s+Europe|pour\s+la\s+s[ée]curit[ée]\s+et\s+la\s+coop[ée]ration\s+en\s+Europe)"
                        r"|Организаци\w{1,2}\s+по\s+безопасности\s+и\s+сотрудничеству\s+в\s+Европе")),
]  # fmt: skip
_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/-])")
# what may follow the head and still belong to the description
_AFTER_YEAR = re.compile(
    r"\s*(?:,\s*)?(?:(?:adopted|agreed|signed)\s+(?:in\s+)?|of\s+|in\s+|from\s+|de\s+|en\s+|от\s+|\()?"
    r"((?:19|20)\d\d)\)?(?:\s*(?:года|г\.))?(?![\w/-])"
)
_AFTER_PLACE = re.compile(
    r"\s*(?:,\s*)?(?:(?:adopted|agreed|signed)\s+)?(?:of|in|at|de|à|в|на)?\s*"
)
_AFTER_BODY = re.compile(
    r"\s*(?:(?:adopted\s+by|of)\s+the\s+|adopt[ée]e?\s+par\s+(?:l['’]\s*|le\s+)?|du\s+|de\s+l['’]\s*)?"
)
# a body named at the end of a subject: "Plan d'action contre la traite ... de l'OSCE"
_BODY_OF = re.compile(r"(?:\bof\s+the|\bde\s+l['’]|\bdu)\s*$", re.I)
_AFTER_TO = re.compile(r"\s*(?:to\s+(?:the\s+)?|к\s+|au\s+|à\s+l['’]\s*)")
_AFTER_SUBJECT = re.compile(
    r"\s*(?:on|concerning|about|against|to\s+combat|sur|contre|pour\s+(?:lutter\s+contre|la\s+lutte"
    r"\s+contre|combattre)|visant\s+à\s+(?:lutter\s+contre|combattre)|relati(?:f|ve)\s+à|о|об|"
    r"против|по\s+борьбе\s+с|по\s+противодействию)\s+([^.;:!?\n()]{3,90})",
    re.I,
)
_SUBJECT_END = re.compile(
    r",|\b(?:and|as\s+well\s+as|и|et)\s+(?:the|its|his|her|their|le|la|les)\b"
    r"|\s(?:by|was|were|is|has|have|which|that|par|qui|est|a\s+été|был\w?|было)\s"  # a verb or agent
)
_STOP = {"with", "from", "that", "this", "their", "which", "including", "human", "beings"}


@dataclass(frozen=True)
class Description:
    """What a description says of a commitment; offsets are those of the text it was read in."""

    kind: str  # a key of _KINDS
    body: str | None = None
    places: tuple[tuple[str, int], ...] = ()  # (register place label, offset of the word)
    years: tuple[tuple[int, int], ...] = ()  # (year, offset)
    addendum_to: str | None = None
    subject: tuple[str, ...] = ()  # word stems of "on ..."
    end: int = 0  # where the description ends (after the head and what follows it)
    subject_end: int = 0  # where its subject ends (0 if it has none)

    @property
    def specific(self) -> bool:
        """Whether it says enough to pick a commitment (a place, a year or a parent; or its body
        and the words of its subject, which must then be the commitment's own: `resolve`)."""
        return bool(self.places or self.years or self.addendum_to or (self.body and self.subject))

    @property
    def by_subject(self) -> bool:
        """Whether only its body and subject say which commitment it is."""
        return not (self.places or self.years or self.addendum_to)


@dataclass(frozen=True)
class Resolution:
    """The outcome of a lookup: the symbol (if exactly one matched), how sure, and why."""

    symbol: str | None
    confidence: float
    note: str
    candidates: tuple[str, ...] = field(default=())
    used_subject: bool = False


def head_kind(head: str) -> str | None:
    """The kind of act a head noun names ("Decisions" -> "decision"), or None."""
    for kind, pattern in _HEAD_KIND:
        if pattern.fullmatch(head):
            return kind
    return None


@lru_cache(maxsize=8)
def _place_index(register: Register) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A regex of every place name of the register and the label each name stands for."""
    label_of: dict[str, str] = {}
    for p in register.places.values():
        for name in (p.label, *p.aliases):
            if len(name) >= 3:
                label_of.setdefault(name.casefold(), p.label)
    if not label_of:
        return None, label_of
    names = sorted(label_of, key=len, reverse=True)
    regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)
    return regex, label_of


def _places(text: str, offset: int, register: Register) -> list[tuple[str, int]]:
    regex, label_of = _place_index(register)
    if regex is None:
        return []
    return [
        (label_of[m.group(0).casefold()], offset + m.start())
        for m in regex.finditer(text)
        if m.group(0)[:1].isupper()
    ]


def _place_at(text: str, pos: int, register: Register) -> re.Match[str] | None:
    """A place name starting exactly at `pos` (capitalised), or None."""
    regex, _ = _place_index(register)
    m = regex.match(text, pos) if regex is not None else None
    return m if m is not None and m.group(0)[:1].isupper() else None


def _body(text: str) -> str | None:
    for key, pattern in _BODIES:
        if pattern.search(text):
            return key
    return None


def _trailing_body(words: str) -> tuple[str, int] | None:
    """A body that a subject ends on, after "of the" / "de l'" / "du": (key, where it starts)."""
    for key, pattern in _BODIES:
        for m in pattern.finditer(words):
            if _BODY_OF.search(words[: m.start()]):
                return key, m.start()
    return None


def body_in(text: str) -> list[str]:
    """The bodies a text names (keys of `_BODIES`, each once, in the order of that table)."""
    return [key for key, pattern in _BODIES if pattern.search(text)]


def _stems(words: str) -> tuple[str, ...]:
    out = []
    for w in re.findall(r"\w+", words.casefold()):
        if len(w) >= 4 and w not in _STOP and not w.isdigit():
            out.append(w[:6])
    return tuple(dict.fromkeys(out))


def read_description(
    text: str,
    start: int,
    head: re.Match[str],
    register: Register,
    aliases: list[tuple[int, int, str]],
) -> Description | None:
    """Read the description from `start` (its first qualifier) to the head and what follows it:
    a year ("of 2000", "2005 года"), a place, a body, "to <named commitment>", "on <subject>".
    `aliases` are (start, end, symbol) of commitments named in the text."""
    kind = head_kind(head.group(0))
    if kind is None:
        return None
    before = text[start : head.start()]
    places = _places(before, start, register)
    years = [(int(m.group(1)), start + m.start(1)) for m in _YEAR.finditer(before)]
    body = _body(before + " " + head.group(0))
    addendum_to, subject_end = None, 0
    subject: tuple[str, ...] = ()
    pos = head.end()
    while True:
        if m := _AFTER_YEAR.match(text, pos):
            years.append((int(m.group(1)), m.start(1)))
            pos = m.end()
            continue
        gap = _AFTER_PLACE.match(text, pos)
        if gap and (place := _place_at(text, gap.end(), register)):
            _, label_of = _place_index(register)
            places.append((label_of[place.group(0).casefold()], place.start()))
            pos = place.end()
            continue
        gap = _AFTER_BODY.match(text, pos)
        rest = text[gap.end() : gap.end() + 90] if gap else ""
        said = _body(rest[:40]) or _body(rest)  # a body's full name is long
        # the body right there: "of the Council of Europe", "du Conseil de l'Europe"
        lead = next((m for k, p in _BODIES if k == said and (m := p.match(rest))), None)
        if gap and said and body is None and lead:
            body, pos = said, gap.end() + lead.end()
            continue
        to = _AFTER_TO.match(text, pos)
        named = next((a for a in aliases if to and a[0] == to.end()), None)
        if kind == "addendum" and to and named:
            addendum_to, pos = named[2], named[1]
            continue
        break
    if m := _AFTER_SUBJECT.match(text, pos):
        words = m.group(1)
        cut = _SUBJECT_END.search(words)
        words = words[: cut.start()] if cut else words
        subject, subject_end = _stems(words), m.start(1) + len(words.rstrip())
        if body is None and (trailing := _trailing_body(words)) is not None:
            body = trailing[0]  # "... contre la traite des êtres humains de l'OSCE"
            subject = _stems(words[: trailing[1]])
    if not subject and body is not None:
        # the qualifiers before the head say what it is on ("the Anti-Trafficking Convention of
        # the Council of Europe"): their words, without the body's and the places'
        said = before
        for _, pattern in _BODIES:
            said = pattern.sub(" ", said)
        regex, _ = _place_index(register)
        said = regex.sub(" ", said) if regex is not None else said
        subject = _stems(_YEAR.sub(" ", said))
    return Description(
        kind=kind,
        body=body,
        places=tuple(places),
        years=tuple(years),
        addendum_to=addendum_to,
        subject=subject,
        end=pos,
        subject_end=subject_end,
    )


def _adopted(entry: CommitmentEntry) -> date | None:
    """The earliest day the register's date allows ("2017-12" -> 1 December 2017)."""
    if not entry.date:
        return None
    parts = entry.date.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                    int(parts[2][:2]) if len(parts) > 2 else 1)  # fmt: skip
    except (ValueError, IndexError):
        return None


def _meets(
    entry: CommitmentEntry, d: Description, kinds: frozenset[str], label_of: dict[str, str]
) -> bool:
    if not kinds & set(entry.kinds):
        return False
    if d.body and not (entry.body or "").startswith(d.body):
        return False
    if d.places:
        place = label_of.get((entry.place or "").casefold(), entry.place)
        if place is None or place.casefold() != d.places[0][0].casefold():
            return False
    if d.years and entry.year != d.years[0][0]:
        return False
    return not (d.addendum_to and entry.addendum_to != d.addendum_to)


def _covers(subject: tuple[str, ...], entry: CommitmentEntry) -> bool:
    """Whether the words of a subject are (nearly all, at least two) those of a commitment's names."""
    own = set(_stems(" ".join([entry.title or "", *entry.aliases])))
    hit = sum(1 for w in subject if w in own)
    return hit == len(subject) or (hit >= 2 and hit >= 0.6 * len(subject))


def fits_subject(subject: tuple[str, ...], symbol: str, register: Register) -> bool:
    """Whether subject stems (of `Description.subject`) are those of the named commitment."""
    entry = register.commitments.get(symbol)
    return entry is not None and _covers(subject, entry)


def _said(d: Description) -> str:
    parts = [f"{d.kind}"]
    if d.body:
        parts.append(f"body {d.body}")
    parts += [f"place {p}" for p, _ in d.places] + [f"year {y}" for y, _ in d.years]
    if d.addendum_to:
        parts.append(f"addendum to {d.addendum_to}")
    return ", ".join(parts)


def resolve(d: Description, register: Register, until: date | None = None) -> Resolution:
    """The one register commitment meeting every constraint of `d` (adopted by `until`, when
    given), or no symbol and the candidates. A Ministerial Council "decision" of a place where the
    register holds no such decision but exactly one declaration resolves to it, less surely."""
    _, label_of = _place_index(register)
    said = _said(d)
    entries = list(register.commitments.values())
    cands = [e for e in entries if _meets(e, d, _KINDS[d.kind], label_of)]
    confidence, how = 0.8, "the only register entry that matches"
    if not cands and d.kind in ("decision", "declaration") and d.body == "osce-mc" and d.places:
        acts = _KINDS["decision"] | _KINDS["declaration"]
        cands = [e for e in entries if _meets(e, d, acts, label_of)]
        confidence = 0.7
        how = f"no Ministerial Council {d.kind} matches; the only Ministerial Council act that does"
    corrected = {e.corrigendum_of for e in cands}
    cands = [e for e in cands if e.symbol not in corrected]  # a corrigendum replaces its original
    if until is not None and len(cands) > 1:
        dated = [e for e in cands if (a := _adopted(e)) is None or a <= until]
        if dated and len(dated) < len(cands):
            cands, confidence = dated, confidence - 0.05
            how += f" adopted by {until.isoformat()}"
    used_subject = False
    if d.by_subject and d.subject:
        # only the body and the subject's words: the subject must be the commitment's own
        # ("Convention on Action against Trafficking", not "Convention on Human Rights")
        cands = [e for e in cands if _covers(d.subject, e)]
        confidence, used_subject = confidence - 0.1, True
        how += " and whose names hold the subject's words"
    if len(cands) > 1 and d.subject:
        score = {
            e.symbol: len(set(d.subject) & set(_stems(" ".join([e.title or "", *e.aliases]))))
            for e in cands
        }
        best = max(score.values())
        top = [e for e in cands if score[e.symbol] == best]
        if best and len(top) == 1:
            cands, confidence, used_subject = top, confidence - 0.05, True
            how += " and whose title shares the subject's words"
    symbols = tuple(e.symbol for e in cands)
    if len(cands) == 1:
        return Resolution(symbols[0], round(confidence, 2), f"described as {said}: {how}",
                          symbols, used_subject)  # fmt: skip
    if not cands:
        return Resolution(None, 0.5, f"described as {said}: no register entry matches")
    return Resolution(
        None,
        0.5,
        f"described as {said}: {len(cands)} register entries match ({', '.join(symbols)})",
        symbols,
    )
