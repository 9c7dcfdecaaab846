"""Attribute values made safe for every format: scalars only, XML-legal text, one type per key."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["TYPE_COLOURS", "attribute_types", "clean_text", "colour_of"]

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# One colour per node type, shared by DOT, GEXF (viz:color) and the browser page.
TYPE_COLOURS = {
    "meeting": "#1f77b4",
    "agenda-item": "#aec7e8",
    "document": "#7f7f7f",
    "commitment": "#d62728",
    "article": "#ff9896",
    "publication": "#2ca02c",
    "organisation": "#ff7f0e",
    "person": "#9467bd",
    "post": "#c5b0d5",
    "country": "#8c564b",
    "series": "#17becf",
    "topic": "#bcbd22",
    "place": "#c49c94",
    "action": "#e377c2",
    "reference": "#dbdb8d",
}
_DEFAULT_COLOUR = "#999999"


def colour_of(node_type: str | None) -> str:
    """The hex colour of a node type."""
    return TYPE_COLOURS.get(node_type or "", _DEFAULT_COLOUR)


def clean_text(value: str) -> str:
    """Text without the control characters XML 1.0 forbids."""
    return _XML_ILLEGAL.sub("", value)


def attribute_types(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The type of each attribute key over all rows: 'boolean', 'long', 'double' or 'string'."""
    seen: dict[str, set[str]] = {}
    for row in rows:
        for key, value in row.items():
            if isinstance(value, bool):
                kind = "boolean"
            elif isinstance(value, int):
                kind = "long"
            elif isinstance(value, float):
                kind = "double"
            else:
                kind = "string"
            seen.setdefault(key, set()).add(kind)
    out = {}
    for key, kinds in sorted(seen.items()):
        if len(kinds) == 1:
            out[key] = kinds.pop()
        elif kinds <= {"long", "double"}:
            out[key] = "double"
        else:
            out[key] = "string"
    return out
