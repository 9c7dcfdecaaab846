"""thbgraph benchmark: synthetic corpora through the whole pipeline, with ratios against rdflib.

    python bench/run.py --quick          # 100 and 1,000 documents (a few minutes)
    python bench/run.py                  # 100, 1,000 and 10,000 documents; writes bench/results.md

For each size, in one run: extraction throughput, build time per step (extract, RDF, SHACL, store),
triples, store size on disk, peak memory of the build, adding one document, cited-by latency
(in-process and over HTTP with concurrent clients), aggregate queries, and the same cited-by query
on an rdflib in-memory Dataset loaded with the same data (the baseline) with the ratio.
Each build runs in its own process so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPEATS = 200  # latency samples per in-process query


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
        f"{mem:.0f} GiB RAM, Python {platform.python_version()}"
    )


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _percentiles(samples: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in samples)
    return {
        "p50_ms": statistics.median(ms),
        "p95_ms": ms[max(0, int(len(ms) * 0.95) - 1)],
    }


# -- child: one build in its own process -----------------------------------------------------------
def child_build(corpus: Path, store: Path) -> None:
    """Build `corpus` into `store`, print the figures as JSON (run in a fresh process)."""
    from thbgraph.graph.pipeline import build_store

    report = build_store(store, corpus=corpus)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "documents": len(report.documents),
                "skipped": len(report.skipped),
                "quads": report.quads,
                "seconds": report.seconds,
                "timings": report.timings,
                "peak_rss_bytes": peak,
            }
        )
    )


def _run_child(corpus: Path, store: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child-build", str(corpus), str(store)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"build of {corpus} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- queries -----------------------------------------------------------------------------------------
def _symbols_to_ask(store: Path) -> tuple[str, str]:
    """A commitment cited at a handful of meetings, and the most-cited one."""
    from thbgraph.graph.queries import run_named
    from thbgraph.graph.store import open_store

    with open_store(store) as kg:
        rows = [r for r in run_named(kg, "commitments") if r["meetings"]]
    most = rows[0]["symbol"]
    handful = min(rows, key=lambda r: abs(r["meetings"] - 4))["symbol"]
    return handful, most


def _time(fn: Any, repeats: int = REPEATS) -> list[float]:
    fn()  # warm-up
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return samples


def in_process_latencies(store: Path, symbols: tuple[str, str]) -> dict[str, Any]:
    import pyoxigraph as ox

    from thbgraph.graph.answers import cited_by
    from thbgraph.graph.answers import resolve_symbol as resolve
    from thbgraph.graph.queries import load_query, run_named
    from thbgraph.graph.store import open_store

    out: dict[str, Any] = {}
    with open_store(store) as kg:
        for label, symbol in zip(("handful", "most_cited"), symbols, strict=True):
            iri = resolve(kg, symbol)[1]
            q = load_query("cited_by")
            out[f"cited_by_query_{label}"] = _percentiles(
                _time(lambda iri=iri, q=q: kg.select(q, bindings={"commitment": ox.NamedNode(iri)}))
            )
            out[f"cited_by_answer_{label}"] = _percentiles(
                _time(lambda symbol=symbol: cited_by(kg, symbol), repeats=50)
            )
        year_q = """PREFIX thb: <https://w3id.org/thbgraph/ontology#>
            PREFIX schema: <https://schema.org/>
            SELECT ?m ?d WHERE { ?m a thb:Meeting ; schema:startDate ?d . FILTER(YEAR(?d) = 2010) }"""
        out["meetings_of_a_year"] = _percentiles(_time(lambda: kg.select(year_q), repeats=50))
        out["top_cited"] = _percentiles(_time(lambda: run_named(kg, "commitments"), repeats=10))
    return out


RDFLIB_TIMEOUT_S = 600


def child_rdflib(store: Path, iri: str) -> None:
    """The same cited-by query on an rdflib in-memory Dataset (run in a child process)."""
    from rdflib import Dataset, URIRef

    from thbgraph.graph.queries import load_query
    from thbgraph.graph.store import open_store

    with open_store(store) as kg:
        data = kg.dump()
    ds = Dataset(default_union=True)
    t = time.perf_counter()
    ds.parse(data=data, format="nquads")
    load_s = time.perf_counter() - t
    print(json.dumps({"load_s": load_s, "started": time.time()}), flush=True)
    q = load_query("cited_by")
    samples = []
    for _ in range(3):
        t = time.perf_counter()
        list(ds.query(q, initBindings={"commitment": URIRef(iri)}))
        samples.append(time.perf_counter() - t)
        print(json.dumps({"load_s": load_s, **_percentiles(samples)}), flush=True)


def rdflib_baseline(store: Path, symbol: str) -> dict[str, Any]:
    """rdflib on the same data and query, in a child process stopped after RDFLIB_TIMEOUT_S."""
    from thbgraph.graph.answers import resolve_symbol as resolve
    from thbgraph.graph.store import open_store

    with open_store(store) as kg:
        iri = resolve(kg, symbol)[1]
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child-rdflib", str(store), iri],
            capture_output=True,
            text=True,
            timeout=RDFLIB_TIMEOUT_S,
            check=True,
        )
    except subprocess.TimeoutExpired as exc:
        text = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        lines = [json.loads(x) for x in text.strip().splitlines() if x.startswith("{")]
        done = [x for x in lines if "p50_ms" in x]
        if done:
            return {**done[-1], "partial": True}
        # not one query finished: its time is at least what was left after loading
        started = lines[0]["started"] if lines else time.time()
        waited = time.time() - started
        return {"timed_out_after_s": round(waited), "p50_ms": waited * 1000}
    return json.loads(out.stdout.strip().splitlines()[-1])


def http_latencies(
    store: Path, symbol: str, *, clients: int = 8, seconds: float = 10.0
) -> dict[str, Any]:
    """cited-by over HTTP: `thbgraph serve` in its own process, a bounded loop of concurrent clients."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "thbgraph.cli",
            "serve",
            "--port",
            str(port),
            "--store",
            str(store),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                ready = httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=5)
                if ready.status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        samples: list[float] = []
        errors = 0

        async def client() -> None:
            nonlocal errors
            async with httpx.AsyncClient(base_url=base, timeout=30) as c:
                end = time.perf_counter() + seconds
                while time.perf_counter() < end:
                    t = time.perf_counter()
                    r = await c.get("/api/cited-by", params={"symbol": symbol})
                    samples.append(time.perf_counter() - t)
                    errors += r.status_code != 200

        async def single() -> list[float]:
            one = []
            async with httpx.AsyncClient(base_url=base, timeout=30) as c:
                for _ in range(100):
                    t = time.perf_counter()
                    await c.get("/api/cited-by", params={"symbol": symbol})
                    one.append(time.perf_counter() - t)
            return one

        sequential = asyncio.run(single())

        async def load() -> None:
            await asyncio.gather(*(client() for _ in range(clients)))

        asyncio.run(load())
        rss = _status_bytes(proc.pid, "VmHWM")
        tree_rss = sum(_status_bytes(pid, "VmRSS") for pid in _process_tree(proc.pid))
        return {
            "sequential": _percentiles(sequential),
            "concurrent": {
                **_percentiles(samples),
                "clients": clients,
                "requests": len(samples),
                "errors": errors,
            },
            "serve_peak_rss_bytes": rss,
            "serve_tree_rss_bytes": tree_rss,
        }
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _status_bytes(pid: int, field: str) -> int:
    """A memory figure of a process from /proc (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _process_tree(pid: int) -> list[int]:
    """A process and all its descendants (the server and its query worker processes)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
    return out


