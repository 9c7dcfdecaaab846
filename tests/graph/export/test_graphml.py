"""GraphML: read back by an independent reader (python-igraph) and by networkx."""

from __future__ import annotations

import io

import igraph
import networkx as nx
import pytest

from thbgraph.graph.errors import ThbGraphError
from thbgraph.graph.export import VIEWS, ViewOptions, build_view
from thbgraph.graph.export.graphml import to_graphml


@pytest.mark.parametrize("view", VIEWS)
def test_igraph_reads_the_same_graph(sample_store, tmp_path, view: str) -> None:
    kg = build_view(sample_store, ViewOptions(view=view))
    path = tmp_path / f"{view}.graphml"
    path.write_bytes(to_graphml(kg))
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == kg.number_of_nodes()
    assert ig.ecount() == kg.number_of_edges()
    assert sorted(ig.vs["id"]) == sorted(kg.nodes)
    by_id = {v["id"]: v for v in ig.vs}
    for node, attrs in kg.nodes(data=True):
        assert by_id[node]["label"] == attrs["label"]
        assert by_id[node]["type"] == attrs["type"]
        assert by_id[node]["degree"] == attrs["degree"]
    if kg.number_of_edges():
        assert sorted(ig.es["predicate"]) == sorted(d["predicate"] for *_, d in kg.edges(data=True))


def test_networkx_reads_graphml_back(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="full"))
    back = nx.read_graphml(io.BytesIO(to_graphml(kg)))
    assert back.number_of_nodes() == kg.number_of_nodes()
    assert back.number_of_edges() == kg.number_of_edges()
    assert back.nodes[ids.MEETING_2020]["year"] == 2020


def test_graphml_refuses_list_attributes(ids) -> None:
    kg = nx.MultiDiGraph()
    kg.add_node(ids.MC_DEC_6_18, tags=["a", "b"])
    with pytest.raises(ThbGraphError, match="tags"):
        to_graphml(kg)
