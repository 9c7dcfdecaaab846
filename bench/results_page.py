"""bench/results.md is one page with a section per benchmark between its own two markers; each
benchmark's `--write` replaces its section (or appends it) and leaves the rest of the page alone."""

from __future__ import annotations


def replace_section(old: str, section: str, start: str, end: str) -> str:
    """The page `old` with the section between `start` and `end` replaced by `section` (which
    holds both markers), or `section` appended when the page has none."""
    if start in old and end in old:
        return old[: old.index(start)] + section + old[old.index(end) + len(end) + 1 :]
    return old.rstrip("\n") + "\n\n" + section
