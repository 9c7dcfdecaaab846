"""Citations of commitments: by symbol, by a name the register knows, or unresolved by name.

One Citation per occurrence. Symbols come from the grammar in `symbols.py` (numbers of
circulars and journals, `SEC.GAL/...`, `PC.JOUR/...`, only when the register lists them); names
from the register's `commitment_aliases()` (case-insensitive, whole words, longest first, never inside a
span already read as a symbol); descriptions ("the Ljubljana Ministerial Council decision", "the
Vienna and Porto OSCE Ministerial Decisions", one citation per place or year they coordinate) through
the register's metadata (`described.py`, method `description`: kind, body, place, year, parent,
and a subject whose words must be the commitment's own when nothing else says which); an action
plan or convention that only its sentence describes ("... de l'OSCE ... en 2003, ... ont adopté
un plan d'action") by the one body and the nearest year that sentence names, unless a word makes
it another authority's text (`not_ours` in data/citation_cues.json); what none or several
commitments fit is kept unresolved with its passage. Symbols of other organisations' instruments
(EU directives) are kept unresolved unless the register lists them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib import resources

from rdflib import URIRef

from ..model import Citation
from ..register import Register
from .described import Description, body_in, fits_subject, head_kind, read_description, resolve
from .inflection import declined, stem_pattern
from .passages import PageOf
from .symbols import find_symbols

__all__ = ["find_citations", "flag_anachronisms"]

_ELI_DATE = URIRef("http://data.europa.eu/eli/ontology#date_document")

_ARTICLE = re.compile(
    r"\bArt(?:icle|\.)\s?(?P<num>\d{1,3}[a-z]?(?:\s?\(\d{1,2}\))*(?:\s?\([a-z]\))?)", re.I
)


def _office_pattern() -> re.Pattern[str]:
    """Names of offices and bodies that end where a commitment's name starts, from
    `data/citation_cues.json` ("Committee of the Parties to the Convention ..." names a body)."""
    path = resources.files("thbgraph.graph.extract") / "data" / "citation_cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    parts = [p for forms in data["office_before"].values() for p in forms]
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in parts) + r")\s+$")


_OFFICE = _office_pattern()


def _not_ours() -> tuple[frozenset[str], frozenset[str]]:
    """Words before / after a head noun that make it another authority's text (`not_ours` in
    `data/citation_cues.json`, every language together, lower case)."""
    path = resources.files("thbgraph.graph.extract") / "data" / "citation_cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))["not_ours"]
    before = frozenset(w for words in data["before"].values() for w in words)
    after = frozenset(w for words in data["after"].values() for w in words)
    return before, after


_NOT_OURS_BEFORE, _NOT_OURS_AFTER = _not_ours()
# a head noun's sentence: up to the previous / next full stop, semicolon or line end
_SENTENCE_STOP = re.compile(r"[.!?;\n](?=\s|$)|\n")
_OF_NAME = re.compile(r"\s+(?:of|for|de|du|des|de\s+la|d['’])\s*(?:the\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁ]")
_CONTEXT_KINDS = ("action plan", "convention")
# between a name and its own symbol: "Action Plan (PC.DEC/557)", "Action Plan as revised (...)"
_GAP = re.compile(
    r"[\s(,]*(?:as\s+(?:revised|amended|updated)\b[\s(,]*)?"
    r"|[^.;()\n]{0,80}\(\s*"  # "План действий ОБСЕ по борьбе с торговлей людьми (PC.DEC/557)"
)
# Series that distribute or record documents (circulars, journals, delegations' statements):
# a symbol of theirs is a document number, not a commitment, unless the register lists it.
_RECORD_SERIES = re.compile(r"^[A-Z]+(?:\(\d+\))?\.(?:GAL|DEL|JOUR|DOC|SHDM|INF)\b")
_WORD = re.compile(r"\w+")
# why a symbol the register does not list stays unresolved, by the kind of its form
_UNLISTED = {
    "document": "a document number the register does not list: cited as a document",
    "instrument": "another organisation's instrument the register does not list: cited as a document",
}
_DRAFT_BEFORE = re.compile(r"\bdraft\s+$", re.I)
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
_HEAD = re.compile(
    r"\b(?:D[eé]cisions?|D[eé]clarations?|Action\s+Plans?|Plans?\s+d['’]action|Conventions?|Protocols?|"
    r"Addend(?:um|ums|a)|Resolutions?|Решени\w*|Деклараци\w*|План\w*\s+действий|"
    r"Дополнени\w*|Конвенци\w*)(?!\w)",
    re.I,
)
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_DRAFT = re.compile(r"\b(?:draft|проект\w*|projet)\b", re.I)
_COORDINATED = re.compile(r"\b(?:and|or|et|ou|и|или)\b|,")
_SIGNAL = {
    "draft",
    "ministerial",
    "permanent",
    "council",
    "european",
    "europe",
    "united",
    "nations",
}
_GENERIC = {"national", "regional", "local", "new", "this", "that", "these", "our", "its", "their"}


_CONVENTION_AT = re.compile(r"(?:this\s+|that\s+)?Convention\b", re.I)


def _alias_pattern(alias: str) -> str:
    """A regex for an alias that tolerates "(CoE)" inserts, possessives and "CoE"/"Council of Europe"."""
    parts = []
    for word in alias.split():
        esc = re.escape(word)
        if declined(word):  # Russian declines names: "Конвенция" / "Конвенцией"
            esc = stem_pattern(word)
        if word.casefold() == "europe":
            esc = r"Europe(?:['’]s)?"
        parts.append(esc)
    body = r"(?:\s+\([^()\s]{1,15}\))?\s+".join(parts)
    body = body.replace(
        r"Council(?:\s+\([^()\s]{1,15}\))?\s+of(?:\s+\([^()\s]{1,15}\))?\s+Europe(?:['’]s)?",
        r"(?:Council\s+of\s+Europe(?:['’]s)?|CoE)",
    )
    return body


def _index_key(word: str) -> str:
    """The key under which a name is tried: its first word, or the stem of a Russian one."""
    low = word.lower()
    return "~" + low[:3] if declined(word) else low


@lru_cache(maxsize=8)
def _alias_index(register: Register) -> tuple[dict[str, str], list[str]]:
    """Regex sources for the register's commitment names, keyed by their first word (lower case),
    so a text is only tried where a name can start; longest name first within a key. And the
    symbols. A key's regex is compiled when a text first has its word (`_alias_regex`)."""
    usable = [(a, s) for a, s in register.commitment_aliases() if len(a) >= 4]
    groups: dict[str, list[str]] = {}
    for i, (alias, _) in enumerate(usable):
        first = re.match(r"\w+", alias)
        if first is None:
            continue
        keys = {_index_key(first.group(0))}
        if re.match(r"council\s+of\s+europe\b", alias, re.I):
            keys.add("coe")  # "CoE Convention ..." for "Council of Europe Convention ..."
        for key in keys:
            groups.setdefault(key, []).append(f"(?P<a{i}>{_alias_pattern(alias)})")
    index = {
        key: r"(?<![\w/.])(?:" + "|".join(parts) + r")(?![\w/])" for key, parts in groups.items()
    }
    return index, [s for _, s in usable]


