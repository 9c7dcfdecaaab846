"""The change feed (issue 18 item 2): /changes (AS2 JSON-LD), /changes.atom, `thbgraph changes`."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)
CLI = [sys.executable, "-m", "thbgraph.cli"]


def _check_atom(body: bytes) -> etree._Element:
    """The RFC 4287 rules a reader relies on: feed id/title/updated/author, entry id/title/updated."""
    feed = etree.fromstring(body)
    assert feed.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(ATOM + name)) == 1, name
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    for entry in feed.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(ATOM + name)) == 1, name
        # atom:updated is an RFC 3339 date-time
        stamp = entry.findtext(ATOM + "updated")
        assert stamp is not None and stamp[10] == "T" and stamp.endswith("Z")
    return feed


def test_the_feed_follows_an_add_while_serving(
    writable_store: Path, tmp_path: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(writable_store)
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as client:
        before = client.get("/changes")
        assert before.status_code == 200
        assert before.headers["content-type"].startswith("application/ld+json")
        feed = before.json()
        assert feed["type"] == "OrderedCollection" and feed["totalItems"] == 1
        assert feed["first"]["orderedItems"][0]["type"] == "Update"  # the build
        _check_atom(client.get("/changes.atom").content)

        doc = tmp_path / "010_vienna_agenda.txt"
        doc.write_text(NEW_DOC, encoding="utf-8")
        subprocess.run([*CLI, "add", str(doc), "--store", str(writable_store)], check=True)
        deadline = time.monotonic() + 2  # visible to the running server within 2 s
        while True:
            feed = client.get("/changes").json()
            if feed["totalItems"] == 2 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert feed["totalItems"] == 2
        items = feed["first"]["orderedItems"]
        newest = items[0]
        assert newest["type"] == "Create"
        assert newest["object"] == [{"type": "Document", "name": "010_vienna_agenda.txt"}]
        assert newest["thb:triplesAdded"] > 0 and newest["thb:triplesRemoved"] == 0
        assert newest["published"] > items[1]["published"]

        atom = client.get("/changes.atom")
        assert atom.headers["content-type"].startswith("application/atom+xml")
        entries = _check_atom(atom.content).findall(ATOM + "entry")
        assert len(entries) == 2
        assert "010_vienna_agenda.txt" in entries[0].findtext(ATOM + "title")
        one = client.get("/changes", params={"limit": 1}).json()
        assert one["first"]["orderedItems"] == [newest]
        assert client.get("/changes", params={"limit": 0}).status_code == 400

    out = subprocess.run(
        [*CLI, "changes", "--json", "--store", str(writable_store)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert [json.loads(line)["kind"] for line in out] == ["add", "build"]
    assert json.loads(out[0])["documents"] == ["010_vienna_agenda.txt"]
    patch = Path(json.loads(out[0])["patch"])
    assert patch.name.endswith(".rdfp.gz") and patch.is_file()
    table = subprocess.run(
        [*CLI, "changes", "--limit", "1", "--store", str(writable_store)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert table.count("\n") == 1 and "010_vienna_agenda.txt" in table and " add " in table


def _canonical(store: Path) -> str:
    from thbgraph.graph.store import open_store
    from thbgraph.graph.vocab import GRAPH_RUNS

    with open_store(store) as kg:
        return kg.canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)])


def test_a_mirror_pages_through_the_feed_and_replays_its_patches(
    writable_store: Path, tmp_path: Path, start_thbgraph_server: Any
) -> None:
    """Issue 18: pages (AS2 next/prev, RFC 5005 links) and patches that replay to the store."""
    import pyoxigraph as ox

    from thbgraph.graph.store import GraphStore
    from thbgraph.graph.vocab import GRAPH_RUNS

    old = _canonical(writable_store)
    srv = start_thbgraph_server(writable_store)
    for n, text in enumerate([NEW_DOC, NEW_DOC.replace("12-13 October", "14-15 November")]):
        doc = tmp_path / f"01{n}_agenda.txt"
        doc.write_text(text, encoding="utf-8")
        subprocess.run([*CLI, "add", str(doc), "--store", str(writable_store)], check=True)
    new = _canonical(writable_store)
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as client:
        deadline = time.monotonic() + 5
        while client.get("/changes").json()["totalItems"] < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        feed = client.get("/changes", params={"limit": 1}).json()
        assert feed["totalItems"] == 3 and feed["last"].endswith("?page=1&limit=1")
        page, items, seen = feed["first"], [], []
        assert "prev" not in page  # the newest page
        while True:  # follow `next` to older pages, bounded
            assert page["type"] == "OrderedCollectionPage" and len(seen) < 5
            seen.append(page["id"])
            items += page["orderedItems"]
            if "next" not in page:
                break
            older = client.get(page["next"]).json()
            assert older["prev"] == page["id"]
            page = older
        assert seen[-1] == feed["last"] and [i["type"] for i in items] == [
            "Create",
            "Create",
            "Update",
        ]
        assert items[0]["object"] == [{"type": "Document", "name": "011_agenda.txt"}]

        mirror, after_build = ox.Store(), ox.Store()
        after_build.bulk_load(old.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        for n, item in enumerate(reversed(items)):  # oldest first
            link = next(u for u in item["url"] if u["mediaType"] == "application/rdf-patch")
            got = client.get(link["href"])
            assert got.status_code == 200
            assert got.headers["content-type"].startswith("application/rdf-patch")
            assert got.text.startswith(f"H id <{item['id']}> .")
            again = client.get(link["href"], headers={"If-None-Match": got.headers["etag"]})
            assert again.status_code == 304
            for store in (mirror, after_build) if n else (mirror,):
                from thbgraph.graph.changes import apply_patch

                apply_patch(store, got.content)
        for store in (mirror, after_build):
            assert GraphStore(store).canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)]) == new
        assert new != old

        activity = client.get(items[0]["url"][0]["href"]).json()
        assert activity["id"] == items[0]["id"]
        atom = _check_atom(client.get("/changes.atom", params={"limit": 1}).content)
        rels = {link.get("rel"): link.get("href") for link in atom.findall(ATOM + "link")}
        assert {"self", "first", "last", "next"} <= set(rels) and "previous" not in rels
        assert rels["next"].endswith("changes.atom?page=2&limit=1")
        oldest = _check_atom(client.get(rels["last"]).content)
        rels = {link.get("rel") for link in oldest.findall(ATOM + "link")}
        assert "previous" in rels and "next" not in rels
        enclosure = oldest.find(f"{ATOM}entry/{ATOM}link[@rel='enclosure']")
        assert enclosure is not None and enclosure.get("type") == "application/rdf-patch"

        missing = client.get("/changes", params={"page": 99})
        assert missing.status_code == 404 and "page=99" in missing.json()["detail"]
        assert client.get("/changes/nope.rdfp").status_code == 404
        assert client.get("/changes", params={"limit": 101}).status_code == 400


def test_a_remote_store_says_it_keeps_no_change_log(
    remote_server: Any, oxigraph_server: str
) -> None:
    """Issue 18: builds on a remote SPARQL server leave no log; the feed and the CLI say so."""
    with httpx.Client(base_url=remote_server.base, timeout=30, trust_env=False) as client:
        for path in ("/changes", "/changes.atom", "/changes/x.rdfp"):
            got = client.get(path)
            assert got.status_code == 404, path
            assert "keeps no change log" in got.json()["detail"], path
        assert client.get("/dumps/releases/").json() == {"releases": []}
    out = subprocess.run(
        [*CLI, "changes", "--store", oxigraph_server], capture_output=True, text=True
    )
    assert out.returncode == 1 and out.stderr.count("\n") == 1
    assert "keeps no change log" in out.stderr and "embedded stores only" in out.stderr
    made = subprocess.run(
        [*CLI, "release", "--store", oxigraph_server], capture_output=True, text=True
    )
    assert made.returncode == 1 and "remote store keeps no releases" in made.stderr
