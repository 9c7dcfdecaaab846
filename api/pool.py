"""A small pool of query worker processes with a real time limit.

Each worker opens the store read-only. A request that does not answer within the limit gets its
worker killed (which really stops the query) and replaced in the background, so the server and
the other workers keep answering.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from pathlib import Path
from typing import Any

from ..graph.errors import (
    InternalError,
    QueryTimeout,
    StoreError,
    error_from_reply,
)
from ._worker import serve_forever

__all__ = ["QueryPool", "unwrap_reply"]

# Workers are forked from a clean, single-threaded fork server that has already imported the
# worker's modules: starting (or replacing) one takes milliseconds, not a fresh interpreter.
_CTX = mp.get_context("forkserver")
_CTX.set_forkserver_preload(["thbgraph.api._worker", "thbgraph.api._calls"])


def unwrap_reply(reply: tuple[Any, ...]) -> Any:
    """The value of an ('ok', value) reply; raise the error of an ('error', kind, ...) reply."""
    if reply[0] == "ok":
        return reply[1]
    raise error_from_reply(reply[1], reply[2], reply[3] if len(reply) > 3 else None)


class _Worker:
    def __init__(self, location: str) -> None:
        self.conn, child = _CTX.Pipe()
        self.process = _CTX.Process(
            target=serve_forever, args=(location, child), daemon=True, name="thbgraph-query"
        )
        self.process.start()
        child.close()

    def call(self, request: dict[str, Any], timeout: float) -> tuple[Any, ...] | None:
        """Send a request; the reply, or None when the time limit passed."""
        self.conn.send(request)
        if self.conn.poll(timeout):
            return self.conn.recv()
        return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """`size` worker processes over the store at `location`; `call` runs one request."""

    def __init__(self, location: str | Path, *, size: int = 2) -> None:
        root = Path(location)
        if not (root / "current").exists():
            raise StoreError(f"no graph store at {root}: run `thbgraph build --store {root}` first")
        self.location = str(root)
        self.size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.location)
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._all.append(worker)
        self._idle.put(worker)

    def _replace(self, dead: _Worker) -> None:
        dead.kill()
        with self._lock:
            if dead in self._all:
                self._all.remove(dead)
        threading.Thread(target=self._add, daemon=True).start()

    def call(self, request: dict[str, Any], *, timeout: float) -> Any:
        """Run `request` in a worker within `timeout` seconds (waiting for a free worker counts).

        Raises QueryTimeout past the limit, the error the worker reported (its own class).
        """
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty as exc:
            raise QueryTimeout(
                f"no query worker became free within {timeout:g} s (query_timeout_s limit)"
            ) from exc
        remaining = max(0.01, deadline - time.monotonic())
        try:
            reply = worker.call(request, remaining)
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise InternalError(f"the query worker died: {exc}") from exc
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than {timeout:g} s (query_timeout_s limit) and was stopped"
            )
        self._idle.put(worker)
        return unwrap_reply(reply)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
