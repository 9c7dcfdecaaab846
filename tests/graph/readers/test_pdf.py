"""The PDF reader: text layer, pages, running headers/footers, hyphenation, footnotes, scans."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.errors import DocumentError
from thbgraph.graph.evaluate import extract_path
from thbgraph.graph.model import Extraction
from thbgraph.graph.readers import read_document

PAGE_1 = [
    "SUMMARY",
    "",
    "The meeting of national anti-trafficking co-ordinators discussed the traffick-",
    "ing in human beings for labour exploitation and the cross-border co-",
    "operation of OSCE participating States under MC.DEC/6/18 and the short-",
    "and long-term effects of the pandemic on victims and their protection.1",
]
PAGE_2 = [
    "Day 2",
    "",
    "The second day was devoted to the OSCE Action Plan (PC.DEC/557) and its follow-",
    "up; participants agreed on the next steps to be taken before the end of 2021.",
]


MakePdf = Callable[..., Path]


@pytest.fixture
def two_pages(tmp_path: Path, make_pdf: MakePdf) -> Path:
    return make_pdf(
        tmp_path / "summary.pdf",
        [PAGE_1, PAGE_2],
        header="OSCE Secretariat SEC.GAL/12/20",
        footnotes=[(1, "See https://www.osce.org/cthb/438323")],
    )


def test_running_headers_footers_and_page_numbers_are_dropped(two_pages: Path) -> None:
    text = read_document(two_pages).text
    assert "SEC.GAL/12/20" not in text
    assert "Page" not in text
    assert text.startswith("SUMMARY\n")


def test_pages_are_kept_so_evidence_can_name_them(two_pages: Path) -> None:
    doc = read_document(two_pages)
    assert len(doc.page_starts) == 1
    assert doc.page_of(doc.text.index("MC.DEC/6/18")) == 1
    assert doc.page_of(doc.text.index("PC.DEC/557")) == 2
    assert doc.text[doc.page_starts[0] :].startswith("Day 2")


def test_words_hyphenated_at_line_ends_are_joined_and_compounds_kept(two_pages: Path) -> None:
    text = read_document(two_pages).text
    assert "discussed the trafficking in human beings" in text
    assert "cross-border co-operation of OSCE" in text
    assert "the short- and long-term effects" in text
    assert "its follow-up; participants" in text
    assert "-\n" not in text


def test_footnotes_are_kept_with_a_superscript_marker(two_pages: Path) -> None:
    text = read_document(two_pages).text
    assert "¹ See https://www.osce.org/cthb/438323" in text
    assert text.index("¹ See") < text.index("Day 2")  # at the foot of its own page


def test_short_lines_stay_lines(tmp_path: Path, make_pdf: MakePdf) -> None:
    agenda = [
        "AGENDA",
        "",
        "09:00 - 09:30 Registration",
        "09:30 - 10:00 Opening",
        "10:00 Session 1",
    ]
    text = read_document(make_pdf(tmp_path / "agenda.pdf", [agenda])).text
    assert "09:00 - 09:30 Registration\n09:30 - 10:00 Opening\n10:00 Session 1" in text


def test_cyrillic_text_is_read_and_its_language_detected(
    tmp_path: Path, make_pdf: MakePdf, dejavu: Path
) -> None:
    lines = [
        "Совещание национальных координаторов по борьбе с торговлей людьми",
        "",
        "Вена, 3-4 ноября 2020 г. Решение № 6/18 Совета министров ОБСЕ.",
    ]
    doc = read_document(make_pdf(tmp_path / "ru.pdf", [lines], font=dejavu))
    assert "3-4 ноября 2020 г." in doc.text and "Решение № 6/18" in doc.text
    assert doc.language == "ru"


def test_a_scan_without_a_text_layer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for y in range(20, 250, 8):  # "lines of print" drawn as shapes, as a scan's image would be
        pdf.rect(20, y, 150, 3, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError, match="no text layer") as info:
        read_document(path)
    assert str(path) in str(info.value) and "OCR" in str(info.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not a pdf at all", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "cannot be read|no pages"),
    ],
)
def test_damaged_pdfs_are_refused_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad file.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message) as info:
        read_document(path)
    assert "bad file.pdf" in str(info.value) and "\n" not in str(info.value)


def test_a_truncated_pdf_is_refused_or_read_never_crashes(two_pages: Path, tmp_path: Path) -> None:
    data = two_pages.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(data[:cut])
        try:
            doc = read_document(path)
        except DocumentError as exc:
            assert path.name in str(exc)
        else:
            assert "SEC.GAL" not in doc.text


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
@pytest.mark.parametrize("stem", ["002_2e1ad919f53edd39", "004_958b14d90dff92ed"])
def test_a_seed_document_printed_to_pdf_reads_as_the_text(tmp_path: Path, stem: str) -> None:
    src = resources.files("thbgraph.graph.corpus") / "documents" / f"{stem}.txt"
    txt = tmp_path / f"{stem}.txt"
    txt.write_bytes(src.read_bytes())
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(txt)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = read_document(tmp_path / f"{stem}.pdf")
    text = read_document(txt).text
    assert _words(pdf.text) == _words(text)
    assert len(pdf.page_starts) >= 1
    last_word = _words(text)[-1]
    assert pdf.page_of(pdf.text.rindex(last_word)) == len(pdf.page_starts) + 1


def facts(ex: Extraction) -> dict[str, object]:
    """What the extractors read, without offsets: the same document in two formats must agree."""
    return {
        "citations": sorted(c.symbol or f"? {c.text}" for c in ex.citations),
        "meetings": sorted(
            (
                m.role,
                m.start_date,
                m.end_date,
                m.place,
                m.online,
                m.participants_count,
                m.states_count,
                tuple(sorted(m.organisers)),
            )
            for m in ex.meetings
        ),
        "organisations": sorted(o.key or o.name for o in ex.organisations),
        "countries": sorted(c.code for c in ex.countries),
        "persons": sorted(p.name for p in ex.persons),
        "publications": sorted((p.title, p.year, p.url) for p in ex.publications),
        "document": (ex.document.type, ex.document.date),
    }


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
@pytest.mark.parametrize("stem", ["000_46f1c8b510004226", "002_2e1ad919f53edd39"])
def test_a_seed_document_as_pdf_gives_the_same_facts_with_pages(tmp_path: Path, stem: str) -> None:
    src = resources.files("thbgraph.graph.corpus") / "documents" / f"{stem}.txt"
    txt = tmp_path / f"{stem}.txt"
    txt.write_bytes(src.read_bytes())
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(txt)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    from_text = extract_path(txt)
    from_pdf = extract_path(tmp_path / f"{stem}.pdf")
    assert facts(from_pdf) == facts(from_text)
    doc = read_document(tmp_path / f"{stem}.pdf")
    assert from_pdf.citations and all(c.page is not None for c in from_pdf.citations)
    for c in from_pdf.citations:
        assert c.page == doc.page_of(c.start)
        assert from_pdf.text[c.start : c.end] == c.text
    if len(doc.page_starts) >= 1:  # the later pages are named on their evidence
        assert max(c.page or 0 for c in from_pdf.citations) >= 1


def test_normal_pdfs_read_the_same_through_the_bounded_decoders(
    two_pages: Path, tmp_path: Path, make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pdfminer import pdftypes

    from thbgraph.graph.readers import pdf as pdf_reader

    cyrillic = make_pdf(
        tmp_path / "ru.pdf",
        [["Совещание национальных координаторов по борьбе с торговлей людьми."]],
        font=Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    )
    bounded = [read_document(p) for p in (two_pages, cyrillic)]
    assert pdftypes.decompress_corrupted is pdf_reader._inflate_corrupted
    for name, original in pdf_reader._ORIGINALS.items():
        monkeypatch.setattr(pdftypes, name, original)  # pdfminer's own, unbounded decoders
    unbounded = [read_document(p) for p in (two_pages, cyrillic)]
    assert [(d.text, d.page_starts) for d in bounded] == [
        (d.text, d.page_starts) for d in unbounded
    ]
    assert all(d.text.strip() for d in bounded)
