"""The SPARQL 1.1 Protocol endpoint at /sparql, as an APIRouter a thin app includes.

Read-only: updates and SERVICE are refused before anything runs, FROM never fetches, each query
runs in a worker process under the time limit, results are capped. Answers are negotiated from
the Accept header (q-values honoured); errors are 4xx text with a message saying what to fix.
"""

from __future__ import annotations

import logging
from importlib.resources import files

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from ..graph.errors import InternalError, QueryError, QueryTimeout, ResultTooLarge, ThbGraphError
from ..graph.queryguard import inspect_query
from .conneg import BOOLEAN_TYPES, GRAPH_TYPES, HTML, SOLUTION_TYPES, negotiate
from .deps import Backend
from .problems import headers_of, status_of
from .protocol import ProtocolError, read_protocol_request
from .service_description import service_description

__all__ = ["router"]

router = APIRouter(tags=["SPARQL"])
log = logging.getLogger(__name__)

SD_TYPES = [(HTML, "html"), *GRAPH_TYPES]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


def _error(message: str, status: int = 400, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(
        message + "\n", status_code=status, headers={"Vary": "Accept", **(headers or {})}
    )


def _not_acceptable(accept: str | None, offers: list[tuple[str, str]]) -> Response:
    types = ", ".join(dict.fromkeys(m for m, _ in offers))
    return _error(f"none of the accepted types ({accept}) can be produced; offered: {types}", 406)


def query_page() -> str:
    """The HTML query page (served from api/static, loads nothing from the network)."""
    return (files("thbgraph.api") / "static" / "query.html").read_text(encoding="utf-8")


async def _describe_service(request: Request, backend: Backend) -> Response:
    accept = request.headers.get("accept")
    chosen = negotiate(accept, SD_TYPES)
    if chosen is None:
        return _not_acceptable(accept, SD_TYPES)
    media, key = chosen
    if key == "html":
        return HTMLResponse(query_page(), headers={"Vary": "Accept"})
    endpoint = str(request.url.replace(query="", fragment=""))
    graphs = await backend.graphs()
    body = service_description(endpoint, graphs, backend.limits, fmt=key)
    return Response(body, media_type=_with_charset(media), headers={"Vary": "Accept"})


def _with_charset(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


@router.api_route("/sparql", methods=METHODS, summary="SPARQL 1.1 Protocol query endpoint")
@router.api_route("/sparql/", methods=METHODS, include_in_schema=False)
async def sparql_endpoint(request: Request) -> Response:
    """GET ?query=, POST form or POST application/sparql-query; no query: Service Description."""
    backend: Backend = request.app.state.backend
    if request.method == "OPTIONS":
        return Response(status_code=204, headers={"Allow": "GET, HEAD, POST, OPTIONS"})
    try:
        preq = await read_protocol_request(request, max_body_bytes=backend.limits.max_body_bytes)
    except ProtocolError as exc:
        return _error(str(exc), exc.status, exc.headers)
    if preq.query is None:
        if request.method == "POST":
            return _error("the POST has no `query`: send the query in a `query` form field")
        return await _describe_service(request, backend)
    try:
        # limits and token scan here; the full-grammar parse runs in the query worker
        info = await run_in_threadpool(inspect_query, preq.query, parse=False)
    except QueryError as exc:
        return _error(str(exc))
    accept = request.headers.get("accept")
    if info.is_graph_result:
        offers = GRAPH_TYPES
    elif info.form == "ASK":
        offers = BOOLEAN_TYPES
    else:
        offers = SOLUTION_TYPES
    chosen = negotiate(accept, offers)
    if chosen is None:
        return _not_acceptable(accept, offers)
    media, fmt = chosen
    job = {
        "op": "sparql",
        "query": preq.query,
        "base_iri": str(request.url.replace(query="", fragment="")),
        "format": fmt,
        "max_rows": backend.limits.max_results,
        "default_graphs": preq.default_graphs,
        "named_graphs": preq.named_graphs,
        "from_graphs": info.from_graphs,
        "from_named_graphs": info.from_named_graphs,
    }
    try:
        body = await backend.call(job)
    except ThbGraphError as exc:
        status, _title = status_of(exc)
        if isinstance(exc, InternalError):
            log.error("query failed: %s", exc)
            first = str(exc).splitlines()[0] if str(exc) else "internal error"
            return _error("internal error while running the query: " + first, status)
        headers = headers_of(exc)
        if isinstance(exc, QueryTimeout):
            headers["THBGraph-Limit"] = f"query_timeout_s={backend.limits.query_timeout_s:g}"
        if isinstance(exc, ResultTooLarge):
            headers["THBGraph-Limit"] = f"max_results={backend.limits.max_results}"
        return _error(str(exc), status, headers)
    headers = {"Vary": "Accept"}
    if request.method == "HEAD":
        return Response(b"", media_type=_with_charset(media), headers=headers)
    return Response(body, media_type=_with_charset(media), headers=headers)
