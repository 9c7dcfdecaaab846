"""Issue 14's time targets for extraction: a 1 MB text within 20 s, a 2 MB one at most 3x that;
`thbgraph extract` of a 100 kB page within 10 s, start-up included.

    python bench/extract_targets.py                          # mixed, one-line, footnotes, acronyms, en, fr, ru
    python bench/extract_targets.py --langs ru --sizes 1000000 2000000

Texts: the mixed layout below, and the generated English, French and Russian texts of
bench/extract_texts.py (prose with names, dates, symbols; tables of contents with leaders, very
long lines, runs of `_ * . - | # [`, stretches with no punctuation); "one-line" is the mixed text
without a newline, "footnotes" a text of bracket footnote markers and their footnotes. Sizes are in characters.
Each text is timed in wall-clock and in CPU seconds of this process (`time.process_time`): on a
shared machine the CPU time is the figure to compare with the targets, the wall time shows the
load. Start-up: `thbgraph extract` run as a new process on a one-line file and on 100 kB of each
language (user + system CPU of the child, and wall). Exits 1 when a target is missed (in CPU time).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract_texts import LANGS
from extract_texts import text as lang_text

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


# layouts that were quadratic in one stage: the whole text on one line (a scan of the line per
# mention), footnotes with bracket markers (a search over the rest of the text per footnote),
# bodies outside the register defining acronyms used again (a scan of every use per use)
_LAYOUTS = {
    "acronyms": "The Zorvanian Labour Agency (ZLA) met the ZLA, the Office for Migrant Rights "
    "(OFMR) and the Ministry of Social Care (MOSC); the OFMR and MOSC spoke.\n",
    "mixed": _UNIT,
    "one-line": _UNIT.replace("\n", " "),
    "footnotes": "Report [7] on trafficking in Vienna.\n[7] See https://example.org/r\n",
}


def _text(lang: str, size: int) -> str:
    if lang in _LAYOUTS:
        return (_LAYOUTS[lang] * (size // len(_LAYOUTS[lang]) + 1))[:size]
    return lang_text(lang, size)


def _cli(path: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `thbgraph extract PATH` as a new process."""
    exe = Path(sys.executable).with_name("thbgraph")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    subprocess.run([str(exe), "extract", str(path)], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 2_000_000])
    parser.add_argument("--langs", nargs="+", default=[*_LAYOUTS, *LANGS])
    parser.add_argument("--no-cli", action="store_true", help="skip the start-up timings")
    args = parser.parse_args(argv)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = True
    if not args.no_cli:
        print("\n| `thbgraph extract` (new process) | wall s | CPU s |")
        print("|---|---|---|")
        with tempfile.TemporaryDirectory() as tmp:
            files = {"one line": Path(tmp, "one.txt")}
            files["one line"].write_text("The meeting was held in Vienna.\n", encoding="utf-8")
            for lang in LANGS:
                files[f"100 kB {lang}"] = Path(tmp, f"{lang}.txt")
                files[f"100 kB {lang}"].write_text(lang_text(lang, 100_000), encoding="utf-8")
            for label, path in files.items():
                wall, cpu = _cli(path)
                ok &= cpu <= 10.0
                print(f"| {label} | {wall:.1f} | {cpu:.1f} |")
    extract(_UNIT, source="<warm-up>")  # register and lazy imports load once, outside the timings
    print("\n| text | chars | wall s | CPU s |")
    print("|---|---|---|---|")
    ratios: list[str] = []
    for lang in args.langs:
        cpu: dict[int, float] = {}
        for size in sorted(args.sizes):
            body = _text(lang, size)
            w0, c0 = time.perf_counter(), time.process_time()
            extract(body, source=f"<bench {lang} {size}>")
            wall, cpu[size] = time.perf_counter() - w0, time.process_time() - c0
            print(f"| {lang} | {size:,} | {wall:.1f} | {cpu[size]:.1f} |")
        if 1_000_000 in cpu:
            ok &= cpu[1_000_000] <= 20.0
            if 2_000_000 in cpu:
                ratio = cpu[2_000_000] / max(cpu[1_000_000], 1e-6)
                ok &= ratio <= 3.0
                ratios.append(f"{lang}: 1 MB {cpu[1_000_000]:.1f} s CPU, 2 MB / 1 MB {ratio:.2f}x")
    print()
    for line in ratios:
        print(line)
    print("targets: 1 MB <= 20 s CPU, 2 MB / 1 MB <= 3x, `thbgraph extract` of 100 kB <= 10 s")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
