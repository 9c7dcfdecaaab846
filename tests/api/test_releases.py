"""Releases served under /dumps/releases/ (issue 18 item 3): index, files, own validators."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

CLI = [sys.executable, "-m", "thbgraph.cli"]


def test_releases_are_served_with_their_checksums(
    writable_store: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(writable_store)
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as client:
        empty = client.get("/dumps/releases/")
        assert empty.status_code == 200 and empty.json() == {"releases": []}
        tag = empty.headers["etag"]
        assert client.get("/dumps/releases", headers={"If-None-Match": tag}).status_code == 304

        # a release changes no generation: the index has its own validator, so it is seen at once
        subprocess.run([*CLI, "release", "--store", str(writable_store)], check=True)
        index = client.get("/dumps/releases/", headers={"If-None-Match": tag})
        assert index.status_code == 200 and index.headers["etag"] != tag
        (release,) = index.json()["releases"]
        assert (
            release["name"] == "r1" and release["quads"] > 0 and "release 1" in release["citation"]
        )
        assert client.get(release["href"]).json() == release

        files = {f["name"]: f for f in release["files"]}
        dump = next(f for n, f in files.items() if n.endswith(".nq.gz"))
        got = client.get(dump["href"])
        assert got.status_code == 200 and got.headers["content-type"] == "application/gzip"
        assert "content-encoding" not in got.headers  # the bytes the checksum is of
        assert hashlib.sha256(got.content).hexdigest() == dump["sha256"]
        assert got.headers["cache-control"].endswith("immutable")
        again = client.get(dump["href"], headers={"If-None-Match": got.headers["etag"]})
        assert again.status_code == 304

        sums = client.get(files["SHA256SUMS"]["href"]).text
        for row in sums.splitlines():
            digest, name = row.split("  ")
            body = client.get(f"{release['href']}{name}").content
            assert hashlib.sha256(body).hexdigest() == digest, name
        void = client.get(next(f["href"] for n, f in files.items() if n.endswith(".void.ttl")))
        assert void.headers["content-type"].startswith("text/turtle") and b"dcat:" in void.content

        assert client.get("/dumps/releases/r7").status_code == 404
        assert client.get("/dumps/releases/r1/..%2F..%2Fcurrent").status_code == 404
        assert client.get("/dumps/releases/r1/.lock").status_code == 404
        assert client.get("/dumps/thbgraph.nq").status_code == 200  # the live dump is still there
