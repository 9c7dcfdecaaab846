"""Exports of the store built from the bundled seed corpus (the `built_store` fixture)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import igraph
import networkx as nx
import pytest
from lxml import etree

from thbgraph.graph.export import VIEWS, ViewOptions, build_view
from thbgraph.graph.export.gexf import to_gexf
from thbgraph.graph.export.graphml import to_graphml
from thbgraph.graph.store import open_store

CLI = [sys.executable, "-c", "from thbgraph.cli import main; main()"]


def test_citations_of_mc_dec_6_18_hold_the_2020_meeting_and_nothing_from_2003(
    built_store: Path,
) -> None:
    done = subprocess.run(
        [*CLI, "export", "--view", "citations", "--focus", "MC.DEC/6/18", "--depth", "1",
         "--format", "d3", "--store", str(built_store)],
        capture_output=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    meetings = [n for n in doc["nodes"] if n["type"] == "meeting"]
    assert any(n.get("year") == 2020 for n in meetings)
    assert not any(n.get("year") == 2003 or "/2003-" in n["id"] for n in doc["nodes"])
    assert all("MC.DEC/6/18" in link.get("passage", "MC.DEC/6/18") for link in doc["links"])


@pytest.mark.parametrize("view", VIEWS)
def test_corpus_views_validate_as_gexf_and_read_back_as_graphml(
    built_store: Path, tmp_path: Path, ids, view: str
) -> None:
    with open_store(built_store) as store:
        kg = build_view(store, ViewOptions(view=view))
    assert kg.number_of_nodes() > 0
    schema = etree.XMLSchema(etree.parse(str(ids.XSD)))
    data = to_gexf(kg)
    assert schema.validate(etree.fromstring(data)), str(schema.error_log)
    assert nx.read_gexf(io.BytesIO(data), version="1.3").number_of_nodes() == len(kg)
    path = tmp_path / "g.graphml"
    path.write_bytes(to_graphml(kg))
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (kg.number_of_nodes(), kg.number_of_edges())
