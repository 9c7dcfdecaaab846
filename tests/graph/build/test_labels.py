"""One label per language and entity: the register's label wins, the document's wording is an
skos:altLabel; every corpus of the repository builds and validates."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.pipeline import build_store

ROOT = Path(__file__).resolve().parents[3]
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
COUNTRY = "https://w3id.org/thbgraph/id/country/"

DOCUMENT = """Press release

Delegations meet in Vienna to discuss trafficking for labour exploitation

VIENNA, 14 March 2024 - Experts from the United States and from Britain met in Vienna today
at an OSCE round table on trafficking in human beings for labour exploitation. The United States
delegation recalled Ministerial Council Decision No. 6/18 on strengthening efforts to prevent and
combat child trafficking.
"""


def _labels(store: Path, iri: str, prop: ox.NamedNode) -> set[tuple[str, str | None]]:
    s = ox.Store.read_only(str((store / "current").resolve()))
    quads = s.quads_for_pattern(ox.NamedNode(iri), prop, None)
    return {(q.object.value, q.object.language) for q in quads}


def test_register_label_wins_and_the_wording_is_an_alt_label(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "us_press_release.txt").write_text(DOCUMENT, encoding="utf-8")
    report = build_store(tmp_path / "store", corpus=corpus)  # validates: raises on a violation
    assert report.documents
    us, gb = COUNTRY + "us", COUNTRY + "gb"
    assert _labels(tmp_path / "store", us, RDFS_LABEL) == {("United States of America", "en")}
    assert ("United States", "en") in _labels(tmp_path / "store", us, ALT_LABEL)
    assert _labels(tmp_path / "store", gb, RDFS_LABEL) == {("United Kingdom", "en")}
    assert ("Britain", "en") in _labels(tmp_path / "store", gb, ALT_LABEL)


CORPORA = [
    "graph/corpus/documents",
    "tests/devset/documents",
    "tests/heldout/documents",
    "tests/heldout2/documents",
]


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_corpus_builds_and_validates(corpus: str, tmp_path: Path) -> None:
    report = build_store(tmp_path / "store", corpus=ROOT / corpus)
    assert report.documents and not report.skipped, report.summary()
