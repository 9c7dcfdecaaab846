"""One document: its metadata, text and the spans of its evidence."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..errors import UnknownEntityError
from ..store import GraphStore
from ._common import ID, THB, rows, suggest
from .evidence import document_evidence

__all__ = ["document"]


def document(store: GraphStore, document_id: str) -> dict[str, Any]:
    """A document's metadata, full text and the span of every fact extracted from it."""
    iri = document_id if document_id.startswith(ID) else f"{ID}document/{document_id}"
    meta: dict[str, Any] = {"types": [], "about": [], "mentions": []}
    for row in rows(store, "document_detail", document=ox.NamedNode(iri)):
        key, value = row["key"], row["value"]
        if key == "type":
            meta["types"].append(value.removeprefix(THB))
        elif key in {"about", "mentions"}:
            meta[key].append(value)
        else:
            meta.setdefault(key, value)
    if not meta["types"] and "text" not in meta:
        ids = [
            r["d"].removeprefix(f"{ID}document/")
            for r in store.select(
                "SELECT DISTINCT ?d WHERE { ?d <https://w3id.org/thbgraph/ontology#sourceFile> ?f }"
            )
        ]
        close = suggest(document_id, ids)
        raise UnknownEntityError(f"unknown document {document_id!r}", close)
    text = meta.get("text") or ""
    spans = []
    for row in document_evidence(store, iri):  # the evidence index, or the query
        start, end = row["start"], row["end"]
        spans.append(
            {
                "evidence": row["evidence"],
                "supports": row["body"],
                "property": row.get("property"),
                "quote": row["quote"],
                "start": start,
                "end": end,
                "page": row.get("page"),
                "text_at_offsets": text[start:end] if isinstance(start, int) else None,
            }
        )
    return {
        "id": document_id.removeprefix(f"{ID}document/"),
        "iri": iri,
        "types": meta["types"],
        "title": meta.get("title"),
        "date": meta.get("date"),
        "language": meta.get("language"),
        "file": meta.get("file"),
        "sha256": meta.get("sha256"),
        "about": meta["about"],
        "mentions": meta["mentions"],
        "text": text,
        "spans": spans,
    }
