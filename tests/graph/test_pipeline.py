"""The build: bad documents are skipped with one line, failures keep the previous store, rebuilds are stable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thbgraph.graph.errors import DocumentError, ValidationFailed
from thbgraph.graph.pipeline import add_documents, build_store, remove_documents
from thbgraph.graph.store import open_store
from thbgraph.graph.vocab import GRAPH_RUNS

RUNS = str(GRAPH_RUNS)


def _canonical(store: Path) -> str:
    with open_store(store) as kg:
        return kg.canonical_nquads(exclude_graphs=[RUNS])


def test_rebuilding_the_same_corpus_gives_the_same_canonical_nquads(
    built_store: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    build_store(again)
    assert _canonical(again) == _canonical(built_store)


def test_bad_documents_are_skipped_and_named(seed_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(seed_dir, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (corpus / "latin1.txt").write_bytes("Réunion à Genève, 3 novembre 2020".encode("latin-1"))
    big = corpus / "big.txt"
    with big.open("wb") as f:
        f.write(b"MC.DEC/6/18 " * (50 * 1024 * 1024 // 12 + 1))
    report = build_store(tmp_path / "store", corpus=corpus)
    assert len(report.documents) == 5
    reasons = {Path(s.file).name: s.reason for s in report.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "big.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "too large" in reasons["big.txt"]
    assert "\n" not in "".join(reasons.values())


def test_a_failed_build_keeps_the_previous_store(writable_store: Path, tmp_path: Path) -> None:
    before = _canonical(writable_store)
    corpus = tmp_path / "nothing-readable"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(DocumentError, match="empty"):
        build_store(writable_store, corpus=corpus)
    assert _canonical(writable_store) == before


def test_a_build_that_does_not_validate_keeps_the_previous_store(
    writable_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Break one fact on its way into the store: SHACL refuses it, the old store stays."""
    from thbgraph.graph import build as build_module

    before = _canonical(writable_store)
    original = build_module._DocumentWriter.write_meeting

    def negative_counts(self, iri, m):  # type: ignore[no-untyped-def]
        if m.participants_count is not None:
            m.participants_count = -m.participants_count
        return original(self, iri, m)

    monkeypatch.setattr(build_module._DocumentWriter, "write_meeting", negative_counts)
    with pytest.raises(ValidationFailed):
        build_store(writable_store)
    assert _canonical(writable_store) == before


def test_add_then_remove_gives_back_the_original_store(
    writable_store: Path, tmp_path: Path
) -> None:
    before = _canonical(writable_store)
    doc = tmp_path / "009_new_agenda.txt"
    doc.write_text(
        "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
        "Vienna, 12-13 October 2022\n\n"
        "The meeting will review the implementation of MC.DEC/6/18 and PC.DEC/557.\n",
        encoding="utf-8",
    )
    report = add_documents(writable_store, [doc])
    assert report.documents == ["009_new_agenda"]
    with open_store(writable_store) as kg:
        graphs = dict(kg.named_graphs())
    assert "https://w3id.org/thbgraph/graph/document/009_new_agenda" in graphs
    remove_documents(writable_store, ["009_new_agenda"])
    assert _canonical(writable_store) == before
