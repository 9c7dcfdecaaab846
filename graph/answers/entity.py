"""Everything said about an entity, with the evidence passages (pages and /actors/{id})."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..errors import UnknownEntityError
from ..queries import load_query
from ..store import GraphStore
from ._common import ID, rows, short, suggest
from .evidence import entity_evidence

__all__ = ["MAX_EVIDENCE", "describe"]

MAX_EVIDENCE = 500  # passages listed at most (the first, by document and offset)


def describe(store: GraphStore, iri: str) -> dict[str, Any]:
    """Everything said about an entity (outgoing and incoming), for pages and /actors/{id}.

    Each evidence entry gives the passage (`quote`, its offsets in the document's normalised text)
    and the sentence holding it (`sentence`: text and offsets)."""
    statements = store.select(load_query("entity"), bindings={"entity": ox.NamedNode(iri)})
    if not statements:
        labels = sorted({r["entity"] for r in rows(store, "labels")})
        close = suggest(iri.removeprefix(ID), [short(x) or x for x in labels])
        raise UnknownEntityError(f"nothing is known about <{iri}>", close)
    evidence = [
        {
            "evidence": r["evidence"],
            "supports": r["body"],
            "property": r.get("property"),
            "document": r["source"],
            "quote": r["quote"],
            "start": r["start"],
            "end": r["end"],
            "sentence": {
                "text": r["sentence"],
                "start": r["sentenceStart"],
                "end": r["sentenceEnd"],
            },
        }
        for r in entity_evidence(store, iri, MAX_EVIDENCE)  # the evidence index, or the query
    ]
    return {"iri": iri, "id": short(iri), "statements": statements, "evidence": evidence}
