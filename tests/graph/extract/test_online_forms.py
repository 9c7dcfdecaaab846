"""Online meetings said in other words: "an online seminar", a webinar, "réunion (à distance)",
a conference platform as the venue. Fixtures written for these tests."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.doctype import document_info, find_dateline
from thbgraph.graph.extract.meetings import find_meetings
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


def _online(text: str, reg: Register) -> bool | None:
    found, _ = find_meetings(text, reg, info=document_info(text), dateline=find_dateline(text))
    return next(m for m in found if m.role == "subject").online


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors from five countries took part in an OSCE-organized online seminar on 3 and "
        "4 May 2022. The seminar was led by two experts.\n",
        "LISTE DES DÉCISIONS\n\n12e réunion (à distance)\n\nLieu : plateforme KUDO\n\n3-5 mai 2021\n",
    ],
)
def test_online_in_other_words(text: str, reg: Register) -> None:
    assert _online(text, reg) is True


def test_an_online_subject_is_not_an_online_meeting(reg: Register) -> None:
    text = (
        "The seminar on online recruitment of victims was held in Vienna on 3 and 4 May 2022. "
        "Participants discussed online platforms.\n"
    )
    assert _online(text, reg) is False


def test_a_meeting_that_cannot_be_followed_remotely_is_in_person(reg: Register) -> None:
    text = (
        "ORDRE DU JOUR\n\nRéunion conjointe des comités\n\n**Strasbourg, 3-4 octobre 2024**\n\n"
        "*Les participants qui ne peuvent pas venir ne pourront pas suivre la réunion à distance.*\n"
    )
    assert _online(text, reg) is False
