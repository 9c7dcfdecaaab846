"""Organisations named in a document: register names, acronyms and aliases, and unknown bodies."""

from __future__ import annotations

import bisect
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rdflib import URIRef
from rdflib.namespace import SKOS

from ..model import Evidence, Organisation
from ..register import Register
from .bodies_fr import french_bodies, is_territory, same_body_key
from .bodies_ru import russian_named_bodies
from .countries import _table as _country_table
from .countries import country_mentions, country_name, is_country_word
from .document import Document, as_document, line_letters
from .inflection import declined, parses, stem, stem_pattern
from .organisation_words import cues
from .spans import SpanIndex
from .symbols import find_symbols

__all__ = [
    "OrgMention",
    "anchored_matches",
    "find_organisations",
    "organisation_mentions",
    "outermost",
    "phrase_anchor",
    "phrase_regex",
    "phrase_source",
]

# Words that head the name of a body: "Ministry of Interior", "National Crime Agency".
HEADS = frozenset(
    [
        "Ministry",
        "Ministère",
        "Ministerio",
        "Ministero",
        "Agency",
        "Agence",
        "Office",
        "Bureau",
        "Commission",
        "Committee",
        "Comité",
        "Department",
        "Département",
        "Directorate",
        "Observatory",
        "Observatoire",
        "Foundation",
        "Fondation",
        "Institute",
        "Institut",
        "Association",
        "Network",
        "Réseau",
        "Centre",
        "Center",
        "Council",
        "Conseil",
        "Force",
        "Group",
        "Unit",
        "Mission",
        "Presence",
        "Police",
        "Gendarmerie",
        "Inspectorate",
        "Ombudsman",
        "Coalition",
        "Alliance",
        "Union",
        "Organisation",
        "Organization",
        "Authority",
        "Autorité",
        "Service",
        "Tribunal",
        "Court",
        "Parliament",
        "Assembly",
        "Prosecutor",
        "Prosecution",
    ]
)


HEADS = (HEADS | frozenset(cues()["heads_add"])) - frozenset(cues()["heads_drop"])
# Heads that name a body only with the word before them ("Task Force", "Working Group").
# heads that name a part of an organisation ("UNICEF ... Regional Office" is UNICEF's)
_UNIT_HEADS = frozenset(
    ["Office", "Unit", "Division", "Department", "Section", "Branch", "Desk", "Team", "Bureau"]
)
_PAIRED_HEADS = {"Force": {"Task"}, "Group": {"Working", "Contact", "Expert", "Advisory"}}
# Lower-case words allowed inside a name ("Office for Democratic Institutions and Human Rights",
# "Bureau du Représentant spécial de l'OSCE").
CONNECTORS = frozenset(
    [
        "of",
        "for",
        "on",
        "against",
        "in",
        "and",
        "the",
        "to",
        "de",
        "du",
        "des",
        "la",
        "le",
        "l'",
        "d'",
        "pour",
        "contre",
        "et",
        "en",
        "sur",
        "spécial",
        "spéciale",
        "national",
        "nationale",
        "général",
        "générale",
        "fédéral",
        "fédérale",
    ]
)
# Capitalised words that start sentences or clauses rather than names.
_STOP_CAPS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "Our",
        "His",
        "Her",
        "During",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "By",
        "To",
        "Of",
        "And",
        "Or",
        "But",
        "Following",
        "Both",
        "All",
        "Each",
        "Every",
        "Some",
        "Any",
        "Also",
        "Further",
        "Furthermore",
        "Moreover",
        "However",
        "Then",
        "Recently",
        "Finally",
        "Participants",
        "Representatives",
        "Moving",
        "Day",
        "Session",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "Le",
        "La",
        "Les",
        "Un",
        "Une",
        "Des",
        "Du",
        "De",
        "Dans",
        "Par",
        "Pour",
        "Avec",
        "Sur",
        "Si",
        "If",
        "When",
        "While",
        "As",
        "After",
        "Before",
        "Since",
        "Within",
        "Under",
        "Between",
        "Through",
        "Via",
        "According",
        "Including",
        "Despite",
        "Several",
        "Many",
        "Most",
        "Other",
        "Another",
        "New",
    ]
)
# Words too generic to make a name on their own with a head ("National Office", "Working Group").
_GENERIC = frozenset(
    [
        "National",
        "Regional",
        "International",
        "Local",
        "Central",
        "General",
        "Special",
        "Working",
        "Task",
        "Joint",
        "Main",
        "Senior",
        "Executive",
        "Permanent",
        "Independent",
        "Public",
        "New",
        "Task",
        "Force",
        "Group",
        "Unit",
        "Office",
    ]
)
# a word of a name; dotted initials are one word ("U.S. Embassy in Kazakhstan")
_WORD = re.compile(r"(?:[A-Z]\.){2,}(?![^\W\d_])|\w+(?:[-'’]\w+)*")
_ACRONYM_AFTER = re.compile(r"[ \t]*\((?P<acr>[A-Z][A-Za-z/&.\-]{1,14})\)")
# A body named as the author of a document, not as an actor: "Ministerial Council Decisions".
_DOCUMENT_AFTER = re.compile(
    r"[ \t]+(?:Decisions?|Declarations?|Resolutions?|Recommendations?|Conclusions|Regulations?|"
    r"Directives?)\b"
)
# An organisation that completes a person's title: "the Head of the OSCE ... Task Force".
_TITLE_BEFORE = re.compile(
    r"\b(?:Head|Chief|Director|Director-General|Secretary|Secretary[- ]General|President|"
    r"Vice-President|Chair|Chairperson|Chairman|Co-ordinator|Coordinator|Representative|"
    r"Commissioner|Rapporteur|Directeur|Directrice|Secrétaire|Président|Présidente|Chef)"
    r"[ \t]+(?:of|de|du)[ \t]+(?:the[ \t]+|la[ \t]+|l['’])?$"
)
_NATIONAL = re.compile(r"[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w'’-])")
_NGO = re.compile(
    r"\bNGOs?[ \t]+[«“\"]?(?P<name>[A-Z][\w'’\-]*"
    r"(?:[ \t]+(?:(?:of|for|and|de|la)[ \t]+)?[A-Z][\w'’\-]*)*)"
)


@dataclass(frozen=True)
class OrgMention:
    """One occurrence of an organisation: the span, and the organisation it stands for."""

    start: int
    end: int
    text: str
    name: str  # canonical register name, or the name as written
    acronym: str | None
    key: str | None  # register key, None for an organisation outside the register

    @property
    def ident(self) -> str:
        """What identifies the organisation: its register key, else its name folded."""
        return self.key or self.name.casefold()


def phrase_regex(label: str, *, case_sensitive: bool = False) -> re.Pattern[str]:
    """A pattern for a phrase as people write it: any spacing, optional hyphens, ’/', -ise/-ize.

    Used for organisation names, topic labels and the like; matches whole words only.
    """
    return re.compile(phrase_source(label), 0 if case_sensitive else re.IGNORECASE)


