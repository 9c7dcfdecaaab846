"""The change feed: /changes (Activity Streams 2.0, JSON-LD) and /changes.atom (Atom 1.0).

Every build, add and remove of the store is one activity, newest first, naming its documents by
their source file names and counting the triples added and removed. The log is part of the
store (graph/changes.py), so the feed follows the current generation and survives restarts.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from lxml import etree

from ...graph.changes import Change, changes_from_rows
from ...graph.queries import load_query
from ..deps import BackendDep

__all__ = ["AS2_TYPE", "ATOM_TYPE", "activity", "atom_feed", "router"]

router = APIRouter(tags=["Changes"])

AS2_TYPE = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
ATOM_TYPE = "application/atom+xml; charset=utf-8"
ATOM = "http://www.w3.org/2005/Atom"
THB = "https://w3id.org/thbgraph/ontology#"
CONTEXT: list[Any] = ["https://www.w3.org/ns/activitystreams", {"thb": THB}]
# build replaces the whole graph, add creates (or replaces) documents, remove deletes them
ACTIVITY_TYPES = {"build": "Update", "add": "Create", "remove": "Delete"}
Count = Annotated[int, Query(ge=1, le=1000, description="Newest changes to include.")]


def _summary(change: Change) -> str:
    names = ", ".join(change.documents[:5]) + (" ..." if len(change.documents) > 5 else "")
    return (
        f"{change.kind} of {len(change.documents)} document(s) ({names}): "
        f"{change.added} triple(s) added, {change.removed} removed"
    )


def activity(change: Change, base: str) -> dict[str, Any]:
    """One change as an Activity Streams 2.0 activity."""
    return {
        "id": change.iri,
        "type": ACTIVITY_TYPES[change.kind],
        "summary": _summary(change),
        "published": change.published,
        "actor": {"type": "Application", "name": "thbgraph"},
        "object": [{"type": "Document", "name": name} for name in change.documents],
        "target": {"type": "Collection", "id": f"{base}sparql", "name": "the thbgraph store"},
        "thb:changeKind": change.kind,
        "thb:triplesAdded": change.added,
        "thb:triplesRemoved": change.removed,
        "thb:generation": change.generation,
    }


def collection(changes: list[Change], base: str, total: int) -> dict[str, Any]:
    """The feed as an OrderedCollection with its newest items inline."""
    return {
        "@context": CONTEXT,
        "id": f"{base}changes",
        "type": "OrderedCollection",
        "summary": "Builds, adds and removes of the thbgraph store, newest first.",
        "totalItems": total,
        "orderedItems": [activity(c, base) for c in changes],
        "url": [{"type": "Link", "href": f"{base}changes.atom", "mediaType": ATOM_TYPE}],
    }


def atom_feed(changes: list[Change], base: str) -> bytes:
    """The feed as Atom 1.0 (RFC 4287): one entry per change, newest first."""
    a = f"{{{ATOM}}}"
    feed = etree.Element(a + "feed", nsmap={None: ATOM})
    etree.SubElement(feed, a + "id").text = f"{base}changes.atom"
    etree.SubElement(feed, a + "title").text = "thbgraph: changes of the store"
    updated = changes[0].published if changes else dt.datetime.now(dt.UTC).isoformat()
    etree.SubElement(feed, a + "updated").text = updated
    author = etree.SubElement(feed, a + "author")
    etree.SubElement(author, a + "name").text = "thbgraph"
    etree.SubElement(feed, a + "link", rel="self", href=f"{base}changes.atom", type=ATOM_TYPE)
    etree.SubElement(feed, a + "link", rel="alternate", href=f"{base}changes", type=AS2_TYPE)
    for change in changes:
        entry = etree.SubElement(feed, a + "entry")
        etree.SubElement(entry, a + "id").text = change.iri
        etree.SubElement(entry, a + "title").text = (
            f"{change.kind}: {', '.join(change.documents[:3])}"
            + (" ..." if len(change.documents) > 3 else "")
        )
        etree.SubElement(entry, a + "updated").text = change.published
        etree.SubElement(entry, a + "published").text = change.published
        etree.SubElement(entry, a + "category", term=change.kind)
        etree.SubElement(entry, a + "summary").text = _summary(change)
        content = etree.SubElement(entry, a + "content", type="text")
        content.text = "\n".join(change.documents)
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8"))


async def _changes(backend: Any, limit: int) -> tuple[list[Change], int]:
    rows = await backend.select(load_query("changes"))
    return changes_from_rows(rows, limit=limit), len(rows)


@router.get("/changes", summary="The change feed (Activity Streams 2.0 OrderedCollection)")
async def changes(request: Request, backend: BackendDep, limit: Count = 100) -> Response:
    """Builds, adds and removes of the store, newest first, items inline."""
    items, total = await _changes(backend, limit)
    body = json.dumps(collection(items, str(request.base_url), total), ensure_ascii=False)
    return Response(body.encode("utf-8"), media_type=AS2_TYPE)


@router.get("/changes.atom", summary="The change feed as Atom 1.0")
async def changes_atom(request: Request, backend: BackendDep, limit: Count = 100) -> Response:
    """The same changes as an Atom feed, for feed readers."""
    items, _ = await _changes(backend, limit)
    return Response(atom_feed(items, str(request.base_url)), media_type=ATOM_TYPE)
