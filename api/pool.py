"""A small pool of query worker processes with a real time limit.

Each worker opens the store read-only. A request that does not answer within the limit gets its
worker killed (which really stops the query) and replaced in the background, so the server and
the other workers keep answering.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
import time
from pathlib import Path
from typing import Any

from ..graph.caps import caps
from ..graph.errors import (
    Overloaded,
    QueryTimeout,
    StoreError,
    error_from_reply,
)
from ._worker import serve_forever

__all__ = ["QueryPool", "unwrap_reply"]

log = logging.getLogger(__name__)

# Workers are forked from a clean, single-threaded fork server that has already imported the
# worker's modules: starting (or replacing) one takes milliseconds, not a fresh interpreter.
_CTX = mp.get_context("forkserver")
_CTX.set_forkserver_preload(
    [
        "thbgraph.api._forkserver",  # first: the fork server dies with this process
        "thbgraph.api._worker",
        "thbgraph.graph.answers",
        "rdflib.plugins.sparql.parser",
    ]
)


def unwrap_reply(reply: tuple[Any, ...]) -> Any:
    """The value of an ('ok', value) reply; raise the error of an ('error', kind, ...) reply."""
    if reply[0] == "ok":
        return reply[1]
    raise error_from_reply(reply[1], reply[2], reply[3] if len(reply) > 3 else None)


class _Worker:
    def __init__(self, location: str, memory_mb: int, network: bool = False) -> None:
        self.conn, child = _CTX.Pipe()
        self.process = _CTX.Process(
            target=serve_forever,
            args=(location, child, network, memory_mb),
            daemon=True,
            name="thbgraph-query",
        )
        self.process.start()
        child.close()

    def call(self, request: dict[str, Any], timeout: float) -> tuple[Any, ...] | None:
        """Send a request; the reply, or None when the time limit passed."""
        self.conn.send(request)
        if self.conn.poll(timeout):
            reply: tuple[Any, ...] = self.conn.recv()
            return reply
        return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """`size` worker processes over the store at `location`; `call` runs one request."""

    def __init__(
        self,
        location: str | Path,
        *,
        size: int = 2,
        max_queue: int | None = None,
        max_wait_s: float | None = None,
        budget_workers: int | None = None,
    ) -> None:
        """`budget_workers`: how many workers share THBGRAPH_MEMORY_MB (default `size`; more
        when several server processes each run a pool, see api/prefork.py)."""
        root = Path(location)
        if not (root / "current").exists():
            raise StoreError(f"no graph store at {root}: run `thbgraph build --store {root}` first")
        self.location = str(root)
        self.size = size
        settings = caps()
        # Requests waiting for a worker beyond this are answered 503 + Retry-After at once.
        self.max_queue = settings.queue if max_queue is None else max_queue
        # A request waits at most this long for a free worker, then gets 503 + Retry-After: a
        # queue slot freed by another query's time limit never makes a client wait that limit.
        self.max_wait_s = settings.queue_wait_s if max_wait_s is None else max_wait_s
        # Each worker caps its address space at its share of the workers' budget, so that the
        # server's processes together stay bounded whatever the queries do.
        sharing = max(size, budget_workers or size)
        self.memory_mb = settings.memory_per_worker_mb(sharing)
        if not settings.worker_memory_mb and self.memory_mb * sharing > settings.workers_memory_mb:
            log.warning(
                "thbgraph: %d query workers of %d MB each exceed THBGRAPH_MEMORY_MB=%d",
                sharing,
                self.memory_mb,
                settings.workers_memory_mb,
            )
        self._waiting = 0
        from ._sandbox import network_isolation_works

        if not network_isolation_works():
            log.warning(
                "thbgraph: outbound connections of query workers are not blocked at OS level "
                "(no network namespace here); the query guard alone refuses SERVICE"
            )
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.location, self.memory_mb)
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
            worker = self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                if self._waiting >= self.max_queue:
                    raise Overloaded(
                        f"all {self.size} query workers are busy and {self._waiting} queries "
                        f"wait (queue limit THBGRAPH_QUEUE={self.max_queue}): try again shortly",
                        retry_after_s=2,
                    ) from None
                self._waiting += 1
            wait = min(timeout, self.max_wait_s)
            try:
                worker = self._idle.get(timeout=wait)
            except queue.Empty as exc:
                raise Overloaded(
                    f"all {self.size} query workers stayed busy for {wait:g} s (queue wait "
                    f"limit THBGRAPH_QUEUE_WAIT_S={self.max_wait_s:g}): try again shortly",
                    retry_after_s=2,
                ) from exc
            finally:
                with self._lock:
                    self._waiting -= 1
        remaining = max(0.01, deadline - time.monotonic())
        try:
            reply = worker.call(request, remaining)
        except (EOFError, OSError, BrokenPipeError) as exc:
            code = worker.process.exitcode
            self._replace(worker)
            raise QueryTimeout(
                "the query worker was stopped while running the query (exit "
                f"{code}): the query needs more than the worker's limits allow "
                f"(worker_memory_mb={self.memory_mb}); narrow the query",
                f"worker_memory_mb={self.memory_mb}",
            ) from exc
        if reply is None:
            self._replace(worker)
            name = str(request.get("limit_name", "query_timeout_s"))
            raise QueryTimeout(
                f"the {'export' if request['op'] == 'export' else 'query'} ran longer than {timeout:g} s ({name} limit) and was stopped",
                f"{name}={timeout:g}",
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
