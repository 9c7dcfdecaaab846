"""Language detection: English, French, Russian, and 'cannot tell'."""

from __future__ import annotations

import pytest

from thbgraph.graph.readers.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The meeting of the national co-ordinators was held in Vienna on 3 November 2020.", "en"),
        ("La réunion des coordinateurs nationaux s'est tenue à Strasbourg, le 16 novembre 2021, "
         "dans le cadre de la Convention du Conseil de l'Europe (STCE n° 197).", "fr"),
        ("Совещание национальных координаторов состоялось 3-4 ноября 2020 г. в Вене "
         "(Решение № 6/18).", "ru"),
        ("MC.DEC/6/18 PC.DEC/557 2020", None),
        ("", None),
    ],
)  # fmt: skip
def test_detects_the_working_languages(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_an_english_agenda_with_a_russian_title_is_english() -> None:
    text = (
        "Повестка дня\n" + "The participants discussed the implementation of the Action Plan. " * 5
    )
    assert detect_language(text) == "en"
