"""The one folder of named SPARQL queries (.rq files) and its one loader, for every answer, the
exports and the CLI; values are bound, never pasted."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..errors import QueryError

__all__ = ["load_query", "query_names", "run_named"]


def query_names() -> list[str]:
    """The names of the bundled queries (file names without .rq)."""
    folder = resources.files(__name__)
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


@cache
def load_query(name: str) -> str:
    """The text of a named query, e.g. 'cited_by'."""
    path = resources.files(__name__).joinpath(f"{name}.rq")
    if not path.is_file():
        raise QueryError(f"no named query {name!r}; known: {', '.join(query_names())}")
    return path.read_text(encoding="utf-8")


def run_named(store: Any, name: str, **bindings: Any) -> list[dict[str, Any]]:
    """Run a named SELECT query with variables bound; rows as dicts of Python values."""
    rows: list[dict[str, Any]] = store.select(load_query(name), bindings=bindings)
    return rows
