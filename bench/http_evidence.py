"""Over HTTP, in one run against cited-by: every list and search answer of bench/http_mix.py, and
the evidence pages (a document with the spans of its facts, its reader page, an actor and a
commitment with their passages), which read the evidence index instead of joining annotations.

    python bench/http_evidence.py --store STORE [--repeats 20] [--write bench/results.md]

A real `thbgraph serve` on 127.0.0.1 over the store (read-only); each answer alone, sequential
requests after one warm-up, p50 / p95. A list or search passes when its p50 is within 10x of
cited-by's p50 in this run, or under 30 ms (bench/http_mix.py's bound); an evidence page is
reported with its ratio. The document and actor asked about are picked from the store: the
document with the median number of evidence passages, the person with the most.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a file: its sibling modules
from results_page import replace_section

START, END = "<!-- http-evidence:start -->", "<!-- http-evidence:end -->"
HERE = Path(__file__).resolve().parent


def _http_mix() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_http_mix", HERE / "http_mix.py")
    if spec is None or spec.loader is None:
        raise SystemExit("bench/http_mix.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def pick(store: Path) -> dict[str, str]:
    """A document with the median number of passages and the person with the most, from the
    store's evidence index (read-only)."""
    from thbgraph.graph.answers.evidence import EVIDENCE_FILE

    path = (store / "current").resolve() / EVIDENCE_FILE
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        docs = sorted(
            (json.loads(data).__len__(), d) for d, data in conn.execute("SELECT * FROM doc")
        )
        people = conn.execute(
            "SELECT entity, SUM(LENGTH(data)) AS n FROM ent WHERE entity LIKE '%/id/person/%'"
            " GROUP BY entity ORDER BY n DESC LIMIT 1"
        ).fetchall()
    finally:
        conn.close()
    if not docs or not people:
        raise SystemExit(f"{path}: no document or person with evidence")
    return {
        "document": docs[len(docs) // 2][1].rsplit("/", 1)[1],
        "person": people[0][0].split("/id/", 1)[1],
    }


def evidence_probes(mix: ModuleType, found: dict[str, str]) -> list[Any]:
    probe = mix.Probe
    return [
        probe("document (text and spans)", f"/api/documents/{found['document']}", {}),
        probe(
            "document reader page (HTML)",
            f"/doc/document/{found['document']}",
            {},
            accept="text/html",
        ),
        probe("actor with passages", f"/api/actors/{found['person']}", {}),
        probe(
            "commitment page (HTML)",
            f"/doc/commitment/{found['iri'].rsplit('/', 1)[1]}",
            {},
            accept="text/html",
        ),
    ]


def measure(store: Path, repeats: int) -> dict[str, Any]:
    mix = _http_mix()
    server = mix.Server(store)
    try:
        server.wait_ready()
        found = {**mix.discover(server.base), **pick(store)}
        out: dict[str, Any] = {"asked": found, "load_before": os.getloadavg()}
        chosen = mix.probes(found) + evidence_probes(mix, found)

        async def run() -> list[dict[str, Any]]:
            rows = []
            async with httpx.AsyncClient(base_url=server.base, timeout=120, trust_env=False) as c:
                for p in chosen:
                    _, error = await mix._get(c, p)
                    samples, errors = [], [error] if error else []
                    for _ in range(repeats):
                        s, error = await mix._get(c, p)
                        samples.append(s)
                        errors += [error] if error else []
                    rows.append(
                        {"name": p.name, "list": p.is_list, "errors": errors[:3]}
                        | mix._ms_percentiles(samples)
                    )
                    print(f"  {p.name}: p50 {rows[-1]['p50_ms']:.1f} ms", flush=True)
            return rows

        out["answers"] = mix.judge(asyncio.run(run()))
        out["load_after"] = os.getloadavg()
        out["ok"] = all(r["ok"] for r in out["answers"])
        return out
    finally:
        server.stop()


def render(results: dict[str, Any], command: str) -> str:
    rows = results["answers"]
    bound = max(10.0 * rows[0]["p50_ms"], 30.0)
    load = " / ".join(f"{x:.1f}" for x in results["load_before"])
    after = " / ".join(f"{x:.1f}" for x in results["load_after"])
    lines = [
        START,
        "## Over HTTP: lists, search and the evidence pages against cited-by "
        "(`bench/http_evidence.py`)",
        "",
        f"Command: `{command}`; `thbgraph serve` on 127.0.0.1; load average (1 / 5 / 15 min) "
        f"{load} before, {after} after. A list or search passes at p50 <= {bound:.0f} ms "
        "(10x cited-by, or 30 ms).",
        "",
        "| answer | p50 | p95 | x cited-by | bound |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        verdict = ("met" if r["ok"] else "**missed**") if r["list"] else "-"
        if r["errors"]:
            verdict = f"errors: {', '.join(r['errors'])}"
        lines.append(
            f"| {r['name']} | {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | {r['ratio']:.1f}x "
            f"| {verdict} |"
        )
    lines += ["", END]
    return "\n".join(lines) + "\n"


def merge_section(old: str, section: str) -> str:
    """The page with this benchmark's section replaced by `section` (appended if it has none)."""
    return replace_section(old, section, START, END)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    results = measure(args.store, args.repeats)
    text = render(results, "python bench/http_evidence.py " + " ".join(sys.argv[1:]))
    print(text)
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        args.write.write_text(merge_section(old, text), encoding="utf-8")
    raise SystemExit(0 if results["ok"] else 1)


if __name__ == "__main__":
    main()
