"""What every answer shares: the IRI bases, row helpers and close-match suggestions."""

from __future__ import annotations

from typing import Any, overload

from rapidfuzz import fuzz, process

from ..queries import run_named
from ..store import GraphStore

__all__ = ["ID", "SEP", "THB", "rows", "short", "split", "suggest"]

ID = "https://w3id.org/thbgraph/id/"
THB = "https://w3id.org/thbgraph/ontology#"
SEP = "\u001f"


def rows(store: GraphStore, name: str, **bindings: Any) -> list[dict[str, Any]]:
    """The rows of a named query, values bound."""
    return run_named(store, name, **bindings)


def split(value: Any) -> list[str]:
    """The parts of a GROUP_CONCAT made with SEP."""
    return [v for v in str(value).split(SEP) if v] if value else []


@overload
def short(iri: str) -> str: ...
@overload
def short(iri: str | None) -> str | None: ...
def short(iri: str | None) -> str | None:
    """An IRI without the id/ base (the API's ids)."""
    return iri[len(ID) :] if iri and iri.startswith(ID) else iri


def suggest(needle: str, choices: list[str], limit: int = 5) -> list[str]:
    """The close matches of a mistyped name."""
    found = process.extract(needle, choices, scorer=fuzz.WRatio, limit=limit)
    return [c for c, score, _ in found if score >= 50]
