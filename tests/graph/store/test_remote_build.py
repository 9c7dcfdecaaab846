"""The whole pipeline on a remote SPARQL server: build through the protocols, then ask cited-by."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbgraph.graph.answers import cited_by
from thbgraph.graph.pipeline import build_store
from thbgraph.graph.store import open_store
from thbgraph.graph.vocab import GRAPH_RUNS


def test_build_on_a_remote_server_answers_like_the_embedded_store(
    oxigraph_server: str, built_store: Path
) -> None:
    report = build_store(Path(oxigraph_server))  # a Path squeezes '//' : it must still work
    assert len(report.documents) == 5
    with open_store(oxigraph_server) as remote, open_store(built_store) as local:
        assert remote.canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)]) == local.canonical_nquads(
            exclude_graphs=[str(GRAPH_RUNS)]
        )
        remote_answer = cited_by(remote, "mc.dec/6/18")
        local_answer = cited_by(local, "MC.DEC/6/18")
    assert remote_answer == local_answer
    assert len(remote_answer["meetings"]) == 1


def test_add_remove_and_load_refuse_a_remote_store_without_writing_locally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They write store generations: on a server they would have made a local folder named 'sparql+http:'."""
    from thbgraph.graph.errors import StoreError
    from thbgraph.graph.pipeline import add_documents, remove_documents
    from thbgraph.graph.store.loader import load_rdf_file

    monkeypatch.chdir(tmp_path)
    remote = Path("sparql+http://127.0.0.1:9/query")
    doc = tmp_path / "a.txt"
    doc.write_text("MC.DEC/6/18", encoding="utf-8")
    rdf = tmp_path / "a.ttl"
    rdf.write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
    for call in (
        lambda: add_documents(remote, [doc]),
        lambda: remove_documents(remote, ["a"]),
        lambda: load_rdf_file(remote, rdf, "http://example.org/g"),
    ):
        with pytest.raises(StoreError, match="embedded store"):
            call()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "a.txt"]
