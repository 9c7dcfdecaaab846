"""The flow in the imports, read from the syntax tree of every module (not from text).

cli -> api -> graph: nothing imports what stands above it, and no module imports itself back through others,
lazy imports inside functions included. Imports under `if TYPE_CHECKING:` are not run and do not count.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
ROOMS = {"cli": "thbgraph.cli", "api": "thbgraph.api", "graph": "thbgraph.graph"}
RANK = {
    "thbgraph.graph": 0,
    "thbgraph.api": 1,
    "thbgraph.cli": 2,
}  # a room may import only rooms of lower rank


def _modules(root: Path = ROOT) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder, package in ROOMS.items():
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root / folder).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join([package, *parts])] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that runs, at module level or inside functions, but not under TYPE_CHECKING."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _targets(name: str, path: Path, node: ast.Import | ast.ImportFrom, known: set[str]) -> set[str]:
    """The project modules one import statement loads (the deepest known module of each dotted name)."""
    if isinstance(node, ast.Import):
        dotted = [alias.name for alias in node.names]
    else:
        if node.level:
            package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
            base_parts = package.split(".")
            base_parts = base_parts[: len(base_parts) - (node.level - 1)]
            base = ".".join(base_parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        dotted = [f"{base}.{alias.name}" for alias in node.names] + [base]
    out: set[str] = set()
    for full in dotted:
        parts = full.split(".")
        while parts and ".".join(parts) not in known:
            parts.pop()
        if parts:
            out.add(".".join(parts))
    if isinstance(node, ast.ImportFrom) and len(out) > 1:
        base_mod = dotted[-1]
        # `from .pkg import sub`: the statement loads `sub`; the package itself counts only for plain names
        names_are_modules = all(f"{base_mod}.{a.name}" in known for a in node.names)
        if names_are_modules:
            out.discard(base_mod)
    return out - {name}


def _graph(root: Path = ROOT) -> nx.DiGraph:
    modules = _modules(root)
    known = set(modules)
    g: nx.DiGraph = nx.DiGraph()
    g.add_nodes_from(known)
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in _imports(tree):
            for target in _targets(name, path, node, known):
                g.add_edge(name, target, line=node.lineno)
    return g


def _room(module: str) -> str:
    return ".".join(module.split(".")[:2])


GRAPH = _graph()


def test_the_parser_sees_the_project() -> None:
    assert GRAPH.number_of_nodes() > 80
    assert GRAPH.has_edge("thbgraph.cli.serve", "thbgraph.api.app")


@pytest.mark.parametrize("room", sorted(RANK))
def test_no_room_imports_a_room_above_it(room: str) -> None:
    offenders = [
        f"{a} -> {b} (line {data['line']})"
        for a, b, data in GRAPH.edges(data=True)
        if _room(a) == room and RANK[_room(b)] > RANK[room]
    ]
    assert not offenders, f"{room} imports what stands above it: {offenders}"


def test_no_import_loops() -> None:
    # a package's __init__ re-exporting its own modules is not a loop unless a module imports the package back
    loops = [sorted(c) for c in nx.strongly_connected_components(GRAPH) if len(c) > 1]
    shown = ["  " + " <-> ".join(c) for c in loops]
    assert not loops, "modules that import each other (directly or through others):\n" + "\n".join(
        shown
    )


def test_type_checking_imports_do_not_count() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import thbgraph.cli\nimport os\n"
    )
    assert sorted(type(n).__name__ for n in _imports(tree)) == ["Import", "ImportFrom"]


def test_a_lazy_loop_and_an_upward_import_are_seen(tmp_path: Path) -> None:
    (tmp_path / "graph" / "store").mkdir(parents=True)
    (tmp_path / "api").mkdir()
    (tmp_path / "cli").mkdir()
    (tmp_path / "graph" / "__init__.py").write_text("")
    (tmp_path / "graph" / "store" / "__init__.py").write_text("from .a import f\n")
    (tmp_path / "graph" / "store" / "a.py").write_text("def f():\n    from . import b\n")
    (tmp_path / "graph" / "store" / "b.py").write_text("from .a import f\nimport thbgraph.api.x\n")
    (tmp_path / "api" / "x.py").write_text("")
    g = _graph(tmp_path)
    assert g.has_edge("thbgraph.graph.store.a", "thbgraph.graph.store.b")
    assert g.has_edge("thbgraph.graph.store.b", "thbgraph.graph.store.a")
    assert g.has_edge("thbgraph.graph.store.b", "thbgraph.api.x")
    assert not g.has_edge("thbgraph.graph.store.b", "thbgraph.graph.store")
    assert any(len(c) > 1 for c in nx.strongly_connected_components(g))
