"""The /sparql endpoint against a real server: negotiation, errors, read-only, SSRF, limits, CORS."""

from __future__ import annotations

import json
import socket
import threading
import time
from typing import Any

import httpx
import pytest
from rdflib import Graph

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?x ?o }"
JSON_RESULTS = "application/sparql-results+json"
SELECT_NAMES = "SELECT ?m ?n WHERE { ?m <https://schema.org/name> ?n } ORDER BY ?m LIMIT 5"


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture()
def listener() -> Any:
    lst = Listener()
    yield lst
    lst.close()


# -- content negotiation --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
        (None, "application/sparql-results+json"),
    ],
)
def test_select_negotiates_with_q_values(client: httpx.Client, accept: str, media: str) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": SELECT_NAMES}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert "Accept" in r.headers["vary"]


def test_select_json_rows(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": SELECT_NAMES, "format": "json", "output": "json"})
    data = r.json()
    assert data["head"]["vars"] == ["m", "n"]
    assert data["results"]["bindings"][0]["m"]["type"] == "uri"
    assert data["results"]["bindings"][0]["n"]["xml:lang"] == "en"


def test_tsv_and_csv_shapes(client: httpx.Client) -> None:
    tsv = client.get(
        "/sparql", params={"query": SELECT_NAMES}, headers={"Accept": "text/tab-separated-values"}
    )
    lines = tsv.text.splitlines()
    assert lines[0] == "?m\t?n"
    assert lines[1].startswith("<https://w3id.org/thbgraph/id/meeting/")
    csv = client.get("/sparql", params={"query": SELECT_NAMES}, headers={"Accept": "text/csv"})
    assert csv.text.splitlines()[0] == "m,n"


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_negotiates_rdf(client: httpx.Client, accept: str, fmt: str) -> None:
    q = "CONSTRUCT { ?m <https://schema.org/name> ?n } WHERE { ?m <https://schema.org/name> ?n }"
    r = client.post("/sparql", data={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == accept
    g = Graph().parse(data=r.content, format=fmt)
    assert len(g) == 3  # two meetings and one agenda item have a schema:name


def test_nothing_acceptable_is_406(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert "application/sparql-results+json" in r.text


# -- client mistakes are 4xx with a message, never 422 or 500 -------------------------------------
def test_syntax_error_names_line_and_column(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE {\n ?s ?p \n}"})
    assert r.status_code == 400
    assert "error at 3:" in r.text  # line 3, where the query ends too early


@pytest.mark.parametrize(
    ("headers", "content", "fragment"),
    [
        ({"Content-Type": "text/plain"}, b"ASK {}", "not accepted"),
        ({}, b"ASK {}", "needs a Content-Type"),
        (
            {"Content-Type": "application/sparql-query"},
            b"ASK { ?s ?p \xff }",
            "not UTF-8",
        ),
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"foo=bar", "no `query`"),
    ],
)
def test_bad_posts_are_400(
    client: httpx.Client, headers: dict[str, str], content: bytes, fragment: str
) -> None:
    r = client.post("/sparql", headers=headers, content=content)
    assert r.status_code == 400
    assert fragment in r.text


def test_duplicate_query_is_400(client: httpx.Client) -> None:
    r = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert r.status_code == 400
    assert "2 times" in r.text


def test_wrong_method_is_405_with_allow(client: httpx.Client) -> None:
    r = client.put("/sparql", params={"query": "ASK {}"})
    assert r.status_code == 405
    assert "POST" in r.headers["allow"]


def test_body_over_the_limit_is_413(client: httpx.Client) -> None:
    big = "ASK { " + "#" * (70 * 1024) + "\n}"
    r = client.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    assert "max_body_bytes" in r.text


# -- read-only and no request ever leaves the machine --------------------------------------------
@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX ex: <urn:x#> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <https://w3id.org/thbgraph/graph/register>",
    ],
)
def test_updates_are_refused(client: httpx.Client, update: str) -> None:
    for r in (
        client.post("/sparql", data={"query": update}),
        client.post("/sparql", data={"update": update}),
        client.post(
            "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
        ),
    ):
        assert r.status_code == 400
        assert "read-only" in r.text
    still = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert still.json()["boolean"] is True


def test_service_is_refused_and_nothing_is_fetched(client: httpx.Client, listener: Any) -> None:
    target = f"http://127.0.0.1:{listener.port}/sparql"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ service silent <{target}> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <http://127.0.0.1:{listener.port}/> SELECT * WHERE {{ SERVICE r:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SE\\u0052VICE <{target}> {{ ?s ?p ?o }} }}",
    ]
    for q in queries:
        r = client.post("/sparql", data={"query": q})
        assert r.status_code == 400, q
        assert "SERVICE" in r.text
    time.sleep(0.3)
    assert listener.connections == 0


def test_service_in_a_string_is_not_a_service(client: httpx.Client) -> None:
    q = 'SELECT * WHERE { BIND("SERVICE <http://127.0.0.1:9/>" AS ?x) } # SERVICE'
    r = client.get("/sparql", params={"query": q})
    assert r.status_code == 200, r.text


def test_from_a_remote_iri_is_refused_and_not_fetched(client: httpx.Client, listener: Any) -> None:
    target = f"http://127.0.0.1:{listener.port}/data.ttl"
    for q in (
        f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ):
        r = client.get("/sparql", params={"query": q})
        assert r.status_code == 400
        assert "never fetches" in r.text
    time.sleep(0.3)
    assert listener.connections == 0


def test_from_a_local_graph_selects_it(client: httpx.Client) -> None:
    q = "SELECT ?s FROM <http://kasei.us/2009/09/sparql/data/data1.rdf> WHERE { ?s ?p ?o }"
    rows = client.get("/sparql", params={"query": q}).json()["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == ["http://kasei.us/2009/09/sparql/data/data1.rdf"]


def test_protocol_dataset_selects_document_graphs(client: httpx.Client) -> None:
    g = "https://w3id.org/thbgraph/graph/document/001_c7656a1bae82c630"
    q = "SELECT DISTINCT ?m WHERE { ?m a <https://w3id.org/thbgraph/ontology#Meeting> }"
    rows = client.get("/sparql", params={"query": q, "default-graph-uri": g}).json()
    meetings = [b["m"]["value"] for b in rows["results"]["bindings"]]
    assert len(meetings) == 1
    assert "/meeting/2018-05-23-" in meetings[0]


# -- limits ---------------------------------------------------------------------------------------
def test_result_cap_is_reported(client: httpx.Client, server: Any) -> None:
    q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT " + str(server.max_results + 10)
    r = client.get("/sparql", params={"query": q})
    assert r.status_code == 400
    assert "max_results" in r.text
    assert r.headers["thbgraph-limit"] == f"max_results={server.max_results}"


def test_timeout_stops_the_query_and_the_server_still_answers(server: Any) -> None:
    """A cartesian product hits the time limit while another client's request still answers."""
    outcome: dict[str, Any] = {}

    def slow() -> None:
        started = time.monotonic()
        with httpx.Client(base_url=server.base, timeout=60, trust_env=False) as c:
            r = c.post("/sparql", data={"query": CARTESIAN})
        outcome["status"] = r.status_code
        outcome["text"] = r.text
        outcome["limit"] = r.headers.get("thbgraph-limit")
        outcome["elapsed"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    with httpx.Client(base_url=server.base, timeout=60, trust_env=False) as c:
        quick = c.get("/api/cited-by", params={"symbol": "MC.DEC/6/18"})
        assert quick.status_code == 200, quick.text
        assert thread.is_alive()  # the slow query was still running while this one answered
    thread.join(60)
    assert outcome["status"] == 503
    assert "query_timeout_s" in outcome["text"]
    assert outcome["elapsed"] < server.timeout + 2
    with httpx.Client(base_url=server.base, timeout=60, trust_env=False) as c:
        for _ in range(3):  # the killed worker was replaced
            assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200


# -- service description and CORS ---------------------------------------------------------------
def test_service_description_turtle(client: httpx.Client, server: Any) -> None:
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoints = {str(o) for _, p, o in g if str(p) == sd + "endpoint"}
    assert endpoints == {server.url("/sparql")}
    formats = {str(o) for _, p, o in g if str(p) == sd + "resultFormat"}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_TSV" in formats
    assert any(str(o) == sd + "UnionDefaultGraph" for o in g.objects())


def test_service_description_jsonld_and_html(client: httpx.Client) -> None:
    r = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert r.status_code == 200
    assert json.loads(r.text)
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html")
    assert "<textarea" in page.text


def test_cors_preflight_and_yasqe_post(client: httpx.Client) -> None:
    origin = "https://yasgui.example.org"
    pre = client.options(
        "/sparql",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,accept",
        },
    )
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] in {"*", origin}
    assert "POST" in pre.headers["access-control-allow-methods"]
    r = client.post(
        "/sparql",
        data={"query": SELECT_NAMES},
        headers={
            "Origin": origin,
            "Accept": "application/sparql-results+json,*/*;q=0.9",
            "X-Requested-With": "XMLHttpRequest",
        },
    )
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] in {"*", origin}
    assert r.json()["results"]["bindings"]


def test_cited_by_with_a_trailing_values_block_answers_what_the_rest_api_answers(
    client: httpx.Client,
) -> None:
    """The named cited-by query as a SPARQL user sends it (the commitment in a trailing VALUES
    block, which the worker moves into the GRAPH pattern): the citations of /api/cited-by."""
    from thbgraph.graph.queries import load_query

    rest = client.get("/api/cited-by", params={"symbol": "MC.DEC/6/18"}).json()
    iri = rest["commitment"]["iri"]
    query = load_query("cited_by") + f"\nVALUES ?commitment {{ <{iri}> }}\n"
    r = client.get("/sparql", params={"query": query}, headers={"Accept": JSON_RESULTS})
    assert r.status_code == 200, r.text
    rows = r.json()["results"]["bindings"]
    expected = {
        p["citation"] for m in rest["meetings"] for d in m["documents"] for p in d["passages"]
    } | {p["citation"] for d in rest["documents_without_meeting"] for p in d["passages"]}
    assert expected and {row["citation"]["value"] for row in rows} == expected
    assert {row["commitment"]["value"] for row in rows} == {iri}
