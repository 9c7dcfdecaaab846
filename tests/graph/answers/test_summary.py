"""The summary index: list answers read from per-generation rows, kept in step by add/remove."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from thbgraph.graph.answers import commitments, meetings, publications
from thbgraph.graph.answers.summary import LISTS, SUMMARY_FILE, build_summary, list_rows
from thbgraph.graph.pipeline import add_documents, remove_documents
from thbgraph.graph.queries import run_named
from thbgraph.graph.store import open_store

AGENDA = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators of Zembla\n\n"
    "Vienna, 12-13 October 2022\n\n"
    "The meeting will review the implementation of MC.DEC/6/18 and CETS No. 197.\n"
)


def _canon(rows: list[dict[str, object]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


def _kept(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out: dict[str, list[str]] = {}
        for name, data in conn.execute("SELECT list, data FROM row"):
            out.setdefault(name, []).extend(json.dumps(r, sort_keys=True) for r in json.loads(data))
        return {k: sorted(v) for k, v in out.items()}
    finally:
        conn.close()


def _rebuilt(store_path: Path) -> dict[str, list[str]]:
    with open_store(store_path) as store:
        return {name: _canon(run_named(store, name)) for name in LISTS}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_the_summary_gives_the_named_querys_rows_in_its_order(built_store: Path, name: str) -> None:
    with open_store(built_store) as store:
        assert (store.generation / SUMMARY_FILE).exists()
        from_summary = list_rows(store, name)
        from_query = run_named(store, name)
    assert _canon(from_summary) == _canon(from_query)
    order = LISTS[name].order
    assert [order(r) for r in from_summary] == sorted(order(r) for r in from_query)


def test_add_and_remove_keep_the_summary_equal_to_a_rebuilt_one(
    writable_store: Path, tmp_path: Path
) -> None:
    doc = tmp_path / "009_new_agenda.txt"
    doc.write_text(AGENDA, encoding="utf-8")
    with open_store(writable_store) as store:
        before = {m["iri"] for m in meetings(store)}
        cited_before = {c["symbol"]: c["meetings"] for c in commitments(store)}
    add_documents(writable_store, [doc])
    summary = writable_store / "current" / SUMMARY_FILE
    assert {k: v for k, v in _kept(summary).items() if v} == {
        k: v for k, v in _rebuilt(writable_store).items() if v
    }
    with open_store(writable_store) as store:
        added = {m["iri"] for m in meetings(store)} - before
        cited_after = {c["symbol"]: c["meetings"] for c in commitments(store)}
    assert len(added) == 1 and "zembla" in next(iter(added))
    assert cited_after["MC.DEC/6/18"] == cited_before["MC.DEC/6/18"] + 1
    remove_documents(writable_store, ["009_new_agenda"])
    assert {k: v for k, v in _kept(summary).items() if v} == {
        k: v for k, v in _rebuilt(writable_store).items() if v
    }
    remove_documents(writable_store, ["004_958b14d90dff92ed"])
    assert {k: v for k, v in _kept(summary).items() if v} == {
        k: v for k, v in _rebuilt(writable_store).items() if v
    }
    with open_store(writable_store) as store:
        assert {m["iri"] for m in meetings(store)} <= before
        assert publications(store) == [
            p for p in publications(store) if p["id"].startswith("publication/")
        ]


def test_a_store_without_a_summary_is_answered_by_the_query(writable_store: Path) -> None:
    with open_store(writable_store) as store:
        with_summary = meetings(store)
        (store.generation / SUMMARY_FILE).unlink()
    with open_store(writable_store) as store:
        assert meetings(store) == with_summary


def test_a_summary_in_memory_matches(built_store: Path) -> None:
    conn = sqlite3.connect(":memory:")
    with open_store(built_store) as store:
        build_summary(store, conn)
    assert conn.execute("SELECT COUNT(DISTINCT list) FROM row").fetchone()[0] == len(LISTS)