def phrase_source(label: str) -> str:
    """The source text of `phrase_regex(label)` (built without compiling it)."""
    parts: list[str] = []
    for m in re.finditer(r"\w+|\s+|.", label):
        piece = m.group(0)
        if piece[0].isspace():
            parts.append(r"\s+")
        elif piece[0] in "-‐‑–":
            parts.append(r"(?:[-‐‑–]|\s)?")
        elif piece in "'’":
            parts.append("['’]")
        elif declined(piece):  # Russian declines names: "Совет Европы" / "Советом Европы"
            parts.append(stem_pattern(piece))
        elif re.match(r"\w", piece):
            parts.append(re.sub(r"(?<=i)[sz](?=(?:ations?|ed|es?|ing)$)", "[sz]", re.escape(piece)))
        else:
            parts.append(re.escape(piece))
    return r"(?<!\w)" + "".join(parts) + r"(?!\w)"


def phrase_anchor(label: str) -> str:
    """A folded piece of the label that every text matching `phrase_regex(label)` contains.

    Checking `anchor in text.casefold()` first skips most patterns cheaply.
    """
    pieces = []
    for word in re.findall(r"\w+", label):
        piece = word.casefold()
        if declined(word):
            pieces.append(stem(word).casefold())
            continue
        cut = re.search(r"(?<=i)[sz](?=(?:ations?|ed|es?|ing)$)", piece)
        pieces.append(piece[: cut.start()] if cut else piece)
    return max(pieces, key=len, default="")


def anchored_matches(
    pattern: re.Pattern[str], anchor: str, text: str, folded: str, reach: int
) -> list[re.Match[str]]:
    """The matches of `pattern`, searched only around occurrences of its anchor (fast).

    `folded` is `text.casefold()`; `reach` bounds how far a match extends around its anchor.
    Falls back to a full scan when folding changed the text's length.
    """
    if anchor not in folded:
        return []
    if len(folded) != len(text) or not anchor:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    pos = folded.find(anchor)
    last_end = 0
    while pos != -1:
        start = max(last_end, pos - reach)
        end = min(len(text), pos + len(anchor) + reach)
        m = pattern.search(text, start, end)
        while m is not None:
            full = pattern.match(text, m.start())  # the same match, without the window's end
            if full is not None and full.start() >= last_end:
                out.append(full)
                last_end = full.end()
            m = pattern.search(text, max(m.end(), m.start() + 1), end)
        pos = folded.find(anchor, max(pos + 1, last_end))
    return out


def _acronym_like(label: str) -> bool:
    """True for labels matched case-sensitively: acronyms, short labels, 'UN Women', 'CoE'."""
    if len(label) < 8:
        return True
    return any(
        len(w) > 1 and sum(c.isupper() for c in w) >= 2 for w in re.findall(r"[\w/]+", label)
    )


@lru_cache(maxsize=16)
def register_names(register: Register) -> tuple[tuple[str, str], ...]:
    """(name, key) for every name, acronym and alias, and the names in other languages
    (French, Russian preferred labels), longest first."""
    pairs = set(register.organisation_names())
    for entry in register.organisations.values():
        for label in register.graph.objects(URIRef(entry.iri), SKOS.prefLabel):
            pairs.add((str(label), entry.key))
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


@lru_cache(maxsize=16)
def _register_patterns(
    register: Register,
) -> list[tuple[str, str, str, bool, int]]:
    """(anchor, label, key, case-sensitive, reach) for every name, acronym and alias.

    The label's pattern is compiled only when its anchor occurs in a text (`_label_regex`):
    most names never do, and compiling them all took most of a single document's extraction.
    """
    out = []
    for label, key in register_names(register):
        if not label.strip():
            continue
        sensitive = _acronym_like(label)
        out.append((phrase_anchor(label), label, key, sensitive, 3 * len(label) + 20))
    return out


@lru_cache(maxsize=8192)
def _label_regex(label: str, case_sensitive: bool) -> re.Pattern[str]:
    """`phrase_regex(label)`, compiled once per process. A long label with an acronym in it
    ('Conseil permanent de l'OSCE') matches its acronym exactly and its words in any case
    ('Conseil Permanent de l'OSCE')."""
    if not case_sensitive or len(label) < 12:
        return phrase_regex(label, case_sensitive=case_sensitive)
    source = phrase_source(label)
    for token in set(re.findall(r"\w+", label)):
        if sum(c.isupper() for c in token) >= 2 and len(token) >= 2:
            escaped = re.escape(token)
            exact = f"(?-i:{escaped})"
            source = re.sub(rf"(?<![\w\\]){re.escape(escaped)}(?!\w)", lambda _m: exact, source)  # noqa: B023 (used at once)
    return re.compile(source, re.IGNORECASE)


@lru_cache(maxsize=1)
def _short_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """Abbreviated words of names ('UN', 'U.S.') and what the register writes for them."""
    forms: dict[str, str] = cues()["short_forms"]
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), forms


def _normal(name: str) -> str:
    """A name folded for comparison: no articles, 'of', punctuation; short forms in full."""
    name = re.sub(r"['’]s\b", "", name.casefold())
    name = re.sub(r"\b(?:the|of|for|and)\b|[^\w]+", " ", name)
    name = " ".join(name.replace("co ", "co").split())
    pattern, forms = _short_forms()
    return pattern.sub(lambda m: forms[m.group(0)], name)


@lru_cache(maxsize=16)
def _register_normals(register: Register) -> list[tuple[str, str]]:
    """Long register names normalised, also without a leading acronym ('OSCE Mission to ...')."""
    out = []
    for label, key in register_names(register):
        if len(label) <= 12:
            continue
        out.append((_normal(label), key))
        first, _, rest = label.partition(" ")
        if rest and first.isupper() and len(first) >= 2:
            out.append((_normal(rest), key))
    return out


@lru_cache(maxsize=8192)
def _resolve_name(name: str, register: Register) -> str | None:
    """The register key of a name written a little differently ('Co-ordinator'/'Coordinator');
    cached, as a long text names the same bodies again and again."""
    wanted = _normal(name)
    # a field operation "in" or "to" its country: "OSCE Mission in Serbia" is the one "to Serbia"
    swapped = re.sub(r"\b(in|to)\b", lambda m: "to" if m.group(1) == "in" else "in", wanted)
    best, best_score = None, 0.0
    for normal, key in _register_normals(register):
        score = max(fuzz.ratio(wanted, normal), fuzz.ratio(swapped, normal) - 1)
        if score > best_score:
            best, best_score = key, score
    return best if best_score >= 92 else None


