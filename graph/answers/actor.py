"""Actors: the organisations and persons, filtered by kind or text."""

from __future__ import annotations

from typing import Any

from ..store import GraphStore
from ._common import short
from .summary import list_rows

__all__ = ["actors"]


def actors(
    store: GraphStore, kind: str | None = None, text: str | None = None
) -> list[dict[str, Any]]:
    """Organisations and persons."""
    out = []
    for row in list_rows(store, "actors"):  # the summary index, or the query
        item = {
            "id": short(row["actor"]),
            "iri": row["actor"],
            "kind": row["kind"],
            "label": row.get("label"),
            "acronym": row.get("acronym"),
            "role": row.get("role"),
        }
        if kind and item["kind"] != kind:
            continue
        if text and text.lower() not in " ".join(str(v) for v in item.values()).lower():
            continue
        out.append(item)
    return out
