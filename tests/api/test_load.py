"""A bounded load: concurrent clients mixing the API's answers; no errors, latencies reported.

Short form here (seconds); `THBGRAPH_LOAD_SECONDS=60 THBGRAPH_LOAD_CLIENTS=50` gives the long form.
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


def test_concurrent_clients_get_answers_without_errors(
    built_store: Path, start_thbgraph_server: Any
) -> None:
    srv = start_thbgraph_server(built_store)
    latencies: list[float] = []
    errors: list[str] = []

    async def client(n: int) -> None:
        async with httpx.AsyncClient(base_url=srv.base, timeout=60, trust_env=False) as c:
            end = time.perf_counter() + SECONDS
            i = n
            while time.perf_counter() < end:
                method, path, params = REQUESTS[i % len(REQUESTS)]
                i += 1
                t = time.perf_counter()
                r = await c.request(method, path, params=params, headers={"Accept": "*/*"})
                latencies.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors.append(f"{path} {r.status_code}")

    async def main() -> None:
        await asyncio.gather(*(client(n) for n in range(CLIENTS)))

    asyncio.run(main())
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    print(
        f"\nload: {CLIENTS} clients x {SECONDS:.0f} s: {len(ms)} requests, "
        f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, {len(errors)} errors"
    )
    assert not errors, errors[:10]
    assert len(ms) >= CLIENTS
