"""Commitments: list, one commitment with everything that cites it, cited-by, resolution."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ...graph.timeline import within
from ..deps import BackendDep, Limit, Offset, json_response, paginate
from ..filters import check_commitment_filters

__all__ = ["router"]

router = APIRouter(tags=["Commitments"])


@router.get("/commitments", summary="List commitments (filter by body, year, text)")
async def list_commitments(
    backend: BackendDep,
    body: Annotated[str | None, Query(description="Adopting body: id, acronym or name.")] = None,
    year: Annotated[int | None, Query(description="Year of adoption.")] = None,
    text: Annotated[str | None, Query(description="Text in symbol, title or aliases.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Commitments ordered by symbol, with how many meetings and citations point to each.
    A `body` that adopted no commitment answers 400 with the known ones."""
    await check_commitment_filters(backend, body=body)
    items = await backend.run("commitments", body=body, year=year, text=text)
    return paginate(items, limit=limit, offset=offset)


@router.get(
    "/cited-by",
    summary="Which meetings cited a commitment, with passages",
    response_model=dict[str, Any],
)
async def cited_by(
    backend: BackendDep,
    symbol: Annotated[str, Query(description="A symbol as people write it: MC.DEC/6/18.")],
    since: Annotated[
        date | None, Query(description="Only meetings starting on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        date | None, Query(description="Only meetings starting on or before (YYYY-MM-DD).")
    ] = None,
) -> Response:
    """Meetings (date, place/online, documents) citing the commitment, with exact passages."""
    answer = await backend.run("cited_by", symbol=symbol)
    return json_response(within(answer, since=since, until=until))


@router.get("/resolve", summary="Turn a written reference into the commitment it means")
async def resolve(
    backend: BackendDep,
    ref: Annotated[str, Query(description="'PC.EC/637', 'MC Decision 6/18', a title...")],
) -> dict[str, Any]:
    """The commitment, how the reference was resolved (symbol, repaired-symbol, alias, name)
    and how sure (confidence in [0, 1])."""
    return await backend.answer("resolve", ref=ref)


@router.get(
    "/commitments/{symbol:path}",
    summary="One commitment and everything citing it",
    response_model=dict[str, Any],
)
async def get_commitment(
    backend: BackendDep,
    symbol: str,
    since: Annotated[
        date | None, Query(description="Only meetings starting on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        date | None, Query(description="Only meetings starting on or before (YYYY-MM-DD).")
    ] = None,
) -> Response:
    """Title, date, body, aliases and `cited_by`: each meeting with its documents and the
    exact passages with offsets (`since`/`until`: the meetings starting within those dates,
    inclusive). The symbol keeps its slashes: /commitments/MC.DEC/6/18."""
    answer = await backend.run(
        "commitment",
        symbol=symbol,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
    )
    return json_response(answer)
