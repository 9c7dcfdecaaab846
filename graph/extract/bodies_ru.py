"""Russian names of bodies outside the register that do not end in a country (issue 14):
"Бюро Международной организации по миграции в Москве" (an office of a register body, in a
city), "Центру по борьбе с торговлей людьми при Министерстве внутренних дел", "Совета по
борьбе против траффикинга и эксплуатации людей в Армении", "Бюро по реинтеграции".

A name is a head noun (any case) with a purpose phrase ("по борьбе с торговлей людьми"), then
optionally "при" and the body it sits under, or "в" and a place; or an office noun before a
register body and "в" with a place. Head nouns and phrases are data (`organisation_cues.json`,
'ru_named'). Words are read once, left to right.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .inflection import parses, stem
from .organisation_words import cues

__all__ = ["RussianBody", "russian_named_bodies"]

_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*|\(|\)|[^\sА-ЯЁа-яё]")
_MAX_TAIL = 4  # words after "при" or "в" that may still belong to the name


@dataclass(frozen=True)
class RussianBody:
    """A Russian name read in the text: its span as written and its head in the nominative."""

    start: int
    end: int
    written: str
    name: str


@dataclass(frozen=True)
class _Lexicon:
    heads: tuple[str, ...]  # lower-case word starts
    office_heads: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]  # stems of the words of each purpose phrase


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w).casefold() for w in phrase.split())


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = cues()["ru_named"]
    return _Lexicon(
        heads=tuple(data["head_stems"]),
        office_heads=tuple(data["office_stems"]),
        phrases=tuple(sorted({_stems(p) for p in data["phrases"]}, key=len, reverse=True)),
    )


def russian_named_bodies(text: str, taken: list[tuple[int, int]]) -> list[RussianBody]:
    """The names of `text` read so; `taken` are the register names' spans (an office's body)."""
    if not re.search("[а-яё]", text[:20_000]):
        return []
    lex = _lexicon()
    words = list(_WORD.finditer(text))
    folded = [stem(w.group(0)).casefold() for w in words]
    starts = dict(taken)
    word_starts = [w.start() for w in words]
    out: list[RussianBody] = []
    last = -1
    for i, w in enumerate(words):
        token = w.group(0)
        if w.start() < last or not token[:1].isupper() or token.isupper():
            continue
        low = token.casefold()
        end: int | None = None
        if low.startswith(lex.office_heads) and i + 1 < len(words):
            known_end = starts.get(words[i + 1].start())
            if known_end is not None and _spaced(text, w.end(), words[i + 1].start()):
                k = bisect_left(word_starts, known_end)
                k = _skip_bracket(words, k)
                end = _place_after(text, words, k)  # "Бюро МОМ в Москве"
        if end is None and low.startswith(lex.heads):
            after = _phrase_after(words, folded, i + 1, lex.phrases)
            if after is not None:
                end = _tail_after(text, words, after) or words[after - 1].end()
                if after < len(words) and words[after].start() in starts:
                    continue  # "Департамента по правам человека БДИПЧ": a unit of a register body
        if end is None:
            continue
        start = _adjectives_before(text, words, i)  # "Региональным Представительством"
        adjective = (
            _nominative(text[start : w.start()].strip(), like=token) if start < w.start() else ""
        )
        name = (adjective + " " if adjective else "") + _nominative(token) + text[w.end() : end]
        out.append(RussianBody(start, end, text[start:end], name))
        last = end
    return out


def _adjectives_before(text: str, words: list[re.Match[str]], i: int) -> int:
    """The start of the capitalised adjective before the head at word i, if one is written."""
    if i == 0 or not _spaced(text, words[i - 1].end(), words[i].start()):
        return words[i].start()
    prev = words[i - 1].group(0)
    if prev[:1].isupper() and not prev.isupper() and parses(prev)[0].tag.POS == "ADJF":
        return words[i - 1].start()
    return words[i].start()


def _spaced(text: str, a: int, b: int) -> bool:
    return text[a:b] in {" ", "\u00a0"}


def _skip_bracket(words: list[re.Match[str]], k: int) -> int:
    """Past an acronym in brackets: "(МОМ)"."""
    if k + 2 < len(words) and words[k].group(0) == "(" and words[k + 2].group(0) == ")":
        return k + 3
    return k


def _place_after(text: str, words: list[re.Match[str]], k: int) -> int | None:
    """The end of "в|во <Capitalised word>[ <Capitalised word>]" at word k, or None."""
    if k + 1 >= len(words) or words[k].group(0) not in {"в", "во"}:
        return None
    if not words[k + 1].group(0)[:1].isupper():
        return None
    end = words[k + 1].end()
    q = k + 2
    if q < len(words) and words[q].group(0)[:1].isupper() and _spaced(text, end, words[q].start()):
        end = words[q].end()  # "в Республике Беларусь"
        q += 1
    if (
        q + 1 < len(words)
        and words[q].group(0) == "и"
        and words[q + 1].group(0)[:1].isupper()
        and _spaced(text, end, words[q].start())
    ):
        end = words[q + 1].end()  # "в России и Белоруссии"
    return end


def _phrase_after(
    words: list[re.Match[str]], folded: list[str], k: int, phrases: tuple[tuple[str, ...], ...]
) -> int | None:
    """The index after a purpose phrase that starts at word k, or None."""
    for phrase in phrases:
        n = len(phrase)
        if k + n <= len(words) and tuple(folded[k : k + n]) == phrase:
            return k + n
    return None


def _tail_after(text: str, words: list[re.Match[str]], k: int) -> int | None:
    """The end of "при <the body it sits under>" or "в <place>" after the phrase, or None:
    a capitalised word and the genitive words after it ("при Министерстве внутренних дел")."""
    if k + 1 >= len(words):
        return None
    if words[k].group(0) in {"в", "во"}:
        return _place_after(text, words, k)
    if words[k].group(0) != "при" or not words[k + 1].group(0)[:1].isupper():
        return None
    end = words[k + 1].end()
    for q in range(k + 2, min(len(words), k + 2 + _MAX_TAIL)):
        word = words[q].group(0)
        if not _spaced(text, words[q - 1].end(), words[q].start()) or not word.isalpha():
            break
        parse = parses(word)[0]
        if word[:1].isupper() or parse.tag.case != "gent" or parse.tag.POS not in {"NOUN", "ADJF"}:
            break
        end = words[q].end()
    return end


def _nominative(word: str, *, like: str | None = None) -> str:
    """A head noun in the nominative singular ("Центру" -> "Центр"), or an adjective agreeing
    with the head `like` ("Региональным" -> "Региональное"); as written if unknown."""
    parse = parses(word)[0]
    if parse.tag.case in (None, "nomn"):
        return word
    wanted = {"nomn", "sing"}
    if like is not None:
        gender = parses(like)[0].tag.gender
        wanted |= {gender} if gender else set()
    form = parse.inflect(wanted)
    new = str(form.word) if form is not None else word
    return new[:1].upper() + new[1:]
