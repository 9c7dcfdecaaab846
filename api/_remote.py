"""User SPARQL queries and dumps when the served store is a remote SPARQL server.

The endpoint's guards run before this (api/sparql.py: updates and SERVICE refused); here a
`FROM` naming a graph the server does not hold is refused (so the server is never asked to fetch
it), and the answer is re-serialised by the same code as for the embedded store, stopping at the
result cap. The HTTP client's timeout is the query time limit (see api/local.py).

The client that answers for a remote store is pinned to that store (`pin_to_store`): a request to
any other scheme, host or port than the store's own query, update and Graph Store URLs is refused
before it is sent, so that nothing (a redirect, an auth flow, a future bug) makes the server an
open proxy into the network around it.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..graph.errors import QueryError, StoreError
from ..graph.queries import load_query
from ..graph.store import RemoteGraphStore
from ._results import PREFIXES, RDF_FORMATS, ResultTooLarge, serialize_boolean, serialize_solutions

__all__ = ["pin_to_store", "remote_dump", "remote_sparql"]

_PORTS = {"http": 80, "https": 443}


def _origin(scheme: str, host: str, port: int | None) -> tuple[str, str, int]:
    return (scheme.lower(), host.lower().strip("[]"), port or _PORTS.get(scheme.lower(), 0))


def pin_to_store(store: RemoteGraphStore) -> RemoteGraphStore:
    """Let `store`'s HTTP client reach the store's own origins only (once per client)."""
    from urllib.parse import urlsplit

    client = store.client
    if getattr(client, "_thbgraph_pinned", False):
        return store
    urls = (store.endpoints.query, store.endpoints.update, store.endpoints.gsp)
    allowed = set()
    for url in urls:
        parts = urlsplit(url)
        allowed.add(_origin(parts.scheme, parts.hostname or "", parts.port))
    shown = ", ".join(sorted(f"{s}://{h}:{p}" for s, h, p in allowed))

    def only_the_store(request: Any) -> None:
        url = request.url
        origin = _origin(url.scheme, url.host, url.port)
        if origin not in allowed:
            raise StoreError(
                f"refused a request to {origin[0]}://{origin[1]}:{origin[2]}: the server "
                f"connects only to its store ({shown})"
            )

    client.event_hooks["request"] = [*client.event_hooks["request"], only_the_store]
    setattr(client, "_thbgraph_pinned", True)  # noqa: B010 (an httpx object)
    return store


def _query(name: str) -> str:
    return load_query(name)  # graph/queries/<name>.rq, cached


def _term(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "iri":
        return ox.NamedNode(value[1])
    return value


def _serialize_triples(triples: Any, fmt: str, max_rows: int) -> bytes:

    rdf_format = RDF_FORMATS.get(fmt)
    if rdf_format is None:
        raise QueryError(f"{fmt!r} is not a graph result format")
    out: list[ox.Triple] = []
    for t in triples:
        if len(out) >= max_rows:
            raise ResultTooLarge(
                f"the result has more than {max_rows} triples (the endpoint's max_results "
                "limit): add a LIMIT or narrow the query"
            )
        out.append(t)
    prefixes = PREFIXES if rdf_format in {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG} else None
    return ox.serialize(out, format=rdf_format, prefixes=prefixes) or b""


def _has_graph(store: RemoteGraphStore, iri: str) -> bool:
    return bool(store.query(_query("graph_exists"), bindings={"g": ox.NamedNode(iri)}))


def remote_sparql(store: RemoteGraphStore, req: dict[str, Any]) -> bytes:
    """Run a protocol query on the server and serialise its answer in the requested format."""
    query = req["query"]
    from_graphs = [*(req.get("from_graphs") or []), *(req.get("from_named_graphs") or [])]
    for iri in from_graphs:
        if not _has_graph(store, iri):
            raise QueryError(
                f"FROM <{iri}> names no graph of this store; the endpoint never fetches "
                "remote data (list the graphs with GET /store)"
            )
    if req.get("base_iri"):
        query = f"BASE {ox.NamedNode(req['base_iri'])}\n{query}"
    bindings = {k: _term(v) for k, v in (req.get("bindings") or {}).items()}
    result = store.query(
        query,
        bindings=bindings or None,
        default_graphs=req.get("default_graphs"),
        named_graphs=req.get("named_graphs"),
    )
    fmt, max_rows = req["format"], int(req["max_rows"])
    if isinstance(result, ox.QueryBoolean):
        return serialize_boolean(bool(result), fmt)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return serialize_solutions(result, names, fmt, max_rows=max_rows)
    return _serialize_triples(result, fmt, max_rows)


def remote_dump(store: RemoteGraphStore, req: dict[str, Any]) -> bytes | None:
    """One graph, the union (`__default__`) or every graph (None), as the embedded store gives."""

    fmt = RDF_FORMATS[req["format"]]
    graph = req.get("graph")
    if graph is None:
        return store.dump(fmt)
    if graph == "__default__":
        distinct = set(store.query(_query("graph_triples")))
        return ox.serialize(sorted(distinct, key=str), format=fmt) or b""
    if not _has_graph(store, graph):
        return None
    triples = list(store.query(_query("graph_triples"), bindings={"g": ox.NamedNode(graph)}))
    prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
