"""The read-only Graph Store Protocol at /store, with the read-only W3C GSP cases.

The W3C graph-store-protocol manifest (tests/api/w3c/gsp) writes graphs with PUT/POST before it
reads them. Against a read-only store the reads are checked on graphs loaded beforehand with
`thbgraph load` semantics (the test store's kasei.us graphs), and every write must answer 405.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace

GSP = Path(__file__).parent / "w3c" / "gsp"
HT = Namespace("http://www.w3.org/2011/http#")
DATA1 = "http://kasei.us/2009/09/sparql/data/data1.rdf"


def _gsp_methods() -> set[str]:
    g = Graph().parse(GSP / "manifest-indirect.ttl", format="turtle")
    return {str(m) for m in g.objects(None, HT.methodName)}


def test_manifest_uses_reads_and_writes() -> None:
    assert {"GET", "HEAD", "PUT", "POST", "DELETE"} <= _gsp_methods()


@pytest.mark.parametrize(
    "accept", ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"]
)
def test_get_existing_graph_negotiates(client: httpx.Client, accept: str) -> None:
    r = client.get("/store", params={"graph": DATA1}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == accept
    fmt = {
        "text/turtle": "turtle",
        "application/n-triples": "nt",
        "application/rdf+xml": "xml",
        "application/ld+json": "json-ld",
    }[accept]
    assert len(Graph().parse(data=r.content, format=fmt)) == 1


def test_head_existing_and_missing(client: httpx.Client) -> None:
    """head_existing_indirect and head_non_existing_indirect."""
    assert client.head("/store", params={"graph": DATA1}).status_code == 200
    missing = client.head("/store", params={"graph": "http://www.example/gsp/person/4.ttl"})
    assert missing.status_code == 404


def test_graph_iri_percent_encoding_is_decoded_once(client: httpx.Client) -> None:
    """put_get_uri_pct_encoded_indirect: the same graph with and without percent-encoding."""
    plain = client.get(f"/store?graph={DATA1}")
    encoded = client.get(
        "/store?graph=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf"
    )
    assert plain.status_code == encoded.status_code == 200
    assert plain.content == encoded.content
    twice = client.get("/store?graph=http://kasei.us/2009/09/sparql/data/data%2531.rdf")
    assert twice.status_code == 404


def test_default_graph_is_the_union(client: httpx.Client) -> None:
    r = client.get("/store?default", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    assert DATA1 in r.text and "mc-dec-6-18" in r.text


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
def test_writes_are_405_with_allow(client: httpx.Client, method: str) -> None:
    r = client.request(
        method,
        "/store",
        params={"graph": DATA1},
        content=b"<urn:a> <urn:b> <urn:c> .",
        headers={"Content-Type": "text/turtle"},
    )
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, HEAD, OPTIONS"
    assert (
        len(Graph().parse(data=client.get("/store", params={"graph": DATA1}).text, format="turtle"))
        == 1
    )


def test_listing_and_bad_requests(client: httpx.Client) -> None:
    listing = client.get("/store").json()
    assert {"graph": DATA1, "triples": 1} in listing["graphs"]
    assert client.get(f"/store?default&graph={DATA1}").status_code == 400
