"""Regression report: compare an evaluation with a committed baseline, fact by fact, per field.

A baseline is the JSON written by `Evaluation` through `baseline_json`: the totals per field and
the key of every finding (source, field, kind, expected, found), offsets left out so that a fact
moved by an edit elsewhere is the same fact. A finding that disappears is a fact gained (a miss
now found, a false hit gone); a finding that appears is a fact lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ThbGraphError
from .evaluate import FIELDS, Evaluation, Finding

__all__ = ["Change", "Regression", "baseline_json", "compare", "load_baseline", "write_baseline"]

BASELINE_VERSION = 1
_MAX_FINDINGS = 1_000_000  # a baseline is read in full but its size is bounded

Key = tuple[str, str, str, str | None, str | None]


def _base(name: str) -> str:
    return name.split(".", 1)[0]


def _key(f: Finding) -> Key:
    return (f.source, f.field, f.kind, f.expected, f.found)


def baseline_json(result: Evaluation) -> dict[str, Any]:
    """The baseline of an evaluation: totals per field and every finding's key, sorted."""
    keys = sorted({_key(f) for f in result.findings}, key=lambda k: tuple(str(p) for p in k))
    return {
        "version": BASELINE_VERSION,
        "totals": {name: s.to_json() for name, s in result.totals.items()},
        "sources": sorted(d.source for d in result.documents),
        "findings": [
            {"source": s, "field": fl, "kind": k, "expected": e, "found": fo}
            for s, fl, k, e, fo in keys
        ],
    }


def write_baseline(result: Evaluation, path: Path) -> None:
    """Write the baseline of `result` to `path` (UTF-8 JSON, stable order)."""
    Path(path).write_text(
        json.dumps(baseline_json(result), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def load_baseline(path: Path) -> dict[str, Any]:
    """Read a baseline file; a file that is not one raises one clear ThbGraphError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ThbGraphError(f"{path}: not a readable baseline ({exc.__class__.__name__})") from exc
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
        or not isinstance(data.get("totals"), dict)
    ):
        raise ThbGraphError(f"{path}: not a baseline of version {BASELINE_VERSION}")
    if len(data["findings"]) > _MAX_FINDINGS:
        raise ThbGraphError(f"{path}: more than {_MAX_FINDINGS} findings")
    for item in data["findings"]:
        if not isinstance(item, dict) or not {"source", "field", "kind"} <= set(item):
            raise ThbGraphError(f"{path}: a finding without source, field and kind")
    return data


@dataclass(frozen=True)
class Change:
    """One fact gained or lost against the baseline."""

    source: str
    field: str
    kind: str  # the finding's kind: "miss" | "false_hit" | "wrong_value"
    expected: str | None
    found: str | None
    gained: bool

    def line(self) -> str:
        """One readable line: '+' for a fact gained, '-' for a fact lost."""
        what = {
            "miss": f"found {self.expected!r}" if self.gained else f"now misses {self.expected!r}",
            "false_hit": f"no longer false hit {self.found!r}"
            if self.gained
            else f"new false hit {self.found!r}",
            "wrong_value": f"now right {self.expected!r} (was {self.found!r})"
            if self.gained
            else f"now wrong: expected {self.expected!r}, found {self.found!r}",
        }.get(self.kind, f"{self.kind} {self.expected!r} {self.found!r}")
        return f"{'+' if self.gained else '-'} {self.source} [{self.field}] {what}"


@dataclass
class Regression:
    """The changes per field, and the F1 per field before and after."""

    changes: list[Change] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)  # documents the baseline did not have
    before: dict[str, float] = field(default_factory=dict)
    after: dict[str, float] = field(default_factory=dict)

    def gained(self, name: str) -> list[Change]:
        """The facts of field `name` gained ('persons' holds 'persons.role' too)."""
        return [c for c in self.changes if _base(c.field) == name and c.gained]

    def lost(self, name: str) -> list[Change]:
        """The facts of field `name` lost ('persons' holds 'persons.role' too)."""
        return [c for c in self.changes if _base(c.field) == name and not c.gained]

    @property
    def has_losses(self) -> bool:
        return any(not c.gained for c in self.changes)

    def lines(self) -> list[str]:
        """The report: per field, F1 before -> after, then every fact gained and lost."""
        out: list[str] = []
        if self.new_sources:
            out.append(
                f"{len(self.new_sources)} document(s) not in the baseline, not compared: "
                + ", ".join(self.new_sources)
            )
        names = list(FIELDS) + sorted({_base(c.field) for c in self.changes} - set(FIELDS))
        for name in names:
            gained, lost = self.gained(name), self.lost(name)
            b, a = self.before.get(name), self.after.get(name)
            f1 = f"F1 {b:.3f} -> {a:.3f}" if b is not None and a is not None else "F1 n/a"
            out.append(f"{name}: {f1}, {len(gained)} gained, {len(lost)} lost")
            out.extend("  " + c.line() for c in gained + lost)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "gained": [c.__dict__ for c in self.changes if c.gained],
            "lost": [c.__dict__ for c in self.changes if not c.gained],
        }


def compare(result: Evaluation, baseline: dict[str, Any]) -> Regression:
    """Every fact gained and lost by `result` against `baseline` (from `load_baseline`)."""
    old: set[Key] = {
        (i["source"], i["field"], i["kind"], i.get("expected"), i.get("found"))
        for i in baseline["findings"]
    }
    known = baseline.get("sources")
    if isinstance(known, list):  # compare only the documents both runs read
        common = {str(x) for x in known}
        old = {k for k in old if k[0] in common}
        new: set[Key] = {_key(f) for f in result.findings if f.source in common}
        fresh = sorted({d.source for d in result.documents} - common)
    else:
        new, fresh = {_key(f) for f in result.findings}, []
    changes = [Change(*k, gained=True) for k in old - new]
    changes += [Change(*k, gained=False) for k in new - old]
    changes.sort(key=lambda c: (c.field, not c.gained, c.source, str(c.expected), str(c.found)))
    before = {
        n: float(t.get("f1", 0.0)) for n, t in baseline["totals"].items() if isinstance(t, dict)
    }
    after = {n: round(s.f1, 4) for n, s in result.totals.items()}
    return Regression(changes, fresh, before, after)