@lru_cache(maxsize=1024)
def _alias_regex(source: str) -> re.Pattern[str]:
    return re.compile(source, re.I)


def _alias_matches(text: str, register: Register) -> list[re.Match[str]]:
    index, _ = _alias_index(register)
    out: list[re.Match[str]] = []
    last_end = 0
    for word in _WORD.finditer(text):
        if word.start() < last_end:
            continue
        w = word.group(0)
        source = index.get(w.lower())
        if source is None and not w.isascii() and declined(w):
            source = index.get(_index_key(w))
        m = _alias_regex(source).match(text, word.start()) if source is not None else None
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [s, e) overlaps one of `spans` (sorted by start, not overlapping each other)."""
    k = bisect_left(spans, (e, -1)) - 1
    return k >= 0 and spans[k][1] > s


# "the Convention" alone, not the start of another convention's name ("the Convention on ...")
_THE_CONVENTION = re.compile(
    r"(?<!\w)(?:the|this|la|cette)\s+(?P<head>Convention)(?!\s+(?:on|of|for|du|de|sur|against)\b)"
    r"(?![\w-])"
)


def _anaphors(
    text: str, register: Register, offices: list[Citation], cited: set[str | None],
    taken: list[tuple[int, int]],
) -> list[Citation]:  # fmt: skip
    """The words "the Convention" in a text that named a convention only inside an office or body ("the
    Committee of the Parties to the Council of Europe Convention ... restricted the participation
    of a Party to the Convention"): that convention, cited where "the Convention" stands."""
    out: list[Citation] = []
    for office in offices:
        entry = register.commitments.get(office.symbol or "")
        if entry is None or "Convention" not in entry.kinds or office.symbol in cited:
            continue
        for m in _THE_CONVENTION.finditer(text, office.end):
            s, e = m.start("head"), m.end("head")
            if _overlaps(s, e, taken) or _OFFICE.search(text[max(0, m.start() - 60) : m.start()]):
                continue
            out.append(
                Citation(symbol=office.symbol, text=text[m.start() : e], start=m.start(), end=e,
                         method="name", confidence=0.7,
                         note=f"'the Convention' read as {office.symbol}, named in "
                         f"'{text[max(0, office.start - 40) : office.end]}'")
            )  # fmt: skip
        cited.add(office.symbol)
    return out


def _alias_citations(
    text: str, register: Register, taken: list[tuple[int, int]],
    offices: list[Citation] | None = None,
) -> list[Citation]:  # fmt: skip
    """Commitments named by a register alias; `offices` collects the names read inside the
    name of an office or body, which cite nothing there."""
    _, symbols = _alias_index(register)
    out: list[Citation] = []
    for m in _alias_matches(text, register):
        if _overlaps(m.start(), m.end(), taken):
            continue
        if _DRAFT_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # a draft is not the adopted commitment: kept as an unresolved reference
        index = int((m.lastgroup or "a0")[1:])
        if _OFFICE.search(text[max(0, m.start() - 60) : m.start()]):
            if offices is not None:  # "Executive Secretary of the ... Convention": an office
                offices.append(Citation(symbol=symbols[index], text=m.group(0), start=m.start(),
                                        end=m.end(), method="alias", confidence=0.0))  # fmt: skip
            continue
        out.append(
            Citation(
                symbol=symbols[index],
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                method="alias",
                confidence=0.95,
            )
        )
    return out


def _drop_named_before_symbol(
    text: str, named: list[Citation], symbols: list[Citation]
) -> list[Citation]:
    """A name directly followed by its own symbol ("... Action Plan (PC.DEC/557)") is one citation."""
    keep = []
    starts = [s.start for s in symbols]
    named_starts = sorted(c.start for c in named)
    for c in named:
        k = bisect_left(starts, c.end)
        nxt = symbols[k] if k < len(symbols) else None
        if nxt is None or not nxt.symbol or not _GAP.fullmatch(text, c.end, nxt.start):
            keep.append(c)
            continue
        if nxt.symbol.startswith(c.symbol or "\0"):
            continue
        # A different symbol in parentheses right after the name: the name, of which this alias
        # is only a part ("Дополнение 2005 года к Плану действий ОБСЕ (PC.DEC/685)"), is that
        # symbol's, unless another item comes between ("the Action Plan and the Convention (...)").
        gap = text[c.end : nxt.start]
        between = bisect_left(named_starts, nxt.start) - bisect_left(named_starts, c.end)
        if gap.rstrip().endswith("(") and not _COORDINATED.search(gap) and between == 0:
            continue
        keep.append(c)
    return keep


def _qualifier_start(text: str, head_start: int, places: set[str]) -> tuple[int, bool]:
    """Walk back over the capitalised qualifiers of a head noun; (start, has a specific qualifier)."""
    tokens = list(re.finditer(r"[\w’'.-]+", text[max(0, head_start - 120) : head_start]))
    base = max(0, head_start - 120)
    start, signal, words = head_start, False, []
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i].group(0).rstrip(".")
        gap = text[base + tokens[i].end() : start]
        if gap.strip():  # punctuation between words ends the name
            break
        if tok[:1].isupper() or (tok[:1].isdigit() and len(tok) == 4):
            words.append(tok)
            start = base + tokens[i].start()
        elif (
            tok.lower() in {"and", "&", "of"}
            and i > 0
            and (
                tokens[i - 1].group(0)[:1].isupper()
                or _YEAR_TOKEN.fullmatch(tokens[i - 1].group(0))
            )
        ):
            start = base + tokens[i].start()
        else:
            break
        i -= 1
    for w in words:
        bare = re.sub(r"['’]s$", "", w)
        if (bare.isupper() and len(bare) >= 2) or bare.lower() in _SIGNAL or bare.lower() in places:
            signal = True
    if words and all(w.lower() in _GENERIC for w in words):
        signal = False
    the = re.search(r"\bthe\s+$", text[max(0, start - 4) : start], re.I)
    if the and signal:
        start -= len(the.group(0))
    return start, signal


