"""The change feed: /changes (Activity Streams 2.0, JSON-LD) and /changes.atom (Atom 1.0).

Every build, add, remove and load of the store is one activity, newest first, naming its documents
by their source file names, counting the quads added and removed, and linking its RDF Patch
(`/changes/{generation}.rdfp`) so a mirror can replay it. The log is part of the store
(graph/changes.py), so the feed follows the current generation and survives restarts.

Paging (AS2 OrderedCollection / OrderedCollectionPage; RFC 5005 paged feeds for Atom): pages are
counted from the oldest change, so a full page never changes and a mirror can keep it; page 1
holds the oldest changes and the newest page is the collection's `first` (embedded). `next`
leads to older changes, `prev` to newer ones. A remote store keeps no change log: 404 problem.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import math
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from lxml import etree

from ...graph.changes import (
    PATCH_TYPE,
    REMOTE_NO_LOG,
    Change,
    changes_from_rows,
    patch_path,
)
from ...graph.errors import UnknownEntityError
from ...graph.queries import load_query
from ..caching import file_validated
from ..deps import BackendDep

__all__ = ["AS2_TYPE", "ATOM_TYPE", "Paging", "activity", "atom_feed", "router"]

router = APIRouter(tags=["Changes"])

AS2_TYPE = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
ATOM_TYPE = "application/atom+xml; charset=utf-8"
ATOM = "http://www.w3.org/2005/Atom"
THB = "https://w3id.org/thbgraph/ontology#"
CONTEXT: list[Any] = ["https://www.w3.org/ns/activitystreams", {"thb": THB}]
# build replaces the whole graph, add creates (or replaces) documents, remove deletes them
ACTIVITY_TYPES = {"build": "Update", "add": "Create", "remove": "Delete"}
PAGE_SIZE = 50
PageSize = Annotated[
    int, Query(ge=1, le=100, description="Changes per page (pages count from the oldest change).")
]
PageNumber = Annotated[
    int | None, Query(ge=1, description="Page number, 1 = oldest changes; default the newest page.")
]


def _summary(change: Change) -> str:
    names = ", ".join(change.documents[:5]) + (" ..." if len(change.documents) > 5 else "")
    return (
        f"{change.kind} of {len(change.documents)} document(s) ({names}): "
        f"{change.added} quad(s) added, {change.removed} removed"
    )


def patch_url(change: Change, base: str) -> str:
    """Where a change's RDF Patch is served."""
    return f"{base}changes/{change.generation}.rdfp"


def activity(change: Change, base: str, *, has_patch: bool = True) -> dict[str, Any]:
    """One change as an Activity Streams 2.0 activity, linking its RDF Patch."""
    out: dict[str, Any] = {
        "id": change.iri,
        "type": ACTIVITY_TYPES.get(change.kind, "Update"),
        "summary": _summary(change),
        "published": change.published,
        "actor": {"type": "Application", "name": "thbgraph"},
        "object": [{"type": "Document", "name": name} for name in change.documents],
        "target": {"type": "Collection", "id": f"{base}sparql", "name": "the thbgraph store"},
        "url": [
            {"type": "Link", "href": f"{base}changes/{change.generation}", "mediaType": AS2_TYPE}
        ],
        "thb:changeKind": change.kind,
        "thb:triplesAdded": change.added,
        "thb:triplesRemoved": change.removed,
        "thb:generation": change.generation,
    }
    if has_patch:
        out["url"].append(
            {
                "type": "Link",
                "href": patch_url(change, base),
                "mediaType": PATCH_TYPE,
                "name": "RDF Patch: the quads removed (D) and added (A)",
            }
        )
    return out


class Paging:
    """Stable pages of a newest-first list: page 1 holds the oldest `size` items."""

    def __init__(self, total: int, size: int) -> None:
        self.total, self.size = total, size
        self.pages = max(1, math.ceil(total / size))

    def window(self, page: int) -> tuple[int, int]:
        """The newest-first slice [start, end) of a page."""
        end = self.total - (page - 1) * self.size
        return max(0, end - self.size), max(0, end)

    def url(self, base: str, path: str, page: int) -> str:
        size = "" if self.size == PAGE_SIZE else f"&limit={self.size}"
        return f"{base}{path}?page={page}{size}"


