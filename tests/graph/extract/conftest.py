"""Shared fixtures of the extraction tests: the register, and the subject meeting of a text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thbgraph.graph.extract.doctype import document_info, find_dateline
from thbgraph.graph.extract.meetings import find_meetings
from thbgraph.graph.model import Meeting
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


def subject_of(text: str, reg: Register) -> Meeting:
    """The meeting `text` is about; every fact's evidence must quote the text at its offsets."""
    found, _ = find_meetings(text, reg, info=document_info(text), dateline=find_dateline(text))
    subjects = [m for m in found if m.role == "subject"]
    assert subjects, "no subject meeting"
    for name, ev in subjects[0].facts.items():
        assert text[ev.start : ev.end] == ev.text, name
    return subjects[0]


@pytest.fixture
def meeting_about(reg: Register) -> Callable[[str], Meeting]:
    """`meeting_about(text)`: the subject meeting of `text` (see `subject_of`)."""
    return lambda text: subject_of(text, reg)
