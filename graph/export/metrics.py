"""Node metrics computed with networkx: degree, weighted degree, betweenness, community.

- `degree`: number of incident edges (each predicate or role counts once).
- `weighted_degree`: sum of the incident edges' `weight`.
- `betweenness`: normalised betweenness centrality of the undirected simple graph; exact up to
  `EXACT_BETWEENNESS_MAX` nodes, else estimated from `BETWEENNESS_SAMPLES` sources (seed 0).
- `community`: Louvain communities (networkx `louvain_communities`, weight `weight`, resolution 1,
  seed 0) of the undirected simple graph, numbered 0, 1, ... by decreasing size, ties by smallest id.
All are deterministic: the same graph gives the same numbers.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["BETWEENNESS_SAMPLES", "EXACT_BETWEENNESS_MAX", "add_metrics"]

EXACT_BETWEENNESS_MAX = 1000
BETWEENNESS_SAMPLES = 64


def _simple(kg: nx.Graph) -> nx.Graph:
    """The undirected simple graph with summed weights, nodes inserted in sorted order."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(kg.nodes))
    for u, v, data in sorted(kg.edges(data=True), key=lambda e: (e[0], e[1])):
        if u == v:
            continue
        w = float(data.get("weight", 1.0))
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w)
    return simple


def add_metrics(kg: nx.Graph) -> None:
    """Set degree, weighted_degree, betweenness and community on every node of `kg`."""
    if kg.number_of_nodes() == 0:
        return
    simple = _simple(kg)
    n = simple.number_of_nodes()
    if n <= EXACT_BETWEENNESS_MAX:
        betweenness = nx.betweenness_centrality(simple, normalized=True)
    else:
        betweenness = nx.betweenness_centrality(
            simple, k=BETWEENNESS_SAMPLES, normalized=True, seed=0
        )
    communities = nx.community.louvain_communities(simple, weight="weight", seed=0)
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    community = {node: i for i, members in enumerate(ordered) for node in members}
    for node, data in kg.nodes(data=True):
        data["degree"] = int(kg.degree(node))
        data["weighted_degree"] = round(float(kg.degree(node, weight="weight")), 6)
        data["betweenness"] = round(float(betweenness.get(node, 0.0)), 6)
        data["community"] = community[node]
