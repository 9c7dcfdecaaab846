"""D3 node-link JSON with a `links` key (networkx >= 3.4 writes `edges` unless told otherwise)."""

from __future__ import annotations

import json

import networkx as nx

__all__ = ["to_d3"]


def to_d3(kg: nx.Graph) -> bytes:
    """{"nodes": [{"id": ...}], "links": [{"source", "target", "key", ...}], ...} as UTF-8 bytes."""
    data = nx.node_link_data(kg, edges="links")
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
