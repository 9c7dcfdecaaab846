"""A graph store on a remote SPARQL 1.1 server (Oxigraph, Fuseki, GraphDB, Virtuoso, Neptune...).

Selected with `--store sparql+http://host:port/path/to/query-endpoint`. Queries go through the
SPARQL 1.1 Protocol; loading goes through the Graph Store HTTP Protocol (PUT/DELETE of named
graphs). The update and graph-store endpoints are derived from the query URL for the known layouts
(see `parse_remote_location` and docs/backends.md) and can be set with THBGRAPH_UPDATE_URL and
THBGRAPH_GSP_URL. Credentials come from THBGRAPH_STORE_USER / THBGRAPH_STORE_PASSWORD (never
from the URL, which is printed), answered with Basic or Digest auth as the server asks.

thbgraph only reads, counts and drops the named graphs it writes (IRIs under GRAPH_SCOPE): a shared
server also holds graphs of its own. The default graph of a query is the server's (THBGRAPH_DATASET
=union: it must be the union of the named graphs) or, with THBGRAPH_DATASET=explicit, the dataset
is sent with each query as default-graph-uri/named-graph-uri = thbgraph's graphs (any server).

Remote servers cannot bind values the way pyoxigraph does, so bound values are sent as a `VALUES`
block at the start of the query's first WHERE group, each value serialised as an RDF term by
pyoxigraph (never by string formatting of user text), which keeps them out of the query grammar.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from ..vocab import BASE
from .bindings import inject_values
from .terms import to_python

__all__ = [
    "GRAPH_SCOPE",
    "RemoteEndpoints",
    "RemoteGraphStore",
    "inject_values",
    "is_remote",
    "parse_remote_location",
    "remote_location",
]

SCHEME = "sparql+"
GRAPH_SCOPE = BASE + "graph/"  # every named graph thbgraph writes starts so
DATASET_MODES = ("union", "explicit")
DATASET_TTL_S = 5.0  # how long an explicit dataset (the list of our graphs) is reused
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


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
    """Where to query, update and PUT graphs; how to log in; which dataset queries see."""

    query: str
    update: str
    gsp: str
    dataset: str = "union"
    user: str | None = None
    password: str | None = None


def _layout(scheme: str, host: str, path: str) -> tuple[str, str, str]:
    """(update path, graph-store path, default dataset mode) of the known server layouts."""
    path = path.rstrip("/")
    base, _, last = path.rpartition("/")
    if host.endswith(".neptune.amazonaws.com") and path == "/sparql":
        return path, "/sparql/gsp/", "union"  # Neptune: one endpoint, GSP under it
    if base == "" and last in ("sparql", "sparql-auth"):
        # Virtuoso: updates go to the query endpoint; its union default graph includes its
        # system graphs, so the dataset is sent explicitly
        crud = "/sparql-graph-crud-auth" if last == "sparql-auth" else "/sparql-graph-crud"
        return path, crud, "explicit"
    if re.fullmatch(r".*/repositories/[^/]+", path):  # GraphDB / RDF4J server
        return f"{path}/statements", f"{path}/rdf-graphs/service", "union"
    if base == "" and last == "query":  # Oxigraph server
        return "/update", "/store", "union"
    if last in ("sparql", "query"):  # Fuseki: /dataset/sparql
        return f"{base}/update", f"{base}/data", "union"
    return f"{path}/update", f"{path}/store", "union"


def parse_remote_location(location: str) -> RemoteEndpoints:
    """The query/update/graph-store URLs, credentials and dataset mode of a `sparql+http://...`
    location, with the THBGRAPH_* environment variables taking precedence."""
    if not is_remote(location):
        raise StoreError(
            f"not a remote store location: {location!r} (expected sparql+http://host:port/query)"
        )
    parts = urlsplit(location[len(SCHEME) :])
    host = parts.hostname or ""
    netloc = host if ":" not in host else f"[{host}]"
    netloc += f":{parts.port}" if parts.port else ""
    query = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    update_path, gsp_path, dataset = _layout(parts.scheme, host, parts.path)
    root = f"{parts.scheme}://{netloc}"
    dataset = os.environ.get("THBGRAPH_DATASET", dataset).strip().lower()
    if dataset not in DATASET_MODES:
        raise StoreError(
            f"THBGRAPH_DATASET must be one of {', '.join(DATASET_MODES)}, not {dataset!r}"
        )
    if parts.username or parts.password:
        raise StoreError(
            "put the server's credentials in THBGRAPH_STORE_USER and THBGRAPH_STORE_PASSWORD, "
            "not in the --store URL (it is printed in reports and kept in shell history)"
        )
    user = os.environ.get("THBGRAPH_STORE_USER") or None
    password = os.environ.get("THBGRAPH_STORE_PASSWORD") or None
    return RemoteEndpoints(
        query=query,
        update=os.environ.get("THBGRAPH_UPDATE_URL") or root + update_path,
        gsp=os.environ.get("THBGRAPH_GSP_URL") or root + gsp_path,
        dataset=dataset,
        user=user,
        password=password,
    )


def _canonical_booleans(results: bytes) -> bytes:
    """JSON results with xsd:boolean "1"/"0" (Virtuoso's spelling) written "true"/"false", as
    the embedded store gives them: `to_python` and comparisons read the canonical form."""
    if XSD_BOOLEAN.encode() not in results:
        return results
    doc = json.loads(results)
    for row in doc.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("datatype") == XSD_BOOLEAN and term.get("value") in ("1", "0"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return json.dumps(doc).encode()


def _canonical_triple(triple: ox.Triple) -> ox.Triple:
    """The triple with a "1"/"0" xsd:boolean object written "true"/"false"."""
    o = triple.object
    if isinstance(o, ox.Literal) and o.datatype.value == XSD_BOOLEAN and o.value in ("1", "0"):
        value = "true" if o.value == "1" else "false"
        return ox.Triple(triple.subject, triple.predicate, ox.Literal(value, datatype=o.datatype))
    return triple


class RemoteGraphStore:
    """The GraphStore interface over HTTP, limited to thbgraph's named graphs (GRAPH_SCOPE)."""

    def __init__(self, location: str, *, timeout_s: float = 60.0) -> None:
        self.location = location
        self.endpoints = parse_remote_location(location)
        import httpx  # here, not at the top: local stores (`add`, `build`) do not pay for it

        from .remote_auth import ChallengeAuth

        auth = (
            ChallengeAuth(self.endpoints.user, self.endpoints.password or "")
            if self.endpoints.user
            else None
        )
        self.client = httpx.Client(timeout=timeout_s, trust_env=False, auth=auth)
        self._dataset: tuple[float, list[str]] | None = None  # (when listed, graph IRIs)

    # -- reading ---------------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Any:
        """Run a query on the server; results have the same types as the embedded store's.

        Without `default_graphs`, the default graph is the union of thbgraph's graphs: the
        server's own default graph (THBGRAPH_DATASET=union), or those graphs sent explicitly.
        """
        if default_graphs is None and named_graphs is None and self.endpoints.dataset == "explicit":
            # no graph of ours yet: a graph that does not exist, so the dataset is empty
            default_graphs = named_graphs = self._explicit_dataset()
        return self._post_query(
            inject_values(sparql, bindings) if bindings else sparql,
            default_graphs or [],
            named_graphs or [],
        )

    def _post_query(self, text: str, default_graphs: list[str], named_graphs: list[str]) -> Any:
        # a form body (SPARQL 1.1 Protocol "query via URL-encoded POST"): no URL length limit
        # however many graphs the dataset lists
        form: dict[str, Any] = {"query": text}
        if default_graphs:
            form["default-graph-uri"] = default_graphs
        if named_graphs:
            form["named-graph-uri"] = named_graphs
        headers = {"Accept": "application/sparql-results+json, application/n-triples;q=0.9"}
        url = self.endpoints.query
        import httpx

        try:
            resp = self.client.post(url, data=form, headers=headers)
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {exc}") from exc
        if resp.status_code == 400:
            raise QueryError(f"the SPARQL server refused the query: {resp.text.strip()[:500]}")
        if resp.status_code >= 400:
            raise StoreError(
                f"the SPARQL server at {url} answered {resp.status_code}: {resp.text.strip()[:300]}"
            )
        cut = resp.headers.get("x-sparql-maxrows")
        if cut is not None:
            raise StoreError(
                f"the SPARQL server at {url} cut the results at {cut} rows "
                "(Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)"
            )
        ctype = resp.headers.get("content-type", "").split(";")[0].strip()
        if ctype in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(
                _canonical_booleans(resp.content), format=ox.QueryResultsFormat.JSON
            )
        if ctype == "application/sparql-results+xml":
            return ox.parse_query_results(resp.content, format=ox.QueryResultsFormat.XML)
        fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
        return (_canonical_triple(q.triple) for q in ox.parse(resp.content, format=fmt))

    def select(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """SELECT rows as dicts of variable name -> Python value (str/int/float/bool) or None."""
        result = self.query(sparql, bindings=bindings)
        names = [v.value for v in result.variables]
        return [{n: to_python(sol[n]) for n in names} for sol in result]

    def named_graphs(self) -> list[tuple[str, int]]:
        """thbgraph's named graphs on the server with their numbers of quads, sorted by IRI."""
        from ..queries import load_query

        text = inject_values(load_query("store_graphs"), {"scope": GRAPH_SCOPE})
        rows = self._post_query(text, [], [])
        return sorted((r["g"].value, int(r["n"].value)) for r in rows)

    def graph_iris(self) -> list[str]:
        """The IRIs of thbgraph's named graphs on the server."""
        return [g for g, _ in self.named_graphs()]

    def _explicit_dataset(self) -> list[str]:
        """Our graphs, listed at most every DATASET_TTL_S seconds (the listing scans the server:
        0.45 s on Virtuoso with the bundled corpus, against 0.06 s for cited-by itself); this
        store's own writes list them again at once."""
        now = time.monotonic()
        if self._dataset is None or now - self._dataset[0] > DATASET_TTL_S:
            # no graph of ours yet: a graph that does not exist, so the dataset is empty
            self._dataset = (now, self.graph_iris() or [GRAPH_SCOPE + "none"])
        return self._dataset[1]

    def check_dataset(self) -> None:
        """StoreError, saying what to do, when queries expect the server's default graph to be
        the union of the named graphs (THBGRAPH_DATASET=union) and it is not: an Oxigraph server
        started without --union-default-graph answers every lookup with nothing ("unknown
        commitment symbol"). One triple of thbgraph's graphs is looked up in the default graph."""
        if self.endpoints.dataset != "union":
            return
        from ..queries import load_query

        probe = inject_values(load_query("dataset_probe"), {"scope": GRAPH_SCOPE})
        found = list(self._post_query(probe, [], []))
        if not found:
            return  # nothing of ours on the server yet
        triple = {k: found[0][k] for k in ("s", "p", "o")}
        ask = inject_values(load_query("dataset_probe_default"), triple)
        if not bool(self._post_query(ask, [], [])):
            raise StoreError(
                f"the SPARQL server at {self.endpoints.query} does not query the union of its "
                "named graphs by default (thbgraph's data lives in named graphs): start Oxigraph "
                "with `oxigraph serve --union-default-graph`, or set THBGRAPH_DATASET=explicit "
                "to send the dataset with each query"
            )

    def __len__(self) -> int:
        return sum(n for _, n in self.named_graphs())

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS, *, graph: str | None = None) -> bytes:
        """Serialise thbgraph's graphs (or one graph) to bytes."""
        quads = self._quads(graph)
        return ox.serialize(quads, format=fmt) or b""

    def _quads(self, graph: str | None = None) -> list[ox.Quad]:
        from ..queries import load_query

        text = inject_values(load_query("store_quads"), {"scope": graph or GRAPH_SCOPE})
        rows = self._post_query(text, [], [])
        quads = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]
        return quads if graph is None else [q for q in quads if str(q.graph_name) == f"<{graph}>"]

    def canonical_nquads(self, *, exclude_graphs: Iterable[str] = ()) -> str:
        """Sorted N-Quads of thbgraph's graphs without the excluded ones (as GraphStore's)."""
        skip = set(exclude_graphs)
        lines = sorted(
            f"{q.subject} {q.predicate} {q.object} {q.graph_name} ."
            for q in self._quads()
            if not isinstance(q.graph_name, ox.NamedNode) or q.graph_name.value not in skip
        )
        return "\n".join(lines) + ("\n" if lines else "")

    # -- writing ---------------------------------------------------------------------------------
    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph (Graph Store Protocol PUT)."""
        self._gsp(
            "PUT",
            graph,
            content=ntriples,
            headers={"Content-Type": "application/n-triples; charset=utf-8"},
        )

    def delete_graph(self, graph: str) -> None:
        """Remove one named graph (a missing graph is not an error)."""
        self._gsp("DELETE", graph, ok=(404,))

    def replace_all(self, quads: Iterable[ox.Quad]) -> None:
        """Make the server hold exactly these quads in thbgraph's graphs (its other graphs of
        ours are dropped; graphs outside GRAPH_SCOPE are never touched)."""
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in quads:
            if not isinstance(q.graph_name, ox.NamedNode):
                raise StoreError(
                    "remote stores take named graphs only; the builder writes no default-graph triples"
                )
            if not q.graph_name.value.startswith(GRAPH_SCOPE):
                raise StoreError(
                    f"graph {q.graph_name.value} is outside thbgraph's graphs ({GRAPH_SCOPE}...)"
                )
            by_graph.setdefault(q.graph_name.value, []).append(q.triple)
        for g in self.graph_iris():
            if g not in by_graph:
                self.delete_graph(g)
        for g, triples in sorted(by_graph.items()):
            self.put_graph(g, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")

    def _gsp(self, method: str, graph: str, *, ok: tuple[int, ...] = (), **kwargs: Any) -> None:
        url = self.endpoints.gsp
        self._dataset = None
        import httpx

        try:
            resp = self.client.request(method, url, params={"graph": graph}, **kwargs)
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the graph store at {url}: {exc}") from exc
        if resp.status_code in (401, 403):
            raise StoreError(
                f"the graph store at {url} refused {method} {graph} ({resp.status_code}): "
                "set THBGRAPH_STORE_USER and THBGRAPH_STORE_PASSWORD to an account allowed to "
                "write (Virtuoso: use /sparql-auth, whose graph store is /sparql-graph-crud-auth)"
            )
        if resp.status_code >= 400 and resp.status_code not in ok:
            raise StoreError(
                f"the graph store at {url} answered {resp.status_code} to {method} {graph}: "
                f"{resp.text.strip()[:300]}"
            )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> RemoteGraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
