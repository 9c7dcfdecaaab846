"""docs/extract-schema.md describes every field `thbgraph extract --format json` prints, on every bundled document."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "extract-schema.md").read_text("utf-8")
DOCUMENTS = sorted((ROOT / "graph" / "corpus" / "documents").iterdir())


def _keys(value: Any, path: str = "") -> Iterator[str]:
    """Every key of the JSON, as the last name of its path (`meetings[].facts` yields `facts`)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            if (
                key != "facts"
            ):  # facts are keyed by field name: those keys are the meeting's own fields
                yield from _keys(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner, path)


def test_every_printed_field_is_described() -> None:
    printed = [
        json.loads(
            subprocess.run(
                [sys.executable, "-m", "thbgraph.cli", "extract", str(path), "--format", "json"],
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            ).stdout
        )
        for path in DOCUMENTS
    ]
    described = set(re.findall(r"`([a-z_0-9]+)", DOC)) | set(re.findall(r"\.([a-z_0-9]+)`", DOC))
    described |= set(re.findall(r'"([a-z_0-9]+)":', DOC))
    missing = sorted({k for doc in printed for k in _keys(doc)} - described)
    assert not missing, (
        f"fields printed by `thbgraph extract` but not described in docs/extract-schema.md: {missing}"
    )


def test_the_check_sees_an_undescribed_field() -> None:
    assert "no_such_field" in set(_keys({"meetings": [{"no_such_field": 1}]}))
