"""`thbgraph serve --store sparql+http://...`: the endpoint over a real Oxigraph server answers like
the embedded store, stays read-only, refuses SERVICE and updates, and keeps its limits."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

GRAPH = "https://w3id.org/thbgraph/graph/document/002_2e1ad919f53edd39"
SELECT = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "SELECT ?c ?symbol WHERE { ?c skos:notation ?symbol } ORDER BY ?symbol ?c"
)
# ~2e8 rows to count: several seconds on the Oxigraph server (which then stops by itself),
# well past the 3 s limit of the test server
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a WHERE { ?a ?b ?c } LIMIT 120 } "
    "{ SELECT ?d WHERE { ?d ?e ?f } LIMIT 120 } { SELECT ?g WHERE { ?g ?h ?i } LIMIT 120 } "
    "{ SELECT ?j WHERE { ?j ?k ?l } LIMIT 120 } }"
)


def _get(srv: Any, path: str, **kwargs: Any) -> httpx.Response:
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as c:
        return c.get(path, **kwargs)


def _post(srv: Any, path: str, **kwargs: Any) -> httpx.Response:
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as c:
        return c.post(path, **kwargs)


def _triples(body: bytes, fmt: ox.RdfFormat) -> set[str]:
    return {str(t.triple) for t in ox.parse(body, format=fmt)}


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_a_select_answers_as_over_the_embedded_store(
    server: Any, remote_server: Any, accept: str
) -> None:
    answers = [
        _get(s, "/sparql", params={"query": SELECT}, headers={"Accept": accept})
        for s in (server, remote_server)
    ]
    assert [a.status_code for a in answers] == [200, 200], answers[1].text
    assert answers[1].headers["content-type"].startswith(accept)
    assert answers[1].content == answers[0].content
    assert b"MC.DEC/6/18" in answers[1].content


def test_ask_construct_and_graph_store_reads_match_the_embedded_store(
    server: Any, remote_server: Any
) -> None:
    ask = "ASK { ?c <http://www.w3.org/2004/02/skos/core#notation> 'MC.DEC/6/18' }"
    for s in (server, remote_server):
        r = _get(s, "/sparql", params={"query": ask}, headers={"Accept": "application/json"})
        assert r.json()["boolean"] is True
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    got = [
        _get(s, "/sparql", params={"query": construct}, headers={"Accept": "application/n-triples"})
        for s in (server, remote_server)
    ]
    remote_triples = _triples(got[1].content, ox.RdfFormat.N_TRIPLES)
    assert remote_triples and remote_triples == _triples(got[0].content, ox.RdfFormat.N_TRIPLES)
    dumps = [
        _get(s, "/store", params={"graph": GRAPH}, headers={"Accept": "text/turtle"})
        for s in (server, remote_server)
    ]
    assert _triples(dumps[1].content, ox.RdfFormat.TURTLE) == remote_triples
    assert _get(remote_server, "/store", params={"graph": GRAPH + "-nope"}).status_code == 404
    listing = {g["graph"] for g in _get(remote_server, "/store").json()["graphs"]}
    assert GRAPH in listing


def test_service_updates_and_writes_are_refused(remote_server: Any) -> None:
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    r = _get(remote_server, "/sparql", params={"query": service})
    assert r.status_code == 400 and "SERVICE" in r.text
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    r = _post(
        remote_server,
        "/sparql",
        content=update,
        headers={"Content-Type": "application/sparql-update"},
    )
    assert r.status_code == 400 and "read-only" in r.text
    assert _post(remote_server, "/sparql", data={"update": update}).status_code == 400
    assert _post(remote_server, "/sparql", data={"query": update}).status_code == 400
    put = httpx.put(
        remote_server.url("/store?graph=urn:x"),
        content=b"<urn:a> <urn:b> <urn:c> .",
        headers={"Content-Type": "application/n-triples"},
        trust_env=False,
    )
    assert put.status_code == 405
    ask = "ASK { <urn:a> <urn:b> <urn:c> }"
    r = _get(
        remote_server, "/sparql", params={"query": ask}, headers={"Accept": "application/json"}
    )
    assert r.json()["boolean"] is False  # nothing was written on the server


def test_from_a_graph_the_server_does_not_hold_is_refused(remote_server: Any) -> None:
    query = "SELECT * FROM <http://127.0.0.1:9/elsewhere.ttl> WHERE { ?s ?p ?o }"
    r = _get(remote_server, "/sparql", params={"query": query})
    assert r.status_code == 400
    assert "names no graph" in r.text


def test_the_result_cap_applies(remote_server: Any) -> None:
    rows = remote_server.max_results + 1
    query = f"SELECT * WHERE {{ ?s ?p ?o . ?a ?b ?c }} LIMIT {rows}"
    r = _get(remote_server, "/sparql", params={"query": query})
    assert r.status_code == 400, r.text
    assert r.headers["THBGraph-Limit"] == f"max_results={remote_server.max_results}"
    small = _get(remote_server, "/sparql", params={"query": f"{query[: -len(str(rows))]}10"})
    assert small.status_code == 200


def test_a_slow_query_ends_at_the_time_limit_and_others_are_served(remote_server: Any) -> None:
    result: dict[str, Any] = {}

    def slow() -> None:
        t = time.monotonic()
        r = _post(remote_server, "/sparql", data={"query": SLOW})
        result["status"], result["seconds"] = r.status_code, time.monotonic() - t

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)
    cited = _get(remote_server, "/api/cited-by", params={"symbol": "MC.DEC/6/18"})
    assert cited.status_code == 200
    assert [m["start_date"] for m in cited.json()["meetings"]] == ["2020-11-03"]
    thread.join(remote_server.timeout + 30)
    assert result["status"] == 503, result
    assert result["seconds"] <= remote_server.timeout + 2, result
