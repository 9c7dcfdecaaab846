"""Store generations: a small change reuses the current files, writers queue, failures change nothing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.store import CURRENT, Generation, open_store

P = ox.NamedNode("https://example.org/p")


def _quads(n: int, tag: str) -> list[ox.Quad]:
    g = ox.NamedNode(f"https://example.org/graph/{tag}")
    return [
        ox.Quad(ox.NamedNode(f"https://example.org/{tag}/{i}"), P, ox.Literal(f"value {i}"), g)
        for i in range(n)
    ]


def _files(root: Path) -> dict[str, int]:
    """The current generation's table files, by name, with their inode numbers."""
    return {p.name: p.stat().st_ino for p in (root / CURRENT).resolve().glob("*.sst")}


def _graphs(root: Path) -> set[str]:
    with open_store(root) as kg:
        return {g for g, _ in kg.named_graphs()}


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    with Generation(root) as gen:
        gen.store.inner.extend(_quads(20_000, "base"))
        gen.commit()
    return root


def test_a_small_change_keeps_every_file_of_the_current_generation(store: Path) -> None:
    """No full compaction for one graph's change: the new generation hard-links all old files."""
    before = _files(store)
    with Generation(store, copy_current=True) as gen:
        gen.store.inner.extend(_quads(10, "small"))
        gen.commit()
    after = _files(store)
    assert all(after.get(name) == inode for name, inode in before.items())
    assert _graphs(store) == {"https://example.org/graph/base", "https://example.org/graph/small"}


def test_a_large_change_is_compacted(store: Path) -> None:
    with Generation(store, copy_current=True) as gen:
        gen.store.inner.extend(_quads(20_000, "big"))
        gen.store.inner.flush()
        assert gen.needs_compaction()
        gen.commit()
    with open_store(store) as kg:
        assert len(kg) == 40_000


def test_a_small_change_does_not_need_compaction(store: Path) -> None:
    with Generation(store, copy_current=True) as gen:
        gen.store.inner.extend(_quads(10, "small"))
        gen.store.inner.flush()
        assert not gen.needs_compaction()
        gen.discard()
    assert _graphs(store) == {"https://example.org/graph/base"}


def test_concurrent_writers_do_not_lose_each_others_change(store: Path) -> None:
    """The second writer waits for the first to swap, then copies the store with its change."""
    first = Generation(store, copy_current=True)
    first.store.inner.extend(_quads(3, "first"))
    errors: list[BaseException] = []

    def second_writer() -> None:
        try:
            with Generation(store, copy_current=True) as gen:
                gen.store.inner.extend(_quads(3, "second"))
                gen.commit()
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    thread = threading.Thread(target=second_writer)
    thread.start()
    time.sleep(0.3)  # the second writer is now waiting for the lock (or would copy too early)
    assert thread.is_alive()
    first.commit()
    thread.join(timeout=60)
    assert not thread.is_alive() and not errors
    assert _graphs(store) == {
        "https://example.org/graph/base",
        "https://example.org/graph/first",
        "https://example.org/graph/second",
    }


def test_a_failed_change_keeps_the_store_and_frees_the_lock(store: Path) -> None:
    before = _files(store)
    with pytest.raises(RuntimeError), Generation(store, copy_current=True) as gen:
        gen.store.inner.extend(_quads(3, "lost"))
        raise RuntimeError("the change failed")
    assert _files(store) == before
    assert not gen.path.exists()
    with Generation(store, copy_current=True) as again:  # would wait forever on a held lock
        again.store.inner.extend(_quads(3, "next"))
        again.commit()
    assert "https://example.org/graph/lost" not in _graphs(store)
    assert "https://example.org/graph/next" in _graphs(store)
