"""Shared fixtures: a store built once from the bundled corpus, and the bundled documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thbgraph.graph.pipeline import build_store, bundled_corpus


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The folder of the five bundled seed documents."""
    return bundled_corpus()


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of a store built from the bundled corpus (read-only: copy it to change it)."""
    root = tmp_path_factory.mktemp("store") / "store"
    build_store(root)
    return root


@pytest.fixture()
def writable_store(built_store: Path, tmp_path: Path) -> Path:
    """A private copy of the built store that a test may change."""
    copy = tmp_path / "store"
    shutil.copytree(built_store, copy, symlinks=True)
    return copy


@pytest.fixture(scope="session")
def chromium() -> dict[str, object]:
    """Playwright launch options for Debian's headless Chromium, with no background networking."""
    import shutil as _shutil

    path = _shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            "Debian chromium is not installed: .ci/run installs it (apt-get install chromium)"
        )
    return {
        "executable_path": path,
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
