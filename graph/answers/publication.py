"""Publications with the meetings where they were presented."""

from __future__ import annotations

from typing import Any

from ..store import GraphStore
from ._common import short, split
from .summary import list_rows

__all__ = ["publications"]


def publications(store: GraphStore) -> list[dict[str, Any]]:
    """Publications with the meetings where they were presented."""
    return [
        {
            "id": short(row["publication"]),
            "iri": row["publication"],
            "title": row.get("title"),
            "date": row.get("date"),
            "publisher": short(row.get("publisher")),
            "url": row.get("url"),
            "presented_at": split(row.get("meetings")),
        }
        for row in list_rows(store, "publications")
    ]
