"""Titles on a publication page's own download lines: 'National Referral Mechanisms (Second
edition) - OSCE & ODIHR, 2022 DOWNLOAD' (title, publisher, year, then the download word)."""

from __future__ import annotations

import re
from functools import lru_cache

from .publication_phrases import PhraseTitle, phrases

__all__ = ["download_titles"]


@lru_cache(maxsize=1)
def _download_line() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in phrases()["download"])
    return re.compile(
        r"^[ \t]*(?P<title>[^\n]{8,250}?)[ \t]+[-–—][ \t]+(?P<publisher>[^\n,]{2,80}),[ \t]*"
        rf"(?P<year>(?:19|20)\d\d)[ \t]+(?:{words})[ \t]*$",
        re.MULTILINE,
    )


def download_titles(text: str) -> list[PhraseTitle]:
    """Each 'Title - Publisher, YEAR DOWNLOAD' line: the title and year (the publisher is read
    from the organisations of the line by the caller)."""
    out: list[PhraseTitle] = []
    for m in _download_line().finditer(text):
        title = m.group("title").strip()
        if len(title.split()) < 2 or not title[:1].isupper():
            continue
        s = m.start("title") + m.group("title").find(title)
        out.append(PhraseTitle(" ".join(title.split()), int(m.group("year")), s, s + len(title)))
    return out
