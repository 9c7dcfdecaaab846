"""The organisation readers' word lists (`data/organisation_cues.json`), loaded once per process;
read by `organisations`, `bodies_fr` and `bodies_ru` alike."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["cues"]


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The organisation reader's word lists (graph/extract/data/organisation_cues.json)."""
    path = resources.files("thbgraph.graph.extract") / "data" / "organisation_cues.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
