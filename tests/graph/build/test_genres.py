"""A news story and a publication page build, validate and answer in schema.org terms."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from thbgraph.graph.pipeline import build_store

NEWS = """Labour inspectors learn to spot forced labour

The Ministry of Labour held a two-day workshop on identifying victims of forced labour for thirty
labour inspectors from five regions, with trainers from the national police academy in Vienna.
"""
PUBLICATION = """The expert group publishes its annual report on forced labour

The report covers the monitoring rounds of the year and the visits to seven countries, with the
recommendations made to the authorities of each of them.
"""


def _types(store: Path) -> set[str]:
    s = ox.Store.read_only(str((store / "current").resolve()))
    found = s.query("SELECT DISTINCT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?x ; a ?t }")
    return {row["t"].value for row in found}


def test_news_and_publication_pages_are_typed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.txt").write_text(NEWS, encoding="utf-8")
    (corpus / "publication.txt").write_text(PUBLICATION, encoding="utf-8")
    build_store(tmp_path / "store", corpus=corpus)  # validates: raises on a violation
    types = _types(tmp_path / "store")
    thb = "https://w3id.org/thbgraph/ontology#"
    assert {thb + "News", thb + "PublicationPage"} <= types
    assert {"https://schema.org/NewsArticle", "https://schema.org/WebPage"} <= types
