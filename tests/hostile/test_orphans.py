"""No worker outlives a `kill -9` of `thbgraph serve`; query workers have no network."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest


def _children() -> dict[int, int]:
    """pid -> parent pid of every process."""
    out: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        out[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    return out


def _descendants(root: int) -> set[int]:
    parents = _children()
    found, frontier = set(), {root}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_kill_9_of_serve_leaves_no_worker(built_store: Path) -> None:
    from tests.api.conftest import start_server

    server = start_server(built_store)
    workers = _descendants(server.process.pid)
    assert workers, "the server has no worker processes"
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.2)
    assert not [p for p in workers if _alive(p)]


def test_query_workers_have_no_network_interface(built_store: Path) -> None:
    from tests.api.conftest import start_server, stop_server
    from thbgraph.api._sandbox import network_isolation_works

    if not network_isolation_works():
        pytest.skip("no network namespaces on this machine (the server says so at start)")
    server: Any = start_server(built_store)
    try:
        netns = os.readlink(f"/proc/{server.process.pid}/ns/net")
        workers = _descendants(server.process.pid)
        own = {p for p in workers if _alive(p) and os.readlink(f"/proc/{p}/ns/net") != netns}
        assert own, "no worker runs in a network namespace of its own"
        for p in own:  # a fresh namespace: no route anywhere, no address but none at all
            assert Path(f"/proc/{p}/net/route").read_text().splitlines()[1:] == []
            assert Path(f"/proc/{p}/net/if_inet6").read_text().strip() == ""
    finally:
        stop_server(server)
