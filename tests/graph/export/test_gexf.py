"""GEXF 1.3: valid against the official XSD and read back by networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from lxml import etree

from thbgraph.graph.export import VIEWS, ViewOptions, build_view
from thbgraph.graph.export.gexf import to_gexf


@pytest.fixture(scope="module")
def schema(ids) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(ids.XSD)))


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_validates_and_reads_back(sample_store, schema, view: str) -> None:
    kg = build_view(sample_store, ViewOptions(view=view))
    data = to_gexf(kg)
    doc = etree.fromstring(data)
    assert schema.validate(doc), str(schema.error_log)
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert back.number_of_nodes() == kg.number_of_nodes()
    assert back.number_of_edges() == kg.number_of_edges()
    for node, attrs in kg.nodes(data=True):
        assert back.nodes[node]["label"] == attrs["label"]
        assert back.nodes[node]["type"] == attrs["type"]


def test_gexf_has_timeline_dates_and_no_empty_graph_name(sample_store, ids) -> None:
    data = to_gexf(build_view(sample_store, ViewOptions(view="series")))
    root = etree.fromstring(data)
    ns = {"g": "http://gexf.net/1.3"}
    graph_el = root.find("g:graph", ns)
    assert graph_el.get("name") is None
    assert graph_el.get("timeformat") == "date"
    node = root.find(f"g:graph/g:nodes/g:node[@id='{ids.MEETING_2020}']", ns)
    assert (node.get("start"), node.get("end")) == ("2020-11-03", "2020-11-04")


def test_gexf_refuses_nothing_from_control_characters(ids) -> None:
    kg = nx.MultiDiGraph()
    kg.add_node(ids.MC_DEC_6_18, label="bad\x0bchar", type="commitment")
    etree.fromstring(to_gexf(kg))  # parses: the control character was dropped
