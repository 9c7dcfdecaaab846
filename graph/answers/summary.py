"""The summary index: the rows of the whole-graph list queries, kept per generation.

The lists (meetings, commitments with their counts, top-cited, publications, actors) aggregate over
the whole graph: seconds of SPARQL at 1e6 triples. Their rows are kept in a SQLite file in each
store generation (`generations/<id>/thbgraph-summary.sqlite`), grouped by the entity each row is
about (the list's key: a meeting, a commitment, a publication), and the answers read them from
there. Like the full-text index it rides on the generation swap, through a commit hook of
`Generation`: `build` runs each list's query once; `add`, `remove` and `load` copy the current
generation's file and run each query again only for the keys the change may touch (every IRI
of the changed graphs' old and new triples, and the keys whose rows name one of them), with the
keys bound as VALUES, so the engine never scans for them.

A store in memory, a remote one, or a generation without the file (an older store) is answered
by the named query itself.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from ..queries import run_named
from ..store import GraphStore, Store
from ..store.embedded import COMMIT_HOOKS, CURRENT, Generation
from ._indexfile import has_version, open_readonly, write_atomically

__all__ = ["LISTS", "SUMMARY_FILE", "list_rows", "memo", "update_summary", "write_summary"]

SUMMARY_FILE = "thbgraph-summary.sqlite"
SCHEMA_VERSION = 3  # 3: the actors list
ID = "https://w3id.org/thbgraph/id/"
MAX_OPEN = 4
_OPEN: dict[str, sqlite3.Connection] = {}
_DECODED: dict[tuple[str, str], list[dict[str, Any]]] = {}  # per generation file: immutable
_MEMO: dict[tuple[str, str], Any] = {}
T = TypeVar("T")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ListQuery:
    """A named list query: the variable of its key, the IRIs its keys start with, and its order."""

    name: str
    key: str
    prefix: str
    order: Callable[[dict[str, Any]], Any]


def _text(v: Any) -> str:
    return "" if v is None else str(v)


LISTS: dict[str, ListQuery] = {
    q.name: q
    for q in (
        ListQuery("meeting_list", "meeting", ID + "meeting/", lambda r: _text(r["meeting"])),
        ListQuery(
            "commitment_list", "commitment", ID + "commitment/", lambda r: _text(r["symbol"])
        ),
        ListQuery(
            "commitments",
            "commitment",
            ID + "commitment/",
            lambda r: (-int(r["meetings"] or 0), _text(r["symbol"])),
        ),
        ListQuery(
            "publications", "publication", ID + "publication/", lambda r: _text(r["publication"])
        ),
        ListQuery("actors", "actor", ID, lambda r: (_text(r["actor"]), _text(r["kind"]))),
    )
}

_SCHEMA = """
CREATE TABLE row (list TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
                  PRIMARY KEY (list, key)) WITHOUT ROWID;
CREATE TABLE ref (value TEXT NOT NULL, list TEXT NOT NULL, key TEXT NOT NULL,
                  PRIMARY KEY (value, list, key)) WITHOUT ROWID;
CREATE INDEX ref_key ON ref (list, key);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""
_CHANGED = """
CREATE TEMP TABLE IF NOT EXISTS changed_nodes (v TEXT PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS changed_keys (v TEXT PRIMARY KEY);
DELETE FROM changed_nodes; DELETE FROM changed_keys;
"""
CHUNK = 400  # keys bound as VALUES in one query


def _store_rows(conn: sqlite3.Connection, q: ListQuery, found: list[dict[str, Any]]) -> None:
    """Store rows grouped by key: one JSON array per key, and the IRIs each key's rows name."""
    by_key: dict[str, list[dict[str, Any]]] = {}
    refs = set()
    for r in found:
        key = _text(r[q.key])
        by_key.setdefault(key, []).append(r)
        for v in r.values():
            if isinstance(v, str) and v.startswith(ID) and v != key:
                refs.add((v, q.name, key))
    conn.executemany(
        "INSERT INTO row VALUES (?, ?, ?)",
        [
            (q.name, key, json.dumps(rs, ensure_ascii=False, separators=(",", ":")))
            for key, rs in by_key.items()
        ],
    )
    conn.executemany("INSERT OR IGNORE INTO ref VALUES (?, ?, ?)", sorted(refs))


def build_summary(store: GraphStore, conn: sqlite3.Connection) -> None:
    """Fill an empty SQLite database with every list's rows."""
    conn.executescript(_SCHEMA)
    conn.execute("INSERT INTO meta VALUES ('version', ?)", (str(SCHEMA_VERSION),))
    for q in LISTS.values():
        _store_rows(conn, q, run_named(store, q.name))
    conn.commit()


