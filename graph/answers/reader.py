"""The document reader: a document's text with every fact's span, kind and resolution."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ._common import rows, split
from .document import document

__all__ = ["document_reader", "fact_kind", "page_starts"]

SCHEMA = "https://schema.org/"
THB = "https://w3id.org/thbgraph/ontology#"
KINDS = ("meeting", "person", "organisation", "citation", "publication", "other")
LOW_CONFIDENCE = 0.9  # below this a citation is shown as uncertain
_BY_PROPERTY = {
    f"{SCHEMA}startDate": "meeting",
    f"{SCHEMA}endDate": "meeting",
    f"{SCHEMA}location": "meeting",
    f"{THB}online": "meeting",
    "http://xmlns.com/foaf/0.1/name": "person",
    f"{THB}mentionsOrganisation": "organisation",
    "http://purl.org/spar/cito/hasCitedEntity": "citation",
    f"{SCHEMA}url": "publication",
}


def fact_kind(prop: str | None, types: list[str]) -> str:
    """The reader's kind of a fact from the property it supports and its node's types."""
    if prop in _BY_PROPERTY:
        return _BY_PROPERTY[prop]
    if f"{THB}Citation" in types:
        return "citation"
    if f"{THB}Publication" in types:
        return "publication"
    if "http://xmlns.com/foaf/0.1/Person" in types:
        return "person"
    return "other"


MAX_PAGES = 10_000  # page starts read at most (a reader caps PDFs well below)


def page_starts(store: Any, document_iri: str, text_length: int) -> list[int]:
    """The offsets where pages 2, 3, ... begin in the document's text (none for files without
    pages); values outside the text or out of order are dropped."""
    out: set[int] = set()
    for row in rows(store, "document_pages", document=ox.NamedNode(document_iri)):
        for part in str(row["starts"]).split()[:MAX_PAGES]:
            if part.isdecimal() and 0 < int(part) <= text_length:
                out.add(int(part))
    return sorted(out)


def document_reader(store: Any, document_id: str) -> dict[str, Any]:
    """`document` with, per span, its kind, label and (for citations) resolution status."""
    doc = document(store, document_id)
    doc["page_starts"] = page_starts(store, doc["iri"], len(doc.get("text") or ""))
    details = {
        (r["evidence"], r["body"]): r
        for r in rows(store, "document_facts", document=ox.NamedNode(doc["iri"]))
    }
    for span in doc["spans"]:
        d = details.get((span["evidence"], span["supports"]), {})
        types = split(d.get("types"))
        cited_types = split(d.get("citedTypes"))
        span["kind"] = fact_kind(span.get("property"), types)
        span["label"] = d.get("label")
        status = None
        if span["kind"] == "citation":
            conf = d.get("confidence")
            confidence = float(conf) if conf is not None else None
            unresolved = (
                d.get("method") == "unresolved" or f"{THB}UnresolvedReference" in cited_types
            )
            status = (
                "unresolved"
                if unresolved
                else (
                    "uncertain"
                    if confidence is not None and confidence < LOW_CONFIDENCE
                    else "resolved"
                )
            )
            span["citation"] = {
                "status": status,
                "method": d.get("method"),
                "confidence": confidence,
                "note": d.get("note"),
                "cited": d.get("cited"),
                "cited_label": d.get("citedLabel"),
            }
    return doc
