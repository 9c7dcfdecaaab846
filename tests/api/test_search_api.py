"""/api/search over the embedded store: full-text hits with score and snippet, filters, bad input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest


@pytest.fixture()
def client(server: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base, timeout=30, trust_env=False) as c:
        yield c


def test_hits_are_ranked_with_a_score_and_a_marked_snippet(client: httpx.Client) -> None:
    page = client.get("/api/search", params={"q": "CETS"}).json()
    items = page["items"]
    assert items[0]["id"] == "commitment/cets-197"
    scores = [h["score"] for h in items]
    assert scores == sorted(scores, reverse=True)
    assert all("<mark>" in h["snippet"] for h in items)


def test_kind_and_year_filter(client: httpx.Client) -> None:
    conventions = client.get("/api/search", params={"q": "CETS", "kind": "Convention"}).json()
    assert conventions["items"] and {h["kind"] for h in conventions["items"]} == {"Convention"}
    none = client.get("/api/search", params={"q": "CETS", "year": 1901}).json()
    assert none["total"] == 0


@pytest.mark.parametrize(
    "params", [{"q": "CETS", "year": "soon"}, {"q": "CETS", "kind": "a b"}, {"q": "x"}]
)
def test_bad_filters_get_one_clear_4xx(client: httpx.Client, params: dict[str, str]) -> None:
    r = client.get("/api/search", params=params)
    assert 400 <= r.status_code < 500


def test_sparql_users_search_with_thb_text_match(client: httpx.Client) -> None:
    query = (
        "PREFIX thb: <https://w3id.org/thbgraph/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        'SELECT ?s ?score ?label WHERE { (?s ?score) thb:textMatch ("CETS" 3) ; rdfs:label ?label }'
    )
    r = client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert r.status_code == 200, r.text
    bindings = r.json()["results"]["bindings"]
    assert bindings and len({b["s"]["value"] for b in bindings}) <= 3
    assert any(b["s"]["value"].endswith("commitment/cets-197") for b in bindings)
    bad = client.get("/sparql", params={"query": query.replace('("CETS" 3)', "?w")})
    assert bad.status_code == 400 and "thb:textMatch" in bad.text
