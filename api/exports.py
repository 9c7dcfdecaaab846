"""Exports over HTTP and the interactive graph page.

GET /export?format=&view=&focus=&depth=&from=&to=&types=   the bytes of `thbgraph export`
GET /export/{view}.{format}?focus=...                        the same, as a file name
GET /graph?view=                                             an offline page drawing a view
GET /graph/static/{name}                                     its JavaScript (cytoscape.js, vendored)

An export runs in a query worker process (`app.state.backend`, api/deps.py), under the worker's
memory cap and the export time limit (THBGRAPH_EXPORT_TIMEOUT_S, graph/caps.py): past either it
answers 503 naming the limit, and the server process never holds the export's graph. An app
without a backend (one that only sets `app.state.store_location`) exports in a thread instead.
"""

from __future__ import annotations

import html
import json
import os
import threading
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ..graph.caps import caps
from ..graph.errors import ThbGraphError
from ..graph.export._values import TYPE_COLOURS
from ..graph.export.formats import FORMATS, Export, export
from ..graph.export.views import VIEWS, ViewOptions
from ..graph.settings import default_store_path
from ..graph.store import Store, open_store
from .problems import problem

__all__ = ["router"]

router = APIRouter(tags=["exports"])

_STATIC = {
    "cytoscape.min.js": "text/javascript",
    "graph.js": "text/javascript",
    "graph.css": "text/css",
}
_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def _store_location(request: Request) -> Path:
    backend = getattr(request.app.state, "backend", None)
    location = getattr(backend, "store_location", None) or getattr(
        request.app.state, "store_location", None
    )
    return Path(location) if location else default_store_path()


def _open(location: Path) -> Store:
    """A read-only handle on the current generation, reused until the generation changes."""
    key = os.path.realpath(location / "current")
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            _stores.clear()  # an older generation is closed when its last request ends
            store = _stores[key] = open_store(location)
        return store


def _error(exc: ThbGraphError) -> JSONResponse:
    return problem(exc)


async def _respond(
    request: Request,
    fmt: str,
    view: str,
    focus: str | None,
    depth: int,
    year_from: int | None,
    year_to: int | None,
    types: str | None,
) -> Response:
    options = ViewOptions(
        view=view,
        focus=focus or None,
        depth=depth,
        year_from=year_from,
        year_to=year_to,
        types=tuple(t.strip() for t in (types or "").split(",") if t.strip()),
    )
    backend = getattr(request.app.state, "backend", None)
    try:
        if backend is not None:
            job = {
                "op": "export",
                "options": asdict(options),
                "format": fmt,
                "limit_name": "export_timeout_s",
            }
            content, media_type, filename = await backend.call(job, timeout=caps().export_timeout_s)
            result = Export(content, media_type, filename)
        else:
            store = _open(_store_location(request))
            result = await run_in_threadpool(export, store, options, fmt)
    except ThbGraphError as exc:
        return _error(exc)
    return Response(
        result.content,
        media_type=result.media_type,
        headers={"Content-Disposition": f'attachment; filename="{result.filename}"'},
    )


FormatQ = Annotated[str, Query(alias="format", description=f"One of {', '.join(FORMATS)}.")]
ViewQ = Annotated[str, Query(description=f"One of {', '.join(VIEWS)}.")]
FocusQ = Annotated[str | None, Query(description="IRI or symbol (MC.DEC/6/18) to centre on.")]
DepthQ = Annotated[int, Query(ge=0, le=10, description="Radius of the ego network.")]
FromQ = Annotated[int | None, Query(alias="from", description="Drop nodes dated before.")]
ToQ = Annotated[int | None, Query(alias="to", description="Drop nodes dated after.")]
TypesQ = Annotated[str | None, Query(description="Comma-separated node types to keep.")]


@router.get("/export", summary="Export a view of the graph")
async def export_query(
    request: Request,
    fmt: FormatQ = "graphml",
    view: ViewQ = "full",
    focus: FocusQ = None,
    depth: DepthQ = 1,
    year_from: FromQ = None,
    year_to: ToQ = None,
    types: TypesQ = None,
) -> Response:
    """The same bytes as `thbgraph export`, with its media type and a download file name."""
    return await _respond(request, fmt, view, focus, depth, year_from, year_to, types)


@router.get("/export/{name}", summary="Export a view of the graph as a named file")
async def export_file(
    request: Request,
    name: str,
    focus: FocusQ = None,
    depth: DepthQ = 1,
    year_from: FromQ = None,
    year_to: ToQ = None,
    types: TypesQ = None,
) -> Response:
    """`/export/citations.gexf`: the view and the format read from the file name."""
    view, dot, fmt = name.rpartition(".")
    if not dot:
        return JSONResponse(
            {"error": f"/export/{name}: expected VIEW.FORMAT, e.g. citations.gexf"},
            status_code=400,
        )
    return await _respond(request, fmt, view, focus, depth, year_from, year_to, types)


GEPHI_LITE = "https://gephi.org/gephi-lite/"  # opens a GEXF file given by URL (?file=)


@router.get("/graph", response_class=HTMLResponse, summary="Interactive graph page")
async def graph_page(request: Request, view: ViewQ = "citations") -> HTMLResponse:
    """A page drawing a view with cytoscape.js served from this package: nothing from the network;
    it links to Gephi Lite with the URL of this view's GEXF export."""
    if view not in VIEWS:
        return HTMLResponse(f"unknown view {view!r}; use one of {', '.join(VIEWS)}", 400)
    template = (files("thbgraph.api") / "templates" / "graph.html").read_text("utf-8")
    gexf = str(request.url_for("export_file", name=f"{view}.gexf"))
    gephi = f"{GEPHI_LITE}?file={quote(gexf, safe='')}"
    template = template.replace("{{ gexf_url }}", html.escape(gexf))
    template = template.replace("{{ gephi_url }}", html.escape(gephi))
    config = json.dumps({"view": view, "views": list(VIEWS), "colours": TYPE_COLOURS})
    page = template.replace("{{ config_json }}", config.replace("</", "<\\/"))
    return HTMLResponse(page)


@router.get("/graph/static/{name}", include_in_schema=False)
async def graph_static(name: str) -> Response:
    """The page's own scripts and styles (an allow-list, never a path)."""
    media_type = _STATIC.get(name)
    if media_type is None:
        return JSONResponse({"error": f"no static file {name!r}"}, status_code=404)
    data = (files("thbgraph.api") / "static" / "graph" / name).read_bytes()
    return Response(data, media_type=media_type, headers={"Cache-Control": "max-age=3600"})
