"""The second held-out set: never tuned on, it measures how the extractors generalise, and keeps that level."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.truthsets import TruthSet
from thbgraph.graph.evaluate import Evaluation

# Document numbers in these documents that are not commitments: never read as one.
DECOYS = (
    "SEC.GAL/",
    "CIO.GAL/",
    "ODIHR.GAL/",
    "PC.SHDM.",
    "PC.DEL/",
    "THB-CP(",
    "THB-GRETA(",
    "GRETA(20",
    "CM/Rec(",
    "T-ES(",
    "Doc. 1",
    "STCE n° 210",
)
# Made-up names and addresses that exist only in this set: if code or reference data holds one,
# someone tuned on the held-out documents.
FICTIONAL = (
    "Orsolya Kertész",
    "Birgit Sandmoen",
    "Radim Novotný",
    "Mirela Constantinescu",
    "Aislinn Maguire",
    "Jonas Vestergaard",
    "Pierre-Yves Dumont",
    "Selma Hadžić",
    "Elena Trajkovska",
    "Arben Kastrati",
    "Zuzana Hrabovská",
    "Maarten Overdijk",
    "Kristof Verhaegen",
    "Ermira Dushku",
    "Ana Lúcia Ferreira",
    "Baudouin Delvaux",
    "Claire Dufresne-Aubry",
    "Natalia Gîrbu",
    "Анна Ковальчук",
    "Олжас Бекмуратов",
    "Айгуль Осмонова",
    "osce.org/cthb/502377",
    "herzegovina/581203",
    "3e-rapport-greta-belgique-fr",
    "compensation-guide-2019",
    "cthb/420811",
)
SET = TruthSet(Path(__file__).parent, decoys=DECOYS, fictional=FICTIONAL)


def test_the_truth_file_covers_every_document_and_the_readme_lists_them() -> None:
    SET.check_listed(10, 10)


def test_the_set_covers_every_format_and_language() -> None:
    suffixes = [Path(s).suffix for s in SET.sources]
    assert {".pdf", ".html", ".docx", ".txt", ".md"} <= set(suffixes)
    assert suffixes.count(".html") >= 2
    for lang, n in (("en", 6), ("fr", 2), ("ru", 2)):
        assert SET.count_language(lang) == n, lang


def test_no_document_shares_a_name_with_the_first_held_out_set() -> None:
    first = {p.name for p in (SET.here.parent / "heldout" / "documents").iterdir()}
    assert first.isdisjoint(SET.sources)


@pytest.mark.parametrize("source", SET.sources)
def test_each_document_is_read_in_its_language(source: str) -> None:
    SET.check_read_in_its_language(source)


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return SET.evaluate()


def test_no_document_fails_to_read(evaluation: Evaluation) -> None:
    assert [d.source for d in evaluation.documents if d.error] == []


def test_f1_per_field_stays_at_the_measured_level(evaluation: Evaluation) -> None:
    SET.check_floors(evaluation)


@pytest.mark.parametrize("source", SET.sources)
def test_decoy_document_numbers_are_never_commitments(source: str) -> None:
    SET.check_decoys(source)


def test_nothing_outside_the_set_knows_its_documents() -> None:
    SET.check_nothing_knows_it()


def test_the_committed_baseline_reports_every_fact_gained_and_lost(evaluation: Evaluation) -> None:
    SET.check_baseline(evaluation)
