"""`thbgraph dump`: canonical sorted N-Quads that diff well, the build-runs graph apart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from thbgraph.graph.vocab import GRAPH_RUNS


def test_dump_is_sorted_and_writes_the_runs_graph_apart(built_store: Path, tmp_path: Path) -> None:
    out, runs = tmp_path / "all.nq", tmp_path / "runs.nq"
    done = subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", "dump", "-o", str(out), "--runs", str(runs),
         "--store", str(built_store)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = out.read_text("utf-8").splitlines()
    assert lines and lines == sorted(lines)
    assert not any(f"<{GRAPH_RUNS}>" in line for line in lines)
    volatile = runs.read_text("utf-8").splitlines()
    assert volatile and all(line.endswith(f"<{GRAPH_RUNS}> .") for line in volatile)
    again = subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", "dump", "--store", str(built_store)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert again.stdout.splitlines() == lines  # the same store gives the same bytes
