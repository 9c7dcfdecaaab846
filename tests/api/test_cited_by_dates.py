"""cited-by limited to meetings up to a date (issue 18 item 4), over HTTP and on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx


def _starts(client: httpx.Client, **params: str) -> list[str]:
    r = client.get("/api/cited-by", params={"symbol": "MC.DEC/6/18", **params})
    assert r.status_code == 200, r.text
    return sorted(m["start_date"] or "" for m in r.json()["meetings"])


def test_until_drops_later_meetings_over_http(client: httpx.Client) -> None:
    every = _starts(client)
    assert every, "the test store has a meeting citing MC.DEC/6/18"
    first = every[0]
    assert _starts(client, until=first) == [s for s in every if s <= first]  # inclusive
    assert _starts(client, since=first) == [s for s in every if s >= first]
    assert _starts(client, until="1900-01-01") == []
    bad = client.get("/api/cited-by", params={"symbol": "MC.DEC/6/18", "until": "soon"})
    assert bad.status_code == 400


def test_until_on_the_command_line(built_store: Path) -> None:
    cli = [sys.executable, "-m", "thbgraph.cli", "cited-by", "MC.DEC/6/18", "-f", "json"]
    store = ["--store", str(built_store)]

    def starts(*extra: str) -> list[str]:
        out = subprocess.run([*cli, *extra, *store], check=True, capture_output=True, text=True)
        return [m["start_date"] for m in json.loads(out.stdout)["meetings"]]

    assert starts() == ["2020-11-03"]
    assert starts("--until", "2020-11-03") == ["2020-11-03"]
    assert starts("--until", "2020-11-02") == []
    assert starts("--since", "2020-11-04") == []
    bad = subprocess.run([*cli, "--until", "soon", *store], capture_output=True, text=True)
    assert bad.returncode != 0 and "expected a date as YYYY-MM-DD" in bad.stderr
    assert "Traceback" not in bad.stderr
