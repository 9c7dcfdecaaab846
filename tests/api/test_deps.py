"""Where answers run (api/deps.py): the lists and search read from the side indexes answer in the
server process, so a worker pool busy with user SPARQL never queues them (nor 503s them)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx

# a user query that holds the only worker until the time limit
_SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_lists_and_search_answer_while_the_only_worker_is_busy(
    built_store: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(built_store, workers=1, timeout=8)
    meetings = httpx.get(srv.url("/api/meetings"), timeout=30).json()["items"]
    assert meetings
    slow_done = threading.Event()

    def hold_the_worker() -> None:
        try:
            httpx.get(srv.url("/sparql"), params={"query": _SLOW}, timeout=30)
        finally:
            slow_done.set()

    threading.Thread(target=hold_the_worker, daemon=True).start()
    time.sleep(1.0)  # the slow query has the worker
    paths = [
        ("/api/meetings", {}),
        ("/api/commitments", {}),
        ("/api/publications", {}),
        ("/api/search", {"q": "trafficking"}),
        (f"/doc/meeting/{meetings[0]['id']}", {}),
    ]
    with httpx.Client(timeout=30) as c:
        for path, params in paths:
            r = c.get(srv.url(path), params=params, headers={"Accept": "text/html,*/*"})
            assert r.status_code == 200, (path, r.status_code, r.text[:200])
    assert not slow_done.is_set(), "the slow query ended first: the test proved nothing"
    slow_done.wait(30)


def test_the_server_stores_know_their_generation(built_store: Path) -> None:
    """The handles of the server and of its workers name the generation they opened, so the
    answers read that generation's summary index instead of rerunning the list queries."""
    from thbgraph.api._worker import _StoreHandle
    from thbgraph.api.local import CurrentStore
    from thbgraph.graph.answers import summary

    for store in (CurrentStore(built_store).get(), _StoreHandle(built_store).get()):
        assert store.generation is not None
        assert summary._connection(store) is not None
