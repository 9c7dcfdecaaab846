"""Cytoscape.js JSON, D3 node-link JSON, Graphviz DOT and the CSV zip."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile

import pytest

from thbgraph.graph.export import VIEWS, ViewOptions, build_view
from thbgraph.graph.export.csv import to_csv_zip
from thbgraph.graph.export.cytoscape import to_cytoscape
from thbgraph.graph.export.d3 import to_d3
from thbgraph.graph.export.dot import to_dot


@pytest.mark.parametrize("view", VIEWS)
def test_cytoscape_ids_unique_and_edge_ends_exist(sample_store, view: str) -> None:
    kg = build_view(sample_store, ViewOptions(view=view))
    doc = json.loads(to_cytoscape(kg))
    nodes = [n["data"] for n in doc["elements"]["nodes"]]
    edges = [e["data"] for e in doc["elements"]["edges"]]
    ids = [d["id"] for d in nodes + edges]
    assert len(ids) == len(set(ids))
    node_ids = {d["id"] for d in nodes}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in edges)
    assert (len(nodes), len(edges)) == (kg.number_of_nodes(), kg.number_of_edges())


def test_d3_uses_links(sample_store) -> None:
    kg = build_view(sample_store, ViewOptions(view="citations"))
    doc = json.loads(to_d3(kg))
    assert "links" in doc and "edges" not in doc
    assert len(doc["links"]) == kg.number_of_edges()
    node_ids = {n["id"] for n in doc["nodes"]}
    assert all(link["source"] in node_ids and link["target"] in node_ids for link in doc["links"])


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
@pytest.mark.parametrize("view", VIEWS)
def test_dot_round_trips_node_count_and_renders_svg(sample_store, view: str) -> None:
    kg = build_view(sample_store, ViewOptions(view=view))
    data = to_dot(kg)
    parsed = subprocess.run(["dot", "-Tjson"], input=data, capture_output=True, check=True)
    objects = json.loads(parsed.stdout).get("objects", [])
    assert len(objects) == kg.number_of_nodes()
    assert {o["iri"] for o in objects} == set(kg.nodes)
    svg = subprocess.run(["dot", "-Tsvg"], input=data, capture_output=True, check=True)
    assert b"<svg" in svg.stdout
    assert b"Warning" not in svg.stderr and b"Error" not in svg.stderr


def test_csv_zip_round_trip(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="citations"))
    with zipfile.ZipFile(io.BytesIO(to_csv_zip(kg))) as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = list(csv.DictReader(io.StringIO(zf.read("nodes.csv").decode("utf-8"))))
        edges = list(csv.DictReader(io.StringIO(zf.read("edges.csv").decode("utf-8"))))
    assert [r["Id"] for r in nodes] == list(kg.nodes)
    by_id = {r["Id"]: r for r in nodes}
    assert by_id[ids.MC_DEC_6_18]["Label"] == "MC.DEC/6/18"
    assert len(edges) == kg.number_of_edges()
    cites = [e for e in edges if e["Target"] == ids.MC_DEC_6_18]
    assert cites[0]["Weight"] == "2.0" and "MC.DEC/6/18" in cites[0]["passage"]


def test_dot_sets_a_layout_direction(sample_store) -> None:
    kg = build_view(sample_store, ViewOptions(view="citations", metrics=False))
    assert 'rankdir="LR"' in to_dot(kg).decode()
    assert 'rankdir="TB"' in to_dot(kg, rankdir="TB").decode()
