"""Actors, publications and search over labels, aliases and passages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..deps import BackendDep, Limit, Offset, paginate
from ..filters import check_search_filters

__all__ = ["router"]

router = APIRouter(tags=["Actors, publications, search"])

ID = "https://w3id.org/thbgraph/id/"


@router.get("/actors", summary="Organisations and persons")
async def list_actors(
    backend: BackendDep,
    kind: Annotated[str | None, Query(pattern="^(organisation|person)$")] = None,
    text: Annotated[str | None, Query(description="Text in label, acronym or role.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors ordered by IRI."""
    return paginate(await backend.run("actors", kind=kind, text=text), limit=limit, offset=offset)


@router.get("/actors/{actor_id:path}", summary="One actor: everything said about it")
async def get_actor(backend: BackendDep, actor_id: str) -> dict[str, Any]:
    """Statements about the actor (outgoing and incoming, with their graph) and evidence.
    The id is the IRI's path after /id/, e.g. org/coe or person/valiant-richey."""
    return await backend.answer("describe", iri=ID + actor_id.removeprefix(ID))


@router.get("/publications", summary="Publications")
async def list_publications(
    backend: BackendDep, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Publications ordered by IRI, with the meetings where they were presented."""
    return paginate(await backend.run("publications"), limit=limit, offset=offset)


@router.get("/publications/{publication_id:path}", summary="One publication")
async def get_publication(backend: BackendDep, publication_id: str) -> dict[str, Any]:
    """Statements about the publication and evidence. The id is like publication/<slug>."""
    pid = publication_id.removeprefix(ID)
    if not pid.startswith("publication/"):
        pid = "publication/" + pid
    return await backend.answer("describe", iri=ID + pid)


@router.get("/search", summary="Search labels, aliases and passages")
async def search(
    backend: BackendDep,
    q: Annotated[str, Query(min_length=2, description="Words to look for (case-insensitive).")],
    kind: Annotated[
        str | None, Query(pattern=r"^\w{1,64}$", description="Only this kind (e.g. Meeting).")
    ] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="Only this year.")] = None,
    body: Annotated[
        str | None,
        Query(
            pattern=r"^[\w./:#-]{1,200}$", description="Only this body's documents (e.g. org/osce)."
        ),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entities whose labels, aliases or passages contain every word of `q` or another form of
    it (stemmed: en/fr/ru), best first (BM25 `score`, a `snippet` with the words in `<mark>`).
    A `kind` or `body` the index does not know answers 400 with the known ones."""
    await check_search_filters(backend, kind=kind, body=body)
    page: dict[str, Any] = await backend.run(
        "search_page", q=q, limit=limit, offset=offset, kind=kind, year=year, body=body
    )
    return page
