"""Builds that scale: time and peak memory of a build and of a rebuild, this code against a
baseline checkout, side by side in one run.

    python bench/build_scale.py --sizes 1000 2500
    python bench/build_scale.py --sizes 1000 2500 --baseline /path/to/base/.venv/bin/python \
        --baseline-sizes 1000 --write bench/results.md

For each size a synthetic corpus (`thbgraph synth`, seed 1) is written once; each build runs in a
child process of its own (its peak RSS, children included, from wait4), first into an empty
store (the build's patch: every quad added), then again over the same corpus into the same store
(a rebuild: the change feed's patch is computed against the previous generation). Variants run
interleaved, baseline first, so both see the same load on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a file: its sibling modules
from results_page import replace_section

START, END = "<!-- build-scale:start -->", "<!-- build-scale:end -->"

_CHILD = """
import json, sys, time
from pathlib import Path
from thbgraph.graph.pipeline import build_store
t = time.perf_counter()
seen = [0]
def progress(name):  # a line on stderr every 500 documents: the time a build's batches take
    seen[0] += 1
    if seen[0] % 500 == 0:
        print(f"{time.perf_counter() - t:.1f} s: {seen[0]} documents extracted", file=sys.stderr, flush=True)
report = build_store(Path(sys.argv[1]), corpus=Path(sys.argv[2]), progress=progress)
print(json.dumps({"seconds": time.perf_counter() - t, "timings": report.timings,
                  "quads": report.quads, "documents": len(report.documents)}))
"""


def _run_build(python: str, store: Path, corpus: Path) -> dict[str, Any]:
    """One build in a child process: its report, wall time and peak RSS (bytes). Its progress
    lines go to `<store>.progress.log` beside the store."""
    t = time.perf_counter()
    with open(f"{store}.progress.log", "w+b") as err:
        proc = subprocess.Popen(
            [python, "-c", _CHILD, str(store), str(corpus)], stdout=subprocess.PIPE, stderr=err
        )
        out = proc.stdout.read() if proc.stdout else b""
        _, status, usage = os.wait4(proc.pid, 0)  # the child's own rusage: its peak RSS
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"build failed ({python}): {err.read().decode()[-2000:]}")
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").splitlines()
    found: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    found["progress"] = [line for line in lines if "documents extracted" in line]
    found["wall_s"] = time.perf_counter() - t
    found["peak_rss_bytes"] = usage.ru_maxrss * 1024
    return found


def measure(
    sizes: list[int],
    variants: dict[str, str],
    baseline_sizes: set[int],
    work: Path,
    steps: tuple[str, ...] = ("build", "rebuild"),
) -> dict[str, Any]:
    from thbgraph.graph.quality.synth import write_corpus

    out: dict[str, Any] = {"sizes": {}, "load": []}
    for n in sizes:
        corpus = work / f"corpus-{n}"
        write_corpus(corpus, n, seed=1)
        chosen = {k: v for k, v in variants.items() if k == "this" or n in baseline_sizes}
        runs: dict[str, dict[str, Any]] = {k: {} for k in chosen}
        for step in steps:
            for name, python in chosen.items():
                store = work / f"store-{n}-{name}"
                if step == "build":
                    shutil.rmtree(store, ignore_errors=True)
                out["load"].append(os.getloadavg()[0])
                runs[name][step] = _run_build(python, store, corpus)
                r = runs[name][step]
                print(
                    f"{n} docs, {name}, {step}: {r['seconds']:.1f} s, "
                    f"peak {r['peak_rss_bytes'] / 2**20:.0f} MiB, {r['timings']}",
                    flush=True,
                )
        for name in chosen:
            shutil.rmtree(work / f"store-{n}-{name}", ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)
        out["sizes"][str(n)] = runs
    out["load"].append(os.getloadavg()[0])
    return out


def _fmt(r: dict[str, Any] | None) -> str:
    if r is None:
        return "not run"
    t = r["timings"]
    steps = ", ".join(f"{k} {t[k]:.1f}" for k in ("extract", "rdf", "validate", "store") if k in t)
    return f"{r['seconds']:.1f} s ({steps}); peak {r['peak_rss_bytes'] / 2**20:.0f} MiB"


def render(results: dict[str, Any], command: str) -> str:
    loads = results["load"]
    lines = [
        START,
        "## Builds: time and peak memory, build and rebuild (`bench/build_scale.py`)",
        "",
        f"Command: `{command}`; each build a child process (peak RSS with its children, from "
        f"wait4); this 2-core machine shared with other jobs (load average {min(loads):.1f} to "
        f"{max(loads):.1f} during the run).",
        "",
        "| documents (quads) | variant | build | rebuild of the same corpus |",
        "|---|---|---|---|",
    ]
    for n, runs in results["sizes"].items():
        quads = runs["this"]["build"]["quads"]
        for name in ("baseline", "this"):
            if name in runs:
                r = runs[name]
                lines.append(
                    f"| {int(n):,} ({quads:,}) | {name} | {_fmt(r.get('build'))} | "
                    f"{_fmt(r.get('rebuild'))} |"
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
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--baseline", help="the python of a baseline checkout (its own venv)")
    parser.add_argument("--baseline-sizes", type=int, nargs="*", help="sizes the baseline runs")
    parser.add_argument(
        "--steps", nargs="+", default=["build", "rebuild"], choices=["build", "rebuild"]
    )
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--write", type=Path, help="update this markdown file's section")
    args = parser.parse_args()
    command = "python bench/build_scale.py " + " ".join(sys.argv[1:])
    variants = {"this": sys.executable}
    if args.baseline:
        variants = {"baseline": args.baseline, **variants}
    baseline_sizes = set(args.baseline_sizes if args.baseline_sizes is not None else args.sizes)
    with tempfile.TemporaryDirectory(prefix="thbgraph-build-", dir=args.work) as tmp:
        results = measure(args.sizes, variants, baseline_sizes, Path(tmp), tuple(args.steps))
    text = render(results, command)
    print(text)
    print(json.dumps(results, indent=1))
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        args.write.write_text(merge_section(old, text), encoding="utf-8")


if __name__ == "__main__":
    main()
