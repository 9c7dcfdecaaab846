"""The read model is one package over one folder of named queries: every query an answer names
exists there, and the worker's whitelist is the package's."""

from __future__ import annotations

import ast
from pathlib import Path

import thbgraph.graph.answers as answers
from thbgraph.graph.answers import CALLS
from thbgraph.graph.queries import query_names

CALLERS = {"rows", "run_named", "load_query"}


def _named_queries(folder: Path) -> set[str]:
    names = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in CALLERS:
                args = [a for a in node.args if isinstance(a, ast.Constant)]
                if args and isinstance(args[0].value, str):
                    names.add(args[0].value)
    return names


def test_every_query_an_answer_names_is_in_the_one_folder() -> None:
    used = _named_queries(Path(answers.__file__).parent)
    assert len(used) >= 15
    assert used - set(query_names()) == set()


def test_the_worker_whitelist_is_the_read_model() -> None:
    assert CALLS is answers.CALLS
    assert all(f.__module__.startswith("thbgraph.graph.answers.") for f in CALLS.values())
