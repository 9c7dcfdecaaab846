"""Every answer over HTTP against cited-by in the same run, then the 50-client mix (issue 16).

    python bench/http_mix.py --store STORE                    # an existing embedded store
    python bench/http_mix.py --docs 1000                      # synthetic corpus, built here first
    python bench/http_mix.py --store S --write bench/results.md  # also updates its section

A real `thbgraph serve` on 127.0.0.1 over the store (read-only), then:
(a) each answer alone: --repeats sequential requests after one warm-up, p50 / p95; a list or a
    search passes when its p50 is within 10x of cited-by's p50 in this run, or under 30 ms;
(b) the mix: --clients clients for --seconds, each cycling through cited-by (REST and SPARQL),
    search, meetings and meeting pages; passes with no error at all (any status but 200, a
    timeout, a dropped connection) and p95 <= 500 ms.
Prints a table; exits 1 when a bound is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a file: its sibling modules
from results_page import replace_section

START, END = "<!-- http-mix:start -->", "<!-- http-mix:end -->"
RATIO = 10.0  # a list answer within this many times cited-by's p50 ...
FLOOR_MS = 30.0  # ... or under this
MIX_P95_MS = 500.0
REQUEST_TIMEOUT_S = 30.0  # what a client waits before the request counts as a timeout


@dataclass(frozen=True)
class Probe:
    """One request of the bench: a name, its path and query, and whether it is a list."""

    name: str
    path: str
    params: dict[str, str]
    is_list: bool = False
    accept: str = "application/json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _ms_percentiles(samples: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples)
    if not ms:
        return {"p50_ms": 0.0, "p95_ms": 0.0}
    return {"p50_ms": statistics.median(ms), "p95_ms": ms[max(0, int(len(ms) * 0.95) - 1)]}


def _descendants(pid: int) -> list[int]:
    """A process and its descendants (the server processes, their query workers and fork
    servers)."""
    found, todo = [], [pid]
    while todo and len(found) < 256:
        p = todo.pop()
        found.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its living descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in _descendants(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15 of stat)
    return total / tick


def _kib(path: str, field: str) -> int:
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    return next((int(x.split()[1]) for x in text.splitlines() if x.startswith(field)), 0)


def tree_memory(pid: int) -> dict[str, int]:
    """Memory of a process and its descendants: the sum of their RSS (counts the pages forked
    processes share once per process), the sum of their PSS (shared pages split between the
    processes sharing them: what the tree really holds), and how many processes."""
    pids = _descendants(pid)
    rss = sum(_kib(f"/proc/{p}/status", "VmRSS:") for p in pids)
    pss = sum(_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
    return {"rss": rss * 1024, "pss": pss * 1024, "processes": len(pids)}


class Server:
    """`thbgraph serve` over a store in its own process, on a free loopback port."""

    def __init__(
        self, store: Path, *, workers: int | None = None, processes: int | None = None
    ) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "thbgraph.cli", "serve", "--port", str(self.port)]
        cmd += ["--store", str(store)]
        if workers:
            cmd += ["--workers", str(workers)]
        if processes:
            cmd += ["--processes", str(processes)]
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, seconds: float = 90.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"thbgraph serve exited: {self.tail()}")
            try:
                r = httpx.get(self.base + "/sparql", params={"query": "ASK {}"}, timeout=5)
                if r.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"thbgraph serve not ready in {seconds:.0f} s: {self.tail()}")

    def tail(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-2000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        self.log.close()


def discover(base: str) -> dict[str, str]:
    """What to ask about, from the store's own lists: a commitment cited at a handful of
    meetings (its symbol and IRI), a meeting id, a year with meetings."""
    with httpx.Client(base_url=base, timeout=120, trust_env=False) as c:
        rows = c.get("/api/commitments", params={"limit": 1000}).raise_for_status().json()
        cited = [r for r in rows["items"] if r.get("meetings")]
        if not cited:
            raise SystemExit("the store has no cited commitment to ask about")
        handful = min(cited, key=lambda r: abs(int(r["meetings"]) - 4))
        meetings = c.get("/api/meetings", params={"limit": 1000}).raise_for_status().json()
        if not meetings["items"]:
            raise SystemExit("the store has no meeting to ask about")
        meeting = meetings["items"][len(meetings["items"]) // 2]
    meeting_id = str(meeting["id"])
    year = str(meeting.get("start_date") or "")[:4]
    return {
        "symbol": str(handful["symbol"]),
        "iri": str(handful["iri"]),
        "meeting": meeting_id,
        "year": year if year.isdigit() else "2010",
    }


def probes(found: dict[str, str]) -> list[Probe]:
    """The answers measured one by one: cited-by first (the reference), then every list and
    search answer, then the one-entity pages."""
    return [
        Probe("cited-by", "/api/cited-by", {"symbol": found["symbol"]}),
        Probe("commitments (with counts)", "/api/commitments", {}, True),
        Probe("meetings", "/api/meetings", {}, True),
        Probe("meetings of a year", "/api/meetings", {"year": found["year"]}, True),
        Probe("meetings citing a commitment", "/api/meetings", {"cites": found["symbol"]}, True),
        Probe("publications", "/api/publications", {}, True),
        Probe("actors", "/api/actors", {}, True),
        Probe("search trafficking", "/api/search", {"q": "trafficking"}, True),
        Probe(
            "search trafficking page 2", "/api/search", {"q": "trafficking", "offset": "50"}, True
        ),
        Probe("search торговля", "/api/search", {"q": "торговля"}, True),
        Probe("search with kind", "/api/search", {"q": "victims", "kind": "Meeting"}, True),
        Probe("commitment", f"/api/commitments/{found['symbol']}", {}),
        Probe("meeting", f"/api/meetings/{found['meeting']}", {}),
        Probe("meeting page (HTML)", f"/doc/meeting/{found['meeting']}", {}, accept="text/html"),
    ]


def mix(found: dict[str, str]) -> list[Probe]:
    """The mix of issue 16: cited-by (REST and SPARQL), search, meetings and meeting pages."""
    from thbgraph.graph.queries import load_query

    # the named query, its commitment given by a trailing VALUES block (what a SPARQL user sends)
    sparql = load_query("cited_by") + f"\nVALUES ?commitment {{ <{found['iri']}> }}\n"
    return [
        Probe("cited-by", "/api/cited-by", {"symbol": found["symbol"]}),
        Probe(
            "cited-by SPARQL",
            "/sparql",
            {"query": sparql},
            accept="application/sparql-results+json",
        ),
        Probe("search", "/api/search", {"q": "trafficking"}),
        Probe("meetings", "/api/meetings", {}),
        Probe("meeting", f"/api/meetings/{found['meeting']}", {}),
        Probe("meeting page", f"/doc/meeting/{found['meeting']}", {}, accept="text/html"),
    ]


async def _get(c: httpx.AsyncClient, p: Probe) -> tuple[float, str | None]:
    """One request: its seconds and None, or its seconds and what went wrong."""
    t = time.perf_counter()
    try:
        r = await c.get(p.path, params=p.params, headers={"Accept": p.accept})
        await r.aread()
    except httpx.TimeoutException:
        return time.perf_counter() - t, f"{p.name}: timeout"
    except httpx.HTTPError as e:
        return time.perf_counter() - t, f"{p.name}: {type(e).__name__}"
    error = None if r.status_code == 200 else f"{p.name}: {r.status_code}"
    return time.perf_counter() - t, error


def one_by_one(base: str, found: dict[str, str], repeats: int) -> list[dict[str, Any]]:
    """(a): each answer alone, sequential requests on one connection."""

    async def run() -> list[dict[str, Any]]:
        rows = []
        async with httpx.AsyncClient(base_url=base, timeout=120, trust_env=False) as c:
            for p in probes(found):
                _, error = await _get(c, p)  # warm-up (and the check that it answers)
                samples, errors = [], [error] if error else []
                for _ in range(repeats):
                    s, error = await _get(c, p)
                    samples.append(s)
                    errors += [error] if error else []
                rows.append(
                    {
                        "name": p.name,
                        "list": p.is_list,
                        "errors": errors[:3],
                        **_ms_percentiles(samples),
                    }
                )
                print(f"  {p.name}: p50 {rows[-1]['p50_ms']:.1f} ms", flush=True)
        return rows

    return judge(asyncio.run(run()))


def judge(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row's ratio to the first (cited-by) and its verdict: no error, and a list's p50
    within RATIO times cited-by's or under FLOOR_MS."""
    ref = rows[0]["p50_ms"]
    bound = max(RATIO * ref, FLOOR_MS)
    for r in rows:
        r["ratio"] = r["p50_ms"] / ref if ref else float("inf")
        r["ok"] = not r["errors"] and (not r["list"] or r["p50_ms"] <= bound)
    return rows


