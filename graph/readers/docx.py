"""DOCX: the body of a Word document (zip + lxml), with its tables, footnotes and rendered page breaks.

Read straight from the package's XML rather than through python-docx, because the parts the
extractors need are ones python-docx does not give: footnote markers in the running text (written
as Unicode superscripts, as in the text documents) and the footnotes themselves (appended after
the body), and the page breaks Word records when it saves (`w:lastRenderedPageBreak`), which give
evidence a page number. Running headers and footers live in other parts and are not read.
Paragraphs are separated by a blank line and line breaks inside them are kept, like the
paragraphs of the text documents; a table is one block with a line per row and tabs between cells.
The XML parser resolves no entities and reads no DTD or network resource.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..caps import caps
from ..errors import DocumentError
from . import ReadDocument
from .text import normalise

__all__ = ["read"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# A part larger than this once unpacked is refused (a zip bomb), whatever the file size: from the
# size the archive declares (at once) and from the bytes really unpacked (as they are read).
_PAGE_BREAK = "\x0c"  # marks a page break in the text until page_starts are computed


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _parse(archive: zipfile.ZipFile, name: str, path: Path) -> object | None:
    """Parse one XML part safely; None when the part is absent."""
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    max_part = caps().bytes("docx_max_part_mb")
    cap = f"{caps().docx_max_part_mb:g} MB (the reader's cap)"
    if info.file_size > max_part:
        raise DocumentError(f"{path}: {name} unpacks past {cap}")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        with archive.open(info) as part:
            data = part.read(max_part + 1)
        if len(data) > max_part:
            raise DocumentError(f"{path}: {name} unpacks past {cap}")
        root: object = etree.fromstring(data, parser)
        return root
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DocumentError(f"{path}: {name} is not valid XML ({exc})") from exc


def _paragraph_text(p: object, *, pages: str) -> str:
    """The text of a w:p: runs, tabs, breaks, footnote markers as superscripts.

    pages: "rendered" marks Word's recorded page breaks, "explicit" the hard page breaks, "" none."""
    out: list[str] = []
    for el in p.iter():  # type: ignore[attr-defined]
        tag = el.tag
        if tag == _q("t"):
            out.append(el.text or "")
        elif tag == _q("tab"):
            out.append("\t")
        elif tag in (_q("br"), _q("cr")):
            kind = el.get(_q("type"))
            out.append(_PAGE_BREAK if kind == "page" and pages == "explicit" else "\n")
        elif tag == _q("lastRenderedPageBreak") and pages == "rendered":
            out.append(_PAGE_BREAK)
        elif tag in (_q("footnoteReference"), _q("endnoteReference")):
            out.append(str(el.get(_q("id"), "")).translate(_SUPERSCRIPTS))
        elif tag == _q("noBreakHyphen"):
            out.append("-")
        elif tag == _q("softHyphen"):
            continue
        elif tag == _q("sym"):
            char = el.get(_q("char"), "")
            try:
                out.append(chr(int(char, 16)))
            except ValueError:
                continue
    return "".join(out)


def _blocks(body: object, *, pages: str) -> list[str]:
    """Paragraphs and table rows of a body, in document order (deleted text left out)."""
    blocks: list[str] = []
    for child in body:  # type: ignore[attr-defined]
        if child.tag == _q("p"):
            blocks.append(_paragraph_text(child, pages=pages))
        elif child.tag == _q("tbl"):  # one block: a row per line, cells separated by tabs
            rows = []
            for row in child.iter(_q("tr")):
                cells = [
                    " ".join(_paragraph_text(p, pages=pages) for p in tc.iter(_q("p"))).strip()
                    for tc in row.iter(_q("tc"))
                ]
                rows.append("\t".join(cells))
            blocks.append("\n".join(rows))
        elif child.tag == _q("sdt"):
            content = child.find(_q("sdtContent"))
            if content is not None:
                blocks.extend(_blocks(content, pages=pages))
    return blocks


def _notes(archive: zipfile.ZipFile, part: str, tag: str, path: Path) -> list[str]:
    """Footnotes (or endnotes) as lines '¹ text', numbered by their id as the markers are."""
    root = _parse(archive, part, path)
    if root is None:
        return []
    notes = []
    for note in root.iter(_q(tag)):  # type: ignore[attr-defined]
        ident = note.get(_q("id"), "")
        if not ident.isdecimal() or int(ident) < 1 or note.get(_q("type")):
            continue  # separators and continuation notices
        text = " ".join(_paragraph_text(p, pages="") for p in note.iter(_q("p"))).strip()
        if text:
            notes.append(f"{ident.translate(_SUPERSCRIPTS)} {text}")
    return notes


def read(data: bytes, path: Path) -> ReadDocument:
    """Read a .docx file; page_starts come from the page breaks Word rendered, when it recorded them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocumentError(f"{path}: not a Word .docx file (not a zip archive)") from exc
    with archive:
        root = _parse(archive, "word/document.xml", path)
        if root is None:
            raise DocumentError(f"{path}: not a Word .docx file (no word/document.xml)")
        body = root.find(_q("body"))  # type: ignore[attr-defined]
        if body is None:
            raise DocumentError(f"{path}: the Word document has no body")
        rendered = next(body.iter(_q("lastRenderedPageBreak")), None) is not None
        blocks = _blocks(body, pages="rendered" if rendered else "explicit")
        notes = _notes(archive, "word/footnotes.xml", "footnote", path)
        notes += _notes(archive, "word/endnotes.xml", "endnote", path)
    # paragraphs separated by a blank line, as the other readers do; empty ones are only spacing
    blocks = [b for b in blocks if b.strip() or _PAGE_BREAK in b]
    raw = "\n\n".join(blocks)
    if notes:
        raw += "\n\n" + "\n\n".join(notes)
    max_text = caps().max_text_chars
    if len(raw) > max_text:
        raise DocumentError(f"{path}: more than {max_text:,} characters of text (the reader's cap)")
    text = ""
    page_starts: list[int] = []
    raw = raw.replace(f"\n\n{_PAGE_BREAK}\n\n", f"\n\n{_PAGE_BREAK}")
    for n, chunk in enumerate(raw.split(_PAGE_BREAK)):
        if n and text and (not page_starts or page_starts[-1] < len(text)):
            page_starts.append(len(text))
        text += normalise(chunk)
    return ReadDocument(
        path=path, text=text.rstrip("\n") + "\n", sha256="", page_starts=page_starts
    )
