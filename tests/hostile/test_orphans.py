"""No worker outlives a `kill -9` of `thbgraph serve` or `thbgraph build`; query workers have no network."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from thbgraph.graph.quality.synth import write_corpus


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


def _all_end(pids: set[int], within_s: float = 15) -> list[int]:
    """The pids still alive after `within_s` seconds."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.2)
    return sorted(p for p in pids if _alive(p))


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_kill_9_of_serve_leaves_no_worker_even_a_busy_one(built_store: Path) -> None:
    """A worker busy with a query past any limit, its fork server and the resource tracker all
    end with the server (regression: the fork server outlived a `kill -9` while a busy worker
    held its pipe, and the worker ran its query on for ever)."""
    from tests.api.conftest import start_server

    server = start_server(built_store, timeout=600)
    slow = threading.Thread(target=lambda: _quiet_post(server.url("/sparql"), SLOW), daemon=True)
    slow.start()
    deadline = time.monotonic() + 20
    busy: list[int] = []
    while time.monotonic() < deadline and not busy:  # a worker at 100 % CPU: the query runs
        busy = [p for p in _descendants(server.process.pid) if _cpu_ticks(p) > 50]
        time.sleep(0.3)
    workers = _descendants(server.process.pid)
    assert workers, "the server has no worker processes"
    assert busy, "no worker ran the slow query"
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(10)
    assert _all_end(workers) == []


def _quiet_post(url: str, query: str) -> None:
    with contextlib.suppress(httpx.HTTPError):  # the server is killed under it: expected
        httpx.post(url, data={"query": query}, timeout=120, trust_env=False)


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


@pytest.mark.slow
def test_kill_9_of_build_leaves_no_worker(tmp_path: Path) -> None:
    """Extraction workers (and the SHACL child) end with a `kill -9` of `thbgraph build`."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 200, seed=3)
    cli = Path(sys.executable).with_name("thbgraph")
    log = (tmp_path / "build.log").open("wb")
    build = subprocess.Popen(
        [cli, "build", "--corpus", str(corpus), "--store", str(tmp_path / "store")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None and len(seen) < 2:
        seen |= {p for p in _descendants(build.pid) if _alive(p)}
        time.sleep(0.05)
    log.close()
    output = (tmp_path / "build.log").read_text(errors="replace")[-2000:]
    assert build.poll() is None, f"the build ended before it started its workers: {output}"
    assert len(seen) >= 2, f"the build started {len(seen)} worker process(es)"
    os.kill(build.pid, signal.SIGKILL)
    build.wait(10)
    assert _all_end(seen) == []


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
