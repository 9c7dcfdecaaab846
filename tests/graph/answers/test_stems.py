"""Stems for the full-text index: one row per pair of forms that must (or must not) meet."""

from __future__ import annotations

import pytest

from thbgraph.graph.answers.stems import Marker, fold, index_text, query_alternatives, stem


@pytest.mark.parametrize(
    ("query", "text", "lang"),
    [
        ("trafficking", "trafficked", "en"),
        ("victims", "victim", "en"),
        ("traite", "traités", "fr"),
        ("traites", "traite", "fr"),
        ("etres", "êtres", "fr"),
        ("торговля", "торговли", "ru"),
        ("ТОРГОВЛЯ", "торговле", "ru"),
        ("торговля", "торговлей", "en"),  # a Cyrillic word is Russian whatever the text says
    ],
)
def test_forms_that_meet(query: str, text: str, lang: str) -> None:
    assert stem(text, lang) in query_alternatives(query)


@pytest.mark.parametrize(
    ("query", "text", "lang"),
    [("traffic", "trafficking", "en"), ("victim", "victory", "en"), ("торг", "торговля", "ru")],
)
def test_forms_that_do_not(query: str, text: str, lang: str) -> None:
    assert stem(text, lang) not in query_alternatives(query)


def test_folding_keeps_offsets() -> None:
    for text in ("Secrétariat Ёлка Çà", "ÉTRES êtres"):
        assert len(fold(text)) == len(text)
    assert fold("Êtres Ё") == "etres е"


def test_index_text_is_the_words_stems() -> None:
    assert index_text("Victims of trafficking, 2021.", "en") == "victim of traffick 2021"


def test_marks_only_words_with_a_query_stem() -> None:
    m = Marker(["trafficked"])
    text = "Trafficking and traffic: trafficked persons."
    assert [text[a:b] for a, b in m.spans(text, "en")] == ["Trafficking", "trafficked"]
