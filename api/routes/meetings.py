"""Meetings: list with filters, one meeting, and what a meeting cited."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..deps import BackendDep, Limit, Offset, paginate
from ..filters import check_meeting_filters

__all__ = ["router"]

router = APIRouter(tags=["Meetings"])


@router.get("/meetings", summary="List meetings (filter by year, series, place, online, cites)")
async def list_meetings(
    backend: BackendDep,
    year: Annotated[int | None, Query(description="Year the meeting started.")] = None,
    series: Annotated[str | None, Query(description="Series id (part of).")] = None,
    place: Annotated[str | None, Query(description="Place name (part of).")] = None,
    online: Annotated[bool | None, Query(description="Held online.")] = None,
    cites: Annotated[str | None, Query(description="Cites this commitment symbol.")] = None,
    organiser: Annotated[str | None, Query(description="Organiser id, acronym or name.")] = None,
    since: Annotated[date | None, Query(description="Starting on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Starting on or before (YYYY-MM-DD).")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Meetings ordered by start date then IRI. A `cites` symbol or an `organiser` the store
    does not know answers 400 with the known ones."""
    await check_meeting_filters(backend, cites=cites, organiser=organiser)
    items = await backend.run(
        "meetings",
        year=year,
        series=series,
        place=place,
        online=online,
        cites=cites,
        organiser=organiser,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
    )
    return paginate(items, limit=limit, offset=offset)


@router.get("/meetings/{meeting_id}", summary="One meeting")
async def get_meeting(backend: BackendDep, meeting_id: str) -> dict[str, Any]:
    """Organisers, sessions with times, documents, cited commitments with passages,
    publications presented, persons and their roles, follow-up actions."""
    return await backend.answer("meeting", meeting_id=meeting_id)


@router.get("/meetings/{meeting_id}/citations", summary="What a meeting cited")
async def meeting_citations(backend: BackendDep, meeting_id: str) -> dict[str, Any]:
    """Each commitment (or unresolved reference) the meeting's documents cite, with passages."""
    return await backend.answer("meeting_citations", meeting_id=meeting_id)
