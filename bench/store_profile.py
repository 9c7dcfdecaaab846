"""Where a build's store step goes: timers around each part of it, one build of a synthetic corpus.

    python bench/store_profile.py --documents 1000 --work /tmp/profile

The parts (bulk load with the union copy, the change feed's digests and patch, the full-text
index, the commit hooks: summary and evidence indexes, the compaction and swap) are wrapped by
timers in this process only (no change to the code measured), so the same script profiles any
checkout: run it with that checkout's python.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PARTS: dict[str, float] = {}


def _timed(owner: Any, name: str, label: str) -> None:
    """Wrap `owner.name` (when it exists) so its time adds up under `label`."""
    fn = getattr(owner, name, None)
    if fn is None:
        return

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            PARTS[label] = PARTS.get(label, 0.0) + time.perf_counter() - t

    setattr(owner, name, wrapper)


def _hook(hook: Callable[[Any], None]) -> Callable[[Any], None]:
    label = "commit hook: " + hook.__module__.rsplit(".", 1)[-1]

    def wrapper(gen: Any) -> None:
        t = time.perf_counter()
        hook(gen)
        PARTS[label] = PARTS.get(label, 0.0) + time.perf_counter() - t

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    from thbgraph.graph import changes, pipeline
    from thbgraph.graph.answers import evidence, fulltext, summary  # noqa: F401 (their hooks)
    from thbgraph.graph.quality.synth import write_corpus
    from thbgraph.graph.store import embedded

    for name in ("watch_all", "watch_stream", "expect", "finish"):
        _timed(changes.ChangeRecorder, name, f"change feed: {name}")
    _timed(embedded.Generation, "load_quads", "bulk load (with the union copy)")
    _timed(embedded.Generation, "commit", "commit (compaction, hooks, swap)")
    _timed(pipeline, "write_index", "full-text index")
    embedded.COMMIT_HOOKS[:] = [_hook(h) for h in embedded.COMMIT_HOOKS]
    with tempfile.TemporaryDirectory(prefix="thbgraph-profile-", dir=args.work) as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.documents, seed=1)
        t = time.perf_counter()
        report = pipeline.build_store(Path(tmp) / "store", corpus=corpus)
        total = time.perf_counter() - t
        shutil.rmtree(Path(tmp) / "store", ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "documents": len(report.documents),
        "quads": report.quads,
        "seconds": round(total, 1),
        "steps": {k: round(v, 1) for k, v in report.timings.items()},
        "store parts": {k: round(v, 1) for k, v in sorted(PARTS.items(), key=lambda kv: -kv[1])},
        "peak_rss_mib": round(peak),
    }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
