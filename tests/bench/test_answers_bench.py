"""bench/answers.py runs end to end on a small store and writes its section (no timing asserted)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_answers", ROOT / "bench" / "answers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_measure_and_render_on_the_bundled_store(built_store: Path, tmp_path: Path) -> None:
    bench = _bench()
    store = tmp_path / "store"
    shutil.copytree(built_store, store, symlinks=True)
    work = tmp_path / "work"
    work.mkdir()
    results = bench.measure(store, 1, work)
    names = [r["what"] for r in results["rows"]]
    assert any(n.startswith('search "trafficking"') for n in names)
    assert "publications" in names and "top-cited (commitments by meetings)" in names
    assert all(r["before"] > 0 and r["after"] > 0 for r in results["rows"])
    text = bench.render(results, "python bench/answers.py --store S")
    assert text.startswith(bench.START) and text.rstrip().endswith(bench.END)
    assert "| publications |" in text and "x |" in text


def test_the_section_is_replaced_in_place() -> None:
    bench = _bench()
    old = f"# head\n\n{bench.START}\nold\n{bench.END}\ntail\n"
    results = {"quads": 1, "rows": [], "add_s": 0.1, "remove_s": 0.1}
    merged = bench.merge_section(old, bench.render(results, "cmd"))
    assert merged.startswith("# head") and merged.endswith("tail\n") and "\nold\n" not in merged
    assert merged.count(bench.START) == 1
    appended = bench.merge_section("# page\n", bench.render(results, "cmd"))
    assert appended.startswith("# page\n\n" + bench.START)
