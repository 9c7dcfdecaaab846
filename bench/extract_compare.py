"""Prove a performance change keeps extraction identical: dump, then compare, the extraction JSON.

    python bench/extract_compare.py --dump /tmp/before     # on the old code
    python bench/extract_compare.py --check /tmp/before    # on the new code: exit 1 on any change

The documents are the generated texts of bench/extract_texts.py (en, fr, ru at --size chars,
pathological layouts mixed in), the seed documents (graph/corpus/documents) and every document of
tests/devset, tests/heldout, tests/heldout2, plus the files of each `--extra` folder (pages kept
outside the repository). Each document is read and extracted as `thbgraph extract FILE` does
(`read_document`, source = the file name, sha256) and compared as its JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract_texts import LANGS, text

from thbgraph.graph.extract import extract
from thbgraph.graph.readers import read_document

_ROOT = Path(__file__).resolve().parent.parent
_SETS = (
    "graph/corpus/documents",
    "tests/devset/documents",
    "tests/heldout/documents",
    "tests/heldout2/documents",
)

# name -> (text, page starts, source, sha256)
Docs = dict[str, tuple[str, list[int] | None, str, str | None]]


def _documents(size: int, sets: bool = True, extra: tuple[Path, ...] = ()) -> Docs:
    docs: Docs = {
        f"generated_{lang}_{size}": (text(lang, size), None, f"generated_{lang}_{size}", None)
        for lang in LANGS
    }
    folders = [(folder.split("/")[1], _ROOT / folder) for folder in (_SETS if sets else ())]
    folders += [(f"extra{i}-{path.parent.name}", path) for i, path in enumerate(extra)]
    for label, folder in folders:
        for path in sorted(folder.iterdir()):
            if not path.is_file():
                continue
            doc = read_document(path)
            docs[f"{label}_{path.name}"] = (doc.text, doc.page_starts, path.name, doc.sha256)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--dump", type=Path)
    group.add_argument("--check", type=Path)
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--no-sets", action="store_true", help="the generated texts only")
    parser.add_argument(
        "--extra", type=Path, nargs="*", default=[], help="further folders of documents"
    )
    args = parser.parse_args(argv)
    changed = 0
    docs = _documents(args.size, not args.no_sets, tuple(args.extra))
    for name, (body, pages, source, sha) in docs.items():
        got = json.dumps(
            extract(body, source=source, page_starts=pages, sha256=sha).to_json(),
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.json").write_text(got, encoding="utf-8")
            continue
        want = (args.check / f"{name}.json").read_text(encoding="utf-8")
        if got != want:
            changed += 1
            print(f"CHANGED {name}")
    if args.check:
        print(f"{len(docs)} documents, {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
