"""How many times one extraction splits its text into lines, paragraphs or sentences.

    python bench/extract_splits.py                      # the seed documents and tests/devset
    python bench/extract_splits.py FILE ...             # given documents

A split is one call that walks the text to cut it: `passages.lines`, `passages.sentences` and
`passages.sentence_at` when they split again (a cache miss of the whole-text split, or a split of a
prefix), `passages.paragraphs` / `header_end` on a cache miss, the dateline search on a cache
miss, and `document.build_document`. For each kind the script gives the calls per document and
the characters they walked (end - start), summed over the documents. Reads of the document model
(`Document.lines_in`, `sentences_until`, `sentence_at`) are counted apart: they walk no text.
The counters wrap the functions in every extraction module that imported them; caches are
cleared before each document so that one document's split never serves the next.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from thbgraph.graph.extract import extract, passages
from thbgraph.graph.readers import read_document

_ROOT = Path(__file__).resolve().parent.parent
_DEFAULT = ("graph/corpus/documents", "tests/devset/documents")

calls: Counter[str] = Counter()
chars: Counter[str] = Counter()


def _span(args: tuple[Any, ...], kwargs: dict[str, Any], text_len: int) -> int:
    start = args[1] if len(args) > 1 else kwargs.get("start", 0)
    end = args[2] if len(args) > 2 else kwargs.get("end")
    return (text_len if end is None else end) - start


def _counting(name: str, fn: Callable[..., Any], *, walks: bool = True) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        if walks and args and isinstance(args[0], str):
            chars[name] += _span(args, kwargs, len(args[0]))
        return fn(*args, **kwargs)

    return wrapper


def _patch(originals: dict[str, Callable[..., Any]]) -> None:
    """Replace each original function, wherever an extraction module holds it, by its counter."""
    wrapped = {
        id(fn): _counting(name, fn, walks=name != "passages.header_end")
        for name, fn in originals.items()
    }
    for mod_name, mod in list(sys.modules.items()):
        if not mod_name.startswith("thbgraph.graph.extract") or mod is None:
            continue
        for attr, value in list(vars(mod).items()):
            if id(value) in wrapped and callable(value):
                setattr(mod, attr, wrapped[id(value)])


def _caches() -> list[Any]:
    out = [passages._paragraphs, passages._all_sentences, passages._sentence_starts]
    from thbgraph.graph.extract import doctype

    if hasattr(getattr(doctype, "_dateline", None), "cache_clear"):  # older code: a cached search
        out.append(doctype._dateline)
    return out


def _forget_models() -> None:
    try:
        from thbgraph.graph.extract import document
    except ImportError:
        return
    document._RECENT.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = args.files or [p for f in _DEFAULT for p in sorted((_ROOT / f).iterdir())]
    extract("The meeting was held in Vienna on 5 May 2021.", source="<warm-up>")
    originals: dict[str, Callable[..., Any]] = {
        "passages.lines": passages.lines,
        "passages._split (sentences)": passages._split,
        "passages.header_end": passages.header_end,
    }
    if hasattr(passages, "segments"):
        originals["passages.segments (sentence pieces)"] = passages.segments
    try:
        from thbgraph.graph.extract import document

        originals["document.build_document"] = document.build_document
        model = document.Document
        for view in ("lines_in", "sentences_until", "sentence_at"):
            setattr(
                model, view, _counting(f"(read) Document.{view}", getattr(model, view), walks=False)
            )
    except ImportError:
        pass
    _patch(originals)
    misses: Counter[str] = Counter()
    for path in files:
        doc = read_document(path)
        caches = _caches()
        for cache in caches:
            cache.cache_clear()
        _forget_models()
        extract(doc.text, source=path.name, page_starts=doc.page_starts)
        for cache in caches:
            if cache.__name__ in ("_paragraphs", "_dateline"):  # the others: counted as calls
                label = f"{cache.__module__.rsplit('.', 1)[-1]}.{cache.__name__} (cache misses)"
                misses[label] += cache.cache_info().misses
    n = len(files)
    print(f"{n} documents, {sum(len(read_document(p).text) for p in files):,} characters\n")
    print("| split | calls per document | characters walked per document |")
    print("|---|---|---|")
    for name in sorted(set(calls) | set(misses)):
        got = calls[name] + misses[name]
        walked = f"{chars[name] / n:,.0f}" if name in chars else ""
        print(f"| {name} | {got / n:.1f} | {walked} |")
    splits = sum(v for k, v in calls.items() if not k.startswith("(read)")) + sum(misses.values())
    print(f"\nsplits per document (all kinds): {splits / n:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
