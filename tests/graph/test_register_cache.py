"""The register read from its cache file is the register parsed from the Turtle files."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbgraph.graph import register as register_module
from thbgraph.graph.register import register_files


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THBGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _tables(reg: register_module.Register) -> tuple[object, ...]:
    return (reg.commitments, reg.organisations, reg.posts, reg.series, reg.places, reg.topics)


def test_the_cached_register_is_the_parsed_one(cache_dir: Path) -> None:
    files = tuple(register_files())
    parsed = register_module._parse(files)
    register_module._load.cache_clear()
    try:
        first = register_module._load(files)  # parses and writes the cache file
        assert [p.name.split("-")[0] for p in cache_dir.iterdir()] == ["register"]
        register_module._load.cache_clear()
        cached = register_module._load(files)  # reads it
    finally:
        register_module._load.cache_clear()
    assert cached is not first
    assert _tables(cached) == _tables(first) == _tables(parsed)
    assert set(cached.graph) == set(parsed.graph)


def test_a_broken_cache_file_is_parsed_anew(cache_dir: Path) -> None:
    files = tuple(register_files())
    register_module._load.cache_clear()
    try:
        register_module._load(files)
        (path,) = cache_dir.iterdir()
        path.write_bytes(b"not a pickle")
        register_module._load.cache_clear()
        reg = register_module._load(files)
    finally:
        register_module._load.cache_clear()
    assert _tables(reg) == _tables(register_module._parse(files))
