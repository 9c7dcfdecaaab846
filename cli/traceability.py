"""`thbgraph cited-by`, `query`, `show`: ask the graph traceability questions from the terminal."""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..graph.answers import cited_by as cited_by_answer
from ..graph.errors import QueryError, UnknownEntityError
from ..graph.queries import run_named
from ..graph.settings import default_store_path
from ..graph.store import open_store, to_python
from . import app
from .options import StoreOption, prefixed


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


def _flatten_cited_by(answer: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    groups = [(m, m["documents"]) for m in answer["meetings"]]
    groups.append(({}, answer["documents_without_meeting"]))
    for m, docs in groups:
        for d in docs:
            for p in d["passages"]:
                rows.append(
                    {
                        "symbol": answer["commitment"]["symbol"],
                        "meeting": m.get("iri"),
                        "meeting_name": m.get("name"),
                        "start_date": m.get("start_date"),
                        "end_date": m.get("end_date"),
                        "place": m.get("place") or ("online" if m.get("online") else None),
                        "document": d["file"] or d["iri"],
                        "document_type": d["type"],
                        "passage": p["text"],
                        "start": p["start"],
                        "end": p["end"],
                        "quote": p["quote"]["text"],
                        "quote_start": p["quote"]["start"],
                        "quote_end": p["quote"]["end"],
                        "method": p["method"],
                        "note": p["note"],
                    }
                )
    return rows


@app.command("cited-by")
def cited_by(
    symbol: Annotated[
        str, typer.Argument(help="A commitment symbol as you write it, e.g. MC.DEC/6/18.")
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    since: Annotated[
        str | None, typer.Option("--since", help="Only meetings starting on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only meetings starting on or before YYYY-MM-DD.")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Which meetings cited a commitment, with the documents and exact passages as evidence."""
    from ..graph.timeline import within

    with open_store(store or default_store_path()) as kg:
        answer = within(cited_by_answer(kg, symbol), since=since, until=until)
    if format is Format.json:
        typer.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    if format is Format.csv:
        typer.echo(_csv(_flatten_cited_by(answer)), nl=False)
        return
    c = answer["commitment"]
    console = Console()
    n = len(answer["meetings"])
    console.print(f"[bold]{c['symbol']}[/bold] {c['title'] or ''}: cited by {n} meeting(s)")
    for m in answer["meetings"]:
        when = m["start_date"] or "undated"
        if m["end_date"] and m["end_date"] != m["start_date"]:
            when += f" to {m['end_date']}"
        where = m["place"] or ("online" if m["online"] else "place not stated")
        console.print(f"\n[bold]{m['name'] or m['iri']}[/bold]  {when}, {where}")
        _print_documents(console, m["documents"])
    if answer["documents_without_meeting"]:
        console.print("\n[bold]Documents about no identified meeting[/bold]")
        _print_documents(console, answer["documents_without_meeting"])


def _print_documents(console: Console, docs: list[dict[str, Any]]) -> None:
    table = Table(show_header=True, header_style="bold")
    for name in ("document", "passage", "offsets", "reading"):
        table.add_column(name, overflow="fold")
    for d in docs:
        for p in d["passages"]:
            reading = p["method"] + (f" ({p['note']})" if p["note"] else "")
            quote = p["quote"]
            passage = Text(p["text"])  # the sentence, the citing words in bold
            passage.stylize("bold", int(quote["start"]), int(quote["end"]))
            start = int(p["start"])
            table.add_row(
                f"{d['file'] or d['iri']} ({d['type'] or 'document'})",
                passage,
                f"{start + int(quote['start'])}-{start + int(quote['end'])}",
                reading,
            )
    console.print(table)


_NAME = re.compile(r"[A-Za-z_][\w-]{0,80}")


def _unknown_name(name: str, names: list[str]) -> str:
    """One line for a mistyped named query: the nearest names, and where the list is."""
    near = difflib.get_close_matches(name.replace("-", "_"), names, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    return f"no named query {name!r}: {hint}`thbgraph query --list` lists them"


@app.command()
def query(
    sparql: Annotated[
        str | None,
        typer.Argument(help="A SPARQL query, @file.rq, or the name of a bundled query."),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    list_names: Annotated[
        bool, typer.Option("--list", help="List the bundled (named) queries and exit.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph."""
    from ..graph.queries import load_query, query_names

    if list_names:
        for name in query_names():
            typer.echo(name)
        return
    if sparql is None:
        raise QueryError("give a SPARQL query, @file.rq or a named query (see --list)")
    if sparql.startswith("@"):
        path = Path(sparql[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query file: {exc}") from exc
    elif sparql in query_names():
        text = load_query(sparql)
    elif _NAME.fullmatch(sparql.strip()):
        raise QueryError(_unknown_name(sparql.strip(), query_names()))
    else:
        text = sparql
    from ..graph.queryguard import inspect_query

    info = inspect_query(text)
    dataset: dict[str, Any] = {}
    if info.from_graphs or info.from_named_graphs:
        dataset = {
            "default_graphs": info.from_graphs,
            "named_graphs": info.from_named_graphs or None,
        }
    with open_store(store or default_store_path()) as kg:
        try:
            from ..graph.answers.user_query import planned_query

            result = kg.query(planned_query(text, kg), **dataset)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        if isinstance(result, ox.QueryBoolean):
            typer.echo("true" if bool(result) else "false")
            return
        if isinstance(result, ox.QueryTriples):
            sys.stdout.buffer.write(ox.serialize(result, format=ox.RdfFormat.TURTLE) or b"")
            return
        names = [v.value for v in result.variables]
        rows = [{n: to_python(sol[n]) for n in names} for sol in result]
    _print_rows(rows, names, format)


def _print_rows(rows: list[dict[str, Any]], names: list[str], format: Format) -> None:
    if format is Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif format is Format.csv:
        typer.echo(_csv(rows), nl=False)
    else:
        table = Table(show_header=True, header_style="bold")
        for n in names:
            table.add_column(n, overflow="fold")  # wrap long values, never cut them to "…"
        for r in rows:
            table.add_row(*("" if r[n] is None else prefixed(str(r[n])) for n in names))
        Console().print(table)
        typer.echo(f"{len(rows)} row(s)")


@app.command()
def show(
    entity: Annotated[str, typer.Argument(help="An entity IRI, or a commitment symbol.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    store: StoreOption = None,
) -> None:
    """Everything the graph says about one entity, and in which document graph."""
    from ..graph.answers import resolve_symbol as resolve

    with open_store(store or default_store_path()) as kg:
        iri = entity if entity.startswith(("http://", "https://")) else resolve(kg, entity)[1]
        rows = run_named(kg, "entity", entity=ox.NamedNode(iri))
    if not rows:
        raise UnknownEntityError(f"the graph says nothing about {entity}")
    _print_rows(rows, ["direction", "property", "value", "graph"], format)
