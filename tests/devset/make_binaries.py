"""Build the devset's PDF and DOCX documents from their plain-text sources in `sources/`.

Run `python tests/devset/make_binaries.py` after editing a source; the outputs are committed so the
evaluation needs neither fpdf2 nor python-docx. Source conventions, one per line:
`HEADER: text` (running header on every page), `# text` (a heading), a line with a tab (an agenda
row: a table row in DOCX), a line `\\f` (a page break), a line starting with a superscript digit
and a space (a footnote, set at the foot of its page in PDF), superscript digits elsewhere (footnote
markers, set as raised small digits in PDF). Everything else is a paragraph.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = HERE / "sources"
OUT = HERE / "documents"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FORMATS = {
    "02_summary_en_online_2021": "pdf",
    "08_summary_fr_coordinateurs": "pdf",
    "17_conclusions_en_alliance": "pdf",
    "22_summary_ru_minsk": "pdf",
    "05_conclusions_en_focal_points_2004": "docx",
    "07_agenda_ru_vienna_2020": "docx",
    "15_agenda_fr_strasbourg_2023": "docx",
    "21_press_release_en_kyiv": "docx",
}
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _parse(path: Path) -> tuple[str, list[list[str]]]:
    """(running header, pages of lines)."""
    header = ""
    pages: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("HEADER: "):
            header = line[len("HEADER: ") :]
        elif line == "\\f":
            pages.append([])
        else:
            pages[-1].append(line)
    return header, pages


def _is_note(line: str) -> bool:
    return len(line) > 2 and line[0] in SUPERSCRIPTS and line[1] == " "


def build_pdf(src: Path, dst: Path) -> None:
    from datetime import UTC, datetime

    from fpdf import FPDF

    header, pages = _parse(src)

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font("dv", size=8)
            self.set_xy(20, 10)
            self.cell(170, 5, header)
            self.set_xy(20, 25)

        def footer(self) -> None:
            self.set_font("dv", size=8)
            self.set_xy(20, -15)
            self.cell(170, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Doc(format="A4")
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    pdf.add_font("dv", "", str(FONT))
    pdf.add_font("dv", "B", str(FONT_BOLD))
    pdf.set_margins(20, 25, 20)
    pdf.set_auto_page_break(True, margin=45)
    for lines in pages:
        pdf.add_page()
        notes = [ln for ln in lines if _is_note(ln)]
        for line in lines:
            if _is_note(line):
                continue
            if not line.strip():
                pdf.ln(4)
            elif line.startswith("# "):
                pdf.set_font("dv", "B", 13)
                pdf.multi_cell(0, 7, line[2:], new_x="LMARGIN", new_y="NEXT")
            elif "\t" in line:
                time, item = line.split("\t", 1)
                pdf.set_font("dv", size=10)
                pdf.set_x(20)
                pdf.cell(35, 6, time)
                pdf.multi_cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("dv", size=10)
                for ch_run in _runs(line):
                    text, sup = ch_run
                    pdf.char_vpos = "SUP" if sup else "LINE"
                    pdf.write(6, text)
                pdf.char_vpos = "LINE"
                pdf.ln(6)
        if notes:
            pdf.set_auto_page_break(False)
            pdf.set_y(-40)
            for note in notes:
                pdf.set_font("dv", size=8)
                pdf.char_vpos = "SUP"
                pdf.write(4, str(SUPERSCRIPTS.index(note[0])))
                pdf.char_vpos = "LINE"
                pdf.set_font("dv", size=8)
                pdf.write(4, note[1:])
                pdf.ln(5)
            pdf.set_auto_page_break(True, margin=45)
    pdf.output(str(dst))


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


def build_docx(src: Path, dst: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    header, pages = _parse(src)
    doc = Document()
    doc.core_properties.author = "thbgraph devset"
    doc.sections[0].header.paragraphs[0].text = header
    for n, lines in enumerate(pages):
        if n:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        table = None
        for line in lines:
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
            else:
                doc.add_paragraph(line)
    doc.save(str(dst))


def main() -> int:
    for stem, fmt in FORMATS.items():
        src = SOURCES / f"{stem}.txt"
        dst = OUT / f"{stem}.{fmt}"
        (build_pdf if fmt == "pdf" else build_docx)(src, dst)
        print(f"wrote {dst.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