def _parts(d: Description) -> list[tuple[Description, int | None]]:
    """One description per place or year that a plural description coordinates ("the Vienna and
    Porto ... Decisions"), each with the offset where its own words start (None: the whole)."""
    if len(d.places) > 1 and len(d.years) <= 1:
        return [(replace(d, places=(p,)), None if i == 0 else p[1]) for i, p in enumerate(d.places)]
    if len(d.years) > 1 and len(d.places) <= 1:
        return [(replace(d, years=(y,)), None if i == 0 else y[1]) for i, y in enumerate(d.years)]
    if len(d.places) > 1 or len(d.years) > 1:
        return []  # places and years both coordinated: which goes with which is not said
    return [(d, None)]


def _from_description(
    text: str, start: int, head: re.Match[str], d: Description, register: Register,
    until: date | None,
) -> list[Citation]:  # fmt: skip
    """Citations for a description: resolved by the register when exactly one entry fits."""
    out: list[Citation] = []
    parts = _parts(d) if not _DRAFT.search(text, max(0, start - 8), head.end()) else []
    for part, own_start in parts:
        res = resolve(part, register, until)
        s = start if own_start is None else own_start
        e = max(head.end(), part.end, part.subject_end if res.used_subject else 0)
        e = s + len(text[s:e].rstrip(" ,"))
        if res.symbol is not None:
            out.append(
                Citation(symbol=res.symbol, text=text[s:e], start=s, end=e,
                         method="description", confidence=res.confidence, note=res.note)
            )  # fmt: skip
        else:
            out.append(
                Citation(symbol=None, text=text[s:e], start=s, end=e, resolved=False,
                         method="unresolved", confidence=0.5, note=res.note)
            )  # fmt: skip
    if not out:
        e = max(head.end(), d.end)
        e = start + len(text[start:e].rstrip(" ,"))
        out.append(
            Citation(symbol=None, text=text[start:e], start=start, end=e, resolved=False,
                     method="unresolved", confidence=0.5)
        )  # fmt: skip
    return out


