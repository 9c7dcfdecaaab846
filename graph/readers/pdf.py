"""PDF: the text layer (pdfminer.six), page by page, without running headers, footers and page numbers.

What the reader does, and why:
- lines are read with their positions, so that a line at the top or bottom of the page that repeats on
  other pages (a running header or footer) or that is only a page number can be dropped;
- lines wrapped inside a paragraph are joined with a space, and a word hyphenated at a line end is
  joined again ("traffick-" + "ing" -> "trafficking"); short lines (agenda items, headings) stay lines;
- raised small digits (footnote markers) become Unicode superscripts (the convention of the text
  documents), and the footnotes themselves are kept where they stand, at the foot of their page;
- a PDF without a text layer (a scan) is refused with a message saying so, never read as empty;
- work is capped as it is done (a decompression bomb is refused, never inflated): each stream's
  decoded bytes, all streams' decoded bytes together, the pages and the characters of text; the
  decoders pdfminer uses (Flate, LZW, RunLength) are replaced by bounded ones that count what they
  produce and stop at the cap; a wall-clock limit covers decoding and interpreting the content
  streams (checked per decoded MB and per 4 KB of content parsed), so a stream just under the size
  cap cannot take unbounded time either. The caps are settings (graph/caps.py).
"""

from __future__ import annotations

import contextvars
import io
import itertools
import logging
import re
import statistics
import threading
import time
import types
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..caps import caps
from ..errors import DocumentError
from . import ReadDocument
from .text import normalise

__all__ = ["read"]

logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CHUNK = 1 << 20  # decoded bytes produced per step of the bounded inflater

# Share of the page height, at the top and at the bottom, where running headers and footers live.
_MARGIN_SHARE = 0.12
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—]*(?:(?:page|p\.|стр\.?|страница|с\.)\s*)?[0-9ivxlc]{1,5}"
    r"(?:\s*(?:/|of|sur|из|de)\s*[0-9]{1,5})?[\s\-–—]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_URL_OPEN = re.compile(r"(?:https?://|www\.)[^\s>)\]]*$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# words after a suspended hyphen: "short- and long-term", "pré- et post-", "до- и после-"
_PREFIXES = {
    "co",
    "non",
    "anti",
    "pre",
    "post",
    "re",
    "self",
    "cross",
    "multi",
    "inter",
    "counter",
    "ex",
    "well",
    "long",
    "short",
    "sub",
    "semi",
    "cyber",
    "follow",
    "up",
    "e",
    "de",
    "so",
}
_SUSPENDED = {"and", "or", "to", "et", "ou", "à", "и", "или"}


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


@dataclass
class _Budget:
    """What one read may still decode, and until when; `charge` and `tick` refuse, naming the
    file and the cap."""

    path: Path
    stream_cap: int = field(default_factory=lambda: caps().bytes("pdf_max_stream_mb"))
    total_cap: int = field(default_factory=lambda: caps().bytes("pdf_max_total_mb"))
    seconds: float = field(default_factory=lambda: caps().pdf_max_decode_s)
    used: int = 0
    started: float = field(default_factory=time.monotonic)

    def tick(self) -> None:
        """Refuse once the read has run past its wall-clock limit."""
        if time.monotonic() - self.started > self.seconds:
            raise DocumentError(
                f"{self.path}: decoding the PDF's content took more than {self.seconds:g} s "
                "(the reader's cap)"
            )

    def charge(self, stream_bytes: int, new_bytes: int) -> None:
        self.tick()
        self.used += new_bytes
        if stream_bytes > self.stream_cap:
            raise DocumentError(
                f"{self.path}: a content stream inflates past {_mb(self.stream_cap)} "
                "(the reader's cap)"
            )
        if self.used > self.total_cap:
            raise DocumentError(
                f"{self.path}: the PDF's streams inflate past {_mb(self.total_cap)} in all "
                "(the reader's cap)"
            )


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "thbgraph_pdf_budget", default=None
)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    return budget if budget is not None else _Budget(Path("(pdf)"))


