"""The API over the store built from the bundled corpus (the lead's `built_store` fixture).

The seed fact: MC.DEC/6/18 is cited by exactly one meeting, 3-4 November 2020, online,
evidenced by two documents (the agenda and the summary).
Every test runs over the embedded store and over the corpus built on a real Oxigraph server
(`thbgraph build --store sparql+http://...`, then `thbgraph serve` over it).
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from rdflib import Graph


@pytest.fixture(scope="module", params=["embedded", "remote"])
def corpus(
    request: pytest.FixtureRequest, built_store: Path, start_thbgraph_server: Any
) -> Iterator[httpx.Client]:
    location: Path | str = built_store
    if request.param == "remote":
        location = request.getfixturevalue("oxigraph_server")
        cli = [sys.executable, "-m", "thbgraph.cli"]
        subprocess.run([*cli, "build", "--store", location], check=True, capture_output=True)
    srv = start_thbgraph_server(location)
    with httpx.Client(base_url=srv.base, timeout=60, trust_env=False) as c:
        yield c


def test_mc_dec_6_18_is_cited_by_the_2020_meeting_with_both_documents(
    corpus: httpx.Client,
) -> None:
    r = corpus.get("/commitments/MC.DEC/6/18")
    assert r.status_code == 200, r.text
    data = r.json()
    (meeting,) = data["cited_by"]
    assert meeting["start_date"] == "2020-11-03"
    assert meeting["online"] is True
    files = sorted(d["file"] for d in meeting["documents"])
    assert files == ["000_46f1c8b510004226.txt", "002_2e1ad919f53edd39.txt"]
    assert all(d["passages"] for d in meeting["documents"])
    for d in meeting["documents"]:
        doc_id = d["file"].removesuffix(".txt")
        text = corpus.get(f"/api/documents/{doc_id}").json()["text"]
        for p in d["passages"]:
            assert text[p["start"] : p["end"]] == p["text"]


def test_the_commitment_iri_dereferences(corpus: httpx.Client) -> None:
    iri_path = "/id/commitment/mc-dec-6-18"
    assert corpus.get(iri_path).status_code == 303
    for accept, fmt in [("text/turtle", "turtle"), ("application/ld+json", "json-ld")]:
        r = corpus.get(iri_path, headers={"Accept": accept}, follow_redirects=True)
        assert r.status_code == 200
        assert len(Graph().parse(data=r.text, format=fmt)) > 0
    page = corpus.get(iri_path, headers={"Accept": "text/html"}, follow_redirects=True)
    assert "MC.DEC/6/18" in page.text


def test_what_did_the_2020_meeting_cite(corpus: httpx.Client) -> None:
    meetings = corpus.get("/api/meetings", params={"year": 2020}).json()["items"]
    assert meetings
    cited = corpus.get(f"/api/meetings/{meetings[0]['id']}/citations").json()["cited"]
    symbols = {c["symbol"] for c in cited if c["symbol"]}
    assert {"MC.DEC/6/18", "PC.DEC/1107/Corr.1", "CETS No. 197"} <= symbols


def test_a_meeting_cites_in_sentences_with_the_symbol_marked(corpus: httpx.Client) -> None:
    meeting = corpus.get("/api/meetings", params={"year": 2020}).json()["items"][0]["id"]
    cited = corpus.get(f"/api/meetings/{meeting}/citations").json()["cited"]
    passages = [p for c in cited if c["symbol"] == "MC.DEC/6/18" for p in c["passages"]]
    assert passages
    texts: dict[str, str] = {}
    for p in passages:  # cited-by's shape: the sentence, and the citing words within it
        doc = p["document"].rsplit("/", 1)[-1]
        texts.setdefault(doc, corpus.get(f"/api/documents/{doc}").json()["text"])
        assert texts[doc][p["start"] : p["end"]] == p["text"]
        q = p["quote"]
        assert p["text"][q["start"] : q["end"]] == q["text"] and "6/18" in q["text"]
    assert any(len(p["text"]) > len(p["quote"]["text"]) + 20 for p in passages)
    page = corpus.get(
        f"/id/meeting/{meeting}", headers={"Accept": "text/html"}, follow_redirects=True
    )
    sentence = next(p for p in passages if len(p["text"]) > len(p["quote"]["text"]))
    q = sentence["quote"]
    words = sentence["text"][: q["start"]].split()
    assert f"<mark>{html.escape(q['text'])}</mark>" in page.text
    assert words and html.escape(words[-1]) in page.text.split(f"<mark>{html.escape(q['text'])}")[0]


def test_pc_ec_637_resolves_as_a_repair(corpus: httpx.Client) -> None:
    r = corpus.get("/api/resolve", params={"ref": "PC.EC/637"}).json()
    assert (r["symbol"], r["method"]) == ("PC.DEC/637", "repaired-symbol")
    assert 0 < r["confidence"] < 1
    assert json.dumps(r)
