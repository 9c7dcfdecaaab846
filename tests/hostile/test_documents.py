"""Hostile documents: each is read correctly or refused with one DocumentError line naming the file,
and the extractors never raise, always terminate, and keep every offset true to the text."""

from __future__ import annotations

import codecs
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thbgraph.graph.errors import DocumentError
from thbgraph.graph.extract import extract
from thbgraph.graph.model import Evidence, Extraction
from thbgraph.graph.readers import read_document
from thbgraph.graph.settings import Limits

GENRE = (
    "Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs, Vienna, 3-4 November 2020. "
    "MC.DEC/6/18 and PC.DEC/557/Rev.1 and PC.EC/637 and CETS No. 197, Article 29(4)."
)

# --------------------------------------------------------------------------- helpers


def _refused(path: Path, match: str, **kwargs: object) -> str:
    """Reading `path` raises one DocumentError whose one-line message names the file."""
    with pytest.raises(DocumentError, match=match) as info:
        read_document(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert path.name in message and "\n" not in message
    return message


def _evidence(ex: Extraction) -> list[tuple[str, int, int]]:
    """Every (quote, start, end) the extraction claims, whatever the field."""
    out: list[tuple[str, int, int]] = []

    def add(ev: Evidence | None) -> None:
        if ev is not None:
            out.append((ev.text, ev.start, ev.end))

    add(ex.document.evidence)
    for c in ex.citations:
        out.append((c.text, c.start, c.end))
    for m in ex.meetings:
        add(m.evidence)
        for ev in m.facts.values():
            add(ev)
        for item in m.agenda:
            add(item.evidence)
    for group in (ex.organisations, ex.persons, ex.countries, ex.follow_ups):
        for thing in group:
            add(thing.evidence)
    for p in ex.publications:
        add(p.evidence)
        add(p.url_evidence)
    return out


def _extract_bounded(text: str, bound_s: float = 120.0) -> Extraction:
    """Run extract() in a thread; fail if it has not ended within the (generous) bound."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["ok"] = extract(text, source="hostile.txt")
        except BaseException as exc:  # reported below as the failure it is
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(bound_s)
    assert not thread.is_alive(), f"extract() did not end within {bound_s} s"
    if "error" in result:
        raise AssertionError(f"extract() raised {result['error']!r}") from result["error"]  # type: ignore[arg-type]
    return result["ok"]  # type: ignore[return-value]


def _offsets_true(ex: Extraction, text: str) -> None:
    assert ex.text == text
    for quote, start, end in _evidence(ex):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == quote, (quote, start, end)


# --------------------------------------------------------------------------- refused files


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary|not UTF-8"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "binary"),
        ("nul.txt", b"MC.DEC/6/18\x00\x00\x00 text", "binary"),
        ("latin1.txt", "Réunion à Genève, 3 décembre".encode("latin-1"), "not UTF-8"),
        ("utf16-nobom.txt", "Meeting MC.DEC/6/18 in Vienna".encode("utf-16-le"), "UTF-16"),
        ("controls.txt", bytes([7, 8, 27, 1, 2]) * 400, "binary"),
        ("noext", b"MC.DEC/6/18", "unsupported file type"),
        ("program.exe", b"MZ\x90\x00", "unsupported file type"),
        ("empty.pdf", b"", "empty"),
        ("text.pdf", b"MC.DEC/6/18 is not a PDF", "not a PDF"),
        ("empty.docx", b"\n", "empty"),
        ("empty.html", b"", "empty"),
    ],
)
def test_bad_files_are_refused_with_one_line_naming_them(
    tmp_path: Path, name: str, content: bytes, match: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _refused(path, match)


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    _refused(tmp_path / "missing.txt", "cannot read")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    _refused(folder, "cannot read")


def test_a_50_mb_text_is_refused_as_too_large_by_default(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = (GENRE + "\n").encode("utf-8")
    with path.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024
    message = _refused(path, "too large")
    assert "THBGRAPH_MAX_DOCUMENT" in message


@pytest.mark.slow
def test_a_50_mb_text_is_read_when_the_limit_allows(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = (GENRE + "\n").encode("utf-8")
    count = 50 * 1024 * 1024 // len(line) + 1
    path.write_bytes(line * count)
    doc = read_document(path, limits=Limits(max_document_bytes=64 * 1024 * 1024))
    assert len(doc.text) == len(line.decode()) * count
    assert doc.language == "en"


# --------------------------------------------------------------------------- files read correctly


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(bom + GENRE.encode(codec))
        assert read_document(path).text == GENRE


def test_utf8_with_a_bom_is_read_without_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + GENRE.encode())
    assert read_document(path).text == GENRE


def test_mixed_line_ends_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"AGENDA\r\n09:00 Opening\r10:00 Session 1\n11:00 Close\r\n")
    text = read_document(path).text
    assert text == "AGENDA\n09:00 Opening\n10:00 Session 1\n11:00 Close\n"
    _offsets_true(_extract_bounded(text), text)


def _one_mb_line(tmp_path: Path) -> str:
    path = tmp_path / "oneline.txt"
    path.write_text((GENRE + " ") * (1024 * 1024 // (len(GENRE) + 1) + 1), encoding="utf-8")
    return read_document(path).text


def test_a_1_mb_single_line_is_read(tmp_path: Path) -> None:
    text = _one_mb_line(tmp_path)
    assert "\n" not in text and len(text) >= 1024 * 1024


def test_a_1_mb_single_line_is_extracted_within_the_bound(tmp_path: Path) -> None:
    text = _one_mb_line(tmp_path)
    ex = _extract_bounded(text)
    _offsets_true(ex, text)
    assert {c.symbol for c in ex.citations} >= {"MC.DEC/6/18"}


def test_a_few_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "bell.txt"
    path.write_bytes(b"MC.DEC/6/18\x07 adopted\x1b in Milan\x0c on 7 December 2018.\n")
    text = read_document(path).text
    assert text == "MC.DEC/6/18 adopted in Milan\x0c on 7 December 2018.\n"
    _offsets_true(_extract_bounded(text), text)


def test_rtl_and_combining_characters_are_normalised_and_offsets_hold(tmp_path: Path) -> None:
    raw = (
        "Re\u0301union (NFD) \u202eMC.DEC/6/18\u202c \u05e9\u05dc\u05d5\u05dd "
        "\u0645\u0624\u062a\u0645\u0631 PC.DEC/557 \u200f\u200e Z\u0335\u0301a\u0338l\u0334go\n"
    )
    path = tmp_path / "rtl.txt"
    path.write_text(raw, encoding="utf-8")
    text = read_document(path).text
    assert "Réunion" in text  # NFC composed
    _offsets_true(_extract_bounded(text), text)


def test_look_alike_symbols_are_read_as_written(tmp_path: Path) -> None:
    raw = (
        "Решение МС.DEC/6/18 (Cyrillic М and С), MC.DEC/６/１８ (full-width digits), "
        "PC․DEC/557 (one-dot leader), MC.DEC∕7∕17 (division slash).\n"
    )
    path = tmp_path / "lookalike.txt"
    path.write_text(raw, encoding="utf-8")
    text = read_document(path).text
    assert text == raw  # the reader never rewrites what is written: offsets refer to it
    _offsets_true(_extract_bounded(text), text)


def test_look_alike_symbols_resolve_to_canonical_ascii_symbols() -> None:
    text = "Решение МС.DEC/6/18 и MC.DEC/６/１８ и MC.DEC∕7∕17.\n"
    for c in _extract_bounded(text).citations:
        assert c.symbol is None or c.symbol.isascii(), c


@pytest.mark.parametrize(
    "name",
    [
        "meeting report (final) 2020.txt",
        "a..b.txt",
        "Решение № 6 18.txt",
        "réunion été.md",
        ".hidden.txt",
    ],
)
def test_odd_file_names_are_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(GENRE, encoding="utf-8")
    assert read_document(path).text == GENRE


def test_a_path_through_dot_dot_is_read(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "doc.txt").write_text(GENRE, encoding="utf-8")
    assert read_document(tmp_path / "sub" / ".." / "doc.txt").text == GENRE


def test_huge_footnotes_are_read(tmp_path: Path) -> None:
    notes = "".join(
        f"{n}\u00b9 See https://www.osce.org/cthb/{n} " + "x" * 500 + "\n" for n in range(2000)
    )
    text_in = GENRE + "\u00b9\n\n" + notes
    path = tmp_path / "notes.txt"
    path.write_text(text_in, encoding="utf-8")
    text = read_document(path).text
    _offsets_true(_extract_bounded(text), text)


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_extract_never_raises_on_arbitrary_text(text: str) -> None:
    _offsets_true(_extract_bounded(text), text)


_FRAGMENTS = st.sampled_from(
    [
        "MC.DEC/6/18", "PC.DEC/557/Rev.1", "PC.DEC/1107/Corr.1", "CETS No. 197", "STCE n° 197",
        "МС.DEC/6/18", "Решение № 6/18", "THB-CP(2010)RAP5", "PC.SHDM.GAL/9/18", "Doc. 12096",
        "3-4 November 2020", "3 et 4 novembre 2020", "3-4 ноября 2020 г.", "17-20 JULY 2003",
        "Strasbourg, le 16 novembre 2021", "31 February 2020", "2020-13-45", "Day 1", "13:30 - 14:50",
        "Valiant Richey, OSCE Special Representative", "ODIHR", "БДИПЧ", "GRETA", "Council of Europe",
        "Germany", "Kosovo", "110 participants from 51 States", "https://www.osce.org/cthb/1",
        "the Vienna and Porto OSCE Ministerial Decisions", "¹", "\n", "\n\n", " ", ", ", "(", ")",
        "Meeting of National Anti-Trafficking Co-ordinators", "SUMMARY", "AGENDA", "Article 29(4)",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=12)), max_size=60).map("".join))
def test_extract_keeps_offsets_true_on_genre_like_text(text: str) -> None:
    _offsets_true(_extract_bounded(text), text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_the_text_reader_reads_any_utf8_or_refuses_it_clearly(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.txt"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            doc = read_document(path)
        except DocumentError as exc:
            assert "any.txt" in str(exc) and "\n" not in str(exc)
        else:
            assert "\r" not in doc.text and "\x00" not in doc.text


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([".pdf", ".docx", ".html", ".txt"]),
    st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]),
    st.binary(max_size=3000),
)
def test_any_bytes_are_read_or_refused_never_crash(suffix: str, head: bytes, body: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(head + body)
        try:
            doc = read_document(path)
        except DocumentError as exc:
            assert path.name in str(exc) and "\n" not in str(exc)
        else:
            assert doc.text.strip() and "\x00" not in doc.text
