"""Meeting facts of a truth file scored per fact and per language (a finer view of `thbgraph evaluate`).

    .venv/bin/python scripts/meeting_breakdown.py TRUTH DOCS_DIR [--misses FACT]

Each document is extracted once; its `meeting_facts` are then scored one fact at a time with the
scorer of `thbgraph evaluate` (same matching, same counts), so the totals add up to its table.
The language of a document is the truth's `lang` (else the file name's `_xx` suffix).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thbgraph.graph import evaluate as ev
from thbgraph.graph.register import load_register


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--misses", default="", help="print the findings of this fact")
    args = parser.parse_args(argv)
    reg = load_register()
    truth = ev.load_truth(args.truth)
    facts = ev.MEETING_FACTS
    table: dict[tuple[str, str], ev.Score] = {}
    try:
        for doc in truth:
            lang = str(doc.get("lang") or Path(doc["source"]).stem.rsplit("_", 1)[-1])
            ex = ev.extract_path(args.docs / doc["source"], reg)
            for fact in (*facts, "all"):
                ev.MEETING_FACTS = facts if fact == "all" else (fact,)
                result = ev.score_document(doc, ex, register=reg)
                score = result.scores["meeting_facts"]
                for key in ((fact, lang), (fact, "all")):
                    table.setdefault(key, ev.Score()).add(score)
                if fact == args.misses:
                    for f in result.findings:
                        if f.field.startswith("meeting_facts"):
                            print(f.line()[:300])
    finally:
        ev.MEETING_FACTS = facts
    langs = [*sorted({lang for _, lang in table if lang != "all"}), "all"]
    print("| fact | " + " | ".join(langs) + " |")
    print("|---|" + "---|" * len(langs))
    for fact in (*facts, "all"):
        cells = []
        for lang in langs:
            s = table.get((fact, lang), ev.Score())
            cells.append(f"{s.f1:.2f} ({s.tp}/{s.fp}/{s.fn})")
        print(f"| {fact} | " + " | ".join(cells) + " |")
    print("cells: F1 (TP/FP/FN)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
