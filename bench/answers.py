"""Indexed answers, side by side in one run: the full-text and summary indexes against what they
replaced, on the same store.

    python bench/answers.py --docs 1000                 # synthetic corpus, built here (minutes)
    python bench/answers.py --store STORE               # an existing embedded store (copied)
    python bench/answers.py --docs 1000 --write bench/results.md   # also updates its section

Each figure is the median of --repeats runs in-process (after one warm-up). "before" is:
- search: the first FTS5 index's query (no stems; snippet() for every matching row; the 1,000
  entities the API asked for, paged afterwards), on an index of the same rows built here;
- index upkeep on add/remove: rebuilding the whole index (what the first search after a change
  did); after: the commit hook's incremental update, measured inside `thbgraph add` / `remove`;
- lists: the named SPARQL query (what the answers ran); after: the summary index's rows.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a file: its sibling modules
from results_page import replace_section

START, END = "<!-- answers:start -->", "<!-- answers:end -->"

_V1_SEARCH = """
SELECT entity, kind, year, lang, source, start, stop, label, passage,
       bm25(v1, 4.0, 1.0) AS rank, snippet(v1, -1, '<mark>', '</mark>', '…', 16)
FROM v1 WHERE v1 MATCH :expr ORDER BY rank LIMIT 5000
"""


def _median_ms(fn: Callable[[], Any], repeats: int) -> float:
    fn()
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


def _v1_index(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The first index's table (unstemmed words, snippet() at query time), the same rows."""
    v1 = sqlite3.connect(":memory:")
    v1.execute(
        "CREATE VIRTUAL TABLE v1 USING fts5(label, passage, entity UNINDEXED, kind UNINDEXED,"
        " year UNINDEXED, lang UNINDEXED, source UNINDEXED, start UNINDEXED, stop UNINDEXED,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = conn.execute(
        "SELECT CASE field WHEN 'label' THEN text END, CASE field WHEN 'passage' THEN text END,"
        " entity, kind, year, lang, source, start, stop FROM entry"
    ).fetchall()
    v1.executemany("INSERT INTO v1 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    v1.execute("INSERT INTO v1 (v1) VALUES ('optimize')")
    return v1


def _v1_search(v1: sqlite3.Connection, q: str) -> list[dict[str, Any]]:
    """The first search answer: 1,000 entities with every passage's snippet (then paged)."""
    expr = " ".join('"' + w + '"' for w in re.findall(r"\w+", q)[:16])
    hits: dict[str, dict[str, Any]] = {}
    for row in v1.execute(_V1_SEARCH, {"expr": expr}).fetchall():
        hit = hits.get(row[0])
        if hit is None:
            if len(hits) >= 1000:
                continue
            hit = hits[row[0]] = {"id": row[0], "labels": [], "passages": [], "snippet": row[10]}
        if row[7] is not None:
            hit["labels"].append(row[7])
        elif len(hit["passages"]) < 20:
            hit["passages"].append({"text": row[8], "snippet": row[10]})
    return list(hits.values())[:50]


def measure(store_path: Path, repeats: int, work: Path) -> dict[str, Any]:
    from thbgraph.graph.answers import (
        commitments,
        evidence,
        fulltext,
        meetings,
        publications,
        search_page,
        summary,
    )
    from thbgraph.graph.pipeline import add_documents, remove_documents
    from thbgraph.graph.store import open_store

    out: dict[str, Any] = {"rows": []}

    def row(what: str, before: float, after: float, unit: str = "ms") -> None:
        out["rows"].append({"what": what, "before": before, "after": after, "unit": unit})
        print(f"{what}: {before:.1f} -> {after:.1f} {unit}", flush=True)

    with open_store(store_path) as store:
        out["quads"] = len(store)
        gen = store.generation
        if gen is None:
            raise SystemExit(f"{store_path} is not an embedded store on disk")
        if not (gen / summary.SUMMARY_FILE).exists():  # an older store
            summary.write_summary(store, gen)
        t = time.perf_counter()
        summary.build_summary(store, sqlite3.connect(":memory:"))
        out["summary_build_s"] = time.perf_counter() - t
        conn = fulltext.index_for(store)
        t = time.perf_counter()
        fulltext.build_index(store, sqlite3.connect(":memory:"))
        rebuild_s = time.perf_counter() - t
        v1 = _v1_index(conn)
        for q in ("trafficking", "human beings", "торговля"):

            def cold(q: str = q) -> Any:
                fulltext._RANKINGS.clear()  # a query not asked before
                return search_page(store, q)

            v1_ms = _median_ms(lambda q=q: _v1_search(v1, q), repeats)
            row(f'search "{q}" (first page of 50), new query', v1_ms, _median_ms(cold, repeats))
            row(
                f'search "{q}", second page (ranking kept)',
                v1_ms,
                _median_ms(lambda q=q: search_page(store, q, offset=50), repeats),
            )
        # this round: a new query's ranking as main ranked it (the FTS5 matches joined to
        # `entry`, grouped, each entity's rows sorted) against the FTS5 table alone
        for q in ("trafficking", "human beings", "victims"):

            def fresh(q: str = q) -> Any:
                fulltext._RANKINGS.clear()
                return search_page(store, q)

            expr = fulltext.match_expression(q)

            def ranked_now(expr: str | None = expr) -> Any:
                fulltext._RANKINGS.clear()
                args = {"expr": expr, "kind": None, "year": None, "body": None}
                return fulltext._ranked(conn, args).page(0, 50, fulltext.ROWS_PER_ENTITY)

            row(
                f'search "{q}", new query: ranking joined to entry -> FTS5 table alone',
                _median_ms(lambda expr=expr: _joined_ranking(conn, expr), repeats),
                _median_ms(ranked_now, repeats),
            )
            out.setdefault("figures", []).append(
                (
                    f'search "{q}", first page of a new query (search_page)',
                    _median_ms(fresh, repeats),
                )
            )
        _sparql_values_rows(store, row, repeats)
        _entity_answer_figures(store, out, repeats)
        real_connection = summary._connection
        lists: list[tuple[str, Callable[[], Any]]] = [
            ("meetings of a year (2021)", lambda: meetings(store, year=2021)),
            ("publications", lambda: publications(store)),
            ("commitments with counts", lambda: commitments(store)),
            (
                "top-cited (commitments by meetings)",
                lambda: summary.list_rows(store, "commitments"),
            ),
        ]
        for what, fn in lists:
            summary._connection = lambda s: None  # type: ignore[assignment]
            try:
                before = _median_ms(fn, max(3, repeats // 10))
            finally:
                summary._connection = real_connection
            row(what, before, _median_ms(fn, repeats))
        # the evidence pages: the named queries (bound, now lookups) against the evidence index
        from thbgraph.graph.answers import describe, document

        ev_conn = sqlite3.connect(f"file:{gen / evidence.EVIDENCE_FILE}?mode=ro", uri=True)
        docs = sorted(
            (len(json.loads(data)), d) for d, data in ev_conn.execute("SELECT * FROM doc")
        )
        widest = ev_conn.execute(
            "SELECT entity, SUM(LENGTH(data)) AS n FROM ent WHERE entity LIKE ? GROUP BY entity"
            " ORDER BY n DESC LIMIT 1",
            ("%/id/person/%",),
        ).fetchone()[0]
        ev_conn.close()
        doc_id = docs[len(docs) // 2][1].rsplit("/", 1)[1]
        top = summary.list_rows(store, "commitments")[0]["commitment"]
        real_evidence = evidence._connection
        pages: list[tuple[str, Callable[[], Any]]] = [
            ("document (text and the spans of its facts)", lambda: document(store, doc_id)),
            ("actor with passages (the person with the most)", lambda: describe(store, widest)),
            ("most-cited commitment with passages", lambda: describe(store, top)),
        ]
        for what, fn in pages:
            evidence._connection = lambda s: None  # type: ignore[assignment]
            try:
                before = _median_ms(fn, max(3, repeats // 4))
            finally:
                evidence._connection = real_evidence
            row(what, before, _median_ms(fn, repeats))
        t = time.perf_counter()
        evidence.build_evidence(store, sqlite3.connect(":memory:"))
        out["evidence_build_s"] = time.perf_counter() - t
    # upkeep on add and remove, on a copy
    copy = work / "store-copy"
    shutil.copytree(store_path, copy, symlinks=True)
    spent: dict[str, float] = {}
    hooks = [fulltext.update_index, summary.update_summary, evidence.update_evidence]

    def timed(hook: Callable[[Any], None]) -> Callable[[Any], None]:
        def run(gen: Any) -> None:
            t = time.perf_counter()
            hook(gen)
            spent[hook.__name__] = time.perf_counter() - t

        return run

    from thbgraph.graph.store.embedded import COMMIT_HOOKS

    saved = list(COMMIT_HOOKS)
    COMMIT_HOOKS[:] = [timed(h) for h in hooks]
    try:
        doc = work / "900_bench_agenda.txt"
        doc.write_text(
            "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators of Zembla\n\n"
            "Vienna, 12-13 October 2022\n\nThe meeting will review MC.DEC/6/18.\n",
            encoding="utf-8",
        )
        add_documents(copy, [doc])  # the copy's first change compacts: not counted
        remove_documents(copy, ["900_bench_agenda"])
        t = time.perf_counter()
        add_documents(copy, [doc])
        add_s = time.perf_counter() - t
        add_hooks = dict(spent)
        t = time.perf_counter()
        remove_documents(copy, ["900_bench_agenda"])
        remove_s = time.perf_counter() - t
    finally:
        COMMIT_HOOKS[:] = saved
    summary_rebuild = out["summary_build_s"]
    row(
        "full-text index upkeep on add (rebuild -> incremental)",
        rebuild_s,
        add_hooks["update_index"],
        "s",
    )
    row("full-text index upkeep on remove", rebuild_s, spent["update_index"], "s")
    row(
        "summary upkeep on add (rebuild -> incremental)",
        summary_rebuild,
        add_hooks["update_summary"],
        "s",
    )
    row("summary upkeep on remove", summary_rebuild, spent["update_summary"], "s")
    row(
        "evidence index upkeep on add (rebuild -> incremental)",
        out["evidence_build_s"],
        add_hooks["update_evidence"],
        "s",
    )
    row("evidence index upkeep on remove", out["evidence_build_s"], spent["update_evidence"], "s")
    out["add_s"], out["remove_s"] = add_s, remove_s
    out["load"] = os.getloadavg()[0]
    return out


def _joined_ranking(conn: sqlite3.Connection, expr: str) -> list[Any]:
    """A new query's ranking as main ranked it before this round (branch answers5)."""
    from thbgraph.graph.answers import fulltext

    args = {"expr": expr, "kind": None, "year": None, "body": None}
    by_entity: dict[str, list[Any]] = {}
    for rowid, entity, rank in conn.execute(fulltext._HITS_SQL, args).fetchall():
        by_entity.setdefault(entity, []).append((rank, rowid))
    for rows_of in by_entity.values():
        rows_of.sort()
    return sorted(by_entity.items(), key=lambda kv: (kv[1][0], kv[0]))


def _sparql_values_rows(store: Any, row: Callable[..., None], repeats: int) -> None:
    """cited_by.rq with the commitment in a trailing VALUES block, as written and as the query
    worker runs it (graph/answers/values_inward.py), for the most-cited commitment and one cited
    at a handful of meetings; the rows must be the same."""
    from thbgraph.graph.answers import commitments
    from thbgraph.graph.answers.values_inward import move_values_inward
    from thbgraph.graph.queries import load_query
    from thbgraph.graph.store.embedded import union_kwargs

    cited = [c for c in commitments(store) if c["meetings"]]
    picks = [
        ("the most-cited commitment", max(cited, key=lambda c: c["citations"])),
        ("a commitment cited at ~4 meetings", min(cited, key=lambda c: abs(c["meetings"] - 4))),
    ]
    options = union_kwargs(store.inner)
    for what, c in picks:
        written = load_query("cited_by") + f"\nVALUES ?commitment {{ <{c['iri']}> }}\n"
        moved = move_values_inward(written)

        def run(text: str) -> list[tuple[str, ...]]:
            return [tuple(map(str, sol)) for sol in store.inner.query(text, **options)]

        if moved == written or sorted(run(moved)) != sorted(run(written)):
            raise SystemExit("the moved VALUES query is not moved or answers differently")
        row(
            f"SPARQL cited-by, trailing VALUES, {what}: as written -> moved into GRAPH",
            _median_ms(lambda w=written: run(w), max(3, repeats // 4)),
            _median_ms(lambda m=moved: run(m), repeats),
        )


def _entity_answer_figures(store: Any, out: dict[str, Any], repeats: int) -> None:
    """The commitment and meeting answers (in-process): the ones bench/http_mix.py asks (a
    commitment cited at ~4 meetings, the middle meeting of the list) and the largest."""
    from thbgraph.graph.answers import commitment, commitments, meeting, meetings

    cited = [c for c in commitments(store) if c["meetings"]]
    listed = meetings(store)
    widest = max(listed, key=lambda m: (len(m["cites"]), len(m["documents"])))
    asked = [
        (
            "commitment cited at ~4 meetings",
            lambda: commitment(store, min(cited, key=lambda c: abs(c["meetings"] - 4))["symbol"]),
        ),
        (
            "most-cited commitment",
            lambda: commitment(store, max(cited, key=lambda c: c["citations"])["symbol"]),
        ),
        (
            "meeting in the middle of the list",
            lambda: meeting(store, listed[len(listed) // 2]["id"]),
        ),
        ("meeting citing the most", lambda: meeting(store, widest["id"])),
    ]
    for what, fn in asked:
        out.setdefault("figures", []).append((what, _median_ms(fn, repeats)))


def render(results: dict[str, Any], command: str) -> str:
    lines = [
        START,
        "## Indexed answers: before / after in one run (`bench/answers.py`)",
        "",
        f"Command: `{command}`; store of {results['quads']:,} quads; in-process medians; "
        "this 2-core machine, shared with other jobs (load average "
        f"{results.get('load', 0):.0f} at the end of the run; single figures ±30 %).",
        "",
        "| answer | before | after | ratio |",
        "|---|---|---|---|",
    ]
    for r in results["rows"]:
        ratio = r["before"] / r["after"] if r["after"] else float("inf")
        unit = r["unit"]
        lines.append(
            f"| {r['what']} | {r['before']:.1f} {unit} | {r['after']:.3g} {unit} | {ratio:.0f}x |"
        )
    if results.get("figures"):
        lines += ["", "In-process answers (median):", "", "| answer | time |", "|---|---|"]
        lines += [f"| {what} | {ms:.1f} ms |" for what, ms in results["figures"]]
    lines += [
        "",
        f"`add` of one document {results['add_s']:.2f} s and `remove` {results['remove_s']:.2f} s "
        "in-process, both indexes kept in step inside them.",
        "",
        "Reading the table:",
        "- *before* for search is the first FTS5 index (no stems, `snippet()` for every matching "
        "row, 1,000 entities made for the API to page); it finds nothing for `торговля` (the text "
        "says `торговле`, `торговли`), so that ratio is not a speed-up.",
        "- A new query costs FTS5's BM25 over every matching row (~5 µs a row on this machine: "
        "`trafficking` matches ~3,000 rows at 1,000 documents); grouping, the page's rows and its "
        "snippets are the rest. The ranking is kept per index (256 queries), so the next pages "
        "and the same query again cost the page only. The target (search ≤ 50 ms at 1e6 triples) "
        "is met for a new query on an idle machine at 4e5 (25 ms measured) and missed under load; "
        "at 1e6 the matching rows, and so BM25's cost, grow about 2.5x.",
        "- Lists: the summary's rows are decoded once per generation; what is left is each "
        "answer's Python (filters, grouping).",
        "- Evidence pages: *before* is the answer computed by its named queries (bound to the "
        "document or entity; lookups since the OPTIONALs on `?evidence` come after the patterns "
        "binding it: before that fix each was a scan of ~1.5 s at 5.8e5 quads); *after* reads "
        "the evidence index (`graph/answers/evidence.py`). The rest of `describe` is its "
        "statements query (every triple in and out of the entity).",
        "- Upkeep: *before* is the whole rebuild (what the first search after `add` waited for, "
        "or what rebuilding the summary would cost); *after* is the commit hook inside `add` / "
        "`remove` (copy of the previous file, the changed documents' and keys' rows rewritten).",
        "- Not measured here: over HTTP and under load (bench/run.py, bench/load.sh).",
        END,
    ]
    return "\n".join(lines) + "\n"


def merge_section(old: str, section: str) -> str:
    """The page with this benchmark's section replaced by `section` (appended if it has none)."""
    return replace_section(old, section, START, END)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000, help="synthetic documents to build")
    parser.add_argument("--store", type=Path, help="an existing embedded store (copied first)")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--write", type=Path, help="update this markdown file's answers section")
    args = parser.parse_args()
    command = "python bench/answers.py " + " ".join(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="thbgraph-answers-") as tmp:
        work = Path(tmp)
        store = work / "store"
        if args.store:
            shutil.copytree(args.store, store, symlinks=True)
        else:
            from thbgraph.graph.pipeline import build_store
            from thbgraph.graph.quality.synth import write_corpus

            write_corpus(work / "corpus", args.docs, seed=1)
            t = time.perf_counter()
            build_store(store, corpus=work / "corpus")
            print(f"build {time.perf_counter() - t:.1f} s", flush=True)
        results = measure(store, args.repeats, work)
    text = render(results, command)
    print(text)
    print(json.dumps(results, indent=1))
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        args.write.write_text(merge_section(old, text), encoding="utf-8")


if __name__ == "__main__":
    main()
