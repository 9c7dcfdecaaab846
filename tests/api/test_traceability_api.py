"""The JSON traceability API against a real server over the hand-made test store.

Every test runs twice: over the embedded store, and over the same data on a real Oxigraph
SPARQL server (`thbgraph serve --store sparql+http://...`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

MEETING_2020 = "2020-11-03-meeting-of-national-anti-trafficking-co-ordinators-and-rapporteurs"


@pytest.fixture(scope="module", params=["embedded", "remote"])
def api_server(request: pytest.FixtureRequest) -> Any:
    """The session's server over the embedded store, or one over the same data on Oxigraph."""
    return request.getfixturevalue("server" if request.param == "embedded" else "remote_server")


@pytest.fixture()
def client(api_server: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_server.base, timeout=30, trust_env=False) as c:
        yield c


@pytest.mark.parametrize("typed", ["MC.DEC/6/18", "mc.dec/6/18", "MC Decision 6/18"])
def test_cited_by_accepts_symbols_as_people_write_them(client: httpx.Client, typed: str) -> None:
    r = client.get("/api/cited-by", params={"symbol": typed})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["commitment"]["symbol"] == "MC.DEC/6/18"
    assert [m["start_date"] for m in data["meetings"]] == ["2020-11-03"]


def test_commitment_page_has_the_2020_meeting_with_both_documents_and_passages(
    client: httpx.Client,
) -> None:
    r = client.get("/commitments/MC.DEC/6/18")
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["title"].startswith("Strengthening Efforts")
    assert data["date"] == "2018-12-07"
    assert data["body"]["id"] == "org/osce-mc"
    assert "MC Decision 6/18" in data["aliases"]
    (meeting,) = data["cited_by"]
    assert meeting["online"] is True
    assert meeting["end_date"] == "2020-11-04"
    files = sorted(d["file"] for d in meeting["documents"])
    assert files == ["000_46f1c8b510004226.txt", "002_2e1ad919f53edd39.txt"]
    passages = {
        p["text"]: (p["start"], p["end"]) for d in meeting["documents"] for p in d["passages"]
    }
    assert passages == {"MC Decision 6/18": (50, 66), "MC.DEC/6/18": (120, 131)}
    assert client.get("/api/commitments/MC.DEC/6/18").json() == data


def test_unknown_symbol_is_404_with_suggestions(client: httpx.Client) -> None:
    for path in ("/api/commitments/MC.DEC/6/19", "/api/cited-by?symbol=MC.DEC/6/19"):
        r = client.get(path)
        assert r.status_code == 404
        body = r.json()
        assert "MC.DEC/6/18" in body["suggestions"]
        assert "MC.DEC/6/19" in body["error"]


def test_commitments_list_filters_and_pages(client: httpx.Client) -> None:
    everything = client.get("/api/commitments").json()
    assert everything["total"] == 3
    assert [c["symbol"] for c in everything["items"]] == sorted(
        c["symbol"] for c in everything["items"]
    )
    assert {c["symbol"] for c in client.get("/api/commitments?body=CoE").json()["items"]} == {
        "CETS No. 197"
    }
    assert client.get("/api/commitments?year=2017").json()["items"][0]["symbol"] == "MC.DEC/7/17"
    assert client.get("/api/commitments?text=child").json()["total"] == 2
    page = client.get("/api/commitments?limit=1&offset=1").json()
    assert page["total"] == 3
    assert [c["symbol"] for c in page["items"]] == [everything["items"][1]["symbol"]]


def test_bad_query_parameter_is_400_not_422(client: httpx.Client) -> None:
    r = client.get("/api/commitments?limit=abc")
    assert r.status_code == 400
    assert "limit" in r.json()["error"]
    assert client.get("/api/cited-by").status_code == 400


