"""The evidence index: the document answer and an entity's evidence read from per-generation rows
equal the named queries' rows and the answers computed without the index, after build, add and
remove."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph import answers
from thbgraph.graph.answers.evidence import (
    EVIDENCE_FILE,
    build_evidence,
    document_evidence,
    entity_evidence,
)
from thbgraph.graph.errors import UnknownEntityError
from thbgraph.graph.pipeline import add_documents, remove_documents
from thbgraph.graph.queries import run_named
from thbgraph.graph.store import open_store

AGENDA = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators of Zembla\n\n"
    "Vienna, 12-13 October 2022\n\n"
    "The meeting will review the implementation of MC.DEC/6/18 and CETS No. 197.\n"
    "Opening remarks by Ms Jana Novakova, Special Representative of Zembla.\n"
)


def _kept(path: Path) -> tuple[set[str], set[str]]:
    """The documents and entities an index file holds rows for."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        docs = {d for (d,) in conn.execute("SELECT document FROM doc")}
        ents = {e for (e,) in conn.execute("SELECT DISTINCT entity FROM ent")}
    finally:
        conn.close()
    return docs, ents


def _every_source(store: object) -> set[str]:
    rows = store.select(  # type: ignore[attr-defined]
        "SELECT DISTINCT ?d WHERE { ?t <http://www.w3.org/ns/oa#hasSource> ?d }"
    )
    return {str(r["d"]) for r in rows}


def _assert_index_equals_queries(store_path: Path) -> tuple[set[str], set[str]]:
    """Every document's and every entity's rows from the index equal the query's, in order."""
    with open_store(store_path) as store:
        path = store.generation / EVIDENCE_FILE  # type: ignore[operator]
        assert path.exists()
        docs, ents = _kept(path)
        assert docs == _every_source(store)
        for d in sorted(docs):
            assert document_evidence(store, d) == run_named(
                store, "document_evidence", document=ox.NamedNode(d)
            ), d
        assert len(ents) > len(docs)
        for e in sorted(ents):
            assert entity_evidence(store, e) == run_named(
                store, "entity_evidence", entity=ox.NamedNode(e)
            ), e
        # an IRI nothing is said of has no rows, in the index as in the query
        nobody = "https://w3id.org/thbgraph/id/nobody"
        assert (
            entity_evidence(store, nobody)
            == []
            == run_named(store, "entity_evidence", entity=ox.NamedNode(nobody))
        )
    return docs, ents


def _answers(store_path: Path, docs: set[str], ents: set[str]) -> dict[str, object]:
    with open_store(store_path) as store:
        out: dict[str, object] = {}
        for d in sorted(docs):
            doc_id = d.rsplit("/", 1)[1]
            out[d] = (answers.document(store, doc_id), answers.document_reader(store, doc_id))
        actors = [a["iri"] for a in answers.actors(store)][:5]  # type: ignore[arg-type]
        for e in sorted(ents)[:60] + actors:
            out[e] = answers.describe(store, e)
        return out


def _without_index(store_path: Path, tmp: Path) -> Path:
    """A copy of the store whose current generation has no evidence index (answered by query)."""
    copy = tmp / f"no-index-{len(list(tmp.iterdir()))}"
    shutil.copytree(store_path, copy, symlinks=True)
    (copy / "current" / EVIDENCE_FILE).unlink()
    return copy


def test_the_build_writes_the_index_equal_to_the_queries(built_store: Path) -> None:
    _docs, ents = _assert_index_equals_queries(built_store)
    assert any("/person/" in e for e in ents) and any("/commitment/" in e for e in ents)


def test_the_answers_with_the_index_equal_the_answers_computed_without_it(
    built_store: Path, tmp_path: Path
) -> None:
    docs, ents = _kept(built_store / "current" / EVIDENCE_FILE)
    plain = _without_index(built_store, tmp_path)
    assert _answers(built_store, docs, ents) == _answers(plain, docs, ents)


def test_add_and_remove_keep_the_index_equal_to_the_queries_and_a_rebuilt_one(
    writable_store: Path, tmp_path: Path
) -> None:
    doc = tmp_path / "009_new_agenda.txt"
    doc.write_text(AGENDA, encoding="utf-8")
    before, _ = _kept(writable_store / "current" / EVIDENCE_FILE)
    add_documents(writable_store, [doc])
    docs, ents = _assert_index_equals_queries(writable_store)
    added = docs - before
    assert len(added) == 1 and next(iter(added)).endswith("009_new_agenda")
    with open_store(writable_store) as store:
        new = answers.document(store, "009_new_agenda")
        assert any("MC.DEC/6/18" in s["quote"] for s in new["spans"])
        commitment = "https://w3id.org/thbgraph/id/commitment/mc-dec-6-18"
        cited = [e["document"] for e in answers.describe(store, commitment)["evidence"]]
        assert next(iter(added)) in cited
        rebuilt = sqlite3.connect(":memory:")
        build_evidence(store, rebuilt)  # type: ignore[arg-type]
    kept = sqlite3.connect(str(writable_store / "current" / EVIDENCE_FILE))
    for table in ("doc", "ent"):
        assert sorted(kept.execute(f"SELECT * FROM {table}")) == sorted(
            rebuilt.execute(f"SELECT * FROM {table}")
        )
    kept.close()
    plain = _without_index(writable_store, tmp_path)
    assert _answers(writable_store, docs, ents) == _answers(plain, docs, ents)

    remove_documents(writable_store, ["009_new_agenda"])
    docs, ents = _assert_index_equals_queries(writable_store)
    assert docs == before
    remove_documents(writable_store, ["004_958b14d90dff92ed"])
    docs, ents = _assert_index_equals_queries(writable_store)
    assert not any(d.endswith("004_958b14d90dff92ed") for d in docs)
    plain = _without_index(writable_store, tmp_path)
    assert _answers(writable_store, docs, ents) == _answers(plain, docs, ents)


def test_the_limit_keeps_the_querys_first_rows(built_store: Path) -> None:
    with open_store(built_store) as store:
        _docs, ents = _kept(store.generation / EVIDENCE_FILE)  # type: ignore[operator]
        widest = max(ents, key=lambda e: len(entity_evidence(store, e)))
        every = run_named(store, "entity_evidence", entity=ox.NamedNode(widest))
        assert len(every) > 3
        assert entity_evidence(store, widest, 3) == every[:3]


@pytest.mark.parametrize("missing", ["document/no_such_document"])
def test_an_unknown_document_is_still_an_unknown_entity(built_store: Path, missing: str) -> None:
    with open_store(built_store) as store, pytest.raises(UnknownEntityError):
        answers.document(store, missing.removeprefix("document/"))
