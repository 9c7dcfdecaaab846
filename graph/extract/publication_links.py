"""Addresses of publications from the links of the source page (HTML `<a href>`, kept by the reader
beside the text as offsets of the link's words).

A page rarely writes a publication's URL in its text: the title is the link ("the
<a>Handbook on Referral</a>"), a short link follows it ('"Working Together" (<a>download</a>)',
"<a>ici</a>", "<a>здесь</a>"), or its footnote holds a link whose words are not the address. Here
a publication read without a URL takes the address of the link over its title, else of the first
short link after it in the same paragraph (before the next title), else of a link in the footnote
its marker points to. A link to a document file whose words read as a title is a publication of
its own. The passage of each address is the link's words as the text has them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from importlib import resources
from typing import Protocol

from ..model import Evidence, Publication

__all__ = ["LinkLike", "link_publications", "link_urls"]


class LinkLike(Protocol):
    """What the readers' `Link` gives: the offsets of the link's words and its address."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def href(self) -> str: ...


_NEAR = 160  # how far after a title a short link may start and still be its address
_SHORT = 6  # words of a link that only points ("download the PDF", "ici", "read more")


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    """Addresses of document files and the words of links that only point ("download", "ici"):
    `link_document_href` in data/publication_cues.json."""
    path = resources.files("thbgraph.graph.extract") / "data" / "publication_cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))["link_document_href"]
    words = frozenset(w.casefold() for forms in data["pointer_words"].values() for w in forms)
    return re.compile(data["pattern"], re.I), words


def _evidence(text: str, link: LinkLike) -> Evidence:
    return Evidence(text[link.start : link.end], link.start, link.end)


def link_urls(
    text: str,
    publications: Sequence[Publication],
    links: Sequence[LinkLike],
    note_of: Callable[[int], tuple[int, int] | None],
) -> set[int]:
    """Give each publication without a URL the address of its link (in place); the starts of the
    links used. `note_of(end)` is the span of the footnote whose marker follows a title ending at
    `end`, or None."""
    used: set[int] = set()
    if not links:
        return used
    starts = [lk.start for lk in links]
    titles = sorted(p.evidence.start for p in publications if p.evidence is not None)
    for pub in publications:
        ev = pub.evidence
        if pub.url or ev is None:
            continue
        link = _over(links, starts, ev.start, ev.end)
        if link is None:
            link = _after(text, links, starts, titles, ev.end)
        if link is None and (note := note_of(ev.end)) is not None:
            k = bisect_left(starts, note[0])
            link = links[k] if k < len(links) and links[k].end <= note[1] else None
        if link is not None:
            pub.url, pub.url_evidence = link.href, _evidence(text, link)
            used.add(link.start)
    return used


def _over(links: Sequence[LinkLike], starts: list[int], s: int, e: int) -> LinkLike | None:
    """The link whose words overlap the title's (the title is the link, or holds it)."""
    k = bisect_left(starts, e) - 1
    return links[k] if k >= 0 and links[k].end > s else None


def _after(
    text: str, links: Sequence[LinkLike], starts: list[int], titles: list[int], end: int
) -> LinkLike | None:
    """The first short link after a title, in its paragraph, before the next title."""
    k = bisect_left(starts, end)
    if k >= len(links):
        return None
    link = links[k]
    t = bisect_left(titles, end)
    limit = min(end + _NEAR, titles[t] if t < len(titles) else len(text))
    if link.start >= limit or "\n\n" in text[end : link.start]:
        return None
    return link if len(text[link.start : link.end].split()) <= _SHORT else None


def link_publications(
    text: str,
    links: Sequence[LinkLike],
    taken: Sequence[tuple[int, int]],
    is_title: Callable[[str], bool],
    year_after: Callable[[int], int | None],
    used: AbstractSet[int] = frozenset(),
) -> list[Publication]:
    """Publications that are links to document files whose words read as a title of at least
    three words ("<a href=/files/guide.pdf>Guide on Victim Identification</a>"), outside `taken`
    and the links `used` already as another title's address; no link that only points ("Read the
    study", "Télécharger le rapport")."""
    pattern, pointers = _cues()
    out: list[Publication] = []
    for link in links:
        if link.start in used or not pattern.search(link.href):
            continue
        if any(link.start < te and ts < link.end for ts, te in taken):
            continue
        title = " ".join(text[link.start : link.end].split())
        words = title.split()
        if len(words) < 3 or words[0].casefold() in pointers or not is_title(title):
            continue
        out.append(
            Publication(
                title=title,
                year=year_after(link.end),
                url=link.href,
                evidence=_evidence(text, link),
                url_evidence=_evidence(text, link),
            )
        )
    return out
