"""Topics a document is about: register topic concepts signalled by their labels and keywords."""

from __future__ import annotations

import re
from functools import lru_cache

from ..register import Register
from .organisations import anchored_matches, phrase_anchor, phrase_regex

__all__ = ["find_topics", "topic_hits"]


def _plural_tolerant(label: str) -> re.Pattern[str]:
    """The label's pattern, also matching a plural last word ('national referral mechanisms')."""
    base = phrase_regex(label)
    if not re.search(r"\w$", label):
        return base
    source = base.pattern.removesuffix(r"(?!\w)") + r"(?:s|es)?(?!\w)"
    return re.compile(source, base.flags)


@lru_cache(maxsize=16)
def _patterns(register: Register) -> list[tuple[str, str, re.Pattern[str]]]:
    out = []
    for key, topic in sorted(register.topics.items()):
        labels = {topic.label, *topic.aliases, *topic.keywords}
        for label in sorted(labels, key=lambda x: (-len(x), x)):
            if len(label.strip()) < 3:
                continue
            if len(label) <= 5 and label.isupper():  # acronyms ('NRM') as written
                pattern = re.compile(r"(?<!\w)" + re.escape(label) + r"s?(?!\w)")
            else:
                pattern = _plural_tolerant(label)
            out.append((key, phrase_anchor(label), pattern))
    return out


def topic_hits(text: str, register: Register) -> dict[str, list[tuple[int, int]]]:
    """Topic key -> the spans that signal it (labels, alternative labels and keywords)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    folded = text.casefold()
    for key, anchor, pattern in _patterns(register):
        for m in anchored_matches(pattern, anchor, text, folded, 3 * len(pattern.pattern)):
            spans = hits.setdefault(key, [])
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append(m.span())
    return hits


def find_topics(text: str, register: Register) -> list[str]:
    """The register topic keys a document is about, most signalled first (ties: first mentioned)."""
    hits = topic_hits(text, register)
    return sorted(hits, key=lambda k: (-len(hits[k]), min(s for s, _ in hits[k]), k))
