"""The document model (graph/extract/document.py): one split of the text, the same answers as the
splitting helpers of passages.py, and a layout kind for each line.

The equivalence properties (hypothesis) are what lets every stage read the model instead of
re-splitting: a view over part of the text must give exactly what a split of that part gives.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.document import (
    as_document,
    build_document,
    built_document,
    line_letters,
)
from thbgraph.graph.extract.passages import (
    clean_span,
    header_end,
    lines,
    paragraphs,
    sentence_at,
    sentences,
)

_PIECES = st.lists(
    st.sampled_from(
        [
            "\n",
            "\n\n",
            " \t\n",
            ". ",
            "No. 5",
            "e.g. ",
            "Meeting",
            "Vienna",
            "2021",
            "_",
            "*",
            "|",
            "#",
            "[",
            "](#x)",
            "<b>",
            "”",
            "¹",
            "A.",
            "\t",
            "...",
            "réunion",
            "заседание",
        ]
    ),
    max_size=50,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.data())
def test_views_give_what_a_split_of_the_part_gives(text: str, data: st.DataObject) -> None:
    doc = build_document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.lines_in(start, end) == lines(text, start, end)
    assert doc.lines_in(start) == lines(text, start) == list(doc.iter_lines(start))
    assert doc.sentences_until(end) == sentences(text, 0, end)
    for line in doc.lines_in(start, end):
        assert doc.clean_line(line) == clean_span(text, line.start, line.end)
    offset = data.draw(st.integers(0, len(text)))
    if text:
        assert doc.sentence_at(offset) == sentence_at(text, offset)


@settings(max_examples=300, deadline=None)
@given(_PIECES, st.data())
def test_whole_text_facts_match_the_helpers(text: str, data: st.DataObject) -> None:
    doc = build_document(text)
    assert list(doc.sentences) == sentences(text)
    assert list(doc.paragraphs) == paragraphs(text)
    assert doc.header_end == header_end(text)
    assert len(doc.kinds) == len(doc.lines) == len(doc.clean_lines)
    pos = data.draw(st.integers(0, len(text)))
    found = re.compile(r"\n[ \t]*\n|\Z").search(text, pos)
    assert found is not None and doc.block_end(pos) == found.start()
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    letters = [c for c in text[ls : le if le != -1 else len(text)] if c.isalpha()]
    assert doc.line_letters(pos) == (len(letters), all(c.isupper() for c in letters))


def test_extract_builds_the_model_once_and_helpers_find_it() -> None:
    text = "Meeting of experts\n\nThe meeting was held in Vienna on 5 May 2021.\n"
    extract(text, source="<once>")
    doc = built_document(text)
    assert doc is not None and as_document(text) is doc
    assert built_document("".join(["Meeting", " of experts"])) is None  # equal, not the same
    assert line_letters("ABC DEF GHI\nabc", 3) == (9, True)


_LAYOUT = """Back
Share

PROGRESS REPORT

Vienna, 4 July 2019

Contents
1. Introduction ........ 3
2. Findings _________ 14
3. Annex . . . . . . . 21

The meeting was held in Vienna on 5 May 2021 and discussed the report of the Special
Representative, as the participants had asked.

| Country | Date |
|---|---|
| Austria | 5 May 2021 |

¹ See https://example.org/note
[2] https://example.org/other

References
Handbook on national referral mechanisms, 2004.
Guide for practitioners, 2021.

Annex
"""


def test_layout_kinds_of_a_page() -> None:
    doc = build_document(_LAYOUT)

    def kind(line_text: str) -> str:
        k = next(i for i, ln in enumerate(doc.lines) if ln.text == line_text)
        return doc.kinds[k]

    assert kind("Back") == kind("Share") == "chrome"
    assert kind("PROGRESS REPORT") == "heading"
    assert kind("Vienna, 4 July 2019") == "dateline"
    assert kind("1. Introduction ........ 3") == "toc"
    assert kind("2. Findings _________ 14") == "toc"
    assert kind("3. Annex . . . . . . . 21") == "toc"
    assert kind("| Austria | 5 May 2021 |") == "table"
    assert kind("¹ See https://example.org/note") == "footnote"
    assert kind("[2] https://example.org/other") == "footnote"
    assert kind("References") == "heading"
    assert kind("Handbook on national referral mechanisms, 2004.") == "reference"
    assert kind("Guide for practitioners, 2021.") == "reference"
    assert kind("Annex") == "heading"  # a heading ends the reference list
    assert (
        kind("The meeting was held in Vienna on 5 May 2021 and discussed the report of the Special")
        == "text"
    )
    for s, e in doc.spans_of("toc"):
        assert not _LAYOUT[s].isspace() and not _LAYOUT[e - 1].isspace()
    assert doc.kind_at(_LAYOUT.index("Findings")) == "toc"


def test_french_and_russian_reference_headings() -> None:
    doc = build_document("Bibliographie :\nGuide pratique, 2019.\n\nЛитература\nДоклад, 2020.\n")
    assert doc.kinds == ("heading", "reference", "blank", "heading", "reference", "blank")


def test_toc_row_needs_a_title_and_a_page_number() -> None:
    doc = build_document(". . . . . 3\nTotal 2021\nIntro .... 12345\n")
    assert "toc" not in doc.kinds
