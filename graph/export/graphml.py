"""GraphML (yEd, Gephi, Cytoscape, igraph) written by networkx with NMTOKEN-safe scalar attributes."""

from __future__ import annotations

import io

import networkx as nx

from ..errors import ThbGraphError

__all__ = ["to_graphml"]


def to_graphml(kg: nx.Graph) -> bytes:
    """GraphML bytes; refuses list or None attributes, which GraphML cannot hold."""
    for _, data in kg.nodes(data=True):
        _check(data)
    for *_, data in kg.edges(data=True):
        _check(data)
    buf = io.BytesIO()
    nx.write_graphml_xml(kg, buf, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    return buf.getvalue()


def _check(data: dict[str, object]) -> None:
    for key, value in data.items():
        if value is None or isinstance(value, list | tuple | set | dict):
            raise ThbGraphError(
                f"GraphML export: attribute {key!r} holds {type(value).__name__}; only scalars fit"
            )
