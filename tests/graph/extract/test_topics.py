"""Topics: register topic concepts signalled by labels, alternative labels and keywords."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.extract.topics import find_topics, topic_hits
from thbgraph.graph.register import Register, load_register

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register(paths=[FIXTURES / "b_register.ttl"])


def seed(name: str) -> str:
    path = resources.files("thbgraph.graph.corpus") / "documents" / name
    return path.read_text(encoding="utf-8")


def test_seed_002_topics_most_signalled_first(reg: Register) -> None:
    assert find_topics(seed("002_2e1ad919f53edd39.txt"), reg) == [
        "labour-exploitation",
        "child-trafficking",
        "technology",
        "national-referral-mechanisms",
        "financial-investigations",
    ]


def test_seed_004_plural_labels_and_keywords(reg: Register) -> None:
    """'National Referral Mechanism' and 'Trafficking in Children' signal their topics."""
    assert find_topics(seed("004_958b14d90dff92ed.txt"), reg) == [
        "national-referral-mechanisms",
        "child-trafficking",
    ]


def test_hits_are_spans_of_the_text(reg: Register) -> None:
    text = "Forced labour in supply chains; NRMs and national referral mechanisms."
    hits = topic_hits(text, reg)
    assert sorted(hits) == ["labour-exploitation", "national-referral-mechanisms"]
    assert [text[s:e] for s, e in hits["labour-exploitation"]] == ["Forced labour", "supply chains"]
    assert [text[s:e] for s, e in hits["national-referral-mechanisms"]] == [
        "national referral mechanisms",
        "NRMs",
    ]


def test_acronym_labels_are_case_sensitive_and_whole_words(reg: Register) -> None:
    assert find_topics("The nrm and NRMX are not it.", reg) == []


def test_french_alternative_labels(reg: Register) -> None:
    text = (FIXTURES / "b_press_fr.txt").read_text(encoding="utf-8")
    assert find_topics(text, reg) == ["labour-exploitation"]


def test_no_topics_without_signals(reg: Register) -> None:
    assert find_topics("The meeting discussed the budget and the calendar.", reg) == []
