"""The web genres news story and publication page (cues in graph/extract/data/document_genres.json),
told apart from press releases, in English, French and Russian (texts written for these tests)."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.doctype import document_info

_PROSE_EN = (
    "The Ministry of Labour held a two-day workshop on identifying victims of forced labour for "
    "thirty labour inspectors from five regions, with trainers from the national police academy.\n"
)
_PROSE_FR = (
    "Le ministère du Travail a organisé un atelier de deux jours consacré à l'identification des "
    "victimes de travail forcé pour une trentaine d'inspecteurs venus de cinq régions du pays.\n"
)
_PROSE_RU = (
    "В Бишкеке состоялся двухдневный семинар по выявлению жертв принудительного труда для "
    "тридцати инспекторов труда из пяти областей страны с участием преподавателей академии.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        f"Labour inspectors learn to spot forced labour\n\n{_PROSE_EN}",
        f"Les inspecteurs du travail formés au repérage du travail forcé\n\n{_PROSE_FR}",
        f"Инспекторов труда учат выявлять принудительный труд\n\n{_PROSE_RU}",
        f"News item\nLabour inspectors meet in the capital\n\n{_PROSE_EN}",
    ],
    ids=["en", "fr", "ru", "labelled"],
)
def test_a_story_without_a_dateline_is_news(text: str) -> None:
    assert document_info(text).type == "news"


@pytest.mark.parametrize(
    "text",
    [
        f"Labour inspectors learn to spot forced labour\nRIGA, 4 May 2022 – {_PROSE_EN}",
        f"COMMUNIQUÉS DE PRESSE\nLes inspecteurs du travail formés\n\n{_PROSE_FR}",
    ],
    ids=["dateline", "communiques"],
)
def test_a_dateline_or_a_press_label_keeps_a_press_release(text: str) -> None:
    assert document_info(text).type == "press_release"


@pytest.mark.parametrize(
    "text",
    [
        "The expert group publishes its annual report on forced labour\n\n"
        "The report covers the monitoring rounds of the year and the visits to seven countries.\n",
        "Le groupe d'experts publie son rapport annuel sur le travail forcé\n\n"
        "Le rapport rend compte des visites effectuées dans sept pays au cours de l'année.\n",
        "Группа экспертов опубликовала доклад о принудительном труде\n\n"
        "Доклад охватывает посещения семи стран за прошедший год.\n",
        "Office of the Co-ordinator\nWORKERS IN THE SHADOWS\nTHEMATIC PUBLICATION 4\n",
    ],
    ids=["en", "fr", "ru", "cover"],
)
def test_a_page_presenting_a_publication(text: str) -> None:
    assert document_info(text).type == "publication_page"


def test_a_list_of_lines_is_no_story() -> None:
    text = "Labour inspectors\n\nheld\nworkshop\n10:00 Opening\n11:00 Break\n"
    assert document_info(text).type == "other"
