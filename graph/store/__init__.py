"""The store: one interface (`Store`), an embedded pyoxigraph implementation with atomic generations,
and a remote one over the SPARQL 1.1 protocol; `open_store` picks by location."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from .base import Store
from .embedded import CURRENT, Generation, GraphStore
from .remote import RemoteGraphStore, is_remote, remote_location
from .terms import term_from_python, to_python

__all__ = [
    "Generation",
    "GraphStore",
    "RemoteGraphStore",
    "Store",
    "is_remote",
    "open_store",
    "remote_location",
    "term_from_python",
    "to_python",
]


def open_store(location: str | Path | None, *, read_only: bool = True) -> Store:
    """Open a store: in memory for None / ':memory:', a SPARQL server for `sparql+http(s)://...`,
    else the current generation of an on-disk store (read-only unless asked)."""
    if location is None or str(location) == ":memory:":
        return GraphStore(ox.Store())
    remote = remote_location(location)
    if remote is not None:
        server = RemoteGraphStore(remote)
        if read_only:  # reads need the server's default graph to be the union of ours
            try:
                server.check_dataset()
            except StoreError:
                server.close()
                raise
        return server
    root = Path(location)
    current = root / CURRENT
    if not current.exists():
        raise StoreError(f"no graph store at {root}: run `thbgraph build --store {root}` first")
    target = current.resolve()
    try:
        inner = ox.Store.read_only(str(target)) if read_only else ox.Store(str(target))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {root}: {exc}") from exc
    return GraphStore(inner, location=root, generation=target)
