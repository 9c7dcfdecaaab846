"""Words shared by the readers of a meeting: event nouns and verbs (from data/meeting_words.json),
cue lines, future and online words, and organisations looked up by any of their names."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..register import OrganisationEntry, Register

# a date in the header that is not the meeting's: "Deadline for registration: 1 October 2020"
_NOT_MEETING_DATE = re.compile(
    r"(?i)\b(?:deadline|regist\w*|submi\w*|until|before|due|published|issued|adopted|revised|"
    r"original|updated|as of|draft|version|projet|publi[ée]e?|опубликовано|выпущено|проект)\b"
)


_CUE_LINE = re.compile(
    r"(?i)^(?:meeting\s+|draft\s+|annotated\s+|final\s+)?"
    r"(?:agenda|summary|press release|report|minutes|programme)\b"
)


def _words_data(name: str) -> dict[str, object]:
    """A word list of graph/extract/data/ (per language), as JSON."""
    path = resources.files("thbgraph.graph.extract") / "data" / name
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _word_pattern(word: str) -> str:
    """One written word as a pattern: a final '*' takes any further letters ("встреча*")."""
    return re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)


def _alternation(kind: str) -> str:
    """The words of one kind ("nouns", "verbs") of meeting_words.json, every language, as a
    regex alternation (spaces match any whitespace, a final '*' any further letters)."""
    words: set[str] = set()
    for lang, entry in _words_data("meeting_words.json").items():
        if not lang.startswith("_") and isinstance(entry, dict):
            words.update(str(w).lower() for w in entry.get(kind, ()))
    parts = [
        r"\s+".join(map(_word_pattern, w.split())) for w in sorted(words, key=len, reverse=True)
    ]
    return "|".join(parts) or r"(?!x)x"


# the event nouns of a meeting's name, every language (Russian in any case: "конференции")
_NOUNS = _alternation("event_nouns")


_NOUN = re.compile(rf"\b(?:{_NOUNS})\b", re.I)


# a word that says the meeting was online, in a header line ("Online", "En ligne", "Онлайн")
_ONLINE = re.compile(rf"\b(?:{_alternation('online')})\b", re.I)


# phrases of the online or hybrid format of data/meeting_words.json ("в режиме видеоконференции")
_ONLINE_PHRASES = _alternation("online_phrases")


_EXTRA_NOUNS = _alternation("nouns")


_EXTRA_VERBS = _alternation("verbs")


# a meeting sentence: a meeting noun (in any inflection) or a verb of meeting
_MEETING_WORD = re.compile(
    rf"\b(?:{_NOUNS})|\b(?:{_EXTRA_NOUNS})",
    re.I,
)


# a sentence about another, later meeting: "A follow-up meeting will take place online on ..."
_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|is\s+(?:to\s+be|scheduled|planned)|are\s+(?:to\s+be|scheduled)|"
    r"next|upcoming|forthcoming|follow-?up|subsequent|se\s+tiendra|aura\s+lieu|prochaine?|"
    r"состоится|следующ\w*|пройд[её]т)\b"
)


# a sentence about another meeting ("the next meeting will take place online"): not this one's format
_OTHER_MEETING = re.compile(
    r"(?i)\b(?:next|upcoming|forthcoming|follow-?up|subsequent|previous|prochaine?|pr[ée]c[ée]dente?|"
    r"следующ\w*|предыдущ\w*)\b"
)


@lru_cache(maxsize=8)
def _organisation_index(register: Register) -> dict[str, OrganisationEntry]:
    """Every name, acronym and alias (case-folded) -> its organisation; built once per register."""
    index: dict[str, OrganisationEntry] = {}
    for label, key in register.organisation_names():
        index.setdefault(label.strip().casefold(), register.organisations[key])
    return index


def _find_organisation(name: str, register: Register) -> OrganisationEntry | None:
    """`Register.find_organisation` through an index (it scans every name on each call)."""
    found = _organisation_index(register).get(name.strip().casefold())
    return found if found is not None else register.organisations.get(name)
