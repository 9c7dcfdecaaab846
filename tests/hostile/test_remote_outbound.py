"""A remote-store server connects to its store and nowhere else: two real listeners on 127.0.0.1,
one playing the store, the other any other service on the host (another port)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.listener import Listener
from thbgraph.api._remote import pin_to_store
from thbgraph.api._worker import handle_request
from thbgraph.graph.errors import QueryError, StoreError
from thbgraph.graph.store import RemoteGraphStore


class _Handle:
    def __init__(self, store: RemoteGraphStore) -> None:
        self.store = store

    def get(self) -> Any:
        return self.store


def test_the_pinned_client_reaches_the_store_and_not_another_port() -> None:
    with Listener() as store_ear, Listener() as other:
        store = pin_to_store(RemoteGraphStore(f"sparql+{store_ear.url}/query", timeout_s=10))
        try:
            assert store.client.get(f"{store_ear.url}/query?ping").status_code == 200
            assert store_ear.hits == ["/query?ping"]
            for url in (
                f"{other.url}/sparql",
                f"http://localhost:{other.port}/",
                "http://[::1]:9/",
            ):
                with pytest.raises(StoreError, match="connects only to its store"):
                    store.client.get(url)
            assert other.hits == []
        finally:
            store.close()


def test_worker_requests_over_a_remote_store_reach_only_the_store() -> None:
    """Through the worker's request handler (the remote store's query path): an ordinary query is
    asked of the store; a SERVICE to the other port is refused before anything is sent."""
    with Listener() as store_ear, Listener() as other:
        store = RemoteGraphStore(f"sparql+{store_ear.url}/query", timeout_s=10)
        handle = _Handle(store)
        try:
            rows = handle_request(
                handle, {"op": "select", "query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}
            )
            assert rows == [{}] and len(store_ear.hits) == 1
            with pytest.raises(QueryError, match="SERVICE is refused"):
                handle_request(
                    handle,
                    {
                        "op": "sparql",
                        "query": f"SELECT * {{ SERVICE <{other.url}/sparql> {{ ?s ?p ?o }} }}",
                        "format": "json",
                        "max_rows": 10,
                    },
                )
            with pytest.raises(StoreError, match="connects only to its store"):
                store.client.post(f"{other.url}/sparql", content=b"ASK {}")
            assert other.hits == [] and len(store_ear.hits) == 1
        finally:
            store.close()