@lru_cache(maxsize=8192)
def _resolve_cut(name: str, register: Register, *, at_end: bool) -> str | None:
    """The register key of a name cut short: 'Office of the OSCE Special Representative and
    Co-ordinator for Combating Trafficking' (the end left out), 'Office of the OSCE Special Rep'
    (a page cut inside a word, `at_end`). The name's words must begin the register name's, the
    last one possibly cut, and only one register body may begin so (thresholds: 'cut_names')."""
    limits = cues()["cut_names"]
    wanted = _normal(name).split()
    if len(wanted) < min(limits["min_words"], limits["min_words_at_end"]):
        return None
    keys: set[str] = set()
    for normal, key in _register_normals(register):
        words = normal.split()
        if len(words) <= len(wanted) or words[: len(wanted) - 1] != wanted[:-1]:
            continue
        last = words[len(wanted) - 1]
        if last != wanted[-1] and not (
            at_end and len(wanted[-1]) >= 3 and last.startswith(wanted[-1])
        ):
            continue
        share = len(wanted) / len(words)
        enough = len(wanted) >= limits["min_words"] and share >= limits["min_share"]
        if enough or (at_end and len(wanted) >= limits["min_words_at_end"]):
            keys.add(key)
    return keys.pop() if len(keys) == 1 else None


def _register_mentions(text: str, register: Register) -> list[OrgMention]:
    taken: list[tuple[int, int]] = []
    found: list[OrgMention] = []
    folded = text.casefold()
    for anchor, label, key, sensitive, reach in _register_patterns(register):
        if anchor not in folded:  # most names are absent: skip them without a call
            continue
        pattern = _label_regex(label, sensitive)
        entry = register.organisations[key]
        for m in anchored_matches(pattern, anchor, text, folded, reach):
            s, e = m.span()
            written = m.group(0)
            lower = not sensitive and not (written[0].isupper() or written.isupper())
            if lower and len(label.split()) < 5:  # French writes "le bureau des Institutions ..."
                continue  # "tech against trafficking" in prose is not the organisation
            if " " in label and re.match(r"-\w", text[e : e + 2]):
                continue  # "OSCE Chair-in-Office": a longer word, a post
            national = _NATIONAL.match(text, e)
            if (
                national
                and not label.isupper()
                and is_country_word(national.group(1))
                and not is_demonym(national.group(1))
            ):
                k = bisect.bisect_left(taken, (e, -1))
                if not (k > 0 and taken[k - 1][1] > s):
                    bisect.insort(taken, (s, national.end()))
                    whole = text[s : national.end()]
                    found.append(OrgMention(s, national.end(), whole, whole, None, None))
                continue  # "La Strada Bulgaria": a national member, not the network
            k = bisect.bisect_left(taken, (e, -1))  # taken spans never overlap: one neighbour
            if k > 0 and taken[k - 1][1] > s:
                continue
            bisect.insort(taken, (s, e))
            if _DOCUMENT_AFTER.match(text, e):
                continue  # the span stays taken: no shorter name is read inside it
            found.append(OrgMention(s, e, written, entry.name, entry.acronym, key))
    return sorted(found, key=lambda o: o.start)


def _is_cap(word: str) -> bool:
    """True for a capitalised word, also after a French elision ("l'Intérieur")."""
    return re.sub(r"^[ldLD]['’]", "", word)[:1].isupper()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _is_head(words: list[re.Match[str]], i: int) -> bool:
    w = words[i].group(0)
    if w not in HEADS:
        return False
    pair = _PAIRED_HEADS.get(w)
    return pair is None or (i > 0 and words[i - 1].group(0) in pair)


