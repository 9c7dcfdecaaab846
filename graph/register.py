"""The reference register: commitments, organisations, posts, meeting series, topics and places.

The register is data, not code: Turtle files in `ontology/register/` that a domain expert edits.
This module reads them into plain lookup tables for the extractors and the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS

from .errors import ThbGraphError
from .vocab import TB, THB

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
        self._read()

    def _labels(self, s: URIRef, p: URIRef) -> list[Literal]:
        return [o for o in self.graph.objects(s, p) if isinstance(o, Literal)]

    def _aliases(self, s: URIRef) -> tuple[str, ...]:
        return tuple(sorted({str(o) for o in self._labels(s, SKOS.altLabel)}))

    def _read(self) -> None:
        kg = self.graph
        for s, notation in kg.subject_objects(SKOS.notation):
            if not isinstance(s, URIRef) or _key(str(s), "commitment") is None:
                continue
            if "/art-" in str(s):  # articles are parts of commitments, not commitments
                continue
            kinds = sorted(
                str(t)[len(str(THB)) :] for t in kg.objects(s, RDF.type) if str(t).startswith(THB)
            )
            title = _en(self._labels(s, DCTERMS.title)) or _en(self._labels(s, SKOS.prefLabel))
            self.commitments[str(notation)] = CommitmentEntry(
                symbol=str(notation),
                iri=str(s),
                kind=kinds[0] if kinds else "Commitment",
                title=title,
                aliases=self._aliases(s),
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
        wanted = name.strip().casefold()
        for text, key in self.organisation_names():
            if text.casefold() == wanted:
                return self.organisations[key]
        return self.organisations.get(name)

    def closest_symbols(self, text: str, limit: int = 5) -> list[str]:
        """The known symbols nearest to what a user typed, for 'did you mean' messages."""
        choices = list(self.commitments)
        found = process.extract(text, choices, scorer=fuzz.WRatio, limit=limit)
        return [c for c, score, _ in found if score >= 50]


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> Register:
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