def _clients_part(
    base: str, found: dict[str, str], first: int, count: int, start: float, seconds: float
) -> tuple[dict[str, list[float]], list[str], float]:
    """Clients `first`..`first + count - 1` of the mix, from wall-clock `start` for `seconds`
    (in one process): the seconds of each request by kind, the errors, this process's CPU s."""
    kinds = mix(found)
    per_kind: dict[str, list[float]] = {p.name: [] for p in kinds}
    errors: list[str] = []

    async def client(n: int, end: float) -> None:
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(
            base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits, trust_env=False
        ) as c:
            i = n
            while time.perf_counter() < end:
                p = kinds[i % len(kinds)]
                i += 1
                s, error = await _get(c, p)
                per_kind[p.name].append(s)
                if error:
                    errors.append(error)

    async def run() -> None:
        await asyncio.sleep(max(0.0, start - time.time()))
        end = time.perf_counter() + seconds
        await asyncio.gather(*(client(n, end) for n in range(first, first + count)))

    cpu = time.process_time()
    asyncio.run(run())
    return per_kind, errors, time.process_time() - cpu


def under_load(
    base: str,
    found: dict[str, str],
    *,
    clients: int,
    seconds: float,
    pid: int,
    client_processes: int = 1,
) -> dict[str, Any]:
    """(b): `clients` clients cycling through the mix for `seconds`, in `client_processes`
    processes (one Python process of asyncio clients is itself bounded by one core's share:
    on a shared machine it can be what limits the requests per second, not the server)."""
    import multiprocessing as mp

    memory: list[dict[str, int]] = []
    start = time.time() + 1.0
    shares = [
        clients // client_processes + (n < clients % client_processes)
        for n in range(client_processes)
    ]
    firsts = [sum(shares[:n]) for n in range(client_processes)]
    server_cpu = tree_cpu_s(pid)
    t = time.perf_counter()
    with mp.get_context("fork").Pool(client_processes) as pool:
        parts = pool.starmap_async(
            _clients_part,
            [(base, found, f, c, start, seconds) for f, c in zip(firsts, shares, strict=True)],
        )
        while not parts.ready():
            if time.time() >= start:
                memory.append(tree_memory(pid))
            parts.wait(1.0)
        results = parts.get()
    wall = time.perf_counter() - t - 1.0
    server_cpu = tree_cpu_s(pid) - server_cpu
    per_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    for kinds, errs, _ in results:
        for k, v in kinds.items():
            per_kind.setdefault(k, []).extend(v)
        errors += errs
    every = [s for v in per_kind.values() for s in v]
    overall = _ms_percentiles(every)
    counts: dict[str, int] = {}
    for e in errors:
        counts[e] = counts.get(e, 0) + 1
    return {
        "clients": clients,
        "client_processes": client_processes,
        "seconds": seconds,
        "wall_s": wall,
        "requests": len(every),
        "rps": len(every) / wall if wall else 0.0,
        **overall,
        "per_kind": {k: {"n": len(v), **_ms_percentiles(v)} for k, v in per_kind.items()},
        "errors": counts,
        "peak_tree_rss_bytes": max((m["rss"] for m in memory), default=0),
        "peak_tree_pss_bytes": max((m["pss"] for m in memory), default=0),
        "server_processes": max((m["processes"] for m in memory), default=0),
        "server_cpu_s": server_cpu,
        "client_cpu_s": sum(cpu for _, _, cpu in results),
        "ok": not errors and overall["p95_ms"] <= MIX_P95_MS,
    }


