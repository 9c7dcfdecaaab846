"""Search: entities whose labels, aliases or evidence passages contain the words asked for.

On an embedded store (on disk or in memory) this is full-text search with SQLite FTS5
(`fulltext`): stemmed (English, French, Russian), BM25-ranked, with highlighted snippets and
filters by kind, year and body. A remote store keeps the SPARQL substring search.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..queries import run_named
from ..store import GraphStore, Store
from ._common import ID, short
from .fulltext import MAX_ENTITIES, index_for, query_index
from .stems import WORD, Marker

__all__ = ["search", "search_page"]

PASSAGES_PER_ENTITY = 20


def search(
    store: Store,
    q: str,
    limit: int = 50,
    kind: str | None = None,
    year: int | None = None,
    body: str | None = None,
) -> list[dict[str, Any]]:
    """The first `limit` entities of `search_page`."""
    page = search_page(store, q, limit=limit, kind=kind, year=year, body=body)
    items: list[dict[str, Any]] = page["items"]
    return items


def search_page(
    store: Store,
    q: str,
    *,
    limit: int = 50,
    offset: int = 0,
    kind: str | None = None,
    year: int | None = None,
    body: str | None = None,
) -> dict[str, Any]:
    """One page of the entities matching `q` (`total`, `limit`, `offset`, `items`), best first,
    each with its `score` (BM25, higher is better) and the
    `snippet` of its best match (HTML: text escaped, matched words in `<mark>`); filtered by
    `kind`, `year`, and `body` (an organisation's id or IRI: only its documents' passages, and
    the labels of entities with evidence in them). Snippets are made for this page only."""
    if not isinstance(store, GraphStore):
        every = _substring_search(store, q, MAX_ENTITIES, kind)
        return _page(every[offset : offset + limit], len(every), limit, offset)
    if body and not body.startswith(ID):
        body = ID + body
    marker = Marker(WORD.findall(q))
    hits: dict[str, dict[str, Any]] = {}
    found, total = query_index(
        index_for(store), q, kind=kind, year=year, body=body, limit=limit, offset=offset
    )
    for row in found:
        hit = hits.get(row["entity"])
        snippet = None
        if hit is None:
            snippet = marker.snippet(row["text"], row["lang"])
            hit = hits[row["entity"]] = {
                "iri": row["entity"],
                "id": short(row["entity"]),
                "kind": row["kind"],
                "labels": [],
                "passages": [],
                "score": row["score"],
                "snippet": snippet,
            }
        if row["field"] == "label":
            if row["text"] not in hit["labels"]:
                hit["labels"].append(row["text"])
        elif len(hit["passages"]) < PASSAGES_PER_ENTITY:
            hit["passages"].append(
                {
                    "document": row["document"],
                    "text": row["text"],
                    "start": row["start"],
                    "end": row["end"],
                    "year": row["year"],
                    "score": row["score"],
                    "snippet": snippet or marker.snippet(row["text"], row["lang"]),
                }
            )
    return _page(list(hits.values()), total, limit, offset)


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _substring_search(
    store: Store, q: str, limit: int, kind: str | None = None
) -> list[dict[str, Any]]:
    """The SPARQL substring search (case-insensitive), for remote stores."""
    needle = q.lower().strip()
    hits: dict[str, dict[str, Any]] = {}

    def new(iri: str) -> dict[str, Any]:
        return {
            "iri": iri,
            "id": short(iri),
            "kind": None,
            "labels": [],
            "passages": [],
            "score": None,
            "snippet": None,
        }

    for row in run_named(store, "labels"):
        if needle in str(row["label"]).lower():
            hit = hits.setdefault(row["entity"], new(row["entity"]))
            if row["label"] not in hit["labels"]:
                hit["labels"].append(row["label"])
            if row.get("kind") and not hit["kind"]:
                hit["kind"] = str(row["kind"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    for row in run_named(store, "passages_search", needle=ox.Literal(needle)):
        hit = hits.setdefault(row["body"], new(row["body"]))
        hit["passages"].append(
            {
                "document": row["source"],
                "text": row["quote"],
                "start": row["start"],
                "end": row["end"],
            }
        )
    ranked = sorted(hits.values(), key=lambda h: (not h["labels"], h["id"] or h["iri"]))
    if kind:
        ranked = [h for h in ranked if h["kind"] == kind]
    return ranked[:limit]