def _page(
    changes: list[Change], paging: Paging, page: int, base: str, patches: set[str]
) -> dict[str, Any]:
    start, end = paging.window(page)
    out: dict[str, Any] = {
        "id": paging.url(base, "changes", page),
        "type": "OrderedCollectionPage",
        "partOf": f"{base}changes",
        "startIndex": start,
        "orderedItems": [
            activity(c, base, has_patch=c.generation in patches) for c in changes[start:end]
        ],
    }
    if page > 1:
        out["next"] = paging.url(base, "changes", page - 1)  # older
    if page < paging.pages:
        out["prev"] = paging.url(base, "changes", page + 1)  # newer
    return out


def collection(
    changes: list[Change], base: str, *, size: int = PAGE_SIZE, patches: set[str] | None = None
) -> dict[str, Any]:
    """The feed as an OrderedCollection: the newest page embedded as `first`, `last` the oldest."""
    paging = Paging(len(changes), size)
    have = patches if patches is not None else {c.generation for c in changes}
    return {
        "@context": CONTEXT,
        "id": f"{base}changes",
        "type": "OrderedCollection",
        "summary": "Builds, adds, removes and loads of the thbgraph store, newest first.",
        "totalItems": paging.total,
        "first": _page(changes, paging, paging.pages, base, have),
        "last": paging.url(base, "changes", 1),
        "url": [{"type": "Link", "href": f"{base}changes.atom", "mediaType": ATOM_TYPE}],
    }


def atom_feed(
    changes: list[Change],
    base: str,
    *,
    size: int = PAGE_SIZE,
    page: int | None = None,
    patches: set[str] | None = None,
) -> bytes:
    """One page of the feed as Atom 1.0 (RFC 4287), with RFC 5005 paging links, newest first."""
    paging = Paging(len(changes), size)
    page = paging.pages if page is None else page
    have = patches if patches is not None else {c.generation for c in changes}
    start, end = paging.window(page)
    shown = changes[start:end]
    a = f"{{{ATOM}}}"
    feed = etree.Element(a + "feed", nsmap={None: ATOM})
    etree.SubElement(feed, a + "id").text = f"{base}changes.atom"
    etree.SubElement(feed, a + "title").text = "thbgraph: changes of the store"
    newest = changes[0].published if changes else dt.datetime.now(dt.UTC).isoformat()
    etree.SubElement(feed, a + "updated").text = shown[0].published if shown else newest
    author = etree.SubElement(feed, a + "author")
    etree.SubElement(author, a + "name").text = "thbgraph"
    self_href = (
        f"{base}changes.atom" if page == paging.pages else paging.url(base, "changes.atom", page)
    )
    etree.SubElement(feed, a + "link", rel="self", href=self_href, type=ATOM_TYPE)
    etree.SubElement(feed, a + "link", rel="alternate", href=f"{base}changes", type=AS2_TYPE)
    # RFC 5005 section 3: first is the newest page, next leads to older entries
    links = {"first": paging.pages, "last": 1}
    if page > 1:
        links["next"] = page - 1
    if page < paging.pages:
        links["previous"] = page + 1
    for rel, number in links.items():
        etree.SubElement(
            feed, a + "link", rel=rel, href=paging.url(base, "changes.atom", number), type=ATOM_TYPE
        )
    for change in shown:
        entry = etree.SubElement(feed, a + "entry")
        etree.SubElement(entry, a + "id").text = change.iri
        etree.SubElement(entry, a + "title").text = (
            f"{change.kind}: {', '.join(change.documents[:3])}"
            + (" ..." if len(change.documents) > 3 else "")
        )
        etree.SubElement(entry, a + "updated").text = change.published
        etree.SubElement(entry, a + "published").text = change.published
        etree.SubElement(entry, a + "category", term=change.kind)
        etree.SubElement(
            entry,
            a + "link",
            rel="alternate",
            href=f"{base}changes/{change.generation}",
            type=AS2_TYPE,
        )
        if change.generation in have:
            etree.SubElement(
                entry, a + "link", rel="enclosure", href=patch_url(change, base), type=PATCH_TYPE
            )
        etree.SubElement(entry, a + "summary").text = _summary(change)
        content = etree.SubElement(entry, a + "content", type="text")
        content.text = "\n".join(change.documents)
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8"))


