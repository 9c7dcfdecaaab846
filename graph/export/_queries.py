"""The named SPARQL queries of the exports (`graph/queries/export_*.rq`), read from the package."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ..errors import QueryError

__all__ = ["load_query"]


@cache
def load_query(name: str) -> str:
    """The text of `graph/queries/{name}.rq` (found with importlib.resources)."""
    resource = files("thbgraph.graph.queries").joinpath(f"{name}.rq")
    if not resource.is_file():
        raise QueryError(f"the export query graph/queries/{name}.rq is missing from the package")
    return resource.read_text("utf-8")
