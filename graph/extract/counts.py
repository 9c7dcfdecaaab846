"""How many participants and how many States took part in a meeting (words or digits, en/fr/ru;
the nouns of participants in data/meeting_words.json)."""

from __future__ import annotations

import re

from .document import Document, as_document
from .meeting_lexicon import _alternation

_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


# a count written in words, "Eighteen", "Twenty-two" (2 to 99)
_NUMBER_WORD = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_UNITS[:9])
    + r"))?|"
    + "|".join(sorted(_UNITS[1:], key=len, reverse=True))
    + r")"
)


_FR_UNITS = [
    "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
]  # fmt: skip


_FR_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}


# a count in French words, "Trente-neuf", "vingt et un", "quatre-vingt-deux", "dix-huit" (2 to 99)
_FR_NUMBER_WORD = (
    r"(?:(?:quatre-vingts?|soixante|cinquante|quarante|trente|vingt)"
    r"(?:(?:-|\s+et\s+)(?:un|onze)|-(?:dix-(?:sept|huit|neuf)|"
    + "|".join(sorted(_FR_UNITS[1:], key=len, reverse=True))
    + r"))?|dix-(?:sept|huit|neuf)|"
    + "|".join(sorted(_FR_UNITS[1:], key=len, reverse=True))
    + r")"
)


_ABOUT = (
    r"(?:over|more than|some|about|around|almost|nearly|approximately|close to|plus de|"
    r"pr[eè]s de|environ|quelque|более|свыше|около|почти)"
)


_PARTICIPANTS = re.compile(
    rf"(?:(?P<q>{_ABOUT})\s+)?"
    rf"(?<![\w.,/-])(?P<n>\d{{1,5}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:(?!(?:years?|days?|months?|ans|jours|лет|дней)\b)[\w’'-]+\s+){0,2}?"  # "anti-trafficking practitioners"
    rf"(?:{_alternation('participants')})\b",
    re.I,
)


_STATES = re.compile(
    r"\b(?:from|of|representing|across|de|из|представител\w*|делегаци\w*)\s+"
    rf"(?:{_ABOUT}\s+)?"
    rf"(?P<n>\d{{1,3}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:OSCE\s+|CoE\s+|European\s+|EU\s+)?(?:participating\s+|member\s+)?"
    r"(?:States|countries|nations|pays|[ÉE]tats|государств\w*|стран\w*)\b"
    rf"|(?<![\w-])(?P<n2>\d{{1,3}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:(?:participating\s+|member\s+)?(?:countries|States)|Parties|[ÉE]tats(?:\s+(?:parties|membres))?"
    r"|pays|государств\w*|стран\w*)\s+"
    r"(?:(?:à|to)\s+la\s+Convention\s+|to\s+the\s+Convention\s+)?"
    r"(?:meet|met|gathered|took part|participated|were\s+represented|"
    r"(?:y\s+)?(?:ont\s+particip[ée]|ont\s+pris\s+part|[ée]taient\s+repr[ée]sent[ée]e?s)|"
    r"приняли\s+участие|участвовали)\b"
    rf"|(?<![\w-])(?P<n3>\d{{1,3}}|{_NUMBER_WORD}|{_FR_NUMBER_WORD})\s+"
    r"(?:Parties|[ÉE]tats\s+[Pp]arties|States\s+Parties|государств\w*-участник\w*)\s+(?:à|to|к)\s",
    re.I,
)


def _number(raw: str) -> int:
    """A count written in digits, English or French words ("Twenty-two" -> 22, "Trente-neuf" -> 39)."""
    if raw.isdecimal():
        return int(raw)
    words = re.split(r"[- ]+", raw.lower())
    if any(w in _FR_TENS or w in _FR_UNITS or w in ("quatre", "vingts", "et") for w in words) and (
        words[0] not in _UNITS and words[0] not in _TENS
    ):
        return _french_number(words)
    total = 0
    for word in re.split(r"[- ]", raw.lower()):
        if word in _TENS:
            total += 10 * (_TENS.index(word) + 2)
        elif word in _UNITS:
            total += _UNITS.index(word) + 1
    return total


def _french_number(words: list[str]) -> int:
    """French number words to an integer: "quatre-vingt-dix-huit" -> 98, "vingt et un" -> 21."""
    total = 0
    i = 0
    while i < len(words):
        w = words[i]
        if w == "quatre" and i + 1 < len(words) and words[i + 1].startswith("vingt"):
            total += 80
            i += 2
            continue
        if w in _FR_TENS:
            total += _FR_TENS[w]
        elif w in _FR_UNITS:
            total += _FR_UNITS.index(w) + 1
        i += 1
    return total


_Count = tuple[int, tuple[int, int]]  # the number and the span that states it


def _counts(text: str | Document) -> tuple[_Count | None, _Count | None]:
    """How many participants and how many States took part, each from its first statement."""
    doc = as_document(text)
    text = doc.text
    participants: _Count | None = None
    states: _Count | None = None
    for s, e in doc.sentences_until():
        seg = text[s:e]
        if participants is None:
            m = _PARTICIPANTS.search(seg)
            if m and not re.match(r"\s*(?:of which|percent|%)", seg[m.end() :]):
                participants = (_number(m.group("n")), (s + m.start(), s + m.end()))
        if states is None:
            m = _STATES.search(seg)
            if m:
                n = m.group("n") or m.group("n2") or m.group("n3")
                states = (_number(n), (s + m.start(), s + m.end()))
    return participants, states
