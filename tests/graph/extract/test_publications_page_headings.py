"""Publications as their own pages and running text name them (issue 14), in texts written for
these tests: a heading that a shorter reading cut ('... on how to ...') and the year of its
'Published' line, a Russian heading opened by a work's noun after page chrome, a French heading
closed by one (': guide pratique'), a quoted title labelled by a work's noun, owner and colon
('Доклад ОБСЕ: «…»'), a handbook whose subject is a series of nouns with commas, the proceedings
of a round table whose quoted name runs over the lines of a cover; and the
headings that are a meeting's or a news item's (an event's noun, a verb of presenting); the
year of the page for the work its lead presents ('A new guide published by ...'), not for a work
it only mentions; the year of a cover's imprint line ('Москва, 2016 год')."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.publications import find_publications
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def bundled() -> Register:
    return load_register()


def _titles(text: str, reg: Register) -> list[tuple[str, int | None]]:
    found = find_publications(text, reg)
    for p in found:
        assert p.evidence is not None and text[p.evidence.start : p.evidence.end] == p.evidence.text
    return [(p.title, p.year) for p in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guide for Labour Inspectors on how to Detect Forced Labour in Supply Chains\n\n"
         "Pub. March 3, 2017 Published March 3, 2017\n\n"
         "This Guide was written after a series of workshops with labour inspectorates.\n",
         [("Guide for Labour Inspectors on how to Detect Forced Labour in Supply Chains", 2017)]),
        ("Материалы\nПособие по выявлению жертв торговли людьми среди трудовых мигрантов, "
         "прибывающих в крупные города, и мерам их защиты\nВажно, чтобы сотрудники полиции "
         "умели распознавать признаки эксплуатации.\n",
         [("Пособие по выявлению жертв торговли людьми среди трудовых мигрантов, прибывающих в "
           "крупные города, и мерам их защиты", None)]),
        ("La protection des enfants victimes d'exploitation : guide pratique\n\n"
         "Publié le | Temps de lecture : 3 minutes\n\nLe ministère a conçu ce document.\n",
         [("La protection des enfants victimes d'exploitation : guide pratique", None)]),
        ("Обзор журнала. Доклад ОБСЕ: «Эксплуатация труда в сельском хозяйстве» СОДЕРЖАНИЕ\n",
         [("Эксплуатация труда в сельском хозяйстве", None)]),
        ("The course drew on the Manual on Detection, Investigation and Prosecution of Labour "
         "Exploitation Cases prepared by the Office.\n",
         [("Manual on Detection, Investigation and Prosecution of Labour Exploitation Cases", None)]),
        ("Материалы международного круглого стола\n«Совершенствование взаимодействия полиции\n"
         "и социальных служб в защите\nпострадавших от торговли людьми»\nМосква, 2016 год\n",
         [("Совершенствование взаимодействия полиции и социальных служб в защите пострадавших от "
           "торговли людьми", 2016)]),
    ],
    ids=["en heading cut before 'on how', with its Published year", "ru heading after chrome",
         "fr heading closed by a work noun", "ru label 'Доклад ОБСЕ:'",
         "en handbook subject with commas", "ru proceedings of a round table, cover over lines"],
)  # fmt: skip
def test_titles_of_publication_pages_and_running_text(
    bundled: Register, text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert _titles(text, bundled) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anti-trafficking report presented in Vienna\nVIENNA, 5 May 2020 - The OSCE presented "
        "its report today.\n",
        "Rapport sur la 12e réunion du réseau des coordinateurs – 3 et 4 mai, Genève\n"
        "Les coordinateurs se sont réunis à Genève.\n",
        "Guidelines on victim support focus of OSCE seminar in Skopje\nDiscussions on a "
        "victim-centred approach took place.\n",
        "He said: «Мы продолжим работу» and left.\n",
        "В Минске прошел круглый стол «Взаимодействие полиции и организаций».\n",
        "Il a cité «la traite\n\nNouveau paragraphe» sans plus.\n",
    ],
    ids=["headline with a verb of presenting", "report of a meeting", "seminar headline",
         "a quotation after 'said:'", "ru name of a round table", "guillemets across a paragraph"],
)  # fmt: skip
def test_headings_of_meetings_and_news_are_no_titles(bundled: Register, text: str) -> None:
    assert _titles(text, bundled) == []


def test_the_work_a_page_presents_takes_the_page_year() -> None:
    from thbgraph.graph.extract import extract

    text = (
        "Office issues guide on victim support\n"
        "WARSAW, 12 June 2015 - A new guide published by the Office sets out ways to support "
        "victims.\n\nThe publication, Supporting Victims: A Practical Tool for Social Workers, "
        "explains referral.\n"
    )
    ex = extract(text, source="presented.txt")
    assert [(p.title, p.year) for p in ex.publications] == [
        ("Supporting Victims: A Practical Tool for Social Workers", 2015)
    ]


def test_a_work_the_page_only_mentions_gets_no_page_year() -> None:
    from thbgraph.graph.extract import extract

    text = (
        "Seminar on victim support held in Warsaw\n"
        "WARSAW, 12 June 2015 - Social workers met to discuss support to victims, drawing on the "
        'handbook "Supporting Victims of Trafficking".\n'
    )
    ex = extract(text, source="mentioned.txt")
    assert [(p.title, p.year) for p in ex.publications] == [
        ("Supporting Victims of Trafficking", None)
    ]
