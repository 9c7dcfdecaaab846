"""Topics a document is about: register topic concepts signalled by their labels and keywords."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..register import Register
from .organisations import anchored_matches, phrase_anchor, phrase_source

__all__ = ["find_topics", "topic_hits"]


@lru_cache(maxsize=8192)
def _label_pattern(label: str) -> re.Pattern[str]:
    """A topic label's pattern, compiled once per process and only for texts that may hold it.

    Acronyms ('NRM') match as written; other labels as `phrase_regex` reads them, also with a
    plural last word ('national referral mechanisms').
    """
    if len(label) <= 5 and label.isupper():
        return re.compile(r"(?<!\w)" + re.escape(label) + r"s?(?!\w)")
    source = phrase_source(label)
    if re.search(r"\w$", label):
        source = source.removesuffix(r"(?!\w)") + r"(?:s|es)?(?!\w)"
    return re.compile(source, re.IGNORECASE)


@lru_cache(maxsize=16)
def _patterns(register: Register) -> list[tuple[str, str, str]]:
    """(key, anchor, label) for every topic label, alternative label and keyword, longest first."""
    out = []
    for key, topic in sorted(register.topics.items()):
        labels = {topic.label, *topic.aliases, *topic.keywords}
        for label in sorted(labels, key=lambda x: (-len(x), x)):
            if len(label.strip()) < 3:
                continue
            out.append((key, phrase_anchor(label), label))
    return out


def topic_hits(text: str, register: Register) -> dict[str, list[tuple[int, int]]]:
    """Topic key -> the spans that signal it (labels, alternative labels and keywords)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    ordered: dict[str, list[tuple[int, int]]] = {}  # per key, its (disjoint) spans sorted
    folded = text.casefold()
    for key, anchor, label in _patterns(register):
        if anchor not in folded:  # most labels are absent: their patterns are never compiled
            continue
        pattern = _label_pattern(label)
        for m in anchored_matches(pattern, anchor, text, folded, 3 * len(pattern.pattern)):
            order = ordered.setdefault(key, [])
            # the spans of a key never overlap: only the last one starting before m's end can
            k = bisect_left(order, (m.end(), -1))
            if k and order[k - 1][1] > m.start():
                continue
            order.insert(k, m.span())
            hits.setdefault(key, []).append(m.span())
    return hits


def find_topics(text: str, register: Register) -> list[str]:
    """The register topic keys a document is about, most signalled first (ties: first mentioned)."""
    hits = topic_hits(text, register)
    return sorted(hits, key=lambda k: (-len(hits[k]), min(s for s, _ in hits[k]), k))
