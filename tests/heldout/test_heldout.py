"""The held-out set: never tuned on, it measures how the extractors generalise, and keeps that level."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from thbgraph.graph.evaluate import Evaluation, evaluate, extract_path
from thbgraph.graph.readers import read_document

HERE = Path(__file__).parent
DOCS = HERE / "documents"
TRUTH = HERE / "truth.json"
REPO = HERE.parent.parent
# Document numbers in these documents that are not commitments: never read as one.
DECOYS = (
    "THB-CP(",
    "PC.SHDM.",
    "Doc. 12096",
    "Doc. 10730",
    "SEC.GAL/",
    "CIO.GAL/",
    "ODIHR.GAL/",
    "PC.JOUR/",
    "GRETA(20",
    "CM/Rec(",
    "SPTF(",
    "DC 141",
)
# Made-up names and addresses that exist only in this set: if code or reference data holds one,
# someone tuned on the held-out documents.
FICTIONAL = (
    "Harold Whitcombe",
    "Ilias Moreau",
    "Jean-Luc Bérard",
    "Radu Ionescu",
    "Tomas Lindqvist",
    "Marieke de Vries",
    "Sophie Laurent",
    "Ingrid Aalto",
    "Tamar Beridze",
    "Alexander Malinowski",
    "osce.org/ru/cthb/555555",
    "nrm-handbook-ru",
)


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate(TRUTH, DOCS)


def _truth() -> list[dict]:
    return json.loads(TRUTH.read_text(encoding="utf-8"))["documents"]


def test_the_truth_file_covers_every_document_and_the_readme_lists_them() -> None:
    sources = sorted(d["source"] for d in _truth())
    assert sources == sorted(p.name for p in DOCS.iterdir())
    assert 12 <= len(sources) <= 15
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for source in sources:
        assert f"`{source}`" in readme, source


def test_the_set_covers_every_format_and_language() -> None:
    suffixes = [Path(d["source"]).suffix for d in _truth()]
    assert {".pdf", ".html", ".docx", ".txt", ".md"} <= set(suffixes)
    assert suffixes.count(".html") >= 2
    for lang in ("fr", "ru"):
        assert sum(f"_{lang}_" in d["source"] for d in _truth()) >= 3


@pytest.mark.parametrize("source", [d["source"] for d in _truth()])
def test_each_document_is_read_in_its_language(source: str) -> None:
    doc = read_document(DOCS / source)
    expected = re.search(r"_(en|fr|ru)_", source)
    assert expected is not None
    assert doc.language == expected.group(1)


def test_no_document_fails_to_read(evaluation: Evaluation) -> None:
    assert [d.source for d in evaluation.documents if d.error] == []


def test_f1_per_field_stays_at_the_measured_level(evaluation: Evaluation) -> None:
    floors = json.loads((HERE / "thresholds.json").read_text(encoding="utf-8"))["f1"]
    low = evaluation.below(floors)
    assert low == {}, "F1 below the level in tests/heldout/thresholds.json: " + ", ".join(
        f"{f} {v} < {floors[f]}" for f, v in low.items()
    )


@pytest.mark.parametrize("source", [d["source"] for d in _truth()])
def test_decoy_document_numbers_are_never_commitments(source: str) -> None:
    ex = extract_path(DOCS / source)
    for c in ex.citations:
        if c.resolved and c.symbol:
            assert not any(decoy in c.text for decoy in DECOYS), (source, c)
        assert c.text in ex.text


def test_nothing_outside_the_set_knows_its_documents() -> None:
    """Code and reference data must not hold anything that exists only in the held-out set."""
    found = []
    for top in ("graph", "api", "ontology", "shapes"):
        for path in (REPO / top).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".ttl", ".json", ".rq", ".txt", ".md"}:
                text = path.read_text(encoding="utf-8", errors="replace")
                found += [(str(path), s) for s in FICTIONAL if s in text]
    assert found == []


def test_the_committed_baseline_reports_every_fact_gained_and_lost(evaluation: Evaluation) -> None:
    """Prints the regression report (pytest -s); a fact of the baseline lost fails: a fix that
    loses another class is seen. Refresh with `thbgraph evaluate ... --write-baseline`."""
    from thbgraph.graph.regression import compare, load_baseline

    report = compare(evaluation, load_baseline(Path(__file__).parent / "baseline.json"))
    print("\n".join(report.lines()))
    assert not report.has_losses, "\n".join(c.line() for c in report.changes if not c.gained)
