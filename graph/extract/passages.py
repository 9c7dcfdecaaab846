"""Passages of a document: lines, paragraphs, sentences and headings, aware of PDF debris.

Documents converted from PDF carry markup and debris (Markdown `#`/`**`, an HTML `<b>`,
footnotes that split a paragraph, stray time lines). These helpers give spans (offsets into the
text) with that debris trimmed, so every extractor can build exact evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Evidence

__all__ = [
    "Line",
    "PageOf",
    "clean_span",
    "evidence",
    "header_end",
    "header_end_of",
    "is_footnote",
    "lines",
    "paragraphs",
    "segments",
    "sentence_at",
    "sentences",
]

PageOf = Callable[[int], "int | None"]

# One character or one tag per repetition: no quantifier nested in another (no backtracking blow-up).
_LEADING = re.compile(r"(?:[\s#*_\[>|]|<[a-zA-Z]{1,12}>)+")
_TAG_END = re.compile(r"</?[a-zA-Z]{1,12}>")
_TRAIL_CHARS = frozenset("*_|")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
_STOP = re.compile(r"[\n.!?]")
_CLOSERS = '"”’)¹²³⁴⁵⁶⁷⁸⁹⁰'
_FOOTNOTE = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|\d{1,3}\s(?=See\b|https?://))")
_ABBREV = {
    "no",
    "nos",
    "nr",
    "e.g",
    "i.e",
    "mr",
    "ms",
    "mrs",
    "dr",
    "st",
    "corr",
    "rev",
    "add",
    "etc",
    "incl",
    "approx",
    "vs",
    "art",
    "para",
    "pls",
    "cf",
    "ed",
    "eds",
    "vol",
    "pp",
    "p",
    "co",
    "jr",
    "sr",
}


@dataclass(frozen=True)
class Line:
    """One line of the text: its offsets (without the newline) and its text."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of text[start:end] with their offsets."""
    end = len(text) if end is None else end
    out: list[Line] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append(Line(pos, stop, text[pos:stop]))
        if nl == -1:
            break
        pos = nl + 1
    return out


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace and markup (`#`, `**`, `<b>`, `[...](#)`)."""
    chunk = text[start:end]
    lead = _LEADING.match(chunk)
    s = start + (lead.end() if lead else 0)
    e = _trailing_start(text, s, end)
    return (s, max(s, e))


def _trailing_start(text: str, s: int, e: int) -> int:
    """Where the trailing debris of text[s:e] starts: whitespace, `*`, `_`, `|`, a tag, a `](#...)` link tail.

    A scan from the right: each step removes what it inspected, so the cost is linear in the span.
    """
    while e > s:
        c = text[e - 1]
        if c.isspace() or c in _TRAIL_CHARS:
            e -= 1
            continue
        if c == ">":
            lt = text.rfind("<", max(s, e - 15), e - 1)
            if lt != -1 and _TAG_END.fullmatch(text, lt, e):
                e = lt
                continue
            return e
        if c == ")":
            prev = text.rfind(")", s, e - 1)
            op = text.find("](", max(s, prev + 1), e - 1)
            if op != -1:
                e = op
                continue
            return e
        return e
    return e


def is_footnote(line: str) -> bool:
    """True for a footnote line (starts with a superscript number or `[n]`)."""
    return bool(_FOOTNOTE.match(line))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks separated by blank lines (stripped)."""
    return list(_paragraphs(text))


@lru_cache(maxsize=4)
def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def _is_boundary(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends a sentence (not 'No.', 'Corr.1', 'e.g.')."""
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if word:
        w = word.group(1).lower()
        if w in _ABBREV or (len(w) == 1 and w.isalpha()):
            return False
        if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", w):
            return False  # dotted initials: "the U.S. Embassy", "U.K. Home Office"
    nxt = text[dot + 1 : dot + 2]
    return nxt == "" or nxt.isspace() or nxt in '"”’)¹²³⁴⁵⁶⁷⁸⁹⁰'


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end]; lines and paragraphs always end a sentence.

    The split of a whole text is cached (extractors ask for it many times per document).
    """
    end = len(text) if end is None else end
    if start == 0 and end == len(text):
        return list(_all_sentences(text))
    return _split(text, start, end)


@lru_cache(maxsize=4)
def _all_sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split(text, 0, len(text)))


@lru_cache(maxsize=4)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in _all_sentences(text))


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, stop in segments(text, start, end):
        cs, ce = clean_span(text, s, stop)
        if ce > cs:
            out.append((cs, ce))
    return out


def segments(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The raw pieces between sentence stops in text[start:end], untrimmed (empty ones kept).

    `sentences` trims each piece and drops the empty ones; the document model keeps the pieces
    of the whole text so that it can give the split of any prefix without splitting again.
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    s = start
    found = _STOP.search(text, start, end)
    while found is not None:
        i = found.start()
        stop = None
        if text[i] == "\n":
            stop = i
        elif _is_boundary(text, i):
            j = i + 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            stop = j
        if stop is not None:
            out.append((s, stop))
            s = stop + (1 if text[i] == "\n" else 0)
            found = _STOP.search(text, max(i + 1, s), end)
        else:
            found = _STOP.search(text, i + 1, end)
    out.append((s, end))
    return out


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the sentence that contains `offset` (a binary search in the cached split)."""
    spans = _all_sentences(text)
    k = bisect_right(_sentence_starts(text), offset) - 1
    if k >= 1 and spans[k - 1][1] == offset:  # the end of one sentence and the start of the next
        return spans[k - 1]
    if k >= 0 and spans[k][0] <= offset <= spans[k][1]:
        return spans[k]
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end == -1 else line_end
    return (line_start, line_end)


def header_end(text: str) -> int:
    """Where the header block ends: the start of the first long prose paragraph."""
    return header_end_of(text, paragraphs(text))


def header_end_of(text: str, paras: Iterable[tuple[int, int]]) -> int:
    """`header_end` over paragraphs already found (the document model's)."""
    for s, e in paras:
        block = text[s:e]
        if len(block) > 200 and "\n" not in block.strip() and block.count(". ") >= 1:
            return s
        if len(block) > 400:
            return s
    return len(text)


def evidence(text: str, start: int, end: int, page_of: PageOf | None = None) -> Evidence:
    """The Evidence for text[start:end], with its page when the reader knows pages."""
    return Evidence(text[start:end], start, end, page_of(start) if page_of else None)
