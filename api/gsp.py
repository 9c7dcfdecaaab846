"""A read-only SPARQL 1.1 Graph Store Protocol endpoint at /store (indirect identification).

GET and HEAD `?graph=IRI` or `?default` with content negotiation; 404 for a graph the store does
not hold; writes (PUT, POST, DELETE, PATCH) answer 405 with `Allow`, since the store changes only
through `thbgraph build` / `thbgraph load`. Without parameters, the named graphs are listed.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from .conneg import GRAPH_TYPES, negotiate
from .deps import Backend

__all__ = ["router"]

router = APIRouter(tags=["Graph Store"])

ALLOW = "GET, HEAD, OPTIONS"


def _text(message: str, status: int, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


@router.api_route(
    "/store",
    methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"],
    summary="Graph Store Protocol (read-only): GET ?graph=IRI or ?default",
)
async def graph_store(request: Request) -> Response:
    """One graph of the store, negotiated as Turtle, N-Triples, JSON-LD or RDF/XML."""
    backend: Backend = request.app.state.backend
    if request.method == "OPTIONS":
        return Response(status_code=204, headers={"Allow": ALLOW})
    if request.method not in {"GET", "HEAD"}:
        return _text(
            f"{request.method} is not allowed: the graph store is read-only "
            "(change it with `thbgraph build` or `thbgraph load`)",
            405,
            {"Allow": ALLOW},
        )
    params = parse_qsl(request.url.query, keep_blank_values=True)
    graphs = [v for k, v in params if k == "graph"]
    default = any(k == "default" for k, _ in params)
    if len(graphs) > 1 or (graphs and default):
        return _text("give exactly one of `graph=IRI` or `default`", 400)
    if not graphs and not default:
        listing = [{"graph": g, "triples": n} for g, n in await backend.graphs()]
        return JSONResponse({"graphs": listing, "default": "the union of all named graphs"})
    chosen = negotiate(request.headers.get("accept"), GRAPH_TYPES)
    if chosen is None:
        offered = ", ".join(dict.fromkeys(m for m, _ in GRAPH_TYPES))
        return _text(f"none of the accepted types can be produced; offered: {offered}", 406)
    media, fmt = chosen
    target = "__default__" if default else graphs[0]
    body = await backend.call({"op": "dump", "format": fmt, "graph": target})
    if body is None:
        return _text(f"the store holds no graph <{target}>", 404)
    media_type = f"{media}; charset=utf-8" if media.startswith("text/") else media
    headers = {"Vary": "Accept", "Content-Length": str(len(body))}
    if request.method == "HEAD":
        return Response(b"", media_type=media_type, headers=headers)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})
