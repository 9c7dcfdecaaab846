"""GEXF 1.3 (Gephi), written with lxml so that it validates against the official XSD.

networkx's own writer puts `name=""` on <graph> and a wrong xsi namespace, and stamps today's
date; this writer does neither, so two runs give the same bytes. No viz: elements (the official
1.3 XSD puts them in the wrong namespace); colour by the `type` attribute in Gephi. Nodes with a full date get
`start`/`end` (and the graph `mode="dynamic" timeformat="date"`) for Gephi's timeline.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
from lxml import etree

from ._values import attribute_types, clean_text

__all__ = ["GEXF_NS", "to_gexf"]

GEXF_NS = "http://gexf.net/1.3"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NODE_SPECIAL = {"label"}
_EDGE_SPECIAL = {"weight"}


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean_text(str(value))


def _declare(graph_el: etree._Element, cls: str, types: dict[str, str]) -> None:
    attrs_el = etree.SubElement(graph_el, f"{{{GEXF_NS}}}attributes", {"class": cls})
    for key, kind in types.items():
        etree.SubElement(
            attrs_el, f"{{{GEXF_NS}}}attribute", {"id": key, "title": key, "type": kind}
        )


def _attvalues(parent: etree._Element, data: dict[str, Any], types: dict[str, str]) -> None:
    values = [(k, v) for k, v in data.items() if k in types]
    if not values:
        return
    el = etree.SubElement(parent, f"{{{GEXF_NS}}}attvalues")
    for key, value in values:
        etree.SubElement(el, f"{{{GEXF_NS}}}attvalue", {"for": key, "value": _value(value)})


def to_gexf(kg: nx.Graph) -> bytes:
    """GEXF 1.3 bytes of a (multi)graph, in the graph's node and edge order."""
    node_types = attribute_types(
        {k: v for k, v in d.items() if k not in _NODE_SPECIAL} for _, d in kg.nodes(data=True)
    )
    edge_types = attribute_types(
        {k: v for k, v in d.items() if k not in _EDGE_SPECIAL} for *_, d in kg.edges(data=True)
    )
    dynamic = any(_DATE.match(str(d.get("date", ""))) for _, d in kg.nodes(data=True))

    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS})
    root.set("version", "1.3")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "thbgraph"
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = clean_text(
        str(kg.graph.get("name", "thbgraph"))
    )
    graph_el = etree.SubElement(root, f"{{{GEXF_NS}}}graph")
    graph_el.set("defaultedgetype", "directed" if kg.is_directed() else "undirected")
    graph_el.set("idtype", "string")
    if dynamic:
        graph_el.set("mode", "dynamic")
        graph_el.set("timeformat", "date")
    else:
        graph_el.set("mode", "static")
    _declare(graph_el, "node", node_types)
    _declare(graph_el, "edge", edge_types)

    nodes_el = etree.SubElement(graph_el, f"{{{GEXF_NS}}}nodes", {"count": str(len(kg))})
    for node, data in kg.nodes(data=True):
        el = etree.SubElement(nodes_el, f"{{{GEXF_NS}}}node", {"id": clean_text(str(node))})
        el.set("label", clean_text(str(data.get("label", node))))
        date = str(data.get("date", ""))
        if dynamic and _DATE.match(date):
            el.set("start", date)
            end = str(data.get("end_date", ""))
            if _DATE.match(end) and end >= date:
                el.set("end", end)
        _attvalues(el, data, node_types)

    edges_el = etree.SubElement(
        graph_el, f"{{{GEXF_NS}}}edges", {"count": str(kg.number_of_edges())}
    )
    for i, (u, v, data) in enumerate(kg.edges(data=True)):
        el = etree.SubElement(
            edges_el,
            f"{{{GEXF_NS}}}edge",
            {"id": f"e{i}", "source": clean_text(str(u)), "target": clean_text(str(v))},
        )
        if "weight" in data:
            el.set("weight", repr(float(data["weight"])))
        if "predicate" in data:
            el.set("label", clean_text(str(data["predicate"])))
        _attvalues(el, data, edge_types)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
