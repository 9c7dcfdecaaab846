"""The development set: every document is read, and extraction keeps the F1 the README reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.truthsets import TruthSet
from thbgraph.graph.evaluate import Evaluation

# The document numbers that issue 7 names: they must never be read as commitments.
DECOYS = ("THB-CP(2010)RAP5", "PC.SHDM.GAL/9/18", "Doc. 12096", "12096")
SET = TruthSet(Path(__file__).parent, decoys=DECOYS)


def test_the_truth_file_covers_every_document_and_the_readme_lists_them() -> None:
    SET.check_listed(20, 10_000)


def test_the_set_covers_every_format_and_language() -> None:
    assert {".pdf", ".html", ".docx", ".txt", ".md"} <= {Path(s).suffix for s in SET.sources}
    for lang in ("fr", "ru"):
        assert SET.count_language(lang) >= 3


@pytest.mark.parametrize("source", SET.sources)
def test_each_document_is_read_in_its_language(source: str) -> None:
    doc = SET.check_read_in_its_language(source)
    if source.endswith(".pdf"):
        assert "Page 1 of" not in doc.text  # running footers are gone


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return SET.evaluate()


def test_no_document_fails_to_read(evaluation: Evaluation) -> None:
    assert [d.source for d in evaluation.documents if d.error] == []


def test_f1_per_field_stays_at_the_reported_level(evaluation: Evaluation) -> None:
    SET.check_floors(evaluation)


@pytest.mark.parametrize("source", SET.sources)
def test_decoy_document_numbers_are_never_commitments(source: str) -> None:
    SET.check_decoys(source)


def test_the_committed_baseline_reports_every_fact_gained_and_lost(evaluation: Evaluation) -> None:
    SET.check_baseline(evaluation)
