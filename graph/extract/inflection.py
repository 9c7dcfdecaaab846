"""Russian names as patterns that accept any grammatical case ("Совет Европы" / "Советом Европы").

Russian declines names, so a register label in the nominative rarely appears as written. A word
is matched by its stem and a short ending; acronyms ("ОБСЕ") and short words stay exact.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["declined", "parses", "stem", "stem_pattern"]

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+")
_VOWELS = "аяьйиоеыуюё"


def declined(word: str) -> bool:
    """True for a Cyrillic word (not an acronym) whose ending changes with its case."""
    return len(word) >= 4 and not word.isupper() and bool(_CYRILLIC_WORD.fullmatch(word))


# adjective endings, longest first ("Специального", "Российская", "Соединённые")
_ADJECTIVE = ("ого", "его", "ому", "ему", "ыми", "ими", "ый", "ий", "ой", "ая", "яя", "ое", "ее",
              "ые", "ие", "ых", "их", "ым", "им", "ую", "юю")  # fmt: skip


def stem(word: str) -> str:
    """The part of a declined word every case keeps: without an adjective ending
    ("Специального" / "Специальный") or a final vowel ("Конвенция" / "Конвенцией"); a word
    ending in a consonant is its own stem ("Казахстан" / "Казахстаном")."""
    low = word.lower()
    for ending in _ADJECTIVE:
        if low.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    if low[-1] in _VOWELS:
        return word[:-1]
    return word


def stem_pattern(word: str) -> str:
    """A regex for `word` in any case: its escaped stem and up to three letters of ending."""
    if not declined(word):
        return re.escape(word)
    return re.escape(stem(word)) + r"\w{0,3}"


@lru_cache(maxsize=1)
def _morph() -> Any:
    """The Russian morphological analyser (pymorphy3), loaded once per process, when first needed."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word, cached: names recur across a document and a batch."""
    return tuple(_morph().parse(word))
