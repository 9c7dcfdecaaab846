"""Rule-based extractors: one module per kind of fact (symbols, dates, meetings, persons...).

`extract(text, source=...)` splits the normalised text once into its document model
(`document.as_document`: lines, layout, sentences), runs every stage over that model and
returns an `Extraction` whose every passage satisfies `text[start:end] == evidence.text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from ..model import Evidence, Extraction
from ..register import Register, load_register

__all__ = ["extract"]


def extract(
    text: str,
    source: str = "<text>",
    register: Register | None = None,
    *,
    page_starts: Sequence[int] | None = None,
    sha256: str | None = None,
    links: Sequence[Any] = (),
) -> Extraction:
    """Everything the extractors read in one document.

    `page_starts` (offsets where pages 2, 3, ... begin, as the reader gives them) puts page
    numbers on evidence; `links` (the reader's `Link`s: offsets of a link's words and its
    address) give publications their URLs; `register` defaults to the bundled register.
    """
    from .agenda import find_agenda
    from .citations import find_citations, flag_anachronisms
    from .countries import find_countries
    from .doctype import document_info
    from .document import as_document
    from .followups import find_follow_ups
    from .meetings import find_meetings
    from .organisations import find_organisations
    from .persons import find_persons
    from .publications import find_publications
    from .topics import find_topics

    reg = register if register is not None else load_register()
    starts = list(page_starts or [])
    page_of = (lambda offset: 1 + sum(1 for s in starts if s <= offset)) if starts else None
    result = Extraction(source=source, text=text, sha256=sha256, page_starts=starts)
    doc = as_document(text)  # the one split of the text that every stage reads
    result.document = document_info(doc, page_of)
    dateline = doc.dateline
    result.meetings, warnings = find_meetings(
        doc, reg, info=result.document, dateline=dateline, page_of=page_of
    )
    result.warnings += warnings
    subject = next((m for m in result.meetings if m.role == "subject"), None)
    if subject is not None:
        subject.agenda, warnings = find_agenda(
            doc, start_date=subject.start_date, end_date=subject.end_date, page_of=page_of
        )
        result.warnings += warnings
    until = (subject.end_date if subject else None) or result.document.date
    result.citations, warnings = find_citations(
        text, reg, page_of=page_of, until=date.fromisoformat(until) if until else None
    )
    result.warnings += warnings
    if until:
        result.warnings += flag_anachronisms(result.citations, reg, date.fromisoformat(until))
    result.organisations = find_organisations(doc, reg)
    result.persons = find_persons(text, reg)
    page_date = result.document.date
    result.publications = find_publications(
        doc, reg, links=links, page_year=int(page_date[:4]) if page_date else None
    )
    result.countries = find_countries(text)
    result.follow_ups = find_follow_ups(doc, reg)
    result.topics = find_topics(text, reg)
    if page_of is not None:
        _put_pages(result, page_of)
    return result


def _put_pages(result: Extraction, page_of: Callable[[int], int | None]) -> None:
    """Give the page to evidence that extractors built without knowing pages."""
    items: list[Any] = [
        *result.organisations,
        *result.persons,
        *result.publications,
        *result.countries,
        *result.follow_ups,
    ]
    for item in items:
        for name in ("evidence", "url_evidence"):
            ev = getattr(item, name, None)
            if isinstance(ev, Evidence) and ev.page is None:
                setattr(item, name, replace(ev, page=page_of(ev.start)))
