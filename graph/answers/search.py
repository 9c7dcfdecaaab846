"""Search: entities whose labels, aliases or evidence passages contain the words asked for."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..store import GraphStore
from ._common import rows, short

__all__ = ["search"]


def search(store: GraphStore, q: str, limit: int = 50) -> list[dict[str, Any]]:
    """Entities whose labels, aliases or evidence passages contain `q` (case-insensitive)."""
    needle = q.lower().strip()
    hits: dict[str, dict[str, Any]] = {}
    for row in rows(store, "labels"):
        if needle in str(row["label"]).lower():
            hit = hits.setdefault(
                row["entity"],
                {
                    "iri": row["entity"],
                    "id": short(row["entity"]),
                    "kind": None,
                    "labels": [],
                    "passages": [],
                },
            )
            if row["label"] not in hit["labels"]:
                hit["labels"].append(row["label"])
            if row.get("kind") and not hit["kind"]:
                hit["kind"] = str(row["kind"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    for row in rows(store, "passages_search", needle=ox.Literal(needle)):
        hit = hits.setdefault(
            row["body"],
            {
                "iri": row["body"],
                "id": short(row["body"]),
                "kind": None,
                "labels": [],
                "passages": [],
            },
        )
        hit["passages"].append(
            {
                "document": row["source"],
                "text": row["quote"],
                "start": row["start"],
                "end": row["end"],
            }
        )
    ranked = sorted(hits.values(), key=lambda h: (not h["labels"], h["id"] or h["iri"]))
    return ranked[:limit]
