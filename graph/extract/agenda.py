"""The programme of a meeting: sessions and agenda items with day numbers, dates and times.

Robust to PDF debris: a time line without a title is either the time of the heading that
follows it or a stray (reported, and placed on an untimed session only when it fits the
sequence of times exactly); HTML tags and Markdown markup around day headings are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import AgendaItem
from .dates import parse_date
from .document import Document, as_document
from .passages import PageOf, evidence, is_footnote

__all__ = ["find_agenda"]

_TIME = r"(\d{1,2})[:.h](\d{2})"
_TIMED = re.compile(
    rf"^{_TIME}(?:\s*(?:-|–|—|to)\s*{_TIME})?(?:\s*(?:HRS|hrs|h|Uhr))?\b[\s:.–-]*(?P<title>.*)$"
)
_DAY = re.compile(r"^(?:day|jour|день)\s+(?P<n>\d{1,2})\b[\s:.,–-]*(?P<rest>.*)$", re.I)
_SESSION = re.compile(r"^(?:session|panel|s[ée]ance|сессия|workshop)\s+\d+\b", re.I)
_AGENDA_HEADING = re.compile(
    r"^(?:(?:draft|revised|annotated)\s+)?(?:agenda|programme|program)\b", re.I
)
_SKIP = re.compile(r"^(?:discussion|q\s*&\s*a|questions and answers)\.?$", re.I)


@dataclass
class _Stray:
    start: str
    end: str | None
    span: tuple[int, int]
    day: int | None


def _hhmm(h: str, m: str) -> str:
    return f"{int(h):02d}:{m}"


def _item_date(day: int | None, current: date | None, start: date | None) -> str | None:
    if current is not None:
        return current.isoformat()
    if day is not None and start is not None:
        return (start + timedelta(days=day - 1)).isoformat()
    return None


def find_agenda(
    text: str | Document,
    *,
    start_date: str | None = None,
    end_date: str | None = None,
    page_of: PageOf | None = None,
) -> tuple[list[AgendaItem], list[str]]:
    """Agenda items in document order, and warnings about the debris met."""
    doc = as_document(text)
    text = doc.text
    first = date.fromisoformat(start_date) if start_date else None
    warnings: list[str] = []
    items: list[AgendaItem] = []
    strays: list[_Stray] = []
    day: int | None = None
    current: date | None = None
    in_agenda = False
    all_lines = [ln for ln in doc.lines_in() if not ln.blank]
    i = 0
    while i < len(all_lines):
        line = all_lines[i]
        i += 1
        s, e = doc.clean_line(line)
        body = text[s:e]
        if not body or is_footnote(line.text) or len(body) > 300:
            continue
        if _AGENDA_HEADING.match(body) and len(body) < 40:
            in_agenda = True
            continue
        dm = _DAY.match(body)
        if dm:
            in_agenda = True
            day, current = int(dm.group("n")), None
            rest = dm.group("rest").strip()
            when = parse_date(rest, default_year=first.year if first else None) if rest else None
            if when is not None:
                current = when.first
            elif _SESSION.match(rest):
                rs = s + body.index(rest)
                items.append(
                    AgendaItem(
                        title=" ".join(rest.split()),
                        date=_item_date(day, None, first),
                        day=day,
                        evidence=evidence(text, rs, e, page_of),
                    )
                )
            continue
        when = parse_date(body, default_year=first.year if first else None)
        if when is not None and not when.is_range and in_agenda:
            current = when.first
            if first is not None:
                day = (current - first).days + 1
            continue
        tm = _TIMED.match(body)
        if tm and (in_agenda or tm.group("title")):
            in_agenda = True
            start = _hhmm(tm.group(1), tm.group(2))
            end = _hhmm(tm.group(3), tm.group(4)) if tm.group(3) else None
            title = tm.group("title").strip()
            if not title:
                nxt = all_lines[i] if i < len(all_lines) else None
                if nxt is not None:
                    ns, ne = doc.clean_line(nxt)
                    nbody = text[ns:ne]
                    if (
                        nbody
                        and not _TIMED.match(nbody)
                        and not _DAY.match(nbody)
                        and not nbody.startswith(("-", "•", "*"))
                        and not _SKIP.match(nbody)
                        and len(nbody) < 120
                    ):
                        items.append(
                            AgendaItem(
                                title=" ".join(nbody.split()),
                                date=_item_date(day, current, first),
                                day=day,
                                start_time=start,
                                end_time=end,
                                evidence=evidence(text, s, ne, page_of),
                            )
                        )
                        i += 1
                        continue
                strays.append(_Stray(start, end, (s, e), day))
                continue
            if _SKIP.match(title):
                continue
            items.append(
                AgendaItem(
                    title=" ".join(title.split()),
                    date=_item_date(day, current, first),
                    day=day,
                    start_time=start,
                    end_time=end,
                    evidence=evidence(text, s + tm.start("title"), e, page_of),
                )
            )
            continue
        if in_agenda and _SESSION.match(body):
            items.append(
                AgendaItem(
                    title=" ".join(body.split()),
                    date=_item_date(day, current, first),
                    day=day,
                    evidence=evidence(text, s, e, page_of),
                )
            )
    _place_strays(text, items, strays, warnings)
    return items, warnings


def _place_strays(
    text: str, items: list[AgendaItem], strays: list[_Stray], warnings: list[str]
) -> None:
    """Put a stray time line on the one untimed session it fits between, else report it."""
    for stray in strays:
        placed = None
        for k, item in enumerate(items):
            if item.start_time is not None or stray.end is None:
                continue
            before = next(
                (x for x in reversed(items[:k]) if x.end_time and x.day == item.day), None
            )
            after = next((x for x in items[k + 1 :] if x.start_time and x.day == item.day), None)
            if (
                before
                and after
                and before.end_time == stray.start
                and after.start_time == stray.end
            ):
                placed = item
                break
        where = f"{stray.span[0]}-{stray.span[1]}"
        quoted = text[stray.span[0] : stray.span[1]]
        if placed is not None:
            placed.start_time, placed.end_time = stray.start, stray.end
            warnings.append(
                f"agenda: stray time line '{quoted}' at {where} placed on '{placed.title}', "
                "the untimed session it fits between"
            )
        else:
            warnings.append(f"agenda: stray time line '{quoted}' at {where} skipped (PDF debris)")
