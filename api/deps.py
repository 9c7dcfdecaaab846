"""Shared request dependencies: the query pool, the limits, and running work in the pool."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from ..graph.settings import Limits
from .pool import QueryPool

__all__ = ["Backend", "BackendDep", "Limit", "Offset", "get_backend", "paginate"]


@dataclass
class Backend:
    """What every route needs: the worker pool over the store, and the endpoint's limits."""

    pool: QueryPool
    limits: Limits
    store_location: Path
    _graphs_cache: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    async def call(self, request: dict[str, Any], *, timeout: float | None = None) -> Any:
        """Run a worker request off the event loop, within the query time limit."""
        limit = self.limits.query_timeout_s if timeout is None else timeout
        return await run_in_threadpool(self.pool.call, request, timeout=limit)

    async def select(self, query: str, bindings: dict[str, Any] | None = None) -> list[dict]:
        """SELECT rows as dicts of plain values (IRIs as strings); bind IRIs as ('iri', value)."""
        return await self.call(
            {
                "op": "select",
                "query": query,
                "bindings": bindings or {},
                "max_rows": self.limits.max_results,
            }
        )

    async def run(self, name: str, **kwargs: Any) -> Any:
        """Run an API call of api/_calls.py in a worker (UnknownEntityError passes through)."""
        return await self.call({"op": "call", "name": name, "kwargs": kwargs})

    async def graphs(self) -> list[tuple[str, int]]:
        """The named graphs and their sizes, cached per store generation."""
        key = os.path.realpath(self.store_location / "current")
        if key not in self._graphs_cache:
            self._graphs_cache.clear()
            self._graphs_cache[key] = await self.call({"op": "graphs"})
        return self._graphs_cache[key]


def get_backend(request: Request) -> Backend:
    """The app's backend, created by the app factory."""
    return request.app.state.backend


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
