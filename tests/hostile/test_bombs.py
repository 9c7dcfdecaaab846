"""Decompression bombs and oversized documents: every reader stops at its cap as it reads, and
refuses with one DocumentError line naming the file and the cap; `thbgraph extract` exits non-zero
quickly and within a memory bound, never with a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thbgraph.graph.caps import with_caps
from thbgraph.graph.errors import DocumentError
from thbgraph.graph.readers import pdf as pdf_reader
from thbgraph.graph.readers import read_document

MB = 1024 * 1024


def _pdf(path: Path, streams: list[tuple[bytes, str]]) -> Path:
    """A one-page PDF whose content is the given streams ((encoded bytes, /Filter name))."""
    contents = " ".join(f"{5 + i} 0 R" for i in range(len(streams)))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
        b" >> >> /Contents [" + contents.encode() + b"] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for data, name in streams:
        head = b"<< /Length %d /Filter /%s >>\nstream\n" % (len(data), name.encode())
        objs.append(head + data + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _zeros_deflated(n: int) -> bytes:
    """b"0" * n, deflated in 1 MB chunks (never held in memory whole)."""
    c = zlib.compressobj(9)
    chunk = b"0" * MB
    parts = [c.compress(chunk) for _ in range(n // MB)]
    parts.append(c.compress(b"0" * (n % MB)))
    parts.append(c.flush())
    return b"".join(parts)


def _text_stream(text: str) -> bytes:
    return f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()


def _refused(path: Path, match: str) -> str:
    with pytest.raises(DocumentError, match=match) as info:
        read_document(path)
    message = str(info.value)
    assert path.name in message and "\n" not in message and "(the reader's cap)" in message
    return message


# --------------------------------------------------------------------------- the 400 MB PDF

_PEAK = """
import json, resource, subprocess, sys, time
t = time.monotonic()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60)
print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr,
    "seconds": time.monotonic() - t,
    "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def test_a_pdf_whose_stream_inflates_to_400_mb_is_refused_quickly_and_in_bounded_memory(
    tmp_path: Path,
) -> None:
    bomb = _pdf(tmp_path / "bomb.pdf", [(_zeros_deflated(400 * MB), "FlateDecode")])
    assert bomb.stat().st_size < 1 * MB
    cli = Path(sys.executable).with_name("thbgraph")
    run = subprocess.run(
        [sys.executable, "-c", _PEAK, str(cli), "extract", str(bomb)],
        capture_output=True,
        text=True,
        timeout=90,
    )
    seen = json.loads(run.stdout)
    assert seen["rc"] != 0
    assert seen["seconds"] < 30
    assert seen["peak_kb"] * 1024 < 1.5e9
    lines = seen["err"].strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in seen["err"]
    assert "bomb.pdf" in lines[0] and "64 MB (the reader's cap)" in lines[0]


# --------------------------------------------------------------------------- PDF caps


