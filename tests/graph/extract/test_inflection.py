"""Russian names match in every grammatical case, and a stem never swallows another name."""

from __future__ import annotations

import re

import pytest

from thbgraph.graph.extract.inflection import declined, stem_pattern


def _matches(label: str, written: str) -> bool:
    pattern = r"\s+".join(stem_pattern(w) for w in label.split())
    return re.fullmatch(pattern, written) is not None


@pytest.mark.parametrize(
    ("label", "written"),
    [
        ("Совет Европы", "Советом Европы"),
        ("Совет Европы", "Совета Европы"),
        ("Казахстан", "Казахстаном"),
        ("Беларусь", "Беларуси"),
        ("Российская Федерация", "Российской Федерации"),
        ("Бюро Специального представителя", "Бюро Специального представителя"),
        ("Конвенция Совета Европы", "Конвенцией Совета Европы"),
    ],
)
def test_a_name_matches_its_declined_forms(label: str, written: str) -> None:
    assert _matches(label, written)


@pytest.mark.parametrize(
    ("label", "written"),
    [("Европол", "Европы"), ("ОБСЕ", "ОБСЕЕ"), ("Совет", "Советниками")],
)
def test_a_stem_does_not_swallow_another_word(label: str, written: str) -> None:
    assert not _matches(label, written)


def test_acronyms_latin_and_short_words_are_not_declined() -> None:
    assert not declined("ОБСЕ")
    assert not declined("OSCE")
    assert not declined("и")
    assert declined("Конвенция")
