"""The server follows the store: after `thbgraph add` / `remove`, answers change without a restart."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)


def _meetings_citing(client: httpx.Client, symbol: str) -> list[str]:
    r = client.get("/api/cited-by", params={"symbol": symbol})
    assert r.status_code == 200, r.text
    return sorted(m["start_date"] or "" for m in r.json()["meetings"])


def _eventually(fn: Any, expected: Any, seconds: float = 20) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        got = fn()
        if got == expected or time.monotonic() > deadline:
            return got
        time.sleep(0.2)


def test_added_and_removed_documents_show_up_without_a_restart(
    writable_store: Path, tmp_path: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(writable_store)
    with httpx.Client(base_url=srv.base, timeout=30, trust_env=False) as client:
        assert _meetings_citing(client, "MC.DEC/6/18") == ["2020-11-03"]
        doc = tmp_path / "010_vienna_agenda.txt"
        doc.write_text(NEW_DOC, encoding="utf-8")
        cli = [sys.executable, "-m", "thbgraph.cli"]
        subprocess.run([*cli, "add", str(doc), "--store", str(writable_store)], check=True)
        got = _eventually(
            lambda: _meetings_citing(client, "MC.DEC/6/18"), ["2020-11-03", "2022-10-12"]
        )
        assert got == ["2020-11-03", "2022-10-12"]
        subprocess.run(
            [*cli, "remove", "010_vienna_agenda", "--store", str(writable_store)], check=True
        )
        got = _eventually(lambda: _meetings_citing(client, "MC.DEC/6/18"), ["2020-11-03"])
        assert got == ["2020-11-03"]
