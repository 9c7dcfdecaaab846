"""SpanIndex answers as the scan over every span it replaces."""

from __future__ import annotations

import random

from thbgraph.graph.extract.spans import SpanIndex


def test_overlaps_and_inside_agree_with_a_scan() -> None:
    rng = random.Random(14)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 300) for _ in range(25))]
        index = SpanIndex(spans, lambda se: se)
        for _ in range(40):
            a = rng.randint(-5, 320)
            b = a + rng.randint(0, 60)
            assert index.overlaps(a, b) == any(s < b and a < e for s, e in spans)
            assert index.inside(a, b) == [x for x in spans if a <= x[0] and x[1] <= b]
            assert index.overlapping(a, b) == [x for x in spans if x[0] < b and a < x[1]]


def test_empty_index() -> None:
    index: SpanIndex[tuple[int, int]] = SpanIndex([], lambda se: se)
    assert not index.overlaps(0, 10) and index.inside(0, 10) == []
    assert index.overlapping(0, 10) == []


def test_overlapping_keeps_nested_and_equal_spans_in_input_order() -> None:
    spans = [(50, 60), (0, 100), (55, 58), (10, 20), (55, 58)]
    index = SpanIndex(spans, lambda se: se)
    assert index.overlapping(56, 57) == [(50, 60), (0, 100), (55, 58), (55, 58)]
    assert index.overlapping(20, 50) == [(0, 100)]


def test_symbol_folding_keeps_length_and_folds_digits_and_slashes() -> None:
    from thbgraph.graph.extract.symbols import _fold

    assert _fold("MC.DEC/٦/١٨") == "MC.DEC/6/18"
    assert _fold("PC．DEC∕557 ３ Решение") == "PC.DEC/557 3 Решение"
    every = "".join(chr(i) for i in range(0x80, 0x3100))
    assert len(_fold(every)) == len(every)
