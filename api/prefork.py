"""Serving on several cores: server processes forked from one parent, sharing one listening socket.

The parent builds the app once (which checks the store), binds the socket, then forks `processes`
children; each child runs its own uvicorn server, its own REST threads and its own pool of SPARQL
workers over the same read-only store, and accepts connections from the shared socket (the kernel
hands each connection to one of them). No state is shared between children but the store on disk:
each request reads which generation `current` points to (api/local.py), so after `thbgraph add`,
`remove` or `build` swaps the symlink every child answers from the new generation from its next
request on, and none ever opens a generation that is still being written (the swap comes last).

The parent only supervises: a child that dies is replaced; SIGTERM or SIGINT stops every child
(gracefully, then SIGKILL after `STOP_GRACE_S`); each child gets SIGKILL when the parent dies,
even by `kill -9` (graph/processes.py), and its query workers end with it in turn.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["NameProcess", "bind_socket", "serve_processes"]

log = logging.getLogger(__name__)

STOP_GRACE_S = 10.0  # a child still running this long after SIGTERM is killed
RESPAWN_BACKOFF_S = 1.0  # a child that died within this of its start waits before it is replaced
MAX_FAST_DEATHS = 5  # so many quick deaths in a row: the parent gives up (a broken store, a bug)


_index: int | None = None  # this server process's number, in a forked child


class NameProcess:
    """ASGI middleware: each answer of a forked server process says which one it came from
    (`THBGraph-Process: 0..N-1`), so an operator or a test can see that every one answers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        index = _index
        if scope["type"] != "http" or index is None:
            await self.app(scope, receive, send)
            return
        value = str(index).encode("ascii")

        async def named(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"thbgraph-process", value)]
            await send(message)

        await self.app(scope, receive, named)


def bind_socket(host: str, port: int, *, backlog: int = 2048) -> socket.socket:
    """A listening TCP socket on host:port, inheritable by forked children.

    Made with its protocol named (IPPROTO_TCP): asyncio sets TCP_NODELAY only on sockets that
    say so, and without it every keep-alive answer written in two parts waits ~40 ms for the
    client's delayed ACK (measured: 48 ms for any answer, sequentially).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def _run_child(run: Callable[[int], None], index: int, parent: int) -> None:
    """In a forked child: die with the parent, take the default signal handlers, run, exit."""
    global _index
    from ..graph.processes import kill_with_parent

    code = 0
    try:
        kill_with_parent(parent)
        _index = index
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        run(index)
    except KeyboardInterrupt:
        code = 0
    except BaseException:  # a child's failure is its exit code; the parent logs and replaces it
        logging.getLogger(__name__).exception("thbgraph: server process %d failed", index)
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _signal_all(pids: dict[int, Any], signum: int) -> None:
    for pid in list(pids):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)


def serve_processes(run: Callable[[int], None], processes: int) -> int:
    """Fork `processes` children, each calling `run(index)` (which serves until told to stop),
    and supervise them until SIGTERM/SIGINT; the exit code (0, or 1 when children kept dying)."""
    parent = os.getpid()
    children: dict[int, tuple[int, float]] = {}  # pid -> (index, started)
    stopping: list[int] = []  # the signal that stops the server, once received
    fast_deaths = 0

    def spawn(index: int) -> None:
        pid = os.fork()
        if pid == 0:
            _run_child(run, index, parent)
        children[pid] = (index, time.monotonic())

    def stop(signum: int, _frame: Any) -> None:
        if not stopping:
            stopping.append(signum)
        _signal_all(children, signal.SIGTERM)

    old = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        for index in range(processes):
            spawn(index)
        deadline: float | None = None
        while children:
            if stopping and deadline is None:
                deadline = time.monotonic() + STOP_GRACE_S
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                if deadline is not None and time.monotonic() > deadline:
                    _signal_all(children, signal.SIGKILL)
                time.sleep(0.1)
                continue
            if pid not in children:  # not one of ours (cannot happen: we fork only these)
                continue
            index, started = children.pop(pid)
            if stopping:
                continue
            code = os.waitstatus_to_exitcode(status)
            log.warning(
                "thbgraph: server process %d (pid %d) ended (%d); replacing it", index, pid, code
            )
            if time.monotonic() - started < RESPAWN_BACKOFF_S:
                fast_deaths += 1
                if fast_deaths >= MAX_FAST_DEATHS:
                    log.error("thbgraph: server processes keep dying at start; stopping")
                    stop(signal.SIGTERM, None)
                    continue
                time.sleep(RESPAWN_BACKOFF_S)
            else:
                fast_deaths = 0
            spawn(index)
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    if fast_deaths >= MAX_FAST_DEATHS:
        return 1
    if stopping and stopping[0] == signal.SIGINT:
        raise KeyboardInterrupt
    return 0
