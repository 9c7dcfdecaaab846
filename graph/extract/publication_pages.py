"""Titles on a publication's own pages: its download lines ('National Referral Mechanisms
(Second edition) - OSCE & ODIHR, 2022 DOWNLOAD'), its cover title in capitals near 'ISBN' or
'Published by', and its suggested citation ('Cite as: Author, Title (December 2013).')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .organisations import OrgMention
from .publication_phrases import PhraseTitle, phrases, recase

__all__ = ["cover_titles", "download_titles", "page_titles"]

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


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
    words = "|".join(re.escape(w) for w in phrases()["download"])
    ends = re.finditer(rf"(?:{words})[ \t]*$", text, re.MULTILINE)
    lines = {text.rfind("\n", 0, e.start()) + 1 for e in ends}  # only lines that end so
    for m in (x for start in sorted(lines) if (x := _download_line().match(text, start))):
        title = m.group("title").strip()
        if len(title.split()) < 2 or not title[:1].isupper():
            continue
        s = m.start("title") + m.group("title").find(title)
        out.append(PhraseTitle(" ".join(title.split()), int(m.group("year")), s, s + len(title)))
    return out


@lru_cache(maxsize=1)
def _cite_line() -> re.Pattern[str]:
    labels = "|".join(re.escape(w) for w in phrases()["cite_labels"])
    return re.compile(
        rf"(?:{labels})[ \t]*:[^\n,]{{2,200}},[ \t]+(?P<title>[A-ZÀ-ÖØ-ÞА-Я][^\n()]{{8,250}}?)"
        r"[ \t]*\((?:[^()\d\n]{0,20})?(?P<year>(?:19|20)\d\d)\)"
    )


def cite_titles(text: str) -> list[PhraseTitle]:
    """'Cite as: OSCE Office of ..., Combating Trafficking and Exploitation: ... (December 2013).'"""
    out: list[PhraseTitle] = []
    for m in _cite_line().finditer(text):
        s, e = m.span("title")
        out.append(PhraseTitle(" ".join(m.group("title").split()), int(m.group("year")), s, e))
    return out


def cover_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """A line in capitals in the first 3,000 characters with a cover's words ('ISBN', 'Published
    by', 'Annual Report') in the 600 after it: the work's title, re-cased; its year is the first
    one written after it. Lines that are an organisation's name or carry a symbol are not titles."""
    cues = re.compile("|".join(re.escape(w) for w in phrases()["cover_cues"]))
    acronyms = frozenset(a.upper() for m in mentions for a in (m.acronym,) if a)
    for line in re.finditer(r"[^\n]+", text[:3000]):
        written = line.group(0).strip()
        words = written.split()
        letters = [c for c in written if c.isalpha()]
        if len(words) < 3 or len(words) > 30 or not letters or "/" in written:
            continue
        if sum(c.isupper() for c in letters) < 0.9 * len(letters) or _YEAR.search(written):
            continue
        s = line.start() + line.group(0).find(written)
        e = s + len(written)
        if any(m.start <= s and e <= m.end for m in mentions):
            continue  # 'ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE'
        after = text[e : e + 600]
        if not cues.search(after):
            continue
        year = _YEAR.search(after)
        title = recase(" ".join(words), acronyms)
        return [PhraseTitle(title, int(year.group(1)) if year else None, s, e)]
    return []


def page_titles(text: str, mentions: Sequence[OrgMention]) -> list[PhraseTitle]:
    """Every title a publication's own page states: download lines, the suggested citation, the
    cover title."""
    return [*download_titles(text), *cite_titles(text), *cover_titles(text, mentions)]
