"""Overlap and containment queries over many spans in O(log n), for extractors that ask them
once per candidate (a scan over every span per candidate is quadratic on long documents)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items sorted by start with the running maximum of their ends."""

    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = items
        spans = [span(x) for x in items]
        self.order = sorted(range(len(items)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]
        self.ends = [spans[i][1] for i in self.order]
        self.max_end: list[int] = []
        top = -(1 << 62)
        for e in self.ends:
            top = max(top, e)
            self.max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any item has item.start < end and start < item.end."""
        k = bisect_left(self.starts, end)  # items [0, k) start before `end`
        return k > 0 and self.max_end[k - 1] > start

    def contains(self, start: int, end: int) -> bool:
        """Whether any item holds the whole span: item.start <= start and end <= item.end."""
        k = bisect_right(self.starts, start)  # items [0, k) start at or before `start`
        return k > 0 and self.max_end[k - 1] >= end

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items with item.start < end and start < item.end, in the order of `items`. Walks back
        from the last item starting before `end` while the running maximum of ends still reaches past
        `start`: O(log n + k) when spans do not nest deeply."""
        j = bisect_left(self.starts, end) - 1
        hits: list[int] = []
        while j >= 0 and self.max_end[j] > start:
            if self.ends[j] > start:
                hits.append(self.order[j])
            j -= 1
        return [self.items[i] for i in sorted(hits)]

    def inside(self, start: int, end: int) -> list[T]:
        """The items with start <= item.start and item.end <= end, in the order of `items`."""
        lo, hi = bisect_left(self.starts, start), bisect_right(self.starts, end)
        keep = sorted(self.order[j] for j in range(lo, hi) if self.ends[j] <= end)
        return [self.items[i] for i in keep]
