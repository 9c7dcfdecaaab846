"""Values bound to a query's variables as a VALUES block of serialised RDF terms, never pasted text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..errors import QueryError
from .terms import term_from_python

__all__ = ["inject_values"]

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_TOKEN_SKIP = re.compile(r"""#[^\n]*|<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")


_GRAPH_GROUP = re.compile(r"\s*GRAPH\s+[?$][A-Za-z_][A-Za-z0-9_]*\s*\{", re.IGNORECASE)


def _values_block(bindings: Mapping[str, Any]) -> str:
    items = [(k, v) for k, v in bindings.items() if v is not None]
    for k, _ in items:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k):
            raise QueryError(f"cannot bind {k!r}: not a SPARQL variable name")
    if not items:
        return ""
    many = [k for k, v in items if isinstance(v, list | tuple | set)]
    if many:
        if len(items) != 1:
            raise QueryError(
                "a list of values can only be bound to a query's single bound variable"
            )
        k, values = items[0]
        rows = " ".join(f"({term_from_python(v)})" for v in sorted(values, key=str))
        return f"VALUES (?{k}) {{ {rows} }} "
    return (
        "VALUES ("
        + " ".join(f"?{k}" for k, _ in items)
        + ") { ("
        + " ".join(str(term_from_python(v)) for _, v in items)
        + ") } "
    )


def inject_values(sparql: str, bindings: Mapping[str, Any]) -> str:
    """The query with a VALUES block for the bound variables at the start of its first WHERE group.

    A list of values bound to one variable gives one row each. When the WHERE group opens with
    `GRAPH ?g {`, the block goes inside it (the same answers; engines plan it better there).
    """
    block = _values_block(bindings)
    if not block:
        return sparql
    # find the first WHERE { that is not inside a comment, IRI or string
    masked = _TOKEN_SKIP.sub(lambda m: " " * len(m.group(0)), sparql)
    match = _WHERE.search(masked)
    if match is None:
        brace = masked.find("{")
        if brace < 0:
            raise QueryError("cannot bind values: the query has no group pattern")
        pos = brace + 1
    else:
        pos = match.end()
    inner = _GRAPH_GROUP.match(masked, pos)
    if inner is not None:
        pos = inner.end()
    return sparql[:pos] + " " + block + sparql[pos:]
