"""The whole pipeline on a remote SPARQL server: build through the protocols, then ask cited-by."""

from __future__ import annotations

from pathlib import Path

from thbgraph.graph.pipeline import build_store
from thbgraph.graph.store import open_store
from thbgraph.graph.traceability import cited_by
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