def export_gexf(store: Path) -> dict[str, float]:
    """Seconds to export the citations view and the full graph as GEXF, and the full as GraphML."""
    from thbgraph.graph.export import ViewOptions
    from thbgraph.graph.export.formats import export
    from thbgraph.graph.store import open_store

    out = {}
    with open_store(store) as kg:
        for view in ("citations", "full"):
            t = time.perf_counter()
            export(kg, ViewOptions(view=view), "gexf")
            out[view] = time.perf_counter() - t
        t = time.perf_counter()
        export(kg, ViewOptions(view="full"), "graphml")
        out["full_graphml"] = time.perf_counter() - t
    return out


def add_one(store: Path, work: Path) -> dict[str, Any]:
    """Add one new document: in-process (with its steps) and as the `thbgraph add` command."""
    from thbgraph.graph.pipeline import add_documents, remove_documents
    from thbgraph.graph.quality.synth import write_corpus

    extra = work / "added"
    write_corpus(extra, 1, seed=999)
    doc = next(p for p in sorted(extra.iterdir()) if p.name != "truth.json")
    t = time.perf_counter()
    report = add_documents(store, [doc])
    in_process = time.perf_counter() - t
    remove_documents(store, report.documents)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", "add", "--store", str(store), str(doc)],
        check=True,
        capture_output=True,
    )
    cli = time.perf_counter() - t
    shutil.rmtree(extra, ignore_errors=True)
    return {"seconds": in_process, "cli_seconds": cli, "timings": report.timings}