def _joined(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """True when two words are separated by spaces only (same line, no punctuation)."""
    gap = text[a.end() : b.start()]
    return bool(re.fullmatch(r"[ \t]+", gap)) or (gap == "" and a.group(0).endswith("'"))


def _unknown_mentions(text: str, register: Register, known: list[OrgMention]) -> list[OrgMention]:
    """Bodies written in full around a head word ('... Ministry of ...', '... Agency')."""

    words = list(_WORD.finditer(text))
    ends = [w.end() for w in words]
    owner: dict[int, OrgMention] = {}
    for k in known:  # the words each register mention covers
        idx = bisect.bisect_right(ends, k.start)
        while idx < len(words) and words[idx].start() < k.end:
            owner[idx] = k
            idx += 1
    found: list[OrgMention] = []
    last_end = -1
    for i, w in enumerate(words):
        if w.start() < last_end or i in owner or not _is_head(words, i):
            continue
        if _line_is_caps(text, w.start()):
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt and _joined(text, w, nxt) and _is_cap(nxt.group(0)):
            continue  # "Council Decisions", "Police Office": the head is a modifier here
        # extend to the left over capitalised words (and whole register names)
        j = i
        letterhead: OrgMention | None = None  # "ORGANIZATION FOR ... IN EUROPE Mission to Moldova"
        while j > 0 and _joined(text, words[j - 1], words[j]):
            prev = words[j - 1].group(0)
            if _possessive(prev) and j != i:
                break
            if j - 1 in owner:
                k = owner[j - 1]
                written = text[k.start : k.end]
                if written.isupper() and len(written.split()) >= 3 and not w.group(0).isupper():
                    letterhead = k  # a letterhead in capitals run on into a unit's name
                    break
                j -= 1
                while j > 0 and owner.get(j - 1) is k:
                    j -= 1
                continue
            if (
                prev in {"and", "&"}
                and j - 2 >= 0
                and j != i  # "AEquitas and Association of ...": two bodies
                and _is_cap(words[j - 2].group(0))
                and words[j - 2].group(0) not in _STOP_CAPS
                and (j - 2) not in owner
                and _joined(text, words[j - 2], words[j - 1])
            ):
                j -= 1  # "Europe and Central Asia Regional Office"
                continue
            if not _is_cap(prev) or prev in _STOP_CAPS:
                break
            j -= 1
        # extend to the right over connectors followed by capitalised words
        k_end = i
        complements: list[tuple[int, int]] = []
        if not _possessive(w.group(0)):
            m = i + 1
            while m < len(words) and _joined(text, words[m - 1], words[m]):
                n = m
                while (
                    n < len(words)
                    and words[n].group(0) in CONNECTORS
                    and _joined(text, words[n - 1], words[n])
                ):
                    n += 1
                if n == m or n >= len(words) or not _joined(text, words[n - 1], words[n]):
                    break
                conj = words[m].group(0) in {"and", "et", "и", "&"}
                if conj and (
                    _is_head(words, n) or is_country_word(words[n].group(0)) or n in owner
                ):
                    break  # "Office and Spanish authorities", "Conseil de l'Europe et de l'OSCE"
                if conj and (k_end == i or _ARTICLE.fullmatch(words[m + 1].group(0))):
                    break  # "Police et Coordinatrice", "... Protection and the NGO ...": two names
                if not _is_cap(words[n].group(0)):
                    break
                q = n
                while (
                    q + 1 < len(words)
                    and _joined(text, words[q], words[q + 1])
                    and (_is_cap(words[q + 1].group(0)) or owner.get(q + 1) is not None)
                    and not _possessive(words[q].group(0))
                    and (
                        not _is_country_span(text, words, n, q)
                        or (owner.get(q) is not None and owner.get(q + 1) is owner.get(q))
                    )  # a country ends the name, unless a register name goes on ("U.S. Department")
                ):
                    q += 1
                if (
                    conj
                    and q == n
                    and re.match(r"\s*(?:[.,;)]|$)", text[words[q].end() : words[q].end() + 2])
                    and re.search(
                        r",\s*(?:the\s+)?$", text[max(0, words[j].start() - 8) : words[j].start()]
                    )
                    and _resolve_name(text[words[j].start() : words[q].end()], register) is None
                ):
                    break  # "the League, the Union of Shelters and Bolt.": the list's last item
                    # (unless the words make a register name: ", UN Office on Drugs and Crime,")
                if conj and _possessive(words[q].group(0)):
                    break  # "Bar Association of Ashgabat and Women's ... Unions"
                country = _is_country_span(text, words, n, q)
                if (
                    q + 2 < len(words)
                    and words[q + 1].group(0) in {"and", "et"}
                    and _joined(text, words[q], words[q + 1])
                    and _joined(text, words[q + 1], words[q + 2])
                    and _is_country_span(text, words, n, q + 2)
                ):
                    q, country = q + 2, True  # "Bosnia and Herzegovina" is one country
                complements.append((m, q))
                k_end = q
                if _possessive(words[q].group(0)):
                    break
                if country and owner.get(q) is None:
                    break  # "... of the Republic of Kazakhstan": the name ends with its country
                m = q + 1
        if j > 0 and (j - 1) in owner and _possessive(words[j - 1].group(0)):
            continue  # "ODIHR's Anti-Trafficking Unit": a part of a known organisation
        while words[j].group(0) in {"and", "&"}:
            j += 1
        start, end = words[j].start(), words[k_end].end()
        name = re.sub(r"['’]s$", "", text[start:end])
        end = start + len(name)
        if letterhead is not None:  # the letterhead's organisation and its unit, by acronym
            short = register.organisations[letterhead.key].acronym if letterhead.key else None
            key = _resolve_name(f"{short} {name}", register) if short else None
            if key is not None:
                entry = register.organisations[key]
                found.append(OrgMention(start, end, name, entry.name, entry.acronym, key))
                last_end = end
            continue
        first_owner = owner.get(j)
        if (
            first_owner is not None
            and w.group(0) in _UNIT_HEADS
            and _resolve_name(name, register) is None
        ):
            last_end = end
            continue  # "UNICEF Europe and Central Asia Regional Office": a part of UNICEF
        tokens = name.split()
        own = [
            t.group(0)
            for q, t in enumerate(words[j : k_end + 1], start=j)
            if q not in owner and t.group(0) not in _GENERIC and t.group(0) not in HEADS
        ]
        if len(tokens) < 2 or not own:
            continue  # "OSCE Mission", "National Office": no name of its own
        last_end = end
        acronym = None
        after = _ACRONYM_AFTER.match(text, end)
        if (
            after
            and sum(c.isupper() for c in after.group("acr")) >= 2
            and _own_acronym(after.group("acr"), name)
        ):
            acronym = after.group("acr")
        key = _resolve_name(name, register) or _resolve_cut(
            name, register, at_end=not text[end:].strip()
        )
        if key is not None:
            entry = register.organisations[key]
            found.append(OrgMention(start, end, name, entry.name, entry.acronym, key))
        else:
            found.append(OrgMention(start, end, name, " ".join(tokens), acronym, None))
    not_names = set(cues()["ngo_not_names"])
    for ngo in _NGO.finditer(text):
        s, e = ngo.span("name")
        if any(w in not_names for w in ngo.group("name").split()):
            continue  # 'the NGO Platform meeting': not an NGO's name
        if not any(s < f.end and f.start < e for f in [*found, *known]):
            found.append(OrgMention(s, e, ngo.group("name"), ngo.group("name"), None, None))
    return found


_ARTICLE = re.compile(r"(?i:the|la|le|les|l['’]\w*)")


def _is_country_span(text: str, words: list[re.Match[str]], a: int, b: int) -> bool:
    """True when words a..b name a country ('Uzbekistan', 'Republic of Kazakhstan')."""
    written = re.sub(r"['’]s$", "", text[words[a].start() : words[b].end()])
    written = re.sub(r"^(?:Republic\s+of|Kyrgyz\s+Republic)\s*", "", written) or written
    return is_country_word(written) and not is_demonym(written)


def is_demonym(word: str) -> bool:
    """True for a nationality adjective ('Swedish'): it starts a body's name, never ends one."""
    return word in _country_table().demonyms


def _line_is_caps(text: str | Document, pos: int) -> bool:
    """True inside an all-capitals line (a heading), where capitals say nothing about names."""
    letters, capitals = line_letters(text, pos)
    return letters > 8 and capitals


def _acronym_mentions(
    text: str, unknown: list[OrgMention], taken: list[OrgMention]
) -> list[OrgMention]:
    """Later uses of an acronym that an unknown organisation defined: 'National Agency (NAATIP)'.

    Overlaps are looked up in sorted spans, and each acronym is searched once (a scan of every
    span per use was quadratic: 37 s on 200 kB of names and acronyms)."""
    out: list[OrgMention] = []
    blocked = SpanIndex(taken, lambda t: (t.start, t.end))
    added: list[tuple[int, int]] = []  # the uses kept: sorted, never overlapping one another
    searched: set[str] = set()
    for org in unknown:
        if not org.acronym or org.acronym in searched:
            continue
        searched.add(org.acronym)
        for m in re.finditer(r"(?<!\w)" + re.escape(org.acronym) + r"(?!\w)", text):
            s, e = m.span()
            k = bisect_left(added, (s, e))
            if (
                blocked.overlaps(s, e)
                or (k > 0 and added[k - 1][1] > s)
                or (k < len(added) and added[k][0] < e)
            ):
                continue
            added.insert(k, (s, e))
            out.append(OrgMention(s, e, m.group(0), org.name, org.acronym, None))
    return out


def organisation_mentions(text: str, register: Register) -> list[OrgMention]:
    """Every occurrence of an organisation in the text, in order; overlapping names resolved.

    Register names, acronyms and aliases win (longest first, acronyms case-sensitively); names
    outside the register are read around head words and kept with key None. A register name inside
    a longer unknown name ('OSCE' in 'OSCE Presence in Albania') is kept as a mention too.
    """
    return list(_mentions(text, register))


@lru_cache(maxsize=4)
def _mentions(text: str, register: Register) -> tuple[OrgMention, ...]:
    """Cached: persons, publications and follow-ups read the mentions of the same text again."""
    known = _register_mentions(text, register)
    unknown = _unknown_mentions(text, register, known)
    # a fuzzy-resolved unknown name replaces the register mentions inside it
    resolved = SpanIndex([u for u in unknown if u.key is not None], lambda r: (r.start, r.end))
    known = [k for k in known if not resolved.contains(k.start, k.end)]
    defined = _defined_mentions(text, register, known)
    defined += _french_mentions(text, register, known, unknown, defined)
    defined += _quoted_bodies(text, register, [*known, *defined])
    defined += _russian_bodies(text, [*known, *unknown, *defined])
    defined += _russian_named(text, known, [*unknown, *defined])
    defined += _russian_short(text, [*known, *unknown, *defined])
    defined += _news_sources(text, [*known, *unknown, *defined])
    defined_index = SpanIndex(defined, lambda d: (d.start, d.end))
    unknown = [u for u in unknown if not defined_index.overlaps(u.start, u.end)]
    mentions = known + unknown + defined
    mentions += _acronym_mentions(
        text, [u for u in [*unknown, *defined] if u.key is None], mentions
    )
    mentions = _resolve_ambiguous(text, register, mentions)
    return tuple(sorted(mentions, key=lambda o: (o.start, -o.end)))


def _french_mentions(
    text: str,
    register: Register,
    known: list[OrgMention],
    unknown: list[OrgMention],
    defined: list[OrgMention],
) -> list[OrgMention]:
    """French names of bodies (`bodies_fr`): "le ministère de l'Intérieur", "l'Institut national
    judiciaire moldave". One replaces the shorter names read inside it ("Ministère de la
    Justice" read in capitals stays when it is as long); a name the text defines an acronym for
    is read by `_defined_mentions`."""
    out: list[OrgMention] = []
    defined_index = SpanIndex(defined, lambda d: (d.start, d.end))
    unknown_index = SpanIndex(unknown, lambda u: (u.start, u.end))
    known_index = SpanIndex(known, lambda k: (k.start, k.end))
    for body in french_bodies(text, [(k.start, k.end) for k in known]):
        if defined_index.overlaps(body.start, body.end):
            continue
        longer = [
            u
            for u in unknown_index.inside(body.start - 200, body.end + 200)
            if u.start < body.end
            and body.start < u.end
            and u.end - u.start >= body.end - body.start
        ]
        if longer:
            continue  # the capitalised reading holds at least as much
        acronym = (
            body.acronym if body.acronym and _long_form_matches(body.acronym, body.name) else None
        )
        key = _resolve_name(body.name, register) or _expanded(text, body.start, known_index)
        entry = register.organisations.get(key) if key else None
        if entry is not None:
            out.append(OrgMention(body.start, body.end, body.name, entry.name, entry.acronym, key))
        else:
            out.append(OrgMention(body.start, body.end, body.name, body.name, acronym, None))
    return out


@lru_cache(maxsize=1)
def _quoted_pattern() -> re.Pattern[str]:
    types = cues()["quoted_types"]
    plain = [re.escape(w) for lang in ("en", "fr") for w in types[lang]]
    russian = [re.escape(w) + r"\w*" for w in types["ru"]]
    alternation = "|".join(sorted(plain + russian, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:{alternation})[ \t]+(?P<q>[«“\"'‘])[ \t]?"
        r"(?P<name>[A-ZÀ-ÞА-ЯЁ][^»”\"'’\n]{1,80}?)[ \t]?(?P<end>[»”\"'’])"
    )


_PAIRS = {"«": "»", "“": "”", '"': '"', "'": "'", "‘": "’"}
_RU_ADJECTIVE = re.compile(
    r"([а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ой|ей|ую|юю|ым|им|ых|их))[ \t]+$"
)


def _quoted_bodies(text: str, register: Register, taken: list[OrgMention]) -> list[OrgMention]:
    """Bodies named in quotes after a noun that says what they are: "the NGO 'Modar'",
    "благотворительный фонд «Каритас Харьков»", "правозащитной организации «Ла Страда
    Украина»". The name is the quoted words; the mention's text holds the noun (and up to two
    Russian adjectives before it) too, as the name is also cited with them."""
    out: list[OrgMention] = []
    index = SpanIndex(taken, lambda t: (t.start, t.end))
    for m in _quoted_pattern().finditer(text):
        if _PAIRS[m.group("q")] != m.group("end"):
            continue
        name = m.group("name").strip()
        s, e = m.start(), m.end()
        for _ in range(2):  # "общественная организация", "благотворительный фонд"
            adjective = _RU_ADJECTIVE.search(text, max(0, s - 30), s)
            if adjective is None:
                break
            s = adjective.start(1)
        if index.overlaps(m.start("name"), m.end("name")) or len(name.split()) > 8:
            continue
        key = _resolve_name(name, register)
        entry = register.organisations.get(key) if key else None
        if entry is not None:
            out.append(OrgMention(s, e, text[s:e], entry.name, entry.acronym, key))
        else:
            out.append(OrgMention(s, e, text[s:e], name, None, None))
    return out


@lru_cache(maxsize=1)
def _short_pattern() -> re.Pattern[str]:
    names = sorted(cues()["ru_bodies"]["short_names"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def _russian_short(text: str, taken: list[OrgMention]) -> list[OrgMention]:
    """Contracted Russian names of national bodies, as written: "пресс-служба Минтруда"; a name
    read with its country ("Минюст Украины") is read by `_russian_bodies`."""
    if not re.search("[а-яё]", text[:20_000]):
        return []
    index = SpanIndex(taken, lambda t: (t.start, t.end))
    return [
        OrgMention(m.start(), m.end(), m.group(0), m.group(0), None, None)
        for m in _short_pattern().finditer(text)
        if not index.overlaps(m.start(), m.end())
    ]


def _russian_named(
    text: str, known: list[OrgMention], others: list[OrgMention]
) -> list[OrgMention]:
    """Russian names without a country (`bodies_ru`): "Центру по борьбе с торговлей людьми при
    Министерстве внутренних дел", "Бюро Международной организации по миграции в Москве" (a
    register body's office: the body stays named inside it)."""
    known_index = SpanIndex(known, lambda k: (k.start, k.end))
    other_index = SpanIndex(others, lambda o: (o.start, o.end))
    out: list[OrgMention] = []
    for body in russian_named_bodies(text, [(k.start, k.end) for k in known]):
        head_end = body.start + len(body.written.split()[0])
        if known_index.overlaps(body.start, head_end) or other_index.overlaps(body.start, body.end):
            continue
        out.append(OrgMention(body.start, body.end, body.written, body.name, None, None))
    return out


def _expanded(text: str, start: int, known: SpanIndex[OrgMention]) -> str | None:
    """The register key of the acronym a name in brackets spells out: "la MIPROF (Mission
    interministérielle ...)" names the MIPROF, however the words differ from the register's."""
    window = text[max(0, start - 20) : start]
    bracket = re.search(r"([^\W\d_]{2,12})[ \t]*,?[ \t]*\([ \t]*$", window)
    if bracket is None:
        return None
    at = start - len(window) + bracket.start(1)
    acronyms = [k for k in known.inside(at, at + len(bracket.group(1))) if k.key and k.acronym]
    return acronyms[0].key if acronyms else None


_DEFINED = re.compile(r"\((?P<acr>[A-ZА-ЯЁ][A-ZА-ЯЁa-z]{0,3}[A-ZА-ЯЁ](?:[-/.][A-ZА-ЯЁ]{1,6})?)\)")
_LONG_SKIP = frozenset(
    [
        "of",
        "the",
        "for",
        "and",
        "to",
        "in",
        "on",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "et",
        "pour",
        "sur",
        "contre",
        "en",
        "aux",
        "au",
        "à",
        "d",
        "l",
        "по",
        "и",
        "в",
        "на",
        "для",
        "от",
        "о",
        "с",
    ]
)


@lru_cache(maxsize=1)
def _news_pattern() -> re.Pattern[str]:
    words = cues()["news_source"]
    after = "|".join(re.escape(w) for w in words["after"])
    before = "|".join(re.escape(w) for w in words["before"])
    caps = r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]{1,9}"
    return re.compile(
        rf"(?<![\w.])(?P<a>{caps})[ \t]+(?:{after})\b|(?<!\w)(?:{before})[ \t]+(?P<b>{caps})(?![\w])"
    )


def _news_sources(text: str, taken: list[OrgMention]) -> list[OrgMention]:
    """The news agency a text quotes: 'IPN reports, quoting ...', '..., - передает IPN'."""
    out: list[OrgMention] = []
    for m in _news_pattern().finditer(text):
        group = "a" if m.group("a") else "b"
        s, e = m.span(group)
        if any(t.start < e and s < t.end for t in [*taken, *out]) or is_country_word(
            m.group(group)
        ):
            continue
        out.append(OrgMention(s, e, m.group(group), m.group(group), m.group(group), None))
    return out


def _own_acronym(short: str, name: str) -> bool:
    """Whether "(THB)" after a body's name is the body's acronym: its first letter starts one of
    the name's first two words of content ("Bureau of International Narcotics ... (INL)"), not
    only a later phrase ("Centre for Combatting Trafficking in Human Beings (THB)")."""
    content = [w for w in re.findall(r"\w+", name) if w.casefold() not in _LONG_SKIP]
    first = short[:1].casefold()
    if any(w[:1].casefold() == first for w in content[:2]):
        return True
    # or the initials of the name's last words: "Geneva Centre for the Democratic Control of
    # Armed Forces (DCAF)"
    letters = "".join(c for c in short.casefold() if c.isalpha())
    initials = "".join(w[:1].casefold() for w in content)
    subjects = {a.casefold() for a in cues()["subject_acronyms"]}  # "(THB)": a phrase's
    return len(letters) >= 3 and initials.endswith(letters) and letters not in subjects


def _long_form_matches(short: str, long: str) -> bool:
    """Schwartz & Hearst: the letters of the short form appear in order in the long form, the
    first one starting a word."""
    letters = [c.casefold() for c in short if c.isalnum()]
    folded = long.casefold()
    pos = len(folded) - 1
    for k in range(len(letters) - 1, -1, -1):
        c = letters[k]
        while pos >= 0 and (folded[pos] != c or (k == 0 and pos > 0 and folded[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return False
        pos -= 1
    return True


def _defined_mentions(text: str, register: Register, known: list[OrgMention]) -> list[OrgMention]:
    """Bodies the text defines an acronym for: 'de l'Office français de l'immigration et de
    l'intégration (OFII)', 'Cour nationale du droit d'asile (CNDA)' (lower-case words included)."""
    out: list[OrgMention] = []
    known_index = SpanIndex(known, lambda k: (k.start, k.end))  # a scan per acronym: quadratic
    heads = tuple(cues()["defined_heads"])
    for m in _DEFINED.finditer(text):
        acr = m.group("acr")
        at = m.start("acr")
        if sum(c.isupper() for c in acr) < 3 or known_index.overlaps(at, at + 1):
            continue  # short or known acronyms are read from the register
        line_s = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 200)
        before = text[line_s : m.start()]
        cut = max(before.rfind(c) for c in '.;:()«»“”"')
        base = line_s + cut + 1
        words = list(re.finditer(r"[\w’'-]+", text[base : m.start()]))
        limit = min(len(words), 2 * len(acr) + 4)
        for w in reversed(words[len(words) - limit :]):
            token = re.sub(r"^[ldLD]['’]", "", w.group(0))
            if not token[:1].isupper() or token.casefold()[:1] != acr.casefold()[:1]:
                continue
            start = base + w.start() + (len(w.group(0)) - len(token))
            long = text[start : m.start()].rstrip(" \t,")
            content = [x for x in re.findall(r"\w+", long) if x.casefold() not in _LONG_SKIP]
            if len(content) < 2 or not _long_form_matches(acr, long):
                continue
            if not any(x.casefold().startswith(heads) for x in content):
                break  # 'National Action Plan (NAP)': no body named
            if known_index.overlaps(start, start + len(long)):
                break
            key = register.find_organisation(acr)
            entry = key or (
                register.organisations.get(k) if (k := _resolve_name(long, register)) else None
            )
            if entry is not None:
                out.append(
                    OrgMention(start, start + len(long), long, entry.name, entry.acronym, entry.key)
                )
            else:
                out.append(OrgMention(start, start + len(long), long, long, acr, None))
            break
    return out


def _family(text: str, mentions: list[OrgMention], register: Register) -> str | None:
    """'coe' or 'osce': the family of bodies a text belongs to, by its bodies and markers."""
    roots = cues()["family_roots"]
    counts = dict.fromkeys(roots, 0)
    for m in mentions:
        key = m.key
        seen: set[str] = set()
        while key is not None and key not in seen:
            seen.add(key)
            for family, root in roots.items():
                if key == root:
                    counts[family] += 1
            entry = register.organisations.get(key)
            key = entry.parent if entry else None
    for family, markers in cues()["family_markers"].items():
        counts[family] = counts.get(family, 0) + sum(
            len(re.findall(marker, text[:200_000])) for marker in markers
        )
    ranked: list[tuple[str, int]] = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _local_family(window: str) -> str | None:
    """The one family whose markers are written around a mention ("the Assembly's Doc. 12096")."""
    found = [
        f
        for f, markers in cues()["family_markers"].items()
        if any(re.search(x, window) for x in markers)
    ]
    return found[0] if len(found) == 1 else None


def _resolve_ambiguous(
    text: str, register: Register, mentions: list[OrgMention]
) -> list[OrgMention]:
    """A bare 'Parliamentary Assembly' (or 'the Assembly') is PACE in a Council of Europe text and
    the OSCE PA in an OSCE one; a mention resolved to one of the choices is re-read by family."""
    family: str | None = None
    decided = False
    out = list(mentions)
    for group in cues()["ambiguous"]:
        choices: dict[str, str] = group["choices"]
        labels = sorted(group["labels"], key=len, reverse=True)
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(x) for x in labels) + r")(?![\w-])"
        )
        others = "|".join(re.escape(x) for x in group.get("not_followed_by", []))
        other = re.compile(rf"[ \t]+(?:{others})(?![\w-])" if others else r"(?!)")
        for m in pattern.finditer(text):
            inside = [o for o in out if o.start <= m.start() and m.end() <= o.end]
            if any(o.end - o.start > m.end() - m.start() for o in inside):
                continue  # part of a longer name ('Parliamentary Assembly of the OSCE')
            if m.group(0) in {"Assembly", "Assemblée"} and not re.search(
                r"(?:\b[Tt]he|\b[Ll]['’])\s*$", text[max(0, m.start() - 6) : m.start()]
            ):
                continue  # 'the Assembly' only
            if other.match(text, m.end()):
                continue  # "l'Assemblée nationale", "the Assembly of the Republic": another one
            near = _local_family(text[max(0, m.start() - 80) : m.end() + 40])
            if near is None and not decided:
                family, decided = _family(text, mentions, register), True
            key = choices.get(near or family or "")
            out = [o for o in out if o not in inside]
            if key is None or key not in register.organisations:
                continue
            entry = register.organisations[key]
            out.append(OrgMention(m.start(), m.end(), m.group(0), entry.name, entry.acronym, key))
    return out


def outermost(mentions: list[OrgMention]) -> list[OrgMention]:
    """The mentions not nested in a longer one ('OSCE' inside 'OSCE Presence in Albania')."""
    nested: set[int] = set()
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end))
    reach = -1  # the furthest end of the spans before the current group of equal spans
    k = 0
    while k < len(order):
        first = mentions[order[k]]
        group = k
        while group < len(order) and (mentions[order[group]].start, mentions[order[group]].end) == (
            first.start,
            first.end,
        ):
            if reach >= first.end:  # an earlier, longer span contains this one
                nested.add(order[group])
            group += 1
        reach = max(reach, first.end)
        k = group
    return [m for i, m in enumerate(mentions) if i not in nested]


def _as_parent(m: OrgMention, register: Register) -> OrgMention:
    """An internal unit written through its parent's possessive ("ODIHR's Anti-Trafficking Unit")
    counts as the parent: the document names the parent as the actor."""
    entry = register.organisations.get(m.key or "")
    parent = register.organisations.get(entry.parent or "") if entry else None
    if parent is None:
        return m
    owner = re.match(r"(?:the\s+)?(.+?)['’]s\s", m.text)
    internal = re.search(r"\b(?:Unit|Division|Section|Department|Desk|Team)$", m.text)
    if owner and internal and owner.group(1) in {parent.acronym, parent.name, *parent.aliases}:
        return OrgMention(m.start, m.end, m.text, parent.name, parent.acronym, parent.key)
    return m


def _named_parent(m: OrgMention, register: Register) -> OrgMention | None:
    """The parent organisation of a body when the mention names it too ("Совета министров ОБСЕ")."""
    entry = register.organisations.get(m.key or "")
    parent = register.organisations.get(entry.parent or "") if entry else None
    if parent is None:
        return None
    for label, key in register_names(register):
        if (
            key == parent.key
            and len(label) >= 3
            and re.search(rf"(?<!\w){re.escape(label)}(?!\w)", m.text)
        ):
            return OrgMention(m.start, m.end, m.text, parent.name, parent.acronym, parent.key)
    return None


@lru_cache(maxsize=1)
def _participation() -> re.Pattern[str]:
    words = [w for ws in cues()["participation"].values() for w in ws]
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")")


@lru_cache(maxsize=4)
def _cue_words(kind: str) -> re.Pattern[str]:
    """The words of one per-language list of `organisation_cues.json` as one pattern."""
    words = [w for ws in cues()[kind].values() for w in ws]
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _counterparts() -> re.Pattern[str]:
    return _cue_words("counterparts")


@lru_cache(maxsize=1)
def _meeting_owner_before() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in cues()["meeting_owner"])
    return re.compile(
        r"\b\d+(?:st|nd|rd|th|e|er|ème|-?[йя])?\s+(?:\w+\s+)?(?i:" + nouns + r")\s+"
        r"(?:of|de|du|des)\s+(?:the\s+|la\s+|l['’])?$"
    )


