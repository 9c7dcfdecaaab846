"""Issue 14's size targets for `extract()`: a 1 MB text within 20 s, a 2 MB one at most 3x that.

    python bench/extract_targets.py                 # 1 MB and 2 MB of a mixed layout
    python bench/extract_targets.py --sizes 500000 1000000 2000000

The text mixes the genre's layouts (prose telling of meetings, a table of contents with leaders,
runs of `_ * . - | # [`). Each size is timed in wall-clock and in CPU seconds of this process
(`time.process_time`): on a shared machine the CPU time is the figure to compare with the targets,
the wall time shows the load. Exits 1 when a target is missed (in CPU time).
"""

from __future__ import annotations

import argparse
import sys
import time

from thbgraph.graph.extract import extract

_UNIT = (
    "The 3rd meeting of the Working Group was held at the Hofburg in Vienna on 5-6 May 2021. "
    "It was organised by the OSCE Programme Office in Astana in co-operation with the Ministry of "
    "Justice of Kazakhstan.\nParticipants discussed national referral mechanisms and the report "
    "of the Special Representative.\n"
    + "".join(f"{n}. Section heading {n} {'_' * 30} {n}\n" for n in range(1, 6))
    + "Heading "
    + "".join(c * 20 + " " for c in "_*.-|#[")
    + "\n"
)


def _text(size: int) -> str:
    return (_UNIT * (size // len(_UNIT) + 1))[:size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 2_000_000])
    args = parser.parse_args(argv)
    extract(_UNIT, source="<warm-up>")  # register and lazy imports load once, outside the timings
    print("| chars | wall s | CPU s |")
    print("|---|---|---|")
    cpu: dict[int, float] = {}
    for size in sorted(args.sizes):
        text = _text(size)
        w0, c0 = time.perf_counter(), time.process_time()
        extract(text, source=f"<bench {size}>")
        wall, cpu[size] = time.perf_counter() - w0, time.process_time() - c0
        print(f"| {size:,} | {wall:.1f} | {cpu[size]:.1f} |")
    ok = True
    if 1_000_000 in cpu:
        ok &= cpu[1_000_000] <= 20.0
        print(f"1 MB: {cpu[1_000_000]:.1f} s CPU (target <= 20 s)")
        if 2_000_000 in cpu:
            ratio = cpu[2_000_000] / max(cpu[1_000_000], 1e-6)
            ok &= ratio <= 3.0
            print(f"2 MB / 1 MB: {ratio:.2f}x (target <= 3x)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
