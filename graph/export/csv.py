"""Spreadsheet export: a zip of nodes.csv and edges.csv with Gephi's column names (Id, Label,
Source, Target, Type, Weight), the other attributes as further columns."""

from __future__ import annotations

import csv as _csv
import io
import zipfile
from typing import Any

import networkx as nx

from ._values import clean_text

__all__ = ["to_csv_zip"]

_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed zip timestamps: the same graph gives the same bytes


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean_text(str(value))


def _table(header: list[str], rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = _csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row[h]) if h in row else "" for h in header])
    return buf.getvalue().encode("utf-8")


def to_csv_zip(kg: nx.Graph) -> bytes:
    """Zip bytes holding nodes.csv and edges.csv."""
    node_rows = [{"Id": str(n), "Label": d.get("label", n), **d} for n, d in kg.nodes(data=True)]
    for row in node_rows:
        row.pop("label", None)
    node_keys = sorted({k for r in node_rows for k in r} - {"Id", "Label"})
    edge_type = "Directed" if kg.is_directed() else "Undirected"
    edge_rows = []
    for i, (u, v, d) in enumerate(kg.edges(data=True)):
        row = {"Source": str(u), "Target": str(v), "Type": edge_type, "Id": f"e{i}"}
        row["Label"] = d.get("predicate", "")
        row["Weight"] = d.get("weight", 1.0)
        row.update({k: val for k, val in d.items() if k != "weight"})
        edge_rows.append(row)
    fixed = ["Source", "Target", "Type", "Id", "Label", "Weight"]
    edge_keys = sorted({k for r in edge_rows for k in r} - set(fixed))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in (
            ("nodes.csv", _table(["Id", "Label", *node_keys], node_rows)),
            ("edges.csv", _table([*fixed, *edge_keys], edge_rows)),
        ):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()
