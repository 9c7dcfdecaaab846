"""The hand-written package list in pyproject.toml matches the folders on disk, and ruff reads its config."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAPPED = {
    "thbgraph.graph": "graph",
    "thbgraph.api": "api",
    "thbgraph.cli": "cli",
    "thbgraph.ontology": "ontology",
    "thbgraph.shapes": "shapes",
}


def _declared() -> set[str]:
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return set(cfg["tool"]["setuptools"]["packages"])


def _on_disk() -> set[str]:
    found = set()
    for pkg, folder in MAPPED.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([pkg, *rel.parts]) if rel.parts else pkg)
    return found


def test_every_package_folder_is_declared() -> None:
    missing = _on_disk() - _declared()
    assert not missing, (
        f"folders with __init__.py missing from [tool.setuptools] packages: {sorted(missing)}"
    )


def test_every_declared_package_exists() -> None:
    extra = _declared() - _on_disk()
    assert not extra, f"packages declared in pyproject.toml with no folder: {sorted(extra)}"


def test_ruff_reads_the_project_config() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--show-settings",
            str(ROOT / "graph" / "__init__.py"),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert "pyproject.toml" in out
    assert "line_length = 100" in out


def test_no_tests_init() -> None:
    assert not (ROOT / "tests" / "__init__.py").exists(), (
        "tests/__init__.py hides packaging mistakes"
    )


def test_the_corpus_manifest_matches_the_bundled_documents() -> None:
    """Every bundled document is listed with its source and the SHA-256 of its bytes, and nothing else."""
    import hashlib

    from thbgraph.graph.pipeline import bundled_corpus, read_manifest

    listed = {d["file"]: d for d in read_manifest()["documents"]}  # type: ignore[index]
    files = {p.name: p for p in bundled_corpus().iterdir() if p.is_file()}
    assert set(listed) == set(files)
    for name, entry in listed.items():
        assert hashlib.sha256(files[name].read_bytes()).hexdigest() == entry["sha256"], name
        assert entry["source"] and entry["licence"]