def _described(
    text: str, register: Register, taken: list[tuple[int, int]], symbol_starts: list[int],
    named: list[Citation], until: date | None,
) -> tuple[list[Citation], set[int]]:  # fmt: skip
    """Commitments described by kind, body, place, year or parent ("the 2006 Brussels decision",
    "Дополнение 2005 года к Плану действий ОБСЕ") and other names of document-like commitments
    kept unresolved; and the starts of named citations that a description absorbs (the Action
    Plan that an Addendum is "to" is not cited itself)."""
    places = {p.label.lower() for p in register.places.values()}
    places |= {a.lower() for p in register.places.values() for a in p.aliases}
    aliases = [(c.start, c.end, c.symbol or "") for c in named if c.method == "alias"]
    out: list[Citation] = []
    absorbed: set[int] = set()
    last_end = -1
    for m in _HEAD.finditer(text):
        if m.start() < last_end or _overlaps(m.start(), m.end(), taken):
            continue
        start, signal = _qualifier_start(text, m.start(), places)
        if _OFFICE.search(text[max(0, start - 60) : start]):
            continue
        after = text[m.end() : m.end() + 200]
        k = bisect_left(symbol_starts, m.end())
        nxt = symbol_starts[k] - m.end() if k < len(symbol_starts) else 200
        if nxt < 200 and not re.search(r"[.;]\s|\n|,\s*$", after[:nxt]):
            continue  # the symbol that follows names it: "Decisions on ... (MC.DEC/6/17)"
        if _overlaps(start, m.end(), taken):
            continue
        d = read_description(text, start, m, register, aliases) if head_kind(m.group(0)) else None
        capital = m.group(0)[:1].isupper()
        if d is not None and d.specific and (signal or capital or start == m.start() or d.body):
            inner = [a for a in aliases if start <= a[0] and a[1] <= max(d.end, m.end())]
            if _overlaps(m.end(), max(d.end, m.end()), [t for t in taken if t[:2] not in
                                                         {a[:2] for a in inner}]):  # fmt: skip
                continue
            found = _from_description(text, start, m, d, register, until)
            if d.addendum_to or any(c.resolved for c in found):
                absorbed |= {a[0] for a in inner}  # "the Addendum to the Action Plan" cites no plan
            out += found
            last_end = max(c.end for c in found)
            continue
        if start == m.start() and (d is None or not d.specific):
            context = _from_sentence(text, m, d, register, until)
            if context is not None:
                out.append(context)
                last_end = context.end
                continue
        if not signal or start == m.start() or m.group(0)[:1].islower():
            continue
        out.append(
            Citation(
                symbol=None,
                text=text[start : m.end()],
                start=start,
                end=m.end(),
                resolved=False,
                method="unresolved",
                confidence=0.5,
            )
        )
    return out, absorbed


