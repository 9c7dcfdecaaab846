"""French names of bodies outside the register, as French writes them: in lower case ("le
ministère de l'Intérieur", "l'office central de répression de la traite des êtres humains"), with
adjectives after the head ("l'Institut national judiciaire moldave", "la Commission nationale
bulgare de lutte contre la traite des êtres humains") and with portfolios listed ("ministère du
Travail, de l'Emploi et du Dialogue social").

A name is a head noun followed by adjectives and by prepositional phrases whose object is a
capitalised name ("de France", "à l'OSCE") or a known phrase ("la traite des êtres humains"). The
head nouns, prepositions, adjectives and phrases are data (`organisation_cues.json`, 'fr_bodies').
Words are read one by one, once: the time grows with the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .organisation_words import cues

__all__ = ["FrenchBody", "french_bodies", "is_territory", "same_body_key"]

# a word, an elided article or preposition ("l’", "d’") as its own token, or one other character
_TOKEN = re.compile(r"(?<![^\W\d_])[dlDL][’'](?=[^\W\d_]|$)|[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[^\s]")
_MAX_WORDS = 24  # a name longer than this is a clause, not a name


@dataclass(frozen=True)
class FrenchBody:
    """A French name read in the text: its span, the name as written, an acronym defined after it."""

    start: int
    end: int
    name: str
    acronym: str | None


@dataclass(frozen=True)
class _Lexicon:
    heads: frozenset[str]  # folded; capitalised in the text
    lower_heads: frozenset[str]  # folded; also in lower case
    prepositions: tuple[tuple[str, ...], ...]  # folded token sequences, longest first
    adjectives: frozenset[str]
    endings: tuple[str, ...]
    not_adjectives: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # folded token sequences, longest first
    markers: tuple[str, ...]
    territory_heads: frozenset[str]
    portfolio_heads: frozenset[str]
    located_heads: frozenset[str]


def _tokens_of(phrase: str) -> tuple[str, ...]:
    return tuple(t.casefold().replace("'", "’") for t in _TOKEN.findall(phrase))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = cues()["fr_bodies"]
    return _Lexicon(
        heads=frozenset(w.casefold() for w in data["heads"]),
        lower_heads=frozenset(w.casefold() for w in data["lower_case_heads"]),
        prepositions=tuple(
            sorted({_tokens_of(p) for p in data["prepositions"]}, key=len, reverse=True)
        ),
        adjectives=frozenset(w.casefold() for w in data["adjectives"]),
        endings=tuple(data["adjective_endings"]),
        not_adjectives=frozenset(w.casefold() for w in data["not_adjectives"]),
        phrases=tuple(sorted({_tokens_of(p) for p in data["phrases"]}, key=len, reverse=True)),
        markers=tuple(data["french_markers"]),
        territory_heads=frozenset(w.casefold() for w in data["territory_heads"]),
        portfolio_heads=frozenset(w.casefold() for w in data["portfolio_heads"]),
        located_heads=frozenset(w.casefold() for w in data["located_heads"]),
    )


def _fold(token: str) -> str:
    return token.casefold().replace("'", "’")


def _is_french(text: str, lex: _Lexicon) -> bool:
    sample = text[:20_000]
    return sum(sample.count(m) for m in lex.markers) >= 3


class _Reader:
    """The tokens of one text and the grammar of a name over them."""

    def __init__(self, text: str, lex: _Lexicon, taken: list[tuple[int, int]]) -> None:
        self.text = text
        self.lex = lex
        self.toks = list(_TOKEN.finditer(text))
        self.folded = [_fold(t.group(0)) for t in self.toks]
        self.starts = [t.start() for t in self.toks]
        self.taken_end = dict(taken)  # a register name: one object ("à l'OSCE")

    def joined(self, k: int) -> bool:
        """Token k follows token k-1 on the same line with spaces only (or after an elision)."""
        gap = self.text[self.toks[k - 1].end() : self.toks[k].start()]
        return gap == "" or (gap.strip(" \t") == "" and "\n" not in gap)

    def cap(self, k: int) -> bool:
        word = self.toks[k].group(0)
        return word[:1].isupper() and word[:1].isalpha()

    def adjective(self, k: int) -> bool:
        word = self.folded[k]
        if not word.isalpha() or word in self.lex.not_adjectives:
            return False
        if word in self.lex.adjectives:
            return True
        return not self.cap(k) and len(word) > 4 and word.endswith(self.lex.endings)

    def seq(self, k: int, options: tuple[tuple[str, ...], ...]) -> int:
        """The length of the first of `options` written at token k (joined), or 0."""
        for option in options:
            n = len(option)
            if k + n > len(self.toks):
                continue
            if tuple(self.folded[k : k + n]) == option and all(
                self.joined(q) for q in range(k + 1, k + n)
            ):
                return n
        return 0

    def adjectives(self, k: int, limit: int) -> int:
        """Token index after the adjectives that start at k."""
        while k < limit and self.joined(k) and self.adjective(k) and not self.head(k):
            k += 1
        return k

    def head(self, k: int) -> bool:
        word = self.folded[k]
        return (word in self.lex.heads and self.cap(k)) or word in self.lex.lower_heads

    def object(self, k: int, limit: int) -> int:
        """Token index after the object of a preposition at k, or k when none is written there:
        capitalised words (and their adjectives: 'Affaires sociales') or a known phrase."""
        if k >= limit or not self.joined(k):
            return k
        known_end = self.taken_end.get(self.starts[k])
        if known_end is not None:  # "du Conseil de l'Europe sur la lutte contre la traite"
            return self.adjectives(bisect_left(self.starts, known_end), limit)
        if self.cap(k) and not self.head(k):
            q = k + 1
            while q < limit and self.joined(q) and self.cap(q) and not self.head(q):
                q += 1
            return self.adjectives(q, limit)
        n = self.seq(k, self.lex.phrases)
        return k + n if n else k

    def name_at(self, i: int) -> tuple[int, int] | None:
        """(first token after the name, the name's number of parts) for a head at token i."""
        limit = min(len(self.toks), i + _MAX_WORDS)
        k = i + 1
        while k < limit and self.joined(k) and self.cap(k) and not self.head(k):
            if self.seq(k, self.lex.prepositions):
                break  # "Association Contre la Prostitution": the phrase's own preposition
            k += 1  # a name in capitals: "Conseil National des Barreaux", "Comité Catholique"
        k = self.adjectives(k, limit)
        parts = k - (i + 1)
        while k < limit:
            start = k
            listed = False
            if self.folded[k] in {",", "et"} and k + 1 < limit:
                start, listed = k + 1, True  # "du Travail, de l'Emploi et du Dialogue social"
            n = (
                self.seq(start, self.lex.prepositions)
                if start < limit and self.joined(start)
                else 0
            )
            if not n:
                break
            after = self.object(start + n, limit)
            if after == start + n:
                break
            located = self.folded[i] in self.lex.located_heads
            if self.folded[start] == "à" and n == 1 and not located and self.city(start + 1, after):
                break  # "l'Ecole nationale de la magistrature à Bordeaux": where it is
            if listed and not self.cap(start + n):
                break  # ", de la traite": a clause, not one more portfolio
            if listed and self.folded[i] not in self.lex.portfolio_heads and self.cap(start + n):
                # only a ministry lists portfolios; elsewhere "X, de Y" starts another phrase
                break
            k = after
            parts += 1
        ministry = self.folded[i] in self.lex.portfolio_heads  # its name ends with its portfolios
        if parts and not ministry and k < len(self.toks) and self.joined(k) and self.cut_short(k):
            return None  # "l'Institut de Santé de l'enfant": the name runs on in lower case
        return (k, parts) if parts else None

    def city(self, k: int, end: int) -> bool:
        from .gazetteer import city_name  # the table loads on first use

        return city_name(self.text[self.toks[k].start() : self.toks[end - 1].end()]) is not None

    def cut_short(self, k: int) -> bool:
        """A preposition at k followed by a lower-case word the grammar did not read."""
        n = self.seq(k, self.lex.prepositions)
        if not n or k + n >= len(self.toks) or not self.joined(k + n):
            return False
        word = self.toks[k + n].group(0)
        return word[:1].isalpha() and word[:1].islower()


def french_bodies(text: str, taken: list[tuple[int, int]]) -> list[FrenchBody]:
    """The French names of bodies in `text` whose head word is not inside a `taken` span (a
    register name: "le bureau des Institutions démocratiques" is ODIHR's)."""
    lex = _lexicon()
    if not _is_french(text, lex):
        return []
    reader = _Reader(text, lex, taken)
    taken_sorted = sorted(taken)
    out: list[FrenchBody] = []
    last = -1
    t = 0
    for i, tok in enumerate(reader.toks):
        if tok.start() < last or not reader.head(i) or tok.group(0).isupper():
            continue  # a head in capitals is a heading's word ("CONSEIL DE L EUROPE")
        while t < len(taken_sorted) and taken_sorted[t][1] <= tok.start():
            t += 1
        if t < len(taken_sorted) and taken_sorted[t][0] <= tok.start():
            continue  # the head is part of a register name
        read = reader.name_at(i)
        if read is None:
            continue
        end_tok, parts = read
        lower = reader.folded[i] in lex.lower_heads and not reader.cap(i)
        if parts < 2 and not lower and not _has_capital_object(reader, i, end_tok):
            continue  # "le Conseil national", "la Commission nationale": no name of its own
        s, e = tok.start(), reader.toks[end_tok - 1].end()
        name = " ".join(text[s:e].split())
        if reader.folded[i] in lex.territory_heads and _territory(name):
            continue  # "la Fédération de Bosnie-Herzégovine": a part of a country, no body
        acronym = re.match(r"[ \t]*\(([A-ZÀ-Þ][A-Za-zÀ-ÿ.\-]{1,11})\)", text[e : e + 16])
        out.append(FrenchBody(s, e, name, acronym.group(1) if acronym else None))
        last = e
    return out


def is_territory(name: str) -> bool:
    """True for "Fédération de Bosnie-Herzégovine": a territory's head and a country."""
    first = name.split()[0].casefold() if name.split() else ""
    return first in _lexicon().territory_heads and _territory(name)


def same_body_key(name: str) -> str:
    """A French name folded without an adjective right after its head: "ministère français de
    la Justice" and "Ministère de la Justice" are one body named twice."""
    words = name.casefold().split()
    lex = _lexicon()
    if len(words) > 2 and words[0] in lex.heads | lex.lower_heads and words[1] in lex.adjectives:
        words = [words[0], *words[2:]]
    return " ".join(words)


def _territory(name: str) -> bool:
    """A head and a country ("Fédération de Bosnie-Herzégovine")."""
    from .countries import is_country_word

    rest = re.sub(r"^\S+\s+(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])", "", name)
    return rest != name and is_country_word(rest)


def _has_capital_object(reader: _Reader, i: int, end: int) -> bool:
    return any(reader.cap(k) for k in range(i + 1, end))
