"""The app factory: the SPARQL endpoint, the Graph Store, the JSON API and the linked-data pages."""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from ..graph.errors import StoreError
from ..graph.settings import Limits, default_store_path
from ..graph.store import RemoteGraphStore, remote_location
from .caching import install as install_caching
from .deps import Backend
from .head import HeadAsGet
from .local import CurrentStore, LocalRunner
from .openapi import served_only
from .pool import QueryPool
from .prefork import NameProcess
from .problems import install as install_problems

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def _check_remote(location: str) -> None:
    """Fail at start, in one line, when the remote SPARQL server does not answer or does not
    query the union of its named graphs by default (and THBGRAPH_DATASET=union)."""
    with RemoteGraphStore(location, timeout_s=10) as store:
        store.query("ASK {}")
        store.check_dataset()


def _static_dir() -> str:
    return str(files("thbgraph.api") / "static")


def create_app(
    store_location: str | Path | None = None,
    limits: Limits | None = None,
    *,
    workers: int | None = None,
    threads: int | None = None,
    budget_workers: int | None = None,
) -> FastAPI:
    """A FastAPI app over the store at `store_location` (default: the configured store).

    An on-disk store gets `workers` query processes for user SPARQL (default $THBGRAPH_WORKERS
    or 2); the JSON API answers in `threads` threads of the server (default $THBGRAPH_THREADS
    or the number of cores, at most 4: more threads only contend for the GIL).
    A `sparql+http://...` location serves a remote SPARQL server, read-only.
    `budget_workers`: the query workers of all server processes, which share the workers'
    memory budget (api/prefork.py; default `workers`).
    """
    remote = remote_location(store_location)
    location: Path | str
    if remote is not None:
        location = remote
        _check_remote(remote)
    else:
        location = Path(store_location) if store_location is not None else default_store_path()
        if not (location / "current").exists():
            raise StoreError(
                f"no graph store at {location}: run `thbgraph build --store {location}`"
            )
    limits = limits or Limits()
    size = workers or int(os.environ.get("THBGRAPH_WORKERS", "2"))
    nthreads = threads or int(os.environ.get("THBGRAPH_THREADS", str(min(4, os.cpu_count() or 2))))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # a remote query past the limit gets its 503 from the deadline; its HTTP request ends 1 s later
        current = CurrentStore(
            location, remote=remote is not None, timeout_s=limits.query_timeout_s + 1
        )
        local = LocalRunner(current, threads=nthreads)
        pool = (
            QueryPool(location, size=size, budget_workers=budget_workers)
            if remote is None
            else None
        )
        app.state.backend = Backend(local=local, pool=pool, limits=limits, store_location=location)
        app.state.store_location = location
        try:
            yield
        finally:
            if pool is not None:
                pool.close()
            local.close()

    app = FastAPI(
        title="thbgraph",
        summary="Anti-trafficking commitments, meetings, actors and publications, with evidence.",
        version="0.1.0",
        docs_url=None,  # FastAPI's docs load from a CDN: /docs is a local page instead
        redoc_url=None,
        lifespan=lifespan,
    )
    install_caching(app)  # ETag / Last-Modified / 304: inside CORS, so 304s get CORS headers
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST", "OPTIONS", "HEAD"],
        allow_headers=["*"],
        max_age=3600,
    )
    app.add_middleware(HeadAsGet)  # outermost but CORS: HEAD answers wherever GET does
    app.add_middleware(NameProcess)  # THBGraph-Process: which forked server process answered
    app.mount("/static", StaticFiles(directory=_static_dir()), name="static")

    from .gsp import router as gsp_router
    from .routes import changes, commitments, documents, entities, linked_data, meetings, wellknown
    from .routes.releases import router as releases_router
    from .sparql import router as sparql_router

    app.include_router(sparql_router)
    app.include_router(gsp_router)
    for module in (commitments, meetings, documents, entities):
        # The JSON API lives under /api (documented) and at the root (short URLs).
        app.include_router(module.router, prefix="/api")
        app.include_router(module.router, include_in_schema=False)
    app.include_router(linked_data.router)
    app.include_router(releases_router)  # /dumps/releases/ (before /dumps/{name})
    app.include_router(wellknown.router)
    app.include_router(changes.router)  # /changes, /changes.atom
    if importlib.util.find_spec(f"{__package__}.exports") is not None:
        from .exports import router as exports_router  # /export and /graph (another module)

        app.include_router(exports_router)

    @app.get("/", include_in_schema=False)
    async def home() -> RedirectResponse:
        return RedirectResponse("/sparql", status_code=303)

    @app.get("/docs", include_in_schema=False)
    async def docs_page() -> HTMLResponse:
        return HTMLResponse((files("thbgraph.api") / "static" / "docs.html").read_text("utf-8"))

    install_problems(app)
    served_only(app)
    return app
