"""The per-user cache of derived data (graph/cache.py): keyed by its sources, atomic, optional."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbgraph.graph.cache import cache_file, read_cached, write_cached


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THBGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_file_is_named_after_its_sources(cache_dir: Path) -> None:
    a = cache_file("thing", [b"one", b"two"], ".bin")
    assert a is not None and a.parent == cache_dir and a.name.startswith("thing-")
    assert cache_file("thing", [b"one", b"two"], ".bin") == a
    assert cache_file("thing", [b"one", b"three"], ".bin") != a
    assert cache_file("thing", [b"onetwo"], ".bin") != a  # sources are not just concatenated


def test_write_then_read_and_stale_files_go(cache_dir: Path) -> None:
    old = cache_file("thing", [b"v1"], ".bin")
    new = cache_file("thing", [b"v2"], ".bin")
    other = cache_file("other", [b"v1"], ".bin")
    assert old and new and other
    assert read_cached(old) is None
    write_cached(old, b"first")
    write_cached(other, b"kept")
    assert read_cached(old) == b"first"
    write_cached(new, b"second")
    assert read_cached(new) == b"second"
    assert not old.exists()  # a stale file of the same kind is removed
    assert read_cached(other) == b"kept"  # another kind is not
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted([new.name, other.name])


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("THBGRAPH_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot exist
    path = cache_file("thing", [b"v"], ".bin")
    assert path is not None
    write_cached(path, b"data")
    assert read_cached(path) is None


def test_xdg_cache_home_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THBGRAPH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = cache_file("thing", [b"v"], ".bin")
    assert path is not None and path.parent == tmp_path / "xdg" / "thbgraph"