def apply_change(conn: sqlite3.Connection, store: GraphStore, changed: Iterable[ox.Triple]) -> int:
    """Run each list's query again for the keys `changed` may touch; the number of keys."""
    nodes: set[str] = set()  # keys, if they are: every IRI of the changed triples
    described: set[str] = set()  # nodes whose own facts changed: the rows naming them too
    for t in changed:
        for term in (t.subject, t.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(ID):
                nodes.add(term.value)
        if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(ID):
            described.add(t.subject.value)
    conn.executescript(_CHANGED)
    conn.executemany("INSERT OR IGNORE INTO changed_nodes VALUES (?)", ((n,) for n in described))
    total = 0
    for q in LISTS.values():
        keys = {n for n in nodes if n.startswith(q.prefix)}
        found = conn.execute(
            "SELECT key FROM ref WHERE list = ? AND value IN changed_nodes", (q.name,)
        )
        keys.update(k for (k,) in found)
        if not keys:
            continue
        conn.execute("DELETE FROM changed_keys")
        conn.executemany("INSERT INTO changed_keys VALUES (?)", ((k,) for k in keys))
        conn.execute("DELETE FROM row WHERE list = ? AND key IN changed_keys", (q.name,))
        conn.execute("DELETE FROM ref WHERE list = ? AND key IN changed_keys", (q.name,))
        ordered = sorted(keys)
        for i in range(0, len(ordered), CHUNK):
            chunk = ordered[i : i + CHUNK]
            found_rows = run_named(store, q.name, **{q.key: [ox.NamedNode(k) for k in chunk]})
            wanted = set(chunk)
            _store_rows(conn, q, [r for r in found_rows if _text(r[q.key]) in wanted])
        total += len(keys)
    return total


def _write(
    directory: Path, fill: Callable[[sqlite3.Connection], object], start: Path | None
) -> Path:
    return write_atomically(directory, SUMMARY_FILE, "summary index", fill, start)


def write_summary(store: GraphStore, directory: Path) -> Path:
    """Write the whole summary of `store` into `directory` atomically."""
    return _write(directory, lambda conn: build_summary(store, conn), None)


def _usable(path: Path) -> bool:
    return has_version(path, SCHEMA_VERSION)


def update_summary(gen: Generation) -> None:
    """Commit hook: give a generation about to be swapped in its summary (module docstring)."""
    if (gen.path / SUMMARY_FILE).exists():
        return
    current = gen.root / CURRENT
    previous = current.resolve() / SUMMARY_FILE if current.exists() else None
    if not gen.copied or previous is None or not _usable(previous):
        write_summary(gen.store, gen.path)
        return
    changed = gen.changed_triples()
    _write(gen.path, lambda conn: apply_change(conn, gen.store, changed), previous)


COMMIT_HOOKS.append(update_summary)


def _connection(store: Store) -> sqlite3.Connection | None:
    return open_readonly(store, SUMMARY_FILE, _usable, _OPEN, _LOCK, MAX_OPEN)


def list_rows(store: Store, name: str) -> list[dict[str, Any]]:
    """The rows of the list query `name` (one of LISTS), from the summary when the store has one,
    in the query's order (fresh dicts: the caller may change them)."""
    q = LISTS[name]
    conn = _connection(store)
    if conn is None:
        return run_named(store, name)
    cache = (str(getattr(store, "generation", "")), name)
    with _LOCK:
        decoded = _DECODED.get(cache)
        if decoded is None:
            found = conn.execute("SELECT data FROM row WHERE list = ?", (name,)).fetchall()
            decoded = [r for (d,) in found for r in json.loads(d)]
            decoded.sort(key=q.order)
            while len(_DECODED) >= MAX_OPEN * len(LISTS):
                _DECODED.pop(next(iter(_DECODED)))
            _DECODED[cache] = decoded
    return [dict(r) for r in decoded]


def memo(store: Store, name: str, build: Callable[[], T]) -> T:
    """`build()` once per generation of a store with a summary (what it computes from the
    summary's rows never changes within a generation); every time otherwise. The value is
    shared: read it, never change it."""
    if _connection(store) is None:
        return build()
    key = (str(getattr(store, "generation", "")), name)
    with _LOCK:
        if key in _MEMO:
            found: T = _MEMO[key]
            return found
    value = build()
    with _LOCK:
        while len(_MEMO) >= MAX_OPEN * 4:
            _MEMO.pop(next(iter(_MEMO)))
        _MEMO[key] = value
    return value
