"""Write graph/extract/data/cldr_dates.json: CLDR month and weekday names (through Babel) of the
locales listed in graph/extract/data/page_dates.json ('cldr_locales'), for page date lines.

    .venv/bin/python scripts/make_cldr_dates.py

Generated once, not at run time: loading the locales from Babel takes about two seconds, which
every `thbgraph extract` would otherwise pay. tests/graph/extract/test_page_dates.py checks that
the file matches Babel.
"""

from __future__ import annotations

import json
from pathlib import Path

from thbgraph.graph.extract.pagedate import cldr_names

DATA = Path(__file__).resolve().parent.parent / "graph" / "extract" / "data"


def main() -> int:
    locales = json.loads((DATA / "page_dates.json").read_text(encoding="utf-8"))["cldr_locales"]
    out = DATA / "cldr_dates.json"
    text = json.dumps(cldr_names(locales), ensure_ascii=False, indent=1)
    out.write_text(text + "\n", encoding="utf-8")
    print(f"{out}: {len(locales)} locales")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
