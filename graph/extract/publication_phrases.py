"""Titles of works written without quotes in running text.

A title in running text is a run of capitalised words (with the small words between them) that
a work's noun introduces or heads: 'the handbook National Referral Mechanisms – Joining ...',
'the 2014 ILO report, Profits and Poverty: ..., noted', 'the OSCE Mission's Manual on
Investigating ...', 'In its 2012 Global Estimate of Forced Labour, ...', a list of works after
'reports ...:' or 'such as', and a title after a colon ('un rapport parlementaire du 9 mars
2016 : Traite des êtres humains, ...'). GRETA's country reports, named by their ordinal and
country ('le troisième rapport du GRETA sur le Liechtenstein'), are titled as the page words them.
The words live in data/publication_phrases.json; this module only reads spans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .organisations import OrgMention

__all__ = ["PhraseTitle", "phrase_titles", "phrases", "recase"]

# One token of running text: a word (with inner apostrophes and hyphens) or one other sign
_TOKEN = re.compile(r"\w[\w'’-]*(?:/\w+)?|[^\w\s]")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ0-9]")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_URL = r"(https?://[^\s<>()\]\"]+[^\s<>()\]\".,;])"


@dataclass(frozen=True)
class PhraseTitle:
    """A title read in running text, with its span and, when written after it, its URL."""

    title: str
    year: int | None
    start: int
    end: int
    url: str | None = None
    url_start: int = -1
    url_end: int = -1


@lru_cache(maxsize=1)
def phrases() -> dict[str, Any]:
    """The word lists of this reader (graph/extract/data/publication_phrases.json)."""
    path = resources.files("thbgraph.graph.extract") / "data" / "publication_phrases.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _alt(words: Sequence[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(set(words), key=len, reverse=True)
    )


def _per_language(kind: str, lang: str | None = None) -> list[str]:
    return [w for la, ws in phrases()[kind].items() if lang in (None, la) for w in ws]


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    return frozenset(w.casefold() for w in phrases()["joiners"])


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    p = phrases()
    upper = r"(?=[A-ZÀ-ÖØ-Þ0-9])"
    return {
        # lower-case cue noun, then the title: 'the handbook National ...', 'report, Profits ...'
        "cue": re.compile(
            rf"(?<![\w-])(?:{_alt(_per_language('cue_nouns', 'en'))})(?P<comma>[ \t]*,)?[ \t]+"
            rf"(?:(?:entitled|titled|called)[ \t]+)?{upper}"
        ),
        "head": re.compile(
            rf"(?<![\w'’-])(?:{_alt(_per_language('head_nouns'))})[ \t]+"
            r"(?:on|for|of|to|against|about|in)[ \t]+(?:the[ \t]+)?(?=[A-Z0-9])"
        ),
        "list": re.compile(
            rf"(?<![\w-])(?:{_alt(_per_language('list_nouns'))})[ \t]+(?:such[ \t]+as|including)[ \t]+"
            r"(?:(?:the|a|an)[ \t]+)?"
            rf"|(?<![\w-])(?:{_alt(_per_language('list_nouns'))})\b[^.;:\n]{{0,120}}:[ \t]*"
        ),
        "link": re.compile(
            rf"[ \t]*,?[ \t]*(?:(?:{_alt(p['list_links'])})[ \t]+)?(?:(?:the|a|an)[ \t]+)?"
        ),
        "item_break": re.compile(
            rf"[ \t]+(?:and|or|as[ \t]+well[ \t]+as)[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?"
            rf"(?:[A-Z][\w-]*[ \t]+){{0,2}}(?:{_alt(_per_language('head_nouns'))})\b"
        ),
        "possessive": re.compile(
            rf"(?<!\w)(?:{_alt(p['possessives'])})[ \t]+(?P<year>(?:19|20)\d\d)[ \t]*\n?[ \t]*{upper}"
        ),
        "colon": re.compile(
            rf"(?<![\w-])(?P<noun>{_alt(_per_language('colon_nouns'))})\b"
            r"(?P<q>[^.:;,\n]{0,40}?)[ \t]*[-–]?[ \t]*:[ \t]*(?=[A-ZÀ-ÖØ-Þ])"
        ),
        "url": re.compile(
            rf"[ \t]*\n?[ \t]*\n?[ \t]*\(?[ \t]*(?:(?i:{_alt(p['link_words'])})[^:\n(]{{0,30}}?:?[ \t]*)?{_URL}"
        ),
    }


def _is_capitalised(word: str) -> bool:
    return bool(_CAPITAL.match(word))


def title_run(
    text: str, start: int, *, limit: int = 300, series: bool = False
) -> tuple[int, int] | None:
    """The run of capitalised words and small words that starts at `start`: its span, or None
    when it has fewer than three words or two capitalised ones. A lower-case word passes only
    before a colon ('Assessment report: Migrant ...'); a colon or dash only before a capital.
    With `series`, a comma passes inside a series of capitalised nouns that an 'and' closes
    ('Manual on Detection, Investigation and Prosecution of ...')."""
    joiners = _joiners()
    end: int | None = None
    words = content = 0
    pos = start
    stop = min(len(text), start + limit)
    pieces = list(_TOKEN.finditer(text, start, stop))
    prev_open: bool | None = None  # whether the last piece leaves the title open (a small word)
    for i, m in enumerate(pieces):
        newlines = text.count("\n", pos, m.start())
        if newlines > 1 or (newlines and prev_open is False):
            break  # a blank line ends it; a line end only after a small word, a colon or dash
        pos = m.end()
        piece = m.group(0)
        nxt = pieces[i + 1].group(0) if i + 1 < len(pieces) else ""
        if piece[0].isalnum() or piece[0] == "_":
            if _is_capitalised(piece):
                if words == 0 and piece.casefold() in joiners and not nxt[:1].isupper():
                    return None
                words += 1
                content += 1
                end = m.end()
                prev_open = piece.casefold() in joiners
            elif words and piece.casefold() in joiners:
                words += 1
                prev_open = True
            elif words and nxt == ":":
                words += 1
                prev_open = False
            else:
                break
        elif words and (
            (piece in ":–—-" and _is_capitalised(nxt[:1] or "a"))
            or (series and piece == "," and _in_series(pieces, i))
        ):
            prev_open = True
        else:
            break
    if end is None or content < 2:
        return None
    run = text[start:end]
    return (start, end) if len(run.split()) >= 3 else None


_SERIES_AND = frozenset(["and", "&", "et", "и", ","])


def _in_series(pieces: list[re.Match[str]], i: int) -> bool:
    """Whether the comma at pieces[i] separates capitalised nouns of one series: a capitalised
    word follows, then another comma or 'and' ('Detection, Investigation and Prosecution'), and
    the word after the comma does not head a work of its own ('..., Guide to ...')."""
    if i + 2 >= len(pieces):
        return False
    word, after = pieces[i + 1].group(0), pieces[i + 2].group(0)
    return (
        _is_capitalised(word)
        and word not in _NOT_MODIFIERS
        and after.casefold() in _SERIES_AND
        and _patterns()["head"].fullmatch(word) is None
    )


def _outside(s: int, e: int, text: str, mentions: Sequence[OrgMention]) -> int:
    """How many capitalised words of text[s:e] stand outside the organisations named there."""
    inside = [(m.start, m.end) for m in mentions if m.start < e and s < m.end]
    count = 0
    for w in re.finditer(r"\w[\w'’-]*", text[s:e]):
        at = s + w.start()
        if _is_capitalised(w.group(0)) and not any(a <= at < b for a, b in inside):
            count += 1
    return count


def _not_head(title: str) -> bool:
    first = title.split()[0] if title.split() else ""
    return first in set(phrases()["not_heads"])


def _url_after(text: str, end: int) -> tuple[str, int, int] | None:
    m = _patterns()["url"].match(text, end, min(len(text), end + 200))
    return (m.group(1), m.start(1), m.end(1)) if m else None


_PUBLISHED_IN = re.compile(
    r"[ \t]*,?[ \t]*(?:published|issued|released|launched|publiée?s?|paru)[ \t]+(?:in|on|en|le)[ \t]+"
    r"(?:[^\W\d]+[ \t]+)?(?:\d{1,2}(?:er)?[ \t]+[^\W\d]+[ \t]+)?((?:19|20)\d\d)\b"
)


# a year one or two words before a title: 'the 2014 ILO report, ...', 'its 2012 handbook ...'
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)(?:[ \t]+\S+){1,2}[ \t]*$")


def _title(text: str, s: int, e: int, year: int | None) -> PhraseTitle:
    url = _url_after(text, e)
    if year is None and (published := _PUBLISHED_IN.match(text, e, min(len(text), e + 60))):
        year = int(published.group(1))  # 'Manual on ..., published in February 2020'
    before = _YEAR_BEFORE.search(text[max(0, s - 30) : s])
    if year is None and before:
        year = int(before.group(1))  # 'the 2014 ILO report, Profits and Poverty: ...'
    return PhraseTitle(
        " ".join(text[s:e].split()),
        year,
        s,
        e,
        url[0] if url else None,
        url[1] if url else -1,
        url[2] if url else -1,
    )


_OWNER = re.compile(r"(?:[A-Z][\w-]*[ \t]+){0,2}?[A-Z][\w-]*['’]s[ \t]+(?=[A-Z0-9])")


def _next_item(text: str, s: int, e: int) -> tuple[int, int]:
    """The first item of a run that joins two titles of a list: 'the Handbook on ... and the
    Guide to ...' ends before ' and the Guide' (a work's head noun opens the next item); an
    owner before the title ('the Office's Safe Return ...') is left out."""
    owner = _OWNER.match(text, s, e)
    if owner and len(text[owner.end() : e].split()) >= 3:
        s = owner.end()
    for m in _patterns()["item_break"].finditer(text, s, e):
        return s, m.start()
    return s, e


def _list_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """'the latest OSCE reports ...: A, B as well as the C' and 'publications such as A and B'."""
    out: list[PhraseTitle] = []
    for m in _patterns()["list"].finditer(text):
        pos = m.end()
        while True:
            run = title_run(text, pos)
            if run is None:
                break
            s, e = _next_item(text, *run)
            if _outside(s, e, text, mentions) >= 2 and not _not_head(text[s:e]):
                out.append(_title(text, s, e, None))
            link = _patterns()["link"].match(text, e)
            if link is None or link.end() == e or text[e : link.end()].strip() == "":
                break
            pos = link.end()
    return out


def _cue_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """'the handbook National Referral Mechanisms – ...', 'the ILO report, Profits and ..., noted'."""
    out: list[PhraseTitle] = []
    for m in _patterns()["cue"].finditer(text):
        run = title_run(text, m.end())
        if run is None:
            continue
        s, e = _next_item(text, *run)
        if m.group("comma") and text[e : e + 1] != ",":
            continue  # an apposition closes with a comma
        if _outside(s, e, text, mentions) >= 2 and not _not_head(text[s:e]):
            out.append(_title(text, s, e, None))
    return out


_EVENT_NOUN = re.compile(
    r"\b(?:Conference|Meeting|Seminar|Workshop|Session|Forum|Round[ \t]?[Tt]able|Webinar|Training|Visit)s?\b"
)
_NOT_MODIFIERS = frozenset(["The", "A", "An", "New", "Latest", "Its", "Their", "This", "These"])


def _head_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """'the OSCE Mission's Manual on Investigating Trafficking in Human Beings', 'the Training
    Manual for Judges and Prosecutors on ...': a capitalised work noun heads the title."""
    out: list[PhraseTitle] = []
    for m in _patterns()["head"].finditer(text):
        s = m.start()
        for _ in range(2):  # at most two capitalised modifiers before the noun
            before = re.search(r"(?<![\w'’-])(\w[\w-]*)[ \t]+$", text[max(0, s - 40) : s])
            if before is None:
                break
            word = before.group(1)
            at = s - (len(text[max(0, s - 40) : s]) - before.start(1))
            sentence_start = at == 0 or bool(re.search(r"[.!?:\n]\s*$", text[max(0, at - 3) : at]))
            if (
                not word[:1].isupper()
                or word in _NOT_MODIFIERS
                or sentence_start
                or any(o.start <= at < o.end for o in mentions)
            ):
                break
            s = at
        run = title_run(text, s, series=True)
        if run is None or run[1] <= m.end():
            continue
        run = _next_item(text, *run)
        head_end = text.find(" ", m.start())
        rest = text[head_end : run[1]]
        if re.match(r"\s+(?:of|by)\s", rest) and not re.search(r"\son\s+(?:the\s+)?[A-Z]", rest):
            continue  # 'Annual Report of the OSCE Special Representative ...': an author, no topic
        if _EVENT_NOUN.search(rest[:60]):
            continue  # 'Report on the 24th OSCE Conference ...': a report of a meeting
        if _outside(head_end, run[1], text, mentions) >= 2:
            out.append(_title(text, run[0], run[1], None))
    return out


def _possessive_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """'In its 2012 Global Estimate of Forced Labour, the ILO ...': a year, then the title."""
    out: list[PhraseTitle] = []
    for m in _patterns()["possessive"].finditer(text):
        run = title_run(text, m.end())
        if run is None or _not_head(text[run[0] : run[1]]):
            continue
        if _EVENT_NOUN.search(text[run[0] : min(run[1], run[0] + 40)]):
            continue  # 'its 2018 Annual Meeting of ...': an event
        if _outside(run[0], run[1], text, mentions) >= 3:
            out.append(_title(text, run[0], run[1], int(m.group("year"))))
    return out


def _colon_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """'un rapport parlementaire du 9 mars 2016 : Traite des êtres humains, ...': a title after
    a work's noun and a colon, to the end of its line in French, as a run of capitals in English."""
    out: list[PhraseTitle] = []
    french = set(phrases()["colon_nouns"]["fr"]) - set(phrases()["colon_nouns"]["en"])
    for m in _patterns()["colon"].finditer(text):
        year_m = _YEAR.search(m.group("q"))
        year = int(year_m.group(1)) if year_m else None
        if m.group("noun") in french:
            line = re.match(r"[^\n(]{8,250}", text[m.end() :])
            if line is None:
                continue
            title = line.group(0).rstrip()
            if title.endswith((".", "!", "?", ",")) or len(title.split()) > 30:
                continue  # a sentence, not a title
            out.append(_title(text, m.end(), m.end() + len(title), year))
            continue
        run = title_run(text, m.end())
        if run and _outside(run[0], run[1], text, mentions) >= 2:
            out.append(_title(text, run[0], run[1], year))
    return out


@lru_cache(maxsize=1)
def _country_reports() -> list[tuple[re.Pattern[str], str | None]]:
    return [(re.compile(x["pattern"]), x.get("needs")) for x in phrases()["country_reports"]]


def _country_report_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """'le troisième rapport du GRETA sur le Liechtenstein', 'son deuxième rapport d'évaluation
    sur la Belgique': titled as the page words them (the truth convention for untitled reports)."""
    named = {m.key for m in mentions}
    out: list[PhraseTitle] = []
    seen: set[str] = set()
    for pattern, needs in _country_reports():
        if needs and needs not in named and not re.search(rf"(?i)\b{re.escape(needs)}\b", text):
            continue  # 'le Greta' in a newspaper's spelling names GRETA too
        for m in pattern.finditer(text):
            key = m.group(0).split()[-1].casefold()  # its country: one report per country
            if key not in seen:
                seen.add(key)
                out.append(_title(text, m.start(), m.end(), None))
    return out


def phrase_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """Every unquoted title of running text, in the order of the readers' trust: lists of works,
    country reports, titles after a colon, after a cue noun, headed by a work's noun, after a
    possessive and a year. Overlapping ones are left to the caller (the first one wins)."""
    return [
        *_list_titles(text, mentions),
        *_country_report_titles(text, mentions),
        *_colon_titles(text, mentions),
        *_cue_titles(text, mentions),
        *_head_titles(text, mentions),
        *_possessive_titles(text, mentions),
    ]


def recase(title: str, acronyms: frozenset[str] = frozenset()) -> str:
    """A title written in capitals ('9th GENERAL REPORT ON GRETA'S ACTIVITIES'), re-cased: title
    case in English ('9th General Report on GRETA's Activities'), sentence case in French and
    Russian; acronyms of the organisations named stay in capitals. Other titles are returned as
    they are."""
    letters = [c for c in title if c.isalpha()]
    words = title.split()
    caps = [w for w in words if sum(c.isalpha() for c in w) > 1 and w.isupper()]
    if not letters or len(caps) < max(2, (2 * len(words)) // 3):
        return title
    folded = {w.casefold() for w in words}
    sentence = bool(re.search(r"[А-Яа-яЁё]", title)) or bool(
        folded & {"du", "des", "sur", "les", "rapport", "général", "general", "pour", "la", "le"}
        and folded & {"du", "des", "sur", "les", "pour", "la", "le"}
    )
    lower = set(phrases()["lower_words"])
    out: list[str] = []
    for i, word in enumerate(words):
        stem, sep, tail = [*re.split(r"(['’])", word, maxsplit=1), "", ""][:3]
        if re.sub(r"\W", "", stem) in acronyms:
            out.append(stem + sep + tail.lower())
            continue
        if not word.isupper():  # '9th', '13ème', 'GRETA' in mixed words: as written
            out.append(word)
            continue
        low = word.lower()
        if sentence:
            out.append(low if i else low[:1].upper() + low[1:])
        elif i and low in lower and not out[-1].endswith((":", "–", "—")):
            out.append(low)
        else:
            out.append(low[:1].upper() + low[1:])
    return " ".join(out)
