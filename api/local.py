"""The server's own read-only store handle and the threads that answer the named REST queries.

The JSON API runs fixed, bounded queries (.rq files with bound values): they are answered here,
in threads of the server process, without the worker pool's pickling round trip. The worker pool
(api/pool.py) stays for user SPARQL, whose time limit needs a process that can be killed.

The embedded store is opened read-only once per process and reopened when `current` points to a
new generation (after `thbgraph build`, `add` or `remove`); a request still running on the old
generation keeps its handle until it ends. A remote store (sparql+http://...) has one HTTP client.
"""

from __future__ import annotations

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..graph.errors import QueryTimeout, StoreError
from ..graph.store import GraphStore, RemoteGraphStore, open_store
from ._worker import _BindingStore, error_reply, handle_request
from .pool import unwrap_reply

__all__ = ["CurrentStore", "LocalRunner"]


class CurrentStore:
    """A read-only store handle that follows the `current` generation (thread-safe)."""

    def __init__(
        self, location: str | Path, *, remote: bool = False, timeout_s: float = 60.0
    ) -> None:
        self.location = location if remote else Path(location)
        self.remote = remote
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._current: tuple[str, Any] | None = None

    def _target(self) -> str:
        return "" if self.remote else os.path.realpath(Path(self.location) / "current")

    def get(self) -> Any:
        """The store of the current generation (opened on first use and after a swap)."""
        target = self._target()
        current = self._current
        if current is not None and current[0] == target:
            return current[1]
        with self._lock:
            current = self._current
            if current is None or current[0] != target:
                if self.remote:
                    opened: Any = RemoteGraphStore(str(self.location), timeout_s=self.timeout_s)
                else:  # the old handle is dropped, not closed: a request may still use it
                    embedded = open_store(self.location)
                    if not isinstance(embedded, GraphStore):
                        raise StoreError(f"{self.location}: not an embedded store")
                    opened = _BindingStore(
                        embedded.inner,
                        location=Path(self.location),
                        generation=embedded.generation,  # the side indexes are per generation
                    )
                current = self._current = (target, opened)
            return current[1]

    def generation(self) -> str:
        """The path `current` points to ('' for a remote store, which has no generations)."""
        return self._target()

    def close(self) -> None:
        current, self._current = self._current, None
        if current is not None and self.remote:
            current[1].close()


class LocalRunner:
    """Runs worker requests (see api/_worker.py) in threads of this process, with a deadline."""

    def __init__(self, store: CurrentStore, *, threads: int = 8) -> None:
        self.store = store
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="thbgraph-api")

    def run_sync(self, request: dict[str, Any]) -> Any:
        """Answer `request` in the calling thread; errors are raised as the pool raises them."""
        try:
            reply: tuple[Any, ...] = ("ok", handle_request(self.store, request))
        except Exception as exc:
            reply = error_reply(exc)
        return unwrap_reply(reply)

    async def run(self, request: dict[str, Any], *, timeout: float) -> Any:
        """Answer `request` in a thread; QueryTimeout when no answer came within `timeout` s.

        Past the deadline the client gets its 503; a request already running ends on its own
        (the named queries are bounded), one still waiting for a thread never starts.
        """
        future = self._executor.submit(self.run_sync, request)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError as exc:
            future.cancel()
            raise QueryTimeout(
                f"the request ran longer than {timeout:g} s (query_timeout_s limit)"
            ) from exc

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self.store.close()
