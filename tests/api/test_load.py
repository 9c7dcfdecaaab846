"""A bounded load: concurrent clients mixing the API's answers; no errors, latencies reported.

Short form here (seconds); `bash bench/load.sh` runs the long form: 50 clients for 60 s against a
1e5-triple synthetic store (THBGRAPH_LOAD_SECONDS, THBGRAPH_LOAD_CLIENTS, THBGRAPH_LOAD_STORE).
The server's memory (with its query workers) may not grow by more than 10 % after the warm-up half.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

SECONDS = float(os.environ.get("THBGRAPH_LOAD_SECONDS", "5"))
CLIENTS = int(os.environ.get("THBGRAPH_LOAD_CLIENTS", "10"))
REQUESTS = [
    ("GET", "/api/cited-by", {"symbol": "MC.DEC/6/18"}),
    ("GET", "/api/cited-by", {"symbol": "CETS No. 197"}),
    ("GET", "/api/search", {"q": "trafficking"}),
    ("GET", "/api/meetings", {}),
    ("GET", "/doc/commitment/mc-dec-6-18", {}),
    ("GET", "/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}),
]


def _rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS"))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total * 1024


def test_concurrent_clients_get_answers_without_errors(
    built_store: Path, start_thbgraph_server: Any
) -> None:
    store = Path(os.environ.get("THBGRAPH_LOAD_STORE", built_store))
    srv = start_thbgraph_server(store, timeout=30)  # the production default, not the tests' 3 s
    latencies: list[float] = []
    errors: list[str] = []
    memory: list[int] = []

    async def client(n: int, seconds: float) -> None:
        async with httpx.AsyncClient(base_url=srv.base, timeout=60, trust_env=False) as c:
            end = time.perf_counter() + seconds
            i = n
            while time.perf_counter() < end:
                method, path, params = REQUESTS[i % len(REQUESTS)]
                i += 1
                t = time.perf_counter()
                r = await c.request(method, path, params=params, headers={"Accept": "*/*"})
                latencies.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors.append(f"{path} {r.status_code}")

    async def phase(seconds: float) -> None:
        await asyncio.gather(*(client(n, seconds) for n in range(CLIENTS)))

    asyncio.run(phase(SECONDS / 2))  # warm-up
    memory.append(_rss(srv.process.pid))
    asyncio.run(phase(SECONDS / 2))
    memory.append(_rss(srv.process.pid))
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    print(
        f"\nload: {CLIENTS} clients x {SECONDS:.0f} s: {len(ms)} requests, "
        f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, {len(errors)} errors, "
        f"memory after warm-up {memory[0] / 2**20:.0f} MiB, at the end {memory[1] / 2**20:.0f} MiB"
    )
    assert not errors, errors[:10]
    assert memory[1] <= memory[0] * 1.10, memory
    assert len(ms) >= CLIENTS
