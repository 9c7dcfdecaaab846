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
        assert feed["orderedItems"][0]["type"] == "Update"  # the build
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
        newest = feed["orderedItems"][0]
        assert newest["type"] == "Create"
        assert newest["object"] == [{"type": "Document", "name": "010_vienna_agenda.txt"}]
        assert newest["thb:triplesAdded"] > 0 and newest["thb:triplesRemoved"] == 0
        assert newest["published"] > feed["orderedItems"][1]["published"]

        atom = client.get("/changes.atom")
        assert atom.headers["content-type"].startswith("application/atom+xml")
        entries = _check_atom(atom.content).findall(ATOM + "entry")
        assert len(entries) == 2
        assert "010_vienna_agenda.txt" in entries[0].findtext(ATOM + "title")
        assert client.get("/changes", params={"limit": 1}).json()["orderedItems"] == [newest]
        assert client.get("/changes", params={"limit": 0}).status_code == 400

    out = subprocess.run(
        [*CLI, "changes", "--json", "--store", str(writable_store)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert [json.loads(line)["kind"] for line in out] == ["add", "build"]
    assert json.loads(out[0])["documents"] == ["010_vienna_agenda.txt"]
    table = subprocess.run(
        [*CLI, "changes", "--limit", "1", "--store", str(writable_store)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert table.count("\n") == 1 and "010_vienna_agenda.txt" in table and " add " in table
