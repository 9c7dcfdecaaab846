"""The change log (issue 18 item 2): build, add and remove each leave one entry in their generation."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.changes import apply_patch, change_quads, patch_path, read_changes
from thbgraph.graph.pipeline import add_documents, build_store, remove_documents
from thbgraph.graph.store import GraphStore, open_store
from thbgraph.graph.store.loader import load_rdf_file
from thbgraph.graph.vocab import GRAPH_RUNS

NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)


def _log(store: Path) -> list:
    with open_store(store) as kg:
        return read_changes(kg)


def test_build_add_remove_are_logged_newest_first_and_survive_a_rebuild(
    writable_store: Path, tmp_path: Path
) -> None:
    built = _log(writable_store)
    assert [c.kind for c in built] == ["build"]
    assert len(built[0].documents) >= 5 and built[0].added > 0 and built[0].removed == 0
    assert built[0].generation == os.path.basename(os.path.realpath(writable_store / "current"))

    doc = tmp_path / "010_vienna_agenda.txt"
    doc.write_text(NEW_DOC, encoding="utf-8")
    add_documents(writable_store, [doc])
    added = _log(writable_store)
    assert [c.kind for c in added] == ["add", "build"]
    assert added[0].documents == ["010_vienna_agenda.txt"]
    assert added[0].added > 0 and added[0].removed == 0

    add_documents(writable_store, [doc])  # the same document again: nothing changes
    again = _log(writable_store)[0]
    assert again.kind == "add" and again.removed == 0 == again.added

    remove_documents(writable_store, ["010_vienna_agenda"])
    removed = _log(writable_store)
    assert [c.kind for c in removed] == ["remove", "add", "add", "build"]
    assert removed[0].documents == ["010_vienna_agenda.txt"]
    assert removed[0].removed == added[0].added and removed[0].added == 0

    build_store(writable_store)
    rebuilt = _log(writable_store)
    assert [c.kind for c in rebuilt] == ["build", "remove", "add", "add", "build"]
    assert rebuilt[0].added == 0 == rebuilt[0].removed  # the same corpus: nothing changed


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown change kind"):
        change_quads("rename", [], added=0, removed=0, generation="g")


def _canonical(store: Path) -> str:
    with open_store(store) as kg:
        return kg.canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)])


def _replay(store: Path, mirror: ox.Store, *, skip: int = 0) -> ox.Store:
    """Apply the store's patches, oldest first (after the `skip` oldest), to `mirror`."""
    current = (store / "current").resolve()
    for change in reversed(_log(store)[: len(_log(store)) - skip]):
        path = patch_path(current, change.generation)
        assert path is not None, change
        added, removed = apply_patch(mirror, path.read_bytes())
        assert (added, removed) == (change.added, change.removed)
    return mirror


def test_replaying_every_patch_in_order_gives_the_store(
    writable_store: Path, tmp_path: Path
) -> None:
    """Issue 18: a mirror that starts from nothing (the first build's patch is its dump) and
    applies each change's RDF Patch in order ends with exactly the store's quads."""
    first = _canonical(writable_store)
    doc = tmp_path / "010_vienna_agenda.txt"
    doc.write_text(NEW_DOC, encoding="utf-8")
    add_documents(writable_store, [doc])
    after_add = _canonical(writable_store)
    # the same document, changed: its old statements go, the new ones come
    doc.write_text(NEW_DOC.replace("PC.DEC/557", "PC.DEC/1107"), encoding="utf-8")
    add_documents(writable_store, [doc])
    user = tmp_path / "notes.ttl"
    user.write_text('<urn:x:a> <urn:x:says> "bonjour"@fr .\n', encoding="utf-8")
    load_rdf_file(writable_store, user, "urn:x:notes")
    remove_documents(writable_store, ["010_vienna_agenda"])
    build_store(writable_store)  # a rebuild drops the user graph: its patch says so
    expected = _canonical(writable_store)
    assert "urn:x:notes" not in expected and after_add != first

    mirror = _replay(writable_store, ox.Store())
    assert GraphStore(mirror).canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)]) == expected

    # a copy of the old store (the first build) that applies the later patches is the new store
    old = ox.Store()
    old.bulk_load(first.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    _replay(writable_store, old, skip=1)
    assert GraphStore(old).canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)]) == expected


def test_a_patch_names_its_change_and_the_one_before(writable_store: Path, tmp_path: Path) -> None:
    doc = tmp_path / "010_vienna_agenda.txt"
    doc.write_text(NEW_DOC, encoding="utf-8")
    add_documents(writable_store, [doc])
    add, build = _log(writable_store)
    path = patch_path((writable_store / "current").resolve(), add.generation)
    assert path is not None

    rows = gzip.decompress(path.read_bytes()).decode().splitlines()
    assert rows[:3] == [f"H id <{add.iri}> .", f"H prev <{build.iri}> .", "TX ."]
    assert rows[-1] == "TC ." and all(r.startswith("A ") for r in rows[3:-1])
    assert len(rows) - 4 == add.added
    assert patch_path((writable_store / "current").resolve(), "../../etc") is None


def test_apply_patch_refuses_rows_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="unsupported RDF Patch row 'PA'"):
        apply_patch(ox.Store(), b'TX .\nPA "ex" <http://example.org/> .\nTC .\n')
    with pytest.raises(ValueError, match="aborts"):
        apply_patch(ox.Store(), b"TX .\nTA .\n")
