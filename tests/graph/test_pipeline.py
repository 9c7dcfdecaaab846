"""The build: bad documents are skipped with one line, failures keep the previous store, rebuilds are stable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.build import MeetingResolver
from thbgraph.graph.errors import DocumentError, StoreError, ValidationFailed
from thbgraph.graph.pipeline import (
    GRAPH_ONTOLOGY,
    _document_quads,
    _neighbourhood,
    add_documents,
    build_store,
    extract_file,
    remove_documents,
)
from thbgraph.graph.register import load_register
from thbgraph.graph.store import open_store
from thbgraph.graph.vocab import GRAPH_DOCUMENT_PREFIX, GRAPH_REGISTER, GRAPH_RUNS

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
    from thbgraph.graph.build import rdf as build_module

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


MEETING_2021 = "https://w3id.org/thbgraph/id/meeting/2021-11-16-meeting-of-national-anti-trafficking-co-ordinators-and-rappo"


def test_an_added_document_joins_the_meeting_already_in_the_store(
    writable_store: Path, tmp_path: Path
) -> None:
    """Same date, a title worded differently: the store's meeting, not a new one."""
    doc = tmp_path / "010_summary.txt"
    doc.write_text(
        "SUMMARY REPORT\n\n"
        "Meeting of the National Anti-Trafficking Co-ordinators and Rapporteurs of the OSCE region\n\n"
        "Vienna, 16 November 2021\n\n"
        "Participants reviewed the implementation of MC.DEC/6/18 and PC.DEC/557.\n",
        encoding="utf-8",
    )
    add_documents(writable_store, [doc])
    with open_store(writable_store) as kg:
        rows = kg.select(
            "PREFIX thb: <https://w3id.org/thbgraph/ontology#> "
            "SELECT ?m WHERE { ?m thb:describedBy ?d }",
            bindings={"d": ox.NamedNode("https://w3id.org/thbgraph/id/document/010_summary")},
        )
    assert [r["m"] for r in rows] == [MEETING_2021]


def test_removing_an_unknown_document_names_it_and_keeps_the_store(
    writable_store: Path,
) -> None:
    before = _canonical(writable_store)
    with pytest.raises(StoreError, match=r"no such document in the store: nope\.txt .*known: 000_"):
        remove_documents(writable_store, ["nope.txt"])
    assert _canonical(writable_store) == before


def test_the_validation_neighbourhood_is_what_document_graphs_state_about_the_new_subjects(
    built_store: Path, seed_dir: Path
) -> None:
    """Each triple once: the new graph, the register, the ontology, what the other document
    graphs state about the new subjects, and about the nodes those triples name."""
    extraction = extract_file(seed_dir / "002_2e1ad919f53edd39.txt")  # shares the 2020 meeting
    quads, _ = _document_quads([extraction], load_register(), MeetingResolver())
    new_graph = quads[0].graph_name
    with open_store(built_store) as kg:
        got = _neighbourhood(kg, quads)
        static: set[ox.Triple] = set()
        for g in (GRAPH_REGISTER, GRAPH_ONTOLOGY):
            static |= {
                q.triple for q in kg.inner.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))
            }
        others = [
            q.triple
            for q in kg.inner
            if q.graph_name != new_graph
            and isinstance(q.graph_name, ox.NamedNode)  # not the store's copy of the union
            and str(q.graph_name.value).startswith(str(GRAPH_DOCUMENT_PREFIX))
        ]
    subjects = {q.subject for q in quads}
    first = {t for t in others if t.subject in subjects}
    described = subjects | {t.subject for t in static}
    values = {t.object for t in [q.triple for q in quads] + list(first)} - described
    expected = {q.triple for q in quads} | static | first
    expected |= {t for t in others if t.subject in values}
    triples = [q.triple for q in got]
    assert len(triples) == len(set(triples))
    assert set(triples) == expected
    assert first - {q.triple for q in quads}  # another document's facts about the shared meeting


def test_an_added_document_that_does_not_validate_keeps_the_store(
    writable_store: Path, seed_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A negative participant count in the new document's meeting: refused, the store unchanged."""
    from thbgraph.graph.build import rdf as build_module

    before = _canonical(writable_store)
    original = build_module._DocumentWriter.write_meeting

    def negative_counts(self, iri, m):  # type: ignore[no-untyped-def]
        if m.participants_count is not None:
            m.participants_count = -m.participants_count
        return original(self, iri, m)

    monkeypatch.setattr(build_module._DocumentWriter, "write_meeting", negative_counts)
    doc = tmp_path / "011_summary.txt"
    doc.write_text((seed_dir / "004_958b14d90dff92ed.txt").read_text(encoding="utf-8"))
    with pytest.raises(ValidationFailed) as failed:
        add_documents(writable_store, [doc])
    assert "participant" in (failed.value.report or "")
    assert _canonical(writable_store) == before
