"""Crashes lose nothing: kill -9 a build at random points; the store shows the old or the new graph.

Short form for CI (a few kills); `bench/kill.py`-style long runs repeat the same with THBGRAPH_KILLS=N.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from thbgraph.graph.pipeline import build_store
from thbgraph.graph.store import open_store
from thbgraph.graph.vocab import GRAPH_RUNS

KILLS = int(os.environ.get("THBGRAPH_KILLS", "6"))
NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)


def _build_command(corpus: Path | None, store: Path) -> list[str]:
    cmd = [sys.executable, "-m", "thbgraph.cli", "build", "--store", str(store)]
    return cmd + (["--corpus", str(corpus)] if corpus is not None else [])


def _canonical(store: Path) -> str:
    with open_store(store) as kg:
        return kg.canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)])


@pytest.fixture(scope="module")
def new_corpus(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    corpus = tmp_path_factory.mktemp("corpus") / "docs"
    shutil.copytree(seed_dir, corpus)
    (corpus / "009_new_agenda.txt").write_text(NEW_DOC, encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def new_state(tmp_path_factory: pytest.TempPathFactory, new_corpus: Path) -> str:
    store = tmp_path_factory.mktemp("new") / "store"
    build_store(store, corpus=new_corpus)
    return _canonical(store)


def test_kill_9_during_a_build_leaves_the_old_or_the_new_graph(
    built_store: Path, new_corpus: Path, new_state: str, tmp_path: Path
) -> None:
    old_state = _canonical(built_store)
    assert old_state != new_state
    store = tmp_path / "store"
    shutil.copytree(built_store, store, symlinks=True)
    # how long a whole build takes here, to spread the kills over it
    t = time.perf_counter()
    subprocess.run(
        _build_command(new_corpus, tmp_path / "timing"),
        check=True,
        capture_output=True,
    )
    duration = time.perf_counter() - t
    rng = random.Random(7)
    seen = {"old": 0, "new": 0}
    for _ in range(KILLS):
        proc = subprocess.Popen(
            _build_command(new_corpus, store),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        state = _canonical(store)
        assert state in (old_state, new_state), "the store shows a mix of two builds"
        seen["old" if state == old_state else "new"] += 1
        if state == new_state:  # start again from the old graph
            shutil.rmtree(store)
            shutil.copytree(built_store, store, symlinks=True)
    # a kill leaves at most the current and the previous generation behind, plus stray ones
    # that the next successful build collects
    build_store(store, corpus=new_corpus)
    assert _canonical(store) == new_state
    assert len(list((store / "generations").iterdir())) <= 2


def test_readers_during_a_rebuild_see_old_or_new_never_half(
    built_store: Path, new_corpus: Path, new_state: str, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store, symlinks=True)
    with open_store(built_store) as kg:
        old_count = len(kg)
    proc = subprocess.Popen(
        _build_command(new_corpus, store),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    counts = set()
    while proc.poll() is None:
        with open_store(store) as kg:
            counts.add(len(kg))
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    with open_store(store) as kg:
        new_count = len(kg)
        counts.add(new_count)
    assert counts <= {old_count, new_count}


def test_a_read_only_store_directory_is_a_clear_error_and_keeps_the_store(
    built_store: Path, tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    store = tmp_path / "store"
    shutil.copytree(built_store, store, symlinks=True)
    before = _canonical(store)
    store.chmod(0o555)
    try:
        out = subprocess.run(
            _build_command(None, store),
            capture_output=True,
            text=True,
        )
    finally:
        store.chmod(0o755)
    assert out.returncode == 1
    assert "not writable" in out.stderr or "cannot" in out.stderr
    assert _canonical(store) == before


def test_a_store_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    """Also as root: a store path below a regular file cannot be created."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    out = subprocess.run(
        _build_command(None, blocker / "store"), capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot create the store directory" in lines[0], out.stderr


@pytest.fixture()
def small_disk(tmp_path: Path) -> Any:
    """A tmpfs of a given size mounted in tmp_path (root only); unmounted afterwards."""
    mounted: list[Path] = []

    def mount(size_kib: int) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        out = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(point)],
            capture_output=True,
        )
        if out.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _size_kib(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) // 1024


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_a_full_or_read_only_disk_is_a_clear_error_and_keeps_the_store(
    built_store: Path, small_disk: Any, fault: str
) -> None:
    disk = small_disk(_size_kib(built_store) + 256)  # room for the store, not for a second one
    store = disk / "store"
    shutil.copytree(built_store, store, symlinks=True)
    before = _canonical(store)
    if fault == "read-only":
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    out = subprocess.run(_build_command(None, store), capture_output=True, text=True, timeout=300)
    assert out.returncode == 1, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "store" in lines[0] and "Traceback" not in out.stderr, out.stderr
    assert _canonical(store) == before