def _attendees(text: str | Document, mentions: list[OrgMention]) -> set[tuple[int, int]]:
    """Bodies outside the register listed (three or more in a sentence) as those who took part:
    'representatives of the Ministry of X, the Y Office, the Z Service attended'."""
    doc = as_document(text)
    text = doc.text
    out: set[tuple[int, int]] = set()
    by_sentence: dict[tuple[int, int], list[OrgMention]] = {}
    for m in mentions:
        by_sentence.setdefault(doc.sentence_at(m.start), []).append(m)
    cue = _participation()
    met = _counterparts()
    roster = _cue_words("roster")
    acting = _cue_words("acting")
    for (s, e), group in by_sentence.items():
        unknown = [m for m in group if m.key is None and not m.acronym]  # 'Office X (OX)' stays
        if len(group) < 3 or not unknown:
            continue
        listed = roster.search(text, s, max(e, s))  # "Liste des associations du Collectif : ..."
        if not listed and not cue.search(text, s, max(e, s)):
            continue
        if not listed and met.search(text, s, max(e, s)):
            continue  # "the delegation met representatives of X, Y, Z": they act
        acting_at = acting.search(text, s, max(e, s))
        for m in unknown:
            if not listed and acting_at is not None and acting_at.end() <= m.start:
                continue  # "participated in the event, organized by X, Y and Z": organisers
            out.add((m.start, m.end))
    return out


