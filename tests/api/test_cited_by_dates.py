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


def test_meeting_lists_and_a_commitments_history_up_to_a_date_over_http(
    client: httpx.Client,
) -> None:
    def starts(**params: str) -> list[str]:
        r = client.get("/api/meetings", params={"limit": 1000, **params})
        assert r.status_code == 200, r.text
        return [m["start_date"] for m in r.json()["items"]]

    every = starts()
    middle = sorted(every)[len(every) // 2]
    assert len(set(every)) >= 2
    assert starts(until=middle) == [s for s in every if s <= middle]  # inclusive
    assert starts(since=middle) == [s for s in every if s >= middle]
    assert starts(since=middle, until=middle) == [middle] * every.count(middle)

    def history(**params: str) -> list[str]:
        r = client.get("/api/commitments/MC.DEC/6/18", params=params)
        assert r.status_code == 200, r.text
        return [m["start_date"] for m in r.json()["cited_by"]]

    assert history() == ["2020-11-03"]
    assert history(until="2020-11-03") == ["2020-11-03"]
    assert history(until="2020-11-02") == [] and history(since="2020-11-04") == []
    for path in ("/api/meetings", "/api/commitments/MC.DEC/6/18", "/api/cited-by"):
        bad = client.get(path, params={"symbol": "MC.DEC/6/18", "until": "soon"})
        assert bad.status_code == 400 and "until" in bad.json()["detail"], path
        backwards = client.get(
            path, params={"symbol": "MC.DEC/6/18", "since": "2021-01-01", "until": "2020-01-01"}
        )
        assert backwards.status_code == 400 and "since" in backwards.json()["detail"], path


def test_meetings_and_commitment_commands_take_dates(built_store: Path) -> None:
    cli = [sys.executable, "-m", "thbgraph.cli"]
    store = ["--store", str(built_store)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*cli, *args, *store], capture_output=True, text=True)

    every = json.loads(run("meetings", "--json").stdout)
    early = json.loads(run("meetings", "--until", "2010-12-31", "--json").stdout)
    assert 0 < len(early) < len(every)
    assert all(m["start_date"] <= "2010-12-31" for m in early)
    later = json.loads(run("meetings", "--since", "2011-01-01", "--json").stdout)
    assert len(early) + len(later) == len([m for m in every if m["start_date"]])

    history = run("commitment", "MC.DEC/6/18", "--until", "2020-11-03")
    assert history.returncode == 0 and "2020-11-03" in history.stdout
    assert (
        "cited by 0 meeting(s)" in run("commitment", "MC.DEC/6/18", "--until", "2020-11-02").stdout
    )
    bad = run("meetings", "--since", "next week")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "since" in bad.stderr
    assert "Traceback" not in bad.stderr
