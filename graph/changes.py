"""The store's change log: one entry per build, add or remove, written in the same generation.

Each change is a few triples in the runs graph (volatile, left out of canonical comparisons), so
it rides on the generation swap: a reader sees the change and its entry together, or neither.
A build starts a new store from nothing, so it carries the previous generation's log over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .queries import load_query
from .vocab import BASE, GRAPH_RUNS, RDF, THB, XSD

__all__ = [
    "AS",
    "Change",
    "carry_over",
    "change_quads",
    "changes_from_rows",
    "graph_size",
    "read_changes",
]

AS = "https://www.w3.org/ns/activitystreams#"
KINDS = ("build", "add", "remove")
MAX_CHANGES = 10_000  # the log read at once is bounded


@dataclass(frozen=True)
class Change:
    """One entry of the change log."""

    iri: str
    kind: str
    published: str  # xsd:dateTime, UTC
    documents: list[str]  # source file names
    added: int
    removed: int
    generation: str


def change_quads(
    kind: str,
    documents: list[str],
    *,
    added: int,
    removed: int,
    generation: str,
    when: dt.datetime | None = None,
) -> list[ox.Quad]:
    """The quads of one change-log entry, in the runs graph."""
    if kind not in KINDS:
        raise ValueError(f"unknown change kind {kind!r}")
    when = when or dt.datetime.now(dt.UTC)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    change = ox.NamedNode(f"{BASE}id/change/{generation}")
    g = ox.NamedNode(str(GRAPH_RUNS))
    integer = ox.NamedNode(str(XSD.integer))
    quads = [
        ox.Quad(change, ox.NamedNode(str(RDF.type)), ox.NamedNode(AS + "Activity"), g),
        ox.Quad(change, ox.NamedNode(str(THB.changeKind)), ox.Literal(kind), g),
        ox.Quad(
            change,
            ox.NamedNode(AS + "published"),
            ox.Literal(stamp, datatype=ox.NamedNode(str(XSD.dateTime))),
            g,
        ),
        ox.Quad(
            change, ox.NamedNode(str(THB.triplesAdded)), ox.Literal(str(added), datatype=integer), g
        ),
        ox.Quad(
            change,
            ox.NamedNode(str(THB.triplesRemoved)),
            ox.Literal(str(removed), datatype=integer),
            g,
        ),
        ox.Quad(change, ox.NamedNode(str(THB.generation)), ox.Literal(generation), g),
    ]
    quads += [
        ox.Quad(change, ox.NamedNode(str(THB.sourceFile)), ox.Literal(name), g)
        for name in sorted(set(documents))
    ]
    return quads


def graph_size(store: ox.Store, graph: str) -> int:
    """The number of quads in one named graph."""
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def carry_over(root: Path) -> tuple[list[ox.Quad], int]:
    """The current generation's change-log quads and its size without the runs graph
    (what a build replaces); nothing when there is no current generation yet."""
    current = Path(root) / "current"
    if not current.exists():
        return [], 0
    src = ox.Store.read_only(str(current.resolve()))
    try:
        runs = ox.NamedNode(str(GRAPH_RUNS))
        log_subjects = {
            q.subject
            for q in src.quads_for_pattern(
                None, ox.NamedNode(str(RDF.type)), ox.NamedNode(AS + "Activity"), runs
            )
        }
        quads = [q for s in log_subjects for q in src.quads_for_pattern(s, None, None, runs)]
        size = len(src) - graph_size(src, str(GRAPH_RUNS))
    finally:
        del src
    return quads, size


def read_changes(store: Any, *, limit: int = MAX_CHANGES) -> list[Change]:
    """The change log of a store (a GraphStore or the server's handle), newest first."""
    return changes_from_rows(store.select(load_query("changes")), limit=limit)


def changes_from_rows(rows: list[dict[str, Any]], *, limit: int = MAX_CHANGES) -> list[Change]:
    """Changes from the rows of the `changes` query (plain values), newest first."""
    out = []
    for r in rows[: max(0, min(limit, MAX_CHANGES))]:
        files = r.get("files") or ""
        out.append(
            Change(
                iri=str(r["change"]),
                kind=str(r["kind"]),
                published=str(r["published"]),
                documents=sorted(f for f in files.split("\n") if f),
                added=int(r["added"]),
                removed=int(r["removed"]),
                generation=str(r["generation"]),
            )
        )
    return out
