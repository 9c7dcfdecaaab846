"""The evidence index: each document's evidence passages and each entity's, kept per generation.

The document answer (a document's text with the span of every fact) and an entity's evidence (the
passages about it, or about citations of it: actor, commitment and meeting pages) are read from a
SQLite file in each store generation (`generations/<id>/thbgraph-evidence.sqlite`) instead of
joining annotations at question time. Per document it holds the rows of `document_evidence.rq`
(run bound to the document, a lookup); per entity and document, that document's rows of
`entity_evidence.rq`, derived from the same rows (an evidence's body is the entity, or the body is
a citation of it), in the query's order. Run unbound over a whole store, `entity_evidence.rq`
takes minutes at 1,000 documents; bound per document, both together take milliseconds each.

Like the full-text and summary indexes it rides on the generation swap, through a commit hook of
`Generation`: a new generation (`build`) gets a whole index, a copied one (`add`, `remove`,
`load`) a copy of the current generation's file with the rows of the changed documents (those the
changed triples name as a source, or describe) rewritten. A store in memory, a remote one, or a
generation without the file is answered by the named queries themselves.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..queries import run_named
from ..store import GraphStore, Store
from ..store.embedded import COMMIT_HOOKS, CURRENT, Generation, has_union_copy
from ._indexfile import has_version, open_readonly, write_atomically

__all__ = [
    "EVIDENCE_FILE",
    "build_evidence",
    "document_evidence",
    "entity_evidence",
    "entity_rows_of",
    "update_evidence",
    "write_evidence",
]

EVIDENCE_FILE = "thbgraph-evidence.sqlite"
SCHEMA_VERSION = 1
ID = "https://w3id.org/thbgraph/id/"
DOCUMENT = ID + "document/"
OA = "http://www.w3.org/ns/oa#"
CITED = "http://purl.org/spar/cito/hasCitedEntity"
CHUNK = 50  # documents bound as VALUES in one query
MAX_OPEN = 4
_OPEN: dict[str, sqlite3.Connection] = {}
_LOCK = threading.Lock()
_ENTITY_COLUMNS = (
    "entity",
    "evidence",
    "body",
    "property",
    "source",
    "quote",
    "start",
    "end",
    "sentence",
    "sentenceStart",
    "sentenceEnd",
)

_SCHEMA = """
CREATE TABLE doc (document TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE ent (entity TEXT NOT NULL, document TEXT NOT NULL, data TEXT NOT NULL,
                  PRIMARY KEY (entity, document)) WITHOUT ROWID;
CREATE INDEX ent_document ON ent (document);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""
_CHANGED = """
CREATE TEMP TABLE IF NOT EXISTS changed_documents (v TEXT PRIMARY KEY);
DELETE FROM changed_documents;
"""


def _dumps(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _scope(inner: ox.Store) -> ox.DefaultGraph | None:
    return ox.DefaultGraph() if has_union_copy(inner) else None


def _sources(inner: ox.Store) -> list[str]:
    """Every document an annotation target names as its source (one scan of oa:hasSource)."""
    found = inner.quads_for_pattern(None, ox.NamedNode(OA + "hasSource"), None, _scope(inner))
    return sorted({q.object.value for q in found if isinstance(q.object, ox.NamedNode)})


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    """entity_evidence.rq's ORDER BY within one source (an unbound value sorts first)."""

    def opt(v: Any) -> tuple[int, Any]:
        return (0, "") if v is None else (1, v)

    return (
        opt(row["start"]),
        opt(row["end"]),
        row["evidence"],
        row["body"],
        opt(row["property"]),
        opt(row["sentence"]),
    )


def entity_rows_of(
    inner: ox.Store, doc_rows: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """One document's rows of entity_evidence.rq, per entity, from its document_evidence.rq rows:
    the evidence's body is the entity, or a citation of it (cito:hasCitedEntity)."""
    scope = _scope(inner)
    cited: dict[str, list[str]] = {}
    out: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    for r in doc_rows:
        body = r["body"]
        if body not in cited:
            cited[body] = sorted(
                {
                    q.object.value
                    for q in inner.quads_for_pattern(
                        ox.NamedNode(body), ox.NamedNode(CITED), None, scope
                    )
                    if isinstance(q.object, ox.NamedNode)
                }
            )
        for entity in [body, *cited[body]]:
            row = {
                "entity": entity,
                "evidence": r["evidence"],
                "body": body,
                "property": r["property"],
                "source": r["document"],
                "quote": r["quote"],
                "start": r["start"],
                "end": r["end"],
                "sentence": r["sentence"],
                "sentenceStart": r["sentenceStart"],
                "sentenceEnd": r["sentenceEnd"],
            }
            key = tuple(json.dumps(row[c]) for c in _ENTITY_COLUMNS)  # SELECT DISTINCT
            out.setdefault(entity, {}).setdefault(key, row)
    return {e: sorted(found.values(), key=_order) for e, found in out.items()}


def _document_rows(store: GraphStore, documents: list[str]) -> Iterator[tuple[str, list[Any]]]:
    """(document, its document_evidence.rq rows in the query's order), CHUNK documents a query."""
    for i in range(0, len(documents), CHUNK):
        chunk = documents[i : i + CHUNK]
        grouped: dict[str, list[dict[str, Any]]] = {d: [] for d in chunk}
        for r in run_named(store, "document_evidence", document=[ox.NamedNode(d) for d in chunk]):
            if r["document"] in grouped:
                grouped[r["document"]].append(r)
        yield from grouped.items()


def _insert(conn: sqlite3.Connection, store: GraphStore, documents: Iterable[str]) -> int:
    """Write the rows of these documents; the number of documents with evidence."""
    n = 0
    for document, found in _document_rows(store, sorted(set(documents))):
        if not found:
            continue
        n += 1
        conn.execute("INSERT INTO doc VALUES (?, ?)", (document, _dumps(found)))
        conn.executemany(
            "INSERT INTO ent VALUES (?, ?, ?)",
            [
                (entity, document, _dumps(rs))
                for entity, rs in entity_rows_of(store.inner, found).items()
            ],
        )
    return n


def build_evidence(store: GraphStore, conn: sqlite3.Connection) -> int:
    """Fill an empty SQLite database with every document's and entity's evidence."""
    conn.executescript(_SCHEMA)
    conn.execute("INSERT INTO meta VALUES ('version', ?)", (str(SCHEMA_VERSION),))
    n = _insert(conn, store, _sources(store.inner))
    conn.commit()
    return n


def _changed_documents(changed: Iterable[ox.Triple]) -> set[str]:
    """The documents whose evidence `changed` may touch: named as a source, or described."""
    out: set[str] = set()
    has_source = OA + "hasSource"
    for t in changed:
        s, o = t.subject, t.object
        if t.predicate.value == has_source and isinstance(o, ox.NamedNode):
            out.add(o.value)
        if isinstance(s, ox.NamedNode) and s.value.startswith(DOCUMENT):
            out.add(s.value)
    return out


def apply_change(conn: sqlite3.Connection, store: GraphStore, changed: Iterable[ox.Triple]) -> int:
    """Rewrite the rows of the documents `changed` may touch; the number of documents."""
    documents = _changed_documents(changed)
    conn.executescript(_CHANGED)
    conn.executemany(
        "INSERT OR IGNORE INTO changed_documents VALUES (?)", ((d,) for d in documents)
    )
    conn.execute("DELETE FROM doc WHERE document IN changed_documents")
    conn.execute("DELETE FROM ent WHERE document IN changed_documents")
    _insert(conn, store, documents)
    return len(documents)


def write_evidence(store: GraphStore, directory: Path) -> Path:
    """Write the whole evidence index of `store` into `directory` atomically."""
    return write_atomically(
        directory, EVIDENCE_FILE, "evidence index", lambda conn: build_evidence(store, conn)
    )


def _usable(path: Path) -> bool:
    return has_version(path, SCHEMA_VERSION)


def update_evidence(gen: Generation) -> None:
    """Commit hook: give a generation about to be swapped in its evidence index."""
    if (gen.path / EVIDENCE_FILE).exists():
        return
    current = gen.root / CURRENT
    previous = current.resolve() / EVIDENCE_FILE if current.exists() else None
    if not gen.copied or previous is None or not _usable(previous):
        write_evidence(gen.store, gen.path)
        return
    changed = gen.changed_triples()
    write_atomically(
        gen.path,
        EVIDENCE_FILE,
        "evidence index",
        lambda conn: apply_change(conn, gen.store, changed),
        previous,
    )


COMMIT_HOOKS.append(update_evidence)


def _connection(store: Store) -> sqlite3.Connection | None:
    return open_readonly(store, EVIDENCE_FILE, _usable, _OPEN, _LOCK, MAX_OPEN)


def document_evidence(store: Store, document: str) -> list[dict[str, Any]]:
    """The rows of document_evidence.rq for one document IRI: from the index when the store's
    generation has one, else from the query."""
    conn = _connection(store)
    if conn is None:
        return run_named(store, "document_evidence", document=ox.NamedNode(document))
    with _LOCK:
        found = conn.execute("SELECT data FROM doc WHERE document = ?", (document,)).fetchone()
    rows: list[dict[str, Any]] = json.loads(found[0]) if found else []
    return rows


def entity_evidence(store: Store, entity: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The first `limit` rows of entity_evidence.rq for one entity IRI (all without a limit):
    from the index when the store's generation has one, else from the query."""
    conn = _connection(store)
    if conn is None:
        rows = run_named(store, "entity_evidence", entity=ox.NamedNode(entity))
        return rows if limit is None else rows[:limit]
    out: list[dict[str, Any]] = []
    with _LOCK:
        found = conn.execute(
            "SELECT data FROM ent WHERE entity = ? ORDER BY document", (entity,)
        ).fetchall()
    for (data,) in found:
        out += json.loads(data)
        if limit is not None and len(out) >= limit:
            return out[:limit]
    return out
