"""bench/extract_targets.py, bench/extract_compare.py and bench/extract_splits.py run end to end on
small texts (no timing asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_texts_are_deterministic_and_of_the_size() -> None:
    texts = _load("extract_texts")
    for lang in texts.LANGS:
        body = texts.text(lang, 60_000)
        assert len(body) == 60_000 and body == texts.text(lang, 60_000)
        assert "_" * 40 in body and "\n" in body
    assert "года" in texts.text("ru", 5_000) and "réunion" in texts.text("fr", 5_000)


def test_targets_prints_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    rc = _load("extract_targets").main(["--sizes", "3000", "6000", "--no-cli"])
    out = capsys.readouterr().out
    for lang in ("mixed", "one-line", "footnotes", "en", "fr", "ru"):
        assert f"| {lang} | 3,000 |" in out and f"| {lang} | 6,000 |" in out
    assert rc == 0


def test_compare_finds_no_change_against_itself_and_a_change_when_there_is_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    compare = _load("extract_compare")
    assert compare.main(["--dump", str(tmp_path), "--size", "4000", "--no-sets"]) == 0
    assert compare.main(["--check", str(tmp_path), "--size", "4000", "--no-sets"]) == 0
    (tmp_path / "generated_fr_4000.json").write_text("{}", encoding="utf-8")
    assert compare.main(["--check", str(tmp_path), "--size", "4000", "--no-sets"]) == 1
    assert "CHANGED generated_fr_4000" in capsys.readouterr().out


def test_splits_counts_one_model_per_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(2):
        (tmp_path / f"d{n}.txt").write_text(
            f"Meeting {n}\n\nThe meeting was held in Vienna on 5 May 2021.\n", encoding="utf-8"
        )
    assert _load("extract_splits").main([str(p) for p in sorted(tmp_path.iterdir())]) == 0
    out = capsys.readouterr().out
    assert "2 documents" in out
    assert "| document.build_document | 1.0 |" in out
    assert "| passages.lines |" not in out  # no stage splits the text into lines again
    assert "splits per document (all kinds): 3.0" in out