def _is_country_name(name: str) -> bool:
    parts = re.split(r"\s+(?:and|et|и)\s+", name)
    return any(is_country_word(p) and not is_demonym(p) for p in parts)


def _country_before(text: str, start: int) -> str | None:
    """The country written just before a name: "Kazakhstan's", 'Kyrgyz'."""
    m = re.search(
        r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s)?\s+$", text[max(0, start - 40) : start]
    )
    if not m:
        return None
    word = m.group(1).split()[-1] if not is_country_word(m.group(1)) else m.group(1)
    if not is_country_word(word):
        return None
    table = _country_table()
    code = table.demonyms.get(word) or table.names.get(word.casefold()) or table.exact.get(word)
    return country_name(code) if code else None


def _full_name(text: str, m: OrgMention) -> OrgMention:
    """A ministry named as people name it in full: 'the Kyrgyz Interior Ministry' is the 'Ministry
    of Interior of Kyrgyzstan', "Kazakhstan's Justice Ministry" the 'Ministry of Justice of
    Kazakhstan'. Other names stay as written."""
    words = m.name.split()
    # "[Kyrgyz] Interior Ministry": one to three capitalised words, the last 'Ministry'
    if not 2 <= len(words) <= 4 or words[-1] != "Ministry":
        return m
    if not all(re.fullmatch(r"[A-Z][\w-]*", w) for w in words[:-1]):
        return m
    nat: str | None = words[0] if len(words) > 2 else None
    what = " ".join(words[1:-1] if nat else words[:-1])
    country = None
    if nat and is_demonym(nat):
        country = country_name(_country_table().demonyms[nat])
    elif nat:
        what = f"{nat} {what}"
    if country is None:
        country = _country_before(text, m.start)
    name = f"Ministry of {cues()['ministries'].get(what, what)}"
    if country:
        name = f"{name} of {country}"
    return OrgMention(m.start, m.end, m.text, name, m.acronym, m.key)