def test_the_total_of_all_streams_is_capped(tmp_path: Path) -> None:
    streams = [(_zeros_deflated(MB + MB // 2), "FlateDecode")] * 4
    with with_caps(pdf_max_stream_mb=2, pdf_max_total_mb=5):
        message = _refused(_pdf(tmp_path / "many.pdf", streams), "in all")
    assert "5 MB" in message


def test_a_runlength_bomb_is_refused(tmp_path: Path) -> None:
    data = bytes([129, ord("0")]) * (MB // 64) + bytes([128])  # 128 x the input
    with with_caps(pdf_max_stream_mb=1):
        message = _refused(_pdf(tmp_path / "rl.pdf", [(data, "RunLengthDecode")]), "content stream")
    assert "1 MB" in message


def test_pages_and_text_are_capped(tmp_path: Path) -> None:
    ok = _pdf(
        tmp_path / "ok.pdf",
        [(zlib.compress(_text_stream("Vienna, 3 November 2020")), "FlateDecode")],
    )
    assert "Vienna, 3 November 2020" in read_document(ok).text
    with with_caps(max_text_chars=10):
        _refused(ok, "characters of text")
    with with_caps(pdf_max_pages=0):
        _refused(ok, "pages")


def _operators_deflated(n: int) -> bytes:
    """n bytes of path operators ("0 0 m "), deflated in 1 MB chunks: cheap to inflate, slow for
    pdfminer to interpret."""
    c = zlib.compressobj(9)
    unit = b"0 0 m "
    chunk = unit * (MB // len(unit))
    parts = [c.compress(chunk) for _ in range(n // len(chunk))]
    parts.append(c.flush())
    return b"".join(parts)


def test_a_stream_just_under_the_size_cap_is_stopped_by_the_time_cap(tmp_path: Path) -> None:
    """A content stream of 63 MB (under the 64 MB cap) of operators would keep pdfminer busy for
    minutes: the reader's wall-clock cap (THBGRAPH_PDF_MAX_DECODE_S, read from the environment)
    refuses it, in one line naming the file and the cap."""
    slow = _pdf(tmp_path / "slow.pdf", [(_operators_deflated(63 * MB), "FlateDecode")])
    cli = Path(sys.executable).with_name("thbgraph")
    env = {**os.environ, "THBGRAPH_PDF_MAX_DECODE_S": "2"}
    run = subprocess.run(
        [sys.executable, "-c", _PEAK, str(cli), "extract", str(slow)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    seen = json.loads(run.stdout)
    assert seen["rc"] != 0
    assert seen["seconds"] < 30
    lines = seen["err"].strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in seen["err"], seen["err"]
    assert "slow.pdf" in lines[0] and "more than 2 s (the reader's cap)" in lines[0]


def test_the_time_cap_lets_an_ordinary_pdf_through(tmp_path: Path) -> None:
    ok = _pdf(tmp_path / "ok.pdf", [(zlib.compress(_text_stream("Vienna")), "FlateDecode")])
    with with_caps(pdf_max_decode_s=5):
        assert "Vienna" in read_document(ok).text
    with with_caps(pdf_max_decode_s=-1):  # already past: refused at its first check
        _refused(ok, "took more than -1 s")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4000), st.integers(min_value=0, max_value=9))
def test_the_bounded_inflater_gives_what_zlib_gives(data: bytes, level: int) -> None:
    packed = zlib.compress(data, level)
    assert pdf_reader._inflate(packed) == zlib.decompress(packed)
    with pytest.raises(zlib.error):
        pdf_reader._inflate(packed[: len(packed) // 2])
    damaged = packed[:-1] + bytes([packed[-1] ^ 0xFF])  # checksum broken: the data survives
    assert pdf_reader._inflate_corrupted(damaged) == data


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_the_bounded_runlength_decoder_gives_what_pdfminer_gives(data: bytes) -> None:
    from pdfminer.runlength import rldecode

    try:
        expected = rldecode(data)
    except (StopIteration, RuntimeError):
        return  # pdfminer's decoder fails on a truncated run; ours stops there
    assert pdf_reader._runlength(data) == expected


# --------------------------------------------------------------------------- DOCX and HTML


def test_a_docx_part_that_unpacks_past_the_cap_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(80):
            part.write(b" " * MB)
    assert path.stat().st_size < 1 * MB
    message = _refused(path, "unpacks past")
    assert "64 MB" in message


def test_docx_text_is_capped(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    path = tmp_path / "long.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        body = "<w:p><w:r><w:t>Vienna</w:t></w:r></w:p>" * 100
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
    assert "Vienna" in read_document(path).text
    with with_caps(max_text_chars=50):
        _refused(path, "characters of text")


def test_html_bytes_and_text_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    paras = "".join(
        f"<p>Meeting {n} of the co-ordinators took place in Vienna on {n} November.</p>"
        for n in range(200)
    )
    path.write_text(f"<html><body><main>{paras}</main></body></html>", encoding="utf-8")
    assert "Vienna" in read_document(path).text
    with with_caps(max_text_chars=400):  # a page's share: 100 characters
        _refused(path, "characters of text")
    with with_caps(html_max_mb=1024 / MB):
        _refused(path, "larger than")
