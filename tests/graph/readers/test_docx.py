"""The DOCX reader: paragraphs, tables, footnotes with their markers, page breaks, safe XML."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.errors import DocumentError
from thbgraph.graph.evaluate import extract_path
from thbgraph.graph.model import Extraction
from thbgraph.graph.readers import read_document

Para = Callable[[str], str]


def _seed(stem: str) -> str:
    return (resources.files("thbgraph.graph.corpus") / "documents" / f"{stem}.txt").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("stem", ["000_46f1c8b510004226", "002_2e1ad919f53edd39"])
def test_a_seed_document_saved_by_python_docx_reads_as_the_text(tmp_path: Path, stem: str) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    text = _seed(stem)
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "RUNNING HEADER SEC.GAL/1/20"
    lines = text.split("\n")
    for n, line in enumerate(lines):
        p = doc.add_paragraph(line)
        if n == len(lines) // 2:
            p.add_run().add_break(WD_BREAK.PAGE)
    path = tmp_path / f"{stem}.docx"
    doc.save(str(path))
    read = read_document(path)
    assert re.findall(r"\S+", read.text) == re.findall(r"\S+", text)
    assert "RUNNING HEADER" not in read.text
    assert len(read.page_starts) == 1
    last = next(ln for ln in reversed(lines) if ln.strip())
    assert read.page_of(read.text.rindex(last.strip())) == 2
    assert read.page_of(0) == 1


def test_footnotes_tables_and_markers(tmp_path: Path, make_docx_xml: Callable, para: Para) -> None:
    body = (
        para("SUMMARY")
        + '<w:p><w:r><w:t xml:space="preserve">The OSCE presented its report</w:t></w:r>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:t xml:space="preserve"> on 3 November 2020.</w:t></w:r></w:p>'
        "<w:tbl><w:tr><w:tc>" + para("13:00 - 13:30") + "</w:tc><w:tc>" + para("Registration")
        + "</w:tc></w:tr><w:tr><w:tc>" + para("13:30 - 13:50") + "</w:tc><w:tc>"
        + para("Opening") + "</w:tc></w:tr></w:tbl>"
        '<w:p><w:r><w:t>Deleted </w:t></w:r><w:del><w:r><w:delText>PC.DEC/999</w:delText></w:r></w:del>'
        '<w:r><w:t xml:space="preserve">text.</w:t><w:tab/><w:t>After tab</w:t></w:r></w:p>'
    )  # fmt: skip
    notes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1">' + para("See https://www.osce.org/cthb/455206") + "</w:footnote>"
    )
    path = make_docx_xml(tmp_path / "doc.docx", body, footnotes=notes, header=para("HEADER"))
    text = read_document(path).text
    assert "The OSCE presented its report¹ on 3 November 2020." in text
    assert "13:00 - 13:30\tRegistration\n13:30 - 13:50\tOpening" in text  # a table: one block
    assert "PC.DEC/999" not in text and "Deleted text.\tAfter tab" in text
    assert text.rstrip().endswith("¹ See https://www.osce.org/cthb/455206")
    assert "HEADER" not in text


def test_rendered_page_breaks_give_pages(
    tmp_path: Path, make_docx_xml: Callable, para: Para
) -> None:
    body = (
        para("Page one text")
        + '<w:p><w:r><w:lastRenderedPageBreak/><w:t>Page two starts here</w:t></w:r></w:p>'
        + '<w:p><w:r><w:t xml:space="preserve">still two, </w:t></w:r>'
        '<w:r><w:lastRenderedPageBreak/><w:t>and three mid-paragraph</w:t></w:r></w:p>'
    )  # fmt: skip
    doc = read_document(make_docx_xml(tmp_path / "pages.docx", body))
    assert doc.page_of(doc.text.index("Page one")) == 1
    assert doc.page_of(doc.text.index("Page two")) == 2
    assert doc.page_of(doc.text.index("and three")) == 3
    assert "still two, and three mid-paragraph" in doc.text  # no text inserted at the break


def test_external_entities_are_never_resolved(tmp_path: Path, make_docx_xml: Callable) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<w:document {w}><w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>"
    )
    import zipfile

    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", xml)
    try:
        text = read_document(path).text
    except DocumentError as exc:
        assert "xxe.docx" in str(exc)
    else:
        assert "TOPSECRET" not in text


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"PK\x03\x04 broken zip", "not a Word"), (b"plain text, not a zip", "not a Word")],
)
def test_files_that_are_not_docx_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message) as info:
        read_document(path)
    assert "report.docx" in str(info.value)


def test_a_zip_without_a_document_part_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("other.txt", "hello")
    with pytest.raises(DocumentError, match=r"no word/document\.xml"):
        read_document(path)


def _facts(ex: Extraction) -> dict[str, object]:
    return {
        "citations": sorted(c.symbol or f"? {c.text}" for c in ex.citations),
        "meetings": sorted(
            (m.role, m.start_date, m.end_date, m.place, m.online, m.participants_count,
             m.states_count, tuple(sorted(m.organisers)))
            for m in ex.meetings
        ),
        "organisations": sorted(o.key or o.name for o in ex.organisations),
        "countries": sorted(c.code for c in ex.countries),
        "persons": sorted(p.name for p in ex.persons),
        "publications": sorted((p.title, p.year, p.url) for p in ex.publications),
        "document": (ex.document.type, ex.document.date),
    }  # fmt: skip


@pytest.mark.parametrize("stem", ["000_46f1c8b510004226", "002_2e1ad919f53edd39"])
def test_a_seed_document_as_docx_gives_the_same_facts(tmp_path: Path, stem: str) -> None:
    from docx import Document

    text = _seed(stem)
    txt = tmp_path / f"{stem}.txt"
    txt.write_text(text, encoding="utf-8")
    from docx.enum.text import WD_BREAK

    doc = Document()
    blocks = [b for b in text.split("\n\n") if b.strip()]
    for n, block in enumerate(blocks):  # a paragraph per block, its lines kept as line breaks
        lines = block.strip("\n").split("\n")
        run = doc.add_paragraph().add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
        if n == len(blocks) // 2:
            run.add_break(WD_BREAK.PAGE)
    path = tmp_path / f"{stem}.docx"
    doc.save(str(path))
    from_docx = extract_path(path)
    assert _facts(from_docx) == _facts(extract_path(txt))
    read = read_document(path)
    assert len(read.page_starts) == 1
    for c in from_docx.citations:
        assert from_docx.text[c.start : c.end] == c.text
        assert c.page == read.page_of(c.start)  # evidence names its page
    assert {c.page for c in from_docx.citations} <= {1, 2}
