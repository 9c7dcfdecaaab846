"""The query worker: a child process that opens the store read-only and answers requests.

Queries run here, not in the server, so that a query past its time limit can be stopped for
real by killing the process (pyoxigraph has no timeout and cannot be interrupted), while the
server keeps answering. The worker reopens the store when its current generation changes.
"""

from __future__ import annotations

import functools
import os
import re
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..graph.errors import InternalError, QueryError, QueryTimeout, StoreError, ThbGraphError
from ..graph.store import GraphStore, open_store, term_from_python, to_python
from ..graph.store.embedded import union_kwargs
from ._results import PREFIXES, RDF_FORMATS, ResultTooLarge, serialize_boolean, serialize_solutions

__all__ = ["error_reply", "handle_request", "serve_forever"]


class _BindingStore(GraphStore):
    """A GraphStore whose `select` still binds a variable the query does not project.

    pyoxigraph refuses to substitute a variable missing from the SELECT projection; then the
    bound terms go into a VALUES block at the top of the WHERE group (terms serialised by
    pyoxigraph, so nothing typed by a user is pasted into the query text).
    """

    def select(self, sparql: str, *, bindings: Any = None) -> list[dict[str, Any]]:
        try:
            return super().select(sparql, bindings=bindings)
        except RuntimeError as exc:
            if not bindings or "SELECT projection" not in str(exc):
                raise
        terms = {k: term_from_python(v) for k, v in bindings.items() if v is not None}
        names = " ".join(f"?{k}" for k in terms)
        values = " ".join(str(t) for t in terms.values())
        block = f"VALUES ({names}) {{ ({values}) }}"
        at = re.search(r"WHERE\s*\{", sparql, flags=re.IGNORECASE)
        if at is None:
            raise QueryError("cannot bind variables of a query without a WHERE clause")
        return super().select(sparql[: at.end()] + " " + block + " " + sparql[at.end() :])


class _StoreHandle:
    """The store of one worker, reopened when `current` points to a new generation."""

    def __init__(self, location: str) -> None:
        self.location = Path(location)
        self.target = ""
        self.store: GraphStore | None = None

    def get(self) -> GraphStore:
        target = os.path.realpath(self.location / "current")
        if self.store is None or target != self.target:
            if self.store is not None:
                self.store.close()
            opened = open_store(self.location)
            if not isinstance(opened, GraphStore):
                raise StoreError(f"{self.location}: not an embedded store")
            self.store = _BindingStore(
                opened.inner, location=self.location, generation=opened.generation
            )
            self.target = target
        return self.store


@functools.lru_cache(maxsize=256)
def _check_parsed(query: str) -> None:
    """The full-grammar guard (graph/queryparse.py), remembered for the queries it accepted.

    rdflib's parse costs 0.1-0.25 s of CPU per query, more than most queries take to run: a
    client that repeats a query (a page, a dashboard, the bench's cited-by) pays it once per
    worker. The verdict depends on the text alone; a refused query raises and is not kept.
    """
    from ..graph.queryparse import check_parsed

    check_parsed(query)


def _term(value: Any) -> Any:
    """A pyoxigraph term from a pickled binding: ('iri', v) or a plain Python value."""
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "iri":
        return ox.NamedNode(value[1])
    return value


