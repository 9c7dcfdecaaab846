"""Python values and pyoxigraph terms, both ways: how bound values enter a query and results leave it."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

__all__ = ["term_from_python", "to_python"]


def term_from_python(value: Any) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A pyoxigraph term for a bound value: pyoxigraph/rdflib terms pass through, str becomes a literal."""
    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    # rdflib terms, without importing rdflib here
    cls = type(value).__name__
    if cls == "URIRef":
        return ox.NamedNode(str(value))
    if cls == "Literal":
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, bool):
        return ox.Literal(
            "true" if value else "false",
            datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"),
        )
    if isinstance(value, int):
        return ox.Literal(
            str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        )
    return ox.Literal(str(value))


def to_python(term: Any) -> Any:
    """A plain Python value for a pyoxigraph term (IRIs and strings as str, numbers as numbers)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#nonNegativeInteger", "#int", "#long", "#positiveInteger")):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if dt.endswith(("#decimal", "#double", "#float")):
            try:
                return float(term.value)
            except ValueError:
                return term.value
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value