def _not_ours_word(m: re.Match[str] | None, words: frozenset[str]) -> bool:
    """Whether a matched word is one of `words` (acronyms only as written: "UN", not French "un")."""
    if m is None:
        return False
    w = m.group(1)
    return w in words or w.lower() in words


def _from_sentence(
    text: str, head: re.Match[str], d: Description | None, register: Register, until: date | None
) -> Citation | None:
    """An action plan or convention that its sentence describes: "... l'engagement de l'OSCE
    s'est accru en 2003, lorsque les Etats participants ont adopté un plan d'action ...". The one
    body the sentence names and the year nearest the head must fit exactly one register
    commitment of that kind (and a subject written after the head must be its own); a qualifier
    that makes it another authority's text ("national", "EU", "of Albania") rules it out."""
    kind = head_kind(head.group(0))
    if kind not in _CONTEXT_KINDS or _DRAFT.search(text, max(0, head.start() - 8), head.start()):
        return None
    word_before = re.search(r"([\w'’]+)\W*$", text[max(0, head.start() - 40) : head.start()])
    word_after = re.match(r"\s*([\w'’-]+)", text[head.end() : head.end() + 40])
    if _not_ours_word(word_before, _NOT_OURS_BEFORE) or _not_ours_word(word_after, _NOT_OURS_AFTER):
        return None
    if (d is None or d.body is None) and _OF_NAME.match(text, head.end()):
        return None  # "the action plan of Albania", "le plan d'action de la France"
    lo = max(0, head.start() - 300)
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, lo, head.start())]
    s = stops[-1] if stops else lo
    stop = _SENTENCE_STOP.search(text, head.end(), head.end() + 300)
    e = stop.start() if stop else min(len(text), head.end() + 300)
    sentence = text[s:e]
    bodies = body_in(sentence)
    orgs = {b.split("-")[0] for b in bodies}  # "osce-mc" and "osce" are one organisation
    if len(orgs) != 1:
        return None
    body = next(b for b in bodies if "-" in b) if any("-" in b for b in bodies) else bodies[0]
    years = [(abs(s + y.start() - head.start()), int(y.group(1)), s + y.start())
             for y in re.finditer(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/-])", sentence)]  # fmt: skip
    if not years:
        return None
    _, year, at = min(years)
    found = resolve(Description(kind=kind, body=body, years=((year, at),), end=head.end()),
                    register, until)  # fmt: skip
    if found.symbol is None and body != body.split("-")[0]:
        body = body.split("-")[0]  # "the Permanent Council ... an action plan": any OSCE body
        found = resolve(Description(kind=kind, body=body, years=((year, at),), end=head.end()),
                        register, until)  # fmt: skip
    if found.symbol is None:
        return None
    if d is not None and d.subject and not fits_subject(d.subject, found.symbol, register):
        return None
    return Citation(
        symbol=found.symbol, text=head.group(0), start=head.start(), end=head.end(),
        method="description", confidence=round(found.confidence - 0.2, 2),
        note=f"described by its sentence (body {body}, year {year}): {found.note}",
    )  # fmt: skip


