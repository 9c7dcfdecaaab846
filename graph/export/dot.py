"""Graphviz DOT: opaque node ids (n0, n1...) with the IRI as an attribute, every string quoted.

An IRI used as a DOT id would be cut at its ':' (port syntax) and merge nodes, hence the opaque ids.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ._values import clean_text, colour_of

__all__ = ["RANKDIRS", "to_dot"]


def _quote(value: Any) -> str:
    text = clean_text(str(value)).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r", " ").replace("\n", "\\n") + '"'


def _attrs(items: dict[str, Any]) -> str:
    return ", ".join(f"{key}={_quote(value)}" for key, value in items.items())


RANKDIRS = ("LR", "TB", "RL", "BT")


def to_dot(kg: nx.Graph, rankdir: str = "LR") -> bytes:
    """DOT bytes: nodes filled with the colour of their type, edges labelled with the predicate;
    `rankdir` is the layout direction (left to right by default: labels read along the edges)."""
    if rankdir not in RANKDIRS:
        raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {rankdir!r}")
    directed = kg.is_directed()
    ids = {node: f"n{i}" for i, node in enumerate(kg.nodes)}
    lines = [
        f"{'digraph' if directed else 'graph'} {_quote(kg.graph.get('name', 'thbgraph'))} {{",
        f'  graph [rankdir="{rankdir}", overlap="false", splines="true"];',
        '  node [shape="box", style="rounded,filled", fontname="Helvetica"];',
    ]
    for node, data in kg.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("label", "iri")}
        shown = {
            "label": data.get("label", node),
            "iri": node,
            "fillcolor": colour_of(data.get("type")),
            **attrs,
        }
        lines.append(f"  {ids[node]} [{_attrs(shown)}];")
    arrow = "->" if directed else "--"
    for u, v, data in kg.edges(data=True):
        attrs = dict(data)
        weight = float(attrs.pop("weight", 1.0))
        shown = {"label": attrs.get("predicate", ""), **attrs, "weight": max(0, round(weight))}
        lines.append(f"  {ids[u]} {arrow} {ids[v]} [{_attrs(shown)}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")
