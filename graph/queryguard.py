"""Inspect a SPARQL query before it runs: its form, its dataset clauses, and what is refused.

The public endpoint is read-only and must never make a request of its own: both rdflib and
pyoxigraph execute `SERVICE` by default (an SSRF hole), and a `FROM <http://...>` must never be
fetched. This module reads the query's tokens (comments, strings and IRIs skipped, prefixed names
resolved) so that a keyword inside a string or an IRI never fools it, and refuses updates and
`SERVICE` before anything is executed. Before the scan, queryparse.check_parsed measures the
query (length, depth, triple patterns) and decides on rdflib's full SPARQL 1.1 parse tree, failing
closed: what that parser cannot read is refused. Both lines must accept a query.

The full parse is pure Python and takes up to seconds for a long query: a server calls
`inspect_query(text, parse=False)` (limits and the token scan only, milliseconds) and leaves the
parse to the query worker, which runs `check_parsed` before the engine sees the text
(api/_worker.py), under the worker's time and memory limits and off the server's GIL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import QueryError
from .queryparse import QueryLimits, check_parsed, measure
from .sparql_lexer import SPARQL_TOKEN as _TOKEN

__all__ = ["QueryInfo", "inspect_query"]

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)



@dataclass(frozen=True)
class QueryInfo:
    """What the guard learnt about an accepted query."""

    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    from_graphs: list[str] = field(default_factory=list)
    from_named_graphs: list[str] = field(default_factory=list)

    @property
    def is_graph_result(self) -> bool:
        """CONSTRUCT and DESCRIBE answer with RDF; SELECT and ASK with result sets."""
        return self.form in {"CONSTRUCT", "DESCRIBE"}


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every meaningful token; whitespace and comments dropped."""
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in {"ws", "comment"}:
            continue
        out.append((kind, m.group()))
    return out


def _resolve(kind: str, value: str, prefixes: dict[str, str], base: str) -> str:
    """The IRI a token denotes (an IRIREF or a prefixed name); '' if it cannot be known."""
    if kind == "iri":
        iri = value[1:-1]
        if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", iri):
            return base + iri
        return iri
    if kind == "pname":
        prefix, _, local = value.partition(":")
        ns = prefixes.get(prefix)
        return ns + local.replace("\\", "") if ns is not None else ""
    return ""


def inspect_query(text: str, *, parse: bool = True) -> QueryInfo:
    """Classify a query and list its FROM / FROM NAMED graphs; refuse updates and SERVICE.

    Raises QueryError naming what is refused (or which limit); unparsable text is refused.
    With `parse=False` only the limits and the token scan run here: the caller must have the
    full parse (`check_parsed`) done where the query runs, before the engine sees it.
    """
    if not text or not text.strip():
        raise QueryError("the query is empty: send a SPARQL query in the `query` parameter")
    if parse:
        check_parsed(text)
    else:
        measure(text, QueryLimits())
    toks = _tokens(_unescape(text))
    prefixes: dict[str, str] = {}
    base = ""
    i = 0
    # Prologue: BASE and PREFIX declarations.
    while i < len(toks):
        kind, val = toks[i]
        up = val.upper() if kind == "word" else ""
        if up == "BASE" and i + 1 < len(toks):
            base = _resolve(*toks[i + 1], prefixes, base)
            i += 2
        elif up == "PREFIX" and i + 2 < len(toks):
            pname = toks[i + 1][1]
            prefixes[pname.rstrip(":").split(":")[0]] = _resolve(*toks[i + 2], prefixes, base)
            i += 3
        else:
            break
    first = toks[i][1].upper() if i < len(toks) and toks[i][0] == "word" else ""
    if first in UPDATE_KEYWORDS:
        raise QueryError(
            f"SPARQL Update ({first}) is refused: this endpoint is read-only; "
            "send a SELECT, ASK, CONSTRUCT or DESCRIBE query"
        )
    form = first if first in QUERY_FORMS else ""
    from_graphs: list[str] = []
    from_named: list[str] = []
    for j in range(i, len(toks)):
        kind, val = toks[j]
        if kind != "word":
            continue
        up = val.upper()
        if up == "SERVICE":
            raise QueryError(
                "SERVICE is refused: this endpoint never sends requests to other endpoints "
                "(federated queries are disabled); run the remote part against its own endpoint"
            )
        if up in UPDATE_KEYWORDS and j > i and _looks_like_update(toks, j):
            raise QueryError(f"SPARQL Update ({up}) is refused: this endpoint is read-only")
        if up == "FROM" and j + 1 < len(toks):
            named = toks[j + 1][0] == "word" and toks[j + 1][1].upper() == "NAMED"
            k = j + 2 if named else j + 1
            if k < len(toks):
                iri = _resolve(*toks[k], prefixes, base)
                if not iri:
                    raise QueryError(f"FROM needs an IRI, got {toks[k][1]!r}")
                (from_named if named else from_graphs).append(iri)
    if not form:
        # Not a query form: let the engine produce the syntax error with its position,
        # unless it is obviously an update (handled above).
        form = "SELECT"
    return QueryInfo(form=form, from_graphs=from_graphs, from_named_graphs=from_named)


def _unescape(text: str) -> str:
    """Apply SPARQL's \\uXXXX / \\UXXXXXXXX codepoint escapes, so an escaped keyword is seen."""
    return re.sub(
        r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
        lambda m: chr(min(int(m.group(1) or m.group(2), 16), 0x10FFFF)),
        text,
    )


def _looks_like_update(toks: list[tuple[str, str]], j: int) -> bool:
    """An update keyword after `;` (a second operation of an update request)."""
    return j > 0 and toks[j - 1][1] == ";"
