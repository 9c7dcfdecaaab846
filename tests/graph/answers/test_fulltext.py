"""The full-text index kept in step by add and remove, in the same generation as the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from thbgraph.graph.answers import search
from thbgraph.graph.answers.fulltext import INDEX_FILE, build_index, index_rows
from thbgraph.graph.errors import StoreError
from thbgraph.graph.pipeline import add_documents, remove_documents
from thbgraph.graph.store import open_store
from thbgraph.graph.store.embedded import COMMIT_HOOKS

AGENDA = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators of Zembla\n\n"
    "Vienna, 12-13 October 2022\n\n"
    "The meeting will review the implementation of MC.DEC/6/18.\n"
)


def _rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return index_rows(conn)
    finally:
        conn.close()


def _rebuilt(store_path: Path) -> list[tuple[object, ...]]:
    """The rows of an index built from scratch from the current store."""
    conn = sqlite3.connect(":memory:")
    with open_store(store_path) as store:
        build_index(store, conn)
    return index_rows(conn)


def _add(store: Path, tmp_path: Path) -> None:
    doc = tmp_path / "009_new_agenda.txt"
    doc.write_text(AGENDA, encoding="utf-8")
    add_documents(store, [doc])


def test_add_writes_the_new_generations_index_before_the_swap(
    writable_store: Path, tmp_path: Path
) -> None:
    with open_store(writable_store) as store:
        assert search(store, "zembla") == []
        old = store.generation
    _add(writable_store, tmp_path)
    with open_store(writable_store) as store:
        assert store.generation != old
        index = store.generation / INDEX_FILE
        assert index.exists(), "the index came with the generation, not at first search"
        assert index.stat().st_mtime <= (writable_store / "current").lstat().st_mtime
        hits = search(store, "zembla")
        stemmed = search(store, "trafficked zembla")
    assert hits and any("<mark>Zembla</mark>" in p["snippet"] for h in hits for p in h["passages"])
    assert stemmed, "trafficked/trafficking share a stem"
    assert not list((writable_store / "current").resolve().glob(f".{INDEX_FILE}*"))


def test_after_add_and_remove_the_index_equals_one_built_from_scratch(
    writable_store: Path, tmp_path: Path
) -> None:
    _add(writable_store, tmp_path)
    assert _rows(writable_store / "current" / INDEX_FILE) == _rebuilt(writable_store)
    remove_documents(writable_store, ["009_new_agenda"])
    with open_store(writable_store) as store:
        assert search(store, "zembla") == []
        assert search(store, "CETS")[0]["id"] == "commitment/cets-197"
    assert _rows(writable_store / "current" / INDEX_FILE) == _rebuilt(writable_store)
    remove_documents(writable_store, ["004_958b14d90dff92ed"])
    assert _rows(writable_store / "current" / INDEX_FILE) == _rebuilt(writable_store)


def test_a_failing_index_update_keeps_the_previous_generation(
    writable_store: Path, tmp_path: Path
) -> None:
    old = (writable_store / "current").resolve()

    def broken(gen: object) -> None:
        raise StoreError("the index cannot be written")

    COMMIT_HOOKS.insert(0, broken)
    try:
        with pytest.raises(StoreError, match="index cannot be written"):
            _add(writable_store, tmp_path)
    finally:
        COMMIT_HOOKS.remove(broken)
    assert (writable_store / "current").resolve() == old
    with open_store(writable_store) as store:
        assert search(store, "zembla") == []


def test_an_index_of_an_older_schema_is_rebuilt_at_the_next_change(
    writable_store: Path, tmp_path: Path
) -> None:
    index = (writable_store / "current").resolve() / INDEX_FILE
    conn = sqlite3.connect(index)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'version'")
    conn.commit()
    conn.close()
    _add(writable_store, tmp_path)
    assert _rows(writable_store / "current" / INDEX_FILE) == _rebuilt(writable_store)
