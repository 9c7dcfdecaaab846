"""Document type, title, date issued and language, on the seeds and on unseen documents."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.extract.doctype import detect_language, document_info, find_dateline

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(str(resources.files("thbgraph.graph.corpus"))) / "documents"


@pytest.mark.parametrize(
    ("path", "kind", "issued"),
    [
        (SEEDS / "000_46f1c8b510004226.txt", "agenda", None),
        (SEEDS / "001_c7656a1bae82c630.txt", "press_release", "2018-05-23"),
        (SEEDS / "002_2e1ad919f53edd39.txt", "summary", None),
        (SEEDS / "003_36499e4a6194a2d9.txt", "press_release", "2021-11-16"),
        (SEEDS / "004_958b14d90dff92ed.txt", "conclusions", None),
        (FIXTURES / "alliance-2019-agenda.md", "agenda", None),
        (FIXTURES / "communique-fr.txt", "press_release", "2019-03-12"),
        (FIXTURES / "pc-decision.txt", "decision", "2017-03-23"),
        (FIXTURES / "summary-warsaw-2019.txt", "summary", None),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else str(v),
)
def test_type_and_date_issued(path: Path, kind: str, issued: str | None) -> None:
    text = path.read_text("utf-8")
    info = document_info(text)
    assert (info.type, info.date) == (kind, issued)
    if info.evidence is not None:
        assert text[info.evidence.start : info.evidence.end] == info.evidence.text


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("ORDRE DU JOUR", "agenda"),
        ("Provisional Programme", "agenda"),
        ("ПОВЕСТКА ДНЯ", "agenda"),
        ("Chairperson's Summary", "summary"),
        ("FINAL REPORT", "report"),
        ("PRESS RELEASE", "press_release"),
        ("ВЫВОДЫ", "conclusions"),
    ],
)
def test_headings_in_three_languages(heading: str, kind: str) -> None:
    text = f"\n{heading}\n\nRegional Seminar on Child Trafficking\n\n12 May 2015\n"
    assert document_info(text).type == kind


def test_title_of_an_agenda_is_the_meeting_heading() -> None:
    text = (SEEDS / "000_46f1c8b510004226.txt").read_text("utf-8")
    assert document_info(text).title == (
        "Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs or equivalent mechanisms"
    )


def test_title_of_a_press_release_is_its_headline() -> None:
    text = (SEEDS / "003_36499e4a6194a2d9.txt").read_text("utf-8")
    assert (
        document_info(text).title
        == "60 countries meet to strengthen efforts to end human trafficking"
    )


def test_dateline() -> None:
    text = "STRASBOURG, France, 23 May 2018 – Co-organized by the Council of Europe, a meeting ..."
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.date.first.isoformat()) == ("STRASBOURG", "2018-05-23")
    assert find_dateline("BELGRADE, 17-20 JULY 2003\n\nIn co-ordination with ...") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The meeting was opened by the Chair and the participants discussed the report.", "en"),
        (
            "La réunion des coordinateurs nationaux s'est tenue dans le cadre de la Convention.",
            "fr",
        ),
        ("Совещание национальных координаторов по борьбе с торговлей людьми.", "ru"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
