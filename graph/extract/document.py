"""The document model: the layout and the sentences of one normalised text, computed once.

Every extraction stage reads the same `Document` instead of re-splitting the text: its lines (with
their trimmed spans), paragraphs, the end of the header block, the sentence split, the kind of each
line (heading, page chrome, table of contents, table, footnote, reference list, dateline) and the
press-release dateline. Everything is an exact offset into `Document.text`; the views over a part of
the text (`lines_in`, `sentences_until`) give what the splitting helpers of `passages` give for
that part, without splitting again.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from .passages import Line, clean_span, header_end_of, is_footnote, paragraphs, segments

if TYPE_CHECKING:
    from .datelines import Dateline

__all__ = [
    "Document",
    "LineKind",
    "as_document",
    "build_document",
    "built_document",
    "line_letters",
]

LineKind = Literal[
    "blank", "text", "heading", "chrome", "toc", "table", "footnote", "reference", "dateline"
]

# a table of contents row: a title, a leader run (dots, underscores, dashes), a page number
_LEADERS = frozenset("._-·…")
# a table row: cells between pipes, or cells separated by tabs
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|\t\S[^\t]*\t")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S")


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, list[str]]]:
    """The layout words of data/layout_words.json and the page chrome of data/page_chrome.json."""
    base = resources.files("thbgraph.graph.extract") / "data"
    data = json.loads((base / "layout_words.json").read_text(encoding="utf-8"))
    chrome = json.loads((base / "page_chrome.json").read_text(encoding="utf-8"))
    data["page_chrome"] = {k: v for k, v in chrome.items() if not k.startswith("_")}
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def _line_of(list_name: str) -> re.Pattern[str]:
    """A whole line made of one of the phrases of a word list (any language, case ignored)."""
    phrases = sorted(
        {p for per_lang in _words()[list_name].values() for p in per_lang}, key=len, reverse=True
    )
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?i)(?:{body})\s*:?")


@dataclass(frozen=True, eq=False)  # identity: never hash or compare a whole text by value
class Document:
    """One normalised text and its layout, split once (see the module docstring)."""

    text: str
    lines: tuple[Line, ...]
    line_starts: tuple[int, ...]
    clean_lines: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]
    header_end: int
    segments: tuple[tuple[int, int], ...]  # raw pieces between sentence stops (passages.segments)
    segment_stops: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]  # trimmed, non-empty: passages.sentences(text)
    sentence_starts: tuple[int, ...]
    kinds: tuple[LineKind, ...]  # the layout kind of each line
    breaks: tuple[int, ...]  # where each blank-line break ("\n", spaces or tabs, "\n") starts
    _letters: dict[int, tuple[int, bool]] = field(default_factory=dict, compare=False, repr=False)

    # --- views over part of the text ---------------------------------------------------------

    def lines_in(self, start: int = 0, end: int | None = None) -> list[Line]:
        """The lines of text[start:end], as `passages.lines(text, start, end)` gives them: the
        first and last cut at `start` and `end`."""
        end = len(self.text) if end is None else end
        out: list[Line] = []
        k = max(0, bisect_right(self.line_starts, start) - 1)
        while k < len(self.lines):
            line = self.lines[k]
            if line.start > end:
                break
            s, e = max(line.start, start), min(line.end, end)
            out.append(line if (s, e) == (line.start, line.end) else Line(s, e, self.text[s:e]))
            k += 1
        return out

    def iter_lines(self, start: int = 0) -> Iterator[Line]:
        """The lines from `start` to the end of the text, the first cut at `start`, one at a time
        (for a stage that stops at the end of a list or table, without listing the rest)."""
        k = self.line_index(start)
        if k < len(self.lines) and self.lines[k].end < start:
            return
        for j in range(k, len(self.lines)):
            line = self.lines[j]
            if j == k and line.start < start:
                line = Line(start, line.end, self.text[start : line.end])
            yield line

    def line_index(self, offset: int) -> int:
        """The index in `lines` of the line that holds `offset`."""
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def block_end(self, pos: int) -> int:
        """Where the block that runs on from `pos` ends: the start of the next blank-line break
        (a newline, spaces or tabs, a newline) at or after `pos`, else the end of the text."""
        k = bisect_left(self.breaks, pos)
        return self.breaks[k] if k < len(self.breaks) else len(self.text)

    def line_letters(self, offset: int) -> tuple[int, bool]:
        """The number of letters of the line that holds `offset`, and whether all are capitals
        (counted once per line: a scan of the line per mention is quadratic on a long line)."""
        k = self.line_index(offset)
        got = self._letters.get(k)
        if got is None:
            letters = [c for c in self.lines[k].text if c.isalpha()]
            got = self._letters[k] = (len(letters), all(c.isupper() for c in letters))
        return got

    def clean_line(self, line: Line) -> tuple[int, int]:
        """`passages.clean_span` of a line: looked up for a whole line, computed for a cut one."""
        k = self.line_index(line.start)
        whole = self.lines[k]
        if (whole.start, whole.end) == (line.start, line.end):
            return self.clean_lines[k]
        return clean_span(self.text, line.start, line.end)

    def sentences_until(self, end: int | None = None) -> list[tuple[int, int]]:
        """The sentences of text[0:end], as `passages.sentences(text, 0, end)` gives them: the
        pieces that stop by `end`, then the piece that runs over `end` cut there."""
        if end is None or end >= len(self.text):
            return list(self.sentences)
        k = bisect_right(self.segment_stops, end)  # pieces [0, k) stop by `end`
        out = [self.sentences_of_segment(j) for j in range(k)]
        spans = [sp for sp in out if sp is not None]
        if k < len(self.segments) and self.segments[k][0] < end:
            cs, ce = clean_span(self.text, self.segments[k][0], end)
            if ce > cs:
                spans.append((cs, ce))
        return spans

    def sentences_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of text[start:end]: the model's pieces inside it, the first and last cut
        at `start` and `end` (a window of a story: "the first meeting sentence after the date")."""
        end = min(end, len(self.text))
        if start <= 0:
            return self.sentences_until(end)
        k = max(
            0, bisect_right(self.segment_stops, start)
        )  # the first piece that stops after start
        spans: list[tuple[int, int]] = []
        for j in range(k, len(self.segments)):
            s, stop = self.segments[j]
            if s >= end:
                break
            cs, ce = clean_span(self.text, max(s, start), min(stop, end))
            if ce > cs:
                spans.append((cs, ce))
        return spans

    def sentences_of_segment(self, j: int) -> tuple[int, int] | None:
        """The trimmed sentence of raw piece j, None when the piece holds only debris."""
        s, stop = self.segments[j]
        cs, ce = clean_span(self.text, s, stop)
        return (cs, ce) if ce > cs else None

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence that holds `offset` (as `passages.sentence_at`)."""
        spans = self.sentences
        k = bisect_right(self.sentence_starts, offset) - 1
        if (
            k >= 1 and spans[k - 1][1] == offset
        ):  # the end of one sentence and the start of the next
            return spans[k - 1]
        if k >= 0 and spans[k][0] <= offset <= spans[k][1]:
            return spans[k]
        line = self.lines[self.line_index(offset)]
        return (line.start, line.end)

    def spans_of(self, kind: LineKind) -> list[tuple[int, int]]:
        """The trimmed spans of the lines of one layout kind ("toc", "footnote", ...)."""
        return [self.clean_lines[k] for k, got in enumerate(self.kinds) if got == kind]

    def kind_at(self, offset: int) -> LineKind:
        """The layout kind of the line that holds `offset`."""
        return self.kinds[self.line_index(offset)]

    # --- facts of the whole document, computed on first use -----------------------------------

    @cached_property
    def dateline(self) -> Dateline | None:
        """The press-release dateline near the top (datelines.dateline_of), found once."""
        from .datelines import dateline_of

        return dateline_of(self)

    @cached_property
    def labelled_dateline(self) -> Dateline | None:
        """The dateline, also one after a page-date label (" date 2024-04-10 VIENNA, 10 April
        2024 – ..."): the document type reads it, the meeting readers read `dateline`."""
        from .datelines import dateline_of

        return dateline_of(self, labelled=True)


def build_document(text: str) -> Document:
    """Split `text` once: lines, their trimmed spans, paragraphs, sentences and line kinds."""
    all_lines: list[Line] = []
    pos, n = 0, len(text)
    while True:
        nl = text.find("\n", pos)
        stop = n if nl == -1 else nl
        all_lines.append(Line(pos, stop, text[pos:stop]))
        if nl == -1:
            break
        pos = nl + 1
    clean = tuple(clean_span(text, ln.start, ln.end) for ln in all_lines)
    paras = tuple(paragraphs(text))
    head = header_end_of(text, paras)
    raw = tuple(segments(text))
    sents: list[tuple[int, int]] = []
    for s, stop in raw:
        cs, ce = clean_span(text, s, stop)
        if ce > cs:
            sents.append((cs, ce))
    return Document(
        text=text,
        lines=tuple(all_lines),
        line_starts=tuple(ln.start for ln in all_lines),
        clean_lines=clean,
        paragraphs=paras,
        header_end=head,
        segments=raw,
        segment_stops=tuple(stop for _, stop in raw),
        sentences=tuple(sents),
        sentence_starts=tuple(s for s, _ in sents),
        kinds=_kinds(text, all_lines, clean, head),
        breaks=tuple(
            all_lines[k].end
            for k in range(len(all_lines) - 2)
            if all_lines[k + 1].text.strip(" \t") == ""
        ),
    )


def as_document(text: str | Document) -> Document:
    """The document model of `text`: the one extract() built for this very string object when
    there is one (looked up by identity, in constant time), else built here."""
    if isinstance(text, Document):
        return text
    found = built_document(text)
    if found is None:
        found = build_document(text)
        _RECENT.insert(0, found)
        del _RECENT[_KEEP:]
    return found


_KEEP = 4
_RECENT: list[Document] = []  # the last models built, newest first


def built_document(text: str) -> Document | None:
    """The model already built for this string object, if any (never builds one: helpers that
    read short pieces of text fall back to their own scan instead of evicting the document's)."""
    return next((d for d in _RECENT if d.text is text), None)


def line_letters(text: str | Document, offset: int) -> tuple[int, bool]:
    """The number of letters of the line that holds `offset`, and whether all are capitals: from
    the document model when `text` has one, else by scanning that one line."""
    if isinstance(text, Document):
        return text.line_letters(offset)
    doc = built_document(text)
    if doc is not None:
        return doc.line_letters(offset)
    ls = text.rfind("\n", 0, offset) + 1
    le = text.find("\n", offset)
    letters = [c for c in text[ls : le if le != -1 else len(text)] if c.isalpha()]
    return len(letters), all(c.isupper() for c in letters)


def _kinds(
    text: str, lines: list[Line], clean: tuple[tuple[int, int], ...], head: int
) -> tuple[LineKind, ...]:
    """The layout kind of each line, from its own text and its neighbours'.

    A line is page chrome when it holds nothing but chrome words ("Back", "Share", "Retour"); a
    table-of-contents row ends in a leader run and a page number; a table row has pipe- or
    tab-separated cells; a footnote starts with its marker; a reference list is the run of
    lines under a "References" / "Bibliographie" / "Литература" heading up to the next heading;
    a dateline is a short "City, date" line of the header; a heading is a short line without a
    final stop that stands alone (blank or nothing before and after) or is a Markdown heading.
    """
    chrome = _line_of("page_chrome")
    references = _line_of("reference_headings")
    kinds: list[LineKind] = []
    in_references = False
    for k, line in enumerate(lines):
        s, e = clean[k]
        body = text[s:e]
        kind: LineKind
        if e <= s:
            kind = "blank"
        elif chrome.fullmatch(body):
            kind = "chrome"
        elif _toc_row(body):
            kind = "toc"
        elif _TABLE_ROW.search(line.text):
            kind = "table"
        elif is_footnote(line.text):
            kind = "footnote"
        elif references.fullmatch(body):
            kind, in_references = "heading", True
        elif line.start < head and not in_references and _dateline_like(body):
            kind = "dateline"
        elif _heading(text, lines, clean, k):
            kind, in_references = "heading", False
        elif in_references:
            kind = "reference"
        else:
            kind = "text"
        kinds.append(kind)
    return tuple(kinds)


def _toc_row(body: str) -> bool:
    """A title, a run of at least four leaders (single spaces allowed between them) and a page
    number at the end ("2. Findings ........ 14"). A scan from the right, linear in the line
    (a pattern searched from every position of a line of leaders would be quadratic)."""
    e = len(body.rstrip())
    if e and body[e - 1] == ")":
        e -= 1
    digits = e
    while digits > 0 and e - digits < 4 and body[digits - 1].isdigit():
        digits -= 1
    if digits == e or (digits > 0 and body[digits - 1].isdigit()):
        return False
    e = digits - 1 if digits > 0 and body[digits - 1] == "(" else digits
    while e > 0 and body[e - 1].isspace():
        e -= 1
    run = 0
    while e > 0 and (
        body[e - 1] in _LEADERS or (body[e - 1] == " " and e > 1 and body[e - 2] in _LEADERS)
    ):
        run += body[e - 1] in _LEADERS
        e -= 1
    return run >= 4 and any(ch.isalpha() for ch in body[:e])


def _heading(text: str, lines: list[Line], clean: tuple[tuple[int, int], ...], k: int) -> bool:
    s, e = clean[k]
    if _MARKDOWN_HEADING.match(lines[k].text.lstrip()):
        return True
    body = text[s:e]
    if not 2 <= len(body) <= 160 or body.endswith((".", ",", ";")):
        return False
    before = k == 0 or clean[k - 1][1] <= clean[k - 1][0]
    after = k + 1 >= len(lines) or clean[k + 1][1] <= clean[k + 1][0]
    return before and after and bool(re.match(r"[\W\d_]*[^\W\d_]", body)) and body[:1] != "("


# "Vienna, 4 July 2019", "Strasbourg, le 16 novembre 2021", "Москва, 15 мая 2021 г."
_DATELINE_LINE = re.compile(
    r"[A-ZÀ-ÞА-ЯЁ][\w'.-]+(?:\s[A-ZÀ-ÞА-ЯЁ][\w'.-]+){0,2},\s(?:le\s|the\s)?\d{1,2}\S*\s"
    r"[^\W\d_]+\.?,?\s(?:19|20)\d\d(?:\s?г\.?|\sгода)?\.?"
)


def _dateline_like(body: str) -> bool:
    """A short header line that is a place and a date ("Vienna, 4 July 2019")."""
    return len(body) <= 80 and _DATELINE_LINE.fullmatch(body) is not None
