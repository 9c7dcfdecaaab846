"""/export runs in a query worker under a time limit and the worker's memory cap, not in the server."""

from __future__ import annotations

import os
import time
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import start_server, stop_server


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _workers(server_pid: int) -> set[int]:
    """The query workers: the children of the server's fork server."""
    return {w for child in _children(server_pid) for w in _children(child)}


def test_an_export_past_its_time_limit_is_killed_in_its_worker_and_answers_503(
    built_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker that ran the export is killed and replaced (so the export ran in a worker, not
    in the server, where nothing could stop it); the answer names the limit; the server serves on."""
    monkeypatch.setenv("THBGRAPH_EXPORT_TIMEOUT_S", "0.01")
    # one server process: its fork server's children are its two query workers
    server = start_server(built_store, processes=1)
    try:
        before = _workers(server.process.pid)
        assert len(before) == 2
        r = httpx.get(server.url("/export"), params={"format": "graphml"}, timeout=60)
        assert r.status_code == 503, r.text
        assert "export_timeout_s=0.01" in r.text
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(_workers(server.process.pid) - before) < 1:
            time.sleep(0.2)
        after = _workers(server.process.pid)
        assert len(before - after) == 1 and len(after - before) == 1, (before, after)
        ok = httpx.get(server.url("/sparql"), params={"query": "ASK {}"}, timeout=30)
        assert ok.status_code == 200
    finally:
        stop_server(server)


def test_an_export_within_its_limits_is_served_from_a_worker(built_store: Path) -> None:
    server = start_server(built_store)
    try:
        with httpx.Client(base_url=server.base, timeout=60, trust_env=False) as client:
            r = client.get("/export", params={"format": "graphml", "view": "citations"})
            assert r.status_code == 200, r.text
            assert r.content.startswith(b"<?xml") and b"graphml" in r.content[:500]
            r = client.get("/export/full.gexf")
            assert r.status_code == 200 and b"<gexf" in r.content[:1000]
            assert "thbgraph-full.gexf" in r.headers["content-disposition"]
    finally:
        stop_server(server)
