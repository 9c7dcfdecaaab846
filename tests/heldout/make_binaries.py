"""Build the held-out set's PDF and DOCX documents from their plain-text sources in `sources/`.

Run `python tests/heldout/make_binaries.py` after editing a source; the outputs are committed so the
evaluation needs neither fpdf2 nor python-docx. Source conventions, one per line: `HEADER: text`
and `FOOTER: text` (running header and footer on every page, not body text), `# text` (a heading),
a line with a tab (a table row: a letterhead or an agenda programme), `- text` (a bullet), a line
`\\f` (a page break), a line starting with a superscript digit and a space (a footnote, set at the
foot of its page in PDF, as plain text at the end in DOCX). Everything else is a paragraph.
The layout deliberately differs from tests/devset's (page numbers as "- N -", footers with
sentences, bullets, letterhead tables) so that the held-out set does not share its quirks.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = HERE / "sources"
OUT = HERE / "documents"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FORMATS = {
    "05_conclusions_en_focal_points_chisinau_2006": "docx",
    "07_summary_fr_comite_des_parties_2022": "pdf",
    "10_agenda_ru_tashkent_2022": "docx",
    "12_summary_en_webinar_supply_chains_2021": "pdf",
}
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _parse(path: Path) -> tuple[str, str, list[list[str]]]:
    """(running header, running footer, pages of lines)."""
    header = footer = ""
    pages: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("HEADER: "):
            header = line[len("HEADER: ") :]
        elif line.startswith("FOOTER: "):
            footer = line[len("FOOTER: ") :]
        elif line == "\\f":
            pages.append([])
        else:
            pages[-1].append(line)
    return header, footer, pages


def _is_note(line: str) -> bool:
    return len(line) > 2 and line[0] in SUPERSCRIPTS and line[1] == " "


def _runs(line: str) -> list[tuple[str, bool]]:
    """Split a paragraph into (text, superscript?) runs; superscripts become plain digits."""
    runs: list[tuple[str, bool]] = []
    for ch in line:
        sup = ch in SUPERSCRIPTS
        text = str(SUPERSCRIPTS.index(ch)) if sup else ch
        if runs and runs[-1][1] == sup:
            runs[-1] = (runs[-1][0] + text, sup)
        else:
            runs.append((text, sup))
    return runs


def build_pdf(src: Path, dst: Path) -> None:
    """A4 PDF: running header and footer, '- N -' page numbers, footnotes at the page foot."""
    from fpdf import FPDF

    header, footer, pages = _parse(src)

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font("dv", size=7)
            self.set_xy(20, 8)
            self.cell(170, 4, header, align="R")
            self.set_xy(20, 25)

        def footer(self) -> None:
            self.set_font("dv", size=7)
            self.set_xy(20, -14)
            self.cell(130, 4, footer)
            self.cell(40, 4, f"- {self.page_no()} -", align="R")

    pdf = Doc(format="A4")
    pdf.set_creation_date(datetime(2024, 6, 1, tzinfo=UTC))
    pdf.add_font("dv", "", str(FONT))
    pdf.add_font("dv", "B", str(FONT_BOLD))
    pdf.set_margins(20, 25, 20)
    pdf.set_auto_page_break(True, margin=40)
    for lines in pages:
        pdf.add_page()
        notes = [ln for ln in lines if _is_note(ln)]
        for line in lines:
            if _is_note(line):
                continue
            if not line.strip():
                pdf.ln(3)
            elif line.startswith("# "):
                pdf.set_font("dv", "B", 12)
                pdf.multi_cell(0, 6, line[2:], align="C", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            elif "\t" in line:
                left, right = line.split("\t", 1)
                pdf.set_font("dv", size=9)
                pdf.set_x(20)
                pdf.cell(30, 5, left)
                pdf.multi_cell(0, 5, right, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("dv", size=10)
                for text, sup in _runs(line):
                    pdf.char_vpos = "SUP" if sup else "LINE"
                    pdf.write(5.5, text)
                pdf.char_vpos = "LINE"
                pdf.ln(7)
        if notes:
            pdf.set_auto_page_break(False)
            pdf.line(20, 258, 80, 258)
            pdf.set_y(260)
            for note in notes:
                pdf.set_font("dv", size=7)
                pdf.char_vpos = "SUP"
                pdf.write(4, str(SUPERSCRIPTS.index(note[0])))
                pdf.char_vpos = "LINE"
                pdf.write(4, note[1:])
                pdf.ln(4)
            pdf.set_auto_page_break(True, margin=40)
    pdf.output(str(dst))


def build_docx(src: Path, dst: Path, author: str = "thbgraph heldout set") -> None:
    """DOCX: running header and footer, headings, bullets, tab lines as table rows, footnotes last."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    header, footer, pages = _parse(src)
    doc = Document()
    doc.core_properties.author = author
    doc.core_properties.created = datetime(2024, 6, 1, tzinfo=UTC)
    doc.sections[0].header.paragraphs[0].text = header
    doc.sections[0].footer.paragraphs[0].text = footer
    notes: list[str] = []
    for n, lines in enumerate(pages):
        if n:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        table = None
        for line in lines:
            if _is_note(line):
                notes.append(line)
                continue
            if "\t" in line:
                if table is None:
                    table = doc.add_table(rows=0, cols=2)
                cells = table.add_row().cells
                cells[0].text, cells[1].text = line.split("\t", 1)
                continue
            table = None
            if not line.strip():
                continue
            if line.startswith("# "):
                doc.add_heading(line[2:], level=1)
            elif line.startswith("- "):
                doc.add_paragraph(line[2:], style="List Bullet")
            else:
                doc.add_paragraph(line)
    for note in notes:
        doc.add_paragraph(str(SUPERSCRIPTS.index(note[0])) + note[1:])
    doc.save(str(dst))


def main(
    formats: dict[str, str] = FORMATS, here: Path = HERE, author: str = "thbgraph heldout set"
) -> int:
    """Write every PDF and DOCX listed in `formats` from `here`/sources into `here`/documents."""
    for stem, fmt in formats.items():
        src = here / "sources" / f"{stem}.txt"
        dst = here / "documents" / f"{stem}.{fmt}"
        if fmt == "pdf":
            build_pdf(src, dst)
        else:
            build_docx(src, dst, author)
        print(f"wrote {dst.relative_to(here)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
