"""The change log (issue 18 item 2): build, add and remove each leave one entry in their generation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thbgraph.graph.changes import change_quads, read_changes
from thbgraph.graph.pipeline import add_documents, build_store, remove_documents
from thbgraph.graph.store import open_store

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

    add_documents(writable_store, [doc])  # a replacement removes what the document said before
    again = _log(writable_store)[0]
    assert again.kind == "add" and again.removed == added[0].added == again.added

    remove_documents(writable_store, ["010_vienna_agenda"])
    removed = _log(writable_store)
    assert [c.kind for c in removed] == ["remove", "add", "add", "build"]
    assert removed[0].documents == ["010_vienna_agenda.txt"]
    assert removed[0].removed == again.added and removed[0].added == 0

    build_store(writable_store)
    rebuilt = _log(writable_store)
    assert [c.kind for c in rebuilt] == ["build", "remove", "add", "add", "build"]
    assert rebuilt[0].removed > 0


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown change kind"):
        change_quads("rename", [], added=0, removed=0, generation="g")
