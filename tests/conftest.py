"""Shared fixtures: a store built once from the bundled corpus, the bundled documents, and a
listener on 127.0.0.1 that records any request (the query guard's tests)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.listener import Listener
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


@pytest.fixture(scope="module")
def browser(chromium: dict[str, object]) -> Iterator[Any]:
    """One headless Chromium per test module (the page tests' one launcher).

    Module scope: Playwright's sync API allows one running instance per thread, so a browser
    must be closed before a later module starts its own.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(**chromium)  # type: ignore[arg-type]
        yield b
        b.close()


def console_errors(page: Any) -> list[str]:
    """The list that collects a page's console messages at error level and uncaught errors."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.fixture()
def watch_console() -> Any:
    """`console_errors` as a fixture (conftest modules are not imported by tests)."""
    return console_errors


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where page tests save their screenshots: docs/ (reviewed, committed) or $THBGRAPH_SCREENSHOTS."""
    import os

    folder = Path(os.environ.get("THBGRAPH_SCREENSHOTS", Path(__file__).parents[1] / "docs"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    """A real HTTP listener on 127.0.0.1 (`.port`, `.url`); `.hits` lists what reached it."""
    with Listener() as ear:
        yield ear