def test_meetings_filters(client: httpx.Client) -> None:
    all_meetings = client.get("/api/meetings").json()
    assert [m["start_date"] for m in all_meetings["items"]] == ["2018-05-23", "2020-11-03"]
    assert client.get("/api/meetings?year=2020").json()["items"][0]["id"] == MEETING_2020
    assert client.get("/api/meetings?online=true").json()["total"] == 1
    assert client.get("/api/meetings?place=strasbourg").json()["items"][0]["place"] == "Strasbourg"
    cites = client.get("/api/meetings", params={"cites": "mc.dec/6/18"}).json()
    assert [m["id"] for m in cites["items"]] == [MEETING_2020]
    assert client.get("/api/meetings?organiser=OSR/CTHB").json()["total"] == 2
    assert client.get("/api/meetings?series=national").json()["total"] == 1


def test_one_meeting(client: httpx.Client) -> None:
    data = client.get(f"/api/meetings/{MEETING_2020}").json()
    assert data["start_date"] == "2020-11-03"
    assert data["participants_count"] == 110
    assert {o["acronym"] for o in data["organisers"]} == {"CoE", "OSR/CTHB"}
    assert data["sessions"][0]["start_time"] == "10:00"
    assert {d["type"] for d in data["documents"]} == {"Agenda", "Summary"}
    assert data["persons"][0]["name"] == "Valiant Richey"
    assert {c["symbol"] for c in data["cited"]} == {"MC.DEC/6/18", "MC.DEC/7/17"}


def test_what_did_the_2020_meeting_cite(client: httpx.Client) -> None:
    data = client.get(f"/api/meetings/{MEETING_2020}/citations").json()
    by_symbol = {c["symbol"]: c for c in data["cited"]}
    assert set(by_symbol) == {"MC.DEC/6/18", "MC.DEC/7/17"}
    assert len(by_symbol["MC.DEC/6/18"]["passages"]) == 2
    for passage in by_symbol["MC.DEC/6/18"]["passages"]:  # the sentence, the symbol marked in it
        quote = passage["quote"]
        assert "6/18" in quote["text"]
        assert passage["text"][quote["start"] : quote["end"]] == quote["text"]
        doc = client.get(f"/api/documents/{passage['document'].rsplit('/', 1)[-1]}").json()
        assert doc["text"][passage["start"] : passage["end"]] == passage["text"]


def test_unknown_meeting_suggests(client: httpx.Client) -> None:
    r = client.get("/api/meetings/2020-11-03-meeting")
    assert r.status_code == 404
    assert MEETING_2020 in r.json()["suggestions"]


def test_document_with_spans(client: httpx.Client) -> None:
    data = client.get("/api/documents/002_2e1ad919f53edd39").json()
    assert data["types"] == ["Summary"]
    assert data["text"].startswith("SUMMARY")
    quotes = {s["quote"] for s in data["spans"]}
    assert {"MC.DEC/6/18", "3-4 November 2020"} <= quotes
    assert all(s["text_at_offsets"] == s["quote"] for s in data["spans"])
    assert client.get("/api/documents/999_nope").status_code == 404


def test_actors_publications_search_resolve(client: httpx.Client) -> None:
    actors = client.get("/api/actors?kind=person").json()
    assert [a["label"] for a in actors["items"]] == ["Valiant Richey"]
    coe = client.get("/api/actors/org/coe").json()
    assert any(s["value"] == "CoE" for s in coe["statements"])
    pubs = client.get("/api/publications").json()
    assert pubs["items"][0]["title"] == "Third Progress Report"
    hits = client.get("/api/search", params={"q": "child"}).json()
    assert "commitment/mc-dec-6-18" in [h["id"] for h in hits["items"]]
    passages = client.get("/api/search", params={"q": "recalled"}).json()
    assert passages["total"] == 0 or all(h["passages"] for h in passages["items"])
    resolved = client.get("/api/resolve", params={"ref": "MC Decision 6/18"}).json()
    assert (resolved["symbol"], resolved["method"]) == ("MC.DEC/6/18", "symbol")
    by_name = client.get(
        "/api/resolve",
        params={
            "ref": "Council of Europe Convention on Action against Trafficking in Human Beings"
        },
    ).json()
    assert by_name["symbol"] == "CETS No. 197"
    assert by_name["method"] == "alias"
    assert client.get("/api/resolve", params={"ref": "nothing like it"}).status_code == 404


def test_openapi_and_local_docs(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/commitments/{symbol}" in spec["paths"]
    assert "/sparql" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower()
    assert "/openapi.json" in docs.text