def _generation_dir(backend: Any) -> Path:
    """The current generation's folder (it holds every patch), or 404 for a remote store."""
    if backend.local.store.remote:
        raise UnknownEntityError(REMOTE_NO_LOG.format(location=backend.store_location))
    return Path(backend.local.store.generation())


def _patches(folder: Path) -> set[str]:
    names = (p.name for p in (folder / "patches").glob("*.rdfp.gz")) if folder.is_dir() else ()
    return {n.removesuffix(".rdfp.gz") for n in names}


async def _changes(backend: Any) -> tuple[list[Change], set[str]]:
    folder = _generation_dir(backend)
    rows = await backend.select(load_query("changes"))
    return changes_from_rows(rows), _patches(folder)


def _page_or_404(paging: Paging, page: int | None) -> int:
    if page is None:
        return paging.pages
    if page > paging.pages:
        raise UnknownEntityError(
            f"page={page}: the feed has {paging.pages} page(s) of {paging.size} (1 = oldest)"
        )
    return page


@router.get("/changes", summary="The change feed (Activity Streams 2.0 OrderedCollection)")
async def changes(
    request: Request, backend: BackendDep, limit: PageSize = PAGE_SIZE, page: PageNumber = None
) -> Response:
    """Builds, adds, removes and loads of the store, newest first: the collection with its newest
    page embedded, or one page (`?page=N`, 1 = oldest)."""
    items, patches = await _changes(backend)
    base = str(request.base_url)
    if page is None:
        doc = collection(items, base, size=limit, patches=patches)
    else:
        paging = Paging(len(items), limit)
        doc = {
            "@context": CONTEXT,
            **_page(items, paging, _page_or_404(paging, page), base, patches),
        }
    body = json.dumps(doc, ensure_ascii=False)
    return Response(body.encode("utf-8"), media_type=AS2_TYPE)


@router.get("/changes.atom", summary="The change feed as Atom 1.0 (RFC 5005 paged)")
async def changes_atom(
    request: Request, backend: BackendDep, limit: PageSize = PAGE_SIZE, page: PageNumber = None
) -> Response:
    """The same changes as an Atom feed, for feed readers: the newest page, or `?page=N`."""
    items, patches = await _changes(backend)
    number = _page_or_404(Paging(len(items), limit), page)
    body = atom_feed(items, str(request.base_url), size=limit, page=number, patches=patches)
    return Response(body, media_type=ATOM_TYPE)


@router.get(
    "/changes/{name}",
    summary="One change: its activity (JSON-LD), or its RDF Patch (`{generation}.rdfp`)",
)
async def change(request: Request, name: str, backend: BackendDep) -> Response:
    """`/changes/{generation}`: the activity; `/changes/{generation}.rdfp`: what it removed (D)
    and added (A), as an RDF Patch (gzip-encoded when the client accepts it)."""
    folder = _generation_dir(backend)
    generation, is_patch = name.removesuffix(".rdfp"), name.endswith(".rdfp")
    if is_patch:
        path = patch_path(folder, generation)
        if path is None:
            raise UnknownEntityError(f"no RDF Patch for change {generation!r} in the store")
        data = path.read_bytes()
        zipped = "gzip" in request.headers.get("accept-encoding", "").lower()
        tag = hashlib.sha256(data).hexdigest()[:32] + ("-gzip" if zipped else "")
        fresh, headers = file_validated(request.headers, tag)  # a patch never changes
        headers["Vary"] = "Accept-Encoding"
        if fresh:
            return Response(status_code=304, headers=headers)
        if zipped:
            headers["Content-Encoding"] = "gzip"
        else:
            data = gzip.decompress(data)
        return Response(data, media_type=f"{PATCH_TYPE}; charset=utf-8", headers=headers)
    items, patches = await _changes(backend)
    found = next((c for c in items if c.generation == generation), None)
    if found is None:
        raise UnknownEntityError(f"no change {generation!r} in the store's change log")
    doc = {
        "@context": CONTEXT,
        **activity(found, str(request.base_url), has_patch=generation in patches),
    }
    return Response(json.dumps(doc, ensure_ascii=False).encode("utf-8"), media_type=AS2_TYPE)