def _feed(d: zlib._Decompress, buf: bytes, out: bytearray, budget: _Budget) -> None:
    """Decode `buf` into `out`, _CHUNK bytes at a time, charging each piece to the budget."""
    while buf and not d.eof:
        piece = d.decompress(buf, _CHUNK)
        out += piece
        budget.charge(len(out), len(piece))
        buf = d.unconsumed_tail


def _inflate(data: bytes) -> bytes:
    """zlib.decompress that stops at the caps (raises zlib.error on a truncated stream, as it does)."""
    d = zlib.decompressobj()
    out = bytearray()
    _feed(d, data, out, _budget())
    if not d.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return bytes(out)


def _inflate_corrupted(data: bytes) -> bytes:
    """pdfminer's decompress_corrupted (a stream with a damaged checksum), bounded and linear:
    an error before the last bytes propagates, one in the checksum loses nothing."""
    budget = _budget()
    d = zlib.decompressobj()
    out = bytearray()
    _feed(d, data[:-3], out, budget)
    for i in range(max(len(data) - 3, 0), len(data)):
        try:
            _feed(d, data[i : i + 1], out, budget)
        except zlib.error:
            break
    return bytes(out)


def _lzw(data: bytes) -> bytes:
    """pdfminer's lzwdecode, stopping at the caps."""
    from pdfminer.lzw import LZWDecoder

    budget = _budget()
    out = bytearray()
    for piece in LZWDecoder(io.BytesIO(data)).run():
        out += piece
        budget.charge(len(out), len(piece))
    return bytes(out)


