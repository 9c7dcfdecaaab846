"""Council of Europe documents: the issue date under a document number, or on a "City, le date"
line beside it, dates the document; the meeting's date is the one its heading gives in brackets.

Fixtures are written for these tests in the layout of such documents (no page text).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thbgraph.graph.extract.doctype import document_info
from thbgraph.graph.model import Meeting

About = Callable[[str], Meeting]  # the `meeting_about` fixture of conftest.py


def test_a_date_line_under_the_document_number_is_the_documents(meeting_about: About) -> None:
    text = (
        "DÉLÉGUÉS DES MINISTRES\n\nDocuments d'information\n\nCM/Inf(2018)7\n\n"
        "14 mars 2018\n\n"
        "12e réunion du Groupe de liaison (Vienne, 2 mars 2018)\n\n"
        "La douzième réunion du Groupe de liaison s'est tenue le 2 mars 2018 à Vienne.\n"
    )
    subject = meeting_about(text)
    assert (subject.start_date, subject.end_date) == ("2018-03-02", "2018-03-02")


def test_a_city_and_date_beside_a_document_number_is_the_documents(meeting_about: About) -> None:
    text = (
        "Secrétariat de la Convention\n\nStrasbourg, le 9 février 2017 THB-CP(2016)RAP20\n\n"
        "COMITÉ DES PARTIES\n\n"
        "20e réunion du Comité des Parties (Strasbourg, le 25 novembre 2016)\n\n"
        "RAPPORT DE RÉUNION\n\nPoints 1 et 2 de l'ordre du jour : ouverture de la réunion.\n"
    )
    subject = meeting_about(text)
    assert subject.start_date == "2016-11-25"


def test_a_deputies_sitting_header_does_not_date_the_reported_meeting(meeting_about: About) -> None:
    text = (
        "CM(2011)14 3 mai 2011\n\n901 Réunion, 11 mai 2011\n\n"
        "Rapport abrégé de la 6e réunion (Strasbourg, 4-6 avril 2011)\n\n"
        "1. Le Comité ad hoc a tenu sa 6e réunion du 4 au 6 avril 2011 à Strasbourg.\n"
    )
    subject = meeting_about(text)
    assert (subject.start_date, subject.end_date) == ("2011-04-04", "2011-04-06")


def test_a_bracket_in_a_long_prose_paragraph_is_not_the_heading(meeting_about: About) -> None:
    prose = (
        "The Committee recalled the conclusions of its previous meeting (Strasbourg, 4 June 2015) "
        "and of the round table held with national rapporteurs and civil society organisations, "
        "which called for better data on identified victims and for closer co-operation between "
        "labour inspectors and the police in the member States concerned."
    )
    text = "SUMMARY\n\nThe 9th meeting of the Committee was held in Vienna on 3 December 2015.\n\n"
    text += prose + "\n"
    assert meeting_about(text).start_date == "2015-12-03"


@pytest.mark.parametrize(
    ("text", "issued"),
    [
        (
            "DÉLÉGUÉS DES MINISTRES\n\nCM/Inf(2018)7\n\n14 mars 2018\n\nRapport sur la réunion.\n",
            "2018-03-14",
        ),
        ("Report | Doc. 13421 | 5 February 2014\n\nThe fight against trafficking.\n", "2014-02-05"),
        (
            "OSCE trains police in Osh\n\nOSH, 12 May 2015 – Police officers completed a course "
            "that ended today in Osh.\n",
            "2015-05-12",
        ),
    ],
)
def test_the_documents_own_date(text: str, issued: str) -> None:
    assert document_info(text).date == issued


def test_a_meetings_own_paper_is_not_dated_by_its_meeting_line() -> None:
    text = (
        "CONCLUSIONS\n\nAnnual Meeting of Focal Points\n\nVienna, 9 September 2008\n\n"
        "The focal points agreed on the following points and thanked the host.\n"
    )
    assert document_info(text).date is None
