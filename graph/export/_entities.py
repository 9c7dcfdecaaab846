"""What the exports know about each entity: type, label, date, literal attributes, passages.

The type of a node is read from its IRI (`tb:{kind}/...`, see docs/data-model.md), so it is
stable and needs no reasoning; `class` keeps the rdf:type local names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from ._queries import load_query

__all__ = [
    "ENTITY_TYPES",
    "ID_BASE",
    "Catalog",
    "Passage",
    "entity_type",
    "is_entity",
    "short_iri",
]

ID_BASE = "https://w3id.org/thbgraph/id/"

# IRI kind -> node type. Kinds missing here (citation, evidence, activity, agent) are
# reification and provenance nodes: they become edge attributes, not nodes.
_TYPE_BY_KIND = {
    "meeting": "meeting",
    "document": "document",
    "commitment": "commitment",
    "publication": "publication",
    "org": "organisation",
    "person": "person",
    "post": "post",
    "country": "country",
    "series": "series",
    "topic": "topic",
    "place": "place",
    "action": "action",
    "reference": "reference",
}
ENTITY_TYPES = (*sorted({*_TYPE_BY_KIND.values(), "agenda-item", "article"}),)

PREFIXES = {
    "https://w3id.org/thbgraph/ontology#": "thb",
    ID_BASE: "tb",
    "http://data.europa.eu/eli/ontology#": "eli",
    "https://schema.org/": "schema",
    "http://schema.org/": "schema",
    "http://purl.org/spar/cito/": "cito",
    "http://www.w3.org/ns/oa#": "oa",
    "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/ns/org#": "org",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.w3.org/2006/time#": "time",
    "http://www.w3.org/2002/07/owl#": "owl",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
}

_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"
# Label properties in order of preference (after the symbol, for commitments and articles).
_LABEL_PROPS = (
    _RDFS_LABEL,
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://xmlns.com/foaf/0.1/name",
    "https://schema.org/name",
    "http://purl.org/dc/terms/title",
    _NOTATION,
)
# Date properties in order of preference: the date a node is placed at on a timeline.
_DATE_PROPS = (
    "https://schema.org/startDate",
    "http://data.europa.eu/eli/ontology#date_document",
    "http://purl.org/dc/terms/date",
    "https://schema.org/datePublished",
)
_END_PROP = "https://schema.org/endDate"
_YEAR = re.compile(r"^(\d{4})")
_NMTOKEN_BAD = re.compile(r"[^A-Za-z0-9_.-]")


def is_entity(iri: str) -> bool:
    """True for the IRIs that are nodes of the views (not citations, evidence or provenance)."""
    return entity_type(iri) is not None


def entity_type(iri: str) -> str | None:
    """The node type of an entity IRI: 'meeting', 'commitment', 'organisation'... or None."""
    if not iri.startswith(ID_BASE):
        return None
    parts = iri[len(ID_BASE) :].split("/")
    kind = _TYPE_BY_KIND.get(parts[0])
    if kind == "meeting" and "item" in parts[2:]:
        return "agenda-item"
    if kind == "commitment" and len(parts) > 2 and parts[2].startswith("art-"):
        return "article"
    return kind


def short_iri(iri: str) -> str:
    """A prefixed name for a known namespace ('thb:cites'), else the IRI itself."""
    for ns, prefix in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def attribute_name(predicate: str) -> str:
    """An NMTOKEN-safe attribute name for a literal property: 'schema:startDate' -> 'schema_startDate'."""
    name = _NMTOKEN_BAD.sub("_", short_iri(predicate).replace(":", "_"))
    return name if name[:1].isalpha() else f"p_{name}"


def year_of(date: str | None) -> int | None:
    """The year of an ISO date, gYearMonth or gYear literal."""
    m = _YEAR.match(date or "")
    return int(m.group(1)) if m else None


@dataclass(frozen=True, order=True)
class Passage:
    """A passage that supports a statement: where it is and what it says."""

    document: str
    start: int
    end: int
    text: str


@dataclass
class Catalog:
    """Labels, types, dates, literal attributes and first citing passages of the entities."""

    literals: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    classes: dict[str, list[str]] = field(default_factory=dict)
    passages: dict[str, Passage] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: Store, *, all_literals: bool = False) -> Catalog:
        """Read the entities' labels and dates (or every literal) and their classes."""
        cat = cls()
        lits: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
        query = load_query("export_literals" if all_literals else "export_labels")
        for row in store.select(query):
            lits[row["s"]][row["p"]].append((row["lang"] or "", _lexical(row["o"])))
        cat.literals = {s: dict(props) for s, props in lits.items()}
        classes: dict[str, list[str]] = defaultdict(list)
        for row in store.select(load_query("export_types")):
            classes[row["s"]].append(short_iri(row["class"]))
        cat.classes = dict(classes)
        return cat

    @classmethod
    def from_triples(cls, triples: Iterable[tuple[str, str, Any, str]]) -> Catalog:
        """Build from (subject, predicate, literal value, language) tuples and rdf:type tuples."""
        cat = cls()
        rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
        for s, p, o, lang in triples:
            if p == rdf_type:
                cat.classes.setdefault(s, []).append(short_iri(str(o)))
            else:
                cat.literals.setdefault(s, {}).setdefault(p, []).append((lang, _lexical(o)))
        return cat

    def _first(self, iri: str, prop: str) -> str | None:
        values = self.literals.get(iri, {}).get(prop)
        if not values:
            return None
        english = sorted(v for lang, v in values if lang in ("en", ""))
        return english[0] if english else sorted(v for _, v in values)[0]

    def label(self, iri: str) -> str:
        """A human label: the symbol of a commitment, else the first label-like literal."""
        kind = entity_type(iri)
        props = (_NOTATION, *_LABEL_PROPS) if kind in ("commitment", "article") else _LABEL_PROPS
        for prop in props:
            value = self._first(iri, prop)
            if value:
                return value
        return iri.rstrip("/").rsplit("/", 1)[-1]

    def date(self, iri: str) -> str | None:
        """The date the node is placed at on a timeline (start date, adoption, publication)."""
        for prop in _DATE_PROPS:
            value = self._first(iri, prop)
            if value:
                return value
        return None

    def attributes(self, iri: str, *, with_literals: bool = False) -> dict[str, Any]:
        """Scalar node attributes (no lists, no None): iri, label, type, class, date, year, passage."""
        attrs: dict[str, Any] = {
            "iri": iri,
            "label": self.label(iri),
            "type": entity_type(iri) or "resource",
        }
        if iri in self.classes:
            attrs["class"] = " ".join(sorted(set(self.classes[iri])))
        date = self.date(iri)
        if date:
            attrs["date"] = date
            year = year_of(date)
            if year is not None:
                attrs["year"] = year
        end = self._first(iri, _END_PROP)
        if end:
            attrs["end_date"] = end
        passage = self.passages.get(iri)
        if passage:
            attrs["passage"] = passage.text
            attrs["passage_document"] = passage.document
        if with_literals:
            for prop, values in sorted(self.literals.get(iri, {}).items()):
                attrs[attribute_name(prop)] = " | ".join(sorted({v for _, v in values}))
        return attrs


def _lexical(value: Any) -> str:
    """Literal values as strings, so that every attribute has one type in every format."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