def measure(
    store: Path,
    *,
    repeats: int,
    clients: int,
    seconds: float,
    workers: int | None = None,
    processes: int | None = None,
    client_processes: int = 1,
) -> dict[str, Any]:
    """Both parts against one server; the load average is read before and after each."""
    server = Server(store, workers=workers, processes=processes)
    try:
        server.wait_ready()
        found = discover(server.base)
        out: dict[str, Any] = {"asked": found, "load_before": os.getloadavg()}
        print("one by one:", flush=True)
        out["answers"] = one_by_one(server.base, found, repeats)
        out["load_answers"] = os.getloadavg()
        print(f"mix: {clients} clients for {seconds:.0f} s", flush=True)
        out["mix"] = under_load(
            server.base,
            found,
            clients=clients,
            seconds=seconds,
            pid=server.process.pid,
            client_processes=client_processes,
        )
        out["load_mix"] = os.getloadavg()
        out["ok"] = all(r["ok"] for r in out["answers"]) and out["mix"]["ok"]
        return out
    finally:
        server.stop()


def _load(avg: Any) -> str:
    return " / ".join(f"{x:.1f}" for x in avg)


def render(results: dict[str, Any], command: str, quads: int | None = None) -> str:
    """The results as a markdown section between START and END."""
    ans = results["answers"]
    ref = ans[0]["p50_ms"]
    bound = max(RATIO * ref, FLOOR_MS)
    size = f"store of {quads:,} quads; " if quads else ""
    lines = [
        START,
        "## Over HTTP: every answer against cited-by, and the 50-client mix (`bench/http_mix.py`)",
        "",
        f"Command: `{command}`; {size}`thbgraph serve` on 127.0.0.1, this 2-core machine shared "
        "with other jobs. Load average (1 / 5 / 15 min) before: "
        f"{_load(results['load_before'])}; after the answers: {_load(results['load_answers'])}; "
        f"after the mix: {_load(results['load_mix'])}.",
        "",
        f"(a) Each answer alone (sequential; a list passes at p50 <= {bound:.0f} ms, "
        f"i.e. {RATIO:.0f}x cited-by's {ref:.1f} ms or {FLOOR_MS:.0f} ms):",
        "",
        "| answer | p50 | p95 | x cited-by | list bound |",
        "|---|---|---|---|---|",
    ]
    for r in ans:
        verdict = ("met" if r["ok"] else "**missed**") if r["list"] else "-"
        if r["errors"]:
            verdict = "**error** " + ", ".join(r["errors"])
        lines.append(
            f"| {r['name']} | {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | "
            f"{r['ratio']:.1f}x | {verdict} |"
        )
    m = results["mix"]
    errors = ", ".join(f"{k} x{v}" for k, v in m["errors"].items()) or "none"
    lines += [
        "",
        f"(b) The mix: {m['clients']} clients (in {m.get('client_processes', 1)} process(es)) "
        f"for {m['seconds']:.0f} s: {m['requests']:,} requests "
        f"({m['rps']:.0f} per second), p50 {m['p50_ms']:.0f} ms, p95 {m['p95_ms']:.0f} ms "
        f"(bound {MIX_P95_MS:.0f}); errors: {errors}; memory of the server's "
        f"{m.get('server_processes', 0)} processes (servers, fork servers, query workers) at "
        f"most {m['peak_tree_rss_bytes'] / 2**20:.0f} MiB RSS summed, "
        f"{m.get('peak_tree_pss_bytes', 0) / 2**20:.0f} MiB PSS (shared pages counted once). "
        f"CPU used during the mix: the server's processes {m.get('server_cpu_s', 0):.0f} s "
        f"({1000 * m.get('server_cpu_s', 0) / max(1, m['requests']):.1f} ms per request), "
        f"the bench's clients {m.get('client_cpu_s', 0):.0f} s, of the 2 cores' "
        f"{2 * m['wall_s']:.0f} s. **{'met' if m['ok'] else 'missed'}**.",
        "",
        "| request | n | p50 | p95 |",
        "|---|---|---|---|",
    ]
    for k, v in m["per_kind"].items():
        lines.append(f"| {k} | {v['n']:,} | {v['p50_ms']:.0f} ms | {v['p95_ms']:.0f} ms |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def merge_section(old: str, section: str) -> str:
    """The page with this benchmark's section replaced by `section` (appended if it has none)."""
    return replace_section(old, section, START, END)


def _quads(store: Path) -> int | None:
    try:
        from thbgraph.graph.store import open_store

        with open_store(store) as kg:
            return len(kg)
    except Exception:  # the size is a caption, not a figure
        return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", type=Path, help="an existing embedded store (served read-only)")
    parser.add_argument("--docs", type=int, default=1000, help="synthetic documents to build")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--workers", type=int, help="SPARQL worker processes, all together")
    parser.add_argument("--processes", type=int, help="server processes (default: per core)")
    parser.add_argument(
        "--client-processes", type=int, default=1, help="processes the mix's clients run in"
    )
    parser.add_argument("--write", type=Path, help="update this markdown file's http-mix section")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    command = "python bench/http_mix.py " + " ".join(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="thbgraph-http-mix-") as tmp:
        store = args.store
        if store is None:
            from thbgraph.graph.pipeline import build_store
            from thbgraph.graph.quality.synth import write_corpus

            write_corpus(Path(tmp) / "corpus", args.docs, seed=1)
            store = Path(tmp) / "store"
            build_store(store, corpus=Path(tmp) / "corpus")
        quads = _quads(store)
        results = measure(
            store,
            repeats=args.repeats,
            clients=args.clients,
            seconds=args.seconds,
            workers=args.workers,
            processes=args.processes,
            client_processes=args.client_processes,
        )
        if args.store is None:
            shutil.rmtree(store, ignore_errors=True)
    text = render(results, command, quads)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        args.write.write_text(merge_section(old, text), encoding="utf-8")
    sys.exit(0 if results["ok"] else 1)


if __name__ == "__main__":
    main()
