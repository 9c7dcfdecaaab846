"""Countries a document mentions, as ISO 3166-1 alpha-2 codes (XK Kosovo, CS Serbia and Montenegro)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

from ..errors import ThbGraphError
from ..model import Country, Evidence
from .document import Document, line_letters
from .inflection import stem_pattern

__all__ = ["country_mentions", "country_name", "find_countries", "is_country_word"]


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Table:
    names: dict[str, str]  # name as written (Title case) -> code
    exact: dict[str, str]  # abbreviation matched exactly as written -> code
    demonyms: dict[str, str]
    demonym_nouns: frozenset[str]
    ambiguous: frozenset[str]
    display: dict[str, str]
    by_first: dict[str, str]  # first word (lower case) -> regex source of the names it starts
    russian: dict[str, str]  # stem pattern group name -> code
    russian_pattern: re.Pattern[str] | None
    context: dict[str, re.Pattern[str]]  # name -> what must be written just before it
    first_words: frozenset[str]  # the first word (lower case) of every name: where to try
    not_after: dict[str, re.Pattern[str]]  # name -> what, written just before it, makes it none
    demonym_not_before: frozenset[str]  # words after which a nationality adjective is no country


def _data() -> dict[str, Any]:
    path = resources.files("thbgraph.graph.extract") / "data" / "countries.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ThbGraphError(f"{path}: cannot read the country table: {exc}") from exc
    return data


def _pycountry_names(drop: set[str]) -> dict[str, str]:
    """Short, official and common names of every country, with 'Moldova, Republic of' turned round."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            value = re.sub(r"\s*\(.*?\)", "", value).strip()
            if ", " in value:
                head, rest = value.split(", ", 1)
                candidates = [head, f"{rest} {head}".replace("the ", "", 1)]
                if "," in rest or rest.startswith("Province"):
                    candidates = [head]
            else:
                candidates = [value]
            for v in candidates:
                v = re.sub(r"^the ", "", v)
                if v not in drop and len(v) > 3:
                    names.setdefault(v, c.alpha_2)
    return names


def _cldr_names(locales: list[str]) -> dict[str, str]:
    """Country names in other languages from CLDR (Babel): 'Tunisie' -> TN, 'Ouganda' -> UG."""
    if not locales:
        return {}
    from babel import Locale

    codes = {c.alpha_2 for c in pycountry.countries}
    out: dict[str, str] = {}
    for loc in locales:
        for code, name in Locale.parse(loc).territories.items():
            if code in codes and len(name) > 3:
                out.setdefault(name, code)
    return out


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = _data()
    names = _pycountry_names(set(data.get("drop", [])))
    for name, code in _cldr_names(data.get("cldr_locales", [])).items():
        if name not in data.get("drop", []):
            names.setdefault(name, code)
    names.update(data["names"])
    exact = dict(data["exact"])
    demonyms = dict(data["demonyms"])
    alternatives = sorted([*names, *exact, *demonyms], key=lambda n: (-len(n), n))
    firsts = [re.match(r"\w+", n) for n in alternatives]
    if not all(firsts):
        raise ThbGraphError("countries.json: every country name must start with a letter")
    # one pattern per first word, longest name first, compiled only when a text has the word
    starts = [f.group(0).lower() for f in firsts if f is not None]  # every name has one
    by_word: dict[str, list[str]] = {}
    for name, word in zip(alternatives, starts, strict=True):
        by_word.setdefault(word, []).append(re.escape(name).replace(r"\ ", r"\s+"))
    by_first = {w: r"(?<![\w.])(?:" + "|".join(v) + r")(?![\w])" for w, v in by_word.items()}
    first_words = frozenset(by_first)
    russian = {f"r{i}": code for i, code in enumerate(data.get("names_ru", {}).values())}
    groups = [f"(?P<r{i}>{_russian_stem(name)})" for i, name in enumerate(data.get("names_ru", {}))]
    russian_pattern = re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)") if groups else None
    return _Table(
        names={n.casefold(): c for n, c in names.items()},
        exact=exact,
        demonyms=demonyms,
        demonym_nouns=frozenset(data["demonym_nouns"]),
        ambiguous=frozenset(data["ambiguous"]),
        display=dict(data["display"]),
        by_first=by_first,
        russian=russian,
        russian_pattern=russian_pattern,
        context={k: re.compile(v) for k, v in data.get("context", {}).items()},
        not_after={k: re.compile(v) for k, v in data.get("not_after", {}).items()},
        demonym_not_before=frozenset(data.get("demonym_not_before", [])),
        first_words=first_words,
    )


@lru_cache(maxsize=1024)
def _name_regex(source: str) -> re.Pattern[str]:
    """The names starting with one word, compiled when a text first has that word."""
    return re.compile(source, re.IGNORECASE)


def _russian_stem(name: str) -> str:
    """A pattern for a Russian name in any grammatical case: each word's ending may change."""
    words = [stem_pattern(word) for word in name.split()]
    return r"\s+".join(words)