def _ident(m: OrgMention) -> str:
    """What identifies a body: its register key, else its name without a leading nationality
    ('Kyrgyz State Migration Service' is the 'State Migration Service' named again)."""
    if m.key is not None:
        return m.key
    first, _, rest = m.name.partition(" ")
    return same_body_key(rest if rest and is_demonym(first) else m.name)


def find_organisations(text: str | Document, register: Register) -> list[Organisation]:
    """The organisations a document names, de-duplicated, with the passage of the first occurrence.

    The name is the register's canonical name and acronym where the register knows the body.
    A body named only as part of a person's title ('the Head of the X') or as the author of
    documents ('Ministerial Council Decisions') is not counted: persons carry their organisation.
    A unit written through its parent's possessive counts as the parent.
    """
    doc = as_document(text)
    text = doc.text
    seen: dict[str, Organisation] = {}
    symbols = [(s.start, s.end) for s in find_symbols(text)]
    symbol_index = SpanIndex(symbols, lambda se: se)
    mentions = organisation_mentions(text, register)
    attendees = _attendees(doc, mentions)
    owner_before = _meeting_owner_before()
    for m in mentions:
        if m.key is None and _TITLE_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue  # 'the Head of the Cyber Unit': a post; a known body there is still named
        if (m.start, m.end) in attendees or owner_before.search(
            text, max(0, m.start - 60), m.start
        ):
            continue
        if symbol_index.overlaps(m.start, m.end):
            # the author of a cited decision ("Décision n° 6/18 du Conseil ministériel de l'OSCE"):
            # only a parent named in the passage counts ("de l'OSCE", "ОБСЕ")
            parent = _named_parent(m, register)
            if parent is None:
                continue
            m = parent
        m = _as_parent(m, register)
        if m.key is None:
            if _is_country_name(m.name) or is_territory(m.name):
                continue  # 'the Russian Federation': a country; 'la Fédération de Bosnie-...'

            name_words: list[str] = re.findall(r"\w+", m.name)
            post_heads: set[str] = set(cues()["post_heads"])
            if any(w in post_heads for w in name_words) and not any(
                w in HEADS - post_heads for w in name_words
            ):
                continue  # 'the Deputy General Prosecutor (of Uzbekistan)': a post
            m = _full_name(text, m)
        if _ident(m) in seen:
            continue
        seen[_ident(m)] = Organisation(
            name=m.name,
            acronym=m.acronym,
            key=m.key,
            evidence=Evidence(text[m.start : m.end], m.start, m.end),
        )
        for key in _ancestors_named(m.text, m.key, register) if m.key else ():
            if key not in seen:  # "Секретариат Конвенции Совета Европы" names the CoE too
                entry = register.organisations[key]
                evidence = Evidence(text[m.start : m.end], m.start, m.end)
                seen[key] = Organisation(entry.name, entry.acronym, key, evidence)
    return list(seen.values())


