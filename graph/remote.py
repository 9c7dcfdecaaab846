"""A graph store on a remote SPARQL 1.1 server (Oxigraph, Fuseki, GraphDB, Virtuoso, Neptune...).

Selected with `--store sparql+http://host:port/path/to/query-endpoint`. Queries go through the
SPARQL 1.1 Protocol; loading goes through the Graph Store HTTP Protocol (PUT/DELETE of named
graphs). The query, update and graph-store endpoints are derived from the query URL for the two
common layouts (Oxigraph: /query, /update, /store; Fuseki: /ds/sparql, /ds/update, /ds/data) and
can be set explicitly with THBGRAPH_UPDATE_URL and THBGRAPH_GSP_URL.

Remote servers cannot bind values the way pyoxigraph does, so bound values are sent as a `VALUES`
block at the start of the query's first WHERE group, each value serialised as an RDF term by
pyoxigraph (never by string formatting of user text), which keeps them out of the query grammar.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import pyoxigraph as ox

from .errors import QueryError, StoreError
from .store import term_from_python, to_python

__all__ = [
    "RemoteEndpoints",
    "RemoteGraphStore",
    "is_remote",
    "parse_remote_location",
    "remote_location",
]

SCHEME = "sparql+"


def remote_location(location: object) -> str | None:
    """The `sparql+http(s)://...` location, also when a Path squeezed '//' to '/'; else None."""
    text = str(location) if location is not None else ""
    for scheme in ("http", "https"):
        squeezed = f"{SCHEME}{scheme}:/"
        if text.startswith(squeezed) and not text.startswith(squeezed + "/"):
            text = squeezed + "/" + text[len(squeezed) :]
    return text if text.startswith((SCHEME + "http://", SCHEME + "https://")) else None


def is_remote(location: object) -> bool:
    """True for a `sparql+http(s)://` store location."""
    return remote_location(location) is not None


@dataclass(frozen=True)
class RemoteEndpoints:
    query: str
    update: str
    gsp: str


def parse_remote_location(location: str) -> RemoteEndpoints:
    """The query/update/graph-store URLs for a `sparql+http://...` location."""
    if not is_remote(location):
        raise StoreError(
            f"not a remote store location: {location!r} (expected sparql+http://host:port/query)"
        )
    query = location[len(SCHEME) :]
    base, _, last = query.rstrip("/").rpartition("/")
    if last == "query":  # Oxigraph server layout
        update, gsp = f"{base}/update", f"{base}/store"
    elif last == "sparql":  # Fuseki layout
        update, gsp = f"{base}/update", f"{base}/data"
    else:
        update, gsp = f"{query.rstrip('/')}/update", f"{query.rstrip('/')}/store"
    return RemoteEndpoints(
        query=query,
        update=os.environ.get("THBGRAPH_UPDATE_URL", update),
        gsp=os.environ.get("THBGRAPH_GSP_URL", gsp),
    )


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


class RemoteGraphStore:
    """The GraphStore interface over HTTP. The default graph of a query is the server's
    union-of-graphs when it offers one; Oxigraph needs `--union-default-graph` (the tests start it so)."""

    def __init__(self, location: str, *, timeout_s: float = 60.0) -> None:
        self.location = location
        self.endpoints = parse_remote_location(location)
        self.client = httpx.Client(timeout=timeout_s, trust_env=False)

    # -- reading ---------------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Any:
        """Run a query on the server; results have the same types as the embedded store's."""
        text = inject_values(sparql, bindings) if bindings else sparql
        params: list[tuple[str, str]] = [("default-graph-uri", g) for g in default_graphs or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        headers = {
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
            "Content-Type": "application/sparql-query; charset=utf-8",
        }
        try:
            resp = self.client.post(
                self.endpoints.query, params=params, content=text.encode(), headers=headers
            )
        except httpx.HTTPError as exc:
            raise StoreError(
                f"cannot reach the SPARQL server at {self.endpoints.query}: {exc}"
            ) from exc
        if resp.status_code == 400:
            raise QueryError(f"the SPARQL server refused the query: {resp.text.strip()[:500]}")
        if resp.status_code >= 400:
            raise StoreError(
                f"the SPARQL server at {self.endpoints.query} answered {resp.status_code}: {resp.text.strip()[:300]}"
            )
        ctype = resp.headers.get("content-type", "").split(";")[0].strip()
        if ctype in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(resp.content, format=ox.QueryResultsFormat.JSON)
        if ctype == "application/sparql-results+xml":
            return ox.parse_query_results(resp.content, format=ox.QueryResultsFormat.XML)
        fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
        return (q.triple for q in ox.parse(resp.content, format=fmt))

    def select(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        result = self.query(sparql, bindings=bindings)
        names = [v.value for v in result.variables]
        return [{n: to_python(sol[n]) for n in names} for sol in result]

    def named_graphs(self) -> list[tuple[str, int]]:
        rows = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return sorted((r["g"].value, int(r["n"].value)) for r in rows)

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0]["n"].value) if rows else 0

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS, *, graph: str | None = None) -> bytes:
        quads = self._quads(graph)
        return ox.serialize(quads, format=fmt) or b""

    def _quads(self, graph: str | None = None) -> list[ox.Quad]:
        if graph is None:
            q = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
            return [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in self.query(q)]
        rows = self.query(
            "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", bindings={"g": ox.NamedNode(graph)}
        )
        return [ox.Quad(r["s"], r["p"], r["o"], ox.NamedNode(graph)) for r in rows]

    def canonical_nquads(self, *, exclude_graphs: Iterable[str] = ()) -> str:
        skip = set(exclude_graphs)
        lines = sorted(
            f"{q.subject} {q.predicate} {q.object} {q.graph_name} ."
            for q in self._quads()
            if q.graph_name.value not in skip
        )
        return "\n".join(lines) + ("\n" if lines else "")

    # -- writing ---------------------------------------------------------------------------------
    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph (Graph Store Protocol PUT)."""
        self._gsp("PUT", graph, content=ntriples, headers={"Content-Type": "application/n-triples"})

    def delete_graph(self, graph: str) -> None:
        """Remove one named graph (a missing graph is not an error)."""
        self._gsp("DELETE", graph, ok=(404,))

    def replace_all(self, quads: Iterable[ox.Quad]) -> None:
        """Make the server hold exactly these quads' named graphs (others of ours are dropped)."""
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in quads:
            if not isinstance(q.graph_name, ox.NamedNode):
                raise StoreError(
                    "remote stores take named graphs only; the builder writes no default-graph triples"
                )
            by_graph.setdefault(q.graph_name.value, []).append(q.triple)
        for g, _ in self.named_graphs():
            if g not in by_graph:
                self.delete_graph(g)
        for g, triples in sorted(by_graph.items()):
            self.put_graph(g, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")

    def _gsp(self, method: str, graph: str, *, ok: tuple[int, ...] = (), **kwargs: Any) -> None:
        try:
            resp = self.client.request(
                method, self.endpoints.gsp, params={"graph": graph}, **kwargs
            )
        except httpx.HTTPError as exc:
            raise StoreError(
                f"cannot reach the graph store at {self.endpoints.gsp}: {exc}"
            ) from exc
        if resp.status_code >= 400 and resp.status_code not in ok:
            raise StoreError(
                f"the graph store at {self.endpoints.gsp} answered {resp.status_code} to {method} {graph}: {resp.text.strip()[:300]}"
            )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> RemoteGraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
