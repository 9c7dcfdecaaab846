"""Conditional requests (issue 18 item 1): ETag / Last-Modified on GET answers, 304 when unchanged."""

from __future__ import annotations

import subprocess
import sys
import time
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from thbgraph.api.caching import _etag_matches, request_etag

ASK = "ASK { ?s ?p ?o }"
PATHS: list[tuple[str, dict[str, str], dict[str, str]]] = [
    ("/api/cited-by", {"symbol": "MC.DEC/6/18"}, {}),
    ("/api/meetings", {}, {}),
    ("/sparql", {"query": ASK}, {"Accept": "application/sparql-results+json"}),
    ("/doc/commitment/mc-dec-6-18", {}, {"Accept": "text/turtle"}),
    ("/doc/commitment/mc-dec-6-18", {}, {"Accept": "text/html"}),
    ("/.well-known/void", {}, {}),
    ("/dumps/thbgraph.nq", {}, {}),
    ("/export", {"format": "d3", "view": "actors"}, {}),
    ("/changes", {}, {}),
]

NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)


@pytest.mark.parametrize(("path", "params", "headers"), PATHS)
def test_get_answers_carry_validators_and_revalidate_to_304(
    client: httpx.Client, path: str, params: dict[str, str], headers: dict[str, str]
) -> None:
    r = client.get(path, params=params, headers=headers)
    assert r.status_code == 200, r.text
    etag, modified = r.headers["etag"], r.headers["last-modified"]
    assert etag.startswith('"') and "Accept" in r.headers["vary"]
    again = client.get(path, params=params, headers={**headers, "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    since = client.get(path, params=params, headers={**headers, "If-Modified-Since": modified})
    assert since.status_code == 304
    head = client.head(path, params=params, headers={**headers, "If-None-Match": etag})
    assert head.status_code == 304  # HEAD and GET share the tag


def test_the_tag_depends_on_the_request(client: httpx.Client) -> None:
    def tag(path: str, params: Any, accept: str = "") -> str:
        r = client.get(path, params=params, headers={"Accept": accept} if accept else {})
        assert r.status_code == 200, r.text
        return r.headers["etag"]

    base = tag("/api/meetings", [("limit", "5"), ("offset", "0")])
    assert tag("/api/meetings", [("offset", "0"), ("limit", "5")]) == base  # query order ignored
    assert tag("/api/meetings", [("limit", "6"), ("offset", "0")]) != base
    turtle = tag("/doc/commitment/mc-dec-6-18", {}, "text/turtle")
    assert tag("/doc/commitment/mc-dec-6-18", {}, "application/ld+json") != turtle
    stale = client.get(
        "/api/meetings", params={"limit": "5", "offset": "0"}, headers={"If-None-Match": '"nope"'}
    )
    assert stale.status_code == 200 and stale.headers["etag"] == base


def test_older_if_modified_since_or_a_bad_date_gets_the_answer(client: httpx.Client) -> None:
    r = client.get("/api/meetings")
    made = parsedate_to_datetime(r.headers["last-modified"]).timestamp()
    older = formatdate(made - 3600, usegmt=True)
    assert client.get("/api/meetings", headers={"If-Modified-Since": older}).status_code == 200
    assert (
        client.get("/api/meetings", headers={"If-Modified-Since": "yesterday"}).status_code == 200
    )


def test_errors_and_posts_carry_no_tag(client: httpx.Client) -> None:
    missing = client.get("/api/meetings/no-such-meeting")
    assert missing.status_code == 404 and "etag" not in missing.headers
    post = client.post("/sparql", data={"query": ASK})
    assert post.status_code == 200 and "etag" not in post.headers


def test_tag_helpers() -> None:
    tag = request_etag("gen-1", "/api/meetings", b"b=2&a=1", "text/html")
    assert tag == request_etag("gen-1", "/api/meetings", b"a=1&b=2", "text/html")
    assert tag != request_etag("gen-2", "/api/meetings", b"a=1&b=2", "text/html")
    at = request_etag("gen-1", "/api/meetings", b"a=1&b=2", "text/html", "http://one.example")
    assert at != request_etag(
        "gen-1", "/api/meetings", b"a=1&b=2", "text/html", "https://one.example"
    )
    assert at != request_etag(
        "gen-1", "/api/meetings", b"a=1&b=2", "text/html", "http://two.example"
    )
    assert _etag_matches(f'"x", W/{tag}', tag) and _etag_matches("*", tag)
    assert not _etag_matches('"x"', tag)


def test_the_tag_changes_after_add_while_serving(
    writable_store: Path, tmp_path: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(writable_store)
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as client:
        params = {"symbol": "MC.DEC/6/18"}
        first = client.get("/api/cited-by", params=params)
        etag = first.headers["etag"]
        assert (
            client.get("/api/cited-by", params=params, headers={"If-None-Match": etag}).status_code
            == 304
        )
        doc = tmp_path / "010_vienna_agenda.txt"
        doc.write_text(NEW_DOC, encoding="utf-8")
        cli = [sys.executable, "-m", "thbgraph.cli"]
        subprocess.run([*cli, "add", str(doc), "--store", str(writable_store)], check=True)
        deadline = time.monotonic() + 2  # a running server sees the new generation within 2 s
        while True:
            r = client.get("/api/cited-by", params=params, headers={"If-None-Match": etag})
            if r.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert r.status_code == 200 and r.headers["etag"] != etag
        assert len(r.json()["meetings"]) == len(first.json()["meetings"]) + 1
