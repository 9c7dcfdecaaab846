"""`thbgraph add` on a local store does not import what only other paths need (pySHACL, rdflib's
SPARQL engine, httpx, rich's progress bar): each costs a one-document add a tenth of a second."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["pyshacl", "rdflib.plugins.sparql", "httpx", "rich.progress"]


def _imported_after(code: str) -> list[str]:
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_add_path_imports_no_heavy_module() -> None:
    code = (
        "import thbgraph.cli.build, thbgraph.graph.pipeline, thbgraph.graph.validate, "
        "thbgraph.graph.validate.engine, thbgraph.graph.extract, thbgraph.graph.store, "
        "thbgraph.graph.store.remote"
    )
    assert _imported_after(code) == []


def test_the_probe_sees_an_import() -> None:
    assert "httpx" in _imported_after("import httpx")  # (httpx brings rich.progress along)
