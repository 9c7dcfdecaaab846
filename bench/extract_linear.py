"""Extraction time against text length: ratios within one run, not timings against a clock.

    python bench/extract_linear.py              # 25, 50, 100, 200 kB of each layout
    python bench/extract_linear.py --sizes 100000 1000000 2000000

For each layout (prose, a table of contents with underscore / dot leaders, runs of `_ * . - | # [`),
texts of growing length go through `extract()`; the report gives seconds per size and the ratio
time(n) / time(smallest) next to the length ratio. Linear time shows ratios close to the length
ratio; a quadratic or exponential pattern shows ratios far above it (the script exits 1 when the
largest ratio exceeds 3x the length ratio).
"""

from __future__ import annotations

import argparse
import sys
import time

from thbgraph.graph.extract import extract

_PROSE = (
    "The 3rd meeting of the Working Group was held at the Hofburg in Vienna on 5-6 May 2021. "
    "Participants discussed national referral mechanisms and the report of the Special Representative.\n"
)


def _toc(leader: str) -> str:
    return "".join(f"{n}. Section heading {n} {leader * 30} {n}\n" for n in range(1, 40))


LAYOUTS = {
    "prose": _PROSE,
    "toc_underscore": _toc("_"),
    "toc_dots": _toc(". "),
    "runs": "Heading " + "".join(c * 50 + " " for c in "_*.-|#[") + "\n",
    "underscore_spaces": "Title " + "__ " * 200 + "4\n",
    "dot_leader_line": ". ",  # one line of ". . . ." (a leader pattern at every position: quadratic)
    "one_line_prose": _PROSE.replace("\n", " "),  # no newline at all: one line of the whole text
    "bracket_footnotes": "Report [7] on trafficking.\n[7] https://example.org/r\n",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000, 200_000])
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    worst = 0.0
    extract(_PROSE, source="<warm-up>")  # register and lazy imports load once, outside the timings
    print(
        "| layout | "
        + " | ".join(f"{s:,} chars" for s in sizes)
        + " | time ratio / length ratio (largest) |"
    )
    print("|---|" + "---|" * len(sizes) + "---|")
    for name, unit in LAYOUTS.items():
        secs = []
        for size in sizes:
            text = _text(unit, size)
            t0 = time.perf_counter()
            extract(text, source=f"<bench {name}>")
            secs.append(time.perf_counter() - t0)
        rel = (secs[-1] / max(secs[0], 1e-6)) / (sizes[-1] / sizes[0])
        worst = max(worst, rel)
        cells = " | ".join(f"{s:.2f} s" for s in secs)
        print(f"| {name} | {cells} | {rel:.2f} |")
    print(f"\nworst time ratio over length ratio: {worst:.2f} (1.0 = linear)")
    return 0 if worst <= 3.0 else 1


if __name__ == "__main__":
    sys.exit(main())