def _attach_articles(text: str, citations: list[Citation]) -> list[Citation]:
    """Give a citation its article ("Article 29(4) of the Convention ..."), or resolve the
    anaphoric "Article N of the Convention" to the convention cited before it."""
    extra: list[Citation] = []
    by_start = sorted(citations, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    conventions = [c.start for c in by_start if c.symbol and "ETS" in c.symbol]
    convention_at = {c.start: c for c in by_start if c.symbol and "ETS" in c.symbol}
    for m in _ARTICLE.finditer(text):
        article = re.sub(r"\s", "", m.group("num"))
        of = _OF_THE.match(text, m.end())
        after = of.end() if of else m.end()
        k = bisect_left(starts, after)
        target = by_start[k] if k < len(starts) and starts[k] < after + 3 else None
        if target is not None:
            target.article = article
            continue
        conv = _CONVENTION_AT.match(text, after)  # in place, not on a slice of the rest
        if of and conv:
            k = bisect_left(conventions, m.start())
            if k > 0:
                ref = convention_at[conventions[k - 1]]
                end = conv.end()
                extra.append(
                    Citation(
                        symbol=ref.symbol,
                        text=text[m.start() : end],
                        start=m.start(),
                        end=end,
                        method="name",
                        confidence=0.8,
                        article=article,
                        note=f"'the Convention' read as {ref.symbol}, "
                        "the convention cited earlier in the document",
                    )
                )
    return extra


def find_citations(
    text: str, register: Register, *, page_of: PageOf | None = None, until: date | None = None
) -> tuple[list[Citation], list[str]]:
    """Every citation in `text` (one per occurrence, in order) and warnings about repairs and
    unresolved references. `until` (the last day of the document's meeting, when known) rules
    out, for a description, commitments adopted later."""
    warnings: list[str] = []
    symbols = [
        Citation(
            symbol=s.symbol,
            text=s.text,
            start=s.start,
            end=s.end,
            method=s.method,
            confidence=s.confidence,
            note=s.note,
        )
        if s.kind == "commitment" or s.symbol in register.commitments
        else Citation(
            symbol=s.symbol,
            text=s.text,
            start=s.start,
            end=s.end,
            resolved=False,
            method="unresolved",
            confidence=s.confidence,
            note=_UNLISTED.get(s.kind, _UNLISTED["document"]),
        )
        for s in find_symbols(text)
        if not _RECORD_SERIES.match(s.symbol) or s.symbol in register.commitments
    ]
    taken = [(c.start, c.end) for c in symbols]
    offices: list[Citation] = []
    named = _drop_named_before_symbol(
        text, _alias_citations(text, register, taken, offices), symbols
    )
    taken = sorted(taken + [(c.start, c.end) for c in named])
    described, absorbed = _described(
        text, register, taken, [c.start for c in symbols], named, until
    )
    named = [c for c in named if c.start not in absorbed]
    citations = symbols + named + described
    cited = {c.symbol for c in citations if c.resolved}
    spans = sorted([(c.start, c.end) for c in citations] + [(o.start, o.end) for o in offices])
    citations += _anaphors(text, register, offices, cited, spans)
    citations += _attach_articles(text, citations)
    citations.sort(key=lambda c: c.start)
    for c in citations:
        if page_of is not None:
            c.page = page_of(c.start)
        if c.method == "repaired-symbol":
            warnings.append(f"citation at {c.start}-{c.end}: '{c.text}' {c.note}")
        elif not c.resolved:
            warnings.append(f"unresolved reference at {c.start}-{c.end}: '{c.text}'")
        elif c.symbol not in register.commitments:
            warnings.append(f"citation at {c.start}-{c.end}: {c.symbol} is not in the register")
    return citations, warnings


def _adopted(register: Register, symbol: str) -> date | None:
    """The earliest day the register allows for a commitment's adoption (gYear -> 1 January)."""
    entry = register.commitments.get(symbol)
    if entry is None:
        return None
    value = register.graph.value(URIRef(entry.iri), _ELI_DATE)
    if value is None:
        return None
    raw = str(value)
    parts = raw.split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2][:2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def flag_anachronisms(citations: list[Citation], register: Register, until: date) -> list[str]:
    """Unresolve references by name to commitments adopted after `until` (the meeting's last day):
    such a name can only mean a draft ("the OSCE's Anti-Trafficking Action Plan" in July 2003)."""
    warnings = []
    for c in citations:
        if c.method not in ("alias", "name", "description") or c.symbol is None:
            continue
        adopted = _adopted(register, c.symbol)
        if adopted is None or adopted <= until:
            continue
        c.note = (
            f"names {c.symbol}, adopted {adopted.isoformat()}, after this meeting "
            f"({until.isoformat()}): read as a reference to a draft"
        )
        c.symbol, c.resolved, c.method, c.confidence = None, False, "unresolved", 0.5
        warnings.append(f"unresolved reference at {c.start}-{c.end}: '{c.text}' {c.note}")
    return warnings
