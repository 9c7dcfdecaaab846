"""Entries of a reference list: a numbered or bulleted line, or a line under a heading such as
'References', 'Bibliographie', 'Литература', that gives an author, a title and a year.

Two shapes are read: 'OSCE/ODIHR (2020). Title of the Work. Warsaw.' (author, year in brackets,
title to its full stop) and 'UNODC, Title of the Work, Vienna, 2018.' or 'UNODC, Title (2018)'
(author, title, then place and year). Outside a reference list's heading the author must be an
organisation the register or the text names, so that a programme line ('2. Welcome, Ms X, ...')
is not taken for an entry. A URL on the entry's line or the next one is its address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .organisations import OrgMention
from .publication_phrases import PhraseTitle, phrases

__all__ = ["reference_titles"]

_MARKER = re.compile(r"[ \t]*(?:\d{1,3}[.)]|\[\d{1,3}\]|[-•*–])[ \t]+")
_APA = re.compile(
    r"(?P<author>[^()\n]{2,120}?)[ \t]*\((?P<year>(?:19|20)\d\d)[a-z]?\)[.,:]?[ \t]+"
    r"(?P<title>[^\n]{8,250}?)(?=\.[ \t]|\.?[ \t]*$|,?[ \t]*<?https?://|[.,]?[ \t]*(?i:available))"
)
_CHICAGO = re.compile(
    r"(?P<author>[^,\n]{2,100}),[ \t]+(?P<title>[^\n]{8,250}?)[ \t]*"
    r"(?:\((?:[^()\n]{0,30}?)(?P<y1>(?:19|20)\d\d)\)|,[ \t]*(?:[^,\n]{1,40},[ \t]*)?(?P<y2>(?:19|20)\d\d)\b)"
)
_URL = re.compile(r"<?(https?://[^\s<>()\]\"]+[^\s<>()\]\".,;])>?")
_NEXT_URL = re.compile(
    r"\n[ \t]*(?:(?i:available)[^:\n]{0,20}:[ \t]*)?<?(https?://[^\s<>()\]\"]+[^\s<>()\]\".,;])>?"
)
_WRAP = '*_“”"«»„‘’ \t'


@lru_cache(maxsize=1)
def _heading() -> re.Pattern[str]:
    words = [w for ws in phrases()["reference_headings"].values() for w in ws]
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"^[ \t#*\d.]*(?:{alt})[ \t:*]*$", re.IGNORECASE | re.MULTILINE)


def _section_lines(text: str) -> set[int]:
    """The starts of the lines under a reference list's heading (up to a blank-line gap of two,
    a Markdown heading or 40 lines)."""
    starts: set[int] = set()
    for h in _heading().finditer(text):
        pos, count, blanks = h.end() + 1, 0, 0
        while pos < len(text) and count < 40:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if not line.strip():
                blanks += 1
                if blanks > 1:
                    break
            else:
                if line.lstrip().startswith("#"):
                    break
                blanks = 0
                starts.add(pos)
            pos, count = end + 1, count + 1
    return starts


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The title without the italics or quotes around it and the stops after it."""
    while s < e and text[s] in _WRAP:
        s += 1
    while e > s and text[e - 1] in _WRAP + ".,:;":
        e -= 1
    return s, e


def _is_title(title: str) -> bool:
    words = title.split()
    return 2 <= len(words) <= 40 and bool(re.match(r"[A-ZÀ-ÖØ-ÞА-ЯЁ0-9]", title))


def reference_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """The titles of the entries of every reference list of the text."""
    listed = _section_lines(text)
    out: list[PhraseTitle] = []
    for line in re.finditer(r"[^\n]+", text):
        marker = _MARKER.match(line.group(0))
        in_list = line.start() in listed
        if marker is None and not in_list:
            continue
        start = line.start() + (marker.end() if marker else 0)
        body_end = line.end()
        for shape in (_APA, _CHICAGO):
            m = shape.match(text, start, body_end)
            if m is None:
                continue
            a_s, a_e = m.span("author")
            author = text[a_s:a_e].strip(_WRAP)
            if not author[:1].isupper() or len(author.split()) > 12:
                continue
            named = any(a_s <= o.start and o.end <= a_e + 1 for o in mentions)
            if not (in_list or named):
                continue
            s, e = _trim(text, *m.span("title"))
            title = text[s:e]
            if not _is_title(title) or _URL.match(title):
                continue
            year = m.groupdict().get("year") or m.groupdict().get("y1") or m.groupdict().get("y2")
            url = _URL.search(text, m.end(), body_end)
            if url is None:  # a URL alone on the next line, not the next entry's
                url = _NEXT_URL.match(text, body_end)
            out.append(
                PhraseTitle(
                    " ".join(title.split()),
                    int(year) if year else None,
                    s,
                    e,
                    url.group(1) if url else None,
                    url.start(1) if url else -1,
                    url.end(1) if url else -1,
                )
            )
            break
    return out