def _sparql(store: GraphStore, req: dict[str, Any]) -> bytes:
    """Run a protocol query and serialise its result in the requested format."""
    default_graphs = req.get("default_graphs")
    named_graphs = req.get("named_graphs")
    if default_graphs is None and named_graphs is None:
        from_g, from_n = req.get("from_graphs") or [], req.get("from_named_graphs") or []
        for iri in [*from_g, *from_n]:
            if not store.inner.contains_named_graph(ox.NamedNode(iri)):
                raise QueryError(
                    f"FROM <{iri}> names no graph of this store; the endpoint never fetches "
                    "remote data (list the graphs with `thbgraph graphs` or GET /store)"
                )
        if from_g or from_n:
            default_graphs, named_graphs = from_g, from_n
    kwargs: dict[str, Any] = {"base_iri": req.get("base_iri")}
    if default_graphs is None and named_graphs is None:
        kwargs.update(union_kwargs(store.inner))
    else:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs or []]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or []]
    bindings = req.get("bindings")
    if bindings:
        kwargs["substitutions"] = {ox.Variable(k): _term(v) for k, v in bindings.items()}
    from ..graph.answers.user_query import planned_query  # same solutions, planned fast

    query = planned_query(req["query"], store)
    result = store.inner.query(query, **{k: v for k, v in kwargs.items() if v is not None})
    fmt = req["format"]
    max_rows = int(req["max_rows"])
    if isinstance(result, ox.QueryBoolean):
        return serialize_boolean(bool(result), fmt)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return serialize_solutions(result, names, fmt, max_rows=max_rows)
    triples: list[Any] = []
    for t in result:
        if len(triples) >= max_rows:
            raise ResultTooLarge(
                f"the result has more than {max_rows} triples (the endpoint's max_results "
                "limit): add a LIMIT or narrow the query"
            )
        triples.append(t)
    rdf_format = RDF_FORMATS.get(fmt)
    if rdf_format is None:
        raise QueryError(f"{fmt!r} is not a graph result format")
    prefixes = PREFIXES if rdf_format in {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG} else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def _select(store: Any, req: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of a SELECT as plain Python values, for the JSON API (embedded or remote store)."""
    bindings = {k: _term(v) for k, v in (req.get("bindings") or {}).items() if v is not None}
    result = store.query(req["query"], bindings=bindings or None)
    names = [v.value for v in result.variables]
    rows = []
    for i, sol in enumerate(result):
        if i >= int(req.get("max_rows", 100000)):
            break
        rows.append({n: to_python(sol[n]) for n in names})
    return rows


def _dump(store: GraphStore, req: dict[str, Any]) -> bytes | None:
    """One graph (or the union, or the whole dataset) serialised; None for a missing graph."""
    fmt = RDF_FORMATS[req["format"]]
    graph = req.get("graph")
    if graph == "__default__":
        # The default graph is the union of the named graphs: serialise their triples.
        distinct = {q.triple for q in store.inner.quads_for_pattern(None, None, None)}
        return ox.serialize(sorted(distinct, key=str), format=fmt) or b""
    if graph is None:
        return store.dump(fmt)
    if not store.inner.contains_named_graph(ox.NamedNode(graph)):
        return None
    triples = [
        q.triple for q in store.inner.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    ]
    prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""


def handle_request(handle: Any, req: dict[str, Any]) -> Any:
    """Answer one request over `handle.get()` (the worker's store, or the server's own)."""
    op = req["op"]
    if op == "ping":
        return "pong"
    store = handle.get()
    if not isinstance(store, GraphStore):  # a remote store: its client reaches it and only it
        from ._remote import pin_to_store

        pin_to_store(store)
    if op == "select":
        return _select(store, req)
    if op == "graphs":
        return store.named_graphs()
    if op == "sparql":  # the full-grammar guard, here under the worker's limits (fail closed)
        _check_parsed(req["query"])
    if op in {"sparql", "dump"} and not isinstance(store, GraphStore):
        from ._remote import remote_dump, remote_sparql  # a store on a SPARQL server

        return remote_sparql(store, req) if op == "sparql" else remote_dump(store, req)
    if op == "sparql":
        try:
            return _sparql(store, req)
        except (RuntimeError, ValueError, TypeError, OverflowError) as exc:  # the engine refused
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise QueryError(f"the query cannot be evaluated: {first[:300]}") from exc
    if op == "dump":
        return _dump(store, req)
    if op == "export":  # /export: a view written in a format (graph/export/)
        from ..graph.export.formats import export
        from ..graph.export.views import ViewOptions

        done = export(store, ViewOptions(**req["options"]), req["format"])
        return (done.content, done.media_type, done.filename)
    if op == "call":
        from ..graph.answers import CALLS

        func = CALLS.get(req["name"])
        if func is None:
            raise QueryError(f"unknown API call {req['name']!r}")
        return func(store, **req.get("kwargs", {}))
    raise QueryError(f"unknown worker operation {op!r}")


def serve_forever(
    location: str, conn: Connection, network: bool = False, memory_mb: int = 0
) -> None:
    """Answer requests from `conn` until it closes: ('ok', value) or ('error', kind, message).

    First the worker limits itself (api/_sandbox.py): it dies with its parent, caps its memory
    and, unless `network` (a remote store), leaves the network.
    """
    from . import _sandbox

    _sandbox.die_with_parent()
    _sandbox.fewer_malloc_arenas()
    if not network:
        _sandbox.isolate_network()
    handle = _StoreHandle(location)
    try:  # pay the imports and the store opening before the first request, not during it
        from ..graph import queryparse
        from ..graph.extract import symbols  # noqa: F401

        queryparse.check_parsed("ASK {}")  # loads rdflib's SPARQL grammar
        from ..graph import answers  # noqa: F401

        handle.get()
    except Exception:  # a missing module or store is reported on the first request instead
        traceback.print_exc()
    _sandbox.cap_memory(memory_mb)  # after the imports and the store opening, which it counts
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[Any, ...] = ("ok", handle_request(handle, req))
        except Exception as exc:  # a bug or a broken store: reported, the worker lives on
            reply = error_reply(exc)
        try:
            conn.send(reply)
        except (EOFError, OSError, BrokenPipeError):
            return


def error_reply(exc: Exception) -> tuple[Any, ...]:
    """The ('error', kind, message, extra) reply for an exception raised by a request."""
    if isinstance(exc, ThbGraphError):
        return ("error", *exc.to_reply())
    if isinstance(exc, MemoryError):
        from ._sandbox import capped_mb

        limit = f"worker_memory_mb={capped_mb()}"
        message = f"the query needed more memory than the worker's limit ({limit}) and was stopped"
        return ("error", QueryTimeout.kind, message, {"limit": limit})
    if isinstance(exc, SyntaxError):
        return ("error", QueryError.kind, _syntax_message(str(exc)), {})
    if isinstance(exc, ValueError):  # an invalid IRI or literal given
        return ("error", QueryError.kind, str(exc), {})
    detail = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    return ("error", InternalError.kind, detail, {})


def _syntax_message(text: str) -> str:
    """pyoxigraph's syntax error, shortened: position and the start of the expected-token list."""
    first = text.splitlines()[0] if text else "syntax error"
    if len(first) > 300:
        first = first[:300] + "..."
    return f"SPARQL syntax {first}" if first.startswith("error") else first
