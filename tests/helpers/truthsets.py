"""The checks every fixture set with a truth file runs (devset, heldout, heldout2): one copy.

A set is a folder with `documents/`, `truth.json` (the shape of seed-facts.json), `thresholds.json`
(F1 floors per field), `baseline.json` (the last committed run) and a README listing every document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from thbgraph.graph.evaluate import Evaluation, evaluate, extract_path
from thbgraph.graph.readers import ReadDocument, read_document

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class TruthSet:
    """One fixture set: where it is, the document numbers that are no commitments, and the
    made-up names that exist only in it (held-out sets: no code may know them)."""

    here: Path
    decoys: Sequence[str] = ()
    fictional: Sequence[str] = field(default=())

    @property
    def docs(self) -> Path:
        return self.here / "documents"

    @cached_property
    def truth(self) -> list[dict[str, Any]]:
        return list(json.loads((self.here / "truth.json").read_text(encoding="utf-8"))["documents"])

    @property
    def sources(self) -> list[str]:
        return [d["source"] for d in self.truth]

    def evaluate(self) -> Evaluation:
        return evaluate(self.here / "truth.json", self.docs)

    def check_listed(self, low: int, high: int) -> None:
        """The truth covers every document, their number is in [low, high], the README names each."""
        sources = sorted(self.sources)
        assert sources == sorted(p.name for p in self.docs.iterdir())
        assert low <= len(sources) <= high
        readme = (self.here / "README.md").read_text(encoding="utf-8")
        for source in sources:
            assert f"`{source}`" in readme, source

    def count_language(self, lang: str) -> int:
        return sum(f"_{lang}_" in source for source in self.sources)

    def check_read_in_its_language(self, source: str) -> ReadDocument:
        """The reader gives the language the file name says (`NN_fr_...`)."""
        doc = read_document(self.docs / source)
        expected = re.search(r"_(en|fr|ru)_", source)
        assert expected is not None, source
        assert doc.language == expected.group(1)
        return doc

    def check_floors(self, evaluation: Evaluation) -> None:
        floors = json.loads((self.here / "thresholds.json").read_text(encoding="utf-8"))["f1"]
        low = evaluation.below(floors)
        where = self.here.relative_to(REPO) / "thresholds.json"
        assert low == {}, f"F1 below the level in {where}: " + ", ".join(
            f"{f} {v} < {floors[f]}" for f, v in low.items()
        )

    def check_decoys(self, source: str) -> None:
        """No decoy document number is read as a commitment; every quote is in the text."""
        ex = extract_path(self.docs / source)
        for c in ex.citations:
            if c.resolved and c.symbol:
                assert not any(decoy in c.text for decoy in self.decoys), (source, c)
            assert c.text in ex.text

    def check_nothing_knows_it(self) -> None:
        """Code and reference data hold nothing that exists only in this set."""
        found = []
        for top in ("graph", "api", "ontology", "shapes"):
            for path in (REPO / top).rglob("*"):
                if path.is_file() and path.suffix in {".py", ".ttl", ".json", ".rq", ".txt", ".md"}:
                    text = path.read_text(encoding="utf-8", errors="replace")
                    found += [(str(path), s) for s in self.fictional if s in text]
        assert found == []

    def check_baseline(self, evaluation: Evaluation) -> None:
        """Prints the regression report (pytest -s); a fact of the baseline lost fails, so a fix
        that loses another class is seen. Refresh with `thbgraph evaluate ... --write-baseline`."""
        from thbgraph.graph.regression import compare, load_baseline

        report = compare(evaluation, load_baseline(self.here / "baseline.json"))
        print("\n".join(report.lines()))
        assert not report.has_losses, "\n".join(c.line() for c in report.changes if not c.gained)
