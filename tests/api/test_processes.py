"""Several server processes over one store (api/prefork.py): one generation visible to all.

A real `thbgraph serve --processes 2` on 127.0.0.1; each answer names the process it came from
(`THBGraph-Process`), and requests on fresh connections reach both.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)
OLD, NEW = ["2020-11-03"], ["2020-11-03", "2022-10-12"]
SPARQL_COUNT = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?c <https://w3id.org/thbgraph/ontology#inMeeting> ?m }"


def _ask(base: str) -> tuple[str, list[str]]:
    """cited-by MC.DEC/6/18 on a fresh connection: the process that answered, the start dates."""
    r = httpx.get(
        base + "/api/cited-by",
        params={"symbol": "MC.DEC/6/18"},
        headers={"Connection": "close"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return r.headers["thbgraph-process"], sorted(
        m["start_date"] or "" for m in r.json()["meetings"]
    )


def _from_every_process(base: str, seconds: float = 60) -> dict[str, list[list[str]]]:
    """Ask on fresh connections until both processes answered: every answer, by process."""
    seen: dict[str, list[list[str]]] = {}
    deadline = time.monotonic() + seconds
    while len(seen) < 2 and time.monotonic() < deadline:
        process, dates = _ask(base)
        seen.setdefault(process, []).append(dates)
    assert sorted(seen) == ["0", "1"], f"only {sorted(seen)} answered in {seconds:.0f} s"
    return seen


class _Load:
    """Clients asking cited-by, a meeting list and SPARQL in a loop, each on fresh connections,
    recording every answer that is not a 200 (or no answer at all)."""

    def __init__(self, base: str, clients: int = 4) -> None:
        self.base = base
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.count = 0
        self.threads = [threading.Thread(target=self._run, args=(n,)) for n in range(clients)]

    def _run(self, n: int) -> None:
        requests: list[tuple[str, dict[str, str], dict[str, str]]] = [
            ("/api/cited-by", {"symbol": "MC.DEC/6/18"}, {}),
            ("/api/meetings", {"cites": "MC.DEC/6/18"}, {}),
            ("/sparql", {"query": SPARQL_COUNT}, {"Accept": "application/sparql-results+json"}),
        ]
        i = n
        while not self.stop.is_set():
            path, params, headers = requests[i % len(requests)]
            i += 1
            try:
                r = httpx.get(
                    self.base + path,
                    params=params,
                    headers={**headers, "Connection": "close"},
                    timeout=30,
                )
                if r.status_code != 200:
                    self.failures.append(f"{path}: {r.status_code} {r.text[:200]}")
            except httpx.HTTPError as exc:
                self.failures.append(f"{path}: {type(exc).__name__}: {exc}")
            self.count += 1

    def __enter__(self) -> _Load:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(60)


def test_every_process_answers_from_the_new_generation_and_no_request_fails_in_the_swap(
    writable_store: Path, tmp_path: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(writable_store, processes=2)
    before = _from_every_process(srv.base)
    assert all(dates == OLD for answers in before.values() for dates in answers), before
    doc = tmp_path / "010_vienna_agenda.txt"
    doc.write_text(NEW_DOC, encoding="utf-8")
    with _Load(srv.base) as load:
        time.sleep(1.0)  # the clients are at work before the swap ...
        cli = [sys.executable, "-m", "thbgraph.cli"]
        subprocess.run([*cli, "add", str(doc), "--store", str(writable_store)], check=True)
        # ... and once `add` has returned, every request, in either process, sees the new
        # generation: no process keeps answering from the old one, none answers a mix
        after = _from_every_process(srv.base)
        time.sleep(1.0)
    assert all(dates == NEW for answers in after.values() for dates in answers), after
    assert load.count > 20, f"the clients made only {load.count} requests"
    assert load.failures == []


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _server_processes(pid: int) -> list[int]:
    """The forked server processes of `thbgraph serve` (its children running the same program)."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    return [c for c in _children(pid) if Path(f"/proc/{c}/cmdline").read_bytes() == own]


def test_a_server_process_that_dies_is_replaced(
    built_store: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(built_store, processes=2)
    first = _server_processes(srv.process.pid)
    assert len(first) == 2, first
    os.kill(first[0], signal.SIGKILL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = _server_processes(srv.process.pid)
        if len(now) == 2 and first[0] not in now:
            break
        time.sleep(0.2)
    assert first[0] not in now and len(now) == 2, now
    again = _from_every_process(srv.base)  # both answer again, the new one too
    assert all(dates == OLD for answers in again.values() for dates in answers), again