def _runlength(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5), stopping at the caps."""
    budget = _budget()
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        before = len(out)
        if length == 128:
            break
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            if i + 1 >= n:
                break
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
        budget.charge(len(out), len(out) - before)
    return bytes(out)


# pdfminer's own decoders, as they were before _install_bounded_decoders (the tests compare)
_ORIGINALS: dict[str, object] = {}
_INSTALL_LOCK = threading.Lock()


def _install_bounded_decoders() -> None:
    """Make pdfminer decode through the bounded decoders above (once per process)."""
    from pdfminer import pdftypes

    with _INSTALL_LOCK:
        if not getattr(pdftypes, "_thbgraph_bounded", False):
            _install(pdftypes)


def _install(pdftypes: types.ModuleType) -> None:
    bounded: dict[str, object] = {
        "zlib": types.SimpleNamespace(
            decompress=_inflate, decompressobj=zlib.decompressobj, error=zlib.error
        ),
        "decompress_corrupted": _inflate_corrupted,
        "lzwdecode": _lzw,
        "rldecode": _runlength,
    }
    for name, decoder in bounded.items():
        _ORIGINALS[name] = getattr(pdftypes, name)
        setattr(pdftypes, name, decoder)
    _time_content_parser()
    setattr(pdftypes, "_thbgraph_bounded", True)  # noqa: B010 (a module of pdfminer)


def _time_content_parser() -> None:
    """Check the read's wall-clock limit each time pdfminer's content parser refills its 4 KB
    buffer: interpreting a huge content stream is where the time goes, not inflating it."""
    from pdfminer.pdfinterp import PDFContentParser

    original = PDFContentParser.fillbuf

    def fillbuf(self: PDFContentParser) -> bool:
        if self.charpos >= len(self.buf):
            budget = _BUDGET.get()
            if budget is not None:
                budget.tick()
        return original(self)

    PDFContentParser.fillbuf = fillbuf  # type: ignore[method-assign]


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float  # font size of the line's body text
    items: list[object] = field(default_factory=list)  # pdfminer characters, to merge overlaps


def _line_text(items: list[object]) -> str:
    """The text of a line's characters, with raised small digits turned into superscripts.

    Characters are taken in the order of the page (left to right) when the content stream has them
    out of order, as happens when a glyph comes from a fallback font."""
    from pdfminer.layout import LTChar

    chars = [c for c in items if isinstance(c, LTChar)]
    sizes = [c.size for c in chars if c.get_text().strip()]
    body = statistics.median(sizes) if sizes else 0.0
    base = statistics.median([c.y0 for c in chars]) if chars else 0.0
    in_order = all(b.x0 >= a.x0 - 0.5 for a, b in itertools.pairwise(chars))
    out: list[str] = []
    prev: LTChar | None = None
    for item in items if in_order else sorted(chars, key=lambda c: c.x0):
        text = item.get_text()  # type: ignore[attr-defined]
        if text == " " and out and out[-1].endswith(" "):
            continue  # pdfminer's inferred space next to a real one (justified text)
        if isinstance(item, LTChar):
            if not in_order and prev is not None and item.x0 - prev.x1 > 0.2 * max(body, 1.0):
                out.append(" ")
            prev = item
            if text.isdigit() and body and item.size < 0.8 * body and item.y0 > base + 0.15 * body:
                text = text.translate(_SUPERSCRIPTS)
        out.append(text)
    return "".join(out).replace("\n", "").rstrip()


def _page_lines(page: object) -> list[_Line]:
    """The rows of a page, top to bottom: pieces of text on one baseline become one line.

    Pieces far apart on a row (a time and an agenda item, table cells) are joined by a tab, close
    ones by a space, touching ones (a glyph drawn from a fallback font) by nothing. Reading row by
    row suits the single-column documents of the genre, where pdfminer's boxes would separate a
    time column from its items."""
    from pdfminer.layout import LTChar, LTTextLine

    def walk(container: object) -> Iterator[LTTextLine]:
        for item in container:  # type: ignore[attr-defined]
            if isinstance(item, LTTextLine):
                yield item
            elif hasattr(item, "__iter__") and not isinstance(item, str):
                yield from walk(item)

    pieces: list[_Line] = []
    for ln in walk(page):
        items: list[object] = list(ln)
        text = _line_text(items)
        if not text.strip():
            continue
        sizes = [c.size for c in items if isinstance(c, LTChar) and c.get_text().strip()]
        size = statistics.median(sizes) if sizes else ln.height
        lead = len(text) - len(text.lstrip())
        x0 = ln.x0 + lead * 0.5 * size
        pieces.append(_Line(text.strip(), x0, ln.x1, ln.y0, ln.y1, size, items))
    pieces.sort(key=lambda p: (-p.y0, p.x0))
    rows: list[list[_Line]] = []
    for piece in pieces:
        if rows:
            row = rows[-1]
            body = max(row, key=lambda p: p.size)
            if abs(piece.y0 - body.y0) < 0.45 * max(body.size, piece.size):
                row.append(piece)
                continue
        rows.append([piece])
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda p: p.x0)
        merged = [row[0]]
        for cur in row[1:]:
            prev = merged[-1]
            if cur.x0 < prev.x1 - 0.5:  # overlapping pieces: merge their characters
                items = prev.items + cur.items
                text = _line_text(items).strip()
                x1 = max(prev.x1, cur.x1)
                merged[-1] = _Line(text, prev.x0, x1, prev.y0, prev.y1, prev.size, items)
            else:
                merged.append(cur)
        body = max(merged, key=lambda p: p.size)
        for piece in merged:  # a raised small number beside the text: a footnote marker
            small = piece.size < 0.8 * body.size and piece.y0 > body.y0 + 0.15 * body.size
            if small and piece.text.isdigit():
                piece.text = piece.text.translate(_SUPERSCRIPTS)
        gaps = [cur.x0 - prev.x1 for prev, cur in itertools.pairwise(merged)]
        # a justified line: several pieces, none far apart -> its wide gaps are word spaces
        justified = len(merged) >= 3 and max(gaps) < 3 * body.size
        text = merged[0].text
        for (prev, cur), gap in zip(itertools.pairwise(merged), gaps, strict=True):
            if gap < 0.25 * prev.size:
                sep = ""
            elif gap < 1.2 * prev.size or justified:
                sep = " "
            else:
                sep = "\t"
            text += sep + cur.text
        y0, y1 = min(p.y0 for p in merged), max(p.y1 for p in merged)
        lines.append(_Line(text, merged[0].x0, merged[-1].x1, y0, y1, body.size))
    return lines


def _key(text: str) -> str:
    """A line with its numbers blanked, to recognise 'Page 3 of 9' and 'Page 4 of 9' as one header."""
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _strip_running(pages: list[tuple[float, list[_Line]]]) -> list[list[_Line]]:
    """Drop running headers/footers (repeated in the margins of several pages) and page numbers."""
    zone_keys: Counter[str] = Counter()
    for height, lines in pages:
        seen = {_key(ln.text) for ln in lines if _in_margin(ln, height)}
        zone_keys.update(seen)
    repeated = {k for k, n in zone_keys.items() if n >= 2 and n >= len(pages) / 2}
    kept: list[list[_Line]] = []
    for height, lines in pages:
        kept.append(
            [
                ln
                for ln in lines
                if not (
                    _in_margin(ln, height)
                    and (_key(ln.text) in repeated or _PAGE_NUMBER.match(ln.text))
                )
            ]
        )
    return kept


def _in_margin(line: _Line, height: float) -> bool:
    return line.y0 > height * (1 - _MARGIN_SHARE) or line.y1 < height * _MARGIN_SHARE


def _vocabulary(pages: list[list[_Line]]) -> set[str]:
    """Words of the document as written (hyphenated compounds kept), lower-cased; the halves of a
    word split at a line end are left out, so that they do not vouch for themselves."""
    words: set[str] = set()
    for lines in pages:
        for ln in lines:
            found = _WORD.findall(ln.text)
            if found and ln.text.rstrip().endswith("-"):
                found = found[:-1]
            words.update(w.lower() for w in found)
    return words


def _dehyphenate(head: str, nxt: str, vocab: set[str]) -> str:
    """How to join a line ending in a hyphen: '' drops it (a split word), '-' keeps it (a compound),
    '- ' keeps it and a space ('short- and long-term'). The document's own words decide."""
    first = _WORD.match(nxt)
    word = first.group(0).lower() if first else ""
    if word in _SUSPENDED:
        return "- "
    words = _WORD.findall(head)
    if words and len(words[-1]) > 1 and words[-1].isupper():
        return "-"  # an acronym: "NRM-identification"
    stem = words[-1].lower() if words else ""
    if f"{stem}-{word}" in vocab:
        return "-"
    if f"{stem}{word}" in vocab:
        return ""
    # a compound whose first part is a word of the document or a prefix: keep the hyphen
    if stem in _PREFIXES or (len(stem) > 3 and stem in vocab):
        return "-"
    return ""


