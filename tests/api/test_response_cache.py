"""Answers kept per server process and generation (api/caching.py `ResponseCache`).

That a kept answer is dropped when `thbgraph add` swaps the generation is tested with two
processes in test_processes.py (cited-by asked many times before the add, new after it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from thbgraph.api.caching import ResponseCache

JSON = {"Accept": "application/sparql-results+json"}


def test_the_cache_keeps_one_generation_within_its_budget() -> None:
    cache = ResponseCache(800)  # at most 100 bytes an answer
    cache.put("g1", "a", 200, [], b"x" * 100)
    cache.put("g1", "big", 200, [], b"x" * 101)
    assert cache.get("g1", "a") is not None and cache.get("g1", "big") is None
    for n in range(10):
        cache.put("g1", f"k{n}", 200, [], b"y" * 100)
    assert cache.size <= 800 and cache.get("g1", "k9") is not None
    assert cache.get("g1", "k0") is None  # the least recently used went first
    assert cache.get("g2", "k9") is None and cache.size == 0  # a new generation: emptied


@pytest.fixture(scope="module")
def srv(api_store: Path, start_thbgraph_server: Any) -> Any:
    return start_thbgraph_server(api_store, processes=1)


def _value(r: httpx.Response, name: str) -> str:
    assert r.status_code == 200, r.text
    return str(r.json()["results"]["bindings"][0][name]["value"])


@pytest.mark.parametrize("function", ["STRUUID()", "RAND()", "NOW()", "BNODE()"])
def test_a_query_answering_differently_each_time_is_never_kept(srv: Any, function: str) -> None:
    query = f"SELECT (({function}) AS ?v) WHERE {{}}"
    with httpx.Client(base_url=srv.base, trust_env=False, timeout=30) as c:
        seen = {
            _value(c.get("/sparql", params={"query": query}, headers=JSON), "v") for _ in range(3)
        }
    if function == "NOW()":  # the same within a clock tick: only a repeat proves nothing
        assert seen
    else:
        assert len(seen) == 3, seen


def test_answers_naming_their_url_are_kept_per_host(srv: Any) -> None:
    with httpx.Client(base_url=srv.base, trust_env=False, timeout=30) as c:
        for host in ("one.example", "two.example", "one.example"):
            r = c.get("/sparql", headers={"Host": host, "Accept": "text/turtle"})
            assert r.status_code == 200, r.text
            assert f"http://{host}/sparql" in r.text
            assert ("two.example" in r.text) == (host == "two.example")


def test_a_tag_given_at_one_host_does_not_revalidate_the_answer_of_another(srv: Any) -> None:
    """The service description names the endpoint's URL: asked at two hosts, two bodies, so two
    tags; the first host's tag sent to the second must get the second's body (200), not a 304
    telling a cache to serve it the first host's URLs."""
    with httpx.Client(base_url=srv.base, trust_env=False, timeout=30) as c:
        turtle = {"Accept": "text/turtle"}
        one = c.get("/sparql", headers={"Host": "one.example", **turtle})
        two = c.get("/sparql", headers={"Host": "two.example", **turtle})
        assert one.status_code == two.status_code == 200
        assert one.headers["etag"] != two.headers["etag"]
        crossed = c.get(
            "/sparql",
            headers={"Host": "two.example", "If-None-Match": one.headers["etag"], **turtle},
        )
        assert crossed.status_code == 200 and "http://two.example/sparql" in crossed.text
        same = c.get(
            "/sparql",
            headers={"Host": "one.example", "If-None-Match": one.headers["etag"], **turtle},
        )
        assert same.status_code == 304


def test_one_host_spelt_two_ways_is_one_kept_answer(srv: Any) -> None:
    """Hosts are case-insensitive and :80 is http's default port: one origin, one tag (a client
    varying the spelling must not multiply the kept answers)."""
    with httpx.Client(base_url=srv.base, trust_env=False, timeout=30) as c:
        turtle = {"Accept": "text/turtle"}
        tags = {
            c.get("/sparql", headers={"Host": host, **turtle}).headers["etag"]
            for host in ("one.example", "One.Example", "one.example:80")
        }
        other = c.get("/sparql", headers={"Host": "one.example:8080", **turtle})
    assert len(tags) == 1 and other.headers["etag"] not in tags


def test_without_a_cache_the_server_answers_the_same(
    api_store: Path, start_thbgraph_server: Any, srv: Any
) -> None:
    plain = start_thbgraph_server(api_store, processes=1, env={"THBGRAPH_RESPONSE_CACHE_MB": "0"})
    path, params = "/api/cited-by", {"symbol": "MC.DEC/6/18"}
    with httpx.Client(trust_env=False, timeout=30) as c:
        kept = [c.get(srv.base + path, params=params) for _ in range(2)]
        fresh = [c.get(plain.base + path, params=params) for _ in range(2)]
    assert [r.status_code for r in kept + fresh] == [200] * 4
    assert kept[0].content == kept[1].content == fresh[0].content == fresh[1].content


def test_answers_with_their_own_validators_or_varying_on_more_than_accept_are_not_kept(
    srv: Any,
) -> None:
    """A change's RDF Patch has its own ETag and is gzipped or not by Accept-Encoding: asked both
    ways, each client gets its own encoding, and its own tag revalidates to 304."""
    with httpx.Client(base_url=srv.base, trust_env=False, timeout=30) as c:
        feed = c.get("/changes").json()
        items = feed.get("orderedItems") or feed["first"]["orderedItems"]
        link = next(
            u["href"] for i in items for u in i["url"] if u["mediaType"] == "application/rdf-patch"
        )
        for encoding in ("gzip", "identity", "gzip", "identity"):
            r = c.get(link, headers={"Accept-Encoding": encoding})
            assert r.status_code == 200
            assert (r.headers.get("content-encoding") == "gzip") == (encoding == "gzip")
            assert r.text.startswith("H id <")  # httpx decodes gzip: the same patch either way
            again = c.get(
                link, headers={"Accept-Encoding": encoding, "If-None-Match": r.headers["etag"]}
            )
            assert again.status_code == 304
