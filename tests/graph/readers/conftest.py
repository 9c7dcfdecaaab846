"""Builders of small PDF and DOCX files for the reader tests (fpdf2, python-docx, raw OOXML)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    footer: str | None = "Page {n} of {total}",
    font: Path | None = None,
    footnotes: Sequence[tuple[int, str]] = (),
) -> Path:
    """A PDF whose pages hold exactly the given lines (one cell per line, so line ends are ours),
    with a running header and footer, and footnotes at the foot of page 1 ((marker, text))."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    if font is not None:
        pdf.add_font("body", "", str(font))
        family = "body"
    else:
        family = "Helvetica"
    for n, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font(family, size=8)
            pdf.text(20, 12, header)
        pdf.set_font(family, size=11)
        y = 30.0
        for line in lines:
            if line:
                pdf.text(20, y, line)
            y += 5.5 if line else 6
        if n == 1:
            y = 262.0
            for marker, text in footnotes:
                pdf.set_font(family, size=6)
                pdf.text(20, y - 1.1, str(marker))  # raised, small: a footnote marker
                pdf.set_font(family, size=9)
                pdf.text(22, y, text)
                y += 4.5
        if footer:
            pdf.set_font(family, size=8)
            pdf.text(100, 288, footer.format(n=n, total=len(pages)))
    pdf.output(str(path))
    return path


def make_docx_xml(path: Path, body: str, *, footnotes: str = "", header: str = "") -> Path:
    """A .docx from raw WordprocessingML: `body` goes inside <w:body>, `footnotes` inside
    <w:footnotes>, `header` (a paragraph) into a header part that the reader must ignore."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>',
        )
        if footnotes:
            z.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {w}>{footnotes}</w:footnotes>',
            )
        if header:
            z.writestr("word/header1.xml", f"<w:hdr {w}>{header}</w:hdr>")
    return path


def para(text: str) -> str:
    """One w:p with one run."""
    from xml.sax.saxutils import escape

    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


@pytest.fixture(name="make_pdf")
def make_pdf_fixture() -> Callable[..., Path]:
    """The PDF builder (see make_pdf)."""
    return make_pdf


@pytest.fixture(name="make_docx_xml")
def make_docx_xml_fixture() -> Callable[..., Path]:
    """The raw-OOXML .docx builder (see make_docx_xml)."""
    return make_docx_xml


@pytest.fixture(name="para")
def para_fixture() -> Callable[[str], str]:
    """The w:p builder (see para)."""
    return para


@pytest.fixture
def dejavu() -> Path:
    """A TrueType font with Cyrillic, for PDFs in Russian."""
    if not DEJAVU.exists():
        pytest.skip("needs the DejaVu font (Debian fonts-dejavu-core)")
    return DEJAVU
