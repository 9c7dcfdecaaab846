"""The README's promises: its two commands match CI, and its example SPARQL runs on the bundled graph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thbgraph.graph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SPARQL_BLOCKS = re.findall(r"```sparql\n(.*?)```", README, flags=re.DOTALL)


def test_the_readme_test_command_is_what_ci_runs() -> None:
    first_screen = README[: README.index("## Contents")]
    assert "bash scripts/run.sh" in first_screen
    assert "bash scripts/test.sh" in first_screen
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == "bash scripts/test.sh"


def test_the_readme_has_example_queries() -> None:
    assert len(SPARQL_BLOCKS) >= 3


@pytest.mark.parametrize("sparql", SPARQL_BLOCKS, ids=lambda q: q.strip().splitlines()[-1][:40])
def test_readme_sparql_runs_on_the_bundled_graph(built_store: Path, sparql: str) -> None:
    with open_store(built_store) as kg:
        rows = kg.select(sparql)
    assert rows, "an example query of the README returns nothing on the bundled graph"
