"""Filters shared by every view: ego network around a focus, year range, node types."""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx
from rapidfuzz import process

from ..errors import ThbGraphError, UnknownEntityError
from ..store import Store
from ._entities import ENTITY_TYPES, ID_BASE, is_entity
from ._queries import load_query

__all__ = ["check_types", "keep_types", "keep_years", "neighbourhood", "resolve_focus"]


def resolve_focus(store: Store, text: str) -> str:
    """The IRI of a focus given as an IRI, a `tb:` name, a symbol ('MC.DEC/6/18') or a label."""
    text = text.strip()
    if text.startswith(("http://", "https://")):
        return text
    if text.startswith("tb:"):
        return ID_BASE + text[3:]
    found = sorted(
        {r["s"] for r in store.select(load_query("export_resolve"), bindings={"text": text})}
    )
    found = [iri for iri in found if is_entity(iri)]
    if found:
        commitments = [iri for iri in found if "/id/commitment/" in iri]
        return str((commitments or found)[0])
    symbols = sorted({r["symbol"] for r in store.select(load_query("export_symbols"))})
    close = [m[0] for m in process.extract(text, symbols, limit=5, score_cutoff=60)]
    hint = f" (closest: {', '.join(close)})" if close else ""
    raise UnknownEntityError(f"--focus {text!r}: no entity has this symbol or label{hint}", close)


def neighbourhood(kg: nx.Graph, focus: str, depth: int, *, view: str) -> nx.Graph:
    """The ego network: nodes at most `depth` edges from `focus`, ignoring edge direction."""
    if depth < 0:
        raise ThbGraphError(f"--depth must be 0 or more, not {depth}")
    if focus not in kg:
        raise UnknownEntityError(f"--focus {focus}: not a node of the {view!r} view")
    undirected = kg.to_undirected(as_view=True) if kg.is_directed() else kg
    reach = nx.single_source_shortest_path_length(undirected, focus, cutoff=depth)
    return kg.subgraph(reach).copy()


def keep_years(
    kg: nx.Graph, year_from: int | None, year_to: int | None, *, keep: str | None = None
) -> nx.Graph:
    """Drop dated nodes outside [year_from, year_to]; undated nodes and `keep` stay."""
    if year_from is None and year_to is None:
        return kg
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ThbGraphError(f"--from {year_from} is after --to {year_to}")
    lo = year_from if year_from is not None else -(10**9)
    hi = year_to if year_to is not None else 10**9
    nodes = [
        n
        for n, d in kg.nodes(data=True)
        if n == keep or d.get("year") is None or lo <= int(d["year"]) <= hi
    ]
    return kg.subgraph(nodes).copy()


def check_types(types: Collection[str]) -> None:
    """Refuse unknown node types, naming the allowed ones."""
    unknown = sorted(set(types) - {*ENTITY_TYPES, "resource"})
    if unknown:
        raise ThbGraphError(
            f"--types: unknown node type(s) {', '.join(unknown)}; use {', '.join(ENTITY_TYPES)}"
        )


def keep_types(kg: nx.Graph, types: Collection[str], *, keep: str | None = None) -> nx.Graph:
    """Keep only nodes of the given types (and `keep`)."""
    if not types:
        return kg
    check_types(types)
    wanted = set(types)
    return kg.subgraph(
        n for n, d in kg.nodes(data=True) if n == keep or d.get("type") in wanted
    ).copy()
