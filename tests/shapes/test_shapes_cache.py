"""The cached split of the bundled shapes: the same engine input as compiling them afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from thbgraph.graph.validate import engine as shacl_engine
from thbgraph.graph.validate import load_shapes
from thbgraph.graph.validate.engine import _cache_file, _read_split, _split, _write_split


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THBGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cached_split_equals_a_fresh_one(cache_dir: Path) -> None:
    fresh = _split(load_shapes())
    path = _cache_file()
    assert path is not None and path.parent == cache_dir
    _write_split(path, fresh)
    cached = _read_split(path)
    assert cached == fresh  # core N-Triples, SPARQL shapes (with their RDF terms), report names
    assert any(s.constraints for s in cached.sparql)
    assert not list(cache_dir.glob(".shapes-*"))  # no temporary file left behind


def test_bundled_shapes_writes_then_reads_the_cache(cache_dir: Path) -> None:
    shacl_engine.bundled_shapes.cache_clear()
    try:
        first = shacl_engine.bundled_shapes()
        path = _cache_file()
        assert path is not None and path.is_file()
        shacl_engine.bundled_shapes.cache_clear()
        second = shacl_engine.bundled_shapes()
        assert (second.sparql, second.sources) == (first.sparql, first.sources)
    finally:
        shacl_engine.bundled_shapes.cache_clear()


@pytest.mark.parametrize(
    "content", ["", "{not json", '{"core": 1}', '{"core": "", "sparql": [{}]}']
)
def test_a_broken_cache_file_is_ignored(cache_dir: Path, content: str) -> None:
    path = _cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    assert _read_split(path) is None


def test_the_key_changes_with_the_shapes(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _cache_file()
    monkeypatch.setattr(shacl_engine, "_shapes_text", lambda: "# other shapes\n")
    assert _cache_file() != before
