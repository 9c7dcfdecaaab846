"""Starvation and memory under hostile load: 60 slow queries in flight from one address.

    python bench/starvation.py                      # synth 250 documents, build, serve, measure
    python bench/starvation.py --store PATH         # an already built store
    python bench/starvation.py --slow 60 --seconds 20 --query groupconcat

A real `thbgraph serve` on 127.0.0.1. `--slow` clients each keep one slow SPARQL query in flight
(a cross product; `groupconcat`: one GROUP_CONCAT over it, which grows memory until a limit stops
it); a client whose query is answered (200, 503 at once, 503 past the time limit) sends it again
after `--pause` seconds. Meanwhile, once a second, from the same address: REST /api/cited-by,
the cited-by query through /sparql, and a one-row SPARQL query; each probe's status and latency
is recorded. The resident memory of the server and of all its descendants is sampled every
0.25 s. Prints a JSON summary; exits 1 when a probe took 5 s or more, or the processes together
passed 2 GB (the issue's bounds), so the script can gate a run.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

SLOW = {
    "cross": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "groupconcat": (
        "SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), "
        "STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f)); separator=' ') AS ?all) "
        "WHERE { ?a ?b ?c . ?d ?e ?f }"
    ),
    "grouped": (
        "SELECT ?a (GROUP_CONCAT(CONCAT(STR(?d), STR(?e), STR(?f)); separator=' ') AS ?all) "
        "WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a"
    ),
    "sorted": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
}
LIGHT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
BOUND_S = 5.0
BOUND_BYTES = 2 * 1024**3
PAGE = os.sysconf("SC_PAGE_SIZE")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _tree(root: int) -> list[int]:
    """`root` and every descendant (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = {root}, {root}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return sorted(found)


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _build(work: Path, documents: int) -> Path:
    cli = Path(sys.executable).with_name("thbgraph")
    corpus, store = work / "corpus", work / "store"
    subprocess.run(
        [cli, "synth", str(corpus), "-n", str(documents), "--seed", "1"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [cli, "build", "--corpus", str(corpus), "--store", str(store)],
        check=True,
        capture_output=True,
    )
    return store


def _commitment(store: Path) -> tuple[str, str]:
    """A cited commitment's symbol and IRI (read from the store before serving)."""
    from thbgraph.graph.queries import run_named
    from thbgraph.graph.store import open_store

    with open_store(store) as kg:
        rows = [r for r in run_named(kg, "commitments") if r["meetings"]]
    row = min(rows, key=lambda r: abs(r["meetings"] - 4))
    return str(row["symbol"]), str(row["commitment"])


def _cited_by_sparql(iri: str) -> str:
    from thbgraph.graph.queries import load_query

    text = load_query("cited_by")
    at = text.index("WHERE {") + len("WHERE {")
    return f"{text[:at]} VALUES ?commitment {{ <{iri}> }} {text[at:]}"


class Load:
    """`n` threads, each keeping one slow query in flight until `stop` is set."""

    def __init__(self, base: str, query: str, n: int, pause: float) -> None:
        self.base, self.query, self.pause = base, query, pause
        self.stop = threading.Event()
        self.statuses: dict[str, int] = {}
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(n)]

    def _run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=120, trust_env=False) as client:
            while not self.stop.is_set():
                try:
                    status = str(client.post("/sparql", data={"query": self.query}).status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                with self.lock:
                    self.statuses[status] = self.statuses.get(status, 0) + 1
                self.stop.wait(self.pause)

    def start(self) -> None:
        for t in self.threads:
            t.start()


def _probe(client: httpx.Client, method: str, path: str, **kw: Any) -> tuple[int | str, float]:
    t = time.monotonic()
    try:
        status: int | str = client.request(method, path, **kw).status_code
    except httpx.HTTPError as exc:
        status = type(exc).__name__
    return status, time.monotonic() - t


def measure(args: argparse.Namespace, store: Path) -> dict[str, Any]:
    symbol, iri = _commitment(store)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NO_PROXY": "*"}
    cmd = [sys.executable, "-c", "from thbgraph.cli import main; main()", "serve"]
    cmd += ["--port", str(port), "--store", str(store), "--workers", str(args.workers)]
    cmd += ["--timeout", str(args.timeout)]
    log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server)
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    probes: dict[str, list[tuple[int | str, float]]] = {"rest": [], "sparql_cited": [], "light": []}
    peak = {"all": 0, "server": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = _tree(server.pid)
            peak["all"] = max(peak["all"], sum(_rss(p) for p in pids))
            peak["server"] = max(peak["server"], _rss(server.pid))
            done.wait(0.25)

    try:
        with httpx.Client(base_url=base, timeout=60, trust_env=False) as client:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if server.poll() is not None:
                    log.seek(0)
                    raise SystemExit("serve exited: " + log.read().decode(errors="replace"))
                if _probe(client, "GET", "/sparql", params={"query": "ASK {}"})[0] == 200:
                    break
                time.sleep(0.2)
            sparql_cited = _cited_by_sparql(iri)
            calls = {
                "rest": ("GET", "/api/cited-by", {"params": {"symbol": symbol}}),
                "sparql_cited": ("POST", "/sparql", {"data": {"query": sparql_cited}}),
                "light": ("POST", "/sparql", {"data": {"query": LIGHT}}),
            }
            idle = {k: _probe(client, m, p, **kw) for k, (m, p, kw) in calls.items()}
            threading.Thread(target=sample, daemon=True).start()
            load = Load(base, SLOW[args.query], args.slow, args.pause)
            load.start()
            time.sleep(2)  # the slow queries are in flight
            end = time.monotonic() + args.seconds
            while time.monotonic() < end:
                tick = time.monotonic()
                for k, (m, p, kw) in calls.items():
                    probes[k].append(_probe(client, m, p, **kw))
                time.sleep(max(0.0, 1.0 - (time.monotonic() - tick)))
            load.stop.set()
            done.set()
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()

    def summary(samples: list[tuple[int | str, float]]) -> dict[str, Any]:
        seconds = [s for _, s in samples]
        counts: dict[str, int] = {}
        for status, _ in samples:
            counts[str(status)] = counts.get(str(status), 0) + 1
        return {
            "n": len(samples),
            "statuses": counts,
            "p50_s": round(statistics.median(seconds), 3),
            "max_s": round(max(seconds), 3),
        }

    return {
        "slow_clients": args.slow,
        "slow_query": args.query,
        "workers": args.workers,
        "timeout_s": args.timeout,
        "idle": {k: [v[0], round(v[1], 3)] for k, v in idle.items()},
        "under_load": {k: summary(v) for k, v in probes.items()},
        "slow_query_answers": load.statuses,
        "peak_rss_mb": {k: round(v / 1024**2) for k, v in peak.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a built store (default: synth and build)")
    parser.add_argument("--documents", type=int, default=250, help="synthetic corpus size")
    parser.add_argument("--slow", type=int, default=60, help="slow queries kept in flight")
    parser.add_argument("--query", choices=sorted(SLOW), default="cross")
    parser.add_argument("--seconds", type=float, default=20, help="how long to probe")
    parser.add_argument("--pause", type=float, default=0.2, help="a slow client's pause")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30, help="the query time limit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or _build(Path(tmp), args.documents)
        result = measure(args, store)
    print(json.dumps(result, indent=1))
    worst = max(s["max_s"] for s in result["under_load"].values())
    sys.exit(1 if worst >= BOUND_S or result["peak_rss_mb"]["all"] * 1024**2 >= BOUND_BYTES else 0)


if __name__ == "__main__":
    main()