@lru_cache(maxsize=1)
def _labels_by_key(register: Register) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for label, key in register_names(register):
        if len(label) >= 3:
            out.setdefault(key, []).append(label)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def _ancestors_named(written: str, key: str, register: Register) -> tuple[str, ...]:
    """The bodies a unit belongs to that its name, as written, names after its head ("Бюро ...
    ОБСЕ", "Division anti-traite du Conseil de l'Europe"; not the leading "OSCE" of "OSCE
    Programme Office in Bishkek"); cached, as names repeat."""
    out: list[str] = []
    entry = register.organisations.get(key)
    seen = {key}
    while entry is not None and entry.parent and entry.parent not in seen:
        seen.add(entry.parent)
        for label in _labels_by_key(register).get(entry.parent, ()):
            found = _label_regex(label, _acronym_like(label)).search(written)
            if found and found.start() > 0:  # "OSCE Programme Office in ...": a brand, not named
                out.append(entry.parent)
                break
        entry = register.organisations.get(entry.parent)
    return tuple(out)


_CYR_WORD = re.compile(r"[А-ЯЁ]{2,6}(?![а-яё])|[А-ЯЁа-яё][а-яё-]*")


@lru_cache(maxsize=1)
def _ru_heads() -> tuple[tuple[str, ...], frozenset[str]]:
    data = cues()["ru_bodies"]
    return tuple(data["head_stems"]), frozenset(data["acronyms"])


def _russian_bodies(text: str, known: list[OrgMention]) -> list[OrgMention]:
    """National bodies named in Russian outside the register, up to the country that ends their
    name, in the nominative: "Министерством внутренних дел Республики Узбекистан" ->
    "Министерство внутренних дел Республики Узбекистан", "Национальной полицией Украины" ->
    "Национальная полиция Украины", "МВД Украины". Head words and acronyms are data
    (`organisation_cues.json`, 'ru_bodies'); the name must end in a country (`country_mentions`)
    within eight words of its head."""
    if not re.search("[а-яё]", text[:20000]):
        return []
    stems, acronyms = _ru_heads()
    taken = [(k.start, k.end) for k in known]
    out: list[OrgMention] = []
    words = list(_CYR_WORD.finditer(text))
    for i, w in enumerate(words):
        token = w.group(0)
        is_acr = token in acronyms
        if not is_acr and not token.casefold().startswith(stems):
            continue
        start_i = k = i
        while k > 0 and i - k < 3:  # adjectives before the head: "Государственной пограничной"
            prev = words[k - 1]
            if (
                text[prev.end() : words[k].start()] != " "
                or parses(prev.group(0))[0].tag.POS != "ADJF"
            ):
                break
            k -= 1
            if prev.group(0)[:1].isupper():
                start_i = k  # the name starts at its capital
        end_at: int | None = None
        for j in range(i + 1, min(len(words), i + 9)):
            if text[words[j - 1].end() : words[j].start()].strip(" ,"):
                break  # punctuation other than a comma ends the name
            at = country_mentions(text[words[j].start() : words[j].start() + 40])
            if at and at[0][1] == 0:
                if j == i + 1 and start_i == i and not is_acr:
                    break  # "полиции Украины": a generic noun and a country, no name
                end_at = words[j].start() + at[0][2]
                break
        if end_at is None:
            continue
        s, e = words[start_i].start(), end_at
        if any(ts < e and s < te for ts, te in taken):
            continue
        name = _nominative_name(text, words[start_i : i + 1], text[words[i].end() : e])
        out.append(OrgMention(s, e, text[s:e], name, token if is_acr else None, None))
        taken.append((s, e))
    return out


def _nominative_name(text: str, head: list[re.Match[str]], rest: str) -> str:
    """The head words of a Russian name in the nominative, the rest as written."""
    noun = parses(head[-1].group(0))[0]
    out = []
    for w in head:
        word = w.group(0)
        parse = parses(word)[0]
        if word.isupper() or parse.tag.case in (None, "nomn"):
            out.append(word)
            continue
        want = (
            {"nomn", "sing"}
            if parse.tag.POS != "ADJF"
            else {"nomn", "sing", noun.tag.gender or "masc"}
        )
        form = parse.inflect({g for g in want if g})
        new = str(form.word) if form is not None else word
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join(out) + rest
