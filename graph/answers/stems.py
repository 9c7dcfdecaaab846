"""Words and their stems for the full-text index (Snowball stemmers for English, French, Russian).

A word is stemmed by its script and its text's language: Cyrillic words by the Russian stemmer,
Latin words by the French one in a French text and by the English one otherwise. The index holds
the stems; a query word, whose language is unknown, asks for any of its English, French and
Russian stems, so "traites" finds "traité", "trafficked" finds "trafficking", "торговли" finds
"торговля". Accents and case are folded after stemming (by FTS5, and by `fold` here), since the
French stemmer reads accents.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

__all__ = ["Marker", "fold", "index_text", "query_alternatives", "stem"]

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORD = 64  # longer "words" (identifiers, noise) are indexed as they are
SNIPPET_CHARS = 160
CONTEXT_BEFORE = 60
_STEMMERS = {
    lang: Stemmer.Stemmer(name)
    for lang, name in (("en", "english"), ("fr", "french"), ("ru", "russian"))
}


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in [*range(0x00C0, 0x0250), 0x0401, 0x0451, 0x0419, 0x0439]:
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and len(base) == 1:
            table[cp] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case without accents, one character for one (so offsets still hold)."""
    return text.translate(_FOLD).lower()


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str | None) -> str:
    """The stem of one word of a text in `lang`, folded (see the module docstring)."""
    low = word.lower()
    if len(low) > MAX_WORD or low.isdigit():
        return fold(low)
    if _is_cyrillic(low):
        return fold(_STEMMERS["ru"].stemWord(low))
    return fold(_STEMMERS["fr" if lang == "fr" else "en"].stemWord(low))


def index_text(text: str, lang: str | None) -> str:
    """The text as the index holds it: its words' stems, space-separated."""
    return " ".join(stem(w, lang) for w in WORD.findall(text))


def query_alternatives(word: str) -> list[str]:
    """The forms a query word may take in the index: its stems in each language, itself folded."""
    low = word.lower()
    if _is_cyrillic(low):
        forms = [stem(low, "ru"), fold(low)]
    else:
        forms = [stem(low, "en"), stem(low, "fr"), fold(low)]
    return list(dict.fromkeys(forms))


class Marker:
    """Marks the words of a text that match the query's words (same stem), in a short snippet.

    Candidates are found with one regular expression over the folded text (prefixes of the
    stems and the words), then each is checked by stemming it in the text's language.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.forms: set[str] = set()
        prefixes: set[str] = set()
        for w in words:
            alts = query_alternatives(w)
            self.forms.update(alts)
            prefixes.update(a for a in alts if a)
        pattern = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        self._find = re.compile(rf"\b(?:{pattern})\w*") if pattern else None

    def spans(self, text: str, lang: str | None) -> list[tuple[int, int]]:
        """The character spans of the matching words."""
        if self._find is None:
            return []
        out = []
        for m in self._find.finditer(fold(text)):
            word = text[m.start() : m.end()]
            if stem(word, lang) in self.forms or fold(word) in self.forms:
                out.append((m.start(), m.end()))
        return out

    def snippet(self, text: str, lang: str | None) -> str:
        """HTML: the text (or a window of it around the first match, with "…") escaped, the
        matching words in <mark>."""
        spans = self.spans(text, lang)
        start, end = 0, len(text)
        if len(text) > SNIPPET_CHARS:
            first = spans[0][0] if spans else 0
            start = max(0, first - CONTEXT_BEFORE)
            if start > 0:
                space = text.find(" ", start, first)
                start = space + 1 if space >= 0 else start
            end = min(len(text), start + SNIPPET_CHARS)
            if end < len(text):
                space = text.rfind(" ", max(start, spans[0][1] if spans else start), end)
                end = space if space > start else end
        parts = ["…"] if start > 0 else []
        at = start
        for a, b in spans:
            if a < start or b > end:
                continue
            parts += [
                html.escape(text[at:a], quote=False),
                "<mark>",
                html.escape(text[a:b], quote=False),
                "</mark>",
            ]
            at = b
        parts.append(html.escape(text[at:end], quote=False))
        if end < len(text):
            parts.append("…")
        return "".join(parts)
