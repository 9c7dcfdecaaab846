"""Linked data: /id/ answers 303 to /doc/, which negotiates HTML, Turtle and JSON-LD; VoID; dumps."""

from __future__ import annotations

import json

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

IRI = "https://w3id.org/thbgraph/id/commitment/mc-dec-6-18"


def test_id_answers_303_to_doc(client: httpx.Client) -> None:
    r = client.get("/id/commitment/mc-dec-6-18", headers={"Accept": "text/turtle"})
    assert r.status_code == 303
    assert r.headers["location"] == "/doc/commitment/mc-dec-6-18"


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
    ],
)
def test_doc_forms_parse(client: httpx.Client, accept: str, fmt: str) -> None:
    r = client.get("/id/commitment/mc-dec-6-18", headers={"Accept": accept}, follow_redirects=True)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == accept
    g = Graph().parse(data=r.text, format=fmt)
    notation = URIRef("http://www.w3.org/2004/02/skos/core#notation")
    assert str(g.value(URIRef(IRI), notation)) == "MC.DEC/6/18"
    incoming = URIRef("https://w3id.org/thbgraph/ontology#cites")
    assert list(g.subjects(incoming, URIRef(IRI)))


def test_jsonld_uses_the_versioned_local_context(client: httpx.Client) -> None:
    r = client.get("/doc/commitment/mc-dec-6-18", headers={"Accept": "application/ld+json"})
    doc = json.loads(r.text)
    assert doc["@context"]["thb"] == "https://w3id.org/thbgraph/ontology#"
    served = client.get("/context/v1.jsonld").json()
    assert served["@context"] == doc["@context"]


def test_html_page_has_label_links_and_evidence(client: httpx.Client) -> None:
    r = client.get(
        "/id/commitment/mc-dec-6-18", headers={"Accept": "text/html"}, follow_redirects=True
    )
    assert r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "MC.DEC/6/18" in page
    assert 'href="/id/meeting/2020-11-03-' in page  # an incoming link, navigable
    assert "<mark>MC Decision 6/18</mark>" in page  # a citing passage, in its sentence
    assert "<script" not in page


def test_unknown_entity_is_404(client: httpx.Client) -> None:
    r = client.get("/doc/commitment/mc-dec-6-19", headers={"Accept": "text/turtle"})
    assert r.status_code == 404
    assert "commitment/mc-dec-6-18" in r.json()["suggestions"]


def test_void_and_dumps(client: httpx.Client, server: object) -> None:
    r = client.get("/.well-known/void")
    assert r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    void = "http://rdfs.org/ns/void#"
    endpoint = next(g.objects(predicate=URIRef(void + "sparqlEndpoint")))
    assert str(endpoint).endswith("/sparql")
    dumps = {str(o) for o in g.objects(predicate=URIRef(void + "dataDump"))}
    assert len(dumps) == 2
    nq = client.get("/dumps/thbgraph.nq")
    assert nq.headers["content-type"] == "application/n-quads"
    quads = list(ox.parse(nq.content, format=ox.RdfFormat.N_QUADS))
    assert any(q.graph_name.value.endswith("/register") for q in quads)
    ttl = client.get("/dumps/thbgraph.ttl")
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=ttl.text, format="turtle")) > 100
    assert client.get("/dumps/other.zip").status_code == 404


@pytest.mark.parametrize(
    "path", ["/doc/commitment/mc-dec-6-18", "/api/commitments", "/.well-known/void", "/sparql"]
)
def test_head_answers_wherever_get_does(client: httpx.Client, path: str) -> None:
    got = client.get(path, headers={"Accept": "*/*"})
    head = client.head(path, headers={"Accept": "*/*"})
    assert got.status_code == 200
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_openapi_lists_only_the_methods_served_on_sparql(client: httpx.Client) -> None:
    ops = client.get("/openapi.json").json()["paths"]["/sparql"]
    assert {"get", "post"} <= set(ops)
    assert not {"put", "delete", "patch"} & set(ops)
    assert client.put("/sparql").status_code == 405  # still refused, just not advertised
