"""What the extractors read in one document, before anything is merged into the graph.

These dataclasses are the public shape of `thbgraph extract --format json`
(see docs/extract-schema.md): add fields rather than rename them.
Offsets are Python string indices into the normalised document text, so that
`text[start:end] == evidence.text` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "AgendaItem",
    "Citation",
    "Country",
    "DocumentInfo",
    "Evidence",
    "Extraction",
    "FollowUp",
    "Meeting",
    "Organisation",
    "Person",
    "Publication",
]

DocumentType = Literal[
    "agenda",
    "summary",
    "press_release",
    "news",
    "publication_page",
    "conclusions",
    "report",
    "decision",
    "other",
]


@dataclass(frozen=True)
class Evidence:
    """A passage of the document: the exact text and its offsets (text == doc[start:end])."""

    text: str
    start: int
    end: int
    page: int | None = None  # 1-based page of the original file, when the reader knows it


@dataclass
class DocumentInfo:
    type: DocumentType = "other"
    title: str | None = None
    date: str | None = None  # ISO 8601 date the document was issued, when it says
    language: str = "en"
    evidence: Evidence | None = None  # passage giving the title/type


@dataclass
class AgendaItem:
    """A session or item of a meeting's programme, with its day and times when given."""

    title: str
    date: str | None = None
    day: int | None = None  # "Day 1" -> 1
    start_time: str | None = None  # "13:30"
    end_time: str | None = None
    evidence: Evidence | None = None


@dataclass
class Meeting:
    role: Literal["subject", "mentioned"]
    title: str | None
    start_date: str | None = None
    end_date: str | None = None
    place: str | None = None
    online: bool | None = None
    organisers: list[str] = field(default_factory=list)  # register acronyms/keys where known
    participants_count: int | None = None
    states_count: int | None = None
    evidence: Evidence | None = None  # the passage with the dates (or the title when undated)
    # Passages for the individual facts, keyed by field name:
    # "title", "start_date", "place", "online", "organisers", "participants_count", "states_count".
    facts: dict[str, Evidence] = field(default_factory=dict)
    agenda: list[AgendaItem] = field(default_factory=list)
    # "scheduled" for a meeting the text announces ("will host the next meeting in December")
    status: str | None = None
    period: str | None = None  # the period as the text words it ("December/January")
    # one of the earlier meetings of the subject's own kind ("prior meetings (Pristina 2001, ...)")
    same_series: bool = False
    place_country: str | None = None  # ISO code when the place is a country, not a city


@dataclass
class Citation:
    """One occurrence of a cited commitment in the text (or an unresolved reference by name)."""

    symbol: str | None  # canonical symbol, e.g. "MC.DEC/6/18", "CETS No. 197"; None if unresolved
    text: str
    start: int
    end: int
    resolved: bool = True
    note: str | None = None  # e.g. a typo repair: "read as PC.DEC/637: 'PC.EC' is not a series"
    # "symbol" | "repaired-symbol" | "alias" | "name" | "description" | "unresolved"
    method: str = "symbol"
    confidence: float = 1.0
    article: str | None = None  # "29(4)" when the passage cites an article of the commitment
    page: int | None = None


@dataclass
class Organisation:
    name: str
    acronym: str | None = None
    key: str | None = None  # register key (IRI local name), None when not in the register
    evidence: Evidence | None = None


@dataclass
class Person:
    name: str
    role: str | None = None
    organisation: str | None = None  # register key or acronym of the organisation of the post
    evidence: Evidence | None = None


@dataclass
class Publication:
    title: str
    year: int | None = None
    url: str | None = None
    publisher: list[str] = field(default_factory=list)  # organisations (acronyms/keys)
    evidence: Evidence | None = None
    url_evidence: Evidence | None = None  # the footnote passage with the URL


@dataclass
class Country:
    code: str  # ISO 3166-1 alpha-2 (XK Kosovo, CS Serbia and Montenegro)
    name: str
    evidence: Evidence | None = None


@dataclass
class FollowUp:
    """A follow-up action agreed at a meeting: who leads, what, by when."""

    action: str
    lead: list[str] = field(default_factory=list)
    due: str | None = None  # as written ("1-2 weeks", "December/January")
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything read in one document."""

    source: str  # file name as given
    text: str  # the normalised text all offsets refer to
    document: DocumentInfo = field(default_factory=DocumentInfo)
    meetings: list[Meeting] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # topic concept keys from the register
    warnings: list[str] = field(default_factory=list)
    sha256: str | None = None
    page_starts: list[int] = field(default_factory=list)  # where pages 2, 3, ... begin in text

    def to_json(self) -> dict[str, Any]:
        """The JSON object `thbgraph extract` prints (without the full text)."""
        data = asdict(self)
        data.pop("text")
        data.pop("page_starts")  # offsets into the text, which is left out too
        return data