def country_name(code: str) -> str:
    """The English name reported for a code ('MD' -> 'Moldova', 'XK' -> 'Kosovo')."""
    table = _table()
    if code in table.display:
        return table.display[code]
    entry = pycountry.countries.get(alpha_2=code)
    if entry is None:
        return code
    return getattr(entry, "common_name", None) or entry.name


def is_country_word(word: str) -> bool:
    """True for a country name or nationality adjective written alone ('Spanish', 'Italy')."""
    table = _table()
    return word in table.demonyms or word.casefold() in table.names or word in table.exact


def _title_or_caps(written: str) -> bool:
    """True when written like a name: 'Republic of Moldova', 'SERBIA AND MONTENEGRO'."""
    words = re.findall(r"[^\W\d_][\w'’-]*", written)
    if written.isupper():
        return len(written) >= 4
    lower_ok = {"and", "of", "the", "former", "da", "du", "de", "et"}
    return any(w[0].isupper() for w in words) and all(
        w[0].isupper() or w in lower_ok for w in words
    )


def _demonym_ok(text: str, end: int, nouns: frozenset[str]) -> bool:
    """'Greek Presidency', 'German authorities' count; 'English, Russian' (languages) does not."""
    nxt = re.match(r"[ \t]+([\w-]+)", text[end : end + 40])
    if not nxt:
        return False
    word = nxt.group(1)
    return word[0].isupper() or word.casefold() in nouns


def _ambiguous_ok(text: str, start: int, end: int) -> bool:
    """'Jordan', 'Georgia' are countries unless part of a person's name ('Michael Jordan')."""
    before = re.search(r"([A-Z][a-z]+)[ \t]+$", text[max(0, start - 30) : start])
    after = re.match(r"[ \t]+([A-Z][a-z]+)", text[end : end + 30])
    return not before and not after


def _classify(text: str, m: re.Match[str], table: _Table) -> str | None:
    """The code a match stands for, or None when the context says it is no country here."""
    written = m.group(0)
    folded = " ".join(written.split()).casefold()
    s, e = m.span()
    if written in table.exact:
        if written == "US" and _line_is_caps(text, s):
            return None
        return table.exact[written]
    if folded in table.names:
        if not _title_or_caps(written):
            return None
        needs = table.context.get(written)
        if needs is not None and not needs.search(text, max(0, s - 20), s):
            return None  # "Réunion des coordinateurs": the French word for a meeting
        if written in table.ambiguous and not _ambiguous_ok(text, s, e):
            return None
        never = table.not_after.get(written)
        if never is not None and never.search(text, max(0, s - 30), s):
            return None  # "the Sovereign Order of Malta" is no country
        return table.names[folded]
    code = table.demonyms.get(written)
    nxt = re.match(r"[ \t]+(\w+)", text[e : e + 30])
    if nxt and nxt.group(1) in table.demonym_not_before:
        return None  # "American University of ...", "Swiss Agency for ...": an institution
    if code and _demonym_ok(text, e, table.demonym_nouns):
        return code
    return None


def country_mentions(text: str) -> list[tuple[str, int, int]]:
    """Every (code, start, end) where the text names a country; the longest name wins."""
    return list(_mentions(text))


@lru_cache(maxsize=4)
def _mentions(text: str) -> tuple[tuple[str, int, int], ...]:
    table = _table()
    out: list[tuple[str, int, int]] = []
    pos = 0
    for word in _WORD.finditer(text):  # a name is only tried where its first word is written
        if word.start() < pos or word.group(0).lower() not in table.first_words:
            continue
        m = _name_regex(table.by_first[word.group(0).lower()]).match(text, word.start())
        if m is None:
            continue
        code = _classify(text, m, table)
        if code is None:
            continue  # a shorter name may start at a later word
        out.append((code, m.start(), m.end()))
        pos = m.end()
    if table.russian_pattern is not None and not text.isascii():
        for m in table.russian_pattern.finditer(text):
            if m.group(0)[:1].isupper() and m.lastgroup is not None:
                out.append((table.russian[m.lastgroup], m.start(), m.end()))
        out.sort(key=lambda c: c[1])
    return tuple(out)


def _line_is_caps(text: str | Document, pos: int) -> bool:
    """True inside an all-capitals line (each line counted once when the text has its model)."""
    letters, capitals = line_letters(text, pos)
    return letters > 4 and capitals


def find_countries(text: str) -> list[Country]:
    """The countries a document mentions, de-duplicated by code, with the first passage naming each.

    Names come from pycountry (short, official, common) and the bundled table of historical and
    alternate names (Serbia and Montenegro, Kosovo, Macedonia, 'BiH', 'UK'); nationality
    adjectives count only before a noun ('Greek Presidency'), never as a language ('English, Russian').
    """
    seen: dict[str, Country] = {}
    for code, s, e in country_mentions(text):
        if code not in seen:
            seen[code] = Country(code, country_name(code), Evidence(text[s:e], s, e))
    return list(seen.values())
