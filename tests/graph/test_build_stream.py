"""A streamed build (batches of documents) writes the store the whole-graph build wrote.

The reference is the build before streaming, from the same parts: every document extracted, one
meeting resolver over all of them, the quads of every document graph with the register and the
ontology, validated as one graph. The streamed build runs in batches of 16 documents (8 batches,
the extraction in worker processes), so merged meetings, the change feed's rows and the SHACL
results all cross batch boundaries.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph import changes
from thbgraph.graph.build import MeetingResolver
from thbgraph.graph.pipeline import (
    _document_quads,
    _static_quads,
    build_store,
    corpus_files,
    extract_file,
)
from thbgraph.graph.quality.synth import write_corpus
from thbgraph.graph.register import load_register
from thbgraph.graph.store import GraphStore, open_store
from thbgraph.graph.validate import validate_quads
from thbgraph.graph.vocab import GRAPH_RUNS

DOCUMENTS = 120
BATCH = 16


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stream-corpus")
    write_corpus(out, DOCUMENTS, seed=1)
    return out


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, object]:
    """The whole-graph build's canonical N-Quads (without the runs graph) and SHACL counts."""
    register = load_register()
    extractions = [extract_file(p, register) for p in corpus_files(corpus)]
    doc_quads, ids = _document_quads(extractions, register, MeetingResolver())
    static = _static_quads()
    report = validate_quads(static + doc_quads)
    mem = GraphStore(ox.Store())
    mem.inner.extend(static + doc_quads)
    return {
        "nquads": mem.canonical_nquads(),
        "quads": len(static) + len(doc_quads) + len(ids),  # and one runs quad per document
        "ids": ids,
        "counts": report.counts,
    }


def _canonical(store: Path) -> str:
    with open_store(store) as kg:
        return kg.canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)])


def _patch_rows(store: Path) -> list[str]:
    generation = (store / "current").resolve()
    path = changes.patch_path(generation, generation.name)
    assert path is not None
    return gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()


def test_a_streamed_build_writes_the_store_of_the_whole_graph_build(
    corpus: Path, reference: dict[str, object], tmp_path: Path
) -> None:
    report = build_store(tmp_path / "store", corpus=corpus, batch_size=BATCH)
    got = _canonical(tmp_path / "store")
    want = str(reference["nquads"])
    assert got.count("\n") == want.count("\n") > 10_000
    assert hashlib.sha256(got.encode()).hexdigest() == hashlib.sha256(want.encode()).hexdigest()
    assert report.documents == reference["ids"]
    assert report.quads == reference["quads"]
    counts = reference["counts"]
    assert isinstance(counts, dict)
    assert (report.warnings, report.infos) == (counts["Warning"], counts["Info"])
    # the change feed: a new store's patch adds every replicated quad, once, sorted
    rows = _patch_rows(tmp_path / "store")
    added = [r for r in rows if r.startswith("A ")]
    assert len(added) == want.count("\n")
    assert added == sorted(added)
    assert not [r for r in rows if r.startswith("D ")]


def test_a_streamed_rebuild_patches_only_the_document_that_changed(
    corpus: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    build_store(store, corpus=corpus, batch_size=BATCH)
    build_store(store, corpus=corpus, batch_size=BATCH)  # unchanged: an empty patch
    assert [r for r in _patch_rows(store) if r[:2] in ("A ", "D ")] == []
    before = _canonical(store)
    files = corpus_files(corpus)
    changed = files[len(files) // 2]
    changed_copy = tmp_path / "corpus"
    changed_copy.mkdir()
    for f in files:
        text = f.read_text(encoding="utf-8")
        if f == changed:
            text = text[: len(text) // 2]  # half the document: fewer facts
        (changed_copy / f.name).write_text(text, encoding="utf-8")
    build_store(store, corpus=changed_copy, batch_size=BATCH)
    rows = [r for r in _patch_rows(store) if r[:2] in ("A ", "D ")]
    assert rows, "the change is in the patch"
    graph = f"<https://w3id.org/thbgraph/graph/document/{changed.stem}>"
    assert all(r.endswith(f"{graph} .") for r in rows)
    after = _canonical(store)
    assert after != before
    removed = {r[2:-2] for r in rows if r.startswith("D ")}
    added = {r[2:-2] for r in rows if r.startswith("A ")}
    assert (set(before.splitlines()) - set(after.splitlines())) == {r + " ." for r in removed}
    assert (set(after.splitlines()) - set(before.splitlines())) == {r + " ." for r in added}
