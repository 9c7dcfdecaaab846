"""Build: extraction -> RDF quads of one document's named graph, and meeting identity across documents.

Pure: no store, no I/O. `rdf` writes the quads; `merge` decides when two documents describe one meeting.
"""

from __future__ import annotations

from ..vocab import MeetingKey, article_iri, commitment_iri, document_id, meeting_iri
from .merge import KnownMeeting, MeetingResolver
from .rdf import DOCUMENT_CLASSES, Quads, date_literal, document_quads

__all__ = [
    "DOCUMENT_CLASSES",
    "KnownMeeting",
    "MeetingKey",
    "MeetingResolver",
    "Quads",
    "article_iri",
    "commitment_iri",
    "date_literal",
    "document_id",
    "document_quads",
    "meeting_iri",
]
