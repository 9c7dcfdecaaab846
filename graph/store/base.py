"""What every store offers its readers: the one interface of the embedded and the remote store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, Self, runtime_checkable

import pyoxigraph as ox

__all__ = ["Store"]


@runtime_checkable
class Store(Protocol):
    """A read interface over an RDF dataset: named document graphs, the register, user graphs.

    `GraphStore` (embedded, pyoxigraph on disk or in memory) and `RemoteGraphStore` (a SPARQL
    1.1 server) both implement it; the answers, exports and the server only use these methods.
    """

    @property
    def location(self) -> Path | str | None:
        """Where the store lives: a folder, a `sparql+http://` URL, or None in memory."""
        ...

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Any:
        """Run a read-only SPARQL query; values are bound, never pasted."""
        ...

    def select(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """SELECT rows as dicts of variable name -> plain Python value."""
        ...

    def named_graphs(self) -> list[tuple[str, int]]:
        """Each named graph with its number of quads, sorted by IRI."""
        ...

    def __len__(self) -> int: ...

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS, *, graph: str | None = None) -> bytes:
        """The dataset (or one graph) serialised."""
        ...

    def canonical_nquads(self, *, exclude_graphs: Iterable[str] = ()) -> str:
        """Sorted N-Quads, for comparing stores."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...
