"""The reference register: commitments, organisations, posts, meeting series, topics and places.

The register is data, not code: Turtle files in `ontology/register/` that a domain expert edits.
This module reads them into plain lookup tables for the extractors and the CLI.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import rdflib
from rapidfuzz import fuzz, process
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS

from .cache import cache_file, read_cached, write_cached
from .errors import ThbGraphError
from .vocab import ELI, SCHEMA, TB, THB

__all__ = [
    "CommitmentEntry",
    "LabelledEntry",
    "OrganisationEntry",
    "PostEntry",
    "Register",
    "TopicEntry",
    "load_register",
    "register_files",
]


@dataclass(frozen=True)
class CommitmentEntry:
    """A commitment of the register: its canonical symbol, IRI, class, title and aliases."""

    symbol: str
    iri: str
    kind: str  # local name of its thb: class, e.g. "MinisterialCouncilDecision"
    title: str | None
    aliases: tuple[str, ...]
    kinds: tuple[str, ...] = ()  # every thb: class ("PermanentCouncilDecision", "Addendum")
    body: str | None = None  # register key of the adopting body (eli:passed_by), e.g. "osce-mc"
    place: str | None = None  # place of adoption as the register writes it (schema:location)
    date: str | None = None  # eli:date_document: "2005", "2005-12" or "2005-12-06"
    addendum_to: str | None = None  # symbol of the commitment it is an addendum to
    corrigendum_of: str | None = None  # symbol of the commitment it corrects

    @property
    def year(self) -> int | None:
        """The year of adoption, when the register gives a date."""
        return int(self.date[:4]) if self.date and self.date[:4].isdecimal() else None


@dataclass(frozen=True)
class OrganisationEntry:
    """An organisation (or unit) with its canonical name, acronym, aliases and parent."""

    key: str
    iri: str
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    parent: str | None  # key of the organisation it is a unit of


@dataclass(frozen=True)
class PostEntry:
    """A post such as the OSCE Special Representative, with the organisation it belongs to."""

    key: str
    iri: str
    label: str
    aliases: tuple[str, ...]
    org: str | None


@dataclass(frozen=True)
class LabelledEntry:
    """A meeting series or a place: a key, an IRI, a label and aliases."""

    key: str
    iri: str
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TopicEntry:
    """A topic concept with the words that signal it in a text."""

    key: str
    iri: str
    label: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]


def register_files() -> list[Path]:
    """The Turtle files of the bundled register, in a stable order."""
    folder = Path(str(resources.files("thbgraph.ontology"))) / "register"
    return sorted(folder.glob("*.ttl")) if folder.is_dir() else []


def _key(iri: str, kind: str) -> str | None:
    prefix = str(TB) + kind + "/"
    return iri[len(prefix) :] if iri.startswith(prefix) else None


def _en(values: Iterable[object]) -> str | None:
    """The English (or untagged) label among several, preferring English."""
    labels = [v for v in values if isinstance(v, Literal)]
    for lang in ("en", None):
        for v in sorted(labels, key=str):
            if v.language == lang:
                return str(v)
    return str(sorted(labels, key=str)[0]) if labels else None


class Register:
    """Lookup tables over the register graph."""

    def __init__(self, kg: Graph) -> None:
        self.graph = kg
        self.commitments: dict[str, CommitmentEntry] = {}
        self.organisations: dict[str, OrganisationEntry] = {}
        self.posts: dict[str, PostEntry] = {}
        self.series: dict[str, LabelledEntry] = {}
        self.topics: dict[str, TopicEntry] = {}
        self.places: dict[str, LabelledEntry] = {}
        self._lookup: dict[str, str] | None = None
        self._read()

    def _labels(self, s: URIRef, p: URIRef) -> list[Literal]:
        return [o for o in self.graph.objects(s, p) if isinstance(o, Literal)]

    def _aliases(self, s: URIRef, *, other_languages: bool = True) -> tuple[str, ...]:
        """Alternative labels, and (unless told not to) the preferred labels in languages other
        than English: a French or Russian name is written in documents as much as an alias is."""
        names = {str(o) for o in self._labels(s, SKOS.altLabel)}
        if other_languages:
            names |= {
                str(o)
                for o in self._labels(s, SKOS.prefLabel)
                if o.language and not o.language.startswith("en")
            }
        return tuple(sorted(names))

    def _read(self) -> None:
        kg = self.graph
        entries = [
            (s, notation)
            for s, notation in kg.subject_objects(SKOS.notation)
            if isinstance(s, URIRef)
            and _key(str(s), "commitment") is not None
            and "/art-" not in str(s)  # articles are parts of commitments, not commitments
        ]
        symbol_of = {s: str(n) for s, n in entries}

        def symbol(s: URIRef, p: URIRef) -> str | None:
            target = kg.value(s, p)
            return symbol_of.get(target) if isinstance(target, URIRef) else None

        for s, notation in entries:
            kinds = sorted(
                str(t)[len(str(THB)) :] for t in kg.objects(s, RDF.type) if str(t).startswith(THB)
            )
            title = _en(self._labels(s, DCTERMS.title)) or _en(self._labels(s, SKOS.prefLabel))
            self.commitments[str(notation)] = CommitmentEntry(
                symbol=str(notation),
                iri=str(s),
                kind=kinds[0] if kinds else "Commitment",
                title=title,
                aliases=self._aliases(s, other_languages=False),  # prefLabels carry the symbol
                kinds=tuple(kinds),
                body=_key(str(body), "org") if (body := kg.value(s, ELI.passed_by)) else None,
                place=str(place) if (place := kg.value(s, SCHEMA.location)) else None,
                date=str(day) if (day := kg.value(s, ELI.date_document)) else None,
                addendum_to=symbol(s, THB.addendumTo),
                corrigendum_of=symbol(s, THB.corrigendumOf),
            )
        subjects = {s for s in kg.subjects() if isinstance(s, URIRef)}
        for s in sorted(subjects):
            iri = str(s)
            if (key := _key(iri, "org")) is not None:
                parent = kg.value(s, ORG.unitOf) or kg.value(s, ORG.subOrganizationOf)
                acronym = kg.value(s, THB.acronym)
                self.organisations[key] = OrganisationEntry(
                    key=key,
                    iri=iri,
                    name=_en(self._labels(s, SKOS.prefLabel)) or key,
                    acronym=str(acronym) if acronym is not None else None,
                    aliases=self._aliases(s),
                    parent=_key(str(parent), "org") if parent is not None else None,
                )
            elif (key := _key(iri, "post")) is not None:
                org = kg.value(s, ORG.postIn)
                self.posts[key] = PostEntry(
                    key=key,
                    iri=iri,
                    label=_en(self._labels(s, SKOS.prefLabel)) or key,
                    aliases=self._aliases(s),
                    org=_key(str(org), "org") if org is not None else None,
                )
            elif (key := _key(iri, "series")) is not None:
                self.series[key] = LabelledEntry(
                    key, iri, _en(self._labels(s, SKOS.prefLabel)) or key, self._aliases(s)
                )
            elif (key := _key(iri, "place")) is not None:
                self.places[key] = LabelledEntry(
                    key, iri, _en(self._labels(s, SKOS.prefLabel)) or key, self._aliases(s)
                )
            elif (key := _key(iri, "topic")) is not None:
                self.topics[key] = TopicEntry(
                    key=key,
                    iri=iri,
                    label=_en(self._labels(s, SKOS.prefLabel)) or key,
                    aliases=self._aliases(s),
                    keywords=tuple(sorted({str(o) for o in self._labels(s, SKOS.hiddenLabel)})),
                )

    def labels(self, iri: str) -> dict[str, str]:
        """The register's rdfs:label of an entity by language tag ('' for none); empty if it has none."""
        return {(o.language or ""): str(o) for o in self._labels(URIRef(iri), RDFS.label)}

    def commitment_aliases(self) -> list[tuple[str, str]]:
        """(alias text, canonical symbol) pairs, longest alias first: names and symbol forms."""
        pairs = {(a, c.symbol) for c in self.commitments.values() for a in c.aliases}
        pairs |= {(c.title, c.symbol) for c in self.commitments.values() if c.title}
        return sorted(pairs, key=lambda p: (-len(p[0]), p))

    def organisation_names(self) -> list[tuple[str, str]]:
        """(name | acronym | alias, key) pairs, longest first."""
        pairs: set[tuple[str, str]] = set()
        for o in self.organisations.values():
            pairs.add((o.name, o.key))
            if o.acronym:
                pairs.add((o.acronym, o.key))
            pairs.update((a, o.key) for a in o.aliases)
        return sorted(pairs, key=lambda p: (-len(p[0]), p))

    def find_organisation(self, name: str) -> OrganisationEntry | None:
        """The organisation a name, acronym or alias stands for (case-insensitive), or None."""
        key = self._organisation_lookup().get(name.strip().casefold())
        return self.organisations[key] if key is not None else self.organisations.get(name)

    def _organisation_lookup(self) -> dict[str, str]:
        """Every name, acronym and alias (case-folded) -> key, the first of `organisation_names`
        winning; built once (the extractors ask it once per candidate name)."""
        if self._lookup is None:
            lookup: dict[str, str] = {}
            for text, key in self.organisation_names():
                lookup.setdefault(text.casefold(), key)
            self._lookup = lookup
        return self._lookup

    def closest_symbols(self, text: str, limit: int = 5) -> list[str]:
        """The known symbols nearest to what a user typed, for 'did you mean' messages."""
        choices = list(self.commitments)
        found = process.extract(text, choices, scorer=fuzz.WRatio, limit=limit)
        return [c for c, score, _ in found if score >= 50]


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> Register:
    """The register of the files. rdflib takes a tenth of a second or more to parse them, a large
    part of a one-document `thbgraph add`: the Register is kept in a cache file (graph/cache.py),
    named after the files' contents, this module and rdflib's version."""
    try:
        sources = [Path(__file__).read_bytes(), rdflib.__version__.encode("utf-8")]
        sources += [p.read_bytes() for p in paths]
    except OSError:  # a file that cannot be read: _parse says which
        return _parse(paths)
    cache = cache_file("register", sources, ".pickle")
    data = read_cached(cache) if cache is not None else None
    if data is not None:
        with contextlib.suppress(Exception):  # a broken or stale cache file is parsed anew
            register = pickle.loads(data)
            if isinstance(register, Register):
                return register
    register = _parse(paths)
    if cache is not None:
        write_cached(cache, pickle.dumps(register, protocol=pickle.HIGHEST_PROTOCOL))
    return register


def _parse(paths: tuple[Path, ...]) -> Register:
    kg = Graph()
    for p in paths:
        try:
            kg.parse(p, format="turtle")
        except Exception as exc:  # rdflib raises many parser exception types
            raise ThbGraphError(f"{p}: cannot read the register file: {exc}") from exc
    return Register(kg)


def load_register(paths: Iterable[Path | str] | None = None) -> Register:
    """The register read from the bundled Turtle files (or the given ones); cached."""
    files = tuple(Path(p) for p in paths) if paths is not None else tuple(register_files())
    return _load(files)