PARTS = ("rdflib", "http", "export", "add")
HEAVY = frozenset({"rdflib", "export"})  # minutes each at millions of triples


def run(
    sizes: list[int],
    out: Path | None,
    *,
    skip: frozenset[str] = frozenset(),
    heavy_up_to: int | None = None,
) -> dict[str, Any]:
    from thbgraph.graph.quality.synth import write_corpus

    results: dict[str, Any] = {"machine": _machine(), "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="thbgraph-bench-") as tmp:
        work = Path(tmp)
        for n in sizes:
            print(f"== {n} documents", flush=True)
            corpus = work / f"corpus-{n}"
            write_corpus(corpus, n, seed=1)
            store = work / f"store-{n}"
            figures = _run_child(corpus, store)
            figures["docs_per_s"] = figures["documents"] / figures["timings"]["extract"]
            figures["store_bytes"] = _du(store)
            skip_here = skip | (
                HEAVY if heavy_up_to is not None and n > heavy_up_to else frozenset()
            )
            symbols = _symbols_to_ask(store)
            figures["symbols"] = {"handful": symbols[0], "most_cited": symbols[1]}
            figures["queries"] = in_process_latencies(store, symbols)
            if "rdflib" not in skip_here:
                base = rdflib_baseline(store, symbols[0])
                figures["rdflib_baseline"] = base
                figures["speedup_vs_rdflib"] = (
                    base["p50_ms"] / figures["queries"]["cited_by_query_handful"]["p50_ms"]
                )
            if "http" not in skip_here:
                figures["http"] = http_latencies(store, symbols[0])
            if "export" not in skip_here:
                figures["export_gexf_s"] = export_gexf(store)
            if "add" not in skip_here:
                figures["add_one"] = add_one(store, work)
            results["sizes"][str(n)] = figures
            print(json.dumps(figures, indent=1), flush=True)
            shutil.rmtree(corpus, ignore_errors=True)
    if out is not None:
        out.write_text(render(results), encoding="utf-8")
        print(f"wrote {out}")
    return results


def render(results: dict[str, Any]) -> str:
    lines = [
        "# thbgraph benchmark results",
        "",
        f"Machine: {results['machine']}.",
        f"Run on {time.strftime('%Y-%m-%d')} with "
        f"`python bench/run.py --sizes {' '.join(results['sizes'])}` (medians of repeated runs;",
        f"{REPEATS} samples per in-process query, 3 for the rdflib baseline).",
        "",
        "| figure | " + " | ".join(f"{n} docs" for n in results["sizes"]) + " |",
        "|---|" + "---|" * len(results["sizes"]),
    ]

    def row(label: str, fn: Any) -> None:
        cells = []
        for f in results["sizes"].values():
            try:
                cells.append(fn(f))
            except (KeyError, TypeError):
                cells.append("n/a")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row("triples (quads)", lambda f: f"{f['quads']:,}")
    row("extraction throughput", lambda f: f"{f['docs_per_s']:.0f} docs/s")
    row("full build (extract+RDF+SHACL+store)", lambda f: f"{f['seconds']:.1f} s")
    for step in ("extract", "rdf", "validate", "store"):
        row(f"  of which {step}", lambda f, step=step: f"{f['timings'][step]:.1f} s")
    row("store on disk", lambda f: f"{f['store_bytes'] / 2**20:.0f} MiB")
    row("build peak memory", lambda f: f"{f['peak_rss_bytes'] / 2**20:.0f} MiB")
    row(
        "add one document (incl. validation): in-process / `thbgraph add` command",
        lambda f: f"{f['add_one']['seconds']:.2f} / {f['add_one']['cli_seconds']:.2f} s",
    )
    row(
        "  validation: whole graph (build) / one added document",
        lambda f: f"{f['timings']['validate']:.1f} / {f['add_one']['timings']['validate']:.2f} s",
    )
    row(
        "cited-by query p50 / p95, handful (in-process)",
        lambda f: (
            f"{f['queries']['cited_by_query_handful']['p50_ms']:.2f} / {f['queries']['cited_by_query_handful']['p95_ms']:.2f} ms"
        ),
    )
    row(
        "cited-by query p50 / p95, most cited (in-process)",
        lambda f: (
            f"{f['queries']['cited_by_query_most_cited']['p50_ms']:.2f} / {f['queries']['cited_by_query_most_cited']['p95_ms']:.2f} ms"
        ),
    )
    row(
        "cited-by answer (query + grouping) p50, handful",
        lambda f: f"{f['queries']['cited_by_answer_handful']['p50_ms']:.2f} ms",
    )
    row(
        "cited-by over HTTP p50 / p95 (sequential)",
        lambda f: (
            f"{f['http']['sequential']['p50_ms']:.1f} / {f['http']['sequential']['p95_ms']:.1f} ms"
        ),
    )
    row(
        "cited-by over HTTP p50 / p95 (8 concurrent clients)",
        lambda f: (
            f"{f['http']['concurrent']['p50_ms']:.1f} / {f['http']['concurrent']['p95_ms']:.1f} ms, {f['http']['concurrent']['errors']} errors"
        ),
    )
    row(
        "serve memory: server process peak / server + query workers after the load",
        lambda f: (
            f"{f['http']['serve_peak_rss_bytes'] / 2**20:.0f} / "
            f"{f['http']['serve_tree_rss_bytes'] / 2**20:.0f} MiB"
        ),
    )
    row(
        "meetings of a year p50", lambda f: f"{f['queries']['meetings_of_a_year']['p50_ms']:.2f} ms"
    )
    row("top-cited aggregate p50", lambda f: f"{f['queries']['top_cited']['p50_ms']:.1f} ms")
    row(
        "export: GEXF citations view / GEXF full graph / GraphML full graph",
        lambda f: (
            f"{f['export_gexf_s']['citations']:.1f} / {f['export_gexf_s']['full']:.1f} / "
            f"{f['export_gexf_s']['full_graphml']:.1f} s"
        ),
    )
    row(
        "rdflib baseline: same cited-by p50",
        lambda f: (
            f"> {f['rdflib_baseline']['timed_out_after_s']} s (3 runs stopped)"
            if "timed_out_after_s" in f["rdflib_baseline"]
            else f"{f['rdflib_baseline']['p50_ms']:.1f} ms"
        ),
    )
    row(
        "**speed-up over rdflib** (same query, same data)",
        lambda f: (
            ("**≥ " if "timed_out_after_s" in f["rdflib_baseline"] else "**")
            + f"{f['speedup_vs_rdflib']:.0f}x**"
        ),
    )
    targets = HERE / "targets.md"
    if targets.is_file():  # the analysis written against these figures
        lines += ["", targets.read_text(encoding="utf-8").rstrip()]
    lines += ["", "Raw figures:", "", "```json", json.dumps(results, indent=1), "```", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 documents only")
    parser.add_argument("--sizes", type=int, nargs="*", help="document counts to run")
    parser.add_argument(
        "--skip",
        nargs="*",
        choices=PARTS,
        default=[],
        help="parts not to run at these sizes (e.g. rdflib and export at 1e7 triples)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="results file (default: bench/results.md in full mode)",
    )
    parser.add_argument("--child-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-rdflib", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument(
        "--render", type=Path, help="re-render a results file from its raw JSON figures"
    )
    parser.add_argument(
        "--heavy-up-to",
        type=int,
        default=None,
        help="run the rdflib baseline and the exports only up to this many documents",
    )
    args = parser.parse_args()
    if args.child_build:
        child_build(*args.child_build)
        return
    if args.render:
        text = args.render.read_text(encoding="utf-8")
        raw = text.split("```json\n", 1)[1].split("```", 1)[0]
        args.render.write_text(render(json.loads(raw)), encoding="utf-8")
        return
    if args.child_rdflib:
        child_rdflib(Path(args.child_rdflib[0]), args.child_rdflib[1])
        return
    sizes = args.sizes or ([100, 1000] if args.quick else [100, 1000, 10000])
    out = args.out or (None if args.quick else HERE / "results.md")
    run(sizes, out, skip=frozenset(args.skip), heavy_up_to=args.heavy_up_to)


if __name__ == "__main__":
    main()
