"""Cytoscape.js elements JSON (also opened by Cytoscape desktop as .cyjs)."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

__all__ = ["cytoscape_elements", "to_cytoscape"]


def cytoscape_elements(kg: nx.Graph) -> dict[str, Any]:
    """{"data": graph attributes, "elements": {"nodes": [...], "edges": [...]}}; edge ids e0, e1..."""
    nodes = [{"data": {"id": str(n), **data}} for n, data in kg.nodes(data=True)]
    edges = []
    for i, (u, v, data) in enumerate(kg.edges(data=True)):
        edges.append({"data": {"id": f"e{i}", "source": str(u), "target": str(v), **data}})
    return {
        "format_version": "1.0",
        "generated_by": "thbgraph",
        "target_cytoscapejs_version": "~3",
        "data": {**kg.graph, "directed": kg.is_directed()},
        "elements": {"nodes": nodes, "edges": edges},
    }


def to_cytoscape(kg: nx.Graph) -> bytes:
    """The elements JSON as UTF-8 bytes, keys sorted."""
    return json.dumps(cytoscape_elements(kg), ensure_ascii=False, sort_keys=True).encode("utf-8")
