"""Meeting identity across documents: the 2020 agenda and the 2020 summary describe one meeting.

Two subject meetings are the same when their dates agree and their titles are alike (or one
document gives no title). The first document (in sorted order, or already in the store) names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Meeting
from ..vocab import MeetingKey, meeting_iri

__all__ = ["KnownMeeting", "MeetingResolver"]

TITLE_SIMILARITY = 85  # rapidfuzz token_set_ratio at or above which two titles name one meeting


@dataclass(frozen=True)
class KnownMeeting:
    """A meeting already named: its IRI, dates and title."""

    iri: str
    start_date: str | None
    end_date: str | None
    title: str | None


def _dates_agree(a: KnownMeeting, m: Meeting) -> bool:
    if a.start_date is None or m.start_date is None:
        return False
    if a.start_date == m.start_date:
        return a.end_date is None or m.end_date is None or a.end_date == m.end_date
    return False


def _titles_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return fuzz.token_set_ratio(a.casefold(), b.casefold()) >= TITLE_SIMILARITY


class MeetingResolver:
    """Gives each extracted meeting its IRI, reusing the IRI of the same meeting seen before.

    The meetings seen are kept by start date (only meetings starting on the same day can be the
    same one), so a build of many documents compares each meeting with a few, not with all.
    """

    def __init__(self, known: list[KnownMeeting] | None = None) -> None:
        self.known: list[KnownMeeting] = []
        self._by_start: dict[str, list[KnownMeeting]] = {}
        self._iris: set[str] = set()
        for k in known or []:
            self._remember(k)

    def _remember(self, k: KnownMeeting) -> None:
        self.known.append(k)
        self._iris.add(k.iri)
        if k.start_date is not None:
            self._by_start.setdefault(k.start_date, []).append(k)

    def resolve(self, m: Meeting) -> str:
        """The IRI of this meeting: an existing one when it is the same meeting, else a new one."""
        for k in self._by_start.get(m.start_date, []) if m.start_date is not None else []:
            if _dates_agree(k, m) and _titles_agree(k.title, m.title):
                return k.iri
        # otherwise its own IRI (an undated meeting is the same only as one with the same title)
        iri = meeting_iri(MeetingKey(m.start_date, m.end_date, m.title))
        if iri not in self._iris:
            self._remember(KnownMeeting(iri, m.start_date, m.end_date, m.title))
        return iri