def _join_lines(lines: list[_Line], vocab: set[str], page_width: float) -> str:
    """Rows -> text: a wider gap than the usual line spacing starts a paragraph (blank line), a row
    that stops short of the right margin ends a line, and wrapped rows are joined."""
    if not lines:
        return ""
    left = min(ln.x0 for ln in lines)
    widths = [(ln.x1 - ln.x0) / max(len(ln.text), 1) for ln in lines]
    char_w = statistics.median(widths) if widths else 5.0
    # the right margin: the longest line, or the left margin mirrored when every line is short
    right = max(max(ln.x1 for ln in lines), page_width - left - 2 * char_w)
    steps = sorted(a.y0 - b.y0 for a, b in itertools.pairwise(lines) if a.y0 - b.y0 > 0)
    leading = steps[len(steps) // 4] if steps else 0.0
    parts: list[str] = [lines[0].text]
    for prev, cur in itertools.pairwise(lines):
        step = prev.y0 - cur.y0
        if step > 1.3 * max(leading, 1.2 * prev.size) or step < 0:
            parts.append("\n\n")
            parts.append(cur.text)
            continue
        first_word = cur.text.split()[0] if cur.text.split() else ""
        # wrapped: the next row's first word would not have fitted at the end of this one
        wrapped = right - prev.x1 < (len(first_word) + 2) * char_w * 1.15 and "\t" not in cur.text
        # a line ending in a hyphen well past the middle of the text block is a wrapped one
        wrapped = wrapped or (
            prev.text.endswith("-")
            and prev.x1 > left + 0.6 * (right - left)
            and "\t" not in cur.text
        )
        tail = parts[-1]
        nxt = cur.text
        if wrapped and _URL_OPEN.search(tail):
            parts.append(nxt)  # a URL broken across lines: no space, nothing dropped
        elif wrapped and tail.endswith("\u00ad"):
            parts[-1] = tail[:-1]
            parts.append(nxt)
        elif wrapped and re.search(r"[^\W\d_]-$", tail) and nxt[:1].islower():
            parts[-1] = tail[:-1] + _dehyphenate(tail[:-1], nxt, vocab)
            parts.append(nxt)
        elif wrapped and tail.endswith(("-", "/")):
            parts.append(nxt)  # "Anti-" + "Trafficking", "PC.DEC/" + "557"
        elif wrapped:
            parts.append(" ")
            parts.append(nxt)
        else:
            parts.append("\n")
            parts.append(nxt)
    return "".join(parts)


def _runs_on(lines: list[_Line], page_width: float) -> bool:
    """Whether a page's last line is a full line cut mid-sentence: the paragraph goes on overleaf."""
    if not lines:
        return False
    last = lines[-1]
    left = min(ln.x0 for ln in lines)
    right = max(max(ln.x1 for ln in lines), page_width - left)
    full = last.x1 >= right - 0.12 * (right - left)
    return full and not last.text.rstrip().endswith((".", "!", "?", ":", ";", '"', "»", "”"))


def read(data: bytes, path: Path) -> ReadDocument:
    """Read a .pdf file's text layer; page_starts marks where pages 2, 3, ... begin in the text."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError(f"{path}: not a PDF file (it does not start with %PDF)")
    _install_bounded_decoders()
    pages: list[tuple[float, list[_Line]]] = []
    widths: list[float] = []
    chars = 0
    settings = caps()
    budget = _Budget(path)
    token = _BUDGET.set(budget)
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True)):
            budget.tick()
            if len(pages) >= settings.pdf_max_pages:
                raise DocumentError(
                    f"{path}: more than {settings.pdf_max_pages} pages (the reader's cap)"
                )
            lines = list(_page_lines(page))
            chars += sum(len(ln.text) for ln in lines)
            if chars > settings.max_text_chars:
                raise DocumentError(
                    f"{path}: more than {settings.max_text_chars:,} characters of text "
                    "(the reader's cap)"
                )
            pages.append((page.height, lines))
            widths.append(page.width)
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentError(f"{path}: the PDF needs more memory than the reader allows") from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged or encrypted files
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise DocumentError(
                f"{path}: the PDF is encrypted; save it without a password"
            ) from exc
        raise DocumentError(f"{path}: the PDF cannot be read ({name}: {exc})") from exc
    finally:
        _BUDGET.reset(token)
    if not pages:
        raise DocumentError(f"{path}: the PDF has no pages")
    if not any(lines for _, lines in pages):
        raise DocumentError(
            f"{path}: the PDF has no text layer (a scanned document?); "
            "run OCR on it first (e.g. ocrmypdf) and read the result"
        )
    kept = _strip_running(pages)
    vocab = _vocabulary(kept)
    texts = [
        normalise(_join_lines(lines, vocab, width)).strip("\n")
        for lines, width in zip(kept, widths, strict=True)
    ]
    text = ""
    page_starts: list[int] = []
    for n, page_text in enumerate(texts):
        if n:
            text += " " if _runs_on(kept[n - 1], widths[n - 1]) and page_text else "\n\n"
            page_starts.append(len(text))
        text += page_text
    return ReadDocument(path=path, text=text + "\n", sha256="", page_starts=page_starts)
