"""Extraction ends, and keeps its offsets exact, on arbitrary and pathological text.

The patterns once nested quantifiers (`(?:\\*+|_+|...)+$`), which backtrack exponentially on a line
of underscore leaders. These properties fail (by timeout) if such a pattern comes back.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.document import build_document
from thbgraph.graph.extract.passages import clean_span, sentences

# The old trailing pattern, kept here only as the reference meaning on short text.
_OLD_TRAILING = re.compile(r"(?:\s|\*+|_+|</?[a-zA-Z]+>|\]\(#?[^)]*\)|\|)+$")
_OLD_LEADING = re.compile(r"^(?:\s|#+|\*+|_+|<[a-zA-Z]+>|\[|>|\|)+")

_DEBRIS = st.sampled_from(
    ["_", "*", ".", "-", "|", "#", "[", "]", "(", ")", " ", "\n", "\t", "<b>", "</i>", "](#x)"]
)
_WORDS = st.sampled_from(
    ["Meeting", "Vienna", "12", "March", "2023", "réunion", "заседание", "GRETA", "x", "."]
)
_PIECES = st.lists(st.one_of(_DEBRIS, _WORDS), max_size=60).map("".join)


def _toc(entries: int, leader: str) -> str:
    """A table of contents with leader runs between title and page number."""
    rows = [f"{n}. Section {n} {leader * 40} {n * 3}" for n in range(1, entries + 1)]
    return "Contents\n" + "\n".join(rows) + "\n"


def _old_clean(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = _OLD_LEADING.match(chunk)
    s = start + (lead.end() if lead else 0)
    trail = _OLD_TRAILING.search(text[s:end])
    e = s + trail.start() if trail else end
    return (s, max(s, e))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab _*|<>/]()#[\n", max_size=14))
def test_clean_span_means_what_the_old_pattern_meant(text: str) -> None:
    assert clean_span(text, 0, len(text)) == _old_clean(text, 0, len(text))


@settings(max_examples=200, deadline=None)
@given(_PIECES)
def test_sentence_offsets_are_exact_and_trimmed(text: str) -> None:
    for s, e in sentences(text):
        assert 0 <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()


@pytest.mark.timeout(60)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _PIECES,
    st.sampled_from(["_", "*", ".", "-", "|", "#", "[", "_ ", "__ ", "* ", ". "]),
    st.integers(1, 400),
)
def test_extract_ends_and_evidence_quotes_the_text(prefix: str, run: str, n: int) -> None:
    text = prefix + "\nReport " + run * n + " 4\n" + _toc(3, run) + prefix
    result = extract(text, source="<hypothesis>")
    for ev in _all_evidence(result):
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.timeout(60)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _PIECES,
    st.sampled_from(["_", "*", ".", "-", "|", "#", "[", "_ ", "__ ", "* ", ". ", "\t", "| "]),
    st.integers(1, 400),
)
def test_document_model_ends_and_its_offsets_are_exact(prefix: str, run: str, n: int) -> None:
    text = prefix + "\nReport " + run * n + " 4\n" + _toc(3, run) + prefix
    doc = build_document(text)
    assert "".join(ln.text + "\n" for ln in doc.lines)[:-1] == text
    for line, (s, e), kind in zip(doc.lines, doc.clean_lines, doc.kinds, strict=True):
        assert line.start <= s <= e <= line.end and text[line.start : line.end] == line.text
        assert (kind == "blank") == (s == e)
    for s, e in doc.sentences:
        assert 0 <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
    assert list(doc.breaks) == sorted(doc.breaks)


# Layouts that were quadratic in one stage or another: a line of ". . .", one line of prose (a
# scan of the whole line per mention), footnotes with bracket markers (a search over the rest of
# the text per footnote). The timeout is a termination guard, not a speed measure (bench/ is).
_SLOW_ONCE = {
    "dot_leaders": ". " * 50_000,
    "one_line": "The meeting was held at the Hofburg in Vienna on 5-6 May 2021 with Austria. "
    * 1300,
    "footnotes": "".join(
        f"Report [{i % 99 + 1}] on it.\n[{i % 99 + 1}] https://x.org/{i}\n" for i in range(2500)
    ),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(_SLOW_ONCE))
def test_layouts_that_were_quadratic_end(name: str) -> None:
    text = _SLOW_ONCE[name]
    result = extract(text, source=f"<{name}>")
    for ev in _all_evidence(result):
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.timeout(60)
@pytest.mark.parametrize("leader", ["_", "__ ", "*", ". ", "-", "|", "#", "["])
def test_table_of_contents_with_leaders_is_quick(leader: str) -> None:
    text = (
        _toc(60, leader)
        + "The 3rd meeting of the Working Group was held in Vienna on 5 May 2021.\n"
    )
    result = extract(text, source="<toc>")
    for ev in _all_evidence(result):
        assert text[ev.start : ev.end] == ev.text


def _all_evidence(obj: object, depth: int = 0) -> list:
    """Every Evidence reachable from an extraction (dataclasses, lists, tuples)."""
    from dataclasses import fields, is_dataclass

    from thbgraph.graph.model import Evidence

    if depth > 6:
        return []
    if isinstance(obj, Evidence):
        return [obj]
    out: list = []
    if isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            out += _all_evidence(item, depth + 1)
    elif isinstance(obj, dict):
        for item in obj.values():
            out += _all_evidence(item, depth + 1)
    elif is_dataclass(obj):
        for f in fields(obj):
            out += _all_evidence(getattr(obj, f.name), depth + 1)
    return out
