"""Build the second held-out set's PDF and DOCX documents from their plain-text sources in `sources/`.

Run `python tests/heldout2/make_binaries.py` after editing a source; the outputs are committed so the
evaluation needs neither fpdf2 nor python-docx. The builder and its source conventions are the first
held-out set's (tests/heldout/make_binaries.py); the documents' wording, not their layout, differs.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).parent
FORMATS = {
    "04_conclusions_en_prosecutors_skopje_2012": "docx",
    "05_report_en_bratislava_digital_2019": "pdf",
}


def _first_set_builder() -> object:
    spec = importlib.util.spec_from_file_location(
        "heldout_make_binaries", HERE.parent / "heldout" / "make_binaries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(_first_set_builder().main(FORMATS, HERE, "thbgraph heldout2 set"))  # type: ignore[attr-defined]
