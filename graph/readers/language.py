"""Which language a document is written in (en, fr or ru), from its script and its commonest words.

A small offline heuristic, enough for the genre's three working languages: Cyrillic letters mean
Russian; among Latin-script texts, English and French are told apart by their function words.
It needs no model and gives the same answer every time; `None` means too little text to say.
"""

from __future__ import annotations

import re

__all__ = ["LANGUAGES", "detect_language"]

LANGUAGES = ("en", "fr", "ru")

_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "for",
            "on",
            "with",
            "that",
            "by",
            "was",
            "were",
            "are",
            "from",
            "at",
            "this",
            "as",
            "be",
            "have",
            "has",
            "it",
            "which",
            "their",
            "will",
            "an",
            "its",
            "been",
            "or",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "de",
            "en",
            "un",
            "une",
            "est",
            "pour",
            "dans",
            "sur",
            "au",
            "aux",
            "par",
            "que",
            "qui",
            "avec",
            "ce",
            "cette",
            "sont",
            "ont",
            "été",
            "a",
            "leur",
            "ses",
            "son",
            "l",
            "d",
            "qu",
        ]
    ),
}


def detect_language(text: str, *, sample: int = 20000) -> str | None:
    """'en', 'fr' or 'ru' for the dominant language of the text; None when it cannot tell."""
    head = text[:sample]
    letters = [ch for ch in head if ch.isalpha()]
    if len(letters) < 20:
        return None
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyrillic > 0.3 * len(letters):
        return "ru"
    words = [w.lower() for w in _WORD.findall(head)]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return None
    return best
