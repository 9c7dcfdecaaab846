"""Namespaces and the minting of stable, readable IRIs.

Every IRI thbgraph writes is made here, so that rebuilding the same corpus gives the same IRIs.
The official symbol of a commitment goes in a literal (`skos:notation`); its IRI is a slug.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

__all__ = [
    "BASE",
    "CITO",
    "DCTERMS",
    "ELI",
    "FOAF",
    "GRAPH_REGISTER",
    "GRAPH_RUNS",
    "ID",
    "OA",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TB",
    "THB",
    "TIME",
    "XSD",
    "MeetingKey",
    "article_iri",
    "commitment_iri",
    "document_graph",
    "document_id",
    "iri",
    "meeting_iri",
    "slug",
    "symbol_slug",
]

BASE = "https://w3id.org/thbgraph/"
THB = Namespace(BASE + "ontology#")  # the ontology's own terms
TB = Namespace(BASE + "id/")  # the data: entities
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SCHEMA = Namespace("https://schema.org/")
CITO = Namespace("http://purl.org/spar/cito/")
OA = Namespace("http://www.w3.org/ns/oa#")

GRAPH_REGISTER = URIRef(BASE + "graph/register")  # the reference register (commitments, orgs...)
GRAPH_RUNS = URIRef(BASE + "graph/runs")  # when each extraction ran (volatile, not canonical)
GRAPH_DOCUMENT_PREFIX = BASE + "graph/document/"  # one named graph per document


def slug(text: str, *, max_len: int = 80) -> str:
    """A lowercase ASCII slug: 'Petya Nestorova' -> 'petya-nestorova'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:max_len].rstrip("-") or "x"


def symbol_slug(symbol: str) -> str:
    """The IRI slug of a canonical symbol: 'MC.DEC/6/18' -> 'mc-dec-6-18', 'CETS No. 197' -> 'cets-197'."""
    s = symbol.lower().replace("no.", " ")
    return slug(s)


def iri(kind: str, *parts: str) -> URIRef:
    """An entity IRI `BASE/id/{kind}/{part}/...`; parts must already be slugs."""
    return URIRef(BASE + "id/" + "/".join((kind, *parts)))


def document_graph(doc_id: str) -> URIRef:
    """The named graph that holds everything read in one document."""
    return URIRef(GRAPH_DOCUMENT_PREFIX + doc_id)


ID = BASE + "id/"  # the prefix of every entity IRI (the same as TB)


def document_id(source: str) -> str:
    """The id of a document in IRIs: its file stem as a slug, underscores kept."""
    stem = source.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return "_".join(slug(part, max_len=120) for part in stem.split("_")) or "document"


def commitment_iri(symbol: str) -> str:
    """The IRI of a commitment from its canonical symbol."""
    return f"{ID}commitment/{symbol_slug(symbol)}"


def article_iri(symbol: str, article: str) -> str:
    """The IRI of a cited article of a commitment: '29(4)' -> .../art-29-4."""
    return f"{commitment_iri(symbol)}/art-{slug(article)}"


@dataclass(frozen=True)
class MeetingKey:
    """What identifies a meeting across documents: its dates and title."""

    start_date: str | None
    end_date: str | None
    title: str | None


def meeting_iri(key: MeetingKey) -> str:
    """The readable IRI of a meeting: start date and title slug."""
    return f"{ID}meeting/{key.start_date or 'undated'}-{slug(key.title or 'meeting', max_len=60)}"
