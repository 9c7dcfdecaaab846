"""Shared request dependencies: where queries run (threads or the worker pool), and the limits."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ..graph.settings import Limits
from .filters import Known
from .local import LocalRunner
from .pool import QueryPool

__all__ = ["Backend", "BackendDep", "Limit", "Offset", "get_backend", "json_response", "paginate"]


# API calls answered in the server process: bounded queries about one entity, values bound, and
# the lists and search read from the generation's side indexes (summary.py, fulltext.py), which
# cost milliseconds there but seconds through the pool at 50 clients (the rows pickled back, two
# workers queueing every page: 503s; bench/http_mix.py). Scans of the whole graph (actors,
# describe, the reader) stay in the pool, whose time limit can kill them.
IN_PROCESS = frozenset(
    {
        "cited_by",
        "commitment",
        "meeting",
        "meeting_citations",
        "document",
        "commitments",
        "meetings",
        "publications",
        "search_page",
        "meeting_page",
        "commitment_history",
    }
)


@dataclass
class Backend:
    """What every route needs: where queries run, and the endpoint's limits.

    The JSON API's named queries run in threads of this process (`local`); user SPARQL and dumps
    run in the worker pool (`pool`), whose time limit kills the query. A remote store has no pool:
    its queries are HTTP requests, bounded by the same time limit.
    """

    local: LocalRunner
    pool: QueryPool | None
    limits: Limits
    store_location: Path | str
    _graphs_cache: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    known: Known = field(default_factory=Known)  # the filters' known values (api/filters.py)

    async def call(self, request: dict[str, Any], *, timeout: float | None = None) -> Any:
        """Run a user request (a SPARQL query, a dump) off the event loop, within the time limit."""
        limit = self.limits.query_timeout_s if timeout is None else timeout
        if self.pool is None:  # a remote store: the HTTP request carries the limit
            return await self.local.run({**request, "timeout": limit}, timeout=limit)
        return await run_in_threadpool(self.pool.call, request, timeout=limit)

    async def named(self, request: dict[str, Any], *, timeout: float | None = None) -> Any:
        """Run a request of the server's own fixed queries in this process, within the limit."""
        limit = self.limits.query_timeout_s if timeout is None else timeout
        return await self.local.run(request, timeout=limit)

    async def select(
        self, query: str, bindings: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """SELECT rows of a named query as dicts of plain values; bind IRIs as ('iri', value)."""
        rows: list[dict[str, Any]] = await self.named(
            {
                "op": "select",
                "query": query,
                "bindings": bindings or {},
                "max_rows": self.limits.max_results,
            }
        )
        return rows

    async def run(self, name: str, **kwargs: Any) -> Any:
        """Run an answer of graph/answers/ (UnknownEntityError passes through): the lookups of
        one entity and the index-read lists (IN_PROCESS) in this process, the scans of the whole
        graph in the worker pool, where their seconds at 1e6 triples neither hold this process's
        GIL nor outlive the time limit."""
        request = {"op": "call", "name": name, "kwargs": kwargs}
        if name in IN_PROCESS:
            return await self.named(request)
        return await self.call(request)

    async def answer(self, name: str, **kwargs: Any) -> dict[str, Any]:
        """`run` for the answers that are one JSON object (an entity, a meeting, a document)."""
        found = await self.run(name, **kwargs)
        if not isinstance(found, dict):
            raise TypeError(f"the answer {name!r} is not a JSON object")
        return found

    async def graphs(self) -> list[tuple[str, int]]:
        """The named graphs and their sizes, cached per store generation (not for a remote store)."""
        key = self.local.store.generation()
        if not key:
            found: list[tuple[str, int]] = await self.named({"op": "graphs"})
            return found
        if key not in self._graphs_cache:
            self._graphs_cache.clear()
            self._graphs_cache[key] = await self.named({"op": "graphs"})
        return self._graphs_cache[key]


def get_backend(request: Request) -> Backend:
    """The app's backend, created by the app factory."""
    backend: Backend = request.app.state.backend
    return backend


BackendDep = Annotated[Backend, Depends(get_backend)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip (stable order).")]


def paginate(items: list[Any], *, limit: int, offset: int) -> dict[str, Any]:
    """One page of an already stably ordered list, with the total."""
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": items[offset : offset + limit],
    }


def json_response(data: Any) -> Response:
    """Plain JSON data as a response, without FastAPI's per-field validation and encoding
    (a measurable part of a cited-by answer); the route declares its `response_model`."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(body.encode("utf-8"), media_type="application/json")
