"""Reading documents: bytes on disk -> the normalised text that every evidence offset refers to.

One reader per format (`text.py`, `pdf.py`, `html.py`, `docx.py`), chosen by file extension; each
gives the normalised text and, for paged formats, where each page starts, so evidence can name a page.
Every reader refuses bad input with a DocumentError that names the file and says what is wrong.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocumentError
from ..settings import Limits
from .language import detect_language

__all__ = ["READERS", "Link", "ReadDocument", "read_document", "supported_suffixes"]

# file suffix -> module in this package that has `read(data: bytes, path: Path) -> ReadDocument`
READERS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


@dataclass(frozen=True)
class Link:
    """A link of the source (an HTML `<a href>`): the offsets of its text in the normalised text
    (`text[start:end]` is the link's words as read) and the absolute address it points to."""

    start: int
    end: int
    href: str


@dataclass
class ReadDocument:
    """A document as read: normalised text, the hash of its bytes, and where its pages start."""

    path: Path
    text: str
    sha256: str
    # offsets into `text` at which pages 2, 3, ... start (empty for formats without pages)
    page_starts: list[int] = field(default_factory=list)
    # "en", "fr" or "ru" as detected from the text (readers/language.py); None when it cannot tell
    language: str | None = None
    # the links of the source whose text is in `text` (HTML), in order; the text is unchanged
    links: list[Link] = field(default_factory=list)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of a text offset, or None when the format has no pages."""
        if not self.page_starts:
            return None
        return 1 + sum(1 for s in self.page_starts if s <= offset)


def supported_suffixes() -> list[str]:
    """The file extensions thbgraph can read."""
    return sorted(READERS)


def read_document(path: Path, *, limits: Limits | None = None) -> ReadDocument:
    """Read one document file; DocumentError (naming the file) when it cannot be read as a document."""
    path = Path(path)
    limits = limits or Limits()
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise DocumentError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; thbgraph reads "
            + ", ".join(supported_suffixes())
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if size > limits.max_document_bytes:
        raise DocumentError(
            f"{path}: too large ({size / 1e6:.1f} MB; the limit is "
            f"{limits.max_document_bytes / 1e6:.0f} MB, set THBGRAPH_MAX_DOCUMENT to change it)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty")
    module = importlib.import_module(f"{__name__}.{READERS[suffix]}")
    doc: ReadDocument = module.read(data, path)
    if not doc.text.strip():
        raise DocumentError(f"{path}: no text could be read from the file")
    doc.sha256 = hashlib.sha256(data).hexdigest()
    doc.language = detect_language(doc.text)
    return doc
